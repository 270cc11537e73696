"""Report titles as published: the organization and the year read from the many ways they are
worded (the examples are real township titles)."""

from __future__ import annotations

import pytest

from model.preamble import parse_title


@pytest.mark.parametrize(
    ("title", "read"),
    [
        ("海原县关桥乡人民政府2021年政府信息公开工作年度报告", ("海原县关桥乡人民政府", 2021)),
        ("海原县关桥乡人民政府 2021 年政府信息公开工作年度报告", ("海原县关桥乡人民政府", 2021)),
        ("2023年下各镇政府信息公开工作年度报告", ("下各镇", 2023)),  # the year first
        ("大川镇2023年度政府信息公开工作报告", ("大川镇", 2023)),  # 年度, and no 年度 before 报告
        ("某县某镇2023年政府信息公开年度报告", ("某县某镇", 2023)),  # without 工作
        ("《龙游县横山镇2023年政府信息公开工作年度报告》", ("龙游县横山镇", 2023)),
        ("利辛县望疃镇2023 政府信息公开工作年度报告", ("利辛县望疃镇", 2023)),  # 年 lost
        ("某县某镇人民政府关于2022年度政府信息公开工作年度报告", ("某县某镇人民政府", 2022)),
        ("二〇二三年某镇政府信息公开工作年度报告", ("某镇", 2023)),
        ("2021年政府信息公开工作年度报告", ("", 2021)),  # the name on the line before
        ("政府信息公开工作年度报告", ("", None)),
    ],
)
def test_a_published_title_gives_its_organization_and_year(
    title: str, read: tuple[str, int | None]
) -> None:
    assert parse_title(title) == read


@pytest.mark.parametrize(
    "text",
    [
        "现发布《某镇2023年政府信息公开工作年度报告》",  # a sentence naming the title
        "一、总体情况",
        "本报告统计数据从2023年1月1日至12月31日，" + "如对本报告有疑问请联系。" * 8,
    ],
)
def test_what_is_not_a_title_is_not_taken_for_one(text: str) -> None:
    assert parse_title(text) is None
