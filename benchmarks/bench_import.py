"""Importing a report as the portal publishes it (a script, not a test).

    .venv/bin/python benchmarks/bench_import.py

Targets (issue 13): a web page read in under 100 ms (median, in-process); a PDF of seven pages
read in under 1.5 s the first time in a process (pdfplumber and pdfminer imported, their CJK maps
loaded) — this one has eight. The page and the PDF are made the ways portals make them:
LibreOffice's HTML and PDF of this program's Word file of a report with a long 五. Needs
LibreOffice.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The first import of a PDF in a fresh process, from before the readers are imported.
COLD = """
import sys, time
start = time.perf_counter()
sys.path.insert(0, {root!r})
from pathlib import Path
from export.files import read_report_file
read_report_file(Path({pdf!r}))
print((time.perf_counter() - start) * 1000)
"""


def _converted(document: Path, to: str) -> Path:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        sys.exit("LibreOffice (soffice) is needed to make the page and the PDF.")
    profile = document.parent / "lo-profile"
    subprocess.run(
        [office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", to,
         "--outdir", str(document.parent), str(document)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return document.with_suffix("." + to.split(":")[0])


def _first_read_ms(pdf: Path) -> float:
    code = COLD.format(root=str(ROOT), pdf=str(pdf))
    run = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(run.stdout)


def _pages(pdf: Path) -> int:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return len(document.pages)


def main() -> None:
    from benchmarks.bench_model import full_report, median_ms
    from export.files import read_report_file, write_report_file
    from export.reading.html_import import read_html_text

    report = full_report()
    report.texts.problems += "我乡将进一步完善政务公开工作机制，推进基层政务公开标准化规范化。" * 16
    with tempfile.TemporaryDirectory() as folder:
        word = Path(folder) / "报告.docx"
        write_report_file(report, word)
        page = _converted(word, "html").read_text("utf-8")
        pdf = _converted(word, "pdf")
        html = median_ms(lambda: read_html_text(page, "网页"), 30)
        cold = [_first_read_ms(pdf) for _ in range(5)]
        warm = median_ms(lambda: read_report_file(pdf), 5)
        print(f"web page read                      median {html:7.1f} ms   target < 100 ms")
        print(
            f"PDF of {_pages(pdf)} pages read, first time   median {statistics.median(cold):7.1f} ms"
            "   target < 1500 ms"
        )
        print(f"PDF read again in the same process median {warm:7.1f} ms")


if __name__ == "__main__":
    main()
