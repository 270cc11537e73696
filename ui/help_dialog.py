"""帮助 → 使用说明: the user's guide (resources/help.md), beside the window while they work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from model import APP_TITLE

HELP = Path(__file__).resolve().parents[1] / "resources" / "help.md"


class HelpDialog(QDialog):
    """Not modal: the clerk can read a step and do it in the window at the same time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{APP_TITLE}使用说明")
        self.browser = QTextBrowser()
        self.browser.setMarkdown(HELP.read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 680)
