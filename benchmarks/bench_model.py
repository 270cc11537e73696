"""Medians of the foundation's hot paths (a script, not a test: timings never fail the suite).

    .venv/bin/python benchmarks/bench_model.py

Targets (issue 2): validating one report < 2 ms; saving and loading one report in a store of
5,000 reports < 10 ms; listing those 5,000 < 50 ms. Issue 6: all checks of one report, the
cross-year and text ones included, < 20 ms. Issue 16: validate of a package with a 1 MB text,
and with the longest text one may hold, < 1 s.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model.checks import check_report, has_errors
from model.format.declaration import CellRef, Role
from model.format.format_2021 import TABLES
from model.package import dumps_package, load_report
from model.report import Report
from model.store.store import Store

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "sample" / "guanqiao-2021.json"


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def full_report() -> Report:
    """The sample with a 9-digit-free but non-zero value in every typed cell, balanced."""
    report = load_report(SAMPLE)
    applications = TABLES["applications"]
    for ref in applications.cells:
        if applications.role(ref) is Role.INPUT and ref.row not in ("new_requests", "carried_over"):
            report.set_value(ref, 3)
    for ref in applications.cells:
        if ref.row == "new_requests" and applications.role(ref) is Role.INPUT:
            total = report.value(CellRef("applications", "results_total", ref.col))
            forward = report.value(CellRef("applications", "carried_forward", ref.col))
            report.set_value(ref, int(total) + int(forward) - 5)
            report.set_value(CellRef("applications", "carried_over", ref.col), 5)
    return report


def long_texts(folder: Path) -> dict[str, tuple[float, float]]:
    """Issue 16: ``validate`` of a package with a 1 MB text (refused: a text holds at most
    200,000 characters) and with the longest text one may hold, in the worst shape for the text
    checks found (a sentence of years), each read and checked whole, under a second."""
    from cli.commands import validate

    timings = {}
    path = folder / "long.json"
    for name, text in (
        ("validate, a 1 MB text (refused)", "政府信息公开" * (1_000_000 // 18)),
        ("validate, a 200,000-character text", "2020年" * 40_000),
    ):
        report = full_report()
        report.texts.problems = text
        path.write_text(dumps_package(report), encoding="utf-8")
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            timings[name] = (median_ms(partial(validate, str(path)), 5), 1000)
    return timings


def main() -> None:
    report = full_report()
    assert not has_errors(check_report(report)), check_report(report)
    results = {
        "validate one report (errors and warnings)": (
            median_ms(lambda: check_report(report), 500),
            2,
        )
    }
    last = full_report()
    last.year = 2020
    results["all checks, last year and texts included"] = (
        median_ms(lambda: check_report(report, previous=last), 500),
        20,
    )

    with tempfile.TemporaryDirectory() as folder:
        results |= long_texts(Path(folder))
        store = Store.open(Path(folder) / "bench.sqlite3")
        store._db.execute("PRAGMA synchronous = OFF")  # setup only: fill 5,000 reports fast
        for i in range(5000):
            filler = full_report()
            filler.organization = f"测试县第{i // 10:03d}乡人民政府"
            filler.year = 2012 + i % 10
            store.save(filler)
        store._db.execute("PRAGMA synchronous = FULL")
        target = full_report()
        target.organization, target.year = "测试县第000乡人民政府", 2022
        target_id = store.save(target)

        def save_and_load() -> None:
            target.texts.other = f"改动 {time.perf_counter()}"
            store.save(target)
            store.load(target_id)

        results["save + load one report (5,000 in store)"] = (median_ms(save_and_load, 200), 10)
        results["list 5,000 reports"] = (median_ms(store.list_reports, 50), 50)
        count = len(store.list_reports())
        store.close()

    print(f"store holds {count} reports")
    for name, (median, target_ms) in results.items():
        verdict = "ok" if median < target_ms else "OVER TARGET"
        print(f"{name:45s} median {median:8.3f} ms   target < {target_ms} ms   {verdict}")


if __name__ == "__main__":
    main()
