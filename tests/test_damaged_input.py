"""Each crash class the fuzz run found, kept as its reproducer: every input ends read whole and
written to every format, or in the one refusal with a Chinese message — never another exception,
never a hang (``run_case`` bounds each case in time)."""

from __future__ import annotations

import json
import random
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

from cli.commands import convert
from export.files import read_report_file, write_report_file
from model.cell_input import InputError, parse_count
from model.checks import check_report
from model.checks.text_numbers import chinese_number
from model.format.format_2021 import subsection_number
from model.package import dumps_package, to_package
from model.refusal import FileRefused
from model.report import Subsection
from model.store.inspection import StoreError
from model.store.store import Store
from tests.fuzzing import mutators
from tests.fuzzing.harness import OK, REFUSED, run_case
from tests.helpers import SAMPLE, sample_report

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def outcome(path: Path, tmp_path: Path) -> str:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    result, detail = run_case(path, out, seconds=20)
    assert result in (OK, REFUSED), detail
    return result


def package_with(tmp_path: Path, change, name: str = "p.json") -> Path:  # type: ignore[no-untyped-def]
    data = json.loads(SAMPLE.read_text("utf-8"))
    change(data)
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=True), "utf-8")  # \ud800 stays escaped
    return path


def refusal(path: Path) -> str:
    with pytest.raises(FileRefused) as refused:
        read_report_file(path).whole()
    message = str(refused.value)
    assert CHINESE.search(message) and "Error" not in message, message
    return message


@pytest.fixture(scope="module")
def ours(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("ours")
    files = {}
    for suffix in (".xlsx", ".docx"):
        files[suffix] = folder / f"sample{suffix}"
        write_report_file(sample_report(), files[suffix])
    return files


# 1. and 12. Zip errors other than BadZipFile, refused by name, in Chinese.
@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
@pytest.mark.parametrize(
    "damage",
    [
        mutators.zip_flag_encrypted,
        mutators.zip_flag_utf8_bad_name,
        mutators.zip_unknown_method,
        mutators.zip_damage_stream,
    ],
)
def test_a_damaged_container_is_refused_in_chinese(
    ours: dict[str, Path], tmp_path: Path, suffix: str, damage
) -> None:  # type: ignore[no-untyped-def]
    for seed in range(3):
        path = tmp_path / f"{damage.__name__}{seed}{suffix}"
        path.write_bytes(damage(random.Random(seed), ours[suffix].read_bytes()))
        refusal(path)


# 2. JSON nested too deep, an integer of thousands of digits.
def test_json_nesting_and_long_integers_are_refused(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": ' + "[" * 1100 + "]" * 1100 + "}", "utf-8")
    assert "嵌套" in refusal(deep)
    digits = tmp_path / "digits.json"
    digits.write_text(SAMPLE.read_text("utf-8").replace('"year": 2021', '"year": ' + "7" * 5000))
    assert "5000 位" in refusal(digits)


# 3. Over-long digit runs in a text and in a cell.
def test_long_digit_runs_are_not_counts_and_not_cells() -> None:
    assert chinese_number("9" * 5000) is None
    report = sample_report()
    report.texts.other = "本年共收到申请" + "9" * 5000 + "件。"
    check_report(report)  # no crash; the run is not taken for a stated count
    with pytest.raises(InputError, match="太大"):
        parse_count("9" * 5000)


# 4. and 5. Lone surrogates refused naming their path; characters XML cannot hold normalised.
def test_a_lone_surrogate_is_refused_naming_its_path(tmp_path: Path) -> None:
    def plant(data):  # type: ignore[no-untyped-def]
        data["texts"]["problems"] = "改进\ud800措施"
        data["meta"]["\udfff"] = "x"

    message = refusal(package_with(tmp_path, plant))
    assert "texts.problems" in message and "U+D800" in message
    message.encode("utf-8")  # the refusal itself can be printed


def test_control_characters_and_separators_are_normalised_and_written(tmp_path: Path) -> None:
    def plant(data):  # type: ignore[no-untyped-def]
        data["texts"]["problems"] = "控制\x01字符\ufffe\uffff行\u2028分隔\u2029段落\r\n完"
        data["organization"] = "海原县\n关桥乡人民政府"

    path = package_with(tmp_path, plant)
    assert outcome(path, tmp_path) == OK
    report = read_report_file(path).whole()
    assert report.texts.problems == "控制字符行\n分隔\n段落\n完"
    assert report.organization == "海原县关桥乡人民政府"


# 6. A character no font has: convert says so and writes nothing.
def test_convert_says_why_a_pdf_cannot_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = package_with(tmp_path, lambda d: d["texts"].update(other="私用区字符\U0010fffd。"))
    target = tmp_path / "r.pdf"
    assert convert(str(path), str(target)) == 2
    assert "字形" in capsys.readouterr().err and not target.exists()


# 7. 一 with 110 and more sub-sections.
def test_sub_sections_past_ninety_nine_are_numbered_and_exported(tmp_path: Path) -> None:
    assert [subsection_number(i) for i in (98, 99, 100, 109, 110)] == [
        "（九十九）",
        "（一百）",
        "（一百零一）",
        "（一百一十）",
        "（一百一十一）",
    ]
    report = sample_report()
    report.texts.overview.subsections = [Subsection(f"第{i}节", "正文。") for i in range(120)]
    path = tmp_path / "many.json"
    path.write_text(dumps_package(report), "utf-8")
    assert outcome(path, tmp_path) == OK


# 8. What hung: a sheet's far corner without <dimension>, thousands of text rows, a 150 KB
# sentence of years, a text past what one may hold.
def _rewrite(source: Path, target: Path, entry: str, change) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info.filename, change(data) if info.filename == entry else data)
    return target


def test_what_hung_ends_quickly(ours: dict[str, Path], tmp_path: Path) -> None:
    far = _rewrite(
        ours[".xlsx"],
        tmp_path / "far.xlsx",
        "xl/worksheets/sheet3.xml",
        lambda d: mutators.xml_far_cell(random.Random(0), d),
    )
    assert outcome(far, tmp_path) == OK
    rows = "".join(
        f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>{i}.其他</t></is></c></row>'
        for i in range(60, 3060)
    ).encode()
    many = _rewrite(
        ours[".xlsx"],
        tmp_path / "rows.xlsx",
        "xl/worksheets/sheet3.xml",
        lambda d: re.sub(rb"<dimension [^>]*/>", b"", d).replace(
            b"</sheetData>", rows + b"</sheetData>"
        ),
    )
    outcome(many, tmp_path)
    years = package_with(tmp_path, lambda d: d["texts"].update(problems="2020年" * 30000), "y.json")
    assert outcome(years, tmp_path) == OK
    numerals = package_with(  # a run of numerals without 件: once tried from each of them
        tmp_path, lambda d: d["texts"].update(other="共收到申请" + "一" * 70_000), "n.json"
    )
    assert outcome(numerals, tmp_path) == OK
    huge = package_with(tmp_path, lambda d: d["texts"].update(other="一" * 1_000_000), "big.json")
    assert "文字太长" in refusal(huge)


# 9. Damaged databases: refused as damaged whatever the error, at open and at load; untouched.
def _saved_database(tmp_path: Path) -> Path:
    path = tmp_path / "r.sqlite3"
    with Store.open(path) as store:
        store.save(sample_report())
    return path


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE reports SET organization_name = CAST(X'FFFE41' AS TEXT)",
        "UPDATE cells SET value = 'abc'",
        "DROP TABLE texts",
    ],
)
def test_a_damaged_database_is_refused_as_damaged(tmp_path: Path, damage: str) -> None:
    path = _saved_database(tmp_path)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA foreign_keys = OFF")
        db.execute(damage)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="损坏"), Store.open(path) as store:
        for summary in store.list_reports():
            store.load(summary.id)
    assert path.read_bytes() == before


def test_a_database_missing_its_last_byte_is_refused_untouched(tmp_path: Path) -> None:
    path = _saved_database(tmp_path)
    path.write_bytes(path.read_bytes()[:-1])
    before = path.read_bytes()
    with pytest.raises(StoreError), Store.open(path) as store:
        for summary in store.list_reports():
            store.load(summary.id)
    assert path.read_bytes() == before


# 10. What is read is written, and what is written is read back.
def test_reading_and_writing_agree_on_edge_values(tmp_path: Path) -> None:
    fee = package_with(
        tmp_path, lambda d: d["tables"]["proactive"]["fees"].update(amount=-0.0), "fee.json"
    )
    assert outcome(fee, tmp_path) == OK
    assert (
        to_package(read_report_file(fee).whole())["tables"]["proactive"]["fees"]["amount"] == "0.0"
    )

    def overflow(data):  # type: ignore[no-untyped-def]
        table = data["tables"]["applications"]
        for row in ("new_requests", "disclosed"):
            for col in ("natural_person", "commercial"):
                table[row][col] = 999_999_999
            table[row].pop("total")
        for col in ("natural_person", "commercial", "total"):
            table["results_total"].pop(col)
        table["new_requests"].pop("total", None)

    assert "超出范围" in refusal(package_with(tmp_path, overflow, "total.json"))
    late = package_with(tmp_path, lambda d: d.update(year=2100), "late.json")
    assert outcome(late, tmp_path) == OK  # the Word export of year 2100 reads back too
    repetitive = package_with(
        tmp_path, lambda d: d["texts"].update(other="无其他需要报告的事项。" * 18_000), "rep.json"
    )
    assert outcome(repetitive, tmp_path) == OK  # our own export is no "zip bomb"


def test_the_most_text_a_report_may_hold_writes_and_reads_back(tmp_path: Path) -> None:
    """Each text may hold 200,000 characters and all together 400,000: just under, every format
    (the workbook holds each text twice) is written and read back; just over, refused by name."""
    text = ("本年度我乡坚持依法公开，" * 4000)[:44_000]

    def fill(data, length: int = 44_000):  # type: ignore[no-untyped-def]
        texts = data["texts"]
        texts["preamble"] = texts["problems"] = texts["other"] = text[:length]
        texts["overview"]["intro"] = text[:length]
        for sub in texts["overview"]["subsections"]:
            sub["body"] = text[:length]

    assert outcome(package_with(tmp_path, fill, "most.json"), tmp_path) == OK
    over = package_with(
        tmp_path, lambda d: fill(d) or d["texts"].update(other=text * 2), "over.json"
    )
    assert "文字太多" in refusal(over)


def test_a_name_or_contact_field_holds_one_short_line(tmp_path: Path) -> None:
    """The generated preamble repeats the contact fields: a phone number of 100,000 characters
    made a preamble no reader would take back. Names, titles, contact fields and keys are lines
    of at most 2,000 characters, refused by path beyond."""

    phone = package_with(tmp_path, lambda d: d["meta"].update(phone="0955" + "在" * 100_000))
    message = refusal(phone)
    assert "meta.phone" in message and "最多 2,000 个字符" in message
    key = package_with(tmp_path, lambda d: d["meta"].update({"备注" * 3000: "x"}), "key.json")
    assert "最多 2,000 个字符" in refusal(key)
