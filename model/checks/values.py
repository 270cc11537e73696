"""E-value: every count an integer from 0 to 999,999,999, the fee a decimal with at most 6 places."""

from __future__ import annotations

from decimal import Decimal

from ..cell_input import AMOUNT_PLACES, MAX_AMOUNT, MAX_COUNT, TOO_LARGE, too_many_places
from ..format.declaration import CellRef, Kind
from ..format.format_2021 import TABLES
from ..problems import Problem, error
from ..report import Report
from .context import Context


def check_values(report: Report, context: Context) -> list[Problem]:
    """Every cell, the computed totals too: a total of typed cells each in range can still be
    too large to write (and a file holding it would be refused when read back)."""
    messages: dict[CellRef, str] = {}
    for ref, value in report.values.items():
        message = value_problem(TABLES[ref.table].kind(ref), value)
        if message:
            messages[ref] = message
    for key, table in TABLES.items():
        if any(ref.table == key for ref in messages):
            continue  # a total of faulty parts says nothing more
        for ref in table.computed_cells:
            message = total_problem(context.values[ref])
            if message:
                messages[ref] = message
    return [
        error("E-value", (ref.path,), f"{TABLES[ref.table].describe(ref)}：{message}")
        for ref, message in messages.items()
    ]


def total_problem(total: object) -> str | None:
    """Why a computed total cannot be written (its parts being good), or None."""
    if isinstance(total, int) and total > MAX_COUNT:
        return f"合计 {total} 超出范围：各项之和不能超过 999,999,999。"
    return None


def value_problem(kind: Kind, value: object, places: int = AMOUNT_PLACES) -> str | None:
    """Why a value cannot stand in a cell of this kind, or None; ``places``: the fee's decimal
    places allowed (a version-1 data package: 4)."""
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
        return f"金额 {value} 太大：{TOO_LARGE}。"
    if value != value.quantize(Decimal(1).scaleb(-places)):
        return f"金额 {value} 的小数位太多：{too_many_places(places)}。"
    return None
