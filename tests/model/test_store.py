"""The SQLite store: round trips, migrations, concurrency, refusals that touch nothing, and no
half-written report after a crash."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from model.format.declaration import CellRef, Kind
from model.format.format_2021 import TABLES
from model.report import Report, Status
from model.store.inspection import (
    DamagedDatabase,
    ForeignDatabase,
    NewerDatabase,
    NotADatabase,
    ReadOnlyDatabase,
    StoreError,
)
from model.store.schema import APPLICATION_ID, SCHEMA_VERSION
from model.store.store import DuplicateReport, Store, backup_before_migration
from tests.faulty_files import (
    damaged_database,
    foreign_database,
    newer_database,
    not_a_database,
    schema_damaged_database,
)
from tests.helpers import ROOT, sample_report
from tests.strategies import valid_reports


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Store.open(tmp_path / "reports.sqlite3") as opened:
        yield opened


@settings(
    deadline=None, max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(valid_reports())
def test_round_trip_of_generated_reports(store: Store, report: Report) -> None:
    report_id = store.save(report)
    loaded = store.load(report_id)
    assert loaded == report
    store.delete(report_id)
    store.purge(report_id)


def test_save_again_updates_in_place(store: Store) -> None:
    report = sample_report()
    first = store.save(report)
    report.texts.other = "无。"
    report.set_value(CellRef("proactive", "penalty", "decisions"), 12)
    assert store.save(report) == first
    loaded = store.load(first)
    assert loaded.texts.other == "无。"
    assert loaded.value(CellRef("proactive", "penalty", "decisions")) == 12
    assert len(store.list_reports()) == 1


def test_one_report_per_organization_and_year(store: Store) -> None:
    store.save(sample_report())
    with pytest.raises(DuplicateReport, match="2021 年度报告已经存在"):
        store.save(sample_report())
    other_year = sample_report()
    other_year.year = 2022
    store.save(other_year)
    assert [s.year for s in store.list_reports()] == [2022, 2021]


def test_rename_keeps_history_and_published_names(store: Store) -> None:
    old = sample_report()
    old.status, old.published_on = Status.PUBLISHED, dt.date(2022, 1, 20)
    store.save(old)
    draft = sample_report()
    draft.year = 2022
    store.save(draft)
    assert old.organization_id == draft.organization_id
    store.rename_organization(draft.organization_id or 0, "海原县关桥镇人民政府")
    (org,) = store.organizations()
    assert org.name == "海原县关桥镇人民政府"
    assert org.former_names == ("海原县关桥乡人民政府",)
    assert store.load(old.id or 0).organization == "海原县关桥乡人民政府"
    assert store.load(draft.id or 0).organization == "海原县关桥镇人民政府"
    assert store.find_organization("海原县关桥乡人民政府") == org.id
    # A package written under the old name lands with the same organization.
    imported = sample_report()
    imported.year = 2020
    store.save(imported)
    assert imported.organization_id == org.id
    assert store.previous_year(draft) == store.load(old.id or 0)


def test_the_nearest_report_of_an_organization(store: Store) -> None:
    """Where a new report without last year's takes its portal and contacts from."""
    for year, phone in ((2019, "1"), (2021, "2"), (2023, "3"), (2024, "4")):
        report = sample_report()
        report.year, report.meta["phone"] = year, phone
        store.save(report)
    org = report.organization_id or 0
    nearest = {year: store.nearest(org, year) for year in (2018, 2020, 2022, 2026)}
    assert {year: r.meta["phone"] for year, r in nearest.items() if r} == {
        2018: "1",
        2020: "1",  # 2019 and 2021 are as near: the earlier
        2022: "2",
        2026: "4",
    }
    store.delete(report.id or 0)  # 2024's, in the 回收站: not a source
    assert (store.nearest(org, 2026) or report).meta["phone"] == "3"
    assert store.nearest(org + 1, 2022) is None


def test_delete_restore_and_purge(store: Store) -> None:
    report = sample_report()
    report_id = store.save(report)
    store.delete(report_id)
    assert store.list_reports() == []
    assert [s.id for s in store.list_reports(deleted=True)] == [report_id]
    replacement = sample_report()
    store.save(replacement)
    with pytest.raises(DuplicateReport):
        store.restore(report_id)
    store.delete(replacement.id or 0)
    store.restore(report_id)
    assert [s.id for s in store.list_reports()] == [report_id]
    store.purge(replacement.id or 0)
    assert [s.id for s in store.list_reports(deleted=True)] == []


def test_a_new_file_is_created_at_the_current_version(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "new.sqlite3"
    with Store.open(path) as store:
        assert store.version == SCHEMA_VERSION
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_migrations_from_an_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    with Store.open(empty) as store:
        assert store.version == SCHEMA_VERSION
        store.save(sample_report())
    bare = tmp_path / "bare.sqlite3"
    sqlite3.connect(bare).close()  # an SQLite file with no tables at all
    with Store.open(bare) as store:
        assert store.version == SCHEMA_VERSION


def test_backup_before_migration_is_a_readable_copy(tmp_path: Path) -> None:
    path = tmp_path / "reports.sqlite3"
    with Store.open(path) as store:
        store.save(sample_report())
    copy = backup_before_migration(path, 1)
    assert copy.name.startswith("reports.v1-") and copy.suffix == ".bak"
    with Store.open(copy) as restored:
        assert len(restored.list_reports()) == 1


def test_two_connections_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    with Store.open(path) as first, Store.open(path) as second:
        report = sample_report()
        first.save(report)
        assert second.load(report.id or 0) == report
        other = second.load(report.id or 0)
        other.texts.other = "第二个窗口改的。"
        second.save(other)
        assert first.load(report.id or 0).texts.other == "第二个窗口改的。"
        # A writer holding the lock makes the other wait (busy_timeout), not fail.
        first._db.execute("BEGIN IMMEDIATE")
        with pytest.raises(sqlite3.OperationalError):
            second._db.execute("PRAGMA busy_timeout = 50")
            second._db.execute("BEGIN IMMEDIATE")
        first._db.execute("COMMIT")
        second._db.execute("PRAGMA busy_timeout = 5000")
        second.save(other)


# ── refusals that touch nothing ──


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refuse_untouched(path: Path, error: type[StoreError], says: str) -> None:
    before = digest(path), sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(error, match=says):
        Store.open(path)
    assert (digest(path), sorted(p.name for p in path.parent.iterdir())) == before


@pytest.mark.parametrize(
    ("make", "error", "says"),
    [
        (not_a_database, NotADatabase, "不是年报助手的数据库文件"),
        (foreign_database, ForeignDatabase, "其他程序的数据库"),
        (newer_database, NewerDatabase, "更新版本的年报助手"),
        (damaged_database, DamagedDatabase, "已损坏"),
        (schema_damaged_database, DamagedDatabase, "已损坏"),
    ],
)
def test_a_file_we_must_not_touch_is_refused_untouched(
    tmp_path: Path, make, error, says: str
) -> None:  # type: ignore[no-untyped-def]
    refuse_untouched(make(tmp_path), error, says)


def test_a_truncated_header_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "short.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)
    refuse_untouched(path, NotADatabase, "不是年报助手的数据库文件")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only files")
def test_a_read_only_location_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "reports.sqlite3"
    Store.open(path).close()
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ReadOnlyDatabase, match="只读"):
            Store.open(path)
    finally:
        tmp_path.chmod(0o700)


def test_a_read_only_location_is_refused_even_for_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "reports.sqlite3"
    Store.open(path).close()
    before = digest(path)
    monkeypatch.setattr(os, "access", lambda *_args, **_kw: False)
    with pytest.raises(ReadOnlyDatabase, match="只读"):
        Store.open(path)
    assert digest(path) == before


# ── a crash never leaves half a report ──


def revisions(report: Report) -> set[str]:
    counts = {
        str(value)
        for ref, value in report.values.items()
        if TABLES[ref.table].kind(ref) is Kind.COUNT
    }
    return counts | {report.meta["rev"], report.texts.problems.split()[1]}


def test_no_half_written_report_after_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    with Store.open(path) as store:
        for year in (2021, 2022, 2023):
            report = sample_report()
            report.year = year
            report.meta["rev"] = "0"
            report.texts.problems = "第 0 版"
            for ref in report.values:
                if TABLES[ref.table].kind(ref) is Kind.COUNT:
                    report.values[ref] = 0
            store.save(report)
    writer = Path(__file__).with_name("store_writer.py")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    seen = {2021: 0, 2022: 0, 2023: 0}
    rng = random.Random(20261126)
    hot_journals = 0
    for _ in range(100):
        child = subprocess.Popen(
            [sys.executable, str(writer), str(path)], stdout=subprocess.PIPE, env=env, text=True
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        hot_journals += path.with_name(path.name + "-journal").exists()
        with Store.open(path) as store:  # rolls back an interrupted save
            assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            for summary in store.list_reports():
                report = store.load(summary.id)
                found = revisions(report)
                assert len(found) == 1, f"half-written report {summary.year}: {sorted(found)}"
                revision = int(found.pop())
                assert revision >= seen[summary.year]
                seen[summary.year] = revision
    assert min(seen.values()) > 0
    print(f"interrupted saves left a hot journal {hot_journals} times of 100")


def test_migration_from_version_1_backs_up_first_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "reports.sqlite3"
    with Store.open(path) as store:
        store.save(sample_report())
    raw = sqlite3.connect(path)
    raw.executescript(
        "DROP TABLE report_marks; DROP TABLE report_events; DROP TABLE printed_totals;"
        " DROP TABLE unit_lists;"
        " PRAGMA user_version = 1;"
    )
    raw.close()
    with Store.open(path) as store:
        assert store.version == SCHEMA_VERSION
        assert [s.year for s in store.list_reports()] == [2021]
    (backup,) = tmp_path.glob("reports.v1-*.bak")
    with sqlite3.connect(backup) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    copy.close()


def test_marks_and_events_are_kept(store: Store) -> None:
    report = sample_report()
    report.carried = {CellRef("applications", "carried_over", "commercial")}
    report.pending_texts = {"texts.problems"}
    store.save(report)
    loaded = store.load(report.id or 0)
    assert loaded.carried == report.carried and loaded.pending_texts == {"texts.problems"}
    store.record_event(report.id or 0, "发布")
    assert [event for _, event in store.events(report.id or 0)] == ["发布"]


def test_restore_from_a_backup(tmp_path: Path, store: Store) -> None:
    report = sample_report()
    store.save(report)
    copy = tmp_path / "copy.sqlite3"
    store.backup_to(copy)
    store.delete(report.id or 0)
    store.restore_from(copy)
    assert [s.year for s in store.list_reports()] == [2021]
    foreign = tmp_path / "foreign.txt"
    foreign.write_text("不是数据库", encoding="utf-8")
    with pytest.raises(StoreError):
        store.restore_from(foreign)


def test_a_failed_backup_leaves_no_file(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(sample_report())
    target = tmp_path / "copy.sqlite3"
    target.write_bytes(b"an older copy")

    def broken(self, destination):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("disk I/O error")

    connection = store._db
    store._db = type("Broken", (), {"backup": broken})()  # type: ignore[assignment]
    try:
        with pytest.raises(sqlite3.OperationalError):
            store.backup_to(target)
    finally:
        store._db = connection
    assert target.read_bytes() == b"an older copy"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".copy")) == []


def test_the_list_of_units_is_kept_by_year_and_carried_forward(store: Store) -> None:
    assert store.unit_list(2021) == ([], None)
    store.save_unit_list(2021, ["甲镇人民政府", "乙乡人民政府", "甲镇人民政府", " "])
    assert store.unit_list(2021) == (["甲镇人民政府", "乙乡人民政府"], 2021)
    assert store.unit_list(2022) == (["甲镇人民政府", "乙乡人民政府"], 2021)  # proposed for 2022
    assert store.unit_list(2020) == ([], None)
    store.save_unit_list(2022, ["丙街道办事处"])
    assert store.unit_list(2022) == (["丙街道办事处"], 2022)
    assert store.unit_list(2021)[0] == ["甲镇人民政府", "乙乡人民政府"]
