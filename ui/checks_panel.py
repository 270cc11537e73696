"""The checks panel: every problem of the open report; activating one shows where it is."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model.problems import Problem, Severity

from .session import ReportSession

_COLOURS = {
    Severity.ERROR: QColor("#b00020"),
    Severity.WARNING: QColor("#a15c00"),
    Severity.EXPLAINED: QColor("#5a6e5a"),
}


class ChecksPanel(QDockWidget):
    problem_activated = Signal(object)  # a Problem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("检查结果", parent)
        self.setObjectName("checks_panel")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QListWidget()  # one problem an item, wrapped to the panel's width
        self.tree.setWordWrap(True)
        self.tree.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.tree.setSpacing(2)
        self.tree.setAlternatingRowColors(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self.setWidget(body)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self._session: ReportSession | None = None
        self.show_problems([])

    def follow(self, session: ReportSession | None) -> None:
        if self._session is not None:
            self._session.problems_changed.disconnect(self._refresh)
        self._session = session
        if session is not None:
            session.problems_changed.connect(self._refresh)
        self._refresh()

    @Slot()
    def _refresh(self) -> None:
        self.show_problems(
            self._session.problems if self._session else [], self._session is not None
        )

    def show_problems(self, problems: list[Problem], open_report: bool = False) -> None:
        self.tree.clear()
        for problem in problems:
            item = QListWidgetItem(
                f"【{problem.severity.label}】{problem.message}（{problem.rule}）"
            )
            item.setData(Qt.ItemDataRole.UserRole, problem)
            item.setToolTip(problem.message)
            item.setForeground(QBrush(_COLOURS[problem.severity]))
            self.tree.addItem(item)
        errors = sum(p.severity is Severity.ERROR for p in problems)
        warnings = sum(p.severity is Severity.WARNING for p in problems)
        if not open_report:
            self.summary.setText("打开一份报告后，这里列出它的所有问题。")
        elif not problems:
            self.summary.setText("✔ 未发现问题。")
        else:
            self.summary.setText(f"{errors} 个错误，{warnings} 个警告。单击一项即可跳到问题所在。")

    @Slot(QListWidgetItem)
    def _activated(self, item: QListWidgetItem) -> None:
        self.problem_activated.emit(item.data(Qt.ItemDataRole.UserRole))
