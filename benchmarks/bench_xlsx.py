"""Medians of the Excel export and import, in-process (a script, not a test).

    .venv/bin/python benchmarks/bench_xlsx.py

Targets (issue 4): exporting one report < 100 ms; importing one < 100 ms.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_model import full_report, median_ms
from export.document import render
from export.reading.xlsx_import import read_xlsx
from export.xlsx import write_xlsx


def main() -> None:
    report = full_report()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "报告.xlsx"
        export = median_ms(lambda: write_xlsx(render(report), report, target), 30)
        imported = median_ms(lambda: read_xlsx(target), 30)
    print(f"export one report to .xlsx   median {export:7.1f} ms   target < 100 ms")
    print(f"import one report from .xlsx median {imported:7.1f} ms   target < 100 ms")


if __name__ == "__main__":
    main()
