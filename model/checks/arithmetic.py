"""E-R1: 三's rule printed in the table, 一 + 二 = （七）总计 + 四, in every data column.

A break in a typed column also breaks the 总计 column; it is reported once, in the typed column.
"""

from __future__ import annotations

from ..format.declaration import Role
from ..format.format_2021 import SECTIONS, TABLES, TableSection
from ..problems import Problem, error
from ..report import Report
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
