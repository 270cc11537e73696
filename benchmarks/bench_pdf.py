"""Medians of the PDF export (a script, not a test).

    .venv/bin/python benchmarks/bench_pdf.py

Targets (issue 5): exporting one report in-process, font loading included, < 300 ms median; the
whole `convert REPORT.json OUT.pdf` process under half the time LibreOffice takes to convert this
program's own .xlsx of the same report to PDF, measured in the same run.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The first export in a fresh process: the modules are imported, the fonts not yet loaded.
COLD = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from export.document import render
from export.pdf import write_pdf
from model.package import load_report
report = load_report(Path({sample!r}))
start = time.perf_counter()
write_pdf(render(report), report, Path({target!r}))
print((time.perf_counter() - start) * 1000)
"""


def median(values: list[float]) -> float:
    return statistics.median(values)


def run_ms(command: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return median(times)


def main() -> None:
    from benchmarks.bench_model import full_report
    from export.document import render
    from export.pdf import write_pdf
    from model.package import save_package

    # Installed programs run from bytecode; this machine sets PYTHONDONTWRITEBYTECODE.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "model", "export", "cli"], cwd=ROOT, check=True
    )
    sample = ROOT / "resources" / "sample" / "guanqiao-2021.json"
    folder = Path(tempfile.mkdtemp(prefix="nianbao-bench-pdf-"))
    os.environ["NIANBAO_DATA_DIR"] = str(folder / "data")  # its own font cache, empty at first
    report = full_report()
    package = folder / "report.json"
    save_package(report, package)

    def first_export(i: int) -> float:
        code = COLD.format(root=str(ROOT), sample=str(sample), target=str(folder / f"c{i}.pdf"))
        run = [sys.executable, "-c", code]
        return float(subprocess.run(run, check=True, capture_output=True, text=True).stdout)

    first_ever = first_export(0)  # parses the fonts and fills the font cache
    cold = median([first_export(i) for i in range(1, 6)])
    warm = []
    for i in range(20):
        start = time.perf_counter()
        write_pdf(render(report), report, folder / f"w{i}.pdf")
        warm.append((time.perf_counter() - start) * 1000)
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "convert", str(package), str(folder / "r.xlsx")],
        check=True,
    )
    ours = run_ms(
        [sys.executable, str(ROOT / "main.py"), "convert", str(package), str(folder / "r.pdf")]
    )
    office = shutil.which("soffice") or shutil.which("libreoffice")
    print(f"first export of a process, no font cache yet         {first_ever:7.1f} ms")
    print(
        f"first export of a process, fonts loaded from cache   median {cold:7.1f} ms   target < 300 ms"
    )
    print(f"export in-process, fonts already loaded              median {median(warm):7.1f} ms")
    print(f"python main.py convert report.json out.pdf (process)  median {ours:7.1f} ms")
    if office:
        profile = (folder / "lo-profile").as_uri()
        theirs = run_ms(
            [
                office,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder / "lo"),
                str(folder / "r.xlsx"),
            ]
        )
        print(
            f"LibreOffice converting our .xlsx to PDF (process)     median {theirs:7.1f} ms   "
            f"ours = {ours / theirs:.2f}x theirs   target < 0.5x"
        )


if __name__ == "__main__":
    main()
