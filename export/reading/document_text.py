"""Reading a report from what a document shows: its paragraphs and tables, in order.

A Word document, a saved web page, a PDF and text copied from a browser all come down to the
same blocks (``docx_blocks.Block``): paragraphs, and tables as grids of cells. The tables are read
by their labels (``table_reading``); the text by its headings 一…六, 一's sub-sections （一）…,
the title (wherever it stands before 一, on one line or two), the preamble after it (its portal
and contact details become 基本信息) and the 落款 at the end (its date becomes the 落款日期).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from model.cell_input import Value
from model.checks.identity import FIRST_YEAR, LAST_YEAR
from model.checks.text_numbers import chinese_number
from model.format.declaration import CellRef
from model.format.format_2019 import NAME_2019, recognise_format
from model.format.format_2021 import (
    OTHER,
    OVERVIEW,
    PROBLEMS,
    SECTIONS,
    STANDARD_SUBSECTIONS,
    TABLES,
    TableSection,
    TextSection,
)
from model.format.labels import normalize_label
from model.preamble import generated_preamble, parse_title
from model.refusal import FileRefused, refused
from model.report import META_FIELDS, Report, Subsection

from . import ImportResult
from .docx_blocks import Block
from .page_chrome import is_page_chrome
from .table_reading import Cells, Issues, read_tables

_SUBSECTION = re.compile(r"^\s*[（(]\s*[一二三四五六七八九十百零千]+\s*[）)]\s*(?P<rest>.*)$", re.S)
_DATE = re.compile(
    r"^([0-9〇零一二三四五六七八九]{4})年([0-9一二三十]{1,3})月([0-9一二三十]{1,3})日$"
)
_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_META = {
    "portal_url": re.compile(r"(https?://[^\s)）>，。]+)"),
    # A name is short: bounded, a long run of text is not tried from each of its characters.
    "portal_name": re.compile(r"在([^，。,；;（(]{1,60}?)\s*[（(]\s*<?https?://"),
    "contact_office": re.compile(r"请联系[：:]\s*([^，,。；;]+)"),
    "address": re.compile(r"地址[：:]\s*([^，,。；;]+)"),
    "postcode": re.compile(r"邮编[：:]\s*([0-9０-９]{6})"),
    "phone": re.compile(r"电话[：:]\s*([0-9０-９][0-9０-９\-－—()（）\s]*[0-9０-９])"),
}

# The word a heading keeps however it is reworded, by section.
_HEADING_WORDS = {
    "overview": "总体",
    "proactive": "主动公开",
    "applications": "申请",
    "review_litigation": "复议",
    "problems": "问题",
    "other": "其他",
}

# A sub-section title numbered by Word's automatic numbering has no （一） in its text: the
# format's five titles (and the seed's 平台建设) are recognised alone or leading a paragraph.
_TITLES = "|".join((*STANDARD_SUBSECTIONS, "平台建设"))
_STANDARD_TITLE = re.compile(rf"^\s*(?P<rest>(?:{_TITLES})(?:[。：:].*)?)$", re.S)


# A report is some hundred paragraphs and a few tables, a whole saved portal page a few thousand
# blocks; a document of more is refused before it is read (reading is linear, but each block is
# compared with every heading: a million paragraphs took half a minute).
MAX_BLOCKS = 20_000


def refuse_2019(texts: list[str]) -> None:
    """A report in the 2019 trial layout, known by its labels, is refused naming it."""
    if recognise_format(texts) == 2019:
        raise refused(f"这个文档是{NAME_2019}的报告，目前尚不支持导入。")


def read_document(blocks: list[Block], kind: str) -> ImportResult:
    """The report from what a document shows — its tables, headings and paragraphs, the
    portal's lines around a saved page left out; ``kind`` names it in the note (Word 文档, 网页)."""
    if len(blocks) > MAX_BLOCKS:
        raise refused(f"{kind}有 {len(blocks):,} 段文字和表格，不像一份年度报告，未读取。")
    blocks = [(kind, item) for kind, item in blocks if kind == "t" or not is_page_chrome(item)]
    paragraphs = [text for kind, text in blocks if kind == "p"]
    cells = Cells([sheet for kind, sheet in blocks if kind == "t"])
    refuse_2019(cells.texts() + paragraphs)
    issues: Issues = []
    loosely: list[str] = []
    printed: dict[CellRef, Value] = {}
    values = read_tables(cells, issues, loosely, printed)
    report = _report_from_text(blocks, issues)
    if issues:
        raise FileRefused(issues)
    report.values.update(values)
    report.as_published = printed
    if printed:
        examples = "、".join(TABLES[ref.table].describe(ref) for ref in list(printed)[:3])
        loosely.append(
            f"文档中有 {len(printed)} 个合计数与各项之和不符（如{examples}）：合计按各项之和计算，"
            "印刷的数字已保留，检查结果中列为错误，请核对。"
        )
    missing = [label for key, label in META_FIELDS if not report.meta.get(key)]
    notes = [
        f"已从{' ' if kind[:1].isascii() else ''}{kind}读取标题、前言、一至六的文字和二、三、四表格中的数字。"
        + (f"前言中没有找到{'、'.join(missing)}。" if missing else ""),
        *loosely,
    ]
    return ImportResult(report, notes, status_known=False)


def _is_heading(text: str, section: TextSection | TableSection) -> bool:
    """一、总体情况 and the ways people write it: 一. or 一．, spaces, a final 。, a reworded title
    that keeps its telling word (五、存在的主要问题及改进措施), or the title alone (总体情况), as a
    heading numbered by Word's automatic numbering reads."""
    key = re.sub(r"^([一二三四五六])[.,，]", r"\1、", normalize_label(text)).rstrip("。")
    if key == normalize_label(section.title):
        return True
    return (
        key.startswith(f"{section.number}、")
        and len(key) <= 30
        and _HEADING_WORDS[section.key] in key
    )


def _report_from_text(blocks: list[Block], issues: Issues) -> Report:
    found: dict[str, int] = {}  # section key → block index of its heading, searched in order
    start = 0
    for section in SECTIONS:
        index = next(
            (
                i
                for i in range(start, len(blocks))
                if blocks[i][0] == "p" and _is_heading(blocks[i][1], section)
            ),
            None,
        )
        if index is not None:
            found[section.key] = index
            start = index + 1
    lacking = [s.heading for s in (OVERVIEW, PROBLEMS, OTHER) if s.key not in found]
    if lacking:
        issues.append(("", "文档中找不到这些标题：" + "、".join(f"“{h}”" for h in lacking) + "。"))
        return Report("", None)
    report = _title_and_preamble(
        [t for kind, t in blocks[: found[OVERVIEW.key]] if kind == "p"], issues
    )
    stops = sorted(found.values())

    def section_text(key: str) -> list[str]:
        """The paragraphs after a heading, up to the next heading or table."""
        start = found[key] + 1
        end = next((i for i in stops if i > found[key]), len(blocks))
        end = next((i for i in range(start, end) if blocks[i][0] == "t"), end)
        return [text for _, text in blocks[start:end]]

    _overview(report, section_text(OVERVIEW.key))
    report.texts.problems = "\n".join(section_text(PROBLEMS.key))
    report.texts.other = "\n".join(_without_signature(report, section_text(OTHER.key)))
    return report


def _title_and_preamble(paragraphs: list[str], issues: Issues) -> Report:
    """The title wherever it stands before 一 (a saved web page puts menus and the page's
    details first), on one line or with the name on the line before; the preamble after it."""
    paragraphs = [p for p in paragraphs if not p.startswith("草稿：")]  # this program's draft note
    found = _find_title(paragraphs)
    organization, year, end = found if found is not None else ("", None, 0)
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        issues.append(("", f"标题中的年度 {year} 不是有效的报告年度。"))
    report = Report(organization, year)
    preamble = "\n".join(paragraphs[end:])
    if report.year is None:  # no year in the title: the statistics period says it
        period = re.search(r"((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日", preamble)
        report.year = int(period.group(1)) if period else None
    for key, pattern in _META.items():
        match = pattern.search(preamble)
        if match:
            report.meta[key] = unicodedata.normalize("NFKC", match.group(1)).strip()
    if preamble and normalize_label(preamble) != normalize_label(generated_preamble(report)):
        report.texts.preamble = preamble  # kept as published: 自定义前言
    return report


def _find_title(paragraphs: list[str]) -> tuple[str, int | None, int] | None:
    """(organization, year, index after the title) of the last title naming its organization,
    else of the last one without; None when there is none."""
    named: tuple[str, int | None, int] | None = None
    bare: tuple[str, int | None, int] | None = None
    for start in range(len(paragraphs)):
        for lines in (1, 2, 3):  # the name, the year, the rest on lines of their own
            if start + lines > len(paragraphs):
                break
            title = parse_title("".join(paragraphs[start : start + lines]))
            if title is None:
                continue
            if title[0]:
                named = (*title, start + lines)
            elif lines == 1:
                bare = (*title, start + lines)
            break
    return named or bare


def _overview(report: Report, paragraphs: list[str]) -> None:
    """一: the introduction, then （一）… sub-sections, their titles on a line of their own or
    leading their first paragraph (（一）主动公开情况。本年度……)."""
    intro: list[str] = []
    parts: list[tuple[str, list[str]]] = []  # (title, paragraphs) of each sub-section
    for text in paragraphs:
        match = _SUBSECTION.match(text) or _STANDARD_TITLE.match(
            text
        )  # （一）… or Word's numbering
        if match is None:
            (parts[-1][1] if parts else intro).append(text)
            continue
        title, body = match.group("rest").strip(), ""
        cut = re.search(r"[。：:]", title)
        if cut is not None and (len(title) > 30 or cut.end() < len(title)):
            title, body = title[: cut.start()], title[cut.end() :].strip()
        parts.append((title.rstrip("。：:"), [body] if body else []))
    report.texts.overview.intro = "\n".join(intro)
    report.texts.overview.subsections = [Subsection(t, "\n".join(body)) for t, body in parts]


def _without_signature(report: Report, paragraphs: list[str]) -> list[str]:
    """六 without the 落款 that ends the document; its date becomes the report's 落款日期."""
    paragraphs = list(paragraphs)
    for _ in range(3):
        if not paragraphs:
            break
        last = re.sub(r"\s+", "", paragraphs[-1])
        date = _DATE.match(last)
        if date is not None:
            report.signed_on = _date(*date.groups())
        elif last != re.sub(r"\s+", "", report.organization):
            break
        paragraphs.pop()
    return paragraphs


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(
            int(year.translate(_YEAR_DIGITS)),
            chinese_number(month) or 0,
            chinese_number(day) or 0,
        )
    except ValueError:
        return None
