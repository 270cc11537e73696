"""The county's desk: the townships' files read, checked, compared with the list of units, summed.

What the 政务公开办 does with a folder of reports each January, without Qt, for the command line
(``summarize``) and, later, the window alike. Every file gets its row — read, or the reason it
could not be; nothing stops at a bad file and nothing a township sent is changed. A unit on the
list without a report is 未报送; a report of a unit not on it is 名单外; two reports of one unit
are 重复 (the first kept, by file name). The 汇总 covers each listed unit once that read without
error; what it leaves out it names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

from model.cell_input import Value
from model.checks import check_report
from model.format.declaration import CellRef
from model.problems import Problem, Severity, error
from model.refusal import FileRefused
from model.report import Report
from model.settings import Settings
from model.store.store import Store
from model.summary import summary_report

from .files import read_report_file, readable

# The figures a county looks at first, by the cells that hold them.
KEY_FIGURES: tuple[tuple[str, tuple[CellRef, ...]], ...] = (
    ("本年新收", (CellRef("applications", "new_requests", "total"),)),
    ("上年结转", (CellRef("applications", "carried_over", "total"),)),
    ("办理结果总计", (CellRef("applications", "results_total", "total"),)),
    ("结转下年度", (CellRef("applications", "carried_forward", "total"),)),
    ("行政复议", (CellRef("review_litigation", "review", "total"),)),
    (
        "行政诉讼",
        (
            CellRef("review_litigation", "litigation_direct", "total"),
            CellRef("review_litigation", "litigation_after_review", "total"),
        ),
    ),
    ("收费金额（万元）", (CellRef("proactive", "fees", "amount"),)),
)


def figure(report: Report, cells: tuple[CellRef, ...]) -> Value:
    """A key figure of a report: its cells added (行政诉讼 is two totals)."""
    return sum((report.value(ref) for ref in cells), 0)


COUNTY = "本县（区）乡镇汇总"
UNREADABLE, ERRORS, WARNINGS, CLEAN, MISSING = "无法读取", "有错误", "有警告", "无问题", "未报送"


@dataclass(eq=False)
class Unit:
    """One row of the desk: a file that came in, or a listed unit that sent none. A row is
    itself (identity), not its contents: ``in`` and ``index`` never compare two reports."""

    name: str
    source: Path | None
    report: Report | None = None
    found: list[Problem] = field(default_factory=list)  # by the reading and the checks
    reason: str = ""  # why the file could not be read
    previous_found: bool = False  # last year's report of the unit was there to compare with
    year_assumed: bool = False  # the file names no year: it was read as of the year summed
    on_list: bool = True
    duplicate: bool = False  # another file of the same unit is the one that counts
    included: bool = False  # counted in the 汇总 by the user's choice (errors, 名单外)
    other_year: Problem | None = None  # E-year, set by ``assemble`` for the year summed

    @property
    def problems(self) -> list[Problem]:
        return self.found if self.other_year is None else [*self.found, self.other_year]

    @property
    def status(self) -> str:
        if self.source is None:
            return MISSING
        if self.report is None:
            return UNREADABLE
        severities = {p.severity for p in self.problems}
        if Severity.ERROR in severities:
            return ERRORS
        return WARNINGS if Severity.WARNING in severities else CLEAN

    @property
    def verdict(self) -> str:
        """The status with what the list and the user's choices add: 有错误（名单外，已计入汇总）…"""
        marks = [
            mark
            for mark, holds in (
                ("名单外", not self.on_list),
                ("重复，未计入", self.duplicate),
                ("已计入汇总", self.included and not self.duplicate),
            )
            if holds
        ]
        return self.status + (f"（{'，'.join(marks)}）" if marks else "")

    def count(self, severity: Severity) -> int:
        return sum(p.severity is severity for p in self.problems)

    def figure(self, cells: tuple[CellRef, ...]) -> Value | None:
        return figure(self.report, cells) if self.report is not None else None


@dataclass
class Desk:
    year: int
    units: list[Unit]
    summary: Report

    @property
    def missing(self) -> list[Unit]:
        return [unit for unit in self.units if unit.status == MISSING]

    @property
    def duplicates(self) -> list[Unit]:
        names = {unit.name for unit in self.units if unit.duplicate}
        return [unit for unit in self.units if unit.name in names and unit.source is not None]

    def summed(self) -> list[Unit]:
        """The units the 汇总 covers: listed and read without error — or included by the user —
        each unit once (the kept one of a duplicate)."""
        return [
            unit
            for unit in self.units
            if unit.report is not None
            and not unit.duplicate
            and (unit.included or (unit.on_list and unit.status in (CLEAN, WARNINGS)))
        ]


def read_units(path: Path) -> list[str]:
    """The list of units: one name a line (a text file), or the first column of a workbook."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(path, read_only=True).worksheets[0]
            cells = [row[0] for row in sheet.iter_rows(values_only=True) if row]
        except Exception as exc:  # openpyxl raises many kinds for a bad file
            raise FileRefused([("", f"无法读取单位名单 {path.name}：{exc}")]) from None
    else:
        try:
            cells = path.read_text("utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise FileRefused([("", f"无法读取单位名单 {path.name}：{exc}")]) from None
    names = [str(cell).strip() for cell in cells if cell is not None and str(cell).strip()]
    return [name for name in names if name not in ("单位", "单位名称", "应报单位")]


def last_years(store: Store | None) -> Callable[[Report], Report | None]:
    """Last year's report of a unit in ``store``, found by the unit's name (a received report
    is not the database's own); none without a database."""
    if store is None:
        return lambda _report: None

    def previous(report: Report) -> Report | None:
        org = store.find_organization(report.organization)
        return store.find(org, report.year - 1) if org is not None and report.year else None

    return previous


def files_in(paths: Iterable[Path]) -> list[Path]:
    """The files given, a folder standing for every file in it the program reads (by name)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.is_file() and readable(p))
        else:
            found.append(path)
    return found


def review(
    paths: Iterable[Path],
    year: int,
    *,
    units: list[str] | None = None,
    previous: Callable[[Report], Report | None] = lambda _report: None,
    county: str = COUNTY,
    settings: Settings | None = None,
) -> Desk:
    """Read and check every file for ``year``; ``units``: the list of units that must report
    (None: every unit that sent one); ``previous``: last year's report of a unit, if known;
    ``settings``: the publication deadline's."""
    read = [read_unit(p, year, previous, settings) for p in files_in(paths)]
    return assemble(read, year, units, county)


def assemble(
    rows: list[Unit],
    year: int,
    units: list[str] | None,
    county: str = COUNTY,
    *,
    include: AbstractSet[Path] = frozenset(),
    keep: Mapping[str, Path] | None = None,
) -> Desk:
    """The units read (in file-name order), compared with the list, and their 汇总.
    ``include``: files the user counts in the 汇总 despite errors or the list; ``keep``: the
    file that counts for a unit that sent two (else the first)."""
    keep = keep or {}
    seen: set[str] = set()
    listed = set(units or [])
    for unit in rows:
        unit.on_list = units is None or unit.report is None or unit.name in listed
        unit.included = unit.source in include
        if unit.report is None:
            continue
        unit.other_year = (
            error("E-year", (), f"这是 {unit.report.year} 年度的报告，不是 {year} 年度的。")
            if unit.report.year != year
            else None
        )
        kept = keep.get(unit.name)
        unit.duplicate = unit.source != kept if kept is not None else unit.name in seen
        seen.add(unit.name)
    rows = rows + [Unit(name, None) for name in units or [] if name not in seen]
    desk = Desk(year, rows, Report(county, year))
    summed = desk.summed()
    left_out = [
        f"{unit.name}（{_why_left_out(unit)}）"
        for unit in rows
        if unit.source is not None and unit not in summed and not unit.duplicate
    ]
    desk.summary = summary_report(
        [unit.report for unit in summed if unit.report is not None],
        county,
        year,
        left_out=left_out,
    )
    return desk


def read_unit(
    path: Path,
    year: int,
    previous: Callable[[Report], Report | None],
    settings: Settings | None = None,
) -> Unit:
    """One file read and checked; a file that cannot be read is a row with its reason. ``year``
    is taken only for a file that names none: whether a report is of the year summed is for
    ``assemble`` to say, so that another year needs no second reading."""
    try:
        read = read_report_file(path)
    except FileRefused as refusal:
        return Unit(path.stem, path, reason=str(refusal).replace("\n", "；"))
    report = read.report
    year_assumed = report.year is None
    if year_assumed:
        report.year = year
    if not report.organization.strip():
        return Unit(path.stem, path, reason="文件中找不到机关名称。")
    last = previous(report)
    problems = read.problems + check_report(report, previous=last, settings=settings)
    if not read.status_known:  # a document cannot say whether it was published
        problems = [p for p in problems if p.rule != "W-deadline"]
    return Unit(
        report.organization,
        path,
        report,
        problems,
        previous_found=last is not None,
        year_assumed=year_assumed,
    )


def _why_left_out(unit: Unit) -> str:
    if not unit.on_list:
        return "名单外"
    return unit.status
