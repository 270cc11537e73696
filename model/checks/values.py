"""E-value: every count an integer from 0 to 999,999,999, the fee a decimal with at most 4 places."""

from __future__ import annotations

from decimal import Decimal

from ..cell_input import AMOUNT_PLACES, MAX_AMOUNT, MAX_COUNT
from ..format.declaration import Kind
from ..format.format_2021 import TABLES
from ..problems import Problem, error
from ..report import Report
from .context import Context


def check_values(report: Report, context: Context) -> list[Problem]:
    problems = []
    for ref, value in report.values.items():
        table = TABLES[ref.table]
        message = value_problem(table.kind(ref), value)
        if message:
            problems.append(error("E-value", (ref.path,), f"{table.describe(ref)}：{message}"))
    return problems


def value_problem(kind: Kind, value: object) -> str | None:
    """Why a value cannot stand in a cell of this kind, or None."""
    if kind is Kind.COUNT:
        if type(value) is not int:
            return "件数必须是整数。"
        if not 0 <= value <= MAX_COUNT:
            return f"件数 {value} 超出范围：应为 0 到 999,999,999 之间的整数。"
        return None
    if not isinstance(value, Decimal) or not value.is_finite():
        return "金额必须是十进制数（以万元为单位）。"
    if value < 0:
        return f"金额 {value} 是负数：金额不能为负数。"
    if value > MAX_AMOUNT:
        return f"金额 {value} 太大：不能超过 999,999,999.9999 万元。"
    if value != value.quantize(Decimal(1).scaleb(-AMOUNT_PLACES)):
        return f"金额 {value} 的小数位太多：最多保留 4 位小数（0.0001 万元即 1 元）。"
    return None
