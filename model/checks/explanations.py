"""Explanations (说明): a user's answer turns a warning into "explained" for that report.

An explanation belongs to the rule, the cells and the sentence: for a text rule the sentence it
points at, for a table rule the message, which states the numbers. When the sentence or a number
changes, the warning comes back. Errors cannot be explained away.
"""

from __future__ import annotations

from dataclasses import replace

from ..problems import Problem, Severity
from ..report import Explanation, Report, get_field


def subject(problem: Problem, report: Report) -> str | None:
    """What an explanation of this problem is tied to besides its rule and cells."""
    if problem.range is not None and problem.cells:
        start, end = problem.range
        try:
            return get_field(report, problem.cells[0])[start:end]
        except (KeyError, IndexError):
            return None
    if any(cell.startswith("tables.") for cell in problem.cells):
        return problem.message
    return None


def explanation_for(problem: Problem, report: Report, text: str) -> Explanation:
    return Explanation(problem.rule, tuple(sorted(problem.cells)), subject(problem, report), text)


def matching(problem: Problem, report: Report) -> Explanation | None:
    if problem.severity is Severity.ERROR:
        return None
    key = (problem.rule, tuple(sorted(problem.cells)), subject(problem, report))
    return next((e for e in report.explanations if (e.rule, e.cells, e.sentence) == key), None)


def apply_explanations(problems: list[Problem], report: Report) -> list[Problem]:
    return [
        replace(p, severity=Severity.EXPLAINED) if matching(p, report) is not None else p
        for p in problems
    ]
