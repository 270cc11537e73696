"""Every faulty database gets its dialog, the file is never modified, and the user can open or
create another; a second window on the same file is stopped by the lock."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from model.store.store import Store
from tests.faulty_files import (
    damaged_database,
    foreign_database,
    newer_database,
    not_a_database,
    schema_damaged_database,
)
from tests.helpers import ROOT
from ui.database import CREATE_NEW, OPEN_OTHER, QUIT, UNLOCK, lock_file_for, open_database

from .conftest import Answers, open_sample_report


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (not_a_database, "不是年报助手的数据库文件"),
        (foreign_database, "其他程序的数据库"),
        (newer_database, "更新版本的年报助手"),
        (damaged_database, "已损坏"),
        (schema_damaged_database, "已损坏"),
    ],
)
def test_a_faulty_file_gets_a_dialog_and_is_never_modified(
    app: QApplication,
    answers: Answers,
    tmp_path: Path,
    make,
    says: str,  # type: ignore[no-untyped-def]
) -> None:
    path = make(tmp_path)
    before = digest(path)
    answers.choices.append(QUIT)
    assert open_database(path) is None
    assert says in answers.asked[0]
    assert digest(path) == before
    assert not path.with_name(path.name + ".lock").exists()


def test_the_user_can_open_another_or_create_a_new_one(
    app: QApplication, answers: Answers, tmp_path: Path
) -> None:
    bad = not_a_database(tmp_path)
    good = tmp_path / "good.sqlite3"
    Store.open(good).close()
    answers.choices.append(OPEN_OTHER)
    answers.files.append(str(good))
    database = open_database(bad)
    assert database is not None and database.path == good
    database.close()
    fresh = tmp_path / "新建 的.sqlite3"
    answers.choices.append(CREATE_NEW)
    answers.files.append(str(fresh))
    database = open_database(bad)
    assert database is not None and database.path == fresh and fresh.exists()
    database.close()


def test_a_second_window_on_the_same_file_is_stopped(
    app: QApplication, answers: Answers, tmp_path: Path
) -> None:
    path = tmp_path / "reports.sqlite3"
    first = open_database(path)
    assert first is not None
    answers.choices += [UNLOCK, QUIT]
    answers.yes = False  # 解除锁定 asks first; the answer here is no
    assert open_database(path) is None
    assert "正被另一个年报助手窗口使用" in answers.asked[0]
    assert "确定解除吗" in answers.asked[1]
    first.close()


def test_a_lock_left_by_a_crash_can_be_removed_after_confirmation(
    app: QApplication, answers: Answers, tmp_path: Path
) -> None:
    path = tmp_path / "reports.sqlite3"
    holder = lock_file_for(path)
    assert holder.tryLock(0)  # held by a live process that is not a window (as after a hang)
    answers.choices.append(UNLOCK)
    answers.yes = True
    database = open_database(path)
    assert database is not None
    database.close()


def test_a_read_only_folder_gets_a_dialog(
    app: QApplication, answers: Answers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "reports.sqlite3"
    Store.open(path).close()
    monkeypatch.setattr(os, "access", lambda *a, **k: False)
    answers.choices.append(QUIT)
    assert open_database(path) is None
    assert "只读" in answers.asked[0]


EDIT_THEN_WAIT = """
import os, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from ui.app import create_app
from ui.main_window import MainWindow
from model.format.declaration import CellRef
app = create_app()
window = MainWindow(Path({db!r}))
started = []
window.started.connect(lambda: started.append(True))
window.show()
while not started:
    app.processEvents()
window.file_actions.import_file(Path({root!r}) / 'resources' / 'sample' / 'guanqiao-2021.json')
window.session.set_cells({{CellRef("applications", "disclosed", "research"): 7}})
window.session.set_field("texts.other", "改过的六。")
print("edited", flush=True)
time.sleep(60)
"""


def test_sigkill_right_after_an_edit_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / "reports.sqlite3"
    script = EDIT_THEN_WAIT.format(root=str(ROOT), db=str(db))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NIANBAO_DATA_DIR": str(tmp_path / "data")}
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "edited"
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    with Store.open(db) as store:
        (summary,) = store.list_reports()
        report = store.load(summary.id)
    from model.format.declaration import CellRef

    assert report.value(CellRef("applications", "disclosed", "research")) == 7
    assert report.texts.other == "改过的六。"


def test_a_report_whose_rows_are_damaged_is_refused_with_a_dialog(window, answers: Answers) -> None:  # type: ignore[no-untyped-def]
    """Damage found only when a report is loaded (a cell that is not a number): a dialog that
    names the damage and the backups, the window goes on, the file is not touched."""
    import sqlite3

    open_sample_report(window)
    report_id = window.session.report.id
    window.close_report()
    path = window.database_path
    with sqlite3.connect(path) as db:
        db.execute("UPDATE cells SET value = 'abc'")
    before = digest(path)
    window.open_report(report_id)
    assert window.session is None
    assert "已损坏" in answers.errors[-1] and "备份" in answers.errors[-1]
    window.refresh_list()
    assert digest(path) == before


def test_the_window_shows_first_and_then_refuses_a_damaged_file_before_writing(
    app: QApplication, qtbot, answers: Answers, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The database is opened, and every page checked, only after the window's first frame (a
    county's file takes 25 ms); a damaged one gets its dialog over the window, and nothing is
    written — not even the daily backup of a damaged file."""
    from ui.app import start_window

    path = damaged_database(tmp_path)
    before = digest(path)
    good = tmp_path / "good.sqlite3"
    Store.open(good).close()
    answers.choices.append(OPEN_OTHER)
    answers.files.append(str(good))
    window = start_window(path)
    qtbot.addWidget(window)
    asked_at_first_frame: list[int] = []
    window.first_frame.connect(lambda: asked_at_first_frame.append(len(answers.asked)))
    with qtbot.waitSignal(window.started):
        pass
    assert asked_at_first_frame == [0]  # the window's frame came before the dialog
    assert "已损坏" in answers.asked[0]
    assert window.database.path == good and not window.gave_up
    assert digest(path) == before
    assert not path.with_name(path.name + ".lock").exists()
    window.close()


def test_the_program_ends_when_the_user_gives_up_on_the_database(
    app: QApplication, qtbot, answers: Answers, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """退出 in the database's dialog closes the window that was already shown; ``run`` then ends
    with 1. Nothing of the refused file is touched and no window state is kept for it."""
    from ui.app import start_window

    path = not_a_database(tmp_path)
    before = digest(path)
    answers.choices.append(QUIT)
    window = start_window(path)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.started):
        pass
    assert window.gave_up and not window.isVisible()
    assert "不是年报助手的数据库文件" in answers.asked[0]
    assert digest(path) == before
