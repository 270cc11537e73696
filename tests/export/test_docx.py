"""The Word document: read back with python-docx, and converted by a real word processor."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from export.document import render
from export.docx import write_docx
from model.checks import check_report
from model.format.declaration import CellRef
from model.report import Report
from tests.helpers import sample_report

from .office import office_text


def export(report: Report, path: Path, *, errors: bool = False) -> Path:
    problems = [p for p in check_report(report) if p.severity.value == "error"] if errors else []
    write_docx(render(report, errors=problems), report, path)
    return path


def east_asian_font(style) -> str | None:  # type: ignore[no-untyped-def]
    fonts = style.element.rPr.find(qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def test_text_styles_and_fonts(tmp_path: Path) -> None:
    document = Document(str(export(sample_report(), tmp_path / "r.docx")))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Title"] == ["海原县关桥乡人民政府2021年政府信息公开工作年度报告"]
    assert by_style["Heading 1"] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert by_style["Heading 2"][0] == "（一）主动公开情况" and len(by_style["Heading 2"]) == 5
    assert any(
        text.startswith("根据《中华人民共和国政府信息公开条例》") for text in by_style["Normal"]
    )
    assert "无其他需要报告的事项。" in by_style["Normal"]
    styles = document.styles
    assert east_asian_font(styles["Normal"]) == "仿宋"
    assert east_asian_font(styles["Heading 1"]) == "黑体"
    assert east_asian_font(styles["Heading 2"]) == "楷体"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.page_width.mm - section.left_margin.mm - section.right_margin.mm) == 156
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "fldChar" in footer


def test_tables_with_the_prescribed_merges_and_numbers(tmp_path: Path) -> None:
    report = sample_report()
    report.set_value(CellRef("applications", "new_requests", "commercial"), 7)
    report.set_value(CellRef("applications", "disclosed", "commercial"), 7)
    document = Document(str(export(report, tmp_path / "t.docx")))
    proactive, applications, review = document.tables
    assert (len(applications.rows), len(applications.columns)) == (28, 10)
    assert applications.cell(0, 0)._tc is applications.cell(2, 2)._tc  # the 勾稽 note spans 3 × 3
    assert applications.cell(0, 3)._tc is applications.cell(0, 9)._tc  # 申请人情况 spans 7
    assert (
        applications.cell(5, 0)._tc is applications.cell(26, 0)._tc
    )  # 三、本年度办理结果 spans 22
    assert applications.cell(0, 0).text.startswith("（本列数据的勾稽关系为")
    assert applications.cell(3, 0).text == "一、本年新收政府信息公开申请数量"
    assert applications.cell(3, 4).text == "7" and applications.cell(3, 9).text == "7"
    assert applications.cell(27, 3).text == "0"
    assert applications.style.name == "Table Grid"
    header_rows = [
        r
        for r in applications.rows
        if r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None
    ]
    assert len(header_rows) == 3
    assert (len(review.rows), len(review.columns)) == (4, 15)
    assert (
        review.cell(0, 0)._tc is review.cell(0, 4)._tc
        and review.cell(1, 0)._tc is review.cell(2, 0)._tc
    )
    assert (
        proactive.cell(0, 0)._tc is proactive.cell(0, 3)._tc
        and proactive.cell(13, 0).text == "行政事业性收费"
    )


def test_a_draft_is_marked_in_the_page_header(tmp_path: Path) -> None:
    report = sample_report()
    report.set_value(CellRef("applications", "new_requests", "research"), 1)
    document = Document(str(export(report, tmp_path / "d.docx", errors=True)))
    assert document.sections[0].header.paragraphs[0].text == "草稿"
    assert document.paragraphs[0].text.startswith("草稿：报告尚有 1 个错误")


def test_no_text_boxes_or_images(tmp_path: Path) -> None:
    import zipfile

    path = export(sample_report(), tmp_path / "plain.docx")
    with zipfile.ZipFile(path) as archive:
        body = archive.read("word/document.xml").decode()
        assert not [name for name in archive.namelist() if name.startswith("word/media/")]
    assert "txbxContent" not in body and "<w:drawing" not in body


def test_libreoffice_writer_reads_it(tmp_path: Path) -> None:
    report = sample_report()
    report.set_value(CellRef("applications", "new_requests", "legal_service"), 123456789)
    report.set_value(CellRef("applications", "unprocessed_repeated", "legal_service"), 123456789)
    flat = office_text(export(report, tmp_path / "报告.docx"))
    for label in (
        "海原县关桥乡人民政府2021年政府信息公开工作年度报告",
        "一、总体情况",
        "（一）主动公开情况",
        "第二十条第（一）项",
        "申请人情况",
        "法人或其他组织",
        "1.属于国家秘密",
        "复议后起诉",
        "无其他需要报告的事项。",
        "123456789",
        "—1—",
    ):
        assert label in flat, label
