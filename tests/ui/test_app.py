"""Starting the application: Chinese Qt dialogs, the data location, the exception hook, and no
export library loaded at start."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from tests.helpers import ROOT
from ui import app as app_module

from .conftest import Answers


def test_qt_speaks_chinese(app: QApplication) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert app.applicationDisplayName() == "年报助手"


def test_unexpected_exceptions_are_logged_and_shown(
    app: QApplication, answers: Answers, tmp_path: Path
) -> None:
    log = tmp_path / "nianbao.log"
    handler = logging.FileHandler(log, encoding="utf-8")
    logging.getLogger().addHandler(handler)
    saved = sys.excepthook
    try:
        app_module.install_exception_hook(log)
        try:
            raise RuntimeError("测试用的意外错误")
        except RuntimeError as error:
            sys.excepthook(RuntimeError, error, error.__traceback__)
    finally:
        sys.excepthook = saved
        logging.getLogger().removeHandler(handler)
        handler.close()
    assert "测试用的意外错误" in answers.errors[0] and "已保存的数据不受影响" in answers.errors[0]
    assert "测试用的意外错误" in log.read_text(encoding="utf-8")


START = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QStandardPaths, QTimer
from ui.app import create_app, start_window
from model.paths import data_dir, default_database
app = create_app()
assert str(data_dir()) == QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation), (
    data_dir(), QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
window = start_window(default_database())
heavy = ("openpyxl", "reportlab", "docx", "model.report", "model.checks", "ui.report_editor",
         "sqlite3", "ui.report_list", "ui.checks_panel")
at_first_frame = []
window.first_frame.connect(lambda: at_first_frame.append([n for n in heavy if n in sys.modules]))
QTimer.singleShot(500, app.quit)  # the rest of the start follows the first frame
app.exec()
print("loaded at the first frame:", at_first_frame[0], "title:", window.windowTitle())
window.close()
"""


def test_default_database_in_the_app_data_location_and_no_export_library_at_start(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NIANBAO_DATA_DIR", "XDG_DATA_HOME")}
    env |= {"HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", START.format(root=str(ROOT))],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    # The first frame is the window's frame: no database yet, no list, no checks, no editor, no
    # export library.
    assert "loaded at the first frame: [] title: 年报助手" in result.stdout
    assert (tmp_path / ".local" / "share" / "nianbao-zhushou" / "reports.sqlite3").exists()
    assert list(  # made after the first frame
        (tmp_path / ".local" / "share" / "nianbao-zhushou" / "backups").glob("reports-*.sqlite3")
    )


def test_main_starts_the_window_on_the_given_database(tmp_path: Path) -> None:
    db = tmp_path / "其他 数据库.sqlite3"
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NIANBAO_DATA_DIR": str(data)}
    child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(db)], env=env)
    log = data / "logs" / "nianbao.log"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (
        log.exists() and "window started" in log.read_text("utf-8")
    ):
        time.sleep(0.1)
    child.terminate()
    child.wait(timeout=30)
    assert f"window started on {db}" in log.read_text("utf-8")
    assert db.exists()
