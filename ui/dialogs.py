"""Every question the window asks the user, in one place, so tests can answer them.

Tests replace these functions (``monkeypatch.setattr(dialogs, "ask", …)``); the window calls them
through this module, never QMessageBox or QFileDialog directly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question; 否 is the default, so Enter never destroys anything."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def error(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    if detail:
        box.setDetailedText(detail)
    box.exec()


def choose(parent: QWidget | None, title: str, text: str, options: list[str]) -> str | None:
    """One of several actions as buttons; None when the dialog is closed."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    buttons = {
        box.addButton(option, QMessageBox.ButtonRole.ActionRole): option for option in options
    }
    box.exec()
    return buttons.get(box.clickedButton())  # type: ignore[call-overload]


def get_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value.strip() if ok and value.strip() else None


def open_file(parent: QWidget | None, title: str, folder: str, filters: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return path or None


def open_files(parent: QWidget | None, title: str, folder: str, filters: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, folder, filters)
    return list(paths)


def choose_folder(parent: QWidget | None, title: str, folder: str) -> str | None:
    return QFileDialog.getExistingDirectory(parent, title, folder) or None


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    """Where to save; the dialog itself asks before overwriting an existing file."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


def show_in_folder(path: Path) -> None:
    """Open the folder holding an exported file in the system's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def open_externally(path: Path) -> bool:
    """Open a file in the program the system uses for it (a PDF viewer, to print); False when
    the system has none."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def documents_folder() -> str:
    """Where file dialogs start until the user has chosen a folder: 文档 (Documents)."""
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
