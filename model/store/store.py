"""The SQLite store: many organizations and years in one self-contained file.

Rollback journal with ``synchronous=FULL`` (one file a clerk can copy; it survives a power cut and
works on a shared folder), ``foreign_keys``, ``busy_timeout``, bound parameters only, one
transaction per save. A file it did not create is inspected read-only first (``inspection``);
an older schema is migrated after a backup copy is made beside it. The report model (``rows``)
is imported when a report is first saved or loaded: listing needs none of it, and the window
starts by showing only the list.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..status import Status
from .inspection import (
    DamagedDatabase,
    StoreError,
    check_writable,
    damage_refused,
    damaged_message,
    inspect,
)
from .schema import MIGRATIONS, SCHEMA_VERSION, now

if TYPE_CHECKING:
    from ..report import Report

BUSY_TIMEOUT_MS = 5000
_STATUS = {status.value: status for status in Status}


class DuplicateReport(StoreError):
    pass


class ReportSummary(NamedTuple):
    """One line of the report list (a tuple: listing 5,000 must stay cheap)."""

    id: int
    organization_id: int
    organization: str  # the organization's current name
    report_name: str  # the name printed on this report
    year: int
    status: Status
    updated_at: str
    deleted_at: str | None


@dataclass(frozen=True)
class Organization:
    id: int
    name: str
    former_names: tuple[str, ...]


class Store:
    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection

    # ── opening ──────────────────────────────────────────────────────────────────────────

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open (or create) the database at ``path``, refusing files that are not ours."""
        path = Path(path)
        state = inspect(path)
        check_writable(path)
        if state.exists and 0 < state.version < SCHEMA_VERSION:
            backup_before_migration(path, state.version)
        try:
            connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"无法打开数据库文件“{path}”：{exc}") from exc
        try:  # a schema whose text is damaged passes the read-only inspection, not this
            with damage_refused(path):
                connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                connection.execute("PRAGMA journal_mode = DELETE")
                connection.execute("PRAGMA synchronous = FULL")
                connection.execute("PRAGMA foreign_keys = ON")
                store = cls(path, connection)
                store._migrate()
        except StoreError:
            connection.close()
            raise
        return store

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version + 1, SCHEMA_VERSION + 1):
            try:
                self._db.executescript(
                    f"BEGIN IMMEDIATE; {MIGRATIONS[number - 1]} PRAGMA user_version = {number}; COMMIT;"
                )
            except sqlite3.Error as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise StoreError(
                    f"数据库升级到第 {number} 版失败：{exc}。文件已还原，并留有备份。"
                ) from exc

    @property
    def version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # ── organizations ────────────────────────────────────────────────────────────────────

    def organizations(self) -> list[Organization]:
        with damage_refused(self.path):
            return self._organizations()

    def _organizations(self) -> list[Organization]:
        former: dict[int, list[str]] = {}
        for org_id, name in self._db.execute(
            "SELECT organization_id, name FROM organization_names ORDER BY renamed_at, id"
        ):
            former.setdefault(org_id, []).append(name)
        return [
            Organization(org_id, name, tuple(former.get(org_id, ())))
            for org_id, name in self._db.execute("SELECT id, name FROM organizations ORDER BY name")
        ]

    def find_organization(self, name: str) -> int | None:
        """The organization known by this name now, or else formerly."""
        row = self._db.execute("SELECT id FROM organizations WHERE name = ?", (name,)).fetchone()
        if row is None:
            row = self._db.execute(
                "SELECT organization_id FROM organization_names WHERE name = ? ORDER BY renamed_at DESC",
                (name,),
            ).fetchone()
        return row[0] if row else None

    def rename_organization(self, organization_id: int, new_name: str) -> None:
        """Rename (关桥乡 → 关桥镇), keeping the history; drafts take the new name, published
        reports keep the name they were published under."""
        new_name = new_name.strip()
        if not new_name:
            raise StoreError("机关名称不能为空。")
        with self._transaction() as db:
            row = db.execute(
                "SELECT name FROM organizations WHERE id = ?", (organization_id,)
            ).fetchone()
            if row is None:
                raise StoreError("找不到要改名的机关。")
            if row[0] == new_name:
                return
            clash = db.execute(
                "SELECT 1 FROM organizations WHERE name = ? AND id <> ?",
                (new_name, organization_id),
            ).fetchone()
            if clash:
                raise StoreError(f"已有名为“{new_name}”的机关。")
            stamp = now()
            db.execute(
                "INSERT INTO organization_names (organization_id, name, renamed_at) VALUES (?, ?, ?)",
                (organization_id, row[0], stamp),
            )
            db.execute(
                "UPDATE organizations SET name = ? WHERE id = ?", (new_name, organization_id)
            )
            db.execute(
                "UPDATE reports SET organization_name = ?, updated_at = ? "
                "WHERE organization_id = ? AND status = 'draft'",
                (new_name, stamp, organization_id),
            )

    def _organization_for(self, db: sqlite3.Connection, report: Report) -> int:
        if report.organization_id is not None:
            exists = db.execute(
                "SELECT 1 FROM organizations WHERE id = ?", (report.organization_id,)
            ).fetchone()
            if exists:
                return report.organization_id
        name = report.organization.strip()
        if not name:
            raise StoreError("机关名称为空，无法保存报告。")
        found = self.find_organization(name)
        if found is not None:
            return found
        return int(
            db.execute(
                "INSERT INTO organizations (name, created_at) VALUES (?, ?)", (name, now())
            ).lastrowid
        )

    # ── reports ──────────────────────────────────────────────────────────────────────────

    def save(self, report: Report) -> int:
        """Save the whole report in one transaction; sets and returns ``report.id``."""
        from .rows import write_report

        if report.year is None:
            raise StoreError("报告年度为空，无法保存报告。")
        with self._transaction() as db:
            org_id = self._organization_for(db, report)
            clash = db.execute(
                "SELECT id FROM reports WHERE organization_id = ? AND year = ? AND deleted_at IS NULL",
                (org_id, report.year),
            ).fetchone()
            if clash and clash[0] != report.id:
                raise DuplicateReport(f"{report.organization}的 {report.year} 年度报告已经存在。")
            report_id = write_report(db, report, org_id)
        report.id, report.organization_id = report_id, org_id
        return report_id

    def load(self, report_id: int) -> Report:
        """A report whole; DamagedDatabase when its rows cannot be read as one."""
        from ..report import clean_texts
        from .rows import read_report

        with damage_refused(self.path):
            report = read_report(self._db, report_id)
        bad_texts = clean_texts(report)
        if bad_texts:
            where, why = bad_texts[0]
            raise DamagedDatabase(damaged_message(self.path, f"{where}：{why}"))
        return report

    def record_event(self, report_id: int, event: str) -> None:
        """Note what happened to a report (发布, 取消发布) in its history."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO report_events (report_id, at, event) VALUES (?, ?, ?)",
                (report_id, now(), event),
            )

    def events(self, report_id: int) -> list[tuple[str, str]]:
        return list(
            self._db.execute(
                "SELECT at, event FROM report_events WHERE report_id = ? ORDER BY id", (report_id,)
            )
        )

    def find(self, organization_id: int, year: int) -> Report | None:
        row = self._db.execute(
            "SELECT id FROM reports WHERE organization_id = ? AND year = ? AND deleted_at IS NULL",
            (organization_id, year),
        ).fetchone()
        return self.load(row[0]) if row else None

    def nearest(self, organization_id: int, year: int) -> Report | None:
        """The organization's report of the year nearest ``year`` (the earlier on a tie): its
        platform and contacts are a new report's, which seldom change."""
        row = self._db.execute(
            "SELECT id FROM reports WHERE organization_id = ? AND deleted_at IS NULL "
            "ORDER BY abs(year - ?), year LIMIT 1",
            (organization_id, year),
        ).fetchone()
        return self.load(row[0]) if row else None

    def previous_year(self, report: Report) -> Report | None:
        """Last year's report of the same organization, for the cross-year checks."""
        if report.organization_id is None or report.year is None:
            return None
        return self.find(report.organization_id, report.year - 1)

    def list_reports(self, *, deleted: bool = False) -> list[ReportSummary]:
        """The reports (or, with ``deleted``, the 回收站), by organization and newest year first."""
        condition = "r.deleted_at IS NOT NULL" if deleted else "r.deleted_at IS NULL"
        with damage_refused(self.path):
            return [
                ReportSummary(rid, oid, org, name, year, _STATUS[status], updated, removed)
                for rid, oid, org, name, year, status, updated, removed in self._db.execute(
                    "SELECT r.id, r.organization_id, o.name, r.organization_name, r.year, r.status, "
                    "r.updated_at, r.deleted_at FROM reports r JOIN organizations o "
                    f"ON o.id = r.organization_id WHERE {condition} ORDER BY o.name, r.year DESC, r.id"
                )
            ]

    def delete(self, report_id: int) -> None:
        """Move a report to the 回收站 (restorable)."""
        with self._transaction() as db:
            db.execute(
                "UPDATE reports SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                (now(), report_id),
            )

    def restore(self, report_id: int) -> None:
        with self._transaction() as db:
            row = db.execute(
                "SELECT organization_id, organization_name, year FROM reports WHERE id = ?",
                (report_id,),
            ).fetchone()
            if row is None:
                raise StoreError("找不到这份报告。")
            clash = db.execute(
                "SELECT 1 FROM reports WHERE organization_id = ? AND year = ? AND deleted_at IS NULL "
                "AND id <> ?",
                (row[0], row[2], report_id),
            ).fetchone()
            if clash:
                raise DuplicateReport(f"{row[1]}的 {row[2]} 年度报告已经存在，无法恢复这份报告。")
            db.execute("UPDATE reports SET deleted_at = NULL WHERE id = ?", (report_id,))

    def purge(self, report_id: int) -> None:
        """Delete a report from the 回收站 for good."""
        with self._transaction() as db:
            db.execute("DELETE FROM reports WHERE id = ? AND deleted_at IS NOT NULL", (report_id,))

    # ── the county's list of units ───────────────────────────────────────────────────────

    def unit_list(self, year: int) -> tuple[list[str], int | None]:
        """The units that must report for ``year``, and the year the list was kept for: the
        year's own, else the latest earlier one (carried forward), else ([], None)."""
        with damage_refused(self.path):
            row = self._db.execute(
                "SELECT MAX(year) FROM unit_lists WHERE year <= ?", (year,)
            ).fetchone()
            kept = row[0] if row else None
            if kept is None:
                return [], None
            names = [
                name
                for (name,) in self._db.execute(
                    "SELECT name FROM unit_lists WHERE year = ? ORDER BY position", (kept,)
                )
            ]
        return names, kept

    def save_unit_list(self, year: int, names: list[str]) -> None:
        """Keep the list of units for ``year`` (replacing the year's list; empty: none)."""
        with self._transaction() as db:
            db.execute("DELETE FROM unit_lists WHERE year = ?", (year,))
            db.executemany(
                "INSERT INTO unit_lists (year, position, name) VALUES (?, ?, ?)",
                [(year, i, name) for i, name in enumerate(dict.fromkeys(names)) if name.strip()],
            )

    def backup_to(self, target: Path) -> None:
        """A consistent copy of the whole database (SQLite's backup API), e.g. for 备份数据库;
        written beside the target and renamed into place, so a failed backup leaves no half file."""
        target = Path(target)
        partial = target.with_name(f".{target.name}.part")
        partial.unlink(missing_ok=True)
        try:
            destination = sqlite3.connect(partial)
            try:
                self._db.backup(destination)
            finally:
                destination.close()
            partial.replace(target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise

    def restore_from(self, source: Path) -> None:
        """Replace the whole database with a backup copy (恢复备份), after checking it is ours."""
        state = inspect(Path(source))
        if not state.exists or state.version == 0:
            raise StoreError(f"“{Path(source).name}”不是年报助手的备份文件。")
        origin = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)
        try:
            origin.backup(self._db)
        finally:
            origin.close()
        self._migrate()


def backup_before_migration(path: Path, version: int) -> Path:
    """Copy the database aside before a migration touches it: ``reports.v1-20260126-093000.bak``."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.bak")
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()
    return target
