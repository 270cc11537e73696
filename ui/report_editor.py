"""The open report as tabs: 基本信息, 一 … 六, each tab title counting its problems."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from model.format.format_2021 import OTHER, OVERVIEW, PROBLEMS, SECTIONS, TableSection
from model.problems import Problem, Severity

from .info_tab import InfoTab
from .session import ReportSession
from .table_model import ReportTableModel
from .table_view import ReportTableView
from .text_tabs import OverviewTab, TextTab

_TABLE_NOTES = {
    "proactive": "填写本年度主动公开的规章、行政规范性文件及处理决定数量；收费金额以万元为单位。",
    "applications": "白色格子填写件数；蓝灰色格子（总计）自动计算；黄色格子由上一年度报告结转。"
    "勾稽关系：第一项加第二项之和，等于第三项加第四项之和。",
    "review_litigation": "白色格子填写件数；各“总计”自动计算。",
}


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
        heading = QLabel(section.heading)
        heading.setStyleSheet("font-size: 13pt; font-weight: bold; margin: 4px 0;")
        note = QLabel(_TABLE_NOTES[section.key])
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
        hints = {
            PROBLEMS.key: "写明本年度政府信息公开工作存在的主要问题，以及上一年度所列问题的改进情况。",
            OTHER.key: "如依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况；"
            "没有需要报告的事项时，写“无其他需要报告的事项。”",
        }
        for section in SECTIONS:
            if isinstance(section, TableSection):
                page: QWidget = TableTab(session, section)
                page.view.message.connect(self.message)  # type: ignore[attr-defined]
            elif section is OVERVIEW:
                page = OverviewTab(session, section)
            else:
                page = TextTab(session, section, hints[section.key])
            self.pages[section.key] = page
            self._titles[section.key] = (
                section.heading.split("、")[0] + "、" + _short(section.title)
            )
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
        path = problem.cells[0] if problem.cells else "organization"
        key = tab_of(path)
        page = self.pages[key]
        self.setCurrentWidget(page)
        if isinstance(page, TableTab):
            refs = [c for c in problem.cells if c.startswith("tables.")]
            model = page.model
            for ref in model.table.cells:
                if ref.path == refs[0]:
                    index = model.index_of(ref)
                    page.view.setCurrentIndex(index)
                    page.view.scrollTo(index)
                    page.view.setFocus()
                    break
        elif isinstance(page, OverviewTab | TextTab):
            editor = page.editor_for(path)
            if editor is not None:
                start, end = problem.range or (0, 0)
                editor.select_range(start, end)
        elif isinstance(page, InfoTab):
            field = page.fields.get(path)
            widget = field if field is not None else page.editor
            widget.setFocus()


def _short(title: str) -> str:
    return {
        "主动公开政府信息情况": "主动公开",
        "收到和处理政府信息公开申请情况": "依申请公开",
        "政府信息公开行政复议、行政诉讼情况": "复议诉讼",
        "存在的主要问题及改进情况": "问题及改进",
        "其他需要报告的事项": "其他事项",
    }.get(title, title)
