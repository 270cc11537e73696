"""Median of the Word export, in-process (a script, not a test).

    .venv/bin/python benchmarks/bench_docx.py

Target (issue 7): exporting one report < 150 ms.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_model import full_report, median_ms
from export.document import render
from export.docx import write_docx


def main() -> None:
    report = full_report()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "报告.docx"
        export = median_ms(lambda: write_docx(render(report), report, target), 20)
    print(f"export one report to .docx   median {export:7.1f} ms   target < 150 ms")


if __name__ == "__main__":
    main()
