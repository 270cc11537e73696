"""A problem found in a report: what the checks return and what every view shows."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any


class Severity(Enum):
    ERROR = "error"  # blocks export unless a draft is exported on purpose
    WARNING = "warning"  # shown; may be answered with an explanation (说明)
    EXPLAINED = "explained"  # a warning the user answered

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "explained": "已说明"}[self.value]


@dataclass(frozen=True)
class Problem:
    """``cells`` are data-package paths (``tables.applications.disclosed.commercial``,
    ``texts.problems``); ``range`` is the character range a text problem is about: its sentence,
    or for a placeholder the placeholder itself."""

    rule: str
    severity: Severity
    cells: tuple[str, ...]
    message: str
    range: tuple[int, int] | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "cells": list(self.cells),
            "message": self.message,
        }
        if self.range is not None:
            data["range"] = list(self.range)
        return data


def error(
    rule: str, cells: tuple[str, ...] | list[str], message: str, span: tuple[int, int] | None = None
) -> Problem:
    return Problem(rule, Severity.ERROR, tuple(cells), message, span)


def warning(
    rule: str, cells: tuple[str, ...] | list[str], message: str, span: tuple[int, int] | None = None
) -> Problem:
    return Problem(rule, Severity.WARNING, tuple(cells), message, span)
