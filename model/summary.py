"""The county's 汇总: its units' reports added up, cell by cell, as a report in the prescribed layout.

Every typed cell of 二、三、四 is summed — 制发, 废止, 现行有效件数, the decision counts, the fee
(exactly, as decimals) and every count of 三 and 四 — and the totals are computed from the sums,
so the rules R1–R4 that hold in each valid report hold in the sum. The 汇总 names what it covers
and what it leaves out in its 一, so that the figures never travel without their scope.
"""

from __future__ import annotations

from collections.abc import Iterable

from .cell_input import Value
from .format.declaration import CellRef
from .report import Report, zero_values


def summed_values(reports: Iterable[Report]) -> dict[CellRef, Value]:
    """The sum of every typed cell over ``reports`` (0 for none)."""
    total: dict[CellRef, Value] = zero_values()
    for report in reports:
        for ref, value in report.values.items():
            if ref in total:
                total[ref] = total[ref] + value  # int + int, Decimal + Decimal: exact
    return total


def summary_report(
    reports: list[Report],
    organization: str,
    year: int,
    *,
    left_out: Iterable[str] = (),
) -> Report:
    """The 汇总 of ``reports`` as a report of ``organization`` for ``year``."""
    covered = [report.organization for report in reports]
    scope = (
        f"本汇总合计以下 {len(covered)} 个单位的 {year} 年度报告：{'、'.join(covered) or '无'}。"
    )
    left = list(left_out)
    if left:
        scope += f"未计入：{'；'.join(left)}。"
    summary = Report(organization, year, values=summed_values(reports))
    summary.texts.overview.intro = scope
    summary.texts.overview.subsections = []  # the units' own work is told in their reports
    summary.texts.problems = (
        "（汇总表只汇总二、三、四的数字；各单位的问题和改进情况见各单位报告。）"
    )
    summary.texts.other = "（同上。）"
    return summary
