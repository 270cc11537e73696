"""The warnings of checks.md: a planted case for each, a clean pair of consecutive years with no
warning pointing at a cell or a text, explanations, and properties of the number extraction."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.carry_over import report_from_previous
from model.checks import check_report, skipped_comparisons
from model.checks.explanations import explanation_for
from model.checks.table_warnings import is_township
from model.checks.text_numbers import chinese_number, stated_numbers
from model.checks.text_warnings import similarity
from model.format.declaration import CellRef
from model.problems import Severity
from model.report import Report, Status, describe_text
from model.settings import Settings
from tests.helpers import sample_report

TODAY = dt.date(2022, 1, 20)


def warnings(report: Report, previous: Report | None = None, today: dt.date = TODAY) -> list:  # type: ignore[type-arg]
    return [
        p for p in check_report(report, today, previous=previous) if p.severity is Severity.WARNING
    ]


def rules(report: Report, previous: Report | None = None) -> list[str]:
    return [p.rule for p in warnings(report, previous)]


def clean_pair() -> tuple[Report, Report]:
    """2021 (the sample, with numbers) and a properly written 2022 carried over from it."""
    last = sample_report()
    last.set_value(CellRef("applications", "new_requests", "natural_person"), 3)
    last.set_value(CellRef("applications", "disclosed", "natural_person"), 2)
    last.set_value(CellRef("applications", "carried_forward", "natural_person"), 1)
    last.set_value(CellRef("proactive", "normative_documents", "in_force"), 4)
    last.texts.overview.subsections[1].body = "2021年共计收到政府信息公开申请3件，结转下年度1件。"
    this = report_from_previous(last, 2022, last.organization).report
    this.set_value(CellRef("applications", "new_requests", "natural_person"), 2)
    this.set_value(CellRef("applications", "disclosed", "natural_person"), 3)
    this.set_value(CellRef("proactive", "normative_documents", "issued"), 1)
    this.set_value(CellRef("proactive", "normative_documents", "in_force"), 5)
    this.texts.overview.intro = (
        "2022年，我镇持续推进政务公开，完善制度，拓展平台，回应关切，各项工作有序开展，取得新的进展。"
        * 2
    )
    for i, sub in enumerate(this.texts.overview.subsections):
        sub.body = f"2022年，{sub.title}方面新做了第{i + 1}项工作，与往年不同的是本年新增了专门的台账和流程，并接受了考核评议。"
    this.texts.overview.subsections[
        1
    ].body = "2022年新收政府信息公开申请2件，上年结转1件，均已办结。"
    this.texts.problems = (
        "2022年存在的问题是平台访问量不高、解读质量不够。2023年，我镇将加强培训、改进解读、提高质量。"
        * 2
    )
    return last, this


def test_the_sample_and_a_clean_pair_give_no_warning_at_a_cell_or_text() -> None:
    assert warnings(sample_report()) == []
    last, this = clean_pair()
    assert [p for p in warnings(this, last, dt.date(2023, 1, 10)) if p.cells] == []


def test_skipped_comparisons_are_named() -> None:
    assert len(skipped_comparisons(None)) == 3 and skipped_comparisons(sample_report()) == []


def test_w_carry_per_column() -> None:
    last, this = clean_pair()
    this.set_value(CellRef("applications", "carried_over", "natural_person"), 0)
    this.set_value(CellRef("applications", "disclosed", "natural_person"), 2)
    found = [p for p in warnings(this, last) if p.rule == "W-carry"]
    assert [p.cells for p in found] == [("tables.applications.carried_over.natural_person",)]
    assert "上年结转 0 件" in found[0].message and "结转下年度继续办理 1 件" in found[0].message


def test_w_inforce_and_w_inforce_one_year() -> None:
    last, this = clean_pair()
    this.set_value(CellRef("proactive", "normative_documents", "in_force"), 9)
    assert "W-inforce" in rules(this, last)
    this.set_value(CellRef("proactive", "normative_documents", "issued"), 12)
    assert "W-inforce-1y" in rules(this, last)


def test_w_township_rules_only_for_townships() -> None:
    report = sample_report()
    report.set_value(CellRef("proactive", "regulations", "issued"), 1)
    report.set_value(CellRef("proactive", "regulations", "in_force"), 1)
    assert rules(report) == ["W-township-rules"]
    report.organization = "海原县住房和城乡建设局"
    assert rules(report) == []
    assert is_township("某某街道办事处") and is_township("关桥镇政府")
    assert not is_township("镇江市人民政府") and not is_township("乡村振兴局")


def test_w_fee_unit() -> None:
    report = sample_report()
    report.set_value(CellRef("proactive", "fees", "amount"), Decimal("3500"))
    assert rules(report) == ["W-fee-unit"]
    report.set_value(CellRef("proactive", "fees", "amount"), Decimal("999.99"))
    assert rules(report) == []


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("全年共收到政府信息公开申请 5 件。", True),
        ("全年共收到政府信息公开申请五件。", True),
        ("本年度新收申请十二件，均按时答复。", True),
        ("上年结转政府信息公开申请2件。", True),
        ("结转下年度继续办理 1 件。", True),
        ("本年度发生政府信息公开行政复议 1 例。", True),
        ("本年度发生政府信息公开行政诉讼二例。", True),
        ("2021 年共计收到依申请公开 0 例，没有收到相关工作的投诉、举报。", False),
        ("全年通过门户网站公开信息 336 条，收到群众留言 25 条。", False),
    ],
)
def test_w_text_numbers(sentence: str, found: bool) -> None:
    report = sample_report()
    report.texts.overview.subsections[1].body = sentence
    problems = [p for p in warnings(report) if p.rule == "W-text-numbers"]
    assert bool(problems) == found
    if found:
        (problem,) = problems
        assert problem.cells[0] == "texts.overview.subsections.1.body"
        assert problem.range == (0, len(sentence))


def test_w_text_numbers_accepts_new_plus_carried() -> None:
    report = sample_report()
    report.set_value(CellRef("applications", "new_requests", "natural_person"), 3)
    report.set_value(CellRef("applications", "carried_over", "natural_person"), 1)
    report.set_value(CellRef("applications", "disclosed", "natural_person"), 4)
    for stated in (3, 4):
        report.texts.overview.subsections[1].body = f"全年共收到政府信息公开申请{stated}件。"
        assert rules(report) == []


def test_w_stale_year() -> None:
    report = sample_report()
    report.texts.overview.intro = (
        "2019年以来，依据国办公开办函〔2019〕60号和《2018年工作要点》开展工作。"
    )
    report.texts.problems = "2021年存在的问题已整改。2021年，我乡将继续努力。"
    found = [p for p in warnings(report) if p.rule == "W-stale-year"]
    assert [(p.cells, report.texts.problems[p.range[0] : p.range[1]]) for p in found] == [
        (("texts.problems",), "2021年，我乡将继续努力。"),
    ]


# Report year 2021. Each wording ``checks.md`` names: planted, and where it must stay silent.
@pytest.mark.parametrize(
    ("path", "text", "flagged"),
    [
        ("texts.overview.intro", "2020年，我乡认真贯彻条例。", True),
        ("texts.overview.intro", "本年度工作有序开展。2020年度，共办理申请3件。", True),
        ("texts.other", "2020年全年未收取信息处理费。", True),
        ("texts.problems", "2020年，我镇严格落实制度。", True),
        ("texts.problems", "2021年将进一步规范申请办理。", True),
        ("texts.problems", "2021年，我乡将加强培训。", True),
        ("texts.problems", "2020年将完善制度。", True),
        ("texts.overview.intro", "2021年，我乡认真贯彻条例。", False),  # the report year
        ("texts.problems", "2022年，我乡将加强培训。", False),  # next year's plans
        ("texts.problems", "与2020年相比，申请数量有所增加。", False),
        ("texts.problems", "申请数量较2020年增加。", False),
        ("texts.problems", "比2020年多3件。", False),
        ("texts.problems", "同比2020年增长。", False),
        ("texts.problems", "对比2020年，工作更加规范。", False),
        ("texts.problems", "2020年同期办理2件。", False),
        ("texts.problems", "2020年度报告中提出的问题已全部整改。", False),
        ("texts.problems", "2020年报告中指出的不足已改进。", False),
        ("texts.problems", "针对2020年报告中提出的问题，我乡将逐项整改。", False),
        ("texts.problems", "针对2020年提出的问题，我乡将逐项整改。", False),
        ("texts.overview.intro", "2019年至2021年，我乡持续推进公开。", False),
        ("texts.overview.intro", "自2019年以来，我乡持续推进公开。", False),
        ("texts.overview.intro", "2019—2021年，我乡持续推进公开。", False),
        ("texts.overview.intro", "依据海政发〔2020〕5号文件开展工作。", False),
        ("texts.overview.intro", "学习了《2020年政务公开工作要点》。", False),
    ],
)
def test_w_stale_year_by_the_wordings_of_the_spec(path: str, text: str, flagged: bool) -> None:
    report = sample_report()
    report.texts.overview.intro = report.texts.problems = report.texts.other = (
        "本年度工作有序开展。"
    )
    setattr(
        report.texts, path.removeprefix("texts."), text
    ) if path != "texts.overview.intro" else None
    if path == "texts.overview.intro":
        report.texts.overview.intro = text
    found = [p for p in warnings(report) if p.rule == "W-stale-year"]
    assert bool(found) is flagged, [p.message for p in found]
    if flagged:
        assert found[0].cells == (path,) and found[0].message.startswith(describe_text(path))


def test_w_copied_and_its_measure() -> None:
    last, this = clean_pair()
    this.texts.problems = last.texts.problems.replace("2021", "2022").replace(
        "2022年，我乡将", "2023年，我镇将"
    )
    found = [p for p in warnings(this, last) if p.rule == "W-copied"]
    assert [p.cells for p in found] == [("texts.problems",)]
    assert similarity("相同的文字" * 20, "相同的文字" * 20) == 1.0
    assert similarity("完全不同的内容", "另外一段文字") == 0.0
    this.texts.problems = "短。"  # under 60 characters: not compared
    assert "W-copied" not in rules(this, last)


def test_w_supervision() -> None:
    report = sample_report()
    report.texts.overview.subsections[4].body = "成立了领导小组，专人负责。"
    assert rules(report) == ["W-supervision"]


def test_w_fee_text() -> None:
    report = sample_report()
    report.set_value(CellRef("applications", "new_requests", "natural_person"), 1)
    report.set_value(CellRef("applications", "other_fee_unpaid", "natural_person"), 1)
    report.texts.overview.subsections[1].body = "全年共收到政府信息公开申请1件。"
    assert rules(report) == ["W-fee-text"]
    report.texts.other = "本年度依据国办函〔2020〕109号收取信息处理费0元。"
    assert rules(report) == []


def test_w_deadline_follows_the_setting() -> None:
    report = sample_report()
    assert [p.rule for p in warnings(report, today=dt.date(2022, 2, 1))] == ["W-deadline"]
    later = Settings(deadline_month=3, deadline_day=31)
    assert check_report(report, dt.date(2022, 2, 1), settings=later) == []
    report.status, report.published_on = Status.PUBLISHED, dt.date(2022, 2, 5)
    assert warnings(report, today=dt.date(2026, 1, 1)) == []


def test_an_explanation_turns_a_warning_explained_until_the_number_changes() -> None:
    report = sample_report()
    report.set_value(CellRef("proactive", "fees", "amount"), Decimal("3500"))
    (problem,) = warnings(report)
    report.explanations.append(explanation_for(problem, report, "本镇代收水费，确为 3500 万元"))
    (explained,) = check_report(report, TODAY)
    assert (
        explained.severity is Severity.EXPLAINED and explained.to_json()["severity"] == "explained"
    )
    report.set_value(CellRef("proactive", "fees", "amount"), Decimal("3600"))
    assert [p.severity for p in check_report(report, TODAY)] == [Severity.WARNING]


def test_an_explanation_of_a_sentence_lasts_until_the_sentence_changes() -> None:
    report = sample_report()
    report.texts.problems = "其他内容。2019年，问题已全部整改。"  # a stale year opening it
    (problem,) = warnings(report)
    report.explanations.append(explanation_for(problem, report, "回顾往年整改"))
    assert explanation_for(problem, report, "x").sentence == "2019年，问题已全部整改。"
    report.texts.problems = "新加了一句。" + report.texts.problems  # moved, not changed
    assert check_report(report, TODAY)[0].severity is Severity.EXPLAINED
    report.texts.problems = report.texts.problems.replace("全部", "基本")
    assert check_report(report, TODAY)[0].severity is Severity.WARNING


def test_errors_cannot_be_explained_away() -> None:
    report = sample_report()
    report.set_value(CellRef("applications", "new_requests", "research"), 1)
    error = next(p for p in check_report(report, TODAY) if p.severity is Severity.ERROR)
    report.explanations.append(explanation_for(error, report, "试试"))
    assert any(p.severity is Severity.ERROR for p in check_report(report, TODAY))


@given(st.integers(min_value=0, max_value=99_999))
def test_chinese_numerals_read_back(n: int) -> None:
    digits = "零一二三四五六七八九"
    units = [(10_000, "万"), (1000, "千"), (100, "百"), (10, "十")]
    text, rest, zero = "", n, False
    for value, unit in units:
        digit, rest = divmod(rest, value)
        if digit:
            text += ("零" if zero and text else "") + digits[digit] + unit
            zero = False
        elif text:
            zero = True
    if rest:
        text += ("零" if zero and text else "") + digits[rest]
    assert chinese_number(text or "零") == n


@given(
    st.integers(min_value=0, max_value=999_999),
    st.sampled_from(["件", "例", "条"]),
    st.sampled_from(["", " "]),
)
def test_any_stated_count_is_found(n: int, unit: str, space: str) -> None:
    ((topic, value, _),) = list(
        stated_numbers(f"本年度共收到政府信息公开申请{space}{n}{space}{unit}。")
    )
    assert (topic, value) == ("收到的申请", n)


def test_checks_do_not_change_the_report() -> None:
    last, this = clean_pair()
    before = copy.deepcopy(this)
    check_report(this, TODAY, previous=last)
    assert this == before


def test_text_warnings_name_their_section_not_the_text() -> None:
    """“文中” left the clerk searching: each text warning says which section it is in."""
    report = sample_report()
    report.texts.problems = "2019年，我乡加强了培训。"
    report.texts.overview.subsections[1].body = "2018年，开始实行。本年共收到申请99件。"
    messages = {
        p.rule + p.cells[0]: p.message
        for p in check_report(report, TODAY)
        if p.rule in ("W-stale-year", "W-text-numbers")
    }
    assert messages["W-stale-yeartexts.problems"].startswith(
        "五、存在的主要问题及改进情况中以“2019年”开头"
    )
    body = "texts.overview.subsections.1.body"
    assert messages[f"W-stale-year{body}"].startswith("一的第 2 个分节的正文中以“2018年”开头")
    assert messages[f"W-text-numbers{body}"].startswith("一的第 2 个分节的正文中写收到的申请 99 件")
    assert not any(m.startswith("文中") for m in messages.values())
