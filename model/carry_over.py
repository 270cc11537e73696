"""A new report built from last year's: what 新建报告 does with 从上一年报告继承.

三's 二、上年结转 takes last year's 四、结转下年度继续办理, column by column; 二's 现行有效件数 is proposed
as last year's (plus this year's 制发, minus 废止, which are still 0); the texts are copied with
their years rolled forward — the old report year becomes the new one and the old plan year the
next one — and marked 待更新 until edited. Years inside 〔〕 (document numbers) and 《》 (titles)
are left alone. Every replacement is listed, so the user can review them.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .cell_input import Value
from .format.declaration import CellRef
from .format.format_2021 import APPLICANT_COLUMNS
from .report import Report, Status, get_field, set_field
from .text_spans import Sentences, Spans, fold_digits

_YEAR = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")
_PROTECTED = re.compile(r"〔[^〔〕]*〕|《[^《》]*》")
IN_FORCE_ROWS = ("regulations", "normative_documents")


@dataclass(frozen=True)
class Replacement:
    """One year rolled forward: where, what it was, what it became, and its sentence (new text)."""

    path: str
    start: int
    old: str
    new: str
    sentence: str


@dataclass
class CarriedReport:
    report: Report
    replacements: list[Replacement]


def carried_over_cells() -> list[tuple[CellRef, CellRef]]:
    """(this year's cell, last year's cell) pairs of 三: 上年结转 ← 结转下年度继续办理."""
    return [
        (
            CellRef("applications", "carried_over", col),
            CellRef("applications", "carried_forward", col),
        )
        for col, _ in APPLICANT_COLUMNS
    ]


def expected_in_force(previous: Report, values: Mapping[CellRef, Value], row: str) -> int:
    """Last year's 现行有效件数, plus this year's 制发, minus 废止: what 现行有效 is unless
    documents lapsed. W-inforce compares with it; a proposal takes it, never below 0."""
    last = int(previous.value(CellRef("proactive", row, "in_force")))
    issued = int(values[CellRef("proactive", row, "issued")])
    repealed = int(values[CellRef("proactive", row, "repealed")])
    return last + issued - repealed


def proposed_in_force(previous: Report, values: Mapping[CellRef, Value], row: str) -> int:
    """现行有效件数 proposed from last year's (never below 0)."""
    return max(0, expected_in_force(previous, values, row))


def following_proposals(
    report: Report, previous: Report | None, changes: Mapping[CellRef, Value]
) -> dict[CellRef, Value]:
    """现行有效件数 still carried from last year follows this year's 制发 and 废止 as they change:
    the new proposals an edit of ``changes`` brings (the user's own 现行有效 is never touched)."""
    if previous is None:
        return {}
    proposals: dict[CellRef, Value] = {}
    for row in IN_FORCE_ROWS:
        target = CellRef("proactive", row, "in_force")
        touched = {CellRef("proactive", row, "issued"), CellRef("proactive", row, "repealed")}
        if target in report.carried and target not in changes and touched & set(changes):
            proposals[target] = proposed_in_force(previous, {**report.values, **changes}, row)
    return proposals


def report_from_previous(previous: Report, year: int, organization: str) -> CarriedReport:
    if previous.year is None:
        raise ValueError("last year's report has no year")
    report = Report(organization=organization, year=year, meta=copy.deepcopy(previous.meta))
    report.organization_id = previous.organization_id
    report.status = Status.DRAFT
    for this, last in carried_over_cells():
        report.values[this] = previous.value(last)
        report.carried.add(this)
    for row in IN_FORCE_ROWS:
        ref = CellRef("proactive", row, "in_force")
        report.values[ref] = proposed_in_force(previous, report.values, row)
        report.carried.add(ref)
    report.texts = copy.deepcopy(previous.texts)
    replacements: list[Replacement] = []
    for path, _ in previous.text_fields():
        if not path.startswith("texts."):
            continue
        text, found = roll_years(get_field(previous, path), previous.year, year, path)
        set_field(report, path, text)
        replacements += found
        if text.strip() and not path.endswith(".title") and path != "texts.preamble":
            report.pending_texts.add(path)
    return CarriedReport(report, replacements)


def roll_years(text: str, old_year: int, new_year: int, path: str) -> tuple[str, list[Replacement]]:
    """Move the report year and the plan year forward by ``new_year - old_year``."""
    shift = new_year - old_year
    targets = {str(old_year), str(old_year + 1)}
    protected = Spans([m.span() for m in _PROTECTED.finditer(text)])
    parts: list[str] = []
    found: list[tuple[int, str, str]] = []
    last = length = 0  # ``length``: of the rolled text so far
    for match in _YEAR.finditer(fold_digits(text)):
        if match.group() not in targets or match.start() in protected:
            continue
        new = str(int(match.group()) + shift)
        parts.append(text[last : match.start()])
        length += match.start() - last
        found.append((length, text[match.start() : match.end()], new))
        parts.append(new)
        length += len(new)
        last = match.end()
    parts.append(text[last:])
    rolled = "".join(parts)
    replacements = []
    sentences = Sentences(rolled)
    for start, old, new in found:
        a, b = sentences.span(start, start + len(new))
        replacements.append(Replacement(path, start, old, new, rolled[a:b]))
    return rolled, replacements
