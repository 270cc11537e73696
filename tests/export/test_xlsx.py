"""The Excel workbook: read back as a stranger would, round trip, hand-made variants, refusals,
and a real spreadsheet program reading it."""

from __future__ import annotations

import os
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl.utils import get_column_letter

from export.document import render
from export.reading.xlsx_import import read_xlsx
from export.xlsx import DATA_SHEET, TABLE_SHEETS, write_xlsx
from model.atomic import WriteError
from model.checks import check_report
from model.format.declaration import CellRef
from model.format.format_2021 import TABLES
from model.package import to_package
from model.refusal import FileRefused
from model.report import Report
from tests.helpers import sample_report
from tests.strategies import valid_reports

from .office import office_convert, office_text, office_words
from .workbooks import hand_made, rewrite_entry


def export(report: Report, path: Path, *, errors: bool = False) -> Path:
    problems = [p for p in check_report(report) if p.severity.value == "error"] if errors else []
    write_xlsx(render(report, errors=problems), report, path)
    return path


def find(sheet, text: str):  # type: ignore[no-untyped-def]
    """The first cell holding a label, as someone reading the sheet would find it."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell
    raise AssertionError(f"{text!r} not on {sheet.title}")


def test_a_stranger_finds_every_label_and_number(tmp_path: Path) -> None:
    report = sample_report()
    report.set_value(CellRef("applications", "new_requests", "commercial"), 7)
    report.set_value(CellRef("applications", "disclosed", "commercial"), 7)
    report.set_value(CellRef("proactive", "fees", "amount"), Decimal("12.3456"))
    book = openpyxl.load_workbook(export(report, tmp_path / "r.xlsx"))
    assert book.sheetnames == [
        "报告正文",
        "二、主动公开",
        "三、依申请公开",
        "四、复议诉讼",
        DATA_SHEET,
    ]
    assert book[DATA_SHEET].sheet_state == "hidden"
    three = book["三、依申请公开"]
    label = find(three, "一、本年新收政府信息公开申请数量")
    commercial = find(three, "商业企业")
    number = three.cell(row=label.row, column=commercial.column)
    assert number.value == 7 and number.data_type == "n"
    total = three.cell(row=label.row, column=find(three, "总计").column)
    assert total.value == 7 and total.data_type == "n"  # a value, not a formula
    assert total.font.b and not number.font.b and number.font.name == "宋体"  # totals in bold
    assert number.alignment.horizontal == "center" and label.alignment.horizontal == "left"
    merged = {str(r) for r in three.merged_cells.ranges}
    assert {
        "A4:C6",
        "D4:J4",
        "E5:I5",
        "J5:J6",
        "D5:D6",
        "A9:A30",
        "B11:B18",
        "A7:C7",
        "B30:C30",
    } <= merged
    # Every edge cell of a merged range has its border, not only the first one.
    assert three["A5"].border.left.style == "thin" and three["C5"].border.right.style == "thin"
    assert three["B6"].border.bottom.style == "thin" and three["B4"].border.top.style == "thin"
    assert three.print_title_rows == "$4:$6"
    fee = book["二、主动公开"].cell(row=find(book["二、主动公开"], "行政事业性收费").row, column=2)
    assert fee.value == pytest.approx(12.3456) and fee.data_type == "n"
    four = book["四、复议诉讼"]
    assert four.page_setup.orientation == "landscape"
    assert sum(1 for row in four.iter_rows() for c in row if c.value == "结果维持") == 3
    text = book["报告正文"]
    assert find(text, "海原县关桥乡人民政府2021年政府信息公开工作年度报告").font.b
    assert int(text.page_setup.paperSize) == 9  # A4
    assert text.oddFooter.center.text == "第 &P 页，共 &N 页"
    for name in TABLE_SHEETS.values():
        assert book[name].sheet_properties.pageSetUpPr.fitToPage
        assert book[name].print_options.horizontalCentered


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    report = sample_report()
    report.organization = '=HYPERLINK("http://x","点我")乡人民政府'
    report.texts.other = "=1+1"
    book = openpyxl.load_workbook(export(report, tmp_path / "f.xlsx"))
    title = book["三、依申请公开"]["A1"]
    assert title.data_type == "s" and str(title.value).startswith("=HYPERLINK")
    with zipfile.ZipFile(tmp_path / "f.xlsx") as archive:
        sheets = "".join(
            archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")
        )
    assert "<f>" not in sheets


@settings(
    deadline=None, max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(valid_reports())
def test_export_then_import_gives_the_same_package(tmp_path: Path, report: Report) -> None:
    result = read_xlsx(export(report, tmp_path / "g.xlsx"))
    assert result.notes == [] and result.status_known  # the hidden data package records it
    assert to_package(result.report) == to_package(report)


def test_a_report_with_errors_is_marked_draft_on_every_sheet(tmp_path: Path) -> None:
    report = sample_report()
    report.set_value(CellRef("applications", "new_requests", "research"), 1)
    book = openpyxl.load_workbook(export(report, tmp_path / "d.xlsx", errors=True))
    for name in ("报告正文", *TABLE_SHEETS.values()):
        assert book[name].oddHeader.center.text == "草稿"
    assert str(book["报告正文"]["A1"].value).startswith("草稿：报告尚有 1 个错误")
    assert str(book["三、依申请公开"]["A3"].value).startswith("草稿")


def test_a_hand_made_workbook_is_read_by_its_labels(tmp_path: Path) -> None:
    result = read_xlsx(hand_made(tmp_path / "手工.xlsx"))
    assert not result.status_known
    report = result.report
    assert (report.organization, report.year) == ("海原县关桥乡人民政府", 2021)
    assert report.value(CellRef("applications", "new_requests", "natural_person")) == 3
    assert report.value(CellRef("applications", "carried_forward", "total")) == 1
    assert report.value(CellRef("proactive", "normative_documents", "repealed")) == 1
    assert report.value(CellRef("proactive", "licensing", "decisions")) == 12
    assert report.value(CellRef("proactive", "penalty", "decisions")) == 0
    assert report.value(CellRef("proactive", "fees", "amount")) == Decimal("0.035")
    assert report.value(CellRef("review_litigation", "litigation_direct", "pending")) == 2
    errors = [p.rule for p in check_report(report) if p.severity.value == "error"]
    assert errors == ["E-section", "E-section", "E-section"]  # a hand-made workbook has no texts
    assert result.notes == [
        "这个工作簿不是年报助手导出的，只导入了机关名称、年度和二、三、四表格中的数字；"
        "基本信息和一、五、六的文字请在程序中填写。"
    ]


def test_visible_numbers_win_over_the_hidden_package_and_it_says_so(tmp_path: Path) -> None:
    path = export(sample_report(), tmp_path / "e.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["四、复议诉讼"]
    sheet["A7"], sheet["E7"] = 2, 2  # 结果维持 and its 总计, edited together in Excel
    book.save(path)
    result = read_xlsx(path)
    assert result.report.value(CellRef("review_litigation", "review", "upheld")) == 2
    assert "1 个数字与工作簿内隐藏的数据包不一致" in result.notes[0]
    assert result.report.texts.other == "无其他需要报告的事项。"  # the rest from the hidden sheet


def test_a_total_that_disagrees_is_refused_naming_the_cell(tmp_path: Path) -> None:
    path = hand_made(tmp_path / "bad.xlsx", values={"(七)总计": [2, 1, 0, 0, 0, 0, 4]})
    with pytest.raises(FileRefused) as refused:
        read_xlsx(path)
    assert refused.value.issues == [
        ("Sheet1!J48", "「（七）总计」行「总计」列的合计数 4 与各项之和 3 不符（E-R2）。")
    ]


def test_unreadable_cells_are_listed_and_nothing_imported(tmp_path: Path) -> None:
    path = hand_made(tmp_path / "text.xlsx", values={"(一) 予以公开": [2, "一", 0, 0, -1, 0, 3]})
    with pytest.raises(FileRefused) as refused:
        read_xlsx(path)
    where = [w for w, _ in refused.value.issues]
    assert where[:2] == ["Sheet1!E27", "Sheet1!H27"]
    assert "不是数字" in str(refused.value) and "负数" in str(refused.value)


def test_a_2019_layout_is_refused_by_name(tmp_path: Path) -> None:
    path = hand_made(tmp_path / "2019.xlsx")
    book = openpyxl.load_workbook(path)
    book.active["B6"] = "本年新制作数量"
    book.save(path)
    with pytest.raises(FileRefused, match="2019年试行格式"):
        read_xlsx(path)


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
            "旧版 Excel（.xls）、WPS 表格（.et）",
        ),
        (b"just some text", "不是 Excel 工作簿"),
    ],
)
def test_files_that_are_not_workbooks_are_named(tmp_path: Path, content: bytes, says: str) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    with pytest.raises(FileRefused, match=says):
        read_xlsx(path)


def test_a_zip_that_is_not_a_workbook_and_a_zip_bomb(tmp_path: Path) -> None:
    plain = tmp_path / "plain.xlsx"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(FileRefused, match="不是 Excel 工作簿"):
        read_xlsx(plain)
    bomb = rewrite_entry(
        export(sample_report(), tmp_path / "ok.xlsx"),
        tmp_path / "bomb.xlsx",
        "docProps/app.xml",
        lambda data: data + b" " * (20 << 20),
    )
    with pytest.raises(FileRefused, match="压缩炸弹"):
        read_xlsx(bomb)


def test_a_sheet_claiming_a_million_rows_is_refused_before_loading(tmp_path: Path) -> None:
    source = export(sample_report(), tmp_path / "ok.xlsx")
    huge = rewrite_entry(
        source,
        tmp_path / "huge.xlsx",
        "xl/worksheets/sheet2.xml",
        lambda data: data.replace(b'<dimension ref="A1:D17"', b'<dimension ref="A1:XFD1048576"', 1),
    )
    assert b"XFD1048576" in zipfile.ZipFile(huge).read("xl/worksheets/sheet2.xml")
    with pytest.raises(FileRefused, match="1048576 行"):
        read_xlsx(huge)


def test_xml_entity_tricks_are_refused_or_never_expanded(tmp_path: Path) -> None:
    """Worksheets are parsed through defusedxml (refused); the workbook part through lxml with
    entities left unresolved when lxml is installed (python-docx brings it): never expanded."""
    import contextlib

    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML
    levels = "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10))
    laughs = f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">{levels}]>'.encode()

    def inject(data: bytes) -> bytes:  # the declarations alone are what defusedxml refuses
        return laughs + (data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data)

    source = export(sample_report(), tmp_path / "ok.xlsx")
    bad_sheet = rewrite_entry(source, tmp_path / "sheet.xlsx", "xl/worksheets/sheet1.xml", inject)
    with pytest.raises(FileRefused, match="无法作为Excel 工作簿"):
        read_xlsx(bad_sheet)
    bad_book = rewrite_entry(source, tmp_path / "book.xlsx", "xl/workbook.xml", inject)
    with contextlib.suppress(FileRefused):  # refused, or read with the entities unexpanded
        read_xlsx(bad_book)


def test_a_failed_export_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"the previous export")

    def broken(self, filename):  # type: ignore[no-untyped-def]
        filename.write(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken)
    with pytest.raises(OSError, match="disk full"):
        export(sample_report(), target)
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_a_target_that_cannot_be_replaced_gets_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(src, dst):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(WriteError, match="可能正被其他程序（如 Excel、WPS）打开"):
        export(sample_report(), tmp_path / "locked.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_libreoffice_reads_the_workbook(tmp_path: Path) -> None:
    report = sample_report()
    report.set_value(CellRef("applications", "new_requests", "legal_service"), 123456789)
    report.set_value(CellRef("applications", "unprocessed_repeated", "legal_service"), 123456789)
    flat = office_text(export(report, tmp_path / "报告.xlsx"))
    for label in (
        "申请人情况",
        "法人或其他组织",
        "3.危及“三安全一稳定”",
        "5.要求行政机关确认或重新出具已获取信息",
        "未经复议直接起诉",
        "本年收费金额（单位：万元）",
        "无其他需要报告的事项。",
        "123456789",
    ):
        assert "".join(label.split()) in flat, label
    assert len(TABLES) == 3


def test_a_formula_without_its_result_and_a_merged_data_cell_are_never_read_as_0(
    tmp_path: Path,
) -> None:
    """What a program other than Excel/WPS may write: a formula whose result was never stored;
    what a clerk may do: merge two data cells. Either would silently become 0."""
    source = export(sample_report(), tmp_path / "ours.xlsx")
    book = openpyxl.load_workbook(source)
    sheet = book[TABLE_SHEETS["applications"]]
    row = find(sheet, "（一）予以公开").row
    col = find(sheet, "自然人").column
    sheet.cell(row=row, column=col).value = "=1+1"  # openpyxl stores no result
    book.save(tmp_path / "formula.xlsx")
    with pytest.raises(FileRefused, match="没有保存公式的计算结果") as refused:
        read_xlsx(tmp_path / "formula.xlsx")
    assert f"{get_column_letter(col)}{row}" in str(refused.value)
    book = openpyxl.load_workbook(source)
    sheet = book[TABLE_SHEETS["applications"]]
    sheet.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + 1)
    book.save(tmp_path / "merged.xlsx")
    with pytest.raises(FileRefused, match="被合并") as refused:
        read_xlsx(tmp_path / "merged.xlsx")
    assert f"{get_column_letter(col + 1)}{row}" in str(refused.value)
    book = openpyxl.load_workbook(source)  # a merge over the whole data region, rows and columns
    sheet = book[TABLE_SHEETS["applications"]]
    sheet.merge_cells(start_row=row, start_column=col, end_row=row + 400, end_column=col + 6)
    book.save(tmp_path / "merged_wide.xlsx")
    with pytest.raises(FileRefused, match="被合并"):
        read_xlsx(tmp_path / "merged_wide.xlsx")


@pytest.mark.parametrize(
    ("heading", "paper_width"),
    [
        ("二、主动公开政府信息情况", 595),
        ("三、收到和处理政府信息公开申请情况", 595),
        ("四、政府信息公开行政复议、行政诉讼情况", 842),
    ],
)
def test_each_table_prints_across_its_page_in_a_legible_size(
    tmp_path: Path, heading: str, paper_width: float
) -> None:
    """Printed (LibreOffice's PDF), a table spans most of the page's width at about the 10 pt it
    was written in — not shrunk to fit wide columns into a corner of the page."""
    pdf = office_convert(export(sample_report(), tmp_path / "报告.xlsx"), "pdf", tmp_path)
    pages = [words for words in office_words(pdf) if any(w[0] == heading for w in words)]
    page = pages[-1]  # the table's sheet: the text sheet before it names the heading too
    top = next(w[4] for w in page if w[0] == heading)
    table = [w for w in page if w[2] > top and not w[0].startswith("第")]  # not the page number
    span = max(w[3] for w in table) - min(w[1] for w in table)
    assert span > 0.8 * paper_width
    heights = sorted(w[4] - w[2] for w in table)
    assert heights[len(heights) // 2] > 9  # the median word's height, in points


def test_a_mistyped_row_label_is_placed_by_the_order_around_it_and_named(tmp_path: Path) -> None:
    path = hand_made(tmp_path / "手工.xlsx", values={"(一) 予以公开": [2, 1, 0, 0, 0, 0, 3]})
    book = openpyxl.load_workbook(path)
    sheet = book.active
    typo = find(sheet, "4.保护第三方合法权益")
    typo.value = "4.保护第三方合权益"  # a character dropped
    for col, number in enumerate([0, 0, 0, 0, 0, 0, 0], start=4):
        sheet.cell(row=typo.row, column=col, value=number)
    book.save(path)
    read = read_xlsx(path)
    assert any("4.保护第三方合权益" in note and "按它在表中的位置" in note for note in read.notes)
    assert (
        read.report.values[CellRef("applications", "withheld_third_party", "natural_person")] == 0
    )


def test_a_label_unlike_any_row_is_named_not_guessed(tmp_path: Path) -> None:
    path = hand_made(tmp_path / "手工.xlsx")
    book = openpyxl.load_workbook(path)
    find(book.active, "4.保护第三方合法权益").value = "另外一种情形"
    book.save(path)
    with pytest.raises(FileRefused, match=r"4\.保护第三方合法权益"):
        read_xlsx(path)


def test_other_handling_printed_as_one_row_goes_to_its_third_line_with_a_note(
    tmp_path: Path,
) -> None:
    """The 2019 table's one row （六）其他处理 kept in a 2021 report: its numbers become （六）3.其他,
    the two other lines 0, the totals right."""
    path = hand_made(
        tmp_path / "手工.xlsx",
        values={"(一) 予以公开": [1, 1, 0, 0, 0, 0, 2], "(七)总计": [2, 1, 0, 0, 0, 0, 3]},
    )
    book = openpyxl.load_workbook(path)
    sheet = book.active
    first = find(sheet, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请").row
    sheet.delete_rows(first + 1, 2)
    sheet.cell(row=first, column=3).value = None
    for col, number in enumerate([1, 0, 0, 0, 0, 0, 1], start=4):
        sheet.cell(row=first, column=col, value=number)
    book.save(path)
    read = read_xlsx(path)
    values = read.report.values
    assert values[CellRef("applications", "other_misc", "natural_person")] == 1
    assert values[CellRef("applications", "other_no_supplement", "natural_person")] == 0
    assert values[CellRef("applications", "other_fee_unpaid", "natural_person")] == 0
    assert any("（六）其他处理" in note and "3.其他" in note for note in read.notes)


@pytest.mark.parametrize("longer", [0, 3, 7])
def test_the_text_sheet_never_ends_a_page_with_a_heading(tmp_path: Path, longer: int) -> None:
    """Its page breaks are ours (LibreOffice adds none), and none leaves a heading, or the 落款's
    name without its date, at the foot of a page; ``longer`` moves the breaks about."""
    import subprocess

    from export.xlsx import TEXT_SHEET

    report = sample_report()
    report.texts.overview.intro += "本年度继续推进政务公开标准化规范化工作。" * 12 * longer
    target = tmp_path / "报告.xlsx"
    write_xlsx(render(report), report, target)
    book = openpyxl.load_workbook(target)
    sheet = book[TEXT_SHEET]
    breaks = [brk.id for brk in sheet.row_breaks.brk]
    heights = [sheet.row_dimensions[row].height for row in range(1, sheet.max_row + 1)]
    assert max(heights) <= 409  # Excel cuts a taller row: a long paragraph takes several
    for last in breaks:  # the last row of a page
        cell = sheet.cell(row=last, column=1)
        assert not cell.font.b, f"a heading ends a page: {cell.value}"
        assert cell.value != report.organization
    for other in [name for name in book.sheetnames if name != TEXT_SHEET]:
        del book[other]
    book.save(target)
    pdf = office_convert(target, "pdf", tmp_path)
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert f"Pages:           {len(breaks) + 1}" in pages.stdout
