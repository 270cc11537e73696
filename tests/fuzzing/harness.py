"""One fuzz case, end to end, through the entries the window and the command line use.

A file is read with ``read_report_file`` (what 导入 and ``convert`` call); a report it accepts is
checked, written to every format with ``write_report_file`` and read back, and must come back the
same. A database file goes through ``inspect``, ``Store.open`` and ``Store.load`` (what opening a
database and a report in the window calls). Every case ends in one outcome:

- ``read, written, read back``: the report was accepted and survived every format;
- ``refused``: the program's one refusal (``FileRefused``, ``StoreError``) with a Chinese message;
- anything else is a failure: ``crash …`` (another exception), ``hang`` (over the time bound),
  ``memory`` (over the memory bound), ``disagree …`` (a format gave back another report),
  ``refused export …`` (an accepted report that a writer would not write).
"""

from __future__ import annotations

import re
import signal
import traceback
from pathlib import Path
from types import FrameType

from export.files import read_report_file, write_report_file
from export.fonts import FontError
from model.checks import check_report
from model.package import to_package
from model.problems import Severity
from model.refusal import FileRefused
from model.report import Report, get_field
from model.store.inspection import StoreError
from model.store.store import Store

OK = "read, written, read back"
REFUSED = "refused"
FONT = "no font for a character (PDF not written, said in Chinese)"
GOOD = (OK, REFUSED, FONT)
_CHINESE = re.compile(r"[\u4e00-\u9fff]")


class Hang(BaseException):
    """The case ran over its time bound (a BaseException: no reader's ``except Exception`` can
    turn it into a refusal)."""


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise Hang


def run_case(path: Path, work: Path, *, seconds: float) -> tuple[str, str]:
    """(outcome, detail) of one file; ``work`` is an empty folder for the exports."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        if path.suffix == ".sqlite3":
            return _database(path)
        return _report_file(path, work)
    except Hang:
        return "hang", f"over {seconds} s"
    except MemoryError:
        return "memory", "over the memory bound"
    except Exception as exc:
        return f"crash {type(exc).__name__} at {_where(exc)}", _short(traceback.format_exc())
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _report_file(path: Path, work: Path) -> tuple[str, str]:
    try:
        report = read_report_file(path).whole()
    except FileRefused as refusal:
        return _refusal(str(refusal))
    problems = check_report(report)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    for suffix in (".json", ".xlsx", ".docx", ".pdf"):
        target = work / f"out{suffix}"
        try:
            write_report_file(report, target, errors=errors)
        except FontError as refusal:
            if suffix == ".pdf" and _CHINESE.search(str(refusal)):
                return FONT, str(refusal)[:200]
            raise
        except FileRefused as refusal:
            return f"refused export {suffix}", str(refusal)[:200]
        if suffix != ".pdf":
            try:
                back = read_report_file(target).whole()
            except FileRefused as refusal:
                return f"refused reading back {suffix}", str(refusal)[:200]
            differs = _differs(report, back, suffix)
            if differs:
                return f"disagree {suffix}", differs
    return OK, ""


def _differs(report: Report, back: Report, suffix: str) -> str:
    """What a format lost. A package and a workbook (which carries the package) must give back
    the same package; a Word document its tables, organization, year and the paragraphs of 五
    and 六 (Word holds no 说明, marks or status)."""
    if suffix in (".json", ".xlsx"):
        a, b = to_package(report), to_package(back)
        keys = [k for k in a if a[k] != b.get(k)]
        return f"{keys}" if keys else ""
    if back.values != report.values:
        return "table values"
    if (back.organization, back.year) != (report.organization.strip(), report.year):
        return "organization or year"
    # 一's sub-sections are found in a document by their numbered titles, a title holding 。 or
    # ： taken as leading its text (as offices write them); 五 and 六 must come back as written.
    for path in ("texts.problems", "texts.other"):
        text = get_field(report, path)
        if _paragraphs(get_field(back, path)) != _paragraphs(text):
            return f"{path}: {_paragraphs(text)[:3]} → {_paragraphs(get_field(back, path))[:3]}"
    return ""


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _database(path: Path) -> tuple[str, str]:
    try:
        with Store.open(path) as store:  # inspects the file read-only first
            for summary in store.list_reports(deleted=True):
                store.load(summary.id)
    except StoreError as refusal:
        return _refusal(str(refusal))
    return OK, ""


def _refusal(message: str) -> tuple[str, str]:
    if not _CHINESE.search(message):
        return "refused in English", message[:200]
    return REFUSED, message[:200]


def _where(exc: BaseException) -> str:
    """The innermost frame of our own code that the exception passed through."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [
        f for f in frames if "/site-packages/" not in f.filename and "/lib/python" not in f.filename
    ]
    frame = (ours or frames)[-1]
    return f"{Path(frame.filename).name}:{frame.name}"


def _short(text: str) -> str:
    return text[-1500:]
