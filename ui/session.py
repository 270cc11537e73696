"""The open report: the document, its undo stack, its problems, and saving.

Every edit goes one way — a view asks the session, the session pushes a ``QUndoCommand``, the
command changes the document — and every change of the undo stack's index (an edit, an undo, a
redo) is written to the store at once, in one transaction. Closing the window never needs to ask.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QUndoStack

from model.carry_over import following_proposals
from model.cell_input import Value
from model.checks import check_report
from model.checks.explanations import explanation_for
from model.format.declaration import CellRef
from model.problems import Problem
from model.report import Explanation, Report, Status, is_one_line, text_length
from model.settings import settings_or_defaults
from model.store.store import Store
from model.text_input import BadText, clean_text, too_much_text

from .commands import (
    SetCellsCommand,
    SetExplanationsCommand,
    SetFieldCommand,
    SetSubsectionsCommand,
    current_text,
)


class ReportSession(QObject):
    """One report open in the window."""

    changed = Signal(str)  # the path (prefix) that changed: "tables.applications", "texts.problems"
    problems_changed = Signal()
    saved = Signal(str)  # the time of the save, for the status bar
    save_failed = Signal(str)
    text_refused = Signal(str)  # a typed or pasted text that cannot be taken, and why

    def __init__(
        self,
        store: Store,
        report: Report,
        parent: QObject | None = None,
        *,
        sample: bool = False,
        shown_as: str = "示例",
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.report = report
        # The sample: shown read-only and never saved, so a real township's name does not become
        # a report in the clerk's database (复制为新报告 makes a copy the clerk may change).
        self.sample = sample
        self.shown_as = shown_as  # what the title calls a report shown so: 示例, 收到的报告
        self.previous = store.previous_year(report)
        self.undo_stack = QUndoStack(self)
        # Read once (the publication deadline), and set again by 报告 → 发布期限….
        self.settings = settings_or_defaults()
        self.problems: list[Problem] = []
        self.recheck_quietly()
        self.undo_stack.indexChanged.connect(self._edited)

    @property
    def read_only(self) -> bool:
        return self.sample or self.report.status is Status.PUBLISHED

    # ── edits (each one undo step) ──

    def set_cells(self, values: dict[CellRef, Value], text: str = "修改数字") -> None:
        """Change typed cells; carried marks of edited cells go, proposals follow their parts."""
        changes = {ref: value for ref, value in values.items() if self.report.values[ref] != value}
        proposals = following_proposals(self.report, self.previous, changes)
        if changes and not self.read_only:
            command = SetCellsCommand(
                self.report, self.notify, changes | proposals, text, frozenset(proposals)
            )
            self.undo_stack.push(command)

    def set_field(self, path: str, value: str | None, text: str = "修改文字") -> bool:
        """Change a text (normalised as every way in does); False for one that cannot be taken,
        left in its field unsaved while ``text_refused`` says why."""
        if value is not None and path != "signed_on":
            try:
                value = clean_text(value, one_line=is_one_line(path))
                too_much = too_much_text(text_length(self.report, changed=(path, value)))
                if too_much:
                    raise BadText(too_much)
            except BadText as bad:
                self.text_refused.emit(f"这段文字未保存：{bad}")
                return False
        old = current_text(self.report, path)
        if old != value and not self.read_only:
            self.undo_stack.push(SetFieldCommand(self.report, self.notify, path, old, value, text))
        return True

    def set_subsections(self, titles_and_bodies: list[tuple[str, str]], text: str) -> None:
        if not self.read_only:
            self.undo_stack.push(
                SetSubsectionsCommand(self.report, self.notify, titles_and_bodies, text)
            )

    def explain(self, problem: Problem, text: str) -> None:
        """Answer a warning with a 说明: stored with the report, one undo step."""
        explanation = explanation_for(problem, self.report, text)
        others = [
            e
            for e in self.report.explanations
            if (e.rule, e.cells, e.sentence)
            != (explanation.rule, explanation.cells, explanation.sentence)
        ]
        if not self.read_only:
            command = SetExplanationsCommand(
                self.report, self.notify, [*others, explanation], "说明警告"
            )
            self.undo_stack.push(command)

    def withdraw(self, explanation: Explanation) -> None:
        kept = [e for e in self.report.explanations if e != explanation]
        if not self.read_only and len(kept) != len(self.report.explanations):
            self.undo_stack.push(SetExplanationsCommand(self.report, self.notify, kept, "撤回说明"))

    # ── after every change of the undo stack ──

    def notify(self, path: str) -> None:
        self.changed.emit(path)

    @Slot(int)
    def _edited(self, _index: int) -> None:
        self.save()
        self.recheck()

    def save(self) -> None:
        try:
            self.store.save(self.report)
        except Exception as exc:
            self.save_failed.emit(f"保存失败：{exc}。修改仍保留在窗口中，请先备份数据库。")
            return
        self.saved.emit(dt.datetime.now().strftime("%H:%M:%S"))

    def recheck(self) -> None:
        self.recheck_quietly()
        self.problems_changed.emit()

    def recheck_quietly(self) -> None:
        """Every check, last year's report and the deadline setting included."""
        self.problems = check_report(self.report, previous=self.previous, settings=self.settings)

    def problems_at(self, path: str) -> list[Problem]:
        return [p for p in self.problems if path in p.cells]
