"""A county's generated set of received files (issue 14).

Units on the list each send their report as one of the kinds the import reads, in turn: a data package, a workbook, a Word file, a PDF, the web page the portal makes of the
Word file (LibreOffice's HTML of it) and the text a browser copies from that page. Among them is
every kind of trouble a county's desk meets: a report with an error (last year's sent by mistake,
or 三 out of balance), a second, corrected file from a unit, units that sent nothing, units off
the list, files that cannot be read. What the desk must make of them — each file's status, who is
missing, which reports the 汇总 covers — is worked out here from the plan, never by the desk's
own code; the values are random (seeded), so a sum that adds the wrong cell cannot pass.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from export.files import write_report_file
from model.format.declaration import CellRef
from model.format.format_2021 import TABLES
from model.report import Report
from tests.export.documents import as_copied
from tests.export.office import office_convert_all
from tests.helpers import sample_report
from tests.strategies import typed_values

KINDS = (".json", ".xlsx", ".docx", ".pdf", ".html", ".txt")
READ, ERROR, UNREADABLE = "read", "error", "unreadable"
_OUT_OF_BALANCE = CellRef("applications", "carried_over", "natural_person")
# A file that is not what its name says, for each kind: the desk names it and reads on.
_BROKEN = {
    ".json": b'{"format": "gov-info-annual-report", "version": 2, ',
    ".xlsx": b"PK\x03\x04 truncated workbook",
    ".docx": b"PK\x03\x04 truncated document",
    ".pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n",
    ".html": b"\x89PNG\r\n\x1a\n not a page",
    ".txt": "这是一封邮件，不是报告。".encode(),
}


@dataclass
class CountySet:
    folder: Path
    year: int
    units: list[str]  # the county's list
    outcome: dict[str, str] = field(default_factory=dict)  # file name → READ, ERROR, UNREADABLE
    sent: dict[str, Report] = field(default_factory=dict)  # file name → the report in it
    summed: list[Report] = field(default_factory=list)  # what the 汇总 must add
    missing: list[str] = field(default_factory=list)
    off_list: list[str] = field(default_factory=list)
    second: list[str] = field(default_factory=list)  # file names of a unit's second file

    def expected_sum(self, ref: CellRef) -> int | Decimal:
        """The 汇总's cell, added here over the reports as generated."""
        zero = Decimal(0) if TABLES[ref.table].kind(ref).value == "amount" else 0
        return sum((report.value(ref) for report in self.summed), zero)


def random_report(rng: random.Random, name: str, year: int) -> Report:
    """The sample's texts under another unit's name, with every typed cell random and valid; a
    fee to six places of 万元 now and then, as real reports print it."""
    report = sample_report()
    report.organization, report.year = name, year

    def fee() -> Decimal:
        places = rng.choice((0, 2, 4, 6))
        return Decimal(rng.randint(0, 10**6)).scaleb(-places)

    report.set_values(typed_values(rng.randint, fee), typed=set())
    return report


def make_county_set(folder: Path, count: int, *, seed: int, year: int = 2021) -> CountySet:
    """``count`` listed units and what they sent into ``folder`` (made here).

    Of every ten listed units, in turn: seven send a valid report, one sends a report with an
    error, one sends nothing and one sends a valid report and then a corrected second one (the
    first by file name counts). A unit off the list and an unreadable file come with every
    twentieth and tenth unit."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    made = CountySet(folder, year, [f"测试县第{i:03d}乡镇人民政府" for i in range(count)])
    to_convert: list[tuple[Report, str]] = []  # web pages and copied text: made from Word files

    def send(report: Report, file_name: str, outcome: str) -> None:
        made.outcome[file_name], made.sent[file_name] = outcome, report
        if file_name.endswith((".html", ".txt")):
            to_convert.append((report, file_name))
        else:
            write_report_file(report, folder / file_name)

    for i, name in enumerate(made.units):
        kind, fate = KINDS[(i + i // 10) % len(KINDS)], i % 10  # every kind meets every fate
        if fate == 8:
            made.missing.append(name)
            continue
        report = random_report(rng, name, year)
        if fate == 7:  # an error: last year's report sent by mistake, or 三 out of balance
            if i % 20 == 7:
                report.year = year - 1
            else:
                report.set_value(_OUT_OF_BALANCE, report.values[_OUT_OF_BALANCE] + 1)
        send(report, f"{name}{kind}", ERROR if fate == 7 else READ)
        if fate != 7:
            made.summed.append(report)
        if fate == 9:  # a corrected file after it: "（" sorts after ".", so the first counts
            second = f"{name}（更正）{KINDS[(i + 1) % len(KINDS)]}"
            send(random_report(rng, name, year), second, READ)
            made.second.append(second)
        if i % 20 == 0:
            stranger = f"名单外第{i:03d}乡人民政府"
            made.off_list.append(stranger)
            send(random_report(rng, stranger, year), f"{stranger}{kind}", READ)
        if i % 10 == 3:
            broken_kind = KINDS[(i // 10) % len(KINDS)]
            broken = f"损坏的文件{i:03d}{broken_kind}"
            (folder / broken).write_bytes(_BROKEN[broken_kind])
            made.outcome[broken] = UNREADABLE
    _publish_as_web_pages(to_convert, folder)
    return made


def _publish_as_web_pages(reports: list[tuple[Report, str]], folder: Path) -> None:
    """Each report as the portal publishes its Word file (LibreOffice's HTML, one run for all),
    or as the text a browser copies from that page."""
    if not reports:
        return
    work = folder.parent / f"{folder.name}-word"
    work.mkdir()
    documents = []
    for report, file_name in reports:
        documents.append(work / f"{Path(file_name).stem}.docx")
        write_report_file(report, documents[-1])
    pages = office_convert_all(documents, "html", work / "html")
    for (_report, file_name), page in zip(reports, pages, strict=True):
        if file_name.endswith(".html"):
            (folder / file_name).write_bytes(page.read_bytes())
        else:
            (folder / file_name).write_text(as_copied(page.read_text("utf-8")), "utf-8")
