"""The checks panel: every problem of the open report; activating one shows where it is. A warning
can be answered with a short explanation (说明), which turns it into 已说明 and can be withdrawn."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from model.problems import Problem, Severity

from . import dialogs

if TYPE_CHECKING:
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
        self.explain_button = QPushButton("说明…")
        self.explain_button.setToolTip("用一段话说明这条警告为什么不需要修改；说明随报告保存。")
        self.withdraw_button = QPushButton("撤回说明")
        buttons = QHBoxLayout()
        buttons.addWidget(self.explain_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.tree.currentItemChanged.connect(self._selection_changed)
        self.explain_button.clicked.connect(self.explain_selected)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self._session: ReportSession | None = None
        self._refresh()

    def follow(self, session: ReportSession | None) -> None:
        if self._session is not None:
            self._session.problems_changed.disconnect(self._refresh)
        self._session = session
        if session is not None:
            session.problems_changed.connect(self._refresh)
        self._refresh()

    @Slot()
    def _refresh(self) -> None:
        session = self._session
        problems = session.problems if session is not None else []
        self.tree.clear()
        for problem in problems:
            # Chinese only in the list; the rule's code, for whoever helps, in the tooltip.
            item = QListWidgetItem(f"【{problem.severity.label}】{problem.message}")
            item.setData(Qt.ItemDataRole.UserRole, problem)
            item.setToolTip(f"{problem.message}\n（检查规则 {problem.rule}）")
            item.setForeground(QBrush(_COLOURS[problem.severity]))
            self.tree.addItem(item)
        self.summary.setText(self._summary(session, problems))
        self._selection_changed()

    def _summary(self, session: ReportSession | None, problems: list[Problem]) -> str:
        if session is None:
            return "打开一份报告后，这里列出它的所有问题。"
        counts = {severity: sum(p.severity is severity for p in problems) for severity in Severity}
        if not problems:
            text = "✔ 未发现问题。"
        else:
            explained = (
                f"，{counts[Severity.EXPLAINED]} 个已说明" if counts[Severity.EXPLAINED] else ""
            )
            text = (
                f"{counts[Severity.ERROR]} 个错误，{counts[Severity.WARNING]} 个警告{explained}。"
                "单击一项即可跳到问题所在。"
            )
        from model.checks import skipped_comparisons  # with the first report: a quicker start

        skipped = skipped_comparisons(session.previous)
        if skipped:
            text += f"\n数据库中没有这个机关上一年度的报告，以下比对已跳过：{'；'.join(skipped)}。"
        return text

    def selected(self) -> Problem | None:
        item = self.tree.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    @Slot()
    def _selection_changed(self) -> None:
        problem = self.selected()
        editable = self._session is not None and not self._session.read_only
        self.explain_button.setEnabled(
            editable and problem is not None and problem.severity is Severity.WARNING
        )
        self.withdraw_button.setEnabled(
            editable and problem is not None and problem.severity is Severity.EXPLAINED
        )

    @Slot()
    def explain_selected(self) -> None:
        problem, session = self.selected(), self._session
        if problem is None or session is None or problem.severity is not Severity.WARNING:
            return
        text = dialogs.get_text(
            self, "说明这条警告", f"{problem.message}\n\n说明（随报告保存，可撤回）："
        )
        if text:
            session.explain(problem, text)

    @Slot()
    def withdraw_selected(self) -> None:
        problem, session = self.selected(), self._session
        if problem is None or session is None:
            return
        from model.checks.explanations import matching

        explanation = matching(problem, session.report)
        if explanation is not None:
            session.withdraw(explanation)

    @Slot(QListWidgetItem)
    def _activated(self, item: QListWidgetItem) -> None:
        self.problem_activated.emit(item.data(Qt.ItemDataRole.UserRole))
