"""W-text-numbers: numbers stated in 一 that disagree with the tables.

Statements about applications received (新收/收到), 上年结转, 结转下年度, 行政复议 and 行政诉讼 are
compared with the tables; counts in 件, 例 or 条, with or without spaces, in Arabic or Chinese
numerals. A clause is only about applications when its sentence speaks of 申请, so
"公开信息 336 条" is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from ..cell_input import Value
from ..format.declaration import CellRef
from ..problems import Problem, warning
from ..report import Report, describe_text
from ..text_spans import fold_digits
from .context import Context

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000}
_LONGEST = 12  # characters of a stated count: 999,999,999 is 9 digits, 九亿九千九百万 7 numerals
# A number starts where its run of digits or numerals starts, and the run is never given back:
# else a long run without 件 is tried from each of its characters (minutes on 70,000 一).
_NUMERALS = "零〇一二两三四五六七八九十百千万"
_NUMBER = re.compile(rf"((?<![0-9])[0-9]++|(?<![{_NUMERALS}])[{_NUMERALS}]++)\s*+(?:件|例|条)")
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
_CLAUSE = re.compile(r"[^，,、；;。！？\n]+")


def chinese_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十五 → 25, 一百零三 → 103, 两千 → 2000; None if not a numeral, or
    if it is longer than any count a report states (a long digit run is not a count)."""
    if len(text) > _LONGEST:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    total, section, digit = 0, 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _UNITS:
            unit = _UNITS[char]
            if unit == 10_000:
                total += (section + (digit or 0)) * unit
                section = 0
            else:
                section += (1 if digit is None else digit) * unit
            digit = None
        else:
            return None
    return total + section + (digit or 0)


Totals = Mapping[CellRef, Value]  # every cell of 三 and 四, computed ones included


def _total(totals: Totals, row: str) -> int:
    return int(totals[CellRef("applications", row, "total")])


def _review(totals: Totals, group: str) -> int:
    return int(totals[CellRef("review_litigation", group, "total")])


# (topic, words that announce it, the numbers the tables allow, the cells they come from)
Topic = tuple[str, re.Pattern[str], Callable[[Totals], set[int]], tuple[str, ...]]
_TOPICS: tuple[Topic, ...] = (
    (
        "上年结转",
        re.compile(r"上年结转|上一年度结转"),
        lambda r: {_total(r, "carried_over")},
        ("tables.applications.carried_over.total",),
    ),
    (
        "结转下年度",
        re.compile(r"结转下年|结转至下年|结转到下年|转入下一年"),
        lambda r: {_total(r, "carried_forward")},
        ("tables.applications.carried_forward.total",),
    ),
    (
        "行政复议",
        re.compile(r"行政复议"),
        lambda r: {_review(r, "review")},
        ("tables.review_litigation.review.total",),
    ),
    (
        "行政诉讼",
        re.compile(r"行政诉讼"),
        lambda r: {_review(r, "litigation_direct") + _review(r, "litigation_after_review")},
        (
            "tables.review_litigation.litigation_direct.total",
            "tables.review_litigation.litigation_after_review.total",
        ),
    ),
    (
        "收到的申请",
        re.compile(r"新收|收到|受理"),
        lambda r: {
            _total(r, "new_requests"),
            _total(r, "new_requests") + _total(r, "carried_over"),
        },
        ("tables.applications.new_requests.total",),
    ),
)


def stated_numbers(text: str) -> Iterator[tuple[str, int, tuple[int, int]]]:
    """(topic, number, sentence range) for each statement about a topic in a text."""
    folded = fold_digits(text)
    for sentence in _SENTENCE.finditer(folded):
        about_applications = "申请" in sentence.group()
        for clause in _CLAUSE.finditer(sentence.group()):
            words = clause.group()
            for topic, pattern, _, _ in _TOPICS:
                found = pattern.search(words)
                if found is None or (topic == "收到的申请" and not about_applications):
                    continue
                number = _NUMBER.search(words, found.end())
                value = chinese_number(number.group(1)) if number else None
                if value is not None:
                    start, end = sentence.span()
                    while start < end and folded[start].isspace():
                        start += 1
                    yield topic, value, (start, end)
                break  # one topic a clause: the first that announces itself


def check_text_numbers(report: Report, context: Context) -> list[Problem]:
    problems = []
    texts = [("texts.overview.intro", report.texts.overview.intro)]
    texts += [
        (f"texts.overview.subsections.{i}.body", sub.body)
        for i, sub in enumerate(report.texts.overview.subsections)
    ]
    statements = [(path, text, list(stated_numbers(text))) for path, text in texts]
    if not any(found for _, _, found in statements):
        return []
    allowed = {topic: (values(context.values), cells) for topic, _, values, cells in _TOPICS}
    for path, text, found in statements:
        for topic, value, span in found:
            numbers, cells = allowed[topic]
            if value not in numbers:
                shown = "或".join(str(n) for n in sorted(numbers))
                problems.append(
                    warning(
                        "W-text-numbers",
                        [path, *cells],
                        f"{describe_text(path)}中写{topic} {value} 件，但表格中是 {shown} 件：“{text[span[0] : span[1]]}”",
                        span,
                    )
                )
    return problems
