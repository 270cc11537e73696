"""The county's desk (a script, not a test).

    .venv/bin/python benchmarks/bench_desk.py

Targets (issue 14): 200 data packages read, checked (with last year's report of each unit from
the database) and summed in under 3 s; 200 Word files in under 15 s. Another year chosen
afterwards sums the same files again without reading them (only a file that names no year is
read again).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from benchmarks.bench_model import full_report
    from export.county_desk import assemble, last_years, review
    from export.files import write_report_file
    from model.store.store import Store

    folder = Path(tempfile.mkdtemp(prefix="nianbao-desk-"))
    database = folder / "county.sqlite3"
    names = [f"测试县第{i:03d}乡人民政府" for i in range(200)]
    with Store.open(database) as store:
        store._db.execute("PRAGMA synchronous = OFF")  # setup only
        for name in names:
            last = full_report()
            last.organization, last.year = name, 2020
            store.save(last)
    for suffix in (".json", ".docx"):
        (folder / suffix[1:]).mkdir()
        for name in names:
            report = full_report()
            report.organization, report.year = name, 2021
            write_report_file(report, folder / suffix[1:] / f"{name}{suffix}")
    with Store.open(database) as store:
        previous = last_years(store)
        for suffix, target in ((".json", 3.0), (".docx", 15.0)):
            start = time.perf_counter()
            desk = review([folder / suffix[1:]], 2021, units=names, previous=previous)
            took = time.perf_counter() - start
            assert len(desk.summed()) == 200 and all(u.previous_found for u in desk.units)
            print(
                f"200 {suffix} files read, checked and summed   {took:6.2f} s   target < {target} s"
            )
            start = time.perf_counter()
            again = assemble(desk.units, 2020, names)
            took = (time.perf_counter() - start) * 1000
            assert not again.summed()  # every one is a 2021 report: E-year
            print(f"  … summed again for another year        {took:6.1f} ms (was: read again)")


if __name__ == "__main__":
    main()
