"""E-R1: 三's rule printed in the table, 一 + 二 = （七）总计 + 四, in every data column; and
E-R2/R3/R4 for a published document's totals printed otherwise than their parts add up.

A break in a typed column also breaks the 总计 column; it is reported once, in the typed column.
"""

from __future__ import annotations

from ..format.declaration import Role
from ..format.format_2021 import SECTIONS, TABLES, TableSection
from ..problems import Problem, error
from ..report import Report, printed_totals
from .context import Context

_HEADINGS = {s.key: s.heading for s in SECTIONS if isinstance(s, TableSection)}


def check_balances(report: Report, context: Context) -> list[Problem]:
    problems: list[Problem] = []
    values = context.values
    for table in TABLES.values():
        if not table.balances:
            continue
        broken = []
        for rule in table.balances:
            left = sum(values[ref] for ref in rule.left)
            right = sum(values[ref] for ref in rule.right)
            if left != right:
                broken.append((rule, left, right))
        typed_broken = any(table.role(rule.left[0]) is Role.INPUT for rule, _, _ in broken)
        for rule, left, right in broken:
            if typed_broken and table.role(rule.left[0]) is Role.COMPUTED:
                continue  # the same break, already reported in its typed column
            cells = tuple(ref.path for ref in (*rule.left, *rule.right))
            problems.append(
                error(
                    "E-R1",
                    cells,
                    f"{_HEADINGS[table.key]}「{rule.column_label}」列：第一项加第二项之和（{left}）"
                    f"不等于第三项加第四项之和（{right}），相差 {abs(left - right)}。",
                )
            )
    return problems


def check_printed_totals(report: Report, context: Context) -> list[Problem]:
    """A total printed in the published document that its parts do not add up to: both numbers
    named, neither one silently taken for the other."""
    return [
        error(
            f"E-{wrong.rule}",
            (wrong.ref.path,),
            f"{TABLES[wrong.ref.table].describe(wrong.ref)}：发布的报告中印的合计是 {wrong.given}，"
            f"各项之和是 {wrong.expected}。请核对各项数字（合计按各项之和计算）。",
        )
        for wrong in printed_totals(report)
    ]
