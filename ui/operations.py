"""What the menus do: reports (new, copy, delete, publish), files (data packages, backups,
databases) and editing. Each operation asks through ``dialogs`` and reports failures in Chinese."""

from __future__ import annotations

import copy
import datetime as dt
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication, QDialog

from export import reader_for, writer_for
from export.document import chinese_date, render
from export.office_files import ImportRefused
from model.carry_over import report_from_previous
from model.checks import check_report
from model.package import PackageError, load_report, save_package
from model.paths import data_dir
from model.preamble import report_title
from model.problems import Problem, Severity
from model.report import Report, Status
from model.store.inspection import StoreError
from model.store.store import Store

from . import dialogs
from .database import DATABASE_FILTER, open_database
from .report_dialogs import NewReportDialog, ReplacementsDialog, TrashDialog
from .report_editor import TableTab
from .ui_state import remember, remembered

if TYPE_CHECKING:
    from .main_window import MainWindow

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "sample" / "guanqiao-2021.json"
PACKAGE_FILTER = "年报数据包 (*.json);;所有文件 (*)"
EXCEL_FILTER = "Excel 工作簿 (*.xlsx);;所有文件 (*)"
PDF_FILTER = "PDF 文件 (*.pdf);;所有文件 (*)"
WORD_FILTER = "Word 文档 (*.docx);;所有文件 (*)"


class Operations(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    @property
    def store(self) -> Store:
        return self.window.database.store

    def _report(self) -> Report | None:
        return self.window.session.report if self.window.session else None

    # ── reports ──

    @Slot()
    def new_report(self) -> None:
        dialog = NewReportDialog(self.store, remembered("last_organization"), parent=self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        organization, year, inherit = dialog.chosen()
        remember("last_organization", organization)
        org_id = self.store.find_organization(organization)
        previous = self.store.find(org_id, year - 1) if inherit and org_id is not None else None
        replacements = []
        if previous is not None:
            carried = report_from_previous(previous, year, organization)
            report, replacements = carried.report, carried.replacements
        else:
            report = Report(organization, year)
        if self._save_new(report) and replacements:
            ReplacementsDialog(replacements, self.window).exec()

    @Slot()
    def open_sample(self) -> None:
        sample = load_report(SAMPLE)
        org_id = self.store.find_organization(sample.organization)
        existing = self.store.find(org_id, sample.year or 0) if org_id is not None else None
        if existing is not None and existing.id is not None:
            self.window.open_report(existing.id)
            self.window.statusBar().showMessage("示例报告已在列表中，已打开。", 5000)
            return
        self._save_new(sample)

    @Slot()
    def copy_report(self) -> None:
        report = self._report()
        if report is None:
            return
        dialog = NewReportDialog(
            self.store,
            report.organization,
            (report.year or 2021) + 1,
            copy_of=report_title(report),
            parent=self.window,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        organization, year, _ = dialog.chosen()
        duplicate = copy.deepcopy(report)
        duplicate.id = duplicate.organization_id = None
        duplicate.organization, duplicate.year = organization, year
        duplicate.status, duplicate.published_on = Status.DRAFT, None
        self._save_new(duplicate)

    def _save_new(self, report: Report) -> bool:
        try:
            self.store.save(report)
        except StoreError as exc:
            dialogs.error(self.window, "无法创建报告", str(exc))
            return False
        self.window.refresh_list()
        if report.id is not None:
            self.window.open_report(report.id)
        return True

    @Slot()
    def delete_report(self) -> None:
        report = self._report()
        if report is None or report.id is None:
            return
        if dialogs.ask(
            self.window,
            "删除报告",
            f"确定删除《{report_title(report)}》吗？\n删除后可以从“回收站”恢复。",
        ):
            self.window.close_report()
            self.store.delete(report.id)
            self.window.refresh_list()
            self.window.statusBar().showMessage("报告已移到回收站。", 5000)

    @Slot()
    def publish(self) -> None:
        self._set_status(
            Status.PUBLISHED,
            "标记为已发布",
            "标记为已发布后，报告将变为只读，并记录发布日期。需要修改时可以“取消发布”。确定吗？",
        )

    @Slot()
    def unpublish(self) -> None:
        self._set_status(
            Status.DRAFT,
            "取消发布",
            "取消发布后报告恢复为草稿，可以再次修改。此操作会被记录。确定吗？",
        )

    def _set_status(self, status: Status, title: str, question: str) -> None:
        session = self.window.session
        if (
            session is None
            or session.report.id is None
            or not dialogs.ask(self.window, title, question)
        ):
            return
        if self.window.editor is not None:
            self.window.editor.commit()
        report = session.report
        report.status = status
        report.published_on = dt.date.today() if status is Status.PUBLISHED else None
        self.store.save(report)
        self.store.record_event(report.id or 0, title)
        self.window.reload_report()
        self.window.refresh_list()

    @Slot()
    def show_trash(self) -> None:
        TrashDialog(self.store, self.window).exec()
        self.window.refresh_list()

    @Slot()
    def rename_organization(self) -> None:
        report = self._report()
        if report is None or report.organization_id is None:
            return
        name = dialogs.get_text(
            self.window,
            "机关改名",
            "新的机关名称（如 乡 → 镇；历年报告仍归在同一机关下，已发布的报告保留原名称）：",
            report.organization,
        )
        if not name:
            return
        try:
            self.store.rename_organization(report.organization_id, name)
        except StoreError as exc:
            dialogs.error(self.window, "无法改名", str(exc))
            return
        self.window.reload_report()
        self.window.refresh_list()

    # ── files ──

    @Slot()
    def import_package(self) -> None:
        self._import("导入数据包", PACKAGE_FILTER)

    @Slot()
    def import_excel(self) -> None:
        self._import("导入 Excel", EXCEL_FILTER)

    @Slot()
    def import_word(self) -> None:
        self._import("导入 Word", WORD_FILTER)

    def _import(self, title: str, file_filter: str) -> None:
        chosen = dialogs.open_file(self.window, title, remembered("last_folder"), file_filter)
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, path: Path) -> None:
        """Read a data package, a workbook or a document (chosen, or dropped on the window); it
        lands in the store only when all of it is read."""
        remember("last_folder", str(path.parent))
        notes: list[str] = []
        status_known = True
        reader = reader_for(path.suffix)
        try:
            if reader is not None:
                try:
                    result = reader(path)
                except ImportRefused as exc:
                    raise PackageError(exc.issues) from None
                report, notes, status_known = result.report, result.notes, result.status_known
            else:
                report = load_report(path)
        except PackageError as exc:
            dialogs.error(
                self.window, "无法导入", f"{path.name} 未导入，数据库没有任何改动：\n{exc}"
            )
            return
        if not self._replace_existing(report):
            return
        published = not status_known and self._ask_published(report)
        if not self._save_new(report):
            return
        if published and report.id is not None:
            self.store.record_event(report.id, "导入时标记为已发布")
        if notes:
            dialogs.inform(self.window, "导入完成", "\n".join(notes))

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
        if not dialogs.ask(self.window, "是否已发布", question):
            return False
        report.status, report.published_on = Status.PUBLISHED, day
        return True

    def _replace_existing(self, report: Report) -> bool:
        """Ask before an import replaces the report of the same organization and year."""
        org_id = self.store.find_organization(report.organization)
        existing = self.store.find(org_id, report.year or 0) if org_id is not None else None
        if existing is None or existing.id is None:
            return True
        question = f"数据库中已有《{report_title(existing)}》。用导入的内容替换它吗？\n原报告会移到回收站。"
        if not dialogs.ask(self.window, "替换报告", question):
            return False
        if self.window.session is not None and self.window.session.report.id == existing.id:
            self.window.close_report()
        self.store.delete(existing.id)
        return True

    @Slot()
    def export_package(self) -> None:
        self._export(".json", "导出数据包", PACKAGE_FILTER)

    @Slot()
    def export_excel(self) -> None:
        self._export(".xlsx", "导出 Excel", EXCEL_FILTER)

    @Slot()
    def export_pdf(self) -> None:
        self._export(".pdf", "导出 PDF", PDF_FILTER)

    @Slot()
    def export_word(self) -> None:
        self._export(".docx", "导出 Word", WORD_FILTER)

    @Slot()
    def print_report(self) -> None:
        """Print through the system's PDF viewer: export to a temporary PDF and open it."""
        prepared = self._prepare("打印")
        if prepared is None:
            return
        report, errors = prepared
        folder = Path(tempfile.mkdtemp(prefix="nianbao-print-"))
        target = folder / f"{report_title(report)}.pdf"
        if self._write(".pdf", report, errors, target):
            dialogs.open_externally(target)

    def _export(self, suffix: str, title: str, file_filter: str) -> None:
        """Write the open report; a report with errors only as a 草稿, after asking."""
        prepared = self._prepare(title, draft_ok=suffix == ".json")
        if prepared is None:
            return
        report, errors = prepared
        name = f"{report_title(report)}{suffix}"
        folder = remembered("last_export_folder")
        chosen = dialogs.save_file(
            self.window, title, str(Path(folder) / name) if folder else name, file_filter
        )
        if not chosen:
            return
        target = Path(chosen)
        remember("last_export_folder", str(target.parent))
        if not self._write(suffix, report, errors, target):
            return
        self.window.statusBar().showMessage(f"已导出到 {target}", 8000)
        if suffix == ".xlsx" and dialogs.ask(
            self.window, title, f"已导出到：\n{target}\n\n要打开所在的文件夹吗？"
        ):
            dialogs.show_in_folder(target)
        elif suffix in (".pdf", ".docx") and dialogs.ask(
            self.window, title, f"已导出到：\n{target}\n\n要打开这个文件吗？"
        ):
            dialogs.open_externally(target)

    def _prepare(
        self, title: str, *, draft_ok: bool = False
    ) -> tuple[Report, list[Problem]] | None:
        """The open report with typing committed and its errors; a draft only if the user agrees."""
        report = self._report()
        if report is None:
            return None
        if self.window.editor is not None:
            self.window.editor.commit()
        errors = [p for p in check_report(report) if p.severity is Severity.ERROR]
        question = (
            f"报告还有 {len(errors)} 个错误（见“检查结果”）。仍要继续吗？文件会标记为“草稿”。"
        )
        if errors and not draft_ok and not dialogs.ask(self.window, title, question):
            return None
        return report, errors

    def _write(self, suffix: str, report: Report, errors: list[Problem], target: Path) -> bool:
        """Write one format; a failure is told and leaves any earlier file as it was."""
        try:
            if suffix == ".json":
                save_package(report, target)
            else:
                writer = writer_for(suffix)
                assert writer is not None
                writer(render(report, errors=errors), report, target)
        except (OSError, ValueError) as exc:  # WriteError, FontError: their messages say what to do
            dialogs.error(self.window, "导出失败", f"{exc}\n文件未写入，原有文件（如有）保持不变。")
            return False
        return True

    @Slot()
    def font_settings(self) -> None:
        from .font_dialog import FontDialog

        FontDialog(self.window).exec()

    @Slot()
    def backup_database(self) -> None:
        suggested = f"年报助手备份-{dt.date.today():%Y%m%d}.sqlite3"
        chosen = dialogs.save_file(self.window, "备份数据库", suggested, DATABASE_FILTER)
        if not chosen:
            return
        target = Path(chosen)
        try:
            self.store.backup_to(target)  # complete or not at all
        except Exception as exc:  # OSError or sqlite3.Error: told, nothing half-written
            dialogs.error(self.window, "备份失败", f"无法备份到 {target}：{exc}")
            return
        self.window.statusBar().showMessage(f"数据库已备份到 {target}", 8000)

    @Slot()
    def restore_backup(self) -> None:
        chosen = dialogs.open_file(
            self.window, "恢复备份", str(data_dir() / "backups"), DATABASE_FILTER
        )
        if not chosen or not dialogs.ask(
            self.window,
            "恢复备份",
            "恢复后，当前数据库中的所有报告将被备份文件中的内容替换（替换前会先自动备份当前数据库）。确定恢复吗？",
        ):
            return
        self.window.close_report()
        try:
            safety = Path(self.window.database.path).with_name(
                f"{Path(self.window.database.path).stem}.before-restore-{dt.datetime.now():%Y%m%d-%H%M%S}.sqlite3"
            )
            self.store.backup_to(safety)
            self.store.restore_from(Path(chosen))
        except Exception as exc:
            dialogs.error(self.window, "无法恢复备份", str(exc))
            return
        self.window.refresh_list()
        self.window.statusBar().showMessage("已从备份恢复。", 8000)

    @Slot()
    def open_other_database(self) -> None:
        chosen = dialogs.open_file(self.window, "打开数据库", "", DATABASE_FILTER)
        if not chosen:
            return
        database = open_database(Path(chosen), self.window)
        if database is None:
            return
        self.window.close_report()
        self.window.database.close()
        self.window.database = database
        self.window.refresh_list()

    # ── editing ──

    @Slot()
    def undo(self) -> None:
        if self.window.session is not None:
            if self.window.editor is not None:
                self.window.editor.commit()
            self.window.session.undo_stack.undo()

    @Slot()
    def redo(self) -> None:
        if self.window.session is not None:
            self.window.session.undo_stack.redo()

    @Slot()
    def copy_cells(self) -> None:
        self._clipboard("copy")

    @Slot()
    def paste_cells(self) -> None:
        self._clipboard("paste")

    def _clipboard(self, action: str) -> None:
        """A table copies and pastes blocks of cells; a text field does its own thing."""
        page = self.window.current_widget()
        if isinstance(page, TableTab):
            page.view.copy_selection() if action == "copy" else page.view.paste()
            return
        focus = QApplication.focusWidget()
        if hasattr(focus, action):
            getattr(focus, action)()

    @Slot()
    def check(self) -> None:
        session = self.window.session
        if session is None:
            return
        if self.window.editor is not None:
            self.window.editor.commit()
        session.recheck()
        self.window.checks.show()
        count = len(session.problems)
        self.window.statusBar().showMessage(
            f"检查完毕：{count} 个问题。" if count else "检查完毕：未发现问题。", 5000
        )
