"""Importing a report from Word: this program's own .docx, a hand-made one in the manner of real
township reports, and files that cannot be read (nothing is imported then)."""

from __future__ import annotations

import datetime as dt
import itertools
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings

from export.reading.docx_import import read_docx
from export.reading.docx_package import NAMESPACE
from model.format.declaration import CellRef
from model.package import to_package
from model.refusal import FileRefused
from model.report import Explanation, Report, Status, Subsection
from tests.helpers import sample_report
from tests.strategies import valid_reports

from .documents import PREAMBLE, hand_made_docx
from .office import office_convert
from .test_docx import export
from .workbooks import rewrite_entry

NEW = CellRef("applications", "new_requests", "natural_person")
FORWARD = CellRef("applications", "carried_forward", "natural_person")
PREVIOUS = CellRef("applications", "carried_over", "natural_person")
IN_FORCE = CellRef("proactive", "regulations", "in_force")


def without_package(path: Path) -> Path:
    """The document as another program might save it: no custom XML part."""
    document = Document(str(path))
    for rid, relationship in list(document.part.rels.items()):
        if relationship.reltype == RT.CUSTOM_XML:
            document.part.drop_rel(rid)
    document.save(str(path))
    return path


def exported_with_marks(path: Path) -> Report:
    report = sample_report()
    report.set_values({NEW: 7, PREVIOUS: 7, FORWARD: 14}, typed=set())
    report.carried = {PREVIOUS, IN_FORCE}
    report.pending_texts = {"texts.problems", "texts.other"}
    report.explanations = [
        Explanation("W-copied", ("texts.problems",), None, "上级要求沿用统一表述")
    ]
    report.status, report.published_on = Status.PUBLISHED, dt.date(2022, 1, 25)
    export(report, path)
    return report


def test_our_document_comes_back_exactly_with_notes_marks_and_the_automatic_date(
    tmp_path: Path,
) -> None:
    report = exported_with_marks(tmp_path / "报告.docx")
    assert report.signed_on is None  # printed as the export's date, kept automatic
    result = read_docx(tmp_path / "报告.docx")
    back = result.whole()
    assert to_package(back) == to_package(report)
    assert (back.carried, back.pending_texts) == (report.carried, report.pending_texts)
    assert result.status_known and not result.notes


def test_our_document_saved_again_by_libreoffice_still_comes_back_exactly(tmp_path: Path) -> None:
    report = exported_with_marks(tmp_path / "报告.docx")
    saved = office_convert(tmp_path / "报告.docx", "docx:MS Word 2007 XML", tmp_path / "again")
    back = read_docx(saved).whole()
    assert to_package(back) == to_package(report)
    assert back.carried == report.carried


def test_our_document_edited_in_word_is_read_from_its_words_keeping_what_it_cannot_show(
    tmp_path: Path,
) -> None:
    path = tmp_path / "报告.docx"
    report = exported_with_marks(path)
    document = Document(str(path))
    problems = next(p for p in document.paragraphs if p.text.startswith("五、"))
    edited = problems._p.getnext()  # the first paragraph of 五
    for run in edited.iter(qn("w:t")):
        run.text = ""
    edited.find(f"{qn('w:r')}/{qn('w:t')}").text = "改写后的问题和改进措施。"
    document.save(str(path))
    result = read_docx(path)
    back = result.whole()
    assert back.texts.problems.startswith("改写后的问题和改进措施。")
    assert back.signed_on is not None  # the date the document shows now stands
    assert back.explanations == report.explanations
    assert back.carried == report.carried  # their numbers are unchanged
    assert back.pending_texts == {"texts.other"}  # 五 was rewritten: no longer as copied
    assert back.meta == report.meta
    assert not result.status_known
    assert "被修改过" in result.notes[0]


def test_a_changed_number_drops_its_carried_mark(tmp_path: Path) -> None:
    path = tmp_path / "报告.docx"
    exported_with_marks(path)
    document = Document(str(path))
    for row in document.tables[1].rows:  # 三: 上年结转 7 → 6, 本年新收 7 → 8, the totals hold
        new = {"二、上年结转": "6", "一、本年新收": "8"}.get(row.cells[0].text[:6])
        for text in row._tr.iter(qn("w:t")):
            if new and text.text == "7":
                text.text = new
    document.save(str(path))
    back = read_docx(path).whole()
    assert (back.values[PREVIOUS], back.values[NEW]) == (6, 8)
    assert back.carried == {IN_FORCE}


def test_a_damaged_package_part_leaves_the_document_read_from_its_words(tmp_path: Path) -> None:
    path = tmp_path / "报告.docx"
    exported_with_marks(path)
    with zipfile.ZipFile(path) as archive:
        ours = next(n for n in archive.namelist() if NAMESPACE.encode() in archive.read(n))
    damaged = rewrite_entry(
        path,
        tmp_path / "坏.docx",
        ours,
        lambda xml: xml.replace(b'"format"', b'"formats"'),
    )
    result = read_docx(damaged)
    assert result.report.explanations == []
    assert "数据包无法读取" in result.notes[-1]


def test_this_programs_document_without_its_package_is_read_from_its_words(
    tmp_path: Path,
) -> None:
    report = sample_report()
    report.signed_on = dt.date(2022, 1, 20)
    report.set_value(NEW, 7)
    report.set_value(FORWARD, 7)
    report.texts.overview.subsections.append(Subsection("其他工作", "第一段。\n第二段。"))
    result = read_docx(without_package(export(report, tmp_path / "报告.docx")))
    assert not result.status_known  # a document cannot say whether it was published
    back = result.report
    assert (back.organization, back.year, back.signed_on) == (
        "海原县关桥乡人民政府",
        2021,
        dt.date(2022, 1, 20),
    )
    assert back.values == report.values
    assert back.texts == report.texts  # the preamble too: generated again from 基本信息
    assert back.meta == report.meta
    assert result.notes == [  # a fact for the command line and the window alike
        "已从 Word 文档读取标题、前言、一至六的文字和二、三、四表格中的数字。"
    ]


@settings(
    deadline=None, max_examples=6, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(valid_reports())
def test_every_table_value_comes_back(tmp_path: Path, drawn: Report) -> None:
    report = sample_report()
    report.values = drawn.values
    path = without_package(export(report, tmp_path / "g.docx"))
    assert read_docx(path).report.values == report.values


def test_a_hand_made_document_is_read_by_its_labels_and_headings(tmp_path: Path) -> None:
    report = read_docx(hand_made_docx(tmp_path / "手工.docx")).report
    assert (report.organization, report.year) == ("海原县关桥乡人民政府", 2021)  # two lines
    assert report.signed_on == dt.date(2022, 1, 20)  # the 落款, not part of 六
    assert report.texts.preamble == PREAMBLE  # kept as published (it names the issuer wrongly)
    assert report.meta == {
        "portal_name": "海原县人民政府网",
        "portal_url": "http://www.hy.gov.cn/",
        "contact_office": "海原县关桥乡政务公开办公室",
        "address": "海原县关桥乡人民政府",
        "postcode": "755200",
        "phone": "0955-8531355",
    }
    overview = report.texts.overview
    assert overview.intro == "2021 年，关桥乡党委、政府高度重视政府信息公开工作。"
    assert [s.title for s in overview.subsections] == [
        "主动公开情况",
        "依申请公开情况",
        "政府信息管理",
    ]
    assert overview.subsections[0].body.count("\n") == 1  # two paragraphs
    assert overview.subsections[1].body.startswith("2021 年共计收到")  # title led the paragraph
    assert report.texts.problems == "一是信息更新不够及时。\n二是公开内容不够全面。"  # 改进措施
    assert report.texts.other == "无。"
    # The hand-made workbook's numbers, through merged cells, typos and half-width brackets.
    assert report.value(CellRef("applications", "new_requests", "natural_person")) == 3
    assert report.value(CellRef("applications", "carried_forward", "total")) == 1
    assert report.value(CellRef("proactive", "normative_documents", "repealed")) == 1
    assert report.value(CellRef("proactive", "licensing", "decisions")) == 12
    assert report.value(CellRef("proactive", "fees", "amount")) == Decimal("0.035")
    assert report.value(CellRef("review_litigation", "litigation_direct", "pending")) == 2


def test_cells_that_print_none_as_published_tables_do_are_read_as_0(tmp_path: Path) -> None:
    """Published tables often print "none" as a dash or a slash (规章 of a township, an empty
    row of 三): such cells are 0 — and never a printed total that disagrees with its parts."""
    from docx import Document

    path = hand_made_docx(tmp_path / "手工.docx")
    expected = read_docx(path).report.values
    document = Document(str(path))
    nothing = itertools.cycle(["/", "——", "—", "-", "无", "／", " － ", "\u3000", "\xa0"])
    changed = 0
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.text == "0":
                    cell.text = next(nothing)
                    changed += 1
    assert changed >= 20
    document.save(str(path))
    read = read_docx(path)
    assert read.report.values == expected
    assert not read.report.as_published


def test_headings_numbered_by_word_are_found_by_their_titles(tmp_path: Path) -> None:
    report = read_docx(hand_made_docx(tmp_path / "自动编号.docx", word_numbering=True)).report
    overview = report.texts.overview
    assert [s.title for s in overview.subsections] == [
        "主动公开情况",
        "依申请公开情况",
        "政府信息管理",
    ]
    assert overview.subsections[1].body.startswith("2021 年共计收到")
    assert report.texts.problems == "一是信息更新不够及时。\n二是公开内容不够全面。"
    assert report.texts.other == "无。"
    assert report.value(CellRef("proactive", "licensing", "decisions")) == 12


def test_two_laid_out_as_four_tables_is_read(tmp_path: Path) -> None:
    report = read_docx(hand_made_docx(tmp_path / "分表.docx", split_two=True)).report
    assert report.value(CellRef("proactive", "normative_documents", "in_force")) == 9
    assert report.value(CellRef("proactive", "licensing", "decisions")) == 12
    assert report.value(CellRef("proactive", "enforcement", "decisions")) == 1
    assert report.value(CellRef("proactive", "fees", "amount")) == Decimal("0.035")
    assert report.value(CellRef("applications", "new_requests", "natural_person")) == 3


def test_content_inside_a_content_control_is_read(tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml import OxmlElement

    path = hand_made_docx(tmp_path / "控件.docx")
    document = Document(str(path))
    body = document.element.body
    control, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    control.append(content)
    for child in list(body)[:-1]:  # all but the section properties, which end the body
        content.append(child)
    body.insert(0, control)
    document.save(str(path))
    report = read_docx(path).report
    assert report.texts.other == "无。"
    assert report.value(CellRef("proactive", "licensing", "decisions")) == 12


def test_a_published_total_that_disagrees_is_kept_as_printed_and_shown(tmp_path: Path) -> None:
    """Last year's published report with a wrong total still comes in (its 结转下年度 is
    needed): the total is computed, the printed one kept and named by the checks — through the
    data package and the database alike."""
    from model.checks import check_report
    from model.package import dumps_package, read_package
    from model.store.store import Store

    bad = hand_made_docx(tmp_path / "坏.docx", values={"(七)总计": [2, 1, 0, 0, 0, 0, 9]})
    read = read_docx(bad)
    report = read.whole()
    total = CellRef("applications", "results_total", "total")
    assert report.as_published == {total: 9} and report.value(total) == 3
    assert any("合计数与各项之和不符" in note for note in read.notes)
    shown = [p for p in check_report(report) if p.cells == (total.path,)]
    assert [p.rule[:3] for p in shown] == ["E-R"]
    assert "印的合计是 9" in shown[0].message and "各项之和是 3" in shown[0].message
    assert read_package(dumps_package(report)).report.as_published == {total: 9}
    with Store.open(tmp_path / "db.sqlite3") as store:
        store.save(report)
        assert store.load(report.id or 0).as_published == {total: 9}


def test_a_document_without_the_headings_says_which(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("海原县关桥乡人民政府2021年政府信息公开工作年度报告")
    document.add_paragraph("一、总体情况")
    document.save(str(tmp_path / "短.docx"))
    with pytest.raises(FileRefused) as refused:
        read_docx(tmp_path / "短.docx")
    message = str(refused.value)
    assert "“五、存在的主要问题及改进情况”" in message and "“六、其他需要报告的事项”" in message
    assert "找不到“二、主动公开政府信息情况”表" in message


def test_xml_entities_are_never_expanded(tmp_path: Path) -> None:
    """python-docx parses with lxml, entities unresolved: a billion laughs is refused or dropped."""
    levels = "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10))
    laughs = f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">{levels}]>'.encode()

    def inject(data: bytes) -> bytes:
        data = data.split(b"?>", 1)[1].replace(
            "<w:t>海原县关桥乡人民政府</w:t>".encode(),
            "<w:t>海原县关桥乡人民政府&lol9;</w:t>".encode(),
            1,
        )
        return laughs + data

    source = hand_made_docx(tmp_path / "ok.docx")
    bad = rewrite_entry(source, tmp_path / "laughs.docx", "word/document.xml", inject)
    assert b"&lol9;" in zipfile.ZipFile(bad).read("word/document.xml")
    try:
        report = read_docx(bad).report
    except FileRefused as refused:  # libxml2's own amplification limit (this machine's)
        assert "无法作为Word 文档（.docx）打开" in str(refused)
    else:  # or, where libxml2 lets it through, the reference is dropped, never expanded
        assert report.organization == "海原县关桥乡人民政府"


def test_a_2019_layout_is_refused_by_name(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("海原县关桥乡人民政府2020年政府信息公开工作年度报告")
    table = document.add_table(rows=2, cols=4)
    for col, label in enumerate(["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]):
        table.cell(0, col).text = label
    document.save(str(tmp_path / "2020.docx"))
    with pytest.raises(FileRefused, match="2019年试行格式"):
        read_docx(tmp_path / "2020.docx")


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
            "旧版 Word（.doc）、WPS 文字（.wps）",
        ),
        (b"plain text, not a document", "不是 Word 文档（.docx）"),
    ],
)
def test_files_that_are_not_documents_are_named(tmp_path: Path, content: bytes, says: str) -> None:
    path = tmp_path / "年报.docx"
    path.write_bytes(content)
    with pytest.raises(FileRefused, match=says):
        read_docx(path)


def test_a_workbook_renamed_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "改名.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(FileRefused, match="是压缩文件，但不是 Word 文档"):
        read_docx(path)


def test_a_saved_portal_page_is_read_without_the_sites_lines(tmp_path: Path) -> None:
    """A page saved whole and opened in WPS: menus, the page's details table and its links
    around the report, the title worded without 工作 — read as the report alone."""
    path = hand_made_docx(
        tmp_path / "网页.docx", page=True, title=("海原县关桥乡人民政府2021年政府信息公开年度报告",)
    )
    report = read_docx(path).whole()
    assert (report.organization, report.year) == ("海原县关桥乡人民政府", 2021)
    assert report.texts.preamble is None or "索引号" not in report.texts.preamble
    assert report.meta["phone"] == "0955-8531355"
    assert report.texts.other == "无。" and report.signed_on == dt.date(2022, 1, 20)


@pytest.mark.parametrize(
    ("title", "missing"),
    [
        (("2021年政府信息公开工作年度报告",), ["机关名称"]),
        (("海原县关桥乡人民政府政府信息公开工作年度报告",), []),  # the year from 统计期限
        (("政府信息公开工作年度报告",), ["机关名称"]),
    ],
)
def test_what_the_title_does_not_say_is_asked_for_not_refused(
    tmp_path: Path, title: tuple[str, ...], missing: list[str]
) -> None:
    read = read_docx(hand_made_docx(tmp_path / "无名.docx", title=title))
    assert read.missing_identity() == missing
    if missing:
        with pytest.raises(FileRefused, match="机关名称"):
            read.whole()
        read.identify("海原县关桥乡人民政府", None)
    assert (read.whole().organization, read.whole().year) == ("海原县关桥乡人民政府", 2021)
