"""Starting the desktop application: logging, QApplication, Chinese translations, the exception
hook, the database, the main window. ``create_app`` is apart from ``run`` so tests can build
windows without running the event loop."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from model import APP_TITLE, __version__
from model.paths import APP_NAME, data_dir, default_database

from . import dialogs

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger("nianbao")
ICON = Path(__file__).resolve().parents[1] / "resources" / "icon.svg"


def setup_logging() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "nianbao.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, logging.FileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(ICON)))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    if translator.load(
        "qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(translator)
    else:
        log.warning("Qt's Chinese translation (qtbase_zh_CN) was not found")
    return app


def install_exception_hook(log_path: Path) -> None:
    """Any unexpected exception: written to the log, shown in a dialog; saved data stays."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        detail = "".join(traceback.format_exception(kind, error, tb))
        log.error("unexpected exception\n%s", detail)
        if QApplication.instance() is not None:
            dialogs.error(
                None,
                "程序出错",
                f"{APP_TITLE}遇到了意外的错误：{error}\n\n已保存的数据不受影响。错误详情已写入日志文件：\n{log_path}",
                detail,
            )

    sys.excepthook = hook


def _qt_messages(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = (
        logging.WARNING
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg)
        else logging.DEBUG
    )
    log.log(level, "Qt: %s", message)


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python main.py", add_help=False)
    parser.add_argument("--db", type=Path, default=None)
    options, _ = parser.parse_known_args(argv)
    log_path = setup_logging()
    app = create_app([sys.argv[0], *argv])
    install_exception_hook(log_path)
    qInstallMessageHandler(_qt_messages)

    window = start_window(options.db or default_database())
    code = app.exec()
    return 1 if window.gave_up else code


def start_window(path: Path) -> MainWindow:
    """Show the main window on the database at ``path``: the window's frame first, the database
    opened right after it (see ``MainWindow``)."""
    from .main_window import MainWindow

    window = MainWindow(path)
    window.show()
    return window
