"""Importing a report from plain text as a browser copies a page: paragraphs on lines, table
rows as tab-separated cells whose spans are lost. The text is made from LibreOffice's HTML of a
Word report the way browsers lay out a selection as text (a cell's lines joined, cells split by
a tab, rows by a line break); no browser runs here."""

from __future__ import annotations

from pathlib import Path

import pytest

from export.reading.docx_import import read_docx
from export.reading.text_import import read_plain_text, read_text_file

from .documents import as_copied, hand_made_docx
from .office import office_convert


@pytest.fixture(scope="module")
def copied(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp("text")
    document = hand_made_docx(folder / "关桥乡.docx")
    page = office_convert(document, "html", folder / "html").read_text("utf-8")
    return as_copied(page), document


def test_a_copied_page_as_plain_text_reads_as_the_document_does(copied: tuple[str, Path]) -> None:
    text, document = copied
    assert "\t" in text and "rowspan" not in text
    read = read_plain_text(text, "复制的文字")
    report, word = read.whole(), read_docx(document).report
    assert (report.organization, report.year) == (word.organization, word.year)
    assert report.values == word.values  # 三 and 四 laid back out by their header words
    assert report.texts.overview == word.texts.overview
    assert read.notes[0].startswith("已从复制的文字读取")


def test_a_text_file_in_gb18030_is_read_too(copied: tuple[str, Path], tmp_path: Path) -> None:
    text, document = copied
    saved = tmp_path / "复制.txt"
    saved.write_bytes(text.encode("gb18030"))
    assert read_text_file(saved).whole().values == read_docx(document).report.values
