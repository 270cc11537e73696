"""Reading a report from plain text as a browser copies a page: paragraphs on lines of their own,
a table's rows as lines of tab-separated cells — or, where the cells hold paragraphs (as the pages
made from Word documents do), Chromium's one cell a line without a tab.

The tabs keep the cells but not their spans: a label spanning three columns is one cell, a
label spanning rows is in its first row only. The prescribed tables are therefore laid back out
by their header words — the applicant columns of 三 (自然人 … 总计) and the outcome columns of 四
(结果维持 … 总计, three times) — with each row's numbers in the data columns and its labels just
before them. Other tables (二) need no spans and stand as copied. A table copied one cell a line
is first put back into tabbed rows by the format's own labels: a row's labels with the numbers
after them, the header words on a row of their own. The blocks then read as every document's do
(``document_text``).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from model.format.format_2021 import APPLICANT_COLUMNS, OUTCOME_COLUMNS, TABLES, TOTAL_COLUMN
from model.format.labels import canonical_label
from model.refusal import refused

from . import ImportResult, file_bytes
from .document_text import MAX_BLOCKS, read_document, refuse_2019
from .docx_blocks import Block
from .table_reading import CellSheet, says_none

_NUMBER = re.compile(r"^\s*(?:\d[\d,，]*(?:\.\d+)?\s*(?:件|万元)?)?\s*$")  # blank: 0
_APPLICANTS = [canonical_label(label) for _, label in (*APPLICANT_COLUMNS, TOTAL_COLUMN)]
_OUTCOMES = {canonical_label(label) for _, label in OUTCOME_COLUMNS}
_LABEL_COLUMNS = 3  # 三's label columns, as the format lays them out
MAX_TEXT_FILE = 5 * 1024 * 1024  # bytes


def read_plain_text(text: str, kind: str) -> ImportResult:
    if len(text) > MAX_TEXT_FILE:  # characters: a report is some ten thousand
        raise refused(f"{kind}太长（{len(text):,} 个字符），不像一份年度报告。")
    return read_document(text_blocks(text), kind)


def has_tables(text: str) -> bool:
    """Whether plain text holds a report's tables as a browser copies them: rows of tabbed
    cells, or (Chromium, where the cells hold paragraphs) the format's row labels a line each."""
    return "\t" in text or any(
        canonical_label(line) in _ROW_LABELS for line in text.splitlines()[:MAX_BLOCKS]
    )


def read_text_file(path: Path) -> ImportResult:
    """Text a clerk pasted into a file (.txt): UTF-8 or GB18030, as Notepad saves it."""
    from .html_import import decode_page

    return read_plain_text(decode_page(file_bytes(path, MAX_TEXT_FILE, "文本")), "文本文件")


def text_blocks(text: str) -> list[Block]:
    """Lines without a tab are paragraphs; runs of tabbed lines are tables."""
    blocks: list[Block] = []
    numbers = itertools.count(1)
    # Empty lines, and lines of nothing but a space, are kept for now: Chromium copies empty
    # cells so (see _run_cells).
    lines = text.replace("\r\n", "\n").split("\n")
    filled = [line for line in lines if line.strip()]
    if len(filled) > MAX_BLOCKS or len(lines) > 4 * MAX_BLOCKS:  # before tables are laid out
        raise refused(f"文字有 {len(lines):,} 行，不像一份年度报告，未读取。")
    refuse_2019([cell.strip() for line in filled for cell in line.split("\t")])  # rows differ
    rebuilt = [line for line in _tabbed_rows(lines) if line.strip()]
    for tabbed, group in itertools.groupby(rebuilt, key=lambda line: "\t" in line):
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


# The prescribed tables' words, from each data cell's labels: those of the rows; 二's block
# titles; the words over other words of a header (行政复议, 复议后起诉, 申请人情况…); and those right
# over the numbers, with the corner labels beside them.
_PATHS = [paths for table in TABLES.values() for paths in table.label_paths.values()]
_ROW_LABELS = frozenset(canonical_label(label) for rows, _ in _PATHS for label in rows)
_TITLES = frozenset(
    canonical_label(block.title) for t in TABLES.values() for block in t.blocks if block.title
)
_GROUPS = frozenset(canonical_label(label) for _, cols in _PATHS for label in cols[:-1])
_LEAVES = frozenset(canonical_label(cols[-1]) for _, cols in _PATHS) | frozenset(
    canonical_label(block.corner) for t in TABLES.values() for block in t.blocks if block.corner
)
_TABLE_WORDS = _ROW_LABELS | _TITLES | _GROUPS | _LEAVES
# How many numbers a row of each label has (二's blocks differ; 三's rows have seven).
_ROW_WIDTHS = Counter(canonical_label(rows[-1]) for rows, _ in _PATHS if rows)
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])$"
)
# A section's heading ends a table's cells; 一、 alone is the first part of a row's label.
_SECTION = re.compile(r"^[一二三四五六]、.")
_MIN_NUMBERS = 3  # a run of cells with fewer numbers is not a table


def _tabbed_rows(lines: list[str]) -> list[str]:
    """Lines, with each run of a table's cells copied one a line put back into tabbed rows."""
    result: list[str] = []
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and (not lines[end] or _one_cell(lines[end])):
            end += 1
        while end > start and not lines[end - 1]:
            end -= 1  # the empty lines after a run are no cells of it
        run = _run_cells(lines[start:end])
        if sum(_number(cell) for cell in run) >= _MIN_NUMBERS and any(
            canonical_label(cell) in _TABLE_WORDS for cell in run
        ):
            result += ["\t".join(row) if len(row) > 1 else row[0] + "\t" for row in _rows(run)]
        else:  # no table: nor is any part of it (once through, however long)
            end = max(end, start + 1)
            result += lines[start:end]
        start = end
    return result


def _one_cell(line: str) -> bool:
    """A line that may be one cell of a table: a number, a label of the format, or a short line
    that is no sentence and no section's heading (a label typed differently)."""
    if "\t" in line:  # empty cells between cells of paragraphs: “ \t \t”
        return not line.strip()
    line = line.strip()
    if not line or _number(line) or canonical_label(line) in _TABLE_WORDS:
        return True  # an empty cell, copied as a space
    return len(line) <= 60 and "。" not in line and not _SECTION.match(line)


def _run_cells(lines: list[str]) -> list[str]:
    """The cells of a run of lines. Chromium ends a cell holding a paragraph with an empty line,
    and an empty one (its paragraph only a line break) with two more: three or more empty lines
    between cells hold one empty cell for every two beyond the first."""
    cells: list[str] = []
    empty = 0
    for line in lines:
        if not line:
            empty += 1
            continue
        if cells and empty >= 3:
            cells += [""] * ((empty - 1) // 2)
        empty = 0
        cells += _cells(line)
    return cells


def _cells(line: str) -> list[str]:
    """A line's cells: itself, or the empty cells it holds between tabs (a tab at its end goes
    before the next line's cell)."""
    cells = line.split("\t")
    return cells[:-1] if len(cells) > 1 and not cells[-1] else cells


def _value(cell: str) -> bool:
    """A data cell's text: a number, blank, or "none" as published tables print it (—, /)."""
    return bool(_NUMBER.match(cell)) or says_none(cell)


def _number(cell: str) -> bool:
    """A data cell's text that is not blank: it stands in the copy for a cell of its own."""
    return bool(cell.strip()) and _value(cell)


def _rows(cells: list[str]) -> list[list[str]]:
    """A table's cells in reading order, as rows: a block title alone, a header's upper words
    and its words over the numbers on a row each, and each row's labels with the numbers after
    them. A row of the format without a number was left blank (0). A row with some numbers but
    not all lost its empty cells (the empty lines that stood for them, see ``_run_cells``), and
    which they were cannot be told: refused."""
    rows: list[list[str]] = []
    groups: list[str] = []  # a header's words over other words
    leaves: list[str] = []  # and those over the numbers
    labels: list[str] = []
    numbers: list[str] = []
    columns = 0  # words over the numbers in the last header: a row without a label has as many

    def end_row() -> None:
        nonlocal groups, leaves, labels, numbers, columns
        if leaves:
            columns = len(leaves)
        if not labels and not any(numbers):
            numbers = []  # a header's empty cells
        if numbers:
            wanted = _ROW_WIDTHS.get(canonical_label(labels[-1])) if labels else columns
            if wanted and len(numbers) != wanted:
                raise refused(_lost_cells(labels, len(numbers), wanted))
        rows.extend(row for row in (groups, leaves, labels + numbers) if row)
        groups, leaves, labels, numbers = [], [], [], []

    for cell in (cell.strip() for cell in cells):
        key = canonical_label(cell)
        if not cell:  # an empty cell: under a header word it is none of the numbers
            if labels or numbers:
                numbers.append(cell)
        elif _number(cell):
            if groups or leaves:
                end_row()
            numbers.append(cell)
        elif key in _TITLES:
            end_row()
            rows.append([cell])
        elif key in _GROUPS | _LEAVES and not labels:
            if numbers:
                end_row()
            (groups if key in _GROUPS else leaves).append(cell)
        elif labels and not numbers and _NUMBERING.match(labels[-1]):
            labels[-1] += cell  # 一、 on a line of its own, its words on the next
        else:
            blank = labels and canonical_label(labels[-1]) in _ROW_WIDTHS
            if numbers or groups or leaves or blank:
                end_row()
            labels.append(cell)
    end_row()
    return rows


def _lost_cells(labels: list[str], found: int, wanted: int) -> str:
    row = f"“{labels[-1]}”一行" if labels else "四的数字一行"
    return (
        f"表格是逐格复制成文字的，空白的格子已经丢失：{row}只有 {found} 个数字，应有 {wanted} 个，"
        "无法知道哪些格子是空的。请在浏览器中把网页“另存为”网页文件（.html）再导入，"
        "或者复制后直接在本程序中粘贴（不要经过别的程序）。"
    )


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
        if len(row) >= width and all(_value(cell) for cell in row[-width:]):
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
        if cells and all(_value(cell) for cell in row):
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
