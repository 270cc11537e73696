"""The open report as tabs: 基本信息, 一 … 六, each tab title counting its problems."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from model.format.format_2021 import OVERVIEW, SECTIONS, TableSection
from model.problems import Problem, Severity

from .info_tab import InfoTab
from .session import ReportSession
from .table_model import ReportTableModel
from .table_view import ReportTableView
from .text_tabs import OverviewTab, TextTab, section_heading


def tab_of(path: str) -> str:
    """Which tab shows a data-package path."""
    if path.startswith("tables."):
        return path.split(".")[1]
    if path.startswith("texts.overview"):
        return "overview"
    if path in ("texts.problems", "texts.other"):
        return path.removeprefix("texts.")
    return "info"


class TableTab(QWidget):
    def __init__(self, session: ReportSession, section: TableSection) -> None:
        super().__init__()
        self.model = ReportTableModel(session, section.table)
        self.view = ReportTableView(self.model)
        heading = section_heading(section.heading)
        note = QLabel(section.note)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.show_previous = QCheckBox("显示上年数")
        self.show_previous.setEnabled(session.previous is not None)
        self.show_previous.setToolTip(
            "在每个格子右下角显示上一年度报告中的数字。"
            if session.previous is not None
            else "数据库中没有这个机关上一年度的报告。"
        )
        self.show_previous.toggled.connect(self.view.set_show_previous)
        self.view.previous_available = session.previous is not None
        self.view.show_previous_toggled.connect(self.show_previous.setChecked)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch()
        top.addWidget(self.show_previous)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.view, stretch=1)

    def commit(self) -> None:
        """Nothing pending: a table commits each cell as it is typed."""


class ReportEditor(QTabWidget):
    message = Signal(str)

    def __init__(self, session: ReportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.pages: dict[str, QWidget] = {"info": InfoTab(session)}
        self._titles = {"info": "基本信息"}
        for section in SECTIONS:
            if isinstance(section, TableSection):
                page: QWidget = TableTab(session, section)
                page.view.message.connect(self.message)  # type: ignore[attr-defined]
            elif section is OVERVIEW:
                page = OverviewTab(session, section)
            else:
                page = TextTab(session, section)
            self.pages[section.key] = page
            self._titles[section.key] = section.short_heading
        for key, page in self.pages.items():
            self.addTab(page, self._titles[key])
        self.currentChanged.connect(self._tab_changed)
        session.problems_changed.connect(self.update_titles)
        self.update_titles()
        self._current = self.currentWidget()

    @Slot()
    def update_titles(self) -> None:
        counts: dict[str, int] = {}
        for problem in self.session.problems:
            if problem.severity is Severity.EXPLAINED:
                continue
            keys = {tab_of(path) for path in problem.cells} or {"info"}
            for key in keys:
                counts[key] = counts.get(key, 0) + 1
        for i, key in enumerate(self.pages):
            count = counts.get(key, 0)
            self.setTabText(i, self._titles[key] + (f"（{count}）" if count else ""))

    def commit(self) -> None:
        """Commit a burst of typing still waiting for its pause (tab switch, close, export)."""
        for page in self.pages.values():
            page.commit()  # type: ignore[attr-defined]

    @Slot(int)
    def _tab_changed(self, _index: int) -> None:
        previous = getattr(self, "_current", None)
        if previous is not None:
            previous.commit()  # type: ignore[attr-defined]
        self._current = self.currentWidget()

    def jump_to(self, problem: Problem) -> None:
        """Show where a problem is: its tab, and its cell or the sentence in its text."""
        self.show_place(list(problem.cells) or ["organization"], problem.range)

    def show_place(self, paths: list[str], text_range: tuple[int, int] | None = None) -> None:
        """Switch to the tab of the first path and select it: a table's cell (all the table's
        cells of ``paths`` when they are several), or the text field, with ``text_range``
        selected in it (the whole text when none is given)."""
        key = tab_of(paths[0])
        page = self.pages[key]
        self.setCurrentWidget(page)
        if isinstance(page, TableTab):
            model, view = page.model, page.view
            indexes = [model.index_of(ref) for ref in model.table.cells if ref.path in paths]
            if indexes:
                view.setCurrentIndex(indexes[0])
                for index in indexes[1:]:
                    view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select)
                view.scrollTo(indexes[0])
                view.setFocus()
        elif isinstance(page, OverviewTab | TextTab):
            editor = page.editor_for(paths[0])
            if editor is not None:
                start, end = text_range or (0, 0)
                editor.select_range(start, end)
        elif isinstance(page, InfoTab):
            field = page.fields.get(paths[0])
            widget = field if field is not None else page.editor
            widget.setFocus()
