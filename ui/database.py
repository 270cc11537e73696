"""Opening a database file for the window: the lock against a second instance, and a clear
Chinese dialog for every file that cannot be used (which is never modified)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QWidget

from model.store.inspection import StoreError, inspect
from model.store.store import Store

from . import dialogs

DATABASE_FILTER = "年报助手数据库 (*.sqlite3 *.db);;所有文件 (*)"
OPEN_OTHER, CREATE_NEW, UNLOCK, QUIT = "打开其他数据库…", "新建数据库…", "解除锁定", "退出"


@dataclass
class OpenDatabase:
    path: Path
    store: Store
    lock: QLockFile
    checked: bool = False  # every page read: see ``open_database``
    _refusal: StoreError | None = None

    def close(self) -> None:
        self.store.close()
        self.lock.unlock()

    def refused(self) -> StoreError | None:
        """Why the file must not be used after all (a damaged page), or None; the pages are
        read the first time this is asked."""
        if not self.checked:
            self.checked = True
            try:
                inspect(self.path)
            except StoreError as refused:
                self._refusal = refused
        return self._refusal


def lock_file_for(path: Path) -> QLockFile:
    lock = QLockFile(str(path.with_name(path.name + ".lock")))
    lock.setStaleLockTime(0)  # never stale by age: a long January session must keep its lock
    return lock


def open_database(
    path: Path, parent: QWidget | None = None, *, check_later: bool = False
) -> OpenDatabase | None:
    """Open ``path``, asking the user what to do whenever it cannot be used; None: give up.

    SQLite's check of every page reads the whole file (25 ms for a county's 1,000 reports).
    ``check_later``: the caller asks ``refused()`` before anything is written — the window
    does, right after its first frame."""
    current: Path | None = path
    while current is not None:
        with contextlib.suppress(OSError):  # a read-only place is reported by the lock below
            current.parent.mkdir(parents=True, exist_ok=True)
        lock = lock_file_for(current)
        if not lock.tryLock(100):
            current = _locked(current, lock, parent)
            continue
        try:
            database = OpenDatabase(current, Store.open(current, verify=False), lock)
        except StoreError as refused:
            lock.unlock()
            current = _other_file(parent, "无法打开数据库", str(refused))
            continue
        if check_later:
            return database
        refused = database.refused()
        if refused is None:
            return database
        current = _instead(database, refused, parent)
    return None


def open_instead(database: OpenDatabase, parent: QWidget | None) -> OpenDatabase | None:
    """The database refused by its page check is closed; the one the user picks instead, or
    None."""
    refused = database.refused()
    assert refused is not None, "asked only when the page check refused the database"
    current = _instead(database, refused, parent)
    return open_database(current, parent) if current is not None else None


def _instead(database: OpenDatabase, refused: StoreError, parent: QWidget | None) -> Path | None:
    database.close()
    return _other_file(parent, "无法打开数据库", str(refused))


def _locked(path: Path, lock: QLockFile, parent: QWidget | None) -> Path | None:
    if lock.error() != QLockFile.LockError.LockFailedError:
        return _other_file(
            parent,
            "无法打开数据库",
            f"无法在“{path.parent}”中使用数据库（该位置可能是只读的）。文件未做任何改动。",
        )
    info = lock.getLockInfo()  # PySide6: (pid, hostname, appname)
    pid, host = (info[0], info[1]) if isinstance(info, tuple) and len(info) >= 2 else ("?", "")
    answer = dialogs.choose(
        parent,
        "数据库正在使用",
        f"“{path.name}”正被另一个年报助手窗口使用（计算机 {host or '未知'}，进程 {pid}）。\n"
        "同一个数据库一次只能在一个窗口中打开。如果那个窗口已经关闭（例如程序曾意外退出），可以解除锁定。",
        [UNLOCK, OPEN_OTHER, QUIT],
    )
    if answer == UNLOCK:
        confirmed = dialogs.ask(
            parent,
            "解除锁定",
            "只有在确定没有其他年报助手窗口正在使用这个数据库时，才能解除锁定。确定解除吗？",
        )
        if confirmed and not lock.removeStaleLockFile():  # the user vouches the other is gone
            with contextlib.suppress(OSError):
                Path(lock.fileName()).unlink()
        return path
    if answer == OPEN_OTHER:
        return _pick(parent, existing=True)
    return None


def _other_file(parent: QWidget | None, title: str, message: str) -> Path | None:
    answer = dialogs.choose(parent, title, message, [OPEN_OTHER, CREATE_NEW, QUIT])
    if answer == OPEN_OTHER:
        return _pick(parent, existing=True)
    if answer == CREATE_NEW:
        return _pick(parent, existing=False)
    return None


def _pick(parent: QWidget | None, *, existing: bool) -> Path | None:
    if existing:
        chosen = dialogs.open_file(parent, "打开数据库", "", DATABASE_FILTER)
    else:
        chosen = dialogs.save_file(parent, "新建数据库", "年报.sqlite3", DATABASE_FILTER)
    return Path(chosen) if chosen else None
