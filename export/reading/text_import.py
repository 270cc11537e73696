"""Reading a report from plain text as a browser copies a page: paragraphs on lines of their own,
a table's rows as lines of tab-separated cells.

The tabs keep the cells but not their spans: a label spanning three columns is one cell, a
label spanning rows is in its first row only. The prescribed tables are therefore laid back out
by their header words — the applicant columns of 三 (自然人 … 总计) and the outcome columns of 四
(结果维持 … 总计, three times) — with each row's numbers in the data columns and its labels just
before them. Other tables (二) need no spans and stand as copied. The blocks then read as every
document's do (``document_text``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from pathlib import Path

from model.format.format_2021 import APPLICANT_COLUMNS, OUTCOME_COLUMNS, TOTAL_COLUMN
from model.format.labels import canonical_label
from model.refusal import refused

from . import ImportResult, file_bytes
from .document_text import MAX_BLOCKS, read_document
from .docx_blocks import Block
from .table_reading import CellSheet

_NUMBER = re.compile(r"^\s*(?:\d[\d,，]*(?:\.\d+)?\s*(?:件|万元)?)?\s*$")  # blank: 0
_APPLICANTS = [canonical_label(label) for _, label in (*APPLICANT_COLUMNS, TOTAL_COLUMN)]
_OUTCOMES = {canonical_label(label) for _, label in OUTCOME_COLUMNS}
_LABEL_COLUMNS = 3  # 三's label columns, as the format lays them out
MAX_TEXT_FILE = 5 * 1024 * 1024  # bytes


def read_plain_text(text: str, kind: str) -> ImportResult:
    if len(text) > MAX_TEXT_FILE:  # characters: a report is some ten thousand
        raise refused(f"{kind}太长（{len(text):,} 个字符），不像一份年度报告。")
    return read_document(text_blocks(text), kind)


def read_text_file(path: Path) -> ImportResult:
    """Text a clerk pasted into a file (.txt): UTF-8 or GB18030, as Notepad saves it."""
    from .html_import import decode_page

    return read_plain_text(decode_page(file_bytes(path, MAX_TEXT_FILE, "文本")), "文本文件")


def text_blocks(text: str) -> list[Block]:
    """Lines without a tab are paragraphs; runs of tabbed lines are tables."""
    blocks: list[Block] = []
    numbers = itertools.count(1)
    lines = [line for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    if len(lines) > MAX_BLOCKS:  # before a table of them is laid out
        raise refused(f"文字有 {len(lines):,} 行，不像一份年度报告，未读取。")
    for tabbed, group in itertools.groupby(lines, key=lambda line: "\t" in line):
        if tabbed:
            rows = [[cell.strip() for cell in line.split("\t")] for line in group]
            blocks.append(("t", _sheet(rows, next(numbers))))
        else:
            blocks += [("p", line) for line in _rejoined(line.strip() for line in group)]
    return blocks


# Text taken from a PDF breaks a sentence where the page's line ended, often with a blank line
# after it (the seed: “…涉农补贴、征” / “地补偿、社会救助…”). A line of running prose (long, with
# a comma or full stop in it) that stops without closing punctuation is joined to the next when
# that one goes on with words — not a numbered line, a date, or a heading.
_RUNS_ON = re.compile(r"[\u4e00-\u9fff，、：；（“]$")
_GOES_ON = re.compile(r"^[\u4e00-\u9fff“（]")
_STARTS_ANEW = re.compile(
    r"^(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]"
    r"|[〇零一二三四五六七八九十]{2,4}\s*年)"
)


def _rejoined(lines: Iterable[str]) -> list[str]:
    paragraphs: list[str] = []
    for line in lines:
        last = paragraphs[-1] if paragraphs else ""
        prose = len(last) >= 20 and any(mark in last for mark in "，。")
        if (
            prose
            and _RUNS_ON.search(last)
            and _GOES_ON.match(line)
            and not _STARTS_ANEW.match(line)
        ):
            paragraphs[-1] = last + line
        else:
            paragraphs.append(line)
    return paragraphs


def _sheet(rows: list[list[str]], number: int) -> CellSheet:
    words = {canonical_label(cell) for row in rows for cell in row if cell}
    if "社会公益组织" in words:
        grid = _applications(rows)
    elif "复议后起诉" in words:
        grid = _review(rows)
    else:
        grid = {
            (r, c): cell for r, row in enumerate(rows, 1) for c, cell in enumerate(row, 1) if cell
        }
    title = f"第 {number} 个表格"
    return CellSheet(title, grid, lambda r, c: f"{title}第 {r} 行第 {c} 列")


def _applications(rows: list[list[str]]) -> dict[tuple[int, int], str]:
    """三: the seven applicant columns after three label columns; a row ending in seven numbers
    (or blanks) is a data row, its labels right before them."""
    width = len(_APPLICANTS)
    grid: dict[tuple[int, int], str] = {}
    for r, row in enumerate(rows, 1):
        if len(row) >= width and all(_NUMBER.match(cell) for cell in row[-width:]):
            labels = [cell for cell in row[:-width] if cell]
            for i, label in enumerate(labels):
                grid[(r, _LABEL_COLUMNS - len(labels) + 1 + i)] = label
            for i, cell in enumerate(row[-width:]):
                if cell.strip():
                    grid[(r, _LABEL_COLUMNS + 1 + i)] = cell
            continue
        for c, cell in enumerate(row, 1):
            key = canonical_label(cell)
            if key in _APPLICANTS:
                grid[(r, _LABEL_COLUMNS + 1 + _APPLICANTS.index(key))] = cell
            elif cell:
                grid.setdefault((r, c), cell)
    return grid


def _review(rows: list[list[str]]) -> dict[tuple[int, int], str]:
    """四: fifteen outcome columns; the outcome words of the header rows stand over them in the
    order they are read, the row of fifteen numbers under them."""
    grid: dict[tuple[int, int], str] = {}
    outcome = itertools.count(1)
    for r, row in enumerate(rows, 1):
        cells = [cell for cell in row if cell]
        if cells and all(_NUMBER.match(cell) for cell in row):
            for c, cell in enumerate(row, 1):
                if cell.strip():
                    grid[(r, c)] = cell
            continue
        for c, cell in enumerate(row, 1):
            if canonical_label(cell) in _OUTCOMES:
                grid[(r, next(outcome))] = cell
            elif cell:
                grid.setdefault((r, c), cell)
    return grid
