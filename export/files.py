"""One way in and out for report files: ``read_report_file`` and ``write_report_file``.

The command line, the window and the tests read and write every kind of file — the data package
included — through this pair, so a file is refused with the same Chinese message (``FileRefused``)
wherever it is opened. Readers and writers are looked up by the file's suffix, their modules (and
openpyxl, reportlab, python-docx) imported only when one runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from model.package import read_package, read_text, save_package
from model.refusal import FileRefused, refused
from model.report import clean_texts

from .reading import ImportResult

if TYPE_CHECKING:
    from model.problems import Problem
    from model.report import Report

    from .document import RenderedReport


class FileKind(NamedTuple):
    name: str  # what the user calls it, in messages and file dialogs
    entry: str  # "module:function", imported when the file is read or written


# Source suffix → reader(path) -> ImportResult, raising FileRefused.
READERS: dict[str, FileKind] = {
    ".json": FileKind("年报数据包", "export.files:read_package_file"),
    ".xlsx": FileKind("Excel 工作簿", "export.reading.xlsx_import:read_xlsx"),
    ".docx": FileKind("Word 文档", "export.reading.docx_import:read_docx"),
    ".html": FileKind("网页", "export.reading.html_import:read_html"),
    ".htm": FileKind("网页", "export.reading.html_import:read_html"),
    ".pdf": FileKind("PDF 文件", "export.reading.pdf_import:read_pdf"),
    ".txt": FileKind("从网页复制的文本", "export.reading.text_import:read_text_file"),
}

# Old binary formats a clerk still meets: shown in the file dialogs and taken from a drop, so that
# the clerk sees the file and is told what to do with it instead of an empty folder.
OLD_FORMATS: dict[str, tuple[str, str]] = {  # suffix → (what it is, the kind to save it as)
    ".doc": ("旧版 Word 文档", ".docx"),
    ".wps": ("WPS 文字文档", ".docx"),
    ".xls": ("旧版 Excel 工作簿", ".xlsx"),
    ".et": ("WPS 表格", ".xlsx"),
}

# Target suffix → writer(rendered, report, target), complete or not at all.
WRITERS: dict[str, FileKind] = {
    ".json": FileKind("年报数据包", "export.files:write_package_file"),
    ".xlsx": FileKind("Excel 工作簿", "export.xlsx:write_xlsx"),
    ".pdf": FileKind("PDF 文件", "export.pdf:write_pdf"),
    ".docx": FileKind("Word 文档", "export.docx:write_docx"),
}

Reader = Callable[[Path], ImportResult]
Writer = Callable[["RenderedReport", "Report", Path], None]


def read_report_file(path: Path) -> ImportResult:
    """A report from any file we read; FileRefused, naming where and why, when it cannot be read.

    A data package with faulty values or totals is read with them as ``problems`` (``validate``
    lists them); ``ImportResult.whole`` refuses them for an import."""
    suffix = path.suffix.lower()
    if suffix in OLD_FORMATS:
        what, instead = OLD_FORMATS[suffix]
        program = "Word" if instead == ".docx" else "Excel"
        raise refused(
            f"“{path.name}”是{what}（{suffix}），本程序不能直接读取。请在 WPS 或 {program} 中打开它，"
            f"“另存为”{READERS[instead].name}（{instead}）后再导入。"
        )
    kind = READERS.get(suffix)
    if kind is None:
        raise refused(f"无法读取“{path.name}”：只能读取{_listed(READERS.items())}。")
    reader: Reader = _imported(kind.entry)
    read = reader(path)
    bad_texts = clean_texts(read.report)  # one check of every text, whatever the file's kind
    if bad_texts:
        raise FileRefused(bad_texts)
    return read


def check_target(path: Path) -> None:
    """FileRefused unless a report can be written to a file named so (checked before any work)."""
    if path.suffix.lower() not in WRITERS:
        raise refused(
            f"无法识别目标文件的格式“{path.suffix or path.name}”：请用 {'、'.join(WRITERS)}。"
        )


def write_report_file(report: Report, path: Path, *, errors: list[Problem] | None = None) -> None:
    """Write a report as the suffix says, complete or not at all; ``errors`` make it a 草稿.

    Raises FileRefused for a suffix we cannot write, WriteError when the file cannot be written,
    FontError when no font can print the PDF — each with a message saying what to do."""
    from .document import render

    check_target(path)
    writer: Writer = _imported(WRITERS[path.suffix.lower()].entry)
    writer(render(report, errors=errors), report, path)


def file_filter(suffix: str, *, reading: bool = False) -> str:
    """A file dialog's filter for one kind: "Excel 工作簿 (*.xlsx);;所有文件 (*)"; to read, with
    the old formats saved as that kind (*.xlsx *.xls *.et)."""
    kind = READERS.get(suffix) or WRITERS[suffix]
    return f"{kind.name} ({_patterns(suffix, reading=reading)});;所有文件 (*)"


def readable_filter() -> str:
    """A file dialog's filter for every kind we read, and the old ones we name:
    "年报文件 (*.json *.xlsx *.xls *.et *.docx *.doc *.wps);;…"."""
    patterns = " ".join(_patterns(suffix, reading=True) for suffix in READERS)
    kinds = ";;".join(
        f"{kind.name} ({_patterns(suffix, reading=True)})" for suffix, kind in READERS.items()
    )
    return f"年报文件 ({patterns});;{kinds};;所有文件 (*)"


def readable(path: Path) -> bool:
    """Whether ``read_report_file`` takes the file, or names what to do with it (old formats)."""
    return path.suffix.lower() in READERS or path.suffix.lower() in OLD_FORMATS


def _patterns(suffix: str, *, reading: bool) -> str:
    old = [s for s, (_, instead) in OLD_FORMATS.items() if instead == suffix] if reading else []
    return " ".join(f"*{s}" for s in (suffix, *old))


def read_package_file(path: Path) -> ImportResult:
    read = read_package(read_text(path))
    return ImportResult(read.report, problems=read.problems)


def write_package_file(_rendered: RenderedReport, report: Report, path: Path) -> None:
    """The data package holds the report itself, never blocked by its errors."""
    save_package(report, path)


def _listed(kinds: Iterable[tuple[str, FileKind]]) -> str:
    """年报数据包（.json）、Excel 工作簿（.xlsx）或 Word 文档（.docx）"""
    named = [f"{kind.name}（{suffix}）" for suffix, kind in kinds]
    return "、".join(named[:-1]) + "或" + named[-1]


def _imported(entry: str) -> Any:
    """The function named "module:function", its module (and library) imported only now."""
    module, function = entry.split(":")
    return getattr(import_module(module), function)
