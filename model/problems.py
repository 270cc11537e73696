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


# Each rule of ``shared/spec/checks.md`` in the clerk's words: the county's 问题清单 and the
# review sent back to a township name rules so (the codes stay in --json and the tooltips).
RULE_NAMES = {
    "E-R1": "申请数与办理结果不平衡",
    "E-R2": "总计与分项之和不符",
    "E-R3": "办理结果总计与分项之和不符",
    "E-R4": "复议、诉讼总计与分项之和不符",
    "E-value": "数值不合规",
    "E-year": "年度不对",
    "E-period": "统计期限不对",
    "E-org": "缺少机关名称",
    "E-section": "必填部分为空",
    "E-placeholder": "留有模板占位符",
    "W-carry": "上年结转与上年报告不符",
    "W-inforce": "现行有效件数与上年报告不衔接",
    "W-inforce-1y": "本年制发件数多于现行有效与废止件数之和",
    "W-township-rules": "乡镇填报了规章",
    "W-fee-unit": "收费金额的单位可能有误",
    "W-text-numbers": "正文数字与表格不符",
    "W-stale-year": "正文年份可能是照抄往年",
    "W-copied": "正文与上年报告雷同",
    "W-supervision": "监督保障未提考核、评议、责任追究",
    "W-fee-text": "未说明信息处理费",
    "W-deadline": "已过发布期限",
}


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

    @property
    def rule_name(self) -> str:
        """The rule in Chinese (its code for a rule not named yet)."""
        return RULE_NAMES.get(self.rule, self.rule)

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
