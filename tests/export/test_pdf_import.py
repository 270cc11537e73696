"""Importing a report from a PDF: a word processor's PDF of a Word report (LibreOffice, as Word
and WPS make them: ruled tables cut by page breaks, rows split over two pages) and this
program's own (page numbers, header rows repeated on each page, justified lines), and PDFs that
cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from export.files import write_report_file
from export.reading.docx_import import read_docx
from export.reading.pdf_import import read_pdf
from model.refusal import FileRefused
from tests.helpers import sample_report

from .documents import hand_made_docx
from .office import office_convert


def test_a_word_processors_pdf_reads_as_its_word_document_does(tmp_path: Path) -> None:
    document = hand_made_docx(tmp_path / "关桥乡.docx")
    pdf = office_convert(document, "pdf", tmp_path / "pdf")
    read, word = read_pdf(pdf), read_docx(document).report
    report = read.whole()
    assert (report.organization, report.year, report.signed_on) == (
        word.organization,
        word.year,
        word.signed_on,
    )
    assert report.values == word.values  # 三 and 四 run over page breaks, rows cut in two
    assert report.texts == word.texts  # lines rejoined into the same paragraphs
    assert read.notes[0].startswith("已从 PDF 文件读取") and not read.status_known


def test_this_programs_pdf_reads_back_without_page_numbers_or_repeated_headers(
    tmp_path: Path,
) -> None:
    report = sample_report()
    write_report_file(report, tmp_path / "报告.pdf")
    back = read_pdf(tmp_path / "报告.pdf").whole()
    assert back.values == report.values and back.texts == report.texts
    assert back.meta == report.meta  # the justified last line of the preamble, read whole


def test_a_scanned_pdf_is_refused_saying_there_is_no_text(tmp_path: Path) -> None:
    scan = tmp_path / "扫描件.pdf"
    page = canvas.Canvas(str(scan))
    page.rect(100, 100, 400, 600, fill=1)  # a picture of a page, no text layer
    page.showPage()
    page.save()
    with pytest.raises(FileRefused, match="扫描件"):
        read_pdf(scan)


def test_a_locked_or_broken_pdf_is_refused_by_name(tmp_path: Path) -> None:
    locked = tmp_path / "加密.pdf"
    page = canvas.Canvas(str(locked), encrypt="口令")
    page.drawString(100, 700, "2021")
    page.showPage()
    page.save()
    with pytest.raises(FileRefused, match="密码"):
        read_pdf(locked)
    broken = tmp_path / "坏.pdf"
    broken.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    with pytest.raises(FileRefused, match=r"坏\.pdf"):
        read_pdf(broken)


def test_a_frame_round_the_page_is_not_a_table(tmp_path: Path) -> None:
    """Some offices print a border round each page: its text is still the report's text."""
    from export.fonts import load_fonts
    from model.settings import Settings

    framed = tmp_path / "边框.pdf"
    face = load_fonts(Settings()).faces["body"]
    page = canvas.Canvas(str(framed))
    page.rect(50, 50, 495, 742)  # the frame
    page.setFont(face, 14)
    for y, text in (
        (760, "海原县关桥乡人民政府2021年政府信息公开工作年度报告"),
        (730, "一、总体情况"),
        (705, "本年度未收到政府信息公开申请。"),
    ):
        page.drawString(72, y, text)
    page.showPage()
    page.save()
    with pytest.raises(FileRefused) as refused:  # no tables: refused for them, not for the title
        read_pdf(framed)
    assert "找不到报告" not in str(refused.value) and "“一、总体情况”" not in str(refused.value)


def test_a_running_title_is_kept_once_and_a_new_table_is_not_glued_to_the_last() -> None:
    """The title printed atop every page stays once (where the report begins); a table that
    starts a page with a label of the format's own (四 after 三) is a table of its own."""
    from export.reading.pdf_import import Table, _blocks

    title = "海原县关桥乡人民政府2021年政府信息公开工作年度报告"
    three = [[(85.0, "四、结转下年度继续办理"), (214.0, "1")]]
    four = [[(85.0, "行政复议"), (229.0, "行政诉讼")], [(85.0, "结果维持")]]
    body = "本年度未收到政府信息公开申请，也没有因政府信息公开被申请行政复议。"
    pages = [
        (
            [
                (40.0, 150.0, 450.0, title),  # the running header
                (70.0, 150.0, 450.0, title),  # the title
                (100.0, 90.0, 160.0, "一、总体情况"),
                (125.0, 90.0, 520.0, body),
            ],
            [],
        ),
        ([(40.0, 150.0, 450.0, title)], [Table(72.0, three, {85.0, 214.0})]),
        ([(40.0, 150.0, 450.0, title)], [Table(72.0, four, {85.0, 229.0})]),
    ]
    blocks = _blocks(pages)
    assert [text for kind, text in blocks if kind == "p"] == [title, title, "一、总体情况", body]
    assert [kind for kind, _ in blocks].count("t") == 2
