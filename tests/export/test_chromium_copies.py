"""What a real browser made of report pages (``tests/real/chromium_copies.py``): the text Chromium
copies — a table whose cells hold paragraphs, as on every page made from a Word document, one cell
a line without a tab — and the PDF it prints."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from export.files import read_report_file
from model.format.declaration import CellRef
from model.format.format_2021 import APPLICANT_COLUMNS, TOTAL_COLUMN
from model.refusal import FileRefused
from model.report import Report
from tests.real.chromium_copies import HERE, copied_report

WORD_PAGE = HERE / "chromium-word-page.txt"


def test_a_word_reports_page_copied_by_chromium_reads_as_the_report() -> None:
    expected = copied_report()
    read = read_report_file(WORD_PAGE)
    report = read.report
    assert (report.organization, report.year) == (expected.organization, expected.year)
    assert report.values == expected.values
    assert report.texts == expected.texts
    assert report.meta == expected.meta
    assert report.signed_on == dt.date(2022, 1, 20)  # the 落款, apart from 六 and the page number
    assert not report.as_published


def _without_numbers(text: str, label: str) -> str:
    """The copy with the numbers after ``label`` gone, as a row the office left blank."""
    lines = text.split("\n")
    at = lines.index(label)
    end = at + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].strip().isdigit()):
        end += 1
    return "\n".join(lines[: at + 1] + lines[end:])


def test_a_row_left_blank_is_0_and_the_rows_after_it_keep_their_numbers(tmp_path: Path) -> None:
    text = WORD_PAGE.read_text(encoding="utf-8")
    for label in ("行政处罚", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"):
        text = _without_numbers(text, label)
    copied = tmp_path / "复制的.txt"
    copied.write_text(text, encoding="utf-8")
    report = read_report_file(copied).report
    blank = {CellRef("proactive", "penalty", "decisions")} | {
        CellRef("applications", "partly_disclosed", col)
        for col, _ in (*APPLICANT_COLUMNS, TOTAL_COLUMN)
    }
    assert all(report.value(ref) == 0 for ref in blank)
    expected = copied_report()
    typed_elsewhere = [
        ref
        for ref in expected.values
        if ref not in blank and ref[2] != "total" and ref.row != "results_total"
    ]
    assert all(report.value(ref) == expected.value(ref) for ref in typed_elsewhere)
    assert report.as_published  # the printed totals still count the numbers taken out


def test_a_hand_made_page_copied_by_chromium_keeps_its_blank_cells(tmp_path: Path) -> None:
    """A hand-made report leaves cells blank for 0. Chromium copies such a cell (a paragraph of
    a line break) as two more empty lines: the copy reads as the Word document."""
    from tests.export.documents import hand_made_docx

    expected = read_report_file(hand_made_docx(tmp_path / "手工.docx")).report
    report = read_report_file(HERE / "chromium-hand-made-page.txt").report
    assert report.values == expected.values
    assert report.texts == expected.texts
    assert (report.meta, report.signed_on) == (expected.meta, expected.signed_on)


def test_a_copy_that_lost_its_blank_cells_is_refused_saying_what_to_do_instead(
    tmp_path: Path,
) -> None:
    """The same copy after a program dropped its empty lines: which cells were blank cannot be
    told any more."""
    text = (HERE / "chromium-hand-made-page.txt").read_text(encoding="utf-8")
    collapsed = tmp_path / "粘贴过的.txt"
    collapsed.write_text(re.sub(r"\n\n+", "\n", text), encoding="utf-8")
    with pytest.raises(FileRefused) as refusal:
        read_report_file(collapsed)
    message = str(refusal.value)
    assert "只有" in message and "个数字，应有" in message
    assert "另存为" in message and "（.html）" in message


def test_the_real_shanghai_page_copied_by_chromium_is_refused_as_the_2019_format() -> None:
    with pytest.raises(FileRefused, match="2019年试行格式"):
        read_report_file(HERE / "chromium-shanghai-2019.txt")


def _words(report: Report) -> list[str]:
    """A report's texts without their spaces: a PDF keeps no space at a line's end."""
    return [re.sub(r"\s", "", text) for _, text in report.text_fields()]


def test_a_word_reports_page_printed_by_chromium_reads_as_the_report() -> None:
    expected = copied_report()
    report = read_report_file(HERE / "chromium-word-page.pdf").report
    assert report.values == expected.values
    assert report.meta == expected.meta and report.signed_on == dt.date(2022, 1, 20)
    assert _words(report) == _words(expected)


def test_a_hand_made_page_printed_by_chromium_reads_as_its_word_document(tmp_path: Path) -> None:
    """Chromium prints 三's label columns narrow, so rows left blank run over three pages whose
    tables hold text only in their labels; and it wraps 邮编：755200 after the colon."""
    from tests.export.documents import hand_made_docx

    expected = read_report_file(hand_made_docx(tmp_path / "手工.docx")).report
    report = read_report_file(HERE / "chromium-hand-made-page.pdf").report
    assert report.values == expected.values
    assert report.texts == expected.texts
    assert (report.meta, report.signed_on) == (expected.meta, expected.signed_on)


def test_a_portal_table_without_a_right_border_printed_by_chromium_is_read() -> None:
    """The Shanghai page's markup, printed by Chromium, leaves 三's 总计 column without its right
    border: the column was lost (找不到“总计”列). Read now, it is the page itself."""
    from export.reading.html_import import read_html_text
    from tests.real.shanghai import SHANGHAI_2019, as_2021

    page = read_html_text(as_2021(SHANGHAI_2019.read_text("utf-8")), "网页").report
    report = read_report_file(HERE / "chromium-shanghai-2021-layout.pdf").report
    assert (report.organization, report.year) == ("上海市人民政府办公厅", 2019)
    assert report.values == page.values
    assert report.as_published == page.as_published == {}
    assert _words(report) == _words(page)


def test_a_portal_pages_copy_keeps_its_empty_cells_as_chromium_copies_them() -> None:
    """Cells holding &nbsp; come as a line of a space, or between tabs (“ \\t \\t”) where they
    hold no paragraph: the copy of the Shanghai markup keeps every empty cell, and reads as the
    page itself."""
    from export.reading.html_import import read_html_text
    from tests.real.shanghai import SHANGHAI_2019, as_2021

    page = read_html_text(as_2021(SHANGHAI_2019.read_text("utf-8")), "网页").report
    report = read_report_file(HERE / "chromium-shanghai-2021-layout.txt").report
    assert report.values == page.values
    assert report.as_published == page.as_published == {}
    assert _words(report) == _words(page)


def test_none_printed_in_a_copied_cell_is_0_as_in_every_document(tmp_path: Path) -> None:
    """A copied row holding — or / read as no row at all (找不到这些行): the rebuilding took
    them for cells, the table's layout did not. They are 0, as in Word, pages and PDFs."""
    lines = WORD_PAGE.read_text(encoding="utf-8").split("\n")
    row = lines.index("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
    assert lines[row + 2] == "45" and lines[row + 4] == "29"
    lines[row + 2], lines[row + 4] = "—", "/"
    copied = tmp_path / "复制的.txt"
    copied.write_text("\n".join(lines), encoding="utf-8")
    report = read_report_file(copied).report
    for col in ("natural_person", "commercial"):
        assert report.value(CellRef("applications", "partly_disclosed", col)) == 0
    assert report.value(CellRef("applications", "partly_disclosed", "research")) == 37
