"""The checks of ``shared/spec/checks.md``: pure functions over a report.

``check_report`` runs them all and returns every problem, errors first, then warnings, then the
warnings the user has explained. Each check is a function ``(report, context) -> list[Problem]``;
adding one is adding it to ``CHECKS``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..problems import Problem, Severity
from ..report import Report
from ..settings import Settings
from .arithmetic import check_balances, check_printed_totals
from .context import Context
from .explanations import apply_explanations
from .identity import check_organization, check_year
from .table_warnings import (
    check_carry_over,
    check_fee_text,
    check_fee_unit,
    check_in_force_against_last_year,
    check_in_force_this_year,
    check_township_rules,
)
from .text_numbers import check_text_numbers
from .text_warnings import check_copied, check_deadline, check_stale_years, check_supervision
from .texts import check_period, check_placeholders, check_sections
from .values import check_values

Check = Callable[[Report, Context], list[Problem]]

CHECKS: tuple[Check, ...] = (
    check_organization,
    check_year,
    check_values,
    check_balances,
    check_printed_totals,
    check_sections,
    check_period,
    check_placeholders,
    check_carry_over,
    check_in_force_against_last_year,
    check_in_force_this_year,
    check_township_rules,
    check_fee_unit,
    check_text_numbers,
    check_stale_years,
    check_copied,
    check_supervision,
    check_fee_text,
    check_deadline,
)

# The comparisons that need last year's report, as the checks panel and validate name them.
NEEDS_PREVIOUS = (
    ("W-carry", "上年结转与上一年度报告的结转下年度继续办理"),
    ("W-inforce", "现行有效件数与上一年度的现行有效件数"),
    ("W-copied", "一、五的文字与上一年度报告是否雷同"),
)

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.EXPLAINED: 2}


def check_report(
    report: Report,
    today: dt.date | None = None,
    *,
    previous: Report | None = None,
    settings: Settings | None = None,
) -> list[Problem]:
    context = Context(
        today or dt.date.today(), report.all_values(), previous, settings or Settings()
    )
    problems = [problem for check in CHECKS for problem in check(report, context)]
    return sorted(apply_explanations(problems, report), key=lambda p: _ORDER[p.severity])


def skipped_comparisons(previous: Report | None) -> list[str]:
    """What was not compared because last year's report is not known (empty when it is)."""
    return [] if previous is not None else [text for _, text in NEEDS_PREVIOUS]


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)
