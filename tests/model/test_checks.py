"""The errors of checks.md: each with a passing and a failing case, and properties over
generated reports."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.checks import check_report, has_errors
from model.format.declaration import CellRef, Role
from model.format.format_2021 import APPLICATIONS, TABLES
from model.problems import Severity
from model.report import Report
from tests.helpers import sample_report
from tests.strategies import valid_reports

TODAY = dt.date(2022, 1, 20)  # the sample (2021) is due by 2022-01-31


def rules(report: Report) -> list[str]:
    """The errors found (the warnings have tests of their own, in test_warnings.py)."""
    return [p.rule for p in errors(report)]


def errors(report: Report) -> list:  # type: ignore[type-arg]
    return [p for p in check_report(report, TODAY) if p.severity is Severity.ERROR]


def test_the_sample_has_no_problem() -> None:
    assert check_report(sample_report(), TODAY) == []


# ── E-R1 ──


def test_r1_a_broken_column_is_reported_once_with_its_cells() -> None:
    report = sample_report()
    report.set_value(CellRef("applications", "new_requests", "commercial"), 3)
    report.set_value(CellRef("applications", "disclosed", "commercial"), 2)
    problems = errors(report)
    assert [p.rule for p in problems] == ["E-R1"]
    (problem,) = problems
    assert problem.severity is Severity.ERROR
    assert "商业企业" in problem.message and "相差 1" in problem.message
    assert problem.cells == (
        "tables.applications.new_requests.commercial",
        "tables.applications.carried_over.commercial",
        "tables.applications.results_total.commercial",
        "tables.applications.carried_forward.commercial",
    )


def test_r1_two_broken_columns_give_two_problems_and_none_for_the_total() -> None:
    report = sample_report()
    report.set_value(CellRef("applications", "new_requests", "commercial"), 3)
    report.set_value(CellRef("applications", "other_misc", "research"), 1)
    problems = errors(report)
    assert [p.rule for p in problems] == ["E-R1", "E-R1"]
    assert not any("总计" in p.message for p in problems)


def test_r1_balanced_columns_pass() -> None:
    report = sample_report()
    report.set_value(CellRef("applications", "new_requests", "natural_person"), 5)
    report.set_value(CellRef("applications", "disclosed", "natural_person"), 3)
    report.set_value(CellRef("applications", "carried_forward", "natural_person"), 2)
    assert rules(report) == []
    assert report.value(CellRef("applications", "results_total", "natural_person")) == 3
    assert report.value(CellRef("applications", "new_requests", "total")) == 5
    assert report.value(CellRef("applications", "results_total", "total")) == 3


# ── E-value ──


@pytest.mark.parametrize(
    ("ref", "value"),
    [
        (CellRef("applications", "disclosed", "research"), -1),
        (CellRef("applications", "disclosed", "research"), 1_000_000_000),
        (CellRef("applications", "disclosed", "research"), 1.0),
        (CellRef("proactive", "penalty", "decisions"), True),
        (CellRef("proactive", "fees", "amount"), Decimal("0.0000001")),
        (CellRef("proactive", "fees", "amount"), Decimal("-2")),
        (CellRef("proactive", "fees", "amount"), 2.5),
    ],
)
def test_e_value_refuses_values_a_cell_cannot_hold(ref: CellRef, value: object) -> None:
    report = sample_report()
    report.values[ref] = value  # type: ignore[assignment]
    problems = [p for p in check_report(report, TODAY) if p.rule == "E-value"]
    assert [p.cells for p in problems] == [(ref.path,)]


def test_e_value_takes_good_values() -> None:
    report = sample_report()
    report.values[CellRef("proactive", "fees", "amount")] = Decimal("12.3400")
    report.values[CellRef("proactive", "penalty", "decisions")] = 999_999_999
    assert rules(report) == []


# ── E-year, E-org ──


@pytest.mark.parametrize("year", [None, 2007, 2023])
def test_e_year(year: int | None) -> None:
    report = sample_report()
    report.year = year
    assert "E-year" in rules(report)


@pytest.mark.parametrize("year", [2008, 2022])
def test_e_year_passes(year: int) -> None:
    report = sample_report()
    report.year = year
    assert "E-year" not in rules(report)


def test_e_org() -> None:
    report = sample_report()
    report.organization = "  "
    assert rules(report) == ["E-org"]


# ── E-section ──


def test_e_section_for_each_empty_section() -> None:
    report = sample_report()
    report.texts.overview.intro = ""
    for sub in report.texts.overview.subsections:
        sub.body = " \n"
    report.texts.problems = ""
    report.texts.other = ""
    problems = errors(report)
    assert [(p.rule, p.cells) for p in problems] == [
        ("E-section", ("texts.overview.intro",)),
        ("E-section", ("texts.problems",)),
        ("E-section", ("texts.other",)),
    ]


def test_e_section_passes_with_one_sub_section_and_a_one_sentence_six() -> None:
    report = sample_report()
    report.texts.overview.intro = ""
    report.texts.overview.subsections = report.texts.overview.subsections[:1]
    report.texts.other = "无其他需要报告的事项。"
    assert rules(report) == []


# ── E-period ──


def test_e_period_in_a_preamble_override() -> None:
    report = sample_report()
    report.texts.preamble = "本报告统计数据从 2020 年 1 月 1 日至 12 月 31 日。本报告在网站公布。"
    (problem,) = check_report(report, TODAY)
    assert problem.rule == "E-period"
    assert problem.cells == ("texts.preamble",)
    start, end = problem.range or (0, 0)
    assert report.texts.preamble[start:end] == "本报告统计数据从 2020 年 1 月 1 日至 12 月 31 日。"


@pytest.mark.parametrize(
    "period",
    [
        "2021年1月1日至12月31日",
        "2021 年 1 月 1 日至 2021 年 12 月 31 日",
        "２０２１年１月１日到１２月３１日",
        "1月1日至12月31日",
    ],
)
def test_e_period_passes_for_the_calendar_year(period: str) -> None:
    report = sample_report()
    report.texts.preamble = f"本报告统计数据的期限为{period}。"
    assert rules(report) == []


@pytest.mark.parametrize(
    "period", ["2021年1月1日至11月30日", "2021年2月1日至12月31日", "2021年1月1日至2022年12月31日"]
)
def test_e_period_fails_for_another_period(period: str) -> None:
    report = sample_report()
    report.texts.preamble = f"统计期限为{period}。"
    assert rules(report) == ["E-period"]


# ── E-placeholder ──


@pytest.mark.parametrize(
    ("path", "text", "found"),
    [
        ("texts.problems", "本报告在（具体网址）公布。", "（具体网址）"),
        ("texts.problems", "XX乡人民政府高度重视。", "XX"),
        ("texts.problems", "全年收到申请××件。", "××"),
        ("texts.problems", "ＸＸ镇人民政府", "ＸＸ"),
        ("texts.other", "（填写其他需要报告的事项）", "（填写其他需要报告的事项）"),
        ("texts.problems", "联系人：____。", "____"),
        ("texts.problems", "依据海政发〔 〕号文件。", "〔 〕"),
        ("texts.problems", "根据关于××的通知。", "××"),
        ("meta.portal_url", "http://www.XX.gov.cn/", "XX"),
        ("organization", "XX县XX乡人民政府", "XX"),
    ],
)
def test_e_placeholder(path: str, text: str, found: str) -> None:
    report = sample_report()
    if path == "organization":
        report.organization = text
    elif path.startswith("meta."):
        report.meta[path.removeprefix("meta.")] = text
    else:
        setattr(report.texts, path.removeprefix("texts."), text)
    problems = [p for p in check_report(report, TODAY) if p.rule == "E-placeholder"]
    assert problems and all(p.cells == (path,) for p in problems)
    assert f"“{found}”" in problems[0].message
    start, end = problems[0].range or (0, 0)
    assert found in text[start:end]


@pytest.mark.parametrize(
    "text",
    [
        "群众王××反映的问题已办结。",
        "李XX同志负责此项工作。",
        "网址 http://www.hy.gov.cn/xxgk/ 已更新。",
        "依据海政发〔2021〕3号文件。",
    ],
)
def test_e_placeholder_leaves_anonymised_names_and_real_text(text: str) -> None:
    report = sample_report()
    report.texts.problems = text
    assert rules(report) == []


def test_placeholder_range_points_at_the_placeholder_and_names_the_section() -> None:
    report = sample_report()
    report.texts.problems = "第一句正常。第二句有XX占位。第三句正常。"
    (problem,) = check_report(report, TODAY)
    start, end = problem.range or (0, 0)
    assert report.texts.problems[start:end] == "XX"
    assert problem.message.startswith("五、存在的主要问题及改进情况中留有模板占位符")


# ── properties ──


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(valid_reports())
def test_any_valid_report_has_no_error(report: Report) -> None:
    problems = check_report(report, TODAY)
    assert not has_errors(problems), problems


_TYPED = [ref for ref in APPLICATIONS.cells if APPLICATIONS.role(ref) is Role.INPUT]


@settings(deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(valid_reports(), st.sampled_from(_TYPED), st.sampled_from([1, -1]))
def test_changing_one_typed_cell_of_three_breaks_r1_in_its_column(
    report: Report, ref: CellRef, delta: int
) -> None:
    value = report.values[ref]
    assert isinstance(value, int)
    if value + delta < 0:
        delta = 1
    report.set_value(ref, value + delta)
    problems = [p for p in check_report(report, TODAY) if p.severity is Severity.ERROR]
    assert [p.rule for p in problems] == ["E-R1"]
    (problem,) = problems
    label = TABLES["applications"].label_paths[ref][1][-1]
    assert f"「{label}」列" in problem.message
    assert all(c.endswith(f".{ref.col}") for c in problem.cells)


def test_every_rule_of_the_specification_has_a_chinese_name() -> None:
    """The county's 问题清单 names rules in Chinese: none of checks.md may be left as a code."""
    import re

    from model.problems import RULE_NAMES
    from tests.helpers import shared_file

    rows = re.findall(
        r"^\| ([EW]-[\w/-]+) \|", shared_file("spec/checks.md").read_text("utf-8"), re.M
    )
    # "E-R2/R3/R4" is three rules
    codes = {part if "-" in part else row[:2] + part for row in rows for part in row.split("/")}
    assert "E-R3" in codes and "W-deadline" in codes
    assert codes == set(RULE_NAMES)
