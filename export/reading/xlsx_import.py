"""Reading a workbook back: one this program wrote, and the common hand-made variants.

The tables are read by their labels (``table_reading``). The visible tables are the truth for
numbers; the hidden data package (when there is one) supplies everything else, and where the two
disagree the import says so. Anything that cannot be read is reported — sheet, cell, why — and
then nothing is imported. The file is looked at before openpyxl opens it (``office_files``);
openpyxl parses the XML through defusedxml (a declared dependency), so entity tricks are refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter

from model.format.format_2019 import NAME_2019, recognise_format
from model.format.format_2021 import TABLES
from model.package import read_package
from model.preamble import parse_title
from model.refusal import FileRefused, refused
from model.report import Report

from ..xlsx import DATA_MARK, DATA_SHEET
from . import ImportResult
from .office_files import MAX_COLS, MAX_ROWS, XLSX, check_container, unreadable
from .table_reading import Cells, CellSheet, Issues, read_tables


def read_xlsx(path: Path) -> ImportResult:
    check_container(path, XLSX)
    workbook = _open(path)
    cells = Cells([sheet for title, sheet in workbook.items() if title != DATA_SHEET])
    if recognise_format(cells.texts()) == 2019:
        raise refused(f"这个工作簿是{NAME_2019}的表格，目前尚不支持导入。")
    issues: Issues = []
    loosely: list[str] = []
    values = read_tables(cells, issues, loosely)
    base = _hidden_report(workbook, issues)
    if issues:
        raise FileRefused(issues)
    notes: list[str] = []
    status_known = base is not None  # only the hidden data package records it
    if base is None:
        report = _report_from_title(cells)
        notes.append(
            "这个工作簿不是年报助手导出的，只导入了机关名称、年度和二、三、四表格中的数字；"
            "基本信息和一、五、六的文字请在程序中填写。"
        )
    else:
        report = base
        # Numerically equal is the same (Excel keeps no trailing zeros: 0.0350 reads as 0.035).
        differing = [ref for ref in values if report.values.get(ref) != values[ref]]
        values = {ref: values[ref] for ref in differing}
        if differing:
            examples = "、".join(TABLES[r.table].describe(r) for r in differing[:3])
            notes.append(
                f"工作表中有 {len(differing)} 个数字与工作簿内隐藏的数据包不一致（如{examples}），"
                "已以工作表中看得见的数字为准。"
            )
    report.values.update(values)
    return ImportResult(report, notes + loosely, status_known)


# ── the workbook ──


def _open(path: Path) -> dict[str, CellSheet]:
    from openpyxl import load_workbook

    try:
        # Read-only: merged ranges are not needed (a merged value sits in its first cell) and
        # binding them is most of openpyxl's load time.
        book = load_workbook(path, data_only=True, read_only=True)
        try:
            return {ws.title: _sheet(ws) for ws in book.worksheets}
        finally:
            book.close()
    except Exception as exc:  # openpyxl raises many kinds; each means the same to the user
        raise unreadable(path, XLSX, exc) from None


def _sheet(worksheet: Any) -> CellSheet:
    """A worksheet's values, read once (read-only worksheets can only be iterated)."""
    values: dict[tuple[int, int], Any] = {}
    # Never past the extent a report's sheet can have, whatever the sheet claims or lacks: a
    # sheet without <dimension> and one cell at XFD1048576 would be read row by row to the end.
    rows = worksheet.iter_rows(
        min_row=1, max_row=MAX_ROWS, min_col=1, max_col=MAX_COLS, values_only=True
    )
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                values[(r, c)] = value
    title = worksheet.title

    def where(row: int, col: int) -> str:
        return f"{title}!{get_column_letter(col)}{row}"

    return CellSheet(title, values, where, _unreadable(worksheet))


_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"[^>]*?(?:/>|>(.*?)</c>)', re.S)
_MERGED = re.compile(
    rb'<mergeCell\b[^>]*?\bref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"'
)


_FORMULA_WITHOUT_RESULT = (
    "这个格子是公式，但文件中没有保存公式的计算结果：请在 Excel 或 WPS 中打开并保存后再导入。"
)
_MERGED_OVER = (
    "这个格子被合并到左上方的格子里，读不到自己的数字：请取消合并，每个格子填写一个数字。"
)
_MOST_MERGES = 10_000  # a report's sheet has a few dozen; beyond this many, the rest are not read


def _unreadable(worksheet: Any) -> Callable[[int, int], str | None]:
    """Why a place that looks empty to a reader of values is not blank: a formula whose result
    was never stored (what programs other than Excel and WPS may write), or a cell a merged range
    covers — each would otherwise be read as 0. Found in the sheet's XML, which
    ``check_container`` has bounded; read-only openpyxl shows neither."""
    with worksheet._get_source() as source:  # read-only openpyxl's own handle on the sheet XML
        xml = source.read()
    formulas: set[tuple[int, int]] = set()
    if b"<f" in xml:
        for letters, row, inner in _CELL.findall(xml):
            if inner and b"<f" in inner and not re.search(rb"<v>[^<]", inner):
                formulas.add((int(row), column_index_from_string(letters.decode())))
    merges = [
        (
            int(top),
            column_index_from_string(left.decode()),
            int(bottom),
            column_index_from_string(right.decode()),
        )
        for left, top, right, bottom in _MERGED.findall(xml)[:_MOST_MERGES]
    ]

    def why(row: int, col: int) -> str | None:
        if (row, col) in formulas:
            return _FORMULA_WITHOUT_RESULT
        for top, left, bottom, right in merges:
            if top <= row <= bottom and left <= col <= right and (row, col) != (top, left):
                return _MERGED_OVER
        return None

    return why


# ── what is not in the tables ──


def _hidden_report(workbook: dict[str, CellSheet], issues: Issues) -> Report | None:
    if DATA_SHEET not in workbook:
        return None
    sheet = workbook[DATA_SHEET]
    if sheet.value(1, 1) != DATA_MARK:
        return None
    chunks = []
    for row in range(2, sheet.max_row + 1):
        value = sheet.value(row, 1)
        if isinstance(value, str):
            chunks.append(value)
    try:
        return read_package("".join(chunks)).report
    except FileRefused as error:
        issues.append((f"{DATA_SHEET}!A2", f"隐藏的数据包无法读取：{error}"))
        return None


def _report_from_title(cells: Cells) -> Report:
    for sheet, row, col, text, _ in cells.labels:
        title = parse_title(text)
        if title is None:
            continue
        organization, year = title
        if not organization:  # the title on two lines: the name in the cell above
            above = [t for s, r, c, t, _ in cells.labels if s is sheet and c == col and r < row]
            organization = above[-1].strip() if above else ""
        if organization:
            return Report(organization, year)
    return Report("", None)  # asked of the user: ImportResult.missing_identity
