"""E-section, E-period and E-placeholder: the errors found in a report's text."""

from __future__ import annotations

import re

from ..format.format_2021 import OTHER, OVERVIEW, PROBLEMS
from ..problems import Problem, error
from ..report import Report, describe_text
from ..text_spans import fold_digits, sentence_span
from .context import Context


def check_sections(report: Report, context: Context) -> list[Problem]:
    texts = report.texts
    problems = []
    overview = [texts.overview.intro, *(sub.body for sub in texts.overview.subsections)]
    if not any(part.strip() for part in overview):
        problems.append(
            error(
                "E-section",
                ("texts.overview.intro",),
                f"“{OVERVIEW.heading}”为空：请填写本年度工作的总体情况。",
            )
        )
    if not texts.problems.strip():
        problems.append(
            error(
                "E-section",
                ("texts.problems",),
                f"“{PROBLEMS.heading}”为空：请写明本年度存在的主要问题和改进情况。",
            )
        )
    if not texts.other.strip():
        problems.append(
            error(
                "E-section",
                ("texts.other",),
                f"“{OTHER.heading}”为空：没有需要报告的事项时，请写“无其他需要报告的事项。”",
            )
        )
    return problems


_DAY = r"(?:(?P<{y}>\d{{4}})\s*年\s*)?(?P<{m}>\d{{1,2}})\s*月\s*(?P<{d}>\d{{1,2}})\s*日"
_PERIOD = re.compile(
    _DAY.format(y="y1", m="m1", d="d1")
    + r"\s*(?:起\s*)?(?:至|到|[-－—–~～]+)\s*"
    + _DAY.format(y="y2", m="m2", d="d2")
)


def check_period(report: Report, context: Context) -> list[Problem]:
    """A preamble override must state the statistics period 1月1日 to 12月31日 of the year."""
    text = report.texts.preamble
    if text is None or report.year is None:
        return []
    problems = []
    for match in _PERIOD.finditer(fold_digits(text)):
        start_year = int(match["y1"]) if match["y1"] else report.year
        end_year = int(match["y2"]) if match["y2"] else start_year
        start = (start_year, int(match["m1"]), int(match["d1"]))
        end = (end_year, int(match["m2"]), int(match["d2"]))
        if start != (report.year, 1, 1) or end != (report.year, 12, 31):
            problems.append(
                error(
                    "E-period",
                    ("texts.preamble",),
                    f"前言所写的统计期限“{text[match.start() : match.end()]}”不对："
                    f"{report.year}年度报告的统计期限应为{report.year}年1月1日至12月31日。",
                    sentence_span(text, match.start(), match.end()),
                )
            )
    return problems


# Template placeholders people leave in: （具体网址）, XX, ××, ＸＸ, （填写…）, ____, 〔 〕.
_PLACEHOLDER = re.compile(
    r"[（(]\s*(?:具体|请?填写)[^（）()]{0,20}[）)]"
    r"|[XＸ×]{2,}"
    r"|[_＿]{3,}"
    r"|〔\s*〕"
)
# An anonymised name (王××, 李XX) is a surname followed by the crosses, not a placeholder.
# 于、向、和 are left out: as function words they precede real placeholders (关于××的通知).
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
    "覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符"
    "舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司"
    "卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁"
    "沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
) - frozenset("于向和")


def check_placeholders(report: Report, context: Context) -> list[Problem]:
    problems = []
    for path, text in report.text_fields():
        for match in _PLACEHOLDER.finditer(text):
            found = match.group()
            if found[0] in "XＸ×" and match.start() > 0 and text[match.start() - 1] in _SURNAMES:
                continue
            problems.append(
                error(
                    "E-placeholder",
                    (path,),
                    f"{describe_text(path)}中留有模板占位符“{found}”：请换成实际内容。",
                    match.span(),  # the placeholder itself: selected when the clerk clicks
                )
            )
    return problems
