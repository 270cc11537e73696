"""What the 报告 menu and the welcome page do: new, sample, copy, delete, publish, trash, rename.

Each action asks through ``dialogs`` and says what went wrong in Chinese; it acts on the window
only through the ``Workbench`` interface.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QDialog, QWidget

from export.files import read_report_file
from model.carry_over import report_from_previous
from model.preamble import report_title
from model.report import Report, Status
from model.store.inspection import StoreError

from . import dialogs
from .report_dialogs import NewReportDialog, ReplacementsDialog, TrashDialog
from .ui_state import LAST_ORGANIZATION, remember, remembered
from .workbench import Workbench

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "sample" / "guanqiao-2021.json"


def save_new(bench: Workbench, parent: QWidget, report: Report) -> bool:
    """Keep a new report in the store and open it; a refusal of the store is told."""
    try:
        bench.store.save(report)
    except StoreError as exc:
        dialogs.error(parent, "无法创建报告", str(exc))
        return False
    bench.refresh_list()
    if report.id is not None:
        bench.open_report(report.id)
    return True


class ReportActions(QObject):
    def __init__(self, bench: Workbench, parent: QWidget) -> None:
        super().__init__(parent)
        self.bench = bench
        self.parent_widget = parent

    def _report(self) -> Report | None:
        session = self.bench.session
        return session.report if session else None

    @Slot()
    def new_report(self) -> None:
        store = self.bench.store
        open_report = self._report()  # the open report's organization first, as a clerk expects
        organization = open_report.organization if open_report else remembered(LAST_ORGANIZATION)
        dialog = NewReportDialog(store, organization, parent=self.parent_widget)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        organization, year, inherit = dialog.chosen()
        remember(LAST_ORGANIZATION, organization)
        org_id = store.find_organization(organization)
        previous = store.find(org_id, year - 1) if inherit and org_id is not None else None
        replacements = []
        if previous is not None:
            carried = report_from_previous(previous, year, organization)
            report, replacements = carried.report, carried.replacements
        else:
            report = Report(organization, year)
            nearest = store.nearest(org_id, year) if org_id is not None else None
            if nearest is not None:  # the same office, portal, address and telephone
                report.meta = copy.deepcopy(nearest.meta)
        if save_new(self.bench, self.parent_widget, report) and replacements:
            ReplacementsDialog(replacements, self.parent_widget).exec()

    @Slot()
    def open_sample(self) -> None:
        """The sample, a real township's published report: shown read-only and never saved, so
        its name does not become a draft in the clerk's database."""
        self.bench.show_sample(read_report_file(SAMPLE).whole())
        self.bench.show_status(
            "这是示例报告（只读）：可以“报告 → 复制为新报告…”得到一份可以修改的报告。", 15000
        )

    @Slot()
    def copy_report(self) -> None:
        report = self._report()
        if report is None:
            return
        dialog = NewReportDialog(
            self.bench.store,
            report.organization,
            (report.year or 2021) + 1,
            copy_of=report_title(report),
            parent=self.parent_widget,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        organization, year, _ = dialog.chosen()
        duplicate = copy.deepcopy(report)
        duplicate.id = duplicate.organization_id = None
        duplicate.organization, duplicate.year = organization, year
        duplicate.status, duplicate.published_on = Status.DRAFT, None
        save_new(self.bench, self.parent_widget, duplicate)

    @Slot()
    def delete_report(self) -> None:
        report = self._report()
        if report is None or report.id is None:
            return
        if dialogs.ask(
            self.parent_widget,
            "删除报告",
            f"确定删除《{report_title(report)}》吗？\n删除后可以从“回收站”恢复。",
        ):
            self.bench.close_report()
            self.bench.store.delete(report.id)
            self.bench.refresh_list()
            self.bench.show_status("报告已移到回收站。")

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
        session = self.bench.session
        if (
            session is None
            or session.report.id is None
            or not dialogs.ask(self.parent_widget, title, question)
        ):
            return
        self.bench.commit_typing()
        report = session.report
        report.status = status
        report.published_on = dt.date.today() if status is Status.PUBLISHED else None
        store = self.bench.store
        store.save(report)
        store.record_event(report.id or 0, title)
        self.bench.reload_report()
        self.bench.refresh_list()

    @Slot()
    def show_trash(self) -> None:
        TrashDialog(self.bench.store, self.parent_widget).exec()
        self.bench.refresh_list()

    @Slot()
    def rename_organization(self) -> None:
        report = self._report()
        if report is None or report.organization_id is None:
            return
        name = dialogs.get_text(
            self.parent_widget,
            "机关改名",
            "新的机关名称（如 乡 → 镇；历年报告仍归在同一机关下，已发布的报告保留原名称）：",
            report.organization,
        )
        if not name:
            return
        try:
            self.bench.store.rename_organization(report.organization_id, name)
        except StoreError as exc:
            dialogs.error(self.parent_widget, "无法改名", str(exc))
            return
        self.bench.reload_report()
        self.bench.refresh_list()
