"""Text fields bound to one path of the report.

A burst of typing becomes one undo step: it is committed after a pause, when the field loses
focus, or when the tab changes (``commit``). An undo or redo of that path puts the text back.
Texts copied from last year are tinted and labelled 待更新 until edited.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QFocusEvent, QTextCursor
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from model.report import get_field

from .session import ReportSession

PAUSE_MS = 800
PENDING_STYLE = "background: #fff8dc;"


class BoundTextEdit(QPlainTextEdit):
    """A multi-line text of the report (一's parts, 五, 六, the preamble override)."""

    def __init__(self, session: ReportSession, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path = path
        self.banner = QLabel(
            "待更新：这段文字从上一年报告复制而来，年份已顺延，请核对并修改；修改后此提示自动消失。"
        )
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3c4; color: #7a5a00; padding: 4px;")
        self.banner.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.commit)
        self.setTabChangesFocus(True)
        self._load()
        self.textChanged.connect(self._typed)
        session.changed.connect(self._changed)

    def rebind(self, path: str) -> None:
        self.commit()
        self.path = path
        self._load()

    @Slot()
    def commit(self) -> None:
        self._timer.stop()
        if self.document().isModified():
            self.document().setModified(False)
            if not self.session.set_field(self.path, self.toPlainText()):
                self.document().setModified(True)  # not saved: offered again at the next pause

    def select_range(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(min(start, len(self.toPlainText())))
        cursor.setPosition(min(end, len(self.toPlainText())), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.setFocus()
        self.ensureCursorVisible()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)

    @Slot()
    def _typed(self) -> None:
        if not self.isReadOnly():
            self._timer.start()

    @Slot(str)
    def _changed(self, path: str) -> None:
        if path == self.path or path == "*" or self.path.startswith(path + "."):
            self._load()

    def _load(self) -> None:
        try:
            text = get_field(self.session.report, self.path)
        except (IndexError, KeyError):
            text = ""
        if text != self.toPlainText():
            position = self.textCursor().position()
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)
            cursor = self.textCursor()
            cursor.setPosition(min(position, len(text)))
            self.setTextCursor(cursor)
        self.document().setModified(False)
        self.setReadOnly(self.session.read_only)
        pending = self.path in self.session.report.pending_texts
        self.banner.setVisible(pending)
        self.setStyleSheet(f"QPlainTextEdit {{{PENDING_STYLE}}}" if pending else "")
        self.setToolTip(
            "从上一年报告复制而来，待更新：请核对并修改后，标记自动消失。" if pending else ""
        )


class BoundLineEdit(QLineEdit):
    """A one-line field (organization, portal, contact…), validated as it is typed."""

    def __init__(
        self,
        session: ReportSession,
        path: str,
        validate: Callable[[str], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.path = path
        self.validate = validate or (lambda _text: None)
        self.problem: str | None = None
        self._load()
        self.editingFinished.connect(self.commit)
        self.textEdited.connect(self._check)
        session.changed.connect(self._changed)

    @Slot()
    def commit(self) -> None:
        if self.text() != get_field(self.session.report, self.path):
            self.session.set_field(self.path, self.text())

    @Slot(str)
    def _check(self, text: str) -> None:
        self.problem = self.validate(text)
        self.setStyleSheet("QLineEdit { background: #ffd6d6; }" if self.problem else "")
        self.setToolTip(self.problem or "")

    @Slot(str)
    def _changed(self, path: str) -> None:
        if path in (self.path, "*"):
            self._load()

    def _load(self) -> None:
        text = get_field(self.session.report, self.path)
        if text != self.text():
            self.setText(text)
        self.setReadOnly(self.session.read_only)
        self._check(text)
