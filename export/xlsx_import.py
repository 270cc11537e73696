"""Reading a workbook back: one this program wrote, and the common hand-made variants.

Tables are found by their labels, not by fixed coordinates, and the label variants of
format-2021.md are accepted; blank cells are 0. The visible tables are the truth for numbers;
the hidden data package (when there is one) supplies everything else, and where the two disagree
the import says so. Anything that cannot be read is reported — sheet, cell, why — and then nothing
is imported. A file is looked at before openpyxl opens it, so a file that is not a workbook, an
encrypted one, a zip bomb or a sheet claiming a million rows is refused quickly and cheaply;
openpyxl parses the XML through defusedxml (a declared dependency), so entity tricks are refused.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from model.cell_input import InputError, Value, parse_cell
from model.declaration import CellRef, Kind, Role, Table
from model.format_2019 import NAME_2019, recognise_format
from model.format_2021 import (
    APPLICANT_COLUMNS,
    APPLICATIONS,
    OUTCOME_COLUMNS,
    PROACTIVE,
    REVIEW_LITIGATION,
    TABLES,
    TOTAL_COLUMN,
)
from model.labels import canonical_label
from model.package import PackageError, read_package
from model.report import Report, computed_values

from .xlsx import DATA_MARK, DATA_SHEET

MAX_UNPACKED = 100 * 1024 * 1024  # bytes, all entries together
MAX_RATIO = 200  # uncompressed / compressed, per entry of more than 1 MiB
MAX_ROWS, MAX_COLS = 5000, 200
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+(?::([A-Z]+)(\d+))?"')
_TITLE = re.compile(r"^(.*?)\s*(\d{4})\s*年度?\s*政府信息公开工作年度报告$")


class WorkbookError(ValueError):
    """Nothing was imported; ``issues`` are (where, why) pairs: sheet and cell, and the reason."""

    def __init__(self, issues: list[tuple[str, str]]) -> None:
        self.issues = issues
        super().__init__("\n".join(f"{where}：{why}" if where else why for where, why in issues))


@dataclass
class ImportResult:
    report: Report
    notes: list[str] = field(
        default_factory=list
    )  # what the user should know (visible numbers won…)


def read_xlsx(path: Path) -> ImportResult:
    check_container(path)
    workbook = _open(path)
    cells = _Cells(workbook)
    if recognise_format(cells.texts()) == 2019:
        raise WorkbookError([("", f"这个工作簿是{NAME_2019}的表格，目前尚不支持导入。")])
    issues: list[tuple[str, str]] = []
    values: dict[CellRef, Value] = {}
    for reader in (_read_proactive, _read_applications, _read_review):
        values |= reader(cells, issues)
    base = _hidden_report(workbook, issues)
    if issues:
        raise WorkbookError(issues)
    notes: list[str] = []
    if base is None:
        report = _report_from_title(cells, issues)
        if issues:
            raise WorkbookError(issues)
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
    return ImportResult(report, notes)


# ── the file, before openpyxl sees it ──


def check_container(path: Path) -> None:
    name = path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise WorkbookError([("", f"找不到文件：{path}")]) from None
    except OSError as exc:
        raise WorkbookError([("", f"无法读取 {name}：{exc.strerror or exc}")]) from None
    if head == _OLE:
        raise WorkbookError(
            [
                (
                    "",
                    f"{name} 是旧版 Excel（.xls）、WPS 表格（.et）文件或加了密码的工作簿，不能直接读取。"
                    "请在 Excel 或 WPS 中“另存为” .xlsx（不设密码）后再导入。",
                )
            ]
        )
    if not zipfile.is_zipfile(path):
        raise WorkbookError([("", f"{name} 不是 Excel 工作簿（.xlsx）。")])
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            if "xl/workbook.xml" not in {e.filename for e in entries}:
                raise WorkbookError([("", f"{name} 是压缩文件，但不是 Excel 工作簿（.xlsx）。")])
            if sum(e.file_size for e in entries) > MAX_UNPACKED:
                raise WorkbookError(
                    [("", f"{name} 解压后超过 100 MB，不像是一份年度报告，已拒绝读取。")]
                )
            for entry in entries:
                if entry.file_size > 1 << 20 and entry.file_size > MAX_RATIO * max(
                    entry.compress_size, 1
                ):
                    raise WorkbookError(
                        [
                            (
                                "",
                                f"{name} 中的 {entry.filename} 压缩比异常（疑似“压缩炸弹”），已拒绝读取。",
                            )
                        ]
                    )
                if entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml"):
                    _check_dimension(name, entry.filename, archive.open(entry).read(4096))
    except zipfile.BadZipFile as exc:
        raise WorkbookError([("", f"{name} 已损坏，无法读取（{exc}）。")]) from None


def _check_dimension(name: str, entry: str, head: bytes) -> None:
    match = _DIMENSION.search(head)
    if match is None or match.group(1) is None:
        return
    rows = int(match.group(2))
    cols = 0
    for letter in match.group(1).decode():
        cols = cols * 26 + ord(letter) - 64
    if rows > MAX_ROWS or cols > MAX_COLS:
        raise WorkbookError(
            [
                (
                    "",
                    f"{name} 的工作表 {entry.rsplit('/', 1)[-1]} 声称有 {rows} 行 {cols} 列，远超年度报告表格的大小，已拒绝读取。",
                )
            ]
        )


def _open(path: Path) -> dict[str, _Sheet]:
    from openpyxl import load_workbook

    try:
        # Read-only: merged ranges are not needed (a merged value sits in its first cell) and
        # binding them is most of openpyxl's load time.
        book = load_workbook(path, data_only=True, read_only=True)
        try:
            return {ws.title: _Sheet(ws) for ws in book.worksheets}
        finally:
            book.close()
    except Exception as exc:  # openpyxl raises many kinds; each means the same to the user
        raise WorkbookError(
            [("", f"{path.name} 无法作为 Excel 工作簿打开：{type(exc).__name__}: {exc}")]
        ) from None


# ── finding cells by their labels ──


class _Sheet:
    """A worksheet's values by (row, column), both from 1: read once, looked up cheaply."""

    def __init__(self, worksheet: _Sheet) -> None:
        self.title: str = worksheet.title
        self.values: dict[tuple[int, int], Any] = {}
        for r, row in enumerate(
            worksheet.iter_rows(min_row=1, min_col=1, values_only=True), start=1
        ):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    self.values[(r, c)] = value
        self.max_row = max((r for r, _ in self.values), default=0)

    def value(self, row: int, col: int) -> Any:
        return self.values.get((row, col))

    def where(self, row: int, col: int) -> str:
        return f"{self.title}!{get_column_letter(col)}{row}"


class _Cells:
    """Every text cell of every visible sheet, by canonical label."""

    def __init__(self, workbook: dict[str, _Sheet]) -> None:
        self.sheets = [sheet for title, sheet in workbook.items() if title != DATA_SHEET]
        self.labels: list[tuple[_Sheet, int, int, str, str]] = []  # sheet, row, col, text, key
        for sheet in self.sheets:
            for (r, c), value in sorted(sheet.values.items()):
                if isinstance(value, str) and value.strip():
                    self.labels.append((sheet, r, c, value, canonical_label(value)))

    def texts(self) -> list[str]:
        return [text for _, _, _, text, _ in self.labels]

    def find(self, label: str, sheet: _Sheet | None = None) -> list[tuple[_Sheet, int, int]]:
        wanted = canonical_label(label)
        return [
            (s, r, c)
            for s, r, c, _, key in self.labels
            if key == wanted and (sheet is None or s is sheet)
        ]

    def row_text(self, sheet: _Sheet, row: int, before_col: int) -> tuple[str, str]:
        """The labels of a row left of the data: (all joined, the last one), canonical."""
        parts = sorted(
            (c, text)
            for s, r, c, text, _ in self.labels
            if s is sheet and r == row and c < before_col
        )
        joined = canonical_label("".join(text for _, text in parts))
        return joined, canonical_label(parts[-1][1]) if parts else ""


def _value(
    sheet: _Sheet, row: int, col: int, kind: Kind, issues: list[tuple[str, str]]
) -> Value | None:
    raw = sheet.value(row, col)
    where = sheet.where(row, col)
    if raw is None:
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


def _take(
    table: Table,
    sheet: _Sheet,
    places: dict[CellRef, tuple[int, int]],
    issues: list[tuple[str, str]],
) -> dict[CellRef, Value]:
    """Read every cell; typed ones are returned, computed ones must agree with their parts."""
    read = {ref: _value(sheet, r, c, table.kind(ref), issues) for ref, (r, c) in places.items()}
    typed = {ref: v for ref, v in read.items() if v is not None and table.role(ref) is Role.INPUT}
    derived = computed_values(table, typed)
    rules = {rule.target: rule.rule for rule in table.sums}
    for ref, given in read.items():
        if ref in derived and given is not None and given != derived[ref]:
            r, c = places[ref]
            issues.append(
                (
                    sheet.where(r, c),
                    f"{table.describe(ref)}的合计数 {given} 与各项之和 {derived[ref]} 不符（E-{rules[ref]}）。",
                )
            )
    return typed


def _read_applications(cells: _Cells, issues: list[tuple[str, str]]) -> dict[CellRef, Value]:
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
    for row in range(header_row + 1, sheet.max_row + 1):
        joined, last = cells.row_text(sheet, row, first_data_col)
        found = [
            (len(label), key)
            for label, key in leaves.items()
            if label in (last, joined[-len(label) :])
        ]
        if not found:
            continue
        key = max(found)[1]  # the longest label that fits: 3.其他 is not 其他
        if key in rows:
            issues.append(
                (f"{sheet.title}!A{row}", f"“{_label_of(APPLICATIONS, key)}”这一行出现了两次。")
            )
        rows[key] = row
    missing = [_label_of(APPLICATIONS, key) for key in APPLICATIONS.row_keys() if key not in rows]
    if missing:
        issues.append((sheet.title, "三、依申请公开表中找不到这些行：" + "、".join(missing)))
        return {}
    places = {ref: (rows[ref.row], columns[ref.col]) for ref in APPLICATIONS.cells}
    return _take(APPLICATIONS, sheet, places, issues)


def _label_of(table: Table, row: str) -> str:
    return next(trail[-1] for ref, (trail, _) in table.label_paths.items() if ref.row == row)


def _read_proactive(cells: _Cells, issues: list[tuple[str, str]]) -> dict[CellRef, Value]:
    anchors = cells.find("行政规范性文件")
    if not anchors:
        issues.append(("", "找不到“二、主动公开政府信息情况”表（没有“行政规范性文件”这一行）。"))
        return {}
    sheet = anchors[0][0]
    places: dict[CellRef, tuple[int, int]] = {}
    headers = {
        key: cells.find(label, sheet)
        for key, label in (
            ("issued", "本年制发件数"),
            ("repealed", "本年废止件数"),
            ("in_force", "现行有效件数"),
        )
    }
    for block in PROACTIVE.blocks:
        for row_leaf in (leaf for node in block.rows for leaf in node.leaves()):
            found = cells.find(row_leaf.label, sheet)
            if not found:
                issues.append((sheet.title, f"二、主动公开表中找不到“{row_leaf.label}”这一行。"))
                continue
            _, row, col = found[0]
            for col_leaf in (leaf for node in block.columns for leaf in node.leaves()):
                ref = PROACTIVE.ref(row_leaf, col_leaf)
                if col_leaf.col in headers:
                    above = [c for _, r, c in headers[col_leaf.col] if r < row]
                    if not above:
                        issues.append(
                            (sheet.title, f"二、主动公开表中找不到“{col_leaf.label}”列。")
                        )
                        continue
                    places[ref] = (row, above[-1])
                else:
                    places[ref] = (row, _first_filled(sheet, row, col + 1))
    return _take(PROACTIVE, sheet, places, issues)


def _first_filled(sheet: _Sheet, row: int, col: int) -> int:
    """The cell right of a label holding its value (a merged range's value is in its first cell)."""
    for c in range(col, col + 4):
        if sheet.value(row, c) is not None:
            return c
    return col


def _read_review(cells: _Cells, issues: list[tuple[str, str]]) -> dict[CellRef, Value]:
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
    places = {ref: (data_row, col) for ref, (col, _) in zip(refs, headers, strict=True)}
    return _take(REVIEW_LITIGATION, sheet, places, issues)


# ── what is not in the tables ──


def _hidden_report(workbook: dict[str, _Sheet], issues: list[tuple[str, str]]) -> Report | None:
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
    except PackageError as error:
        issues.append((f"{DATA_SHEET}!A2", f"隐藏的数据包无法读取：{error}"))
        return None


def _report_from_title(cells: _Cells, issues: list[tuple[str, str]]) -> Report:
    for sheet, row, col, text, _ in cells.labels:
        match = _TITLE.match(re.sub(r"\s+", "", text))
        if match is None:
            continue
        organization = match.group(1)
        if not organization:  # the title on two lines: the name in the cell above
            above = [t for s, r, c, t, _ in cells.labels if s is sheet and c == col and r < row]
            organization = above[-1].strip() if above else ""
        if organization:
            return Report(organization, int(match.group(2)))
    issues.append(
        ("", "找不到报告标题“〈机关名称〉〈年〉年政府信息公开工作年度报告”，无法确定机关和年度。")
    )
    return Report("", None)
