"""Window geometry and recent choices (last organization, last folder): UI state, not
preferences, kept in an INI file in the data folder (so tests with their own data folder never
touch the user's)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from model.paths import data_dir


def ui_state() -> QSettings:
    return QSettings(str(data_dir() / "ui-state.ini"), QSettings.Format.IniFormat)


def remembered(key: str, default: str = "") -> str:
    return str(ui_state().value(key, default) or default)


def remember(key: str, value: object) -> None:
    ui_state().setValue(key, value)
