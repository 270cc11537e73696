"""The undo commands: one small class per kind of edit, each changing the report both ways.

A command is given the report and a ``notify`` callback (the path that changed), and changes the
report only through its own methods (``Report.set_values``, ``set_text``…), as Orange canvas's
commands call their model's. Its ``paths`` say where it changes the report, so that undo and redo
can show the clerk what they changed. A command never saves; the session saves whenever the undo stack's
index moves, so undo and redo are saved exactly like edits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from model.cell_input import Value
from model.format.declaration import CellRef
from model.report import Explanation, Report, get_field

Notify = Callable[[str], None]  # the path (prefix) that changed: "tables.applications"


class SetCellsCommand(QUndoCommand):
    """Typed cells changed together (a typed number, a paste, Delete over a selection)."""

    def __init__(
        self,
        report: Report,
        notify: Notify,
        values: dict[CellRef, Value],
        text: str,
        proposals: frozenset[CellRef] = frozenset(),
    ) -> None:
        super().__init__(text)
        self._report, self._notify_path = report, notify
        self._new = dict(values)
        self._user_typed = frozenset(values) - proposals  # proposals made for the user stay marked
        self._old = {ref: report.values[ref] for ref in values}
        self._carried = frozenset(ref for ref in values if ref in report.carried)
        self.paths = [ref.path for ref in values]  # what undo and redo show the clerk

    def redo(self) -> None:
        self._report.set_values(self._new, typed=self._user_typed)
        self._notify()

    def undo(self) -> None:
        self._report.set_values(self._old, typed=frozenset())
        self._report.mark_carried(self._carried)
        self._notify()

    def _notify(self) -> None:
        for table in sorted({ref.table for ref in self._new}):
            self._notify_path(f"tables.{table}")


class SetFieldCommand(QUndoCommand):
    """One free text or form field changed (a burst of typing, committed on a pause)."""

    def __init__(
        self, report: Report, notify: Notify, path: str, old: str | None, new: str | None, text: str
    ) -> None:
        super().__init__(text)
        self._report, self._notify = report, notify
        self._path = path
        self._old, self._new = old, new
        self._was_pending = path in report.pending_texts
        self.paths = [path]

    def redo(self) -> None:
        self._report.set_text(self._path, self._new)
        self._notify(self._path)

    def undo(self) -> None:
        self._report.set_text(self._path, self._old, pending=self._was_pending)
        self._notify(self._path)


class SetSubsectionsCommand(QUndoCommand):
    """一's sub-sections added, removed, renamed or reordered: the whole list before and after
    (restructuring counts as reviewing them: their 待更新 marks go, and come back on undo)."""

    def __init__(
        self, report: Report, notify: Notify, new: list[tuple[str, str]], text: str
    ) -> None:
        super().__init__(text)
        self._report, self._notify = report, notify
        self._old = [(s.title, s.body) for s in report.texts.overview.subsections]
        self._new = list(new)
        self._old_pending = frozenset(report.pending_texts)
        self.paths = ["texts.overview.subsections"]

    def redo(self) -> None:
        self._report.set_subsections(self._new)
        self._notify("texts.overview.subsections")

    def undo(self) -> None:
        self._report.set_subsections(self._old, pending=self._old_pending)
        self._notify("texts.overview.subsections")


class SetExplanationsCommand(QUndoCommand):
    """A warning answered with a 说明, or a 说明 withdrawn: the list before and after."""

    def __init__(self, report: Report, notify: Notify, new: list[Explanation], text: str) -> None:
        super().__init__(text)
        self._report, self._notify = report, notify
        self._old = list(report.explanations)
        self._new = list(new)
        self.paths: list[str] = []  # shown in the checks panel, which follows by itself

    def redo(self) -> None:
        self._report.explanations = list(self._new)
        self._notify("explanations")

    def undo(self) -> None:
        self._report.explanations = list(self._old)
        self._notify("explanations")


def current_text(report: Report, path: str) -> str | None:
    """What a text field holds now, as SetFieldCommand takes it (the preamble may be None:
    generated)."""
    return report.texts.preamble if path == "texts.preamble" else get_field(report, path)
