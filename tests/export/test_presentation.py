"""The presentation facts declared once (label-column proportions, emphasized block titles, the
草稿 sentence, the page) come out the same in every writer, each in its own unit."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl.utils import get_column_letter

from export.document import PAGE, render
from export.docx import write_docx
from export.xlsx import TABLE_SHEETS, write_xlsx
from model.checks import check_report
from model.format.format_2021 import TABLES
from model.format.grid import build_grid
from tests.helpers import sample_report

LABELLED = [key for key, table in TABLES.items() if table.label_widths]


def _shares(widths: list[float], label_cols: int) -> list[float]:
    return [w / sum(widths) for w in widths[:label_cols]]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample exported as a draft (with a planted error) to Excel and Word."""
    report = sample_report()
    report.organization = ""  # E-org: an error, so the exports are drafts
    errors = [p for p in check_report(report) if p.severity.value == "error"]
    assert errors
    folder = tmp_path_factory.mktemp("presentation")
    rendered = render(report, errors=errors)
    write_xlsx(rendered, report, folder / "r.xlsx")
    write_docx(rendered, report, folder / "r.docx")
    return folder / "r.xlsx", folder / "r.docx"


@pytest.mark.parametrize("key", LABELLED)
def test_label_columns_take_the_declared_share_in_excel_and_word(
    exported: tuple[Path, Path], key: str
) -> None:
    declared = TABLES[key].label_widths
    grid = build_grid(TABLES[key])
    sheet = openpyxl.load_workbook(exported[0])[TABLE_SHEETS[key]]
    excel = [sheet.column_dimensions[get_column_letter(c + 1)].width for c in range(grid.cols)]
    assert _shares(excel, grid.label_cols) == pytest.approx(declared, abs=0.002)
    document = Document(str(exported[1]))
    table = document.tables[list(TABLES).index(key)]
    word = [float(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert _shares(word, grid.label_cols) == pytest.approx(declared, abs=0.002)
    assert sum(word) / 1440 * 25.4 == pytest.approx(PAGE.text_width, abs=0.5)  # twips → mm


def test_block_titles_are_emphasized_in_excel_and_word(exported: tuple[Path, Path]) -> None:
    sheet = openpyxl.load_workbook(exported[0])[TABLE_SHEETS["proactive"]]
    titles = [c for row in sheet.iter_rows() for c in row if str(c.value).startswith("第二十条")]
    assert len(titles) == 4 and all(c.font.b for c in titles)
    plain = [c for row in sheet.iter_rows() for c in row if c.value == "行政许可"]
    assert plain and not plain[0].font.b
    table = Document(str(exported[1])).tables[0]
    runs = {r.text: r.bold for p in (c.paragraphs[0] for c in table._cells) for r in p.runs}
    assert runs["第二十条第（一）项"] is True and runs["行政许可"] is None


def test_every_writer_says_the_same_draft_sentence(exported: tuple[Path, Path]) -> None:
    note = render(sample_report(), errors=check_report(sample_report())[:1]).draft_note
    assert note == "草稿：报告尚有 1 个错误，不能作为正式报告。"
    workbook = openpyxl.load_workbook(exported[0])
    for name in TABLE_SHEETS.values():
        assert workbook[name]["A3"].value.startswith("草稿：报告尚有 ")
        assert workbook[name]["A3"].value.endswith("个错误，不能作为正式报告。")
    first = Document(str(exported[1])).paragraphs[0].text
    assert first.startswith("草稿：报告尚有 ") and first.endswith("个错误，不能作为正式报告。")
