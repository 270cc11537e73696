"""The checks of ``shared/spec/checks.md``: pure functions over a report.

``check_report`` runs them all and returns every problem, errors first. Each check is a function
``(report, today) -> list[Problem]``; adding one is adding it to ``CHECKS``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..problems import Problem, Severity
from ..report import Report
from .arithmetic import check_balances
from .identity import check_organization, check_year
from .texts import check_period, check_placeholders, check_sections
from .values import check_values

Check = Callable[[Report, dt.date], list[Problem]]

CHECKS: tuple[Check, ...] = (
    check_organization,
    check_year,
    check_values,
    check_balances,
    check_sections,
    check_period,
    check_placeholders,
)


def check_report(report: Report, today: dt.date | None = None) -> list[Problem]:
    today = today or dt.date.today()
    problems = [problem for check in CHECKS for problem in check(report, today)]
    return sorted(problems, key=lambda p: p.severity is not Severity.ERROR)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)
