"""What the 文件 menu does with files: import and export every kind we read and write, print,
back up, restore, open another database, choose the PDF's fonts.

Every report file goes in and out through ``export.files`` (the command line's pair too), so a
refused file says the same here as there. Each action acts on the window only through the
``Workbench`` interface.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from export.document import chinese_date
from export.files import file_filter, read_report_file, readable_filter, write_report_file
from export.reading import ImportResult
from model.checks import check_report
from model.paths import data_dir
from model.preamble import report_title
from model.problems import Problem, Severity
from model.refusal import FileRefused
from model.report import Report, Status

from . import dialogs, report_dialogs
from .database import DATABASE_FILTER, open_database
from .report_actions import save_new
from .ui_state import LAST_EXPORT_FOLDER, LAST_FOLDER, remember, remembered
from .workbench import Workbench


class FileActions(QObject):
    def __init__(self, bench: Workbench, parent: QWidget) -> None:
        super().__init__(parent)
        self.bench = bench
        self.parent_widget = parent
        self.print_folders: list[Path] = []

    # ── import ──

    @Slot()
    def import_package(self) -> None:
        self._import("导入数据包", ".json")

    @Slot()
    def import_excel(self) -> None:
        self._import("导入 Excel", ".xlsx")

    @Slot()
    def import_word(self) -> None:
        self._import("导入 Word", ".docx")

    @Slot()
    def import_any(self) -> None:
        """导入上一年报告: last year's report from whatever file the office has of it."""
        self._choose_and_import("导入上一年报告", readable_filter())

    def _import(self, title: str, suffix: str) -> None:
        self._choose_and_import(title, file_filter(suffix, reading=True))

    def _choose_and_import(self, title: str, file_filter: str) -> None:
        folder = remembered(LAST_FOLDER) or dialogs.documents_folder()
        chosen = dialogs.open_file(self.parent_widget, title, folder, file_filter)
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, path: Path) -> None:
        """Read a report from any file we read (chosen, or dropped on the window); it lands in
        the store only when all of it is read."""
        remember(LAST_FOLDER, str(path.parent))
        self._take_in(path.name, lambda: read_report_file(path))

    @Slot()
    def paste_report(self) -> None:
        """A report copied from the portal's page in the browser (编辑 → 粘贴报告): the HTML the
        browser puts on the clipboard, read as a saved page is, else its plain text."""
        from PySide6.QtGui import QGuiApplication

        from export.reading.html_import import read_html_text
        from export.reading.text_import import has_tables, read_plain_text

        data = QGuiApplication.clipboard().mimeData()
        if data is not None and data.hasHtml():
            html = data.html()
            self._take_in("剪贴板中的报告", lambda: read_html_text(html, "复制的网页"))
        elif data is not None and data.hasText() and has_tables(data.text()):
            text = data.text()  # a browser's plain text of a page with the report's tables
            self._take_in("剪贴板中的报告", lambda: read_plain_text(text, "复制的文字"))
        else:
            dialogs.error(
                self.parent_widget,
                "无法粘贴报告",
                "剪贴板中没有复制的报告。请在浏览器中打开网站上的报告，选中全文（Ctrl+A）并复制"
                "（Ctrl+C），再回到这里粘贴；也可以把网页“另存为” .html 文件，或下载 PDF 后导入。",
            )

    def _take_in(self, name: str, read_it: Callable[[], ImportResult]) -> None:
        """Read a report and keep it: asked what the file does not say, nothing kept half-read."""
        try:
            read = read_it()
            if read.missing_identity() and not self._identify(read, name):
                return
            report = read.whole()
        except FileRefused as exc:
            dialogs.error(
                self.parent_widget, "无法导入", f"{name} 未导入，数据库没有任何改动：\n{exc}"
            )
            return
        if not self._replace_existing(report):
            return
        published = not read.status_known and self._ask_published(report)
        if not save_new(self.bench, self.parent_widget, report):
            return
        if published and report.id is not None:
            self.bench.store.record_event(report.id, "导入时标记为已发布")
        if read.notes:
            advice = (
                ""
                if read.status_known
                else "\n请逐项核对导入的内容，缺少的基本信息请在“基本信息”中填写。"
            )
            dialogs.inform(self.parent_widget, "导入完成", "\n".join(read.notes) + advice)

    def _identify(self, read: ImportResult, name: str) -> bool:
        """Ask for the organization or year the file does not say; False: cancelled."""
        found = read.report
        chosen = report_dialogs.ask_identity(
            self.bench.store, name, found.organization, found.year, self.parent_widget
        )
        if chosen is not None:
            read.identify(*chosen)
        return chosen is not None

    def _ask_published(self, report: Report) -> bool:
        """A past year's report read from Word or a hand-made workbook was most likely published:
        mark it so (read-only; its 落款 date as the publication date) if the clerk confirms."""
        if report.year is None or report.year >= dt.date.today().year:
            return False
        day = report.signed_on or dt.date.today()
        question = (
            f"导入的是 {report.year} 年度的报告。它是已经公开发布的报告吗？\n\n"
            f"选择“是”：标记为已发布（只读），发布日期记为 {chinese_date(day)}；"
            "需要修改时可以“取消发布”。\n选择“否”：作为草稿导入，可以修改。"
        )
        if not dialogs.ask(self.parent_widget, "是否已发布", question):
            return False
        report.status, report.published_on = Status.PUBLISHED, day
        return True

    def _replace_existing(self, report: Report) -> bool:
        """Ask before an import replaces the report of the same organization and year."""
        store = self.bench.store
        org_id = store.find_organization(report.organization)
        existing = store.find(org_id, report.year or 0) if org_id is not None else None
        if existing is None or existing.id is None:
            return True
        question = f"数据库中已有《{report_title(existing)}》。用导入的内容替换它吗？\n原报告会移到回收站。"
        if not dialogs.ask(self.parent_widget, "替换报告", question):
            return False
        session = self.bench.session
        if session is not None and session.report.id == existing.id:
            self.bench.close_report()
        store.delete(existing.id)
        return True

    # ── export and print ──

    @Slot()
    def export_package(self) -> None:
        self._export(".json", "导出数据包")

    @Slot()
    def export_excel(self) -> None:
        self._export(".xlsx", "导出 Excel")

    @Slot()
    def export_pdf(self) -> None:
        self._export(".pdf", "导出 PDF")

    @Slot()
    def export_word(self) -> None:
        self._export(".docx", "导出 Word")

    @Slot()
    def print_report(self) -> None:
        """Print through the system's PDF viewer: export to a temporary PDF and open it."""
        prepared = self._prepare("打印")
        if prepared is None:
            return
        report, errors = prepared
        folder = Path(tempfile.mkdtemp(prefix="nianbao-print-"))
        self.print_folders.append(folder)  # removed when the window closes
        target = folder / f"{report_title(report)}.pdf"
        if self._write(report, errors, target):
            self._open(target, "打印")

    def remove_print_folders(self) -> None:
        """The temporary PDFs made to print, removed when the window closes."""
        for folder in self.print_folders:
            shutil.rmtree(folder, ignore_errors=True)
        self.print_folders.clear()

    def _open(self, target: Path, title: str) -> None:
        """Open a written file in the system's program for it, or say what to do without one."""
        if not dialogs.open_externally(target):
            dialogs.error(
                self.parent_widget,
                title,
                f"这台电脑上没有可以打开 {target.suffix} 文件的程序，文件已保存在：\n{target}\n"
                "请安装 PDF 阅读器（如 WPS、福昕阅读器）后打开它打印，或用其他电脑打开。",
            )

    def _export(self, suffix: str, title: str) -> None:
        """Write the open report; a report with errors only as a 草稿, after asking."""
        prepared = self._prepare(title, draft_ok=suffix == ".json")
        if prepared is None:
            return
        report, errors = prepared
        name = f"{report_title(report)}{suffix}"
        folder = remembered(LAST_EXPORT_FOLDER) or dialogs.documents_folder()
        chosen = dialogs.save_file(
            self.parent_widget, title, str(Path(folder) / name), file_filter(suffix)
        )
        if not chosen:
            return
        target = Path(chosen)
        remember(LAST_EXPORT_FOLDER, str(target.parent))
        if not self._write(report, errors, target):
            return
        self.bench.show_status(f"已导出到 {target}", 8000)
        if suffix == ".xlsx" and dialogs.ask(
            self.parent_widget, title, f"已导出到：\n{target}\n\n要打开所在的文件夹吗？"
        ):
            dialogs.show_in_folder(target)
        elif suffix in (".pdf", ".docx") and dialogs.ask(
            self.parent_widget, title, f"已导出到：\n{target}\n\n要打开这个文件吗？"
        ):
            self._open(target, title)

    def _prepare(
        self, title: str, *, draft_ok: bool = False
    ) -> tuple[Report, list[Problem]] | None:
        """The open report with typing committed and its errors; a draft only if the user agrees."""
        session = self.bench.session
        if session is None:
            return None
        self.bench.commit_typing()
        report = session.report
        errors = [p for p in check_report(report) if p.severity is Severity.ERROR]
        question = (
            f"报告还有 {len(errors)} 个错误（见“检查结果”）。仍要继续吗？文件会标记为“草稿”。"
        )
        if errors and not draft_ok and not dialogs.ask(self.parent_widget, title, question):
            return None
        return report, errors

    def _write(self, report: Report, errors: list[Problem], target: Path) -> bool:
        """Write one file; a failure is told and leaves any earlier file as it was."""
        try:
            write_report_file(report, target, errors=errors)
        except (OSError, ValueError) as exc:  # WriteError, FontError: their messages say what to do
            dialogs.error(
                self.parent_widget, "导出失败", f"{exc}\n文件未写入，原有文件（如有）保持不变。"
            )
            return False
        return True

    @Slot()
    def font_settings(self) -> None:
        from .font_dialog import FontDialog

        FontDialog(self.parent_widget).exec()

    # ── the database ──

    @Slot()
    def backup_database(self) -> None:
        suggested = f"年报助手备份-{dt.date.today():%Y%m%d}.sqlite3"
        chosen = dialogs.save_file(self.parent_widget, "备份数据库", suggested, DATABASE_FILTER)
        if not chosen:
            return
        target = Path(chosen)
        try:
            self.bench.store.backup_to(target)  # complete or not at all
        except Exception as exc:  # OSError or sqlite3.Error: told, nothing half-written
            dialogs.error(self.parent_widget, "备份失败", f"无法备份到 {target}：{exc}")
            return
        self.bench.show_status(f"数据库已备份到 {target}", 8000)

    @Slot()
    def restore_backup(self) -> None:
        chosen = dialogs.open_file(
            self.parent_widget, "恢复备份", str(data_dir() / "backups"), DATABASE_FILTER
        )
        if not chosen or not dialogs.ask(
            self.parent_widget,
            "恢复备份",
            "恢复后，当前数据库中的所有报告将被备份文件中的内容替换（替换前会先自动备份当前数据库）。确定恢复吗？",
        ):
            return
        self.bench.close_report()
        path = self.bench.database_path
        try:
            safety = path.with_name(
                f"{path.stem}.before-restore-{dt.datetime.now():%Y%m%d-%H%M%S}.sqlite3"
            )
            self.bench.store.backup_to(safety)
            self.bench.store.restore_from(Path(chosen))
        except Exception as exc:
            dialogs.error(self.parent_widget, "无法恢复备份", str(exc))
            return
        self.bench.refresh_list()
        self.bench.show_status("已从备份恢复。", 8000)

    @Slot()
    def open_other_database(self) -> None:
        chosen = dialogs.open_file(self.parent_widget, "打开数据库", "", DATABASE_FILTER)
        if not chosen:
            return
        database = open_database(Path(chosen), self.parent_widget)
        if database is not None:
            self.bench.switch_database(database)
