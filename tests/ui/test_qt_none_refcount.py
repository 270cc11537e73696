"""Regression: PySide6 6.12.0 drops None's reference count on every void Qt call, and Python
3.11 aborts with ``Fatal Python error: none_dealloc`` after a few thousand calls. The project pins
PySide6-Essentials below 6.12; this test fails on any release with that bug."""

from __future__ import annotations

import sys
from importlib.metadata import version

from PySide6.QtCore import QObject, QTimer


def test_void_qt_calls_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    target = QObject()
    timer = QTimer()
    before = sys.getrefcount(None)
    for i in range(1000):
        target.setObjectName(f"o{i}")  # void
        timer.stop()  # void
    after = sys.getrefcount(None)
    assert after >= before - 50, f"None lost {before - after} references over 2,000 void Qt calls"


def test_pinned_below_the_broken_release() -> None:
    major, minor = (int(part) for part in version("PySide6-Essentials").split(".")[:2])
    assert (major, minor) < (6, 12)
