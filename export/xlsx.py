"""The Excel workbook: a sheet of text, a sheet for each of 二、三、四 in the prescribed layout, and a
hidden sheet carrying the whole data package, so export → import loses nothing.

Numbers are numeric cells, totals values (not formulas), every text forced to be text (openpyxl
turns a string starting with "=" into a formula otherwise). Every cell of a merged range has its
border; A4, fit to the page width, centred, header rows repeated, page numbers in the footer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from model.atomic import write_atomically
from model.format.declaration import Role
from model.format.format_2021 import SECTIONS, TableSection
from model.format.grid import Grid
from model.package import dumps_package
from model.report import Report

from .document import RenderedReport, RenderedTable, RenderedText, chinese_date, column_widths

DATA_SHEET = "_data"
DATA_MARK = "年报助手数据包 package_version 1"
TEXT_SHEET = "报告正文"
# A table's sheet is named by its short heading (二、主动公开…), as the editor's tab is.
TABLE_SHEETS = {s.key: s.short_heading for s in SECTIONS if isinstance(s, TableSection)}
GRID_TOP = 4  # the table starts on this row: title, heading and the 草稿 line come first
_CHUNK = 30_000  # an Excel cell holds at most 32,767 characters

FONT = "宋体"
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
# A paragraph's row is sized by an estimate of its lines: its text starts at the top, so that
# an estimate too generous leaves space after the paragraph, not above it.
_PARAGRAPH = Alignment(horizontal="left", vertical="top", wrap_text=True)
# A number too long for its column is shrunk to fit (Excel would show ###): a table is as wide
# as the printed page, so it prints at about its own size instead of shrunk to fit the page.
_NUMBER = Alignment(horizontal="center", vertical="center", shrink_to_fit=True)
# Excel's column width unit is the default font's (Calibri 11) digit, 7 px at 96 dpi, and each
# column adds 5 px of padding; a table's sheet prints with half-inch side margins.
_DIGIT_PX, _PADDING_PX, _SIDE_MARGIN = 7, 5, 0.5
_PAPER_WIDTH = {False: 8.27, True: 11.69}  # A4 in inches, by landscape


def write_xlsx(rendered: RenderedReport, report: Report, target: Path) -> None:
    """Write the workbook completely or not at all (a temporary file renamed into place)."""
    workbook = build_workbook(rendered, report)
    write_atomically(target, workbook.save)


def build_workbook(rendered: RenderedReport, report: Report) -> Workbook:
    workbook = Workbook()
    text_sheet = workbook.active
    assert text_sheet is not None
    text_sheet.title = TEXT_SHEET
    _write_texts(text_sheet, rendered)
    styles = _cell_styles(workbook)
    for section in rendered.sections:
        if isinstance(section, RenderedTable):
            sheet = workbook.create_sheet(TABLE_SHEETS[section.key])
            _write_table(sheet, rendered, section, styles)
    _write_package(workbook.create_sheet(DATA_SHEET), report)
    return workbook


# ── the text sheet ──


def _write_texts(sheet: Worksheet, rendered: RenderedReport) -> None:
    sheet.column_dimensions["A"].width = 80  # wider clips CJK lines in LibreOffice
    rows: list[_TextRow] = []

    def add(text: str, font: Font, alignment: Alignment = _PARAGRAPH, *, indent: bool = False,
            keep: bool = False) -> None:  # fmt: skip
        for number, piece in enumerate(_pieces(text)):  # a paragraph longer than a row holds
            first = number == 0
            rows.append(
                _text_row(sheet, len(rows) + 1, piece, font, alignment, indent and first, keep)
            )

    if rendered.draft:
        bold_red = Font(name=FONT, size=12, bold=True, color="C00000")
        add(_draft_line(rendered, detail=True), bold_red)
    add(rendered.title, Font(name=FONT, size=16, bold=True), _CENTER, keep=True)
    for paragraph in rendered.preamble:
        add(paragraph, Font(name=FONT, size=12), indent=True)
    for section in rendered.sections:
        add(section.heading, Font(name=FONT, size=12, bold=True), keep=True)
        if isinstance(section, RenderedText):
            for paragraph in section.paragraphs:
                bold = paragraph.style == "subheading"
                add(paragraph.text, Font(name=FONT, size=12, bold=bold), indent=True, keep=bold)
        else:
            add(f"（见工作表“{TABLE_SHEETS[section.key]}”）", Font(name=FONT, size=12))
    right = Alignment(horizontal="right", vertical="center")
    add("", Font(name=FONT, size=12), keep=True)
    add(rendered.organization, Font(name=FONT, size=12), right, keep=True)
    add(chinese_date(rendered.signed_on), Font(name=FONT, size=12), right)
    _print_setup(sheet, rendered, landscape=False)
    _break_pages(sheet, rows)


@dataclass(frozen=True)
class _TextRow:
    row: int
    height: float  # points
    keep: bool  # kept on the page of the row after it (a heading, the 落款's first lines)


# The text sheet's page, in points: A4 portrait less the default top and bottom margins (1 inch
# each), printed at 100 % (column A fits the width). Counted 5 % short, so that our own breaks
# come before the printing program's.
_PAGE_ROOM = (11.69 - 2) * 72 * 0.95


# Excel cuts a row at 409 points: a longer paragraph is written over several rows, each of at
# most this many width units (22 lines of the text sheet), ended at a sentence where it can be.
_ROW_UNITS = 22 * 74
_SENTENCE_ENDS = "。；！？"


def _pieces(text: str) -> list[str]:
    pieces: list[str] = []
    while text_units(text) > _ROW_UNITS:
        cut, units = 0, 0
        while units + text_units(text[cut]) <= _ROW_UNITS:
            units += text_units(text[cut])
            cut += 1
        ends = [i + 1 for i in range(cut // 2, cut) if text[i] in _SENTENCE_ENDS]
        cut = ends[-1] if ends else cut
        pieces.append(text[:cut])
        text = text[cut:]
    return [*pieces, text]


def _break_pages(sheet: Worksheet, rows: list[_TextRow]) -> None:
    """The text sheet's page breaks, placed here rather than by Excel or LibreOffice, so that a
    heading never ends a page apart from its text (as the PDF and Word keep it) and the 落款's
    name and date stay together."""
    used = 0.0
    for index, row in enumerate(rows):
        block, last = row.height, index  # this row and those it is kept with
        while rows[last].keep and last + 1 < len(rows):
            last += 1
            block += rows[last].height
        kept = index > 0 and rows[index - 1].keep  # placed with the row before it
        if used and not kept and used + min(block, _PAGE_ROOM) > _PAGE_ROOM:
            sheet.row_breaks.append(Break(id=row.row - 1))
            used = 0.0
        used += row.height


def _text_row(
    sheet: Worksheet,
    row: int,
    text: str,
    font: Font,
    alignment: Alignment,
    indent: bool,
    keep: bool,
) -> _TextRow:
    cell = sheet.cell(row=row, column=1)
    _set_text(cell, ("\u3000\u3000" if indent else "") + text)
    cell.font = font
    cell.alignment = alignment
    height = _height(text, 76, font.sz or 12)
    sheet.row_dimensions[row].height = height
    return _TextRow(row, height, keep)


# ── the table sheets ──


_CellStyles = dict[tuple[str, Alignment, bool], str]


def _cell_styles(workbook: Workbook) -> _CellStyles:
    """The names of the table cells' styles by (label or number, alignment, bold).

    Assigning a font, an alignment and a border to each cell costs openpyxl a hash of each into
    the workbook's tables (a third of the export's time); a named style, given by its name, is
    one copy of their indices.
    """
    styles: _CellStyles = {}  # named in Chinese: Excel lists them under 单元格样式
    for kind, align, shown in (
        ("label", _CENTER, "年报表格文字"),
        ("label", _LEFT, "年报表格文字（左对齐）"),
        ("number", _NUMBER, "年报表格数字"),
    ):
        for bold in (False, True):
            name = shown + ("（加粗）" if bold else "")
            font = Font(name=FONT, size=10, bold=bold)
            workbook.add_named_style(
                NamedStyle(name=name, font=font, alignment=align, border=_BORDER)
            )
            styles[kind, align, bold] = name
    return styles


def _write_table(
    sheet: Worksheet, rendered: RenderedReport, section: RenderedTable, styles: _CellStyles
) -> None:
    grid = section.grid
    landscape = section.key == "review_litigation"
    widths = column_widths(grid, _printable_width(grid, landscape=landscape))
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    last = get_column_letter(grid.cols)
    for row, text, font in (
        (1, rendered.title, Font(name=FONT, size=14, bold=True)),
        (2, section.heading, Font(name=FONT, size=12, bold=True)),
        (
            3,
            _draft_line(rendered) if rendered.draft else "",
            Font(name=FONT, size=11, bold=True, color="C00000"),
        ),
    ):
        sheet.merge_cells(f"A{row}:{last}{row}")
        _set_text(sheet.cell(row=row, column=1), text)
        sheet.cell(row=row, column=1).font = font
        sheet.cell(row=row, column=1).alignment = _CENTER if row < 3 else _LEFT
    heights = [15.0] * grid.rows
    for cell in grid.cells:
        top, left = GRID_TOP + cell.row, 1 + cell.col
        target = sheet.cell(row=top, column=left)
        if cell.ref is None:
            _set_text(target, cell.text)
            align = _LEFT if grid.left_aligned(cell) else _CENTER
            style = styles["label", align, cell.emphasis]
            span_width = sum(widths[cell.col : cell.last_col + 1])
            need = _height(cell.text, span_width, 10) / cell.rowspan
            for r in range(cell.row, cell.last_row + 1):
                heights[r] = max(heights[r], need)
        else:
            target.value = section.values[cell.ref]  # int, or Decimal for the fee: numeric
            style = styles["number", _NUMBER, cell.role is Role.COMPUTED]
        if cell.rowspan > 1 or cell.colspan > 1:
            sheet.merge_cells(
                start_row=top,
                start_column=left,
                end_row=cell.last_row + GRID_TOP,
                end_column=cell.last_col + 1,
            )
        for r in range(top, top + cell.rowspan):  # after merging: merging resets the covered cells
            for c in range(left, left + cell.colspan):
                sheet.cell(row=r, column=c).style = style  # their borders draw the merged range's
    for r, height in enumerate(heights):
        sheet.row_dimensions[GRID_TOP + r].height = height
    if grid.header_rows:
        sheet.print_title_rows = f"{GRID_TOP}:{GRID_TOP + grid.header_rows - 1}"
    sheet.print_area = f"A1:{last}{GRID_TOP + grid.rows - 1}"
    sheet.page_margins = PageMargins(
        left=_SIDE_MARGIN, right=_SIDE_MARGIN, top=0.75, bottom=0.75, header=0.3, footer=0.3
    )
    _print_setup(sheet, rendered, landscape=landscape)


# ── the hidden data package ──


def _write_package(sheet: Worksheet, report: Report) -> None:
    text = dumps_package(report)
    _set_text(sheet.cell(row=1, column=1), DATA_MARK)
    for i in range(0, len(text), _CHUNK):
        _set_text(sheet.cell(row=2 + i // _CHUNK, column=1), text[i : i + _CHUNK])
    sheet.sheet_state = "hidden"


# ── helpers ──


def _set_text(cell: Any, text: str) -> None:
    """Store text as text, never as a formula, whatever it starts with."""
    cell.value = text
    cell.data_type = "s"


def _draft_line(rendered: RenderedReport, *, detail: bool = False) -> str:
    """The 草稿 line; on the text sheet it also names the first errors."""
    line = rendered.draft_note
    return line + "".join(rendered.draft_reasons[:3]) if detail else line


def _printable_width(grid: Grid, *, landscape: bool) -> float:
    """The width (Excel's characters) of a table filling the page between the side margins."""
    pixels = (_PAPER_WIDTH[landscape] - 2 * _SIDE_MARGIN) * 96 - _PADDING_PX * grid.cols
    return pixels / _DIGIT_PX


def text_units(text: str) -> int:
    """Text's width in Excel's character units: a CJK character is about two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _height(text: str, width_chars: float, size: float) -> float:
    """Row height (points) for wrapped text."""
    lines = max(1, math.ceil(text_units(text) / max(width_chars - 2, 4)))
    return round(lines * size * 1.45 + 6, 1)


def _print_setup(sheet: Worksheet, rendered: RenderedReport, *, landscape: bool) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    if rendered.draft:
        sheet.oddHeader.center.text = "草稿"
        sheet.oddHeader.center.color = "C00000"
