"""How the ``chromium-*`` files beside this one were made: the text Chromium copies when a
report's whole page is selected, and the PDF it prints of the page (a script, not a test; it needs
chromium and LibreOffice).

    .venv/bin/python -m tests.real.chromium_copies

Each page is opened in headless Chromium, its body selected, and ``Selection.toString()`` kept —
Blink's plain text of a selection, which is what a copy puts on the clipboard as text (a copy
also turns no-break spaces into spaces; so is it done here). The pages:

- ``chromium-word-page.txt``: LibreOffice's web page of a Word report written by this program
  (``copied_report``), as portals publish Word reports: every cell of its tables holds a
  paragraph, so Chromium copies one cell a line, without a tab.
- ``chromium-hand-made-page.txt``: the same of a report typed in Word by hand, in the manner of
  real township reports (``tests/export/documents.hand_made_docx``), whose blank cells mean 0.
- ``chromium-shanghai-2019.txt``: the real published page ``shanghai-bangongting-2019.html``.

The first two pages are also printed to PDF (``--print-to-pdf``, without the browser's header and
footer), as a clerk saves a portal page with 打印 → 另存为 PDF: ``chromium-*-page.pdf``; and so is
the Shanghai page with its 二 in the 2021 layout (``shanghai.as_2021``), in the portal's own
markup, whose empty cells hold ``&nbsp;``: ``chromium-shanghai-2021-layout.pdf``, and its copy
``chromium-shanghai-2021-layout.txt``.
"""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

import lxml.html

from model.report import Report
from tests.helpers import sample_report
from tests.real.shanghai import SHANGHAI_2019, as_2021
from tests.strategies import typed_values

HERE = Path(__file__).resolve().parent
_SELECT_AND_KEEP = """
<script>
window.addEventListener("load", function () {
  var selection = window.getSelection();
  selection.selectAllChildren(document.body);
  var text = selection.toString();
  document.documentElement.innerHTML = '<body><pre id="copied"></pre></body>';
  document.getElementById("copied").textContent = text;
});
</script>
"""
_CHROMIUM = [
    "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--no-first-run", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--virtual-time-budget=2000", "--dump-dom",
]  # fmt: skip


def copied_report() -> Report:
    """The sample with numbers drawn in every typed cell (balanced), so that a number read into
    the wrong cell shows."""
    rng = random.Random(2021)
    report = sample_report()
    report.set_values(typed_values(rng.randint, lambda: Decimal("35.2687")), typed=set())
    report.signed_on = dt.date(2022, 1, 20)
    return report


def copied_text(page: Path) -> str:
    """What Chromium copies of the whole page at ``page``."""
    with tempfile.TemporaryDirectory() as folder:
        scripted = Path(folder) / "page.html"
        scripted.write_bytes(page.read_bytes() + _SELECT_AND_KEEP.encode("ascii"))
        dom = subprocess.run(
            [*_CHROMIUM, f"--user-data-dir={folder}/profile", scripted.as_uri()],
            capture_output=True,
            check=True,
            timeout=120,
        ).stdout.decode("utf-8")
    return lxml.html.fromstring(dom).get_element_by_id("copied").text_content().replace("\xa0", " ")


def printed(page: Path, target: Path) -> None:
    """The page at ``page`` printed by Chromium to the PDF ``target``."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [
                *_CHROMIUM[:-1],  # all but --dump-dom
                f"--user-data-dir={folder}/profile",
                "--no-pdf-header-footer",
                f"--print-to-pdf={target}",
                page.as_uri(),
            ],
            capture_output=True,
            check=True,
            timeout=120,
        )


def main() -> None:
    from export.files import write_report_file
    from tests.export.documents import hand_made_docx
    from tests.export.office import office_convert

    with tempfile.TemporaryDirectory() as folder:
        made = Path(folder)
        word = made / "word.docx"
        write_report_file(copied_report(), word)
        pages = {
            "chromium-word-page.txt": office_convert(word, "html", made / "word"),
            "chromium-hand-made-page.txt": office_convert(
                hand_made_docx(made / "hand.docx"), "html", made / "hand"
            ),
            "chromium-shanghai-2019.txt": SHANGHAI_2019,
        }
        for name, page in pages.items():
            (HERE / name).write_text(copied_text(page), encoding="utf-8")
            print("written", HERE / name)
            if "page" in name:
                printed(page, (HERE / name).with_suffix(".pdf"))
                print("written", (HERE / name).with_suffix(".pdf"))
        layout_2021 = made / "shanghai-2021-layout.html"
        layout_2021.write_text(as_2021(SHANGHAI_2019.read_text("utf-8")), encoding="utf-8")
        copied = HERE / "chromium-shanghai-2021-layout.txt"
        copied.write_text(copied_text(layout_2021), encoding="utf-8")
        printed(layout_2021, copied.with_suffix(".pdf"))
        print("written", copied, copied.with_suffix(".pdf"))


if __name__ == "__main__":
    main()
