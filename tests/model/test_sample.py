"""The sample report: the seed's real text, rejoined where the PDF broke lines, every cell 0."""

from __future__ import annotations

import datetime as dt
import re

from model.checks import check_report
from model.preamble import generated_preamble, report_title
from tests.helpers import sample_report, shared_file


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_paragraph_is_the_seeds_text() -> None:
    seed = flat(shared_file("seed/guanqiao-2021.txt").read_text(encoding="utf-8"))
    report = sample_report()
    texts = report.texts
    paragraphs = [*texts.overview.intro.split("\n"), *texts.problems.split("\n"), texts.other]
    for sub in texts.overview.subsections:
        paragraphs += sub.body.split("\n")
    assert len(paragraphs) == 1 + 5 + 1 + 5
    for paragraph in paragraphs:
        assert flat(paragraph) in seed, paragraph[:30]
    assert [s.title for s in texts.overview.subsections] == [
        "主动公开情况",
        "依申请公开情况",
        "政府信息管理",
        "平台建设",
        "监督保障",
    ]


def test_line_break_artifacts_are_rejoined() -> None:
    texts = sample_report().texts
    assert "征地补偿" in texts.overview.subsections[0].body
    assert "树牢信息安全的底线意识" in texts.problems
    assert all("\n\n" not in body for body in (texts.problems, texts.overview.intro))


def test_preamble_is_generated_with_the_correct_issuer() -> None:
    report = sample_report()
    assert report.texts.preamble is None
    preamble = generated_preamble(report)
    assert (
        "国务院办公厅政府信息与政务公开办公室《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）"
        in preamble
    )
    assert "2021年1月1日至12月31日" in preamble
    assert "海原县人民政府网（http://www.hy.gov.cn/）" in preamble
    assert "邮编：755200，电话：0955-8531355" in preamble
    assert report_title(report) == "海原县关桥乡人民政府2021年政府信息公开工作年度报告"


def test_preamble_leaves_out_what_is_not_filled_in() -> None:
    report = sample_report()
    report.meta = {"portal_url": "http://www.hy.gov.cn/"}
    preamble = generated_preamble(report)
    assert "本报告在http://www.hy.gov.cn/公布。" in preamble
    assert "请联系" not in preamble and "（）" not in preamble


def test_sample_validates_and_every_cell_is_zero() -> None:
    report = sample_report()
    assert check_report(report, dt.date(2022, 1, 20)) == []  # before its deadline: nothing at all
    later = check_report(report)
    assert [p.rule for p in later] == ["W-deadline"] and later[0].cells == ()
    assert set(report.values.values()) == {0}
