"""The county's 汇总: every typed cell summed exactly, the rules holding by construction, and
its scope said."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from model.checks import check_report
from model.format.declaration import CellRef
from model.format.format_2021 import TABLES
from model.report import Report
from model.summary import summary_report
from tests.strategies import valid_reports


@settings(deadline=None, max_examples=25)
@given(st.lists(valid_reports(), min_size=0, max_size=6))
def test_the_sum_is_every_cell_added_and_its_totals_hold(reports: list[Report]) -> None:
    summary = summary_report(reports, "测试县乡镇汇总", 2021)
    for table in TABLES.values():
        for ref in table.cells:  # typed and computed: the totals are the sums of the totals
            expected = sum(
                (r.value(ref) for r in reports),
                Decimal(0) if table.kind(ref).value == "amount" else 0,
            )
            assert summary.value(ref) == expected, ref
    rules = {p.rule for p in check_report(summary)}
    assert not rules & {"E-R1", "E-R2", "E-R3", "E-R4", "E-value"}


def test_the_fee_is_summed_exactly_and_the_scope_is_said() -> None:
    fee = CellRef("proactive", "fees", "amount")
    a, b = Report("甲镇人民政府", 2021), Report("乙乡人民政府", 2021)
    a.values[fee], b.values[fee] = Decimal("0.1"), Decimal("5949.088667")
    summary = summary_report([a, b], "测试县乡镇汇总", 2021, left_out=["丙镇（有错误）"])
    assert summary.values[fee] == Decimal("5949.188667")
    assert "甲镇人民政府、乙乡人民政府" in summary.texts.overview.intro
    assert "未计入：丙镇（有错误）" in summary.texts.overview.intro
