"""The text tabs: 一、总体情况 (intro and ordered sub-sections), 五 and 六."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from model.format.format_2021 import STANDARD_SUBSECTIONS, TextSection, subsection_number

from . import dialogs
from .session import ReportSession
from .text_fields import BoundTextEdit

SUBSECTIONS = "texts.overview.subsections"


def section_heading(text: str) -> QLabel:
    """A section's heading above its editor (一…六), the same on every tab."""
    label = QLabel(text)
    label.setStyleSheet("font-size: 13pt; font-weight: bold; margin: 4px 0;")
    return label


class TextTab(QWidget):
    """五 or 六: one text, with its heading and what the format asks for."""

    def __init__(self, session: ReportSession, section: TextSection) -> None:
        super().__init__()
        self.editor = BoundTextEdit(session, f"texts.{section.key}")
        layout = QVBoxLayout(self)
        layout.addWidget(section_heading(section.heading))
        note = QLabel(section.note)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        layout.addWidget(self.editor.banner)
        layout.addWidget(self.editor)

    def editor_for(self, path: str) -> BoundTextEdit | None:
        return self.editor if path == self.editor.path else None

    def commit(self) -> None:
        self.editor.commit()


class OverviewTab(QWidget):
    """一、总体情况: the intro, then sub-sections that can be added, removed, renamed, reordered."""

    def __init__(self, session: ReportSession, section: TextSection) -> None:
        super().__init__()
        self.session = session
        self.intro = BoundTextEdit(session, "texts.overview.intro")
        self.intro.setMaximumHeight(160)
        self.list = QListWidget()
        self.title = QLineEdit()
        self.title.setReadOnly(True)
        self.body = BoundTextEdit(session, f"{SUBSECTIONS}.0.body")
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, slot in (
            ("添加", self.add),
            ("删除", self.remove),
            ("上移", self.move_up),
            ("下移", self.move_down),
            ("重命名", self.rename),
        ):
            button = QPushButton(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[name] = button
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("分节"))
        left_layout.addWidget(self.list)
        left_layout.addLayout(buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.body.banner)
        right_layout.addWidget(self.body)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([240, 720])
        layout = QVBoxLayout(self)
        layout.addWidget(section_heading(section.heading))
        layout.addWidget(QLabel("引言"))
        layout.addWidget(self.intro.banner)
        layout.addWidget(self.intro)
        layout.addWidget(splitter, stretch=1)
        self.list.currentRowChanged.connect(self._selected)
        session.changed.connect(self._changed)
        self._fill(0)

    # ── the list ──

    def _items(self) -> list[tuple[str, str]]:
        return [(s.title, s.body) for s in self.session.report.texts.overview.subsections]

    def _fill(self, current: int) -> None:
        subsections = self.session.report.texts.overview.subsections
        self.list.blockSignals(True)
        self.list.clear()
        for i, sub in enumerate(subsections):
            pending = f"{SUBSECTIONS}.{i}.body" in self.session.report.pending_texts
            self.list.addItem(
                f"{subsection_number(i)}{sub.title}" + ("（待更新）" if pending else "")
            )
        self.list.blockSignals(False)
        self.list.setCurrentRow(min(current, len(subsections) - 1))
        self._selected(self.list.currentRow())
        editable = not self.session.read_only
        for button in self.buttons.values():
            button.setEnabled(editable)

    @Slot(int)
    def _selected(self, row: int) -> None:
        has = row >= 0
        self.body.setEnabled(has)
        if has:
            self.body.rebind(f"{SUBSECTIONS}.{row}.body")
            self.title.setText(self.session.report.texts.overview.subsections[row].title)
        else:
            self.title.clear()

    @Slot(str)
    def _changed(self, path: str) -> None:
        if path in ("*", SUBSECTIONS) or path.startswith(SUBSECTIONS):
            self._fill(max(self.list.currentRow(), 0))

    # ── editing the structure ──

    @Slot()
    def add(self) -> None:
        used = {title for title, _ in self._items()}
        proposal = next((t for t in STANDARD_SUBSECTIONS if t not in used), "")
        title = dialogs.get_text(self, "添加分节", "分节标题（不含序号）：", proposal)
        if title:
            self.commit()
            self.session.set_subsections([*self._items(), (title, "")], "添加分节")
            self._fill(len(self._items()) - 1)

    @Slot()
    def remove(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        title = self._items()[row][0]
        if dialogs.ask(self, "删除分节", f"确定删除分节“{title}”及其内容吗？（可以撤销）"):
            self.commit()
            items = self._items()
            del items[row]
            self.session.set_subsections(items, "删除分节")

    @Slot()
    def move_up(self) -> None:
        self._move(-1)

    @Slot()
    def move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        items = self._items()
        if 0 <= row + step < len(items) and row >= 0:
            self.commit()
            items[row], items[row + step] = items[row + step], items[row]
            self.session.set_subsections(items, "调整分节顺序")
            self._fill(row + step)

    @Slot()
    def rename(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        items = self._items()
        title = dialogs.get_text(self, "重命名分节", "分节标题（不含序号）：", items[row][0])
        if title and title != items[row][0]:
            self.commit()
            self.session.set_field(f"{SUBSECTIONS}.{row}.title", title, "重命名分节")

    # ── for the window ──

    def editor_for(self, path: str) -> BoundTextEdit | None:
        if path == self.intro.path:
            return self.intro
        if path.startswith(SUBSECTIONS + "."):
            self.list.setCurrentRow(int(path.split(".")[3]))
            return self.body
        return None

    def commit(self) -> None:
        self.intro.commit()
        self.body.commit()
