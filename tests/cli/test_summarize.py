"""``summarize``: a county's folder of township files and its list of units turned into the
problem list, the missing list and the 汇总 — every kind of file, every kind of trouble."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl

from export.files import write_report_file
from model.format.declaration import CellRef
from model.report import Report
from tests.export.office import office_convert
from tests.helpers import sample_report

from .test_command_line import main

NEW = CellRef("applications", "new_requests", "natural_person")
DISCLOSED = CellRef("applications", "disclosed", "natural_person")
FEE = CellRef("proactive", "fees", "amount")
UNITS = [f"测试县第{i}镇人民政府" for i in range(8)]


def unit_report(name: str, number: int) -> Report:
    report = sample_report()
    report.organization = name
    report.set_values({NEW: number, DISCLOSED: number, FEE: Decimal(number) / 1000}, typed=set())
    return report


def test_a_folder_and_a_list_become_the_problem_list_the_missing_and_the_sum(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "收到的报告"
    folder.mkdir()
    for i, suffix in enumerate([".json", ".pdf", ".json", ".json", ".html", ".xlsx", ".docx"]):
        report = unit_report(UNITS[i], i + 1)
        if i == 2:
            report.year = 2020  # last year's report sent by mistake: an error
        if suffix == ".html":  # as the portal publishes a Word report
            write_report_file(report, tmp_path / "网页.docx")
            page = office_convert(tmp_path / "网页.docx", "html", tmp_path / "html")
            shutil.copy(page, folder / f"{i:02d}.html")
            continue
        write_report_file(report, folder / f"{i:02d}{suffix}")
    shutil.copy(folder / "03.json", folder / "99-又一份.json")  # 第3镇 twice
    write_report_file(unit_report("名单外乡人民政府", 50), folder / "50.json")
    (folder / "坏.docx").write_bytes(b"PK\x03\x04 not a document")
    units = tmp_path / "名单.txt"
    units.write_text("单位\n" + "\n".join(UNITS) + "\n", "utf-8")  # 第7镇 sent nothing
    result = main(
        "summarize",
        folder,
        "--year",
        "2021",
        "--units",
        units,
        "-o",
        tmp_path / "审核结果.xlsx",
        "--summary",
        tmp_path / "汇总.xlsx",
    )
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("有错误") and UNITS[2] in line for line in lines)
    assert any(line.startswith("未报送") and UNITS[7] in line for line in lines)
    assert any("名单外" in line and "名单外乡人民政府" in line for line in lines)
    assert any(line.startswith("无法读取") and "坏.docx" in line for line in lines)
    assert any("重复" in line and "99-又一份.json" in line for line in lines)

    summed = [i + 1 for i in (0, 1, 3, 4, 5, 6)]  # listed, read, no error, each unit once
    book = openpyxl.load_workbook(tmp_path / "审核结果.xlsx")
    assert {"汇总", "明细", "问题清单", "未报送", "重复"} <= set(book.sheetnames)
    detail = book["明细"]
    header = [cell.value for cell in detail[1]]
    total = [cell.value for cell in detail[detail.max_row]]
    assert total[header.index("本年新收")] == sum(summed)
    assert Decimal(str(total[header.index("收费金额（万元）")])) == Decimal(sum(summed)) / 1000
    assert [row[0].value for row in book["未报送"].iter_rows(min_row=2)] == [UNITS[7]]
    problems = [row[0].value for row in book["问题清单"].iter_rows(min_row=2)]
    assert UNITS[2] in problems and "坏" in problems

    from export.reading.xlsx_import import read_xlsx

    county = read_xlsx(tmp_path / "汇总.xlsx").report
    assert county.value(CellRef("applications", "new_requests", "total")) == sum(summed)
    assert county.values[FEE] == Decimal(sum(summed)) / 1000
    assert "未计入" in county.texts.overview.intro and UNITS[2] in county.texts.overview.intro


def test_nothing_readable_is_exit_2_and_a_clean_set_is_exit_0(tmp_path: Path) -> None:
    bad = tmp_path / "坏"
    bad.mkdir()
    (bad / "x.docx").write_bytes(b"not a document")
    assert main("summarize", bad, "--year", "2021", "-o", tmp_path / "a.xlsx").returncode == 2
    good = tmp_path / "好"
    good.mkdir()
    for i in range(3):
        write_report_file(unit_report(UNITS[i], i), good / f"{i}.json")
    result = main("summarize", good, "--year", "2021", "-o", tmp_path / "b.xlsx")
    assert result.returncode == 0, result.stdout  # warnings (W-deadline…) allowed
    assert result.stdout.count("有警告") == 3 and "汇总计入 3 个单位" in result.stdout


def test_last_years_reports_come_from_the_database_and_the_workbook_opens(
    tmp_path: Path,
) -> None:
    from model.store.store import Store
    from tests.export.office import office_text

    last = unit_report(UNITS[0], 0)
    last.year = 2020
    last.set_values(
        {CellRef("applications", "carried_forward", "natural_person"): 5, NEW: 5}, typed=set()
    )
    database = tmp_path / "县里的.sqlite3"
    with Store.open(database) as store:
        store.save(last)
    folder = tmp_path / "报告"
    folder.mkdir()
    write_report_file(unit_report(UNITS[0], 1), folder / "0.json")  # 上年结转 0, not 5
    result = main(
        "summarize",
        folder,
        "--year",
        "2021",
        "--previous-db",
        database,
        "-o",
        tmp_path / "审核结果.xlsx",
    )
    book = openpyxl.load_workbook(tmp_path / "审核结果.xlsx")
    rules = [(row[2].value, row[5].value) for row in book["问题清单"].iter_rows(min_row=2)]
    assert ("上年结转与上年报告不符", "W-carry") in rules, result.stdout  # in Chinese, and its code
    detail = book["明细"]
    header = [cell.value for cell in detail[1]]
    assert detail.cell(row=2, column=header.index("上年报告") + 1).value == "有"
    printed = office_text(tmp_path / "审核结果.xlsx")  # LibreOffice opens and prints every sheet
    assert "是否计入汇总" in printed and UNITS[0] in printed
    missing = main(
        "summarize",
        folder,
        "--year",
        "2021",
        "--previous-db",
        tmp_path / "无.sqlite3",
        "-o",
        tmp_path / "c.xlsx",
    )
    assert missing.returncode == 2 and "找不到数据库" in missing.stderr


def test_without_units_the_list_kept_in_the_database_is_used(tmp_path: Path) -> None:
    from model.store.store import Store

    database = tmp_path / "县里的.sqlite3"
    with Store.open(database) as store:
        store.save_unit_list(2020, UNITS[:2])  # last year's list, carried forward
    folder = tmp_path / "报告"
    folder.mkdir()
    write_report_file(unit_report(UNITS[0], 1), folder / "0.json")
    result = main(
        "summarize", folder, "--year", "2021", "--previous-db", database, "-o", tmp_path / "r.xlsx"
    )
    assert "数据库中 2020 年度的名单" in result.stdout
    assert any(
        line.startswith("未报送") and UNITS[1] in line for line in result.stdout.splitlines()
    )
    assert result.returncode == 1


def test_the_sum_goes_under_the_countys_name(tmp_path: Path) -> None:
    """--name, else the name the desk window keeps in the settings, else a neutral one."""
    import json
    import os

    folder = tmp_path / "报告"
    folder.mkdir()
    write_report_file(unit_report(UNITS[0], 1), folder / "0.json")

    def summed_under(*name: str) -> str:
        summary = tmp_path / "汇总.json"
        result = main(
            "summarize", folder, "--year", "2021", *name, "-o", tmp_path / "r.xlsx",
            "--summary", summary,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return str(json.loads(summary.read_text("utf-8"))["organization"])

    assert summed_under() == "本县（区）乡镇汇总"
    settings = Path(os.environ["NIANBAO_DATA_DIR"]) / "settings.json"
    settings.write_text('{"summary_name": "海原县乡镇汇总"}', "utf-8")
    assert summed_under() == "海原县乡镇汇总"
    assert summed_under("--name", "固原市原州区乡镇汇总") == "固原市原州区乡镇汇总"


def test_the_publication_deadline_of_the_settings_is_the_desks(tmp_path: Path) -> None:
    """A county that asks for its townships' reports by 1月15日 sets it once (报告 → 发布期限…);
    the desk's checks of a data package that says it is not yet published use that day."""
    import os

    folder = tmp_path / "报告"
    folder.mkdir()
    write_report_file(unit_report(UNITS[0], 1), folder / "0.json")  # a draft
    settings = Path(os.environ["NIANBAO_DATA_DIR"]) / "settings.json"
    settings.write_text('{"publication_deadline": "01-15"}', "utf-8")
    result = main("summarize", folder, "--year", "2021", "-o", tmp_path / "r.xlsx")
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    said = [str(row[3].value) for row in book["问题清单"].iter_rows(min_row=2)]
    assert any("应在 2022年1月15日前公开发布" in text for text in said), said
