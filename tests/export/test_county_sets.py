"""The county's desk on generated sets of 20 and 200 units (issue 14): every kind of file the
import reads and every kind of trouble, checked against what the plan of the set says — each
file's status, who is missing, what each file holds, and a 汇总 and 明细 total that equal the sum
added up here over the reports as they were generated."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from export.county_desk import (
    CLEAN,
    ERRORS,
    KEY_FIGURES,
    UNREADABLE,
    WARNINGS,
    Desk,
    review,
)
from export.county_workbook import write_review_workbook
from export.files import read_report_file
from model.format.format_2021 import TABLES
from tests.cli.test_command_line import main
from tests.county_set import ERROR, KINDS, READ, CountySet, make_county_set
from tests.export.office import office_text

Reviewed = tuple[CountySet, Desk]


def _reviewed(factory: pytest.TempPathFactory, count: int) -> Reviewed:
    made = make_county_set(factory.mktemp(f"county{count}") / "收到的报告", count, seed=count)
    return made, review([made.folder], made.year, units=made.units)


@pytest.fixture(scope="module")
def twenty(tmp_path_factory: pytest.TempPathFactory) -> Reviewed:
    return _reviewed(tmp_path_factory, 20)


@pytest.fixture(scope="module")
def two_hundred(tmp_path_factory: pytest.TempPathFactory) -> Reviewed:
    return _reviewed(tmp_path_factory, 200)


@pytest.fixture(params=["twenty", "two_hundred"])
def county(request: pytest.FixtureRequest) -> Reviewed:
    reviewed: Reviewed = request.getfixturevalue(request.param)
    return reviewed


def test_the_set_holds_every_kind_and_every_trouble(county: Reviewed) -> None:
    made, _desk = county
    assert {Path(name).suffix for name in made.outcome} == set(KINDS)
    assert made.missing and made.off_list and made.second
    assert {READ, ERROR} <= set(made.outcome.values())
    assert len(made.summed) > len(made.units) // 2


def test_every_file_gets_the_status_its_plan_gives_it(county: Reviewed) -> None:
    made, desk = county
    rows = {unit.source.name: unit for unit in desk.units if unit.source is not None}
    assert set(rows) == set(made.outcome)  # every file has its row, none more
    for name, unit in rows.items():
        expected = {READ: {CLEAN, WARNINGS}, ERROR: {ERRORS}}.get(made.outcome[name], {UNREADABLE})
        assert unit.status in expected, (name, unit.problems, unit.reason)
        assert unit.duplicate == (name in made.second), name
        assert unit.on_list == (unit.name not in made.off_list), name
    assert sorted(unit.name for unit in desk.missing) == sorted(made.missing)
    assert all(rows[name].reason for name, outcome in made.outcome.items() if outcome == UNREADABLE)


def test_every_kind_of_file_is_read_as_it_was_sent(county: Reviewed) -> None:
    made, desk = county
    for unit in desk.units:
        if unit.report is None:
            continue
        assert unit.source is not None
        sent = made.sent[unit.source.name]
        assert (unit.report.organization, unit.report.year) == (sent.organization, sent.year)
        assert unit.report.values == sent.values, unit.source.name


def test_the_sum_and_the_detail_total_equal_the_sum_added_here(
    county: Reviewed, tmp_path: Path
) -> None:
    made, desk = county
    summed = [unit.report.organization for unit in desk.summed() if unit.report is not None]
    assert sorted(summed) == sorted(report.organization for report in made.summed)
    for table in TABLES.values():
        for ref in table.cells:  # typed and computed cells alike
            assert desk.summary.value(ref) == made.expected_sum(ref), ref
    target = tmp_path / "审核结果.xlsx"
    write_review_workbook(desk, target)
    detail = openpyxl.load_workbook(target)["明细"]
    header = [cell.value for cell in detail[1]]
    total = [cell.value for cell in detail[detail.max_row]]
    for label, cells in KEY_FIGURES:
        expected = sum((made.expected_sum(ref) for ref in cells), 0)
        assert Decimal(str(total[header.index(label)])) == expected, label


def test_twenty_units_on_the_command_line_and_in_libreoffice(
    twenty: Reviewed, tmp_path: Path
) -> None:
    made, _desk = twenty
    units = tmp_path / "名单.txt"
    units.write_text("\n".join(made.units), "utf-8")
    workbook, summary = tmp_path / "审核结果.xlsx", tmp_path / "汇总.pdf"
    result = main(
        "summarize", made.folder, "--year", "2021", "--units", units, "-o", workbook,
        "--summary", summary,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr  # errors and missing units
    lines = result.stdout.splitlines()
    for name in made.outcome:
        assert sum(name.rsplit(".", 1)[0] in line for line in lines) >= 1, name
    for name in made.missing:
        assert any(line.startswith("未报送") and name in line for line in lines), name
    county_sum = read_report_file(summary).report  # the 汇总 as a PDF, read back
    for table in TABLES.values():
        for ref in table.cells:
            assert county_sum.value(ref) == made.expected_sum(ref), ref
    printed = office_text(workbook)  # LibreOffice opens and prints every sheet
    assert all(name in printed for name in made.missing)
