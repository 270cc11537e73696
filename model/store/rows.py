"""How one report is laid out in the store's tables: its row in ``reports``, its texts, cells,
explanations and marks; written whole inside the caller's transaction, read back whole."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from decimal import Decimal
from typing import Any

from ..cell_input import Value, format_value
from ..format.declaration import CellRef, Kind
from ..format.format_2021 import TABLES
from ..report import Explanation, Overview, Report, Status, Subsection, Texts, zero_values
from .inspection import StoreError
from .schema import now


def write_report(db: sqlite3.Connection, report: Report, org_id: int) -> int:
    """Write the report's row and replace its parts; its id (new for a report not yet saved)."""
    report_id = _write_report_row(db, report, org_id)
    _write_parts(db, report_id, report)
    return report_id


def _write_report_row(db: sqlite3.Connection, report: Report, org_id: int) -> int:
    stamp = now()
    fields = (
        org_id,
        report.organization,
        report.year,
        report.format_version,
        report.status.value,
        _iso(report.published_on),
        _iso(report.signed_on),
        json.dumps(report.meta, ensure_ascii=False),
        stamp,
    )
    if report.id is not None:
        updated = db.execute(
            "UPDATE reports SET organization_id = ?, organization_name = ?, year = ?, "
            "format_version = ?, status = ?, published_on = ?, signed_on = ?, meta = ?, "
            "updated_at = ? WHERE id = ?",
            (*fields, report.id),
        ).rowcount
        if updated:
            return report.id
    return int(
        db.execute(
            "INSERT INTO reports (organization_id, organization_name, year, format_version, "
            "status, published_on, signed_on, meta, updated_at, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*fields, stamp),
        ).lastrowid
    )


def _write_parts(db: sqlite3.Connection, report_id: int, report: Report) -> None:
    for table in ("texts", "cells", "explanations", "report_marks", "printed_totals"):
        db.execute(f"DELETE FROM {table} WHERE report_id = ?", (report_id,))
    texts = report.texts
    rows: list[tuple[Any, ...]] = [
        (report_id, "intro", 0, "", texts.overview.intro),
        (report_id, "problems", 0, "", texts.problems),
        (report_id, "other", 0, "", texts.other),
    ]
    if texts.preamble is not None:
        rows.append((report_id, "preamble", 0, "", texts.preamble))
    rows += [
        (report_id, "subsection", i, sub.title, sub.body)
        for i, sub in enumerate(texts.overview.subsections)
    ]
    db.executemany(
        "INSERT INTO texts (report_id, section, position, title, body) VALUES (?, ?, ?, ?, ?)",
        rows,
    )
    db.executemany(
        "INSERT INTO cells (report_id, table_key, row_key, col_key, value) VALUES (?, ?, ?, ?, ?)",
        [(report_id, *ref, format_value(value)) for ref, value in report.values.items()],
    )
    db.executemany(
        "INSERT INTO explanations (report_id, position, rule, cells, sentence, text) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (report_id, i, e.rule, json.dumps(sorted(e.cells)), e.sentence, e.text)
            for i, e in enumerate(report.explanations)
        ],
    )

    marks = [(report_id, "carried", ref.path) for ref in report.carried]
    marks += [(report_id, "pending", path) for path in report.pending_texts]
    db.executemany("INSERT INTO report_marks (report_id, kind, path) VALUES (?, ?, ?)", marks)
    db.executemany(
        "INSERT INTO printed_totals (report_id, table_key, row_key, col_key, value) "
        "VALUES (?, ?, ?, ?, ?)",
        [(report_id, *ref, format_value(value)) for ref, value in report.as_published.items()],
    )


def read_report(db: sqlite3.Connection, report_id: int) -> Report:
    """The report saved under ``report_id``; StoreError when there is none."""
    row = db.execute(
        "SELECT organization_id, organization_name, year, format_version, status, "
        "published_on, signed_on, meta FROM reports WHERE id = ?",
        (report_id,),
    ).fetchone()
    if row is None:
        raise StoreError("找不到这份报告，它可能已被删除。")
    org_id, name, year, edition, status, published_on, signed_on, meta = row
    carried, pending = _load_marks(db, report_id)
    return Report(
        organization=name,
        year=year,
        status=Status(status),
        published_on=_date(published_on),
        signed_on=_date(signed_on),
        meta=json.loads(meta),
        texts=_load_texts(db, report_id),
        values=_load_values(db, report_id),
        as_published=_load_printed(db, report_id),
        explanations=_load_explanations(db, report_id),
        format_version=edition,
        carried=carried,
        pending_texts=pending,
        id=report_id,
        organization_id=org_id,
    )


def _load_texts(db: sqlite3.Connection, report_id: int) -> Texts:
    texts = Texts()
    for section, title, body in db.execute(
        "SELECT section, title, body FROM texts WHERE report_id = ? ORDER BY section, position",
        (report_id,),
    ):
        if section == "subsection":
            texts.overview.subsections.append(Subsection(title, body))
        elif section == "intro":
            texts.overview = Overview(body, texts.overview.subsections)
        else:
            setattr(texts, section, body)
    return texts


def _load_values(db: sqlite3.Connection, report_id: int) -> dict[CellRef, Value]:
    values = zero_values()
    for table_key, row_key, col_key, text in db.execute(
        "SELECT table_key, row_key, col_key, value FROM cells WHERE report_id = ?", (report_id,)
    ):
        ref = CellRef(table_key, row_key, col_key)
        if ref in values:
            values[ref] = Decimal(text) if TABLES[table_key].kind(ref) is Kind.AMOUNT else int(text)
    return values


def _load_printed(db: sqlite3.Connection, report_id: int) -> dict[CellRef, Value]:
    printed: dict[CellRef, Value] = {}
    for table_key, row_key, col_key, text in db.execute(
        "SELECT table_key, row_key, col_key, value FROM printed_totals WHERE report_id = ?",
        (report_id,),
    ):
        ref = CellRef(table_key, row_key, col_key)
        if table_key in TABLES and ref in TABLES[table_key].computed_cells:
            kind = TABLES[table_key].kind(ref)
            printed[ref] = Decimal(text) if kind is Kind.AMOUNT else int(text)
    return printed


def _load_explanations(db: sqlite3.Connection, report_id: int) -> list[Explanation]:
    return [
        Explanation(rule, tuple(json.loads(cells)), sentence, text)
        for rule, cells, sentence, text in db.execute(
            "SELECT rule, cells, sentence, text FROM explanations WHERE report_id = ? "
            "ORDER BY position",
            (report_id,),
        )
    ]


def _load_marks(db: sqlite3.Connection, report_id: int) -> tuple[set[CellRef], set[str]]:
    carried: set[CellRef] = set()
    pending: set[str] = set()
    for kind, path in db.execute(
        "SELECT kind, path FROM report_marks WHERE report_id = ?", (report_id,)
    ):
        if kind == "pending":
            pending.add(path)
        else:
            _, table, row, col = path.split(".")
            carried.add(CellRef(table, row, col))
    return carried, pending


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
