"""The JSON data package: written and read exactly as report-json.md says."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from model.format.declaration import CellRef
from model.package import (
    PACKAGE_VERSION,
    FileRefused,
    dumps_package,
    load_report,
    read_package,
    save_package,
    to_package,
)
from model.report import Explanation, Report
from tests.helpers import SAMPLE, sample_report, shared_file
from tests.strategies import valid_reports


def package() -> dict[str, Any]:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def refused(data: Any) -> FileRefused:
    with pytest.raises(FileRefused) as error:
        read_package(json.dumps(data, ensure_ascii=False))
    return error.value


@settings(deadline=None, max_examples=50, suppress_health_check=[HealthCheck.too_slow])
@given(valid_reports())
def test_round_trip_of_generated_reports(report: Report) -> None:
    read = read_package(dumps_package(report))
    assert read.problems == []
    assert read.report == report


def test_written_package_has_every_key_and_computed_cells() -> None:
    data = to_package(sample_report())
    assert data["format"] == "gov-info-annual-report"
    assert data["package_version"] == 2 and data["format_version"] == 2021
    assert len(data["tables"]["applications"]) == 25
    assert all(len(row) == 7 for row in data["tables"]["applications"].values())
    assert data["tables"]["review_litigation"]["review"] == {
        "upheld": 0,
        "corrected": 0,
        "other": 0,
        "pending": 0,
        "total": 0,
    }
    assert data["tables"]["proactive"]["fees"] == {"amount": "0"}
    assert data["texts"]["preamble"] is None


def test_the_spec_example_is_read() -> None:
    text = shared_file("spec/report-json.md").read_text(encoding="utf-8")
    example = text.split("```json")[1].split("```")[0]
    report = read_package(example).report
    assert report.organization == "海原县关桥乡人民政府"
    assert report.explanations == [
        Explanation("W-copied", ("texts.problems",), None, "上级要求沿用统一表述")
    ]


def test_missing_cells_are_zero_and_missing_computed_cells_are_computed() -> None:
    data = package()
    data["tables"] = {
        "applications": {"new_requests": {"natural_person": 4}, "disclosed": {"natural_person": 4}}
    }
    del data["package_version"]
    report = read_package(json.dumps(data)).report
    assert report.value(CellRef("applications", "results_total", "natural_person")) == 4
    assert report.value(CellRef("applications", "new_requests", "total")) == 4
    assert report.value(CellRef("proactive", "fees", "amount")) == Decimal(0)


def test_fee_as_string_or_exact_json_number_never_float() -> None:
    data = package()
    data["tables"]["proactive"]["fees"]["amount"] = "0.0350"
    assert read_package(json.dumps(data)).report.values[
        CellRef("proactive", "fees", "amount")
    ] == Decimal("0.0350")
    text = json.dumps(data).replace('"0.0350"', "12.5")
    value = read_package(text).report.values[CellRef("proactive", "fees", "amount")]
    assert isinstance(value, Decimal) and value == Decimal("12.5")


def test_meta_extra_keys_are_kept() -> None:
    data = package()
    data["meta"]["fax"] = "0955-1234567"
    data["meta"]["nested"] = {"a": [1, 2]}
    again = json.loads(dumps_package(read_package(json.dumps(data)).report))
    assert again["meta"]["fax"] == "0955-1234567"
    assert again["meta"]["nested"] == {"a": [1, 2]}


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.update(colour="red"), "colour"),
        (lambda d: d["texts"].update(summary=""), "texts.summary"),
        (lambda d: d["tables"]["applications"].update(subtotal={}), "tables.applications.subtotal"),
        (
            lambda d: d["tables"]["applications"]["disclosed"].update(people=1),
            "tables.applications.disclosed.people",
        ),
        (lambda d: d["tables"].update(procurement={}), "tables.procurement"),
        (lambda d: d.update(year=2200), "year"),
        (lambda d: d.update(year=2007), "year"),
        (lambda d: d.update(year="2021"), "year"),
        (lambda d: d.update(status="final"), "status"),
        (lambda d: d.update(published_on="2022/01/20"), "published_on"),
        (lambda d: d["meta"].update(phone=8531355), "meta.phone"),
        (
            lambda d: d["texts"]["overview"]["subsections"][1].update(body=3),
            "texts.overview.subsections.1.body",
        ),
        (
            lambda d: d["explanations"].append({"rule": "W-copied", "cells": "x", "text": ""}),
            "explanations.0.cells",
        ),
        (lambda d: d["tables"].update(proactive=[]), "tables.proactive"),
    ],
)
def test_structural_refusals_name_the_path(change: Any, path: str) -> None:
    data = package()
    change(data)
    error = refused(data)
    assert path in [where for where, _ in error.issues]
    assert path in str(error)


def test_a_newer_package_is_refused_by_name() -> None:
    data = package()
    data["package_version"] = PACKAGE_VERSION + 1
    assert "更新版本的年报助手" in str(refused(data))


@pytest.mark.parametrize(("version", "accepted"), [(1, False), (2, True)])
def test_a_fee_to_the_fen_needs_a_version_2_package(version: int, accepted: bool) -> None:
    """万元 to six places (5949.088667, as portals print it) came with version 2; a version-1
    package held four."""
    data = package()
    data["package_version"] = version
    data["tables"]["proactive"]["fees"]["amount"] = "5949.088667"
    read = read_package(json.dumps(data, ensure_ascii=False))
    fee = read.report.values.get(CellRef("proactive", "fees", "amount"))
    if accepted:
        assert not read.problems and fee == Decimal("5949.088667")
    else:
        assert [p.rule for p in read.problems] == ["E-value"]
        assert "最多保留 4 位小数" in read.problems[0].message


def test_a_2019_package_is_refused_by_name() -> None:
    data = package()
    data["format_version"] = 2019
    assert "2019年试行格式" in str(refused(data))


def test_a_foreign_json_is_refused() -> None:
    assert "不是年报助手的数据包" in str(refused({"name": "x"}))
    assert "JSON 对象" in str(refused([1, 2]))
    with pytest.raises(FileRefused, match="第 1 行"):
        read_package("{not json")


@pytest.mark.parametrize(
    ("row", "col", "value"),
    [
        ("disclosed", "commercial", True),
        ("disclosed", "commercial", 3.0),
        ("disclosed", "commercial", "3"),
        ("disclosed", "commercial", -1),
        ("disclosed", "commercial", 1_000_000_000),
        ("disclosed", "commercial", None),
    ],
)
def test_bad_counts_are_e_value_naming_the_cell(row: str, col: str, value: Any) -> None:
    data = package()
    data["tables"]["applications"][row][col] = value
    del data["tables"]["applications"][row]["total"]
    read = read_package(json.dumps(data))
    assert [(p.rule, p.cells) for p in read.problems] == [
        ("E-value", (f"tables.applications.{row}.{col}",))
    ]


@pytest.mark.parametrize("value", ["0.0000001", "-1", "1,5", 1e-7, "１２"])
def test_bad_fees_are_e_value(value: Any) -> None:
    data = package()
    data["tables"]["proactive"]["fees"]["amount"] = value
    read = read_package(json.dumps(data))
    assert [(p.rule, p.cells) for p in read.problems] == [
        ("E-value", ("tables.proactive.fees.amount",))
    ]


@pytest.mark.parametrize(
    ("row", "col", "rule"),
    [
        ("disclosed", "total", "E-R2"),
        ("results_total", "research", "E-R3"),
        ("results_total", "total", "E-R2"),
    ],
)
def test_a_computed_cell_that_disagrees_is_reported_never_overwritten(
    row: str, col: str, rule: str
) -> None:
    data = package()
    data["tables"]["applications"][row][col] = 7
    read = read_package(json.dumps(data))
    assert [(p.rule, p.cells) for p in read.problems] == [
        (rule, (f"tables.applications.{row}.{col}",))
    ]


def test_r4_in_review_litigation() -> None:
    data = package()
    data["tables"]["review_litigation"]["litigation_direct"]["total"] = 1
    read = read_package(json.dumps(data))
    assert [(p.rule, p.cells) for p in read.problems] == [
        ("E-R4", ("tables.review_litigation.litigation_direct.total",))
    ]


def test_load_report_refuses_a_package_with_problems_and_names_the_cell(tmp_path: Path) -> None:
    data = package()
    data["tables"]["applications"]["disclosed"]["total"] = 7
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FileRefused, match=r"tables\.applications\.disclosed\.total"):
        load_report(path)


def test_save_package_writes_completely(tmp_path: Path) -> None:
    target = tmp_path / "报告 2021.json"
    save_package(sample_report(), target)
    assert load_report(target) == sample_report()
    assert [p.name for p in tmp_path.iterdir()] == ["报告 2021.json"]


def test_unreadable_files_are_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(FileRefused, match="找不到文件"):
        load_report(tmp_path / "missing.json")
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes('{"organization": "关桥乡"}'.encode("gbk"))
    with pytest.raises(FileRefused, match="UTF-8"):
        load_report(gbk)


@pytest.mark.parametrize(
    ("printed", "says"),
    [
        ({"tables.applications.new_requests.natural_person": 5}, "只能记录合计"),  # typed cell
        ({"tables.applications.results_total.total": 0}, "与各项之和相同"),
        ({"tables.applications.results_total.total": "九"}, None),  # E-value
    ],
)
def test_as_published_holds_only_totals_that_differ(
    printed: dict[str, Any], says: str | None
) -> None:
    data = package()
    data["as_published"] = printed
    if says is None:
        assert [p.rule for p in read_package(json.dumps(data)).problems] == ["E-value"]
    else:
        assert says in str(refused(data))


def test_as_published_needs_version_2_and_is_dropped_once_the_parts_agree() -> None:
    data = package()
    data["package_version"] = 1
    data["as_published"] = {"tables.applications.results_total.total": 9}
    assert "第 2 版" in str(refused(data))
    data["package_version"] = 2
    report = read_package(json.dumps(data)).report
    total = CellRef("applications", "results_total", "total")
    assert to_package(report)["as_published"] == {total.path: 9}
    report.set_value(CellRef("applications", "disclosed", "natural_person"), 9)  # now it adds up
    report.set_value(CellRef("applications", "new_requests", "natural_person"), 9)
    assert "as_published" not in to_package(report)
