"""Database files the store must refuse untouched: built the same way for the model's tests and
the window's."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from model.store.schema import SCHEMA_VERSION
from model.store.store import Store
from tests.helpers import sample_report


def not_a_database(folder: Path) -> Path:
    path = folder / "笔记.sqlite3"
    path.write_text("这只是一个文本文件" * 30, encoding="utf-8")
    return path


def foreign_database(folder: Path) -> Path:
    path = folder / "other.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    raw.commit()
    raw.close()
    return path


def newer_database(folder: Path) -> Path:
    path = folder / "newer.sqlite3"
    Store.open(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    return path


def schema_damaged_database(folder: Path) -> Path:
    """Our own database whose schema text has a flipped letter (“kind” → “iind” in a CHECK),
    as the fuzzing test made one: every page reads, and a read-only connection never compiles
    the constraint; the first writer's statement fails."""
    import sqlite3

    path = folder / "schema.sqlite3"
    with Store.open(path) as store:
        store.save(sample_report())
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA writable_schema = ON")
        db.execute(
            "UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (kind IN', 'CHECK (iind IN') "
            "WHERE name = 'report_marks'"
        )
    db.close()
    return path


def damaged_database(folder: Path) -> Path:
    """Our own database with every page but the first scrambled."""
    path = folder / "damaged.sqlite3"
    with Store.open(path) as store:
        for year in range(2010, 2030):
            report = sample_report()
            report.year = year
            store.save(report)
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, page):
        data[offset + 8 : offset + 400] = bytes(range(256)) + bytes(range(136))
    path.write_bytes(bytes(data))
    return path
