"""``summarize``: the county's desk on the command line (``shared/spec/report-json.md``)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from export.county_desk import (
    CLEAN,
    COUNTY,
    UNREADABLE,
    WARNINGS,
    Desk,
    last_years,
    read_units,
    review,
)
from export.files import write_report_file
from model.paths import default_database
from model.problems import Severity
from model.refusal import FileRefused
from model.settings import settings_or_defaults
from model.store.inspection import StoreError
from model.store.store import Store

from .commands import to_stderr

OK, ERRORS, UNUSABLE = 0, 1, 2


def summarize(
    sources: list[str],
    *,
    year: int,
    output: str,
    units: str | None = None,
    previous_db: str | None = None,
    summary: str | None = None,
    name: str | None = None,
) -> int:
    """``name``: the 汇总's organization (else the one the window keeps in the settings)."""
    from export.county_workbook import write_review_workbook

    settings = settings_or_defaults(to_stderr)
    county = (name or "").strip() or settings.summary_name or COUNTY
    try:
        with _database(previous_db) as store:
            names = read_units(Path(units)) if units else _kept_list(store, year)
            desk = review(
                [Path(s) for s in sources],
                year,
                units=names,
                previous=last_years(store),
                county=county,
                settings=settings,
            )
    except (FileRefused, StoreError) as exc:
        print(f"未做汇总：{exc}", file=sys.stderr)
        return UNUSABLE
    for unit in desk.units:
        counts = f"错误 {unit.count(Severity.ERROR)}，警告 {unit.count(Severity.WARNING)}"
        where = f"\t{unit.source.name}" if unit.source else ""
        detail = unit.reason or (counts if unit.report is not None else "")
        print(f"{unit.verdict}\t{unit.name}{where}\t{detail}".rstrip())
    covered = desk.summed()
    print(f"汇总计入 {len(covered)} 个单位；未报送 {len(desk.missing)} 个。")
    try:
        write_review_workbook(desk, Path(output))
        if summary:
            write_report_file(desk.summary, Path(summary))
    except (OSError, ValueError) as exc:  # WriteError, FontError, FileRefused for the suffix
        print(f"未能写入：{exc}", file=sys.stderr)
        return UNUSABLE
    print(f"已写入 {output}" + (f" 和 {summary}" if summary else ""))
    return _status(desk)


@contextlib.contextmanager
def _database(path: str | None) -> Iterator[Store | None]:
    """The database of last year's reports and of the list of units (never created): the one
    named, else the program's own when there is one."""
    database = Path(path) if path else default_database()
    if not database.exists():
        if path:
            raise FileRefused([("", f"找不到数据库 {database}。")])
        yield None
        return
    with Store.open(database) as store:
        yield store


def _kept_list(store: Store | None, year: int) -> list[str] | None:
    """The list of units the window keeps for the year (or carries from an earlier one)."""
    if store is None:
        return None
    names, kept = store.unit_list(year)
    if names:
        print(f"单位名单：数据库中 {kept} 年度的名单（{len(names)} 个单位）。")
    return names or None


def _status(desk: Desk) -> int:
    """2: nothing could be read; 1: a listed unit is missing, unreadable or has errors, or a
    file could not be read; 0: every listed unit's report reads and has no error."""
    if not any(unit.report is not None for unit in desk.units):
        return UNUSABLE
    listed = [unit for unit in desk.units if unit.on_list and not unit.duplicate]
    if any(unit.status not in (CLEAN, WARNINGS) for unit in listed):
        return ERRORS
    return ERRORS if any(unit.status == UNREADABLE for unit in desk.units) else OK
