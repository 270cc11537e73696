"""``summarize``: the county's desk on the command line (``shared/spec/report-json.md``)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from export.county_desk import CLEAN, UNREADABLE, WARNINGS, Desk, read_units, review
from export.files import write_report_file
from model.paths import default_database
from model.problems import Severity
from model.refusal import FileRefused
from model.report import Report
from model.store.inspection import StoreError
from model.store.store import Store

OK, ERRORS, UNUSABLE = 0, 1, 2


def summarize(
    sources: list[str],
    *,
    year: int,
    output: str,
    units: str | None = None,
    previous_db: str | None = None,
    summary: str | None = None,
) -> int:
    from export.county_workbook import write_review_workbook

    try:
        names = read_units(Path(units)) if units else None
        with _previous_reports(previous_db) as previous:
            desk = review([Path(s) for s in sources], year, units=names, previous=previous)
    except (FileRefused, StoreError) as exc:
        print(f"未做汇总：{exc}", file=sys.stderr)
        return UNUSABLE
    for unit in desk.units:
        counts = f"错误 {unit.count(Severity.ERROR)}，警告 {unit.count(Severity.WARNING)}"
        where = f"\t{unit.source.name}" if unit.source else ""
        flags = ("（名单外）" if not unit.on_list else "") + (
            "（重复，未计入）" if unit.duplicate else ""
        )
        detail = unit.reason or (counts if unit.report is not None else "")
        print(f"{unit.status}{flags}\t{unit.name}{where}\t{detail}".rstrip())
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
def _previous_reports(path: str | None) -> Iterator[Callable[[Report], Report | None]]:
    """Last year's report of a unit from the database, when there is one (never created)."""
    database = Path(path) if path else default_database()
    if not database.exists():
        if path:
            raise FileRefused([("", f"找不到数据库 {database}。")])
        yield lambda _report: None
        return
    with Store.open(database) as store:

        def previous(report: Report) -> Report | None:
            org = store.find_organization(report.organization)
            return store.find(org, report.year - 1) if org is not None and report.year else None

        yield previous


def _status(desk: Desk) -> int:
    """2: nothing could be read; 1: a listed unit is missing, unreadable or has errors, or a
    file could not be read; 0: every listed unit's report reads and has no error."""
    if not any(unit.report is not None for unit in desk.units):
        return UNUSABLE
    listed = [unit for unit in desk.units if unit.on_list and not unit.duplicate]
    if any(unit.status not in (CLEAN, WARNINGS) for unit in listed):
        return ERRORS
    return ERRORS if any(unit.status == UNREADABLE for unit in desk.units) else OK
