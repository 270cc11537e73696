"""A report file dropped anywhere on a window is imported.

The filter watches the window's own events (its ``QWindow``), so a drop over a text field is
caught before the field takes the file's path as text. Only one local file of a kind we read
is accepted; the import runs after the drop returns, so the file manager is not kept waiting on
our dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget


class FileDropFilter(QObject):
    def __init__(self, window: QWidget, import_file: Callable[[Path], None]) -> None:
        super().__init__(window)
        self._window = window
        self._import_file = import_file
        self._watching = False
        window.setAcceptDrops(True)

    def watch(self) -> None:
        """Start watching once the window has its native window (once it has been shown)."""
        handle = self._window.windowHandle()
        if handle is not None and not self._watching:
            handle.installEventFilter(self)  # the window's own events only: cheap
            self._watching = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kinds = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)
        if event.type() in kinds and isinstance(event, QDropEvent):
            path = importable(event.mimeData())
            if path is not None:
                event.acceptProposedAction()
                if event.type() == QEvent.Type.Drop:
                    QTimer.singleShot(0, lambda: self._import_file(path))
                return True
        return super().eventFilter(watched, event)


def importable(data: QMimeData) -> Path | None:
    """The one file dropped, when it is a kind of file we read."""
    urls = data.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    from export.files import readable  # when a file is first dragged: a quicker start

    return path if readable(path) else None
