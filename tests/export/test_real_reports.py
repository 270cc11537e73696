"""The readers on real published reports (``tests/real/SOURCES.md`` says where each came from)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from export.county_desk import UNREADABLE, review
from export.files import read_report_file
from export.reading.text_import import read_plain_text
from model.refusal import FileRefused

from .documents import as_copied
from .office import office_convert

REAL = Path(__file__).resolve().parents[1] / "real"
SHANGHAI_2019 = REAL / "shanghai-bangongting-2019.html"
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
