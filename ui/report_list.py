"""The side list of reports, grouped by organization (with its former names), searchable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMenu, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from model.status import Status
from model.store.store import Organization, ReportSummary

ID_ROLE = Qt.ItemDataRole.UserRole


class ReportList(QWidget):
    report_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText("按机关名称搜索…")
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self.search.textChanged.connect(self._filter)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.context_actions: list[QAction] = []
        self.report_ids: set[int] = set()

    def fill(
        self, reports: list[ReportSummary], organizations: list[Organization], current: int | None
    ) -> None:
        former = {org.id: org.former_names for org in organizations}
        self.report_ids = {summary.id for summary in reports}  # what the list shows now
        self.tree.clear()
        groups: dict[int, QTreeWidgetItem] = {}
        for summary in reports:
            group = groups.get(summary.organization_id)
            if group is None:
                group = QTreeWidgetItem([summary.organization])
                names = former.get(summary.organization_id, ())
                group.setToolTip(
                    0, "曾用名：" + "、".join(names) if names else summary.organization
                )
                group.setData(0, ID_ROLE, None)
                group.setData(0, ID_ROLE + 1, " ".join((summary.organization, *names)))
                self.tree.addTopLevelItem(group)
                groups[summary.organization_id] = group
            mark = "✔ " if summary.status is Status.PUBLISHED else ""
            item = QTreeWidgetItem([f"{summary.year} 年度　{mark}{summary.status.label}"])
            item.setData(0, ID_ROLE, summary.id)
            item.setToolTip(
                0, f"{summary.report_name}\n最后保存：{summary.updated_at.replace('T', ' ')}"
            )
            group.addChild(item)
            if summary.id == current:
                self.tree.setCurrentItem(item)
        self.tree.expandAll()
        self._filter(self.search.text())

    def select(self, report_id: int) -> None:
        """Make the report's line the current one, as when it is opened."""
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                if group.child(j).data(0, ID_ROLE) == report_id:
                    self.tree.setCurrentItem(group.child(j))
                    return

    @Slot(str)
    def _filter(self, text: str) -> None:
        needle = text.strip()
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            names = group.data(0, ID_ROLE + 1) or ""
            group.setHidden(bool(needle) and needle not in names)

    @Slot(QTreeWidgetItem)
    def _activated(self, item: QTreeWidgetItem) -> None:
        report_id = item.data(0, ID_ROLE)
        if report_id is not None:
            self.report_activated.emit(report_id)

    @Slot()
    def _menu(self, position: object) -> None:
        item = self.tree.itemAt(position)  # type: ignore[call-overload]
        if item is None or item.data(0, ID_ROLE) is None:
            return
        self._activated(item)
        menu = QMenu(self)
        menu.addActions(self.context_actions)
        menu.exec(self.tree.viewport().mapToGlobal(position))  # type: ignore[arg-type]
