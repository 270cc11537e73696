"""Where the program keeps its data: the per-user data folder, the same one Qt's
``QStandardPaths.AppDataLocation`` gives the window, so the command line finds the same files.

``NIANBAO_DATA_DIR`` overrides it (tests, portable installs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "nianbao-zhushou"  # also QApplication's applicationName; organizationName stays empty
DATABASE_NAME = "reports.sqlite3"
SETTINGS_NAME = "settings.json"


def data_dir() -> Path:
    override = os.environ.get("NIANBAO_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def default_database() -> Path:
    return data_dir() / DATABASE_NAME


def settings_file() -> Path:
    return data_dir() / SETTINGS_NAME
