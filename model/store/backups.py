"""The rolling automatic backup: one copy of the database a day, the last ten kept.

A clerk who breaks something on Tuesday can go back to Monday's copy (文件 → 恢复备份…).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .store import Store

KEEP = 10
_NAME = re.compile(r"reports-(\d{8})\.sqlite3")


def daily_backup(store: Store, folder: Path, today: dt.date | None = None) -> Path | None:
    """Copy the database into ``folder`` once a day; returns the new copy, or None when today's
    exists. Older copies beyond the last ``KEEP`` are removed."""
    today = today or dt.date.today()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"reports-{today:%Y%m%d}.sqlite3"
    made = None
    if not target.exists():
        store.backup_to(target)
        made = target
    copies = sorted(p for p in folder.iterdir() if _NAME.fullmatch(p.name))
    for old in copies[:-KEEP]:
        old.unlink()
    return made


def backups(folder: Path) -> list[Path]:
    """The automatic copies, newest first."""
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if _NAME.fullmatch(p.name)), reverse=True)
