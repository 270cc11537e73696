"""The 审核结果 workbook of the county's desk: 汇总, 明细, 问题清单, 未报送, 重复.

The 汇总 is the summed report in the prescribed layout, written as any report's workbook is
(its sheets named 汇总…); 明细 has a row per unit with its key figures and a total row of the
units the 汇总 covers, which equals the 汇总's own figures.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from model.atomic import write_atomically
from model.problems import Problem, Severity
from model.report import describe_place

from .county_desk import KEY_FIGURES, Desk, Unit, figure
from .document import render
from .xlsx import TEXT_SHEET, build_workbook, text_units

_BOLD = Font(bold=True)
_WRAP, _TOP = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
_WIDEST = 50  # characters: a wider column would not leave the page room for the others


def write_review_workbook(desk: Desk, target: Path) -> None:
    """Write the workbook completely or not at all."""
    workbook = build_workbook(render(desk.summary), desk.summary)
    summed = desk.summed()
    for sheet in workbook.worksheets:
        if sheet.sheet_state == "visible":
            sheet.title = "汇总" if sheet.title == TEXT_SHEET else f"汇总 {sheet.title}"
    _table(
        workbook.create_sheet("明细"),
        ["单位", "年度", "来源文件", "状态", "错误", "警告", "上年报告", "是否计入汇总"]
        + [name for name, _ in KEY_FIGURES],
        [_detail(desk, unit, summed) for unit in desk.units],
        total=["合计（计入汇总的单位）", desk.year, "", "", "", "", "", ""]
        + [figure(desk.summary, cells) for _, cells in KEY_FIGURES],
    )
    _table(
        workbook.create_sheet("问题清单"),
        ["单位", "严重程度", "规则", "说明", "位置", "规则代码"],
        [
            [unit.name, p.severity.label, p.rule_name, p.message, _places(p), p.rule]
            for unit in desk.units
            for p in unit.problems
        ]
        + [
            [unit.name, "无法读取", "", unit.reason, str(unit.source), ""]
            for unit in desk.units
            if unit.reason
        ],
    )
    _table(workbook.create_sheet("未报送"), ["单位"], [[unit.name] for unit in desk.missing])
    _table(
        workbook.create_sheet("重复"),
        ["单位", "来源文件", "处理"],
        [
            [unit.name, str(unit.source), "未计入（重复）" if unit.duplicate else "计入"]
            for unit in desk.duplicates
        ],
    )
    write_atomically(target, workbook.save)


def write_unit_problems(desk: Desk, unit: Unit, target: Path) -> None:
    """What the county sends a township back: its problems, as a short workbook (.xlsx) or
    Word document (.docx), complete or not at all."""
    title = f"{unit.name}{desk.year}年度政府信息公开工作年度报告审核意见"
    status = (
        f"来源文件：{unit.source.name if unit.source else '（未报送）'}；审核结果：{unit.status}。"
    )
    header = ["序号", "严重程度", "规则", "说明", "位置"]
    rows: list[list[object]] = [
        [i, p.severity.label, p.rule_name, p.message, _places(p)]
        for i, p in enumerate(unit.problems, start=1)
    ]
    if unit.reason:
        rows.append([len(rows) + 1, "无法读取", "", unit.reason, ""])
    if target.suffix.lower() == ".docx":
        from docx import Document

        document = Document()
        document.add_heading(title, level=1)
        document.add_paragraph(status)
        table = document.add_table(rows=1 + len(rows), cols=len(header))
        table.style = "Table Grid"
        for r, values in enumerate([header, *rows]):
            for c, value in enumerate(values):
                table.cell(r, c).text = str(value)
        if not rows:
            document.add_paragraph("未发现问题。")
        write_atomically(target, document.save)
        return
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "审核意见"
    sheet.append([title])
    sheet.append([status])
    sheet["A1"].font = _BOLD
    _table(sheet, header, rows or [["", "", "", "未发现问题。", ""]], first_row=3)
    write_atomically(target, workbook.save)


def _places(problem: Problem) -> str:
    return "、".join(describe_place(path) for path in problem.cells)


def _detail(desk: Desk, unit: Unit, summed: list[Unit]) -> list[object]:
    return [
        unit.name,
        unit.report.year if unit.report else desk.year,
        unit.source.name if unit.source else "",
        unit.verdict,
        unit.count(Severity.ERROR),
        unit.count(Severity.WARNING),
        "有" if unit.previous_found else "无",
        "是" if unit in summed else "否",
        *(unit.figure(cells) for _, cells in KEY_FIGURES),
    ]


def _width(value: object) -> int:
    return text_units(str(value if value is not None else ""))


def _table(
    sheet: Worksheet,
    header: list[str],
    rows: list[list[object]],
    total: list[object] | None = None,
    first_row: int = 1,
) -> None:
    """``header`` on ``first_row`` (after what the sheet already holds), then the rows."""
    sheet.append(header)
    for cell in sheet[first_row]:
        cell.font = _BOLD
    for row in rows:
        sheet.append([value if value is not None else "" for value in row])
    if total is not None:
        sheet.append(total)
        for cell in sheet[sheet.max_row]:
            cell.font = _BOLD
    lines = dict.fromkeys(range(first_row + 1, sheet.max_row + 1), 1)
    for column in sheet.iter_cols(min_row=first_row, max_row=sheet.max_row):
        longest = max(_width(cell.value) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(_WIDEST, max(6, longest + 2))
        wraps = longest + 2 > _WIDEST  # a long message wraps in its cell instead of being cut
        for cell in column[1:]:
            cell.alignment = _WRAP if wraps else _TOP
            if wraps:
                lines[cell.row] = max(lines[cell.row], -(-_width(cell.value) // (_WIDEST - 2)))
    for row, count in lines.items():  # a program reading the file may not fit rows to wraps
        if count > 1:
            sheet.row_dimensions[row].height = 15 * count
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"{first_row}:{first_row}"
    sheet.freeze_panes = f"A{first_row + 1}"
