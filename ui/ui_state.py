"""Window state and recent choices: UI state, not preferences, kept in an INI file in the data
folder (so tests with their own data folder never touch the user's).

Every key is declared here once, with what it holds (as Picard declares its options); call sites
name the declaration, never a string, so a key cannot be misspelt or written and never read
unnoticed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

from model.paths import data_dir


@dataclass(frozen=True)
class StateKey:
    name: str  # the key in the INI file: never change it, or users lose what was kept
    meaning: str


GEOMETRY = StateKey("geometry", "the main window's size and place (QMainWindow.saveGeometry)")
WINDOW_STATE = StateKey("window_state", "the docks and toolbars (QMainWindow.saveState)")
LAST_ORGANIZATION = StateKey("last_organization", "the organization of the last new report")
LAST_FOLDER = StateKey("last_folder", "where the last imported file was")
LAST_EXPORT_FOLDER = StateKey("last_export_folder", "where the last export was written")
LAST_REPORT = StateKey("last_report", "the id of the report open last")

KEYS = (GEOMETRY, WINDOW_STATE, LAST_ORGANIZATION, LAST_FOLDER, LAST_EXPORT_FOLDER, LAST_REPORT)


def ui_state() -> QSettings:
    return QSettings(str(data_dir() / "ui-state.ini"), QSettings.Format.IniFormat)


def remembered(key: StateKey, default: str = "") -> str:
    return str(ui_state().value(key.name, default) or default)


def remembered_bytes(key: StateKey) -> QByteArray | None:
    """A saved geometry or window state, or None when there is none."""
    value = ui_state().value(key.name)
    return value if isinstance(value, QByteArray) else None


def remember(key: StateKey, value: object) -> None:
    ui_state().setValue(key.name, value)
