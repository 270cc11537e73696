"""The undo commands: one small class per kind of edit, each changing the report both ways.

A command never saves; the session saves whenever the undo stack's index moves, so undo and redo
are saved exactly like edits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from model.cell_input import Value
from model.format.declaration import CellRef
from model.report import Explanation, Subsection, set_field

if TYPE_CHECKING:
    from .session import ReportSession


class SetCellsCommand(QUndoCommand):
    """Typed cells changed together (a typed number, a paste, Delete over a selection)."""

    def __init__(
        self,
        session: ReportSession,
        values: dict[CellRef, Value],
        text: str,
        proposals: frozenset[CellRef] = frozenset(),
    ) -> None:
        super().__init__(text)
        self._session = session
        report = session.report
        self._new = dict(values)
        self._user_typed = set(values) - proposals  # proposals made for the user stay marked
        self._old = {ref: report.values[ref] for ref in values}
        self._carried = {ref for ref in values if ref in report.carried}

    def redo(self) -> None:
        report = self._session.report
        report.values.update(self._new)
        report.carried -= self._user_typed
        self._notify()

    def undo(self) -> None:
        report = self._session.report
        report.values.update(self._old)
        report.carried |= self._carried
        self._notify()

    def _notify(self) -> None:
        for table in sorted({ref.table for ref in self._new}):
            self._session.notify(f"tables.{table}")


class SetFieldCommand(QUndoCommand):
    """One free text or form field changed (a burst of typing, committed on a pause)."""

    def __init__(
        self, session: ReportSession, path: str, old: str | None, new: str | None, text: str
    ) -> None:
        super().__init__(text)
        self._session = session
        self._path = path
        self._old, self._new = old, new
        self._was_pending = path in session.report.pending_texts

    def redo(self) -> None:
        set_field(self._session.report, self._path, self._new)
        self._session.report.pending_texts.discard(self._path)
        self._session.notify(self._path)

    def undo(self) -> None:
        set_field(self._session.report, self._path, self._old)
        if self._was_pending:
            self._session.report.pending_texts.add(self._path)
        self._session.notify(self._path)


class SetSubsectionsCommand(QUndoCommand):
    """一's sub-sections added, removed, renamed or reordered: the whole list before and after.

    Restructuring counts as reviewing them: their 待更新 marks go (and come back on undo)."""

    def __init__(self, session: ReportSession, new: list[tuple[str, str]], text: str) -> None:
        super().__init__(text)
        self._session = session
        overview = session.report.texts.overview
        self._old = [(s.title, s.body) for s in overview.subsections]
        self._new = list(new)
        self._old_pending = set(session.report.pending_texts)

    def redo(self) -> None:
        self._apply(self._new)
        prefix = "texts.overview.subsections."
        report = self._session.report
        report.pending_texts = {p for p in report.pending_texts if not p.startswith(prefix)}

    def undo(self) -> None:
        self._apply(self._old)
        self._session.report.pending_texts = set(self._old_pending)

    def _apply(self, items: list[tuple[str, str]]) -> None:
        self._session.report.texts.overview.subsections = [Subsection(t, b) for t, b in items]
        self._session.notify("texts.overview.subsections")


class SetExplanationsCommand(QUndoCommand):
    """A warning answered with a 说明, or a 说明 withdrawn: the list before and after."""

    def __init__(self, session: ReportSession, new: list[Explanation], text: str) -> None:
        super().__init__(text)
        self._session = session
        self._old = list(session.report.explanations)
        self._new = list(new)

    def redo(self) -> None:
        self._session.report.explanations = list(self._new)
        self._session.notify("explanations")

    def undo(self) -> None:
        self._session.report.explanations = list(self._old)
        self._session.notify("explanations")
