"""Looking at a database file before writing to it, without changing a byte of it.

A file the store did not create — not a database, damaged, another program's, or written by a
newer version of 年报助手 — is refused with a clear Chinese message and left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .schema import APPLICATION_ID, SCHEMA_VERSION

_MAGIC = b"SQLite format 3\x00"


class StoreError(Exception):
    """The store cannot do what was asked; ``str(error)`` is a Chinese message for the user."""


class NotADatabase(StoreError):
    pass


class DamagedDatabase(StoreError):
    pass


class ForeignDatabase(StoreError):
    pass


class NewerDatabase(StoreError):
    pass


class ReadOnlyDatabase(StoreError):
    pass


@dataclass(frozen=True)
class FileState:
    exists: bool
    version: int  # PRAGMA user_version; 0 for a new or empty file


def inspect(path: Path) -> FileState:
    """What the file at ``path`` is, read-only; a file we must not touch raises ``StoreError``.
    SQLite's check of every page reads the whole file (25 ms for a county's 1,000 reports)."""
    if not path.exists():
        return FileState(exists=False, version=0)
    if path.is_dir():
        raise NotADatabase(f"“{path}”是一个文件夹，不是数据库文件。")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise StoreError(f"无法读取数据库文件“{path}”：{exc.strerror or exc}") from exc
    if not header:
        return FileState(exists=True, version=0)  # an empty file: nothing to lose
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise NotADatabase(
            f"“{path.name}”不是年报助手的数据库文件（也不是 SQLite 数据库）。文件未做任何改动。"
        )
    application_id = int.from_bytes(header[68:72], "big")
    version = int.from_bytes(header[60:64], "big")
    _check_contents(path, application_id, version)
    return FileState(exists=True, version=version)


def _check_contents(path: Path, application_id: int, version: int) -> None:
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DamagedDatabase(damaged_message(path, exc)) from exc
    try:
        tables = connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
        if application_id != APPLICATION_ID and (application_id != 0 or tables):
            raise ForeignDatabase(
                f"“{path.name}”是其他程序的数据库，不是年报助手的数据库。文件未做任何改动。"
            )
        if version > SCHEMA_VERSION:
            raise NewerDatabase(
                f"“{path.name}”由更新版本的年报助手创建（数据库版本 {version}，本程序支持到 "
                f"{SCHEMA_VERSION}）。请升级年报助手后再打开。文件未做任何改动。"
            )
        result = connection.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise DamagedDatabase(damaged_message(path, result))
    except sqlite3.OperationalError as exc:
        # A hot journal from an interrupted save: only a writer can roll it back. The raw
        # header already says whose file this is; let our own file be recovered.
        hot_journal = getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK"
        if hot_journal and application_id == APPLICATION_ID and version <= SCHEMA_VERSION:
            return
        raise DamagedDatabase(damaged_message(path, exc)) from exc
    except READ_DAMAGE as exc:  # a damaged schema text, a damaged page…
        raise DamagedDatabase(damaged_message(path, exc)) from exc
    finally:
        connection.close()


# What reading a damaged file can raise, besides sqlite3's own errors: text that is not UTF-8,
# a number that is not one, a row missing a column.
READ_DAMAGE = (
    sqlite3.DatabaseError,
    UnicodeDecodeError,
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    OverflowError,
)


@contextlib.contextmanager
def damage_refused(path: Path) -> Iterator[None]:
    """Whatever error reading the file raises becomes the refusal of a damaged database, as at
    opening: the window offers the backups, and the file is not touched."""
    try:
        yield
    except StoreError:
        raise
    except READ_DAMAGE as exc:
        raise DamagedDatabase(damaged_message(path, exc)) from exc


def check_writable(path: Path) -> None:
    """The file and its folder (where the rollback journal goes) must be writable."""
    folder = path.parent
    if not folder.exists():
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise ReadOnlyDatabase(
            f"无法在“{folder}”中保存数据：该位置是只读的或不存在。请换一个位置。"
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise ReadOnlyDatabase(
            f"数据库文件“{path.name}”是只读的，无法保存修改。请换一个位置或取消只读属性。"
        )


def damaged_message(path: Path, detail: object) -> str:
    return (
        f"数据库文件“{path.name}”已损坏，无法打开（{detail}）。文件未做任何改动；可以从备份恢复。"
    )
