"""Medians of the window's hot paths (a script, not a test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_window.py

Targets: process start to the first frame of the window (issue 15: at most 1.5x a bare
QMainWindow script measured the same way in the same run: each prints when its main window is
first painted; an application-wide event filter would slow the one with more widgets), with the
time until the window is complete (database, list, docks) beside it; typing a number in 三 until
totals and checks have updated < 50 ms; opening a report with 1,000 reports in the database
< 100 ms.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NIANBAO_DATA_DIR", tempfile.mkdtemp(prefix="nianbao-bench-"))

# Each prints "shown" when its main window is first painted.
BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer

class Window(QMainWindow):
    def paintEvent(self, event):
        if not hasattr(self, "seen"):
            self.seen = print("shown", flush=True)
            QTimer.singleShot(200, app.quit)
        super().paintEvent(event)

app = QApplication([])
window = Window()
window.show()
app.exec()
"""

OURS = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from PySide6.QtCore import QTimer
from ui.app import create_app, start_window
app = create_app()
window = start_window(Path({db!r}))
window.first_frame.connect(lambda: print("shown", flush=True))
window.started.connect(lambda: print("started", flush=True))
window.started.connect(lambda: QTimer.singleShot(200, app.quit))
app.exec()
"""


def times_to_shown(codes: list[str], rounds: int = 11) -> list[tuple[float, float]]:
    """For each script, the median times from process start to "shown" and to "started" (0 for
    a script that prints no "started"), run in turns (one of each per round), so that the
    machine's drift during the run falls on all of them alike."""
    times: list[list[tuple[float, float]]] = [[] for _ in codes]
    for _ in range(rounds):
        for code, taken in zip(codes, times, strict=True):
            start = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True
            )
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "shown"
            shown = (time.perf_counter() - start) * 1000
            started = shown if code == BARE else 0.0
            if child.stdout.readline().strip() == "started":
                started = (time.perf_counter() - start) * 1000
            taken.append((shown, started))
            child.wait()
            child.stdout.close()
    return [
        (statistics.median(s for s, _ in taken), statistics.median(t for _, t in taken))
        for taken in times
    ]


def main() -> None:
    from PySide6.QtCore import QModelIndex

    from benchmarks.bench_model import full_report
    from model.format.declaration import CellRef
    from model.store.store import Store
    from ui.app import create_app
    from ui.main_window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="nianbao-bench-db-"))
    db = folder / "reports.sqlite3"
    with Store.open(db) as store:
        store._db.execute("PRAGMA synchronous = OFF")  # setup only
        for i in range(1000):
            filler = full_report()
            filler.organization = f"测试县第{i // 10:03d}乡人民政府"
            filler.year = 2012 + i % 10
            store.save(filler)
        ids = [s.id for s in store.list_reports()]
    township = folder / "township.sqlite3"  # a township's own file: ten years of its reports
    with Store.open(township) as store:
        for year in range(2012, 2022):
            filler = full_report()
            filler.year = year
            store.save(filler)

    # An installed or frozen program runs from compiled bytecode; so must the measurement (this
    # machine sets PYTHONDONTWRITEBYTECODE, which would leave every start compiling our sources).
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "model", "ui", "cli"], cwd=ROOT, check=True
    )
    (bare, _), ours, small = times_to_shown(
        [BARE, *(OURS.format(root=str(ROOT), db=str(path)) for path in (db, township))]
    )

    app = create_app()
    window = MainWindow(db)
    started: list[bool] = []
    window.started.connect(lambda: started.append(True))
    window.show()
    while not started:
        app.processEvents()

    def open_one(report_id: int) -> float:
        start = time.perf_counter()
        window.open_report(report_id)
        app.processEvents()
        return (time.perf_counter() - start) * 1000

    opening = statistics.median(open_one(report_id) for report_id in ids[100:130])

    window.open_report(ids[0])
    page = window.editor.pages["applications"]  # type: ignore[union-attr]
    model = page.model  # type: ignore[attr-defined]
    index = model.index_of(CellRef("applications", "disclosed", "commercial"))
    typing = []
    for n in range(100):
        start = time.perf_counter()
        model.setData(QModelIndex(index), str(n % 9 + 1))
        app.processEvents()
        typing.append((time.perf_counter() - start) * 1000)
    window.close()

    print(f"bare QMainWindow shown        median {bare:8.1f} ms")
    for what, (took, complete) in (("1,000 reports", ours), ("10 reports", small)):
        print(
            f"年报助手 window shown ({what:>13}) median {took:8.1f} ms   = {took / bare:.2f}x bare"
            "   target <= 1.5x"
        )
        print(f"  … and complete (list, docks)  median {complete:8.1f} ms")
    print(
        f"type a number in 三 (all updated) median {statistics.median(typing):8.2f} ms   target < 50 ms"
    )
    print(f"open a report (1,000 in db)   median {opening:8.2f} ms   target < 100 ms")


if __name__ == "__main__":
    main()
