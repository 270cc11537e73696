"""The readers on real published reports (``tests/real/README.md`` says where each came from)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from export.county_desk import UNREADABLE, review
from export.files import read_report_file
from export.reading.text_import import read_plain_text
from model.refusal import FileRefused
from tests.real.shanghai import SHANGHAI_2019, as_2021

from .documents import as_copied
from .office import office_convert

OLD_FORMAT = "国办公开办函〔2019〕60号"


def test_a_2019_format_page_is_refused_by_name_as_saved_copied_and_printed(
    tmp_path: Path,
) -> None:
    with pytest.raises(FileRefused, match=OLD_FORMAT):
        read_report_file(SHANGHAI_2019)
    page = SHANGHAI_2019.read_text("utf-8")
    with pytest.raises(FileRefused, match=OLD_FORMAT):
        read_plain_text(as_copied(f"<html><body>{page}</body></html>"), "复制的文字")
    shutil.copy(SHANGHAI_2019, tmp_path / "网页.html")
    printed = office_convert(tmp_path / "网页.html", "pdf:writer_web_pdf_Export", tmp_path)
    with pytest.raises(FileRefused, match=OLD_FORMAT):
        read_report_file(printed)
    (unit,) = review([SHANGHAI_2019], 2019).units
    assert unit.status == UNREADABLE and OLD_FORMAT in (unit.reason or "")


def test_a_portal_pages_markup_empty_cells_and_one_row_other_read_as_published() -> None:
    """Empty cells are 0, an empty total is computed (not a printed 0 that disagrees), and the
    one-row （六）其他处理 goes to （六）3.其他 with a note."""
    from export.reading.html_import import read_html_text
    from model.format.declaration import CellRef

    read = read_html_text(as_2021(SHANGHAI_2019.read_text("utf-8")), "网页")
    report = read.whole()
    assert (report.organization, report.year) == ("上海市人民政府办公厅", 2019)
    assert report.as_published == {}  # every total printed agrees; the empty ones are computed

    def row(key: str) -> list[object]:
        columns = ("natural_person", "commercial", "research", "public_interest")
        columns += ("legal_service", "other_org", "total")
        return [report.value(CellRef("applications", key, col)) for col in columns]

    assert row("new_requests") == [821, 35, 0, 0, 2, 1, 859]  # as printed
    assert row("carried_over") == [18, 0, 0, 0, 0, 0, 18]
    assert row("disclosed") == [258, 12, 0, 0, 1, 1, 272]  # its 总计 was left empty
    assert row("unavailable_not_held") == [252, 12, 0, 0, 1, 0, 265]
    assert row("other_misc") == [0] * 7
    assert row("results_total") == [767, 35, 0, 0, 2, 1, 805]
    assert row("carried_forward") == [72, 0, 0, 0, 0, 0, 72]
    review_total = CellRef("review_litigation", "review", "total")
    assert report.value(review_total) == 7
    assert report.value(CellRef("proactive", "enforcement", "decisions")) == 0  # &nbsp;
    assert any("（六）其他处理”只有一行" in note for note in read.notes)


def test_the_seed_as_its_pdfs_text_reads_as_the_sample() -> None:
    """The seed is a real township report as text taken from its PDF, sentences broken where the
    PDF's lines ended (“…涉农补贴、征” / “地补偿…”); read as a .txt it is the sample, which was
    transcribed from it by hand: every number, every text, the contact details."""
    from tests.helpers import sample_report, shared_file

    read = read_report_file(shared_file("seed/guanqiao-2021.txt"))
    report, sample = read.report, sample_report()
    assert (report.organization, report.year) == (sample.organization, sample.year)
    assert report.values == sample.values
    assert report.texts.overview == sample.texts.overview
    assert (report.texts.problems, report.texts.other) == (
        sample.texts.problems,
        sample.texts.other,
    )
    assert report.meta.items() >= sample.meta.items()
    assert report.texts.preamble is not None and "755200" in report.texts.preamble  # as published
