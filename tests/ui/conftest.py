"""Fixtures for the window: a fresh database in a temporary folder, dialogs answered by the test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from model.format.declaration import CellRef
from tests.helpers import SAMPLE
from ui import dialogs
from ui.app import create_app
from ui.main_window import MainWindow
from ui.report_editor import TableTab


class Answers:
    """What the 'user' answers to ``ui.dialogs``: queued replies, and every question asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.yes = True
        self.choices: list[str | None] = []
        self.files: list[str | None] = []
        self.texts: list[str | None] = []
        self.errors: list[str] = []
        self.viewer = True  # whether the system has a program to open a file with


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    given = Answers()

    def ask(parent, title, text):  # type: ignore[no-untyped-def]
        given.asked.append(text)
        return given.yes

    def choose(parent, title, text, options):  # type: ignore[no-untyped-def]
        given.asked.append(text)
        return given.choices.pop(0) if given.choices else None

    def error(parent, title, text, detail=""):  # type: ignore[no-untyped-def]
        given.errors.append(text)

    monkeypatch.setattr(dialogs, "ask", ask)
    monkeypatch.setattr(dialogs, "choose", choose)
    monkeypatch.setattr(dialogs, "error", error)
    monkeypatch.setattr(dialogs, "inform", lambda *a, **k: given.asked.append(a[2]))
    monkeypatch.setattr(
        dialogs, "open_file", lambda *a: given.files.pop(0) if given.files else None
    )
    monkeypatch.setattr(
        dialogs, "save_file", lambda *a: given.files.pop(0) if given.files else None
    )
    monkeypatch.setattr(
        dialogs, "show_in_folder", lambda path: given.asked.append(f"打开 {path.parent}")
    )
    monkeypatch.setattr(
        dialogs,
        "open_externally",
        lambda path: given.asked.append(f"打开文件 {path}") or given.viewer,
    )
    monkeypatch.setattr(dialogs, "get_text", lambda *a: given.texts.pop(0) if given.texts else None)
    return given


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    return create_app()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "年报 数据" / "reports.sqlite3"


@pytest.fixture
def window(app: QApplication, qtbot, db_path: Path, answers: Answers) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    main = MainWindow(db_path)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.started):  # the database, the list…: after the first frame
        main.show()
    yield main
    main.close()


def table_tab(window: MainWindow, key: str) -> TableTab:
    assert window.editor is not None
    page = window.editor.pages[key]
    assert isinstance(page, TableTab)
    window.editor.setCurrentWidget(page)
    return page


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Chinese included, as key events (QTest.keyClicks only knows Latin-1)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def ref(table: str, row: str, col: str) -> CellRef:
    return CellRef(table, row, col)


def open_sample_report(window: MainWindow) -> None:
    """The sample kept in the database and opened, editable — what most window tests work on
    (打开示例报告 itself shows it read-only and keeps nothing)."""
    window.file_actions.import_file(SAMPLE)
    assert window.session is not None and not window.session.read_only
