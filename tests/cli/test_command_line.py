"""``python main.py validate|convert``: exit codes, UTF-8 output, refusals that name the path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from model.format.declaration import CellRef
from model.package import dumps_package
from model.report import Report
from tests.helpers import ROOT, SAMPLE
from tests.strategies import valid_reports


def main(*args: str | Path, encoding: str = "utf-8") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )


def broken_package(tmp_path: Path) -> Path:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["tables"]["applications"]["new_requests"]["legal_service"] = 2
    del data["tables"]["applications"]["new_requests"]["total"]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_validate_passes_the_sample() -> None:
    result = main("validate", SAMPLE)
    assert result.returncode == 0, result.stderr
    assert "共 0 个错误" in result.stdout  # a warning that 2021's deadline has passed is fine
    assert "以下比对已跳过" in result.stdout


def test_validate_fails_a_broken_report_naming_the_column(tmp_path: Path) -> None:
    result = main("validate", broken_package(tmp_path))
    assert result.returncode == 1
    assert "E-R1" in result.stdout and "「法律服务机构」列" in result.stdout
    assert "tables.applications.new_requests.legal_service" in result.stdout


def test_validate_json_output(tmp_path: Path) -> None:
    result = main("validate", "--json", broken_package(tmp_path))
    assert result.returncode == 1
    (problem,) = [p for p in json.loads(result.stdout) if p["severity"] == "error"]
    assert problem["rule"] == "E-R1" and problem["severity"] == "error"
    assert "tables.applications.carried_forward.legal_service" in problem["cells"]
    assert "range" not in problem


def test_output_is_utf8_whatever_the_console_encoding(tmp_path: Path) -> None:
    result = main("validate", broken_package(tmp_path), encoding="gbk")
    assert "法律服务机构" in result.stdout


def test_validate_reports_a_computed_cell_in_the_raw_file(tmp_path: Path) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["tables"]["review_litigation"]["review"]["total"] = 4
    path = tmp_path / "r4.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = main("validate", "--json", path)
    assert result.returncode == 1
    assert [p["rule"] for p in json.loads(result.stdout) if p["severity"] == "error"] == ["E-R4"]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{", "不是有效的 JSON"),
        ('{"format": "gov-info-annual-report", "year": 1999}', "year"),
        (
            '{"format": "gov-info-annual-report", "tables": {"applications": {"x": {}}}}',
            "tables.applications.x",
        ),
    ],
)
def test_unreadable_input_exits_2_naming_the_path(tmp_path: Path, content: str, says: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = main("validate", path)
    assert result.returncode == 2
    assert says in result.stderr


def test_wrong_arguments_exit_2_in_chinese() -> None:
    result = main("validate")
    assert result.returncode == 2 and "缺少参数" in result.stderr
    result = main("frobnicate")
    assert result.returncode == 2 and "无效的命令" in result.stderr
    assert main("validate", "missing.json").returncode == 2


def test_convert_to_json_and_back(tmp_path: Path) -> None:
    target = tmp_path / "目录 有空格" / "关桥乡 2021.json"
    target.parent.mkdir()
    result = main("convert", SAMPLE, target)
    assert result.returncode == 0, result.stderr
    assert json.loads(target.read_text("utf-8")) == json.loads(SAMPLE.read_text("utf-8"))


def test_convert_writes_json_even_with_errors(tmp_path: Path) -> None:
    result = main("convert", broken_package(tmp_path), tmp_path / "out.json")
    assert result.returncode == 0
    assert (tmp_path / "out.json").exists()


def test_convert_to_word(tmp_path: Path) -> None:
    target = tmp_path / "关桥乡 2021.docx"
    result = main("convert", SAMPLE, target)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"PK")


def test_convert_to_excel_and_back(tmp_path: Path) -> None:
    workbook = tmp_path / "关桥乡 2021.xlsx"
    assert main("convert", SAMPLE, workbook).returncode == 0
    back = tmp_path / "back.json"
    result = main("convert", workbook, back)
    assert result.returncode == 0, result.stderr
    assert json.loads(back.read_text("utf-8")) == json.loads(SAMPLE.read_text("utf-8"))


def test_convert_from_a_hand_made_word_document(tmp_path: Path) -> None:
    from tests.export.documents import hand_made_docx

    package = tmp_path / "关桥乡 2021.json"
    result = main("convert", hand_made_docx(tmp_path / "关桥乡 2021.docx"), package)
    assert result.returncode == 0, result.stderr
    assert "已从 Word 文档读取" in result.stderr  # the import's note, on stderr
    data = json.loads(package.read_text("utf-8"))
    assert (data["organization"], data["year"], data["signed_on"]) == (
        "海原县关桥乡人民政府",
        2021,
        "2022-01-20",
    )
    broken = tmp_path / "旧.docx"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = main("convert", broken, tmp_path / "旧.json")
    assert result.returncode == 2 and "另存为” .docx" in result.stderr


def test_convert_to_pdf(tmp_path: Path) -> None:
    target = tmp_path / "关桥乡 2021.pdf"
    result = main("convert", SAMPLE, target)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF")


def test_an_export_with_errors_needs_allow_errors(tmp_path: Path) -> None:
    target = tmp_path / "draft.xlsx"
    result = main("convert", broken_package(tmp_path), target)
    assert result.returncode == 1 and "--allow-errors" in result.stderr and "E-R1" in result.stderr
    assert not target.exists()
    result = main("convert", broken_package(tmp_path), target, "--allow-errors")
    assert result.returncode == 0 and "草稿" in result.stderr
    assert target.exists()


def test_convert_refuses_unknown_targets_and_sources(tmp_path: Path) -> None:
    assert main("convert", SAMPLE, tmp_path / "out.txt").returncode == 2
    source = tmp_path / "in.xlsx"
    source.write_bytes(b"PK")
    result = main("convert", source, tmp_path / "out.json")
    assert result.returncode == 2 and "不是 Excel 工作簿" in result.stderr
    result = main("convert", tmp_path / "in.csv", tmp_path / "out.json")
    assert result.returncode == 2 and ".xlsx" in result.stderr


def test_convert_refuses_a_source_with_bad_cells_and_writes_nothing(tmp_path: Path) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["tables"]["applications"]["disclosed"]["research"] = "3"
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    result = main("convert", source, tmp_path / "out.json")
    assert result.returncode == 2
    assert "tables.applications.disclosed.research" in result.stderr
    assert not (tmp_path / "out.json").exists()


@settings(
    deadline=None, max_examples=5, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(valid_reports())
def test_validate_passes_generated_valid_reports(tmp_path: Path, report: Report) -> None:
    path = tmp_path / "generated.json"
    path.write_text(dumps_package(report), encoding="utf-8")
    result = main("validate", path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_validate_with_previous_and_explained_warnings(tmp_path: Path) -> None:
    last = json.loads(SAMPLE.read_text(encoding="utf-8"))
    last["tables"]["applications"]["new_requests"]["natural_person"] = 2
    last["tables"]["applications"]["carried_forward"]["natural_person"] = 2
    for row in ("new_requests", "carried_forward"):
        del last["tables"]["applications"][row]["total"]
    last["texts"]["overview"]["subsections"][1]["body"] = "全年共收到政府信息公开申请2件。"
    this = json.loads(json.dumps(last))
    this["year"] = 2022
    this["explanations"] = [
        {
            "rule": "W-copied",
            "cells": ["texts.problems"],
            "sentence": None,
            "text": "上级要求沿用统一表述",
        }
    ]
    last_path, this_path = tmp_path / "2021.json", tmp_path / "2022.json"
    last_path.write_text(json.dumps(last, ensure_ascii=False), "utf-8")
    this_path.write_text(json.dumps(this, ensure_ascii=False), "utf-8")
    result = main("validate", this_path, "--previous", last_path, "--json")
    found = {(p["rule"], p["severity"]) for p in json.loads(result.stdout)}
    assert ("W-carry", "warning") in found  # 上年结转 0, last year's 结转下年度 2
    assert ("W-copied", "explained") in found
    assert ("W-copied", "warning") in found  # 一's parts are copied too, and not explained
    assert "以下比对已跳过" not in result.stderr
    assert main("validate", this_path, "--previous", tmp_path / "missing.json").returncode == 2


def test_the_county_validates_word_reports_against_last_years(tmp_path: Path) -> None:
    """validate reads what the county receives: this year's Word report, last year's too."""
    from model.package import save_package
    from tests.export.documents import hand_made_docx
    from tests.export.test_docx_import import without_package
    from tests.helpers import sample_report

    last_year = hand_made_docx(tmp_path / "2021.docx")  # 结转下年度: 自然人 1
    report = sample_report()
    report.year = 2022
    for row in ("carried_over", "carried_forward"):  # 上年结转 5: last year said 1
        report.set_value(CellRef("applications", row, "natural_person"), 5)
    save_package(report, tmp_path / "2022.json")
    assert main("convert", tmp_path / "2022.json", tmp_path / "2022.docx").returncode == 0
    # Our own document carries its data package: whether it was published is known.
    ours = main("validate", tmp_path / "2022.docx", "--previous", last_year, "--json")
    assert "未检查发布期限" not in ours.stderr
    assert any(p["rule"] == "W-deadline" for p in json.loads(ours.stdout))  # a 2022 draft
    without_package(tmp_path / "2022.docx")  # as another program would save it
    result = main("validate", tmp_path / "2022.docx", "--previous", last_year, "--json")
    assert result.returncode == 0, result.stderr  # warnings only
    carry = [p for p in json.loads(result.stdout) if p["rule"] == "W-carry"]
    assert (
        len(carry) == 1 and "上年结转 5 件" in carry[0]["message"] and "1 件" in carry[0]["message"]
    )
    assert "已从 Word 文档读取" in result.stderr  # the import's note, never on stdout
    assert not any(p["rule"] == "W-deadline" for p in json.loads(result.stdout))
    assert "未检查发布期限" in result.stderr  # a document cannot say whether it was published
    result = main("validate", tmp_path / "2022.docx")
    assert "未提供上一年度报告" in result.stdout and "未检查发布期限" in result.stdout


def test_help_lists_db_and_validate_of_a_word_report_speaks_to_the_command_line(
    tmp_path: Path,
) -> None:
    assert "--db" in main("--help").stdout
    from export.files import write_report_file
    from tests.export.test_docx_import import without_package
    from tests.helpers import sample_report

    document = tmp_path / "报告.docx"
    write_report_file(sample_report(), document)
    without_package(document)  # read from its words: the reader's note is printed
    said = main("validate", document)
    assert "已从 Word 文档读取" in said.stderr + said.stdout
    assert "请逐项核对" not in said.stderr + said.stdout and "基本信息”中填写" not in said.stderr


def test_organization_and_year_a_title_does_not_say_are_given_on_the_command_line(
    tmp_path: Path,
) -> None:
    from tests.export.documents import hand_made_docx

    nameless = hand_made_docx(tmp_path / "无名.docx", title=("2021年政府信息公开工作年度报告",))
    refused = main("convert", nameless, tmp_path / "out.json")
    assert refused.returncode == 2 and "--organization" in refused.stderr
    assert not (tmp_path / "out.json").exists()
    given = main(
        "convert", nameless, tmp_path / "out.json", "--organization", "海原县关桥乡人民政府"
    )
    assert given.returncode == 0, given.stderr
    package = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert (package["organization"], package["year"]) == ("海原县关桥乡人民政府", 2021)
    assert "--organization" in main("convert", "--help").stdout
