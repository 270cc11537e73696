"""The store's schema: numbered migrations, applied in order, one transaction each.

``PRAGMA user_version`` holds the number of the last migration applied; ``PRAGMA application_id``
marks a file as ours, so a database of another program is recognised and left alone. A migration
is only ever appended: a file written by an older version is brought up to date, step by step,
after a backup copy is made (``store.py``).
"""

from __future__ import annotations

import datetime as dt

APPLICATION_ID = 0x4E425A53  # "NBZS": 年报助手

MIGRATIONS: tuple[str, ...] = (
    # 1: organizations with their rename history, reports, texts, cells, explanations.
    f"""
    PRAGMA application_id = {APPLICATION_ID};
    CREATE TABLE organizations (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL CHECK (name <> ''),
        created_at  TEXT NOT NULL
    );
    CREATE UNIQUE INDEX organizations_by_name ON organizations(name);
    CREATE TABLE organization_names (
        id              INTEGER PRIMARY KEY,
        organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name            TEXT NOT NULL,
        renamed_at      TEXT NOT NULL
    );
    CREATE INDEX organization_names_by_name ON organization_names(name);
    CREATE TABLE reports (
        id                INTEGER PRIMARY KEY,
        organization_id   INTEGER NOT NULL REFERENCES organizations(id),
        organization_name TEXT NOT NULL,
        year              INTEGER NOT NULL,
        format_version    INTEGER NOT NULL,
        status            TEXT NOT NULL CHECK (status IN ('draft', 'published')),
        published_on      TEXT,
        signed_on         TEXT,
        meta              TEXT NOT NULL DEFAULT '{{}}',
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        deleted_at        TEXT
    );
    CREATE UNIQUE INDEX reports_one_per_year
        ON reports(organization_id, year) WHERE deleted_at IS NULL;
    CREATE TABLE texts (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        section   TEXT NOT NULL
                  CHECK (section IN ('preamble', 'intro', 'subsection', 'problems', 'other')),
        position  INTEGER NOT NULL DEFAULT 0,
        title     TEXT NOT NULL DEFAULT '',
        body      TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (report_id, section, position)
    ) WITHOUT ROWID;
    CREATE TABLE cells (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        table_key TEXT NOT NULL,
        row_key   TEXT NOT NULL,
        col_key   TEXT NOT NULL,
        value     TEXT NOT NULL,
        PRIMARY KEY (report_id, table_key, row_key, col_key)
    ) WITHOUT ROWID;
    CREATE TABLE explanations (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        rule      TEXT NOT NULL,
        cells     TEXT NOT NULL,
        sentence  TEXT,
        text      TEXT NOT NULL,
        PRIMARY KEY (report_id, position)
    ) WITHOUT ROWID;
    """,
    # 2: the window's marks (cells carried from last year, texts still to update) and a log of
    # what happened to a report (published, unpublished).
    """
    CREATE TABLE report_marks (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        kind      TEXT NOT NULL CHECK (kind IN ('carried', 'pending')),
        path      TEXT NOT NULL,
        PRIMARY KEY (report_id, kind, path)
    ) WITHOUT ROWID;
    CREATE TABLE report_events (
        id        INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        at        TEXT NOT NULL,
        event     TEXT NOT NULL
    );
    """,
    # 3: a published document's totals that disagree with their parts, as printed.
    """
    CREATE TABLE printed_totals (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        table_key TEXT NOT NULL,
        row_key   TEXT NOT NULL,
        col_key   TEXT NOT NULL,
        value     TEXT NOT NULL,
        PRIMARY KEY (report_id, table_key, row_key, col_key)
    ) WITHOUT ROWID;
    """,
    # 4: the county's list of the units that must report, by year.
    """
    CREATE TABLE unit_lists (
        year     INTEGER NOT NULL,
        position INTEGER NOT NULL,
        name     TEXT NOT NULL CHECK (name <> ''),
        PRIMARY KEY (year, position)
    ) WITHOUT ROWID;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def now() -> str:
    """A row's timestamp: local time to the second."""
    return dt.datetime.now().isoformat(timespec="seconds")
