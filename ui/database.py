"""Opening a database file for the window: the lock against a second instance, and a clear
Chinese dialog for every file that cannot be used (which is never modified)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QWidget

from model.store.inspection import StoreError
from model.store.store import Store

from . import dialogs

DATABASE_FILTER = "年报助手数据库 (*.sqlite3 *.db);;所有文件 (*)"
OPEN_OTHER, CREATE_NEW, UNLOCK, QUIT = "打开其他数据库…", "新建数据库…", "解除锁定", "退出"


@dataclass
class OpenDatabase:
    path: Path
    store: Store
    lock: QLockFile

    def close(self) -> None:
        self.store.close()
        self.lock.unlock()


def lock_file_for(path: Path) -> QLockFile:
    lock = QLockFile(str(path.with_name(path.name + ".lock")))
    lock.setStaleLockTime(0)  # never stale by age: a long January session must keep its lock
    return lock


def open_database(path: Path, parent: QWidget | None = None) -> OpenDatabase | None:
    """Open ``path``, asking the user what to do whenever it cannot be used; None: give up."""
    current: Path | None = path
    while current is not None:
        with contextlib.suppress(OSError):  # a read-only place is reported by the lock below
            current.parent.mkdir(parents=True, exist_ok=True)
        lock = lock_file_for(current)
        if not lock.tryLock(100):
            current = _locked(current, lock, parent)
            continue
        try:
            return OpenDatabase(current, Store.open(current), lock)
        except StoreError as refused:
            lock.unlock()
            current = _other_file(parent, "无法打开数据库", str(refused))
    return None


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
