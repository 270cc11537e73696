"""Pasting a block copied from Excel or WPS (tab-separated text) into a table — all or nothing.

A paste covering computed cells is taken when the pasted totals equal the ones the pasted parts
give (a whole row copied from the county's sheet); label cells may be covered when the pasted
text is that label. Anything else refuses the whole paste, naming the cell and why.
"""

from __future__ import annotations

from .cell_input import InputError, Value, parse_cell
from .format.declaration import CellRef, Role, Table
from .format.grid import build_grid
from .format.labels import canonical_label
from .report import Report, mismatched_totals


def parse_block(text: str) -> list[list[str]]:
    """Rows of cells from the clipboard text of a spreadsheet (tabs and newlines)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


def plan_paste(report: Report, table: Table, row: int, col: int, text: str) -> dict[CellRef, Value]:
    """The typed cells a paste at grid position (row, col) would set; InputError if refused."""
    grid = build_grid(table)
    block = parse_block(text)
    if not block:
        raise InputError("剪贴板中没有可粘贴的内容。")
    height, width = len(block), max(len(line) for line in block)
    if row + height > grid.rows or col + width > grid.cols:
        raise InputError(
            f"要粘贴的区域（{height} 行 × {width} 列）超出了表格的范围，未做任何修改。"
        )
    typed: dict[CellRef, Value] = {}
    totals: dict[CellRef, Value] = {}
    for i, line in enumerate(block):
        for j, raw in enumerate(line):
            cell = grid.at(row + i, col + j)
            if cell is None or (cell.row, cell.col) != (row + i, col + j):
                continue  # covered by a merged cell: spreadsheets paste blanks there
            if cell.ref is None:
                if raw.strip() and canonical_label(raw) != canonical_label(cell.text):
                    raise InputError(
                        f"“{raw.strip()}”不能粘贴到表头“{cell.text}”上，未做任何修改。"
                    )
                continue
            try:
                value = parse_cell(table.kind(cell.ref), raw)
            except InputError as error:
                raise InputError(f"{table.describe(cell.ref)}：{error} 未做任何修改。") from None
            if cell.role is Role.COMPUTED:
                totals[cell.ref] = value
            else:
                typed[cell.ref] = value
    for wrong in mismatched_totals(table, report.values | typed, totals):
        raise InputError(
            f"{table.describe(wrong.ref)}是自动计算的合计：粘贴的 {wrong.given} 与各项之和 {wrong.expected} 不符，"
            "未做任何修改。"
        )
    return typed
