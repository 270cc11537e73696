"""Warnings on the texts: stale years, 监督保障 without 考核/评议/责任追究, text copied from last
year, and a report still unpublished after its deadline."""

from __future__ import annotations

import re
from collections import Counter

from ..problems import Problem, warning
from ..report import Report, Status, describe_text
from ..text_spans import Sentences, Spans, fold_digits
from .context import Context

_PROTECTED = re.compile(r"〔[^〔〕]*〕|《[^《》]*》")
_SUPERVISION_WORDS = ("考核", "评议", "责任追究")
COPIED_SHARE = 0.8
COPIED_MIN_LENGTH = 60


def _texts_for_years(report: Report) -> list[tuple[str, str]]:
    texts = [("texts.overview.intro", report.texts.overview.intro)]
    texts += [
        (f"texts.overview.subsections.{i}.body", s.body)
        for i, s in enumerate(report.texts.overview.subsections)
    ]
    return [*texts, ("texts.problems", report.texts.problems), ("texts.other", report.texts.other)]


def check_stale_years(report: Report, context: Context) -> list[Problem]:
    """W-stale-year, as ``shared/spec/checks.md`` words it: in 一、五、六 a year before the report
    year that opens a narrative of that year (N年，… / N年度，… / N年全年… at the start of a
    paragraph or sentence); in 五 a plan for the report year or earlier (N年将…, N年，我乡将…).
    Never a year in a comparison, in a reference to a report or its problems, in a span, or
    inside 〔〕 and 《》."""
    if report.year is None:
        return []
    return [
        p
        for path, text in _texts_for_years(report)
        for p in _stale_years_in(path, text, report.year)
    ]


# A year opening a sentence's narrative: at the start of the text or after a sentence's end.
_OPENING = re.compile(
    r"(?:^|(?<=[。！？；!?;\n]))[ \t\u3000]*((?:19|20)[0-9]{2})[ \u3000]*年度?[ \u3000]*(?:[，,]|全年)"
)
# A plan: N年将…, N年，我乡将… (a few characters between, no other year and no sentence end).
_PLAN = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})[ \u3000]*年[，,、 \u3000]*[^。；！？\n0-9]{0,8}?将"
)
# What makes a year no narrative of its own: a comparison or a span before it…
_NOT_BEFORE = re.compile(r"(?:较|与|比|同比|相比|对比|针对|自|从|至|到|[—–\-~～])[ \u3000]*$")
# …or, after its 年, a comparison, a span, or a report and its problems.
_NOT_AFTER = re.compile(r"[ \u3000]*(?:同期|至|到|以来|[—–\-~～]|度?报告)")


def _stale_years_in(path: str, text: str, year: int) -> list[Problem]:
    folded = fold_digits(text)
    protected = Spans([m.span() for m in _PROTECTED.finditer(folded)])
    sentences = Sentences(text)
    where = describe_text(path)
    suspects = [
        (
            m,
            f"{where}中以“{m.group(1)}年”开头叙述，早于报告年度 {year} 年：可能是从往年报告沿用的旧年份。",
        )
        for m in _OPENING.finditer(folded)
        if int(m.group(1)) < year
    ]
    if path == "texts.problems":
        suspects += [
            (
                m,
                f"{where}中写“{m.group(1)}年……将”：改进计划应是下一年（{year + 1} 年）的，可能是沿用了往年的表述。",
            )
            for m in _PLAN.finditer(folded)
            if int(m.group(1)) <= year
        ]
    found: dict[tuple[int, int], Problem] = {}  # one warning a sentence
    for match, message in suspects:
        start, end = match.span(1)
        if start in protected or _NOT_BEFORE.search(folded, max(0, start - 3), start):
            continue
        after = folded.find("年", end)
        if _NOT_AFTER.match(folded, after + 1):
            continue
        span = sentences.span(start, match.end())
        found.setdefault(span, warning("W-stale-year", [path], message, span))
    return list(found.values())


def check_supervision(report: Report, context: Context) -> list[Problem]:
    """W-supervision: 一's 监督保障 part should report 考核、评议 and 责任追究."""
    subsections = report.texts.overview.subsections
    index = next(
        (i for i, s in enumerate(subsections) if "监督" in s.title),
        4 if len(subsections) > 4 else None,
    )
    if index is None:
        return []
    body = subsections[index].body
    if any(word in body for word in _SUPERVISION_WORDS):
        return []
    return [
        warning(
            "W-supervision",
            [f"texts.overview.subsections.{index}.body"],
            f"“{subsections[index].title}”没有提到工作考核、社会评议或责任追究；年度报告格式要求各级人民政府报告这些情况。",
        )
    ]


def similarity(a: str, b: str) -> float:
    """How much of two texts is the same, from 0 to 1: the shared character pairs (Dice's
    coefficient). Linear in the length; digits are folded, so rolled-forward years still match."""

    def pairs(text: str) -> Counter[str]:
        flat = re.sub(r"\s+", "", re.sub(r"[0-9０-９]", "0", text))
        return Counter(flat[i : i + 2] for i in range(len(flat) - 1))

    first, second = pairs(a), pairs(b)
    total = sum(first.values()) + sum(second.values())
    return 2 * sum((first & second).values()) / total if total else 0.0


def check_copied(report: Report, context: Context) -> list[Problem]:
    """W-copied: a part of 一 or 五 at least 80 % the same as the same part last year."""
    previous = context.previous
    if previous is None:
        return []
    last_by_title = {s.title: s.body for s in previous.texts.overview.subsections}
    pairs = [
        (
            "texts.overview.intro",
            "一的引言",
            report.texts.overview.intro,
            previous.texts.overview.intro,
        )
    ]
    for i, sub in enumerate(report.texts.overview.subsections):
        last = last_by_title.get(sub.title)
        if last is None and i < len(previous.texts.overview.subsections):
            last = previous.texts.overview.subsections[i].body
        pairs.append(
            (f"texts.overview.subsections.{i}.body", f"一的“{sub.title}”", sub.body, last or "")
        )
    pairs.append(("texts.problems", "五", report.texts.problems, previous.texts.problems))
    problems = []
    for path, name, text, last in pairs:
        if len(text.strip()) < COPIED_MIN_LENGTH or len(last.strip()) < COPIED_MIN_LENGTH:
            continue
        share = similarity(text, last)
        if share >= COPIED_SHARE:
            problems.append(
                warning(
                    "W-copied",
                    [path],
                    f"{name}与{previous.year}年度报告的同一部分有 {share:.0%} 相同，可能照搬了上年的文字；请写本年度的实际情况。",
                )
            )
    return problems


def check_deadline(report: Report, context: Context) -> list[Problem]:
    """W-deadline: not yet marked published, and the publication deadline has passed."""
    if report.status is Status.PUBLISHED or report.year is None:
        return []
    deadline = context.settings.deadline(report.year)
    if context.today <= deadline:
        return []
    return [
        warning(
            "W-deadline",
            [],
            f"{report.year}年度报告应在 {deadline.year}年{deadline.month}月{deadline.day}日前公开发布，"
            "这份报告还没有标记为已发布。已发布的，请用“报告 → 标记为已发布”记录发布日期。",
        )
    ]
