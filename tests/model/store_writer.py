"""A child process for the crash test: saves reports over and over until it is killed.

Every save writes revision ``k`` into every part of a report (meta, texts, every typed cell), so
a half-written report would show two revisions at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

from model.format.declaration import Kind
from model.format.format_2021 import TABLES
from model.store.store import Store


def stamp(report, revision: int) -> None:  # type: ignore[no-untyped-def]
    report.meta["rev"] = str(revision)
    report.texts.problems = f"第 {revision} 版"
    report.texts.overview.intro = f"第 {revision} 版" * (revision % 7 + 1)
    for ref in report.values:
        if TABLES[ref.table].kind(ref) is Kind.COUNT:
            report.values[ref] = revision


def main(path: str) -> None:
    store = Store.open(Path(path))
    reports = [store.load(summary.id) for summary in store.list_reports()]
    revision = max(int(r.meta.get("rev", "0")) for r in reports)
    print("ready", flush=True)
    while True:
        revision += 1
        for report in reports:
            stamp(report, revision)
            store.save(report)


if __name__ == "__main__":
    main(sys.argv[1])
