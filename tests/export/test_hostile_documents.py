"""Documents made to exhaust a reader (issue 13): each is refused, or read, in bounded time and
memory with a Chinese message. Measured before the limits (one process each): a PDF of 100,000
pages took 14 s and 360 MB, a PDF stream inflating to 1 GB took 11 s and 2.1 GB, a 19 MB page of
1.2 million paragraphs 33 s, 800,000 tabbed lines 13 s and 1.2 GB; now each is refused in about a
second (the fuzzing harness keeps watching time and memory)."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from export.files import read_report_file
from export.reading.html_import import read_html_text
from export.reading.text_import import read_plain_text
from model.refusal import FileRefused

TITLE = "<p>某镇人民政府2021年政府信息公开工作年度报告</p>"


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1, the first the catalog), with its xref table."""
    parts, offsets, size = [b"%PDF-1.4\n"], [], len(b"%PDF-1.4\n")
    for number, content in enumerate(objects, start=1):
        offsets.append(size)
        parts.append(b"%d 0 obj\n%s\nendobj\n" % (number, content))
        size += len(parts[-1])
    parts.append(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    parts += [b"%010d 00000 n \n" % offset for offset in offsets]
    parts.append(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    parts.append(b"startxref\n%d\n%%%%EOF\n" % size)
    return b"".join(parts)


def pages_pdf(count: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % n for n in range(3, 3 + count))
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
            *[b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>"] * count,
        ]
    )


def test_a_pdf_of_a_hundred_thousand_pages_is_refused_by_its_pages(tmp_path: Path) -> None:
    path = tmp_path / "十万页.pdf"
    path.write_bytes(pages_pdf(100_000))
    with pytest.raises(FileRefused, match="80 页以上"):
        read_report_file(path)


def test_a_pdf_decompression_bomb_is_refused_before_it_inflates(tmp_path: Path) -> None:
    inflated = 96 * 1024 * 1024  # over the 64 MB a stream may inflate to
    bomb = zlib.compress(b" " * inflated, 9)
    path = tmp_path / "炸弹.pdf"
    path.write_bytes(
        raw_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(bomb), bomb),
            ]
        )
    )
    with pytest.raises(FileRefused, match="解压后超过 64 MB"):
        read_report_file(path)


def test_a_page_too_large_or_too_many_elements_is_refused(tmp_path: Path) -> None:
    huge = tmp_path / "五十兆.html"
    with huge.open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # 50 MB, sparse
    with pytest.raises(FileRefused, match="MB"):
        read_report_file(huge)
    paragraphs = "<html><body>" + TITLE + "<p>政府信息公开。</p>" * 200_000 + "</body></html>"
    with pytest.raises(FileRefused, match="个元素"):
        read_html_text(paragraphs, "网页")


def test_deeply_nested_tables_are_read_without_recursion_running_out() -> None:
    depth = 100_000
    page = "<html><body>" + TITLE + "<table><tr><td>" * depth + "1" + "</td></tr></table>" * depth
    with pytest.raises(FileRefused, match="找不到"):  # lxml stops at its depth; nothing to read
        read_html_text(page + "</body></html>", "网页")


@pytest.mark.parametrize(
    "content",
    [
        "海原县关桥乡人民政府2021年政府信息公开工作年度报告".encode("utf-16-le"),  # no BOM
        bytes(range(256)) * 64,
    ],
)
def test_a_text_file_in_an_unknown_encoding_is_refused_in_chinese(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "复制.txt"
    path.write_bytes(content)
    with pytest.raises(FileRefused, match="找不到"):
        read_report_file(path)


def test_a_text_of_a_million_table_rows_is_refused_before_it_is_laid_out() -> None:
    with pytest.raises(FileRefused, match="行，不像一份年度报告"):
        read_plain_text("1\t2\t3\n" * 800_000, "复制的文字")


def test_many_short_lines_that_make_no_table_are_looked_through_once() -> None:
    """Lines that might each be a table's cell, copied one a line, but make no table: each line
    began the look for a table to the run's end again, and 19,000 of them took over a minute
    (measured); now the run is looked through once, in about a tenth of a second."""
    text = "某镇人民政府2021年政府信息公开工作年度报告\n" + "\n".join(
        f"第{i}条" for i in range(19_000)
    )
    with pytest.raises(FileRefused, match="找不到"):
        read_plain_text(text, "复制的文字")
