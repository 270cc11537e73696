"""Reading the three tables out of any grid of cells: a worksheet, or a Word document's tables.

Tables are found by their labels, not by fixed coordinates, and the label variants of
format-2021.md are accepted; blank cells are 0, and so are cells that print "none" as published
tables do (—, ——, -, /, 无); a total that disagrees with its parts is refused naming the cell. A
merged range holds its value in its first cell, as Excel and Word both do.
"""

from __future__ import annotations

import difflib
import itertools
import re
import sys
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from decimal import Decimal
from typing import Any

from model.cell_input import InputError, Value, parse_cell
from model.format.declaration import CellRef, Kind, Role, Table
from model.format.format_2021 import (
    APPLICANT_COLUMNS,
    APPLICATIONS,
    OUTCOME_COLUMNS,
    PROACTIVE,
    REVIEW_LITIGATION,
    TOTAL_COLUMN,
)
from model.format.labels import canonical_label
from model.refusal import Issues
from model.report import mismatched_totals


class CellSheet:
    """One grid's values by (row, column), both from 1, and how to name a place in it."""

    def __init__(
        self,
        title: str,
        values: dict[tuple[int, int], Any],
        where: Callable[[int, int], str],
        unreadable: Callable[[int, int], str | None] = lambda _row, _col: None,
    ) -> None:
        self.title = title
        self.values = values
        self.max_row = max((r for r, _ in values), default=0)
        self._where = where
        # Why an empty-looking place is not blank and cannot be read as 0 (a formula without its
        # result, a cell covered by a merged range), or None.
        self.unreadable = unreadable

    def value(self, row: int, col: int) -> Any:
        return self.values.get((row, col))

    def where(self, row: int, col: int) -> str:
        return self._where(row, col)


class Cells:
    """Every text cell of the grids, by canonical label."""

    def __init__(self, sheets: list[CellSheet]) -> None:
        self.sheets = sheets
        self.labels: list[tuple[CellSheet, int, int, str, str]] = []  # sheet, row, col, text, key
        # Indexed once, so that finding a label or a row's labels does not scan them all: a
        # sheet with thousands of text rows is read in linear time.
        self._by_key: dict[str, list[tuple[CellSheet, int, int]]] = {}
        self._by_row: dict[tuple[int, int], list[tuple[int, str]]] = {}
        for sheet in self.sheets:
            for (r, c), value in sorted(sheet.values.items()):
                if isinstance(value, str) and value.strip():
                    key = canonical_label(value)
                    self.labels.append((sheet, r, c, value, key))
                    self._by_key.setdefault(key, []).append((sheet, r, c))
                    self._by_row.setdefault((id(sheet), r), []).append((c, value))

    def texts(self) -> list[str]:
        return [text for _, _, _, text, _ in self.labels]

    def find(self, label: str, sheet: CellSheet | None = None) -> list[tuple[CellSheet, int, int]]:
        found = self._by_key.get(canonical_label(label), [])
        return [place for place in found if sheet is None or place[0] is sheet]

    def row_text(self, sheet: CellSheet, row: int, before_col: int) -> tuple[str, str]:
        """The labels of a row left of the data: (all joined, the last one), canonical."""
        parts = [(c, text) for c, text in self._by_row.get((id(sheet), row), []) if c < before_col]
        joined = canonical_label("".join(text for _, text in parts))
        return joined, canonical_label(parts[-1][1]) if parts else ""


def read_tables(
    cells: Cells,
    issues: Issues,
    notes: list[str] | None = None,
    printed: dict[CellRef, Value] | None = None,
) -> dict[CellRef, Value]:
    """The typed values of 二、三、四; what cannot be read goes to ``issues``, what was read
    loosely (a mistyped row label, a one-row （六）) to ``notes``. A total that disagrees with
    its parts is an issue — or, for a published document (``printed`` given), kept there as
    printed (``Report.as_published``)."""
    notes = [] if notes is None else notes
    return (
        _read_proactive(cells, issues, printed)
        | _read_applications(cells, issues, notes, printed)
        | _read_review(cells, issues, printed)
    )


# "None" as published tables print it in a cell: nothing but spaces, dashes, a slash, 无.
_NOTHING = re.compile(r"\s*(?:[-－—–―─‐]+|[/／]|无)?\s*")


def _blank(raw: Any) -> bool:
    """An empty cell, or one that prints "none": read as 0, and never as a printed total."""
    return raw is None or (isinstance(raw, str) and says_none(raw))


def says_none(text: str) -> bool:
    """The text is empty or prints "none" (—, /, 无)."""
    return _NOTHING.fullmatch(text) is not None


def _value(sheet: CellSheet, row: int, col: int, kind: Kind, issues: Issues) -> Value | None:
    raw = sheet.value(row, col)
    where = sheet.where(row, col)
    if _blank(raw):
        why = sheet.unreadable(row, col)
        if why is not None:
            issues.append((where, why))
            return None
        return parse_cell(kind, "")
    if isinstance(raw, bool):
        issues.append((where, f"应为数字，而不是 {raw}。"))
        return None
    # A float's shortest repr is what Excel showed: 0.0001, not 0.000100000000000000005.
    text = format(Decimal(repr(raw)), "f") if isinstance(raw, float) else str(raw)
    if isinstance(raw, float) and kind is Kind.COUNT and raw.is_integer():
        text = str(int(raw))
    try:
        return parse_cell(kind, text)
    except InputError as error:
        issues.append((where, str(error)))
        return None


Places = dict[CellRef, tuple[CellSheet, int, int]]  # where each cell's value is read


def _printed(place: tuple[CellSheet, int, int]) -> bool:
    sheet, row, col = place
    return not _blank(sheet.value(row, col))


def _take(
    table: Table,
    places: Places,
    issues: Issues,
    printed: dict[CellRef, Value] | None,
    zero: AbstractSet[CellRef] = frozenset(),
) -> dict[CellRef, Value]:
    """Read every cell; typed ones are returned, computed ones must agree with their parts (or
    go to ``printed``). ``zero``: typed cells the document has no place for, read as 0."""
    read = {ref: _value(s, r, c, table.kind(ref), issues) for ref, (s, r, c) in places.items()}
    read |= {ref: parse_cell(table.kind(ref), "") for ref in zero}
    typed = {ref: v for ref, v in read.items() if v is not None and table.role(ref) is Role.INPUT}
    # A total left empty was not printed (a portal page's &nbsp;): it is computed, not a 0 that
    # disagrees with its parts.
    given = {
        ref: v
        for ref, v in read.items()
        if v is not None and (ref in typed or ref in zero or _printed(places[ref]))
    }
    for wrong in mismatched_totals(table, typed, given):
        if printed is not None:
            printed[wrong.ref] = wrong.given
            continue
        sheet, r, c = places[wrong.ref]
        issues.append(
            (
                sheet.where(r, c),
                f"{table.describe(wrong.ref)}的合计数 {wrong.given} 与各项之和 {wrong.expected} 不符（E-{wrong.rule}）。",
            )
        )
    return typed


def _read_applications(
    cells: Cells, issues: Issues, notes: list[str], printed: dict[CellRef, Value] | None
) -> dict[CellRef, Value]:
    anchors = cells.find("社会公益组织")
    if not anchors:
        issues.append(
            ("", "找不到“三、收到和处理政府信息公开申请情况”表（没有“社会公益组织”等表头）。")
        )
        return {}
    sheet, header_row, _ = anchors[0]
    columns: dict[str, int] = {}
    for key, label in (*APPLICANT_COLUMNS, TOTAL_COLUMN):
        found = [
            (r, c) for _, r, c in cells.find(label, sheet) if header_row - 3 <= r <= header_row
        ]
        if not found:
            issues.append((sheet.title, f"三、依申请公开表中找不到“{label}”列。"))
            return {}
        columns[key] = min(found, key=lambda rc: abs(rc[0] - header_row))[1]
    first_data_col = min(columns.values())
    leaves = {
        canonical_label(leaf.label): str(leaf.row)
        for top in APPLICATIONS.blocks[0].rows
        for leaf in top.leaves()
    }
    rows: dict[str, int] = {}
    unplaced: dict[int, str] = {}  # rows with numbers whose label is none of the format's
    blank: dict[int, str] = {}  # rows so labelled whose cells are all empty (&nbsp; on a page)
    for row in range(header_row + 1, sheet.max_row + 1):
        joined, last = cells.row_text(sheet, row, first_data_col)
        found = [
            (len(label), key)
            for label, key in leaves.items()
            if label in (last, joined[-len(label) :])
        ]
        if not found:
            if last and any(sheet.value(row, c) is not None for c in columns.values()):
                unplaced[row] = last
            elif last:
                blank[row] = last
            continue
        key = max(found)[1]  # the longest label that fits: 3.其他 is not 其他
        if key in rows:
            issues.append(
                (sheet.where(row, 1), f"“{_label_of(APPLICATIONS, key)}”这一行出现了两次。")
            )
        rows[key] = row
    zero = _one_row_other(rows, unplaced, blank, sheet, notes)
    _loosely(rows, unplaced, sheet, notes)
    missing = [
        _label_of(APPLICATIONS, key)
        for key in APPLICATIONS.row_keys()
        if key not in rows and key not in zero
    ]
    if missing:
        issues.append((sheet.title, "三、依申请公开表中找不到这些行：" + "、".join(missing)))
        return {}
    places = {
        ref: (sheet, rows[ref.row], columns[ref.col])
        for ref in APPLICATIONS.cells
        if ref.row in rows
    }
    zeros = {ref for ref in APPLICATIONS.cells if ref.row in zero}
    return _take(APPLICATIONS, places, issues, printed, zero=zeros)


_OTHER_ROWS = ("other_no_supplement", "other_fee_unpaid", "other_misc")


def _one_row_other(
    rows: dict[str, int],
    unplaced: dict[int, str],
    blank: dict[int, str],
    sheet: CellSheet,
    notes: list[str],
) -> set[str]:
    """（六）其他处理 printed as one row, as the 2019 table had it: its numbers go to （六）3.其他
    and the other two rows are 0 (the totals stay right); the rows it stands for, else none.
    The row may be all empty cells, as a portal page prints a row of nothing (&nbsp;)."""
    label = canonical_label("（六）其他处理")
    row = next((r for r, text in (unplaced | blank).items() if text == label), None)
    if row is None or any(key in rows for key in _OTHER_ROWS):
        return set()
    unplaced.pop(row, None)
    rows["other_misc"] = row
    notes.append(
        f"三、依申请公开表{sheet.where(row, 1)}的“（六）其他处理”只有一行（2019 年表格的写法），"
        "其数字已计入“（六）3.其他”，“1.申请人无正当理由逾期不补正…”和“2.申请人逾期未按收费通知"
        "要求缴纳费用…”两行记为 0，合计不变；请核对。"
    )
    return set(_OTHER_ROWS[:2])


def _loosely(
    rows: dict[str, int], unplaced: dict[int, str], sheet: CellSheet, notes: list[str]
) -> None:
    """Rows whose label has a typo (“2.其他法律行政止公开”), placed in ``rows`` where the rows
    found around them leave exactly as many places open as there are such rows, in order, and
    the wording is close; each named in a note. Nothing else is guessed."""
    order = APPLICATIONS.row_keys()
    found = [i for i, key in enumerate(order) if key in rows]
    bounds = [-1, *found, len(order)]
    for low, high in itertools.pairwise(bounds):
        gap = order[low + 1 : high]
        top = rows[order[low]] if low >= 0 else 0
        bottom = rows[order[high]] if high < len(order) else sys.maxsize
        candidates = sorted(r for r in unplaced if top < r < bottom)
        if not gap or len(candidates) != len(gap):
            continue
        for key, row in zip(gap, candidates, strict=True):
            prescribed = _label_of(APPLICATIONS, key)
            if _similarity(unplaced[row], canonical_label(prescribed)) < 0.6:
                continue
            rows[key] = row
            notes.append(
                f"三、依申请公开表{sheet.where(row, 1)}的“{unplaced.pop(row)}”与规定的"
                f"“{prescribed}”不完全相同，按它在表中的位置认作这一行；请核对。"
            )


def _similarity(text: str, label: str) -> float:
    return difflib.SequenceMatcher(None, text, label).ratio()


def _label_of(table: Table, row: str) -> str:
    return next(trail[-1] for ref, (trail, _) in table.label_paths.items() if ref.row == row)


def _read_proactive(
    cells: Cells, issues: Issues, printed: dict[CellRef, Value] | None
) -> dict[CellRef, Value]:
    """二: its four blocks in one table or in several (a row's headers are those above it in
    its own table), the first table holding 行政规范性文件 preferred when a label repeats."""
    anchors = cells.find("行政规范性文件")
    if not anchors:
        issues.append(("", "找不到“二、主动公开政府信息情况”表（没有“行政规范性文件”这一行）。"))
        return {}
    first = anchors[0][0]
    places: Places = {}
    headers = (
        ("issued", "本年制发件数"),
        ("repealed", "本年废止件数"),
        ("in_force", "现行有效件数"),
    )
    for block in PROACTIVE.blocks:
        for row_leaf in (leaf for node in block.rows for leaf in node.leaves()):
            found = cells.find(row_leaf.label, first) or cells.find(row_leaf.label)
            if not found:
                issues.append((first.title, f"二、主动公开表中找不到“{row_leaf.label}”这一行。"))
                continue
            sheet, row, col = found[0]
            for col_leaf in (leaf for node in block.columns for leaf in node.leaves()):
                ref = PROACTIVE.ref(row_leaf, col_leaf)
                header = next((label for key, label in headers if key == col_leaf.col), None)
                if header is None:
                    places[ref] = (sheet, row, _first_filled(sheet, row, col + 1))
                    continue
                above = [c for _, r, c in cells.find(header, sheet) if r < row]
                if not above:
                    issues.append((sheet.title, f"二、主动公开表中找不到“{col_leaf.label}”列。"))
                    continue
                places[ref] = (sheet, row, above[-1])
    return _take(PROACTIVE, places, issues, printed)


def _first_filled(sheet: CellSheet, row: int, col: int) -> int:
    """The cell right of a label holding its value (a merged range's value is in its first cell)."""
    for c in range(col, col + 4):
        if sheet.value(row, c) is not None:
            return c
    return col


def _read_review(
    cells: Cells, issues: Issues, printed: dict[CellRef, Value] | None
) -> dict[CellRef, Value]:
    anchors = cells.find("复议后起诉")
    review = cells.find("行政复议")
    if not anchors or not review:
        issues.append(("", "找不到“四、政府信息公开行政复议、行政诉讼情况”表。"))
        return {}
    sheet = anchors[0][0]
    top_row = min(r for s, r, _ in review if s is sheet)
    wanted = {canonical_label(label) for _, label in OUTCOME_COLUMNS}
    headers = sorted(
        (c, r)
        for s, r, c, _, key in cells.labels
        if s is sheet and key in wanted and top_row < r <= top_row + 3
    )
    if len(headers) != 15:
        issues.append(
            (sheet.title, f"四、复议诉讼表应有 15 个“结果维持…总计”表头，找到 {len(headers)} 个。")
        )
        return {}
    data_row = max(r for _, r in headers) + 1
    refs = [ref for ref in REVIEW_LITIGATION.cells]  # printed order: review, direct, after review
    places = {ref: (sheet, data_row, col) for ref, (col, _) in zip(refs, headers, strict=True)}
    return _take(REVIEW_LITIGATION, places, issues, printed)
