"""The report data package (JSON), read and written exactly as ``shared/spec/report-json.md`` says.

Reading is strict: an unknown key, a wrong type, a value out of range, an unknown edition or a
newer package is refused with a message naming its path, and nothing is imported. Cell values
that are wrong (E-value) and computed cells that disagree with their parts (E-R2/R3/R4) are
gathered as problems instead, so ``validate`` can list them all; ``load_report`` refuses them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .atomic import write_atomically
from .cell_input import AMOUNT_PLACES, MAX_COUNT, Value, format_value
from .checks.identity import FIRST_YEAR, LAST_YEAR
from .checks.values import total_problem, value_problem
from .format.declaration import CellRef, Kind, Role
from .format.format_2019 import NAME_2019
from .format.format_2021 import FORMAT_VERSION, TABLES
from .problems import Problem, error
from .refusal import FileRefused, problems_refused, refused
from .report import (
    META_FIELDS,
    Explanation,
    Overview,
    Report,
    Status,
    Subsection,
    Texts,
    clean_texts,
    computed_values,
    mismatched_totals,
    printed_totals,
)
from .text_input import clean_json, clean_tree

FORMAT_ID = "gov-info-annual-report"
PACKAGE_VERSION = 2
V1_AMOUNT_PLACES = 4  # version 2 allows AMOUNT_PLACES (6)
_TOP_KEYS = (
    "format",
    "package_version",
    "format_version",
    "organization",
    "year",
    "status",
    "published_on",
    "signed_on",
    "meta",
    "texts",
    "tables",
    "explanations",
    "as_published",
)
_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?")


@dataclass
class PackageRead:
    report: Report
    problems: list[Problem] = field(default_factory=list)  # E-value, E-R2/R3/R4 in the raw file


# ── writing ──────────────────────────────────────────────────────────────────────────────


def to_package(report: Report) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for key, table in TABLES.items():
        values = report.table_values(table)
        rows: dict[str, dict[str, Any]] = {}
        for ref in table.cells:
            value = values[ref]
            rows.setdefault(ref.row, {})[ref.col] = (
                format_value(value) if table.kind(ref) is Kind.AMOUNT else value
            )
        tables[key] = rows
    texts = report.texts
    return {
        "format": FORMAT_ID,
        "package_version": PACKAGE_VERSION,
        "format_version": report.format_version,
        "organization": report.organization,
        "year": report.year,
        "status": report.status.value,
        "published_on": _iso(report.published_on),
        "signed_on": _iso(report.signed_on),
        "meta": dict(report.meta),
        "texts": {
            "preamble": texts.preamble,
            "overview": {
                "intro": texts.overview.intro,
                "subsections": [
                    {"title": sub.title, "body": sub.body} for sub in texts.overview.subsections
                ],
            },
            "problems": texts.problems,
            "other": texts.other,
        },
        "tables": tables,
        "explanations": [
            {"rule": e.rule, "cells": sorted(e.cells), "sentence": e.sentence, "text": e.text}
            for e in report.explanations
        ],
    } | _as_published(report)


def _as_published(report: Report) -> dict[str, Any]:
    """The printed totals still disagreeing with their parts (none: no key, as version 1)."""
    printed = {
        wrong.ref.path: format_value(wrong.given)
        if TABLES[wrong.ref.table].kind(wrong.ref) is Kind.AMOUNT
        else wrong.given
        for wrong in printed_totals(report)
    }
    return {"as_published": printed} if printed else {}


def dumps_package(report: Report) -> str:
    return json.dumps(to_package(report), ensure_ascii=False, indent=2) + "\n"


def save_package(report: Report, path: Path) -> None:
    """Write the package completely or not at all."""
    write_atomically(path, dumps_package(report).encode("utf-8"))


# ── reading ──────────────────────────────────────────────────────────────────────────────


def load_report(path: Path) -> Report:
    """A report from a package file, refusing any problem in it (nothing half-imported)."""
    read = read_package(read_text(path))
    if read.problems:
        raise problems_refused(read.problems)
    return read.report


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileRefused([("", f"找不到文件：{path}")]) from None
    except OSError as exc:
        raise FileRefused([("", f"无法读取文件 {path}：{exc.strerror or exc}")]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRefused([("", f"{path.name} 不是 UTF-8 编码的数据包文件。")]) from None


def read_package(text: str) -> PackageRead:
    """A report from a package's text; FileRefused naming each path that cannot be taken."""
    try:
        data = json.loads(text, parse_float=Decimal, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise refused(
            f"不是有效的 JSON 数据包：第 {exc.lineno} 行第 {exc.colno} 列有错误（{exc.msg}）。"
        ) from None
    except RecursionError:
        raise refused("不是年报助手的数据包：JSON 嵌套过深（数据包只有几层）。") from None
    except _TooManyDigits as exc:
        raise refused(f"不是年报助手的数据包：其中有一个 {exc.digits} 位的整数。") from None
    bad_texts = list(clean_json(data))
    if bad_texts:
        raise FileRefused(bad_texts)
    read = _Reader().read(clean_tree(data))
    bad_texts = clean_texts(read.report)  # names and titles on one line; not too much text
    if bad_texts:
        raise FileRefused(bad_texts)
    return read


class _TooManyDigits(ValueError):
    def __init__(self, digits: int) -> None:
        self.digits = digits


def _bounded_int(text: str) -> int:
    """An integer of the package: no report number has more than a few digits, and a very long
    one would take the parser long to convert (or exceed Python's conversion limit)."""
    if len(text) > 30:
        raise _TooManyDigits(len(text))
    return int(text)


class _Reader:
    def __init__(self) -> None:
        self.refusals: list[tuple[str, str]] = []
        self.problems: list[Problem] = []
        self.amount_places = AMOUNT_PLACES  # the fee's decimal places the package's version allows

    def refuse(self, path: str, message: str) -> None:
        self.refusals.append((path, message))

    def read(self, data: Any) -> PackageRead:
        if not isinstance(data, dict):
            raise FileRefused([("", "数据包的最外层必须是一个 JSON 对象。")])
        self._header(data)
        if self.refusals:  # a foreign or newer package: nothing else is worth reading
            raise FileRefused(self.refusals)
        self._unknown_keys(data, _TOP_KEYS, "")
        report = Report(
            organization=self._string(data, "organization", "organization", default=""),
            year=self._year(data.get("year")),
            status=self._status(data.get("status", "draft")),
            published_on=self._date(data.get("published_on"), "published_on"),
            signed_on=self._date(data.get("signed_on"), "signed_on"),
            meta=self._meta(data.get("meta", {})),
            texts=self._texts(data.get("texts", {})),
            explanations=self._explanations(data.get("explanations", [])),
        )
        self._tables(data.get("tables", {}), report)
        if "as_published" in data:
            self._printed(data["as_published"], report)
        if self.refusals:
            raise FileRefused(self.refusals)
        return PackageRead(report, self.problems)

    # ── header ──

    def _header(self, data: dict[str, Any]) -> None:
        if data.get("format") != FORMAT_ID:
            self.refuse("format", f"这不是年报助手的数据包（format 应为 “{FORMAT_ID}”）。")
            return
        version = data.get("package_version", 1)
        self.amount_places = V1_AMOUNT_PLACES if version == 1 else AMOUNT_PLACES
        if not _is_int(version) or version < 1:
            self.refuse("package_version", "package_version 必须是正整数。")
        elif version > PACKAGE_VERSION:
            self.refuse(
                "package_version",
                f"这个数据包由更新版本的年报助手生成（package_version {version}），"
                "请升级年报助手后再打开。",
            )
        edition = data.get("format_version", FORMAT_VERSION)
        if edition == 2019:
            self.refuse("format_version", f"这个数据包是{NAME_2019}的报告，目前尚不支持。")
        elif edition != FORMAT_VERSION:
            self.refuse("format_version", f"未知的报告格式版本 {edition!r}：应为 2021。")

    # ── scalar fields ──

    def _string(self, data: dict[str, Any], key: str, path: str, default: str = "") -> str:
        value = data.get(key, default)
        if value is None:
            return default
        if not isinstance(value, str):
            self.refuse(path, "应为文本（字符串）。")
            return default
        return value

    def _year(self, value: Any) -> int | None:
        if value is None:
            return None
        if not _is_int(value):
            self.refuse("year", f"年度应为整数，而不是 {_shown(value)}。")
            return None
        if not FIRST_YEAR <= value <= LAST_YEAR:
            self.refuse("year", f"年度 {value} 超出范围：应在 2008 到 2100 之间。")
            return None
        return int(value)

    def _status(self, value: Any) -> Status:
        try:
            return Status(value)
        except ValueError:
            self.refuse("status", f'状态应为 "draft" 或 "published"，而不是 {_shown(value)}。')
            return Status.DRAFT

    def _date(self, value: Any, path: str) -> dt.date | None:
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.refuse(path, f"日期应写作 YYYY-MM-DD，而不是 {_shown(value)}。")
        return None

    def _meta(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.refuse("meta", "应为 JSON 对象。")
            return {}
        meta = dict(value)  # keys beyond the known ones are kept, never dropped
        for key, _ in META_FIELDS:
            if key in meta and meta[key] is not None and not isinstance(meta[key], str):
                self.refuse(f"meta.{key}", "应为文本（字符串）。")
            if meta.get(key) is None:
                meta.pop(key, None)
        return meta

    # ── texts ──

    def _texts(self, value: Any) -> Texts:
        if not isinstance(value, dict):
            self.refuse("texts", "应为 JSON 对象。")
            return Texts()
        self._unknown_keys(value, ("preamble", "overview", "problems", "other"), "texts")
        preamble = value.get("preamble")
        if preamble is not None and not isinstance(preamble, str):
            self.refuse("texts.preamble", "应为文本或 null。")
            preamble = None
        return Texts(
            preamble=preamble,
            overview=self._overview(value.get("overview", {})),
            problems=self._string(value, "problems", "texts.problems"),
            other=self._string(value, "other", "texts.other"),
        )

    def _overview(self, value: Any) -> Overview:
        if not isinstance(value, dict):
            self.refuse("texts.overview", "应为 JSON 对象。")
            return Overview()
        self._unknown_keys(value, ("intro", "subsections"), "texts.overview")
        subsections = value.get("subsections", [])
        if not isinstance(subsections, list):
            self.refuse("texts.overview.subsections", "应为列表。")
            subsections = []
        parsed = []
        for i, sub in enumerate(subsections):
            path = f"texts.overview.subsections.{i}"
            if not isinstance(sub, dict):
                self.refuse(path, "应为含 title 和 body 的 JSON 对象。")
                continue
            self._unknown_keys(sub, ("title", "body"), path)
            parsed.append(
                Subsection(
                    self._string(sub, "title", f"{path}.title"),
                    self._string(sub, "body", f"{path}.body"),
                )
            )
        return Overview(self._string(value, "intro", "texts.overview.intro"), parsed)

    # ── tables ──

    def _tables(self, value: Any, report: Report) -> None:
        if not isinstance(value, dict):
            self.refuse("tables", "应为 JSON 对象。")
            return
        self._unknown_keys(value, tuple(TABLES), "tables")
        for key, table in TABLES.items():
            rows = value.get(key, {})
            if not isinstance(rows, dict):
                self.refuse(f"tables.{key}", "应为 JSON 对象。")
                continue
            self._unknown_keys(rows, table.row_keys(), f"tables.{key}")
            given: dict[CellRef, Value] = {}
            for row in table.row_keys():
                cells = rows.get(row, {})
                if not isinstance(cells, dict):
                    self.refuse(f"tables.{key}.{row}", "应为 JSON 对象。")
                    continue
                self._unknown_keys(cells, table.column_keys(row), f"tables.{key}.{row}")
                for col in table.column_keys(row):
                    if col in cells:
                        ref = CellRef(key, row, col)
                        value_read = self._cell(table.kind(ref), cells[col], ref)
                        if value_read is not None:
                            given[ref] = value_read
            for ref, cell_value in given.items():
                if table.role(ref) is Role.INPUT:
                    report.values[ref] = cell_value
            self._computed(table.key, given, report)

    def _cell(self, kind: Kind, value: Any, ref: CellRef) -> Value | None:
        """A cell's value, or None with an E-value problem recorded."""
        parsed: Value | None = None
        if kind is Kind.COUNT:
            if _is_int(value):
                parsed = value
        elif (
            (isinstance(value, str) and _DECIMAL.fullmatch(value))
            or isinstance(value, Decimal)
            or _is_int(value)
        ):
            parsed = Decimal(value)
            if parsed == 0:
                parsed = parsed.copy_abs()  # -0.0 is 0: written back as "0.0", never "-0.0"
        message = value_problem(kind, parsed, self.amount_places) if parsed is not None else None
        if parsed is None:
            message = (
                f"应为 0 到 {MAX_COUNT:,} 之间的整数，而不是 {_shown(value)}。"
                if kind is Kind.COUNT
                else f'金额应写作十进制数字符串（如 "12.5"），而不是 {_shown(value)}。'
            )
        if message:
            table = TABLES[ref.table]
            self.problems.append(error("E-value", (ref.path,), f"{table.describe(ref)}：{message}"))
            return None
        return parsed

    def _computed(self, key: str, given: dict[CellRef, Value], report: Report) -> None:
        """A computed cell present in the package must equal its parts (E-R2/R3/R4)."""
        table = TABLES[key]
        for ref, total in computed_values(table, report.values).items():
            message = total_problem(total)
            if message and ref not in given:  # a given total out of range is named already
                self.problems.append(
                    error("E-value", (ref.path,), f"{table.describe(ref)}：{message}")
                )
        for wrong in mismatched_totals(table, report.values, given):
            self.problems.append(
                error(
                    f"E-{wrong.rule}",
                    (wrong.ref.path,),
                    f"{table.describe(wrong.ref)}：合计数 {wrong.given} 与各项之和 {wrong.expected} 不符。",
                )
            )

    def _printed(self, value: Any, report: Report) -> None:
        """``as_published`` (version 2): computed cells only, each differing from its parts."""
        if self.amount_places == V1_AMOUNT_PLACES:
            self.refuse("as_published", "as_published 是第 2 版数据包才有的内容。")
            return
        if not isinstance(value, dict):
            self.refuse("as_published", "应为 JSON 对象。")
            return
        computed = {ref.path: ref for table in TABLES.values() for ref in table.computed_cells}
        for path, printed in value.items():
            ref = computed.get(path)
            if ref is None:
                self.refuse(f"as_published.{path}", "只能记录合计（自动计算的格子）印刷的数字。")
                continue
            number = self._cell(TABLES[ref.table].kind(ref), printed, ref)
            if number is None:
                continue
            if number == computed_values(TABLES[ref.table], report.values)[ref]:
                self.refuse(f"as_published.{path}", "印刷的数字与各项之和相同，不应记录。")
                continue
            report.as_published[ref] = number

    # ── explanations ──

    def _explanations(self, value: Any) -> list[Explanation]:
        if not isinstance(value, list):
            self.refuse("explanations", "应为列表。")
            return []
        found = []
        for i, item in enumerate(value):
            path = f"explanations.{i}"
            if not isinstance(item, dict):
                self.refuse(path, "应为 JSON 对象。")
                continue
            self._unknown_keys(item, ("rule", "cells", "sentence", "text"), path)
            cells = item.get("cells", [])
            if not isinstance(cells, list) or not all(isinstance(c, str) for c in cells):
                self.refuse(f"{path}.cells", "应为文本列表。")
                cells = []
            sentence = item.get("sentence")
            if sentence is not None and not isinstance(sentence, str):
                self.refuse(f"{path}.sentence", "应为文本或 null。")
                sentence = None
            found.append(
                Explanation(
                    rule=self._string(item, "rule", f"{path}.rule"),
                    cells=tuple(sorted(cells)),
                    sentence=sentence,
                    text=self._string(item, "text", f"{path}.text"),
                )
            )
        return found

    def _unknown_keys(self, data: dict[str, Any], known: tuple[str, ...], path: str) -> None:
        for key in data:
            if key not in known:
                where = f"{path}.{key}" if path else key
                self.refuse(where, "未知的字段：数据包中不应有这一项。")


def _is_int(value: Any) -> bool:
    return type(value) is int


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 30 else text[:30] + "…"


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
