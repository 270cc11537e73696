"""Looking at an Office file before a library opens it.

A file that is not what it claims, an old binary format (.xls/.et/.doc/.wps, or an encrypted
file: all OLE containers), a zip bomb or a sheet claiming a million rows is refused quickly and
cheaply, with a message that says what to do. Nothing here parses the XML itself.
"""

from __future__ import annotations

import logging
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from model.refusal import FileRefused, refused

log = logging.getLogger(__name__)

MAX_UNPACKED = 100 * 1024 * 1024  # bytes, all entries together
MAX_XML = 16 * 1024 * 1024  # bytes of XML, all entries together: what the libraries parse
MAX_ROWS, MAX_COLS = 5000, 200
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+(?::([A-Z]+)(\d+))?"')


@dataclass(frozen=True)
class OfficeKind:
    name: str  # as the messages name it
    main_entry: str  # the zip entry every such file has
    old_formats: str  # what an OLE file of this kind probably is, and what to do about it


XLSX = OfficeKind(
    "Excel 工作簿（.xlsx）",
    "xl/workbook.xml",
    "是旧版 Excel（.xls）、WPS 表格（.et）文件或加了密码的工作簿，不能直接读取。"
    "请在 Excel 或 WPS 中“另存为” .xlsx（不设密码）后再导入。",
)
DOCX = OfficeKind(
    "Word 文档（.docx）",
    "word/document.xml",
    "是旧版 Word（.doc）、WPS 文字（.wps）文件或加了密码的文档，不能直接读取。"
    "请在 Word 或 WPS 中“另存为” .docx（不设密码）后再导入。",
)


def check_container(path: Path, kind: OfficeKind) -> None:
    name = path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise refused(f"找不到文件：{path}") from None
    except OSError as exc:
        raise refused(f"无法读取 {name}：{exc.strerror or exc}") from None
    if head == _OLE:
        raise refused(f"{name} {kind.old_formats}")
    if not zipfile.is_zipfile(path):
        raise refused(f"{name} 不是 {kind.name}。")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_entries(name, kind, archive)
    except FileRefused:
        raise
    except _ZIP_ERRORS as exc:
        log.info("%s: %s: %s", path, type(exc).__name__, exc)  # the detail, for whoever helps
        raise refused(_damage_message(name, kind, exc)) from None


# What a damaged or unusual zip container raises in ``zipfile`` (and the decompressors).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    UnicodeDecodeError,  # an entry name flagged UTF-8 that is not
    RuntimeError,  # an entry flagged encrypted
    NotImplementedError,  # an unknown compression method
    EOFError,
    OSError,
    ValueError,
    struct.error,
)


def _check_entries(name: str, kind: OfficeKind, archive: zipfile.ZipFile) -> None:
    entries = archive.infolist()
    if kind.main_entry not in {e.filename for e in entries}:
        raise refused(f"{name} 是压缩文件，但不是 {kind.name}。")
    if sum(e.file_size for e in entries) > MAX_UNPACKED:
        raise refused(f"{name} 解压后超过 100 MB，不像是一份年度报告，已拒绝读取。")
    xml = sum(e.file_size for e in entries if e.filename.endswith((".xml", ".rels")))
    if xml > MAX_XML:  # what the libraries parse: its size is their time and memory
        raise refused(
            f"{name} 的文字和表格部分解压后有 {xml / 2**20:.0f} MB，远超一份年度报告"
            "（通常不到 1 MB），疑似“压缩炸弹”，已拒绝读取。"
        )
    for entry in entries:
        if entry.flag_bits & 0x1:
            raise refused(f"{name} {kind.old_formats}")  # encrypted parts: a password was set
    # Every entry decompressed once and its checksum compared: a damaged file is refused here,
    # by name, instead of failing halfway inside a library.
    bad = archive.testzip()
    if bad is not None:
        raise refused(
            f"{name} 已损坏（其中的 {bad} 校验不符），无法读取。{_REPAIR[kind.main_entry]}"
        )
    for entry in entries:
        if entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml"):
            _check_dimension(name, entry.filename, archive.open(entry).read(4096))


_REPAIR = {
    "xl/workbook.xml": "可以用 Excel 或 WPS 打开它（它们常能修复损坏的文件），另存为 .xlsx 后再导入。",
    "word/document.xml": "可以用 Word 或 WPS 打开它（它们常能修复损坏的文件），另存为 .docx 后再导入。",
}


def _damage_message(name: str, kind: OfficeKind, exc: BaseException) -> str:
    """What is wrong with the container, in Chinese; the library's words go to the log."""
    if isinstance(exc, NotImplementedError):
        return (
            f"{name} 使用了不支持的压缩方式，可能不是 Office 或 WPS 保存的文件。"
            + _REPAIR[kind.main_entry]
        )
    return f"{name} 已损坏，无法读取。{_REPAIR[kind.main_entry]}"


def _check_dimension(name: str, entry: str, head: bytes) -> None:
    match = _DIMENSION.search(head)
    if match is None or match.group(1) is None:
        return
    rows = int(match.group(2))
    cols = 0
    for letter in match.group(1).decode():
        cols = cols * 26 + ord(letter) - 64
    if rows > MAX_ROWS or cols > MAX_COLS:
        sheet = entry.rsplit("/", 1)[-1]
        raise refused(
            f"{name} 的工作表 {sheet} 声称有 {rows} 行 {cols} 列，远超年度报告表格的大小，已拒绝读取。"
        )


def unreadable(path: Path, kind: OfficeKind, exc: BaseException) -> FileRefused:
    """The refusal of a file the library could not open: in Chinese, with what to do; the
    library's own (English) words go to the log for whoever helps the clerk."""
    log.info("%s: %s: %s", path, type(exc).__name__, exc)
    return refused(
        f"{path.name} 无法作为{kind.name}打开：文件内部的结构已损坏，或不是 Office、WPS 保存的格式。"
        + _REPAIR[kind.main_entry]
    )
