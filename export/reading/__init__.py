"""The readers: a report back from a file written elsewhere or by us.

``office_files`` looks at an Office container before a library opens it; ``table_reading`` finds
the three tables by their labels in any grid of cells; ``xlsx_import`` and ``docx_import`` read a
workbook and a Word document with them. ``export.files`` picks the reader by the file's kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from model.problems import Problem
from model.refusal import problems_refused, refused
from model.report import Report


@dataclass
class ImportResult:
    """A report read from a file, and what the reader found on the way."""

    report: Report
    notes: list[str] = field(default_factory=list)  # what the user should know
    status_known: bool = True  # False: the file cannot say whether the report was published
    # A data package is read even with faulty values or totals (E-value, E-R2…), so that
    # ``validate`` can list them; an import refuses them (``whole``). Other readers refuse at once.
    problems: list[Problem] = field(default_factory=list)

    def missing_identity(self) -> list[str]:
        """What the file does not say clearly (a published title may lack the name or the year):
        the window asks for it, the command line takes ``--organization``/``--year``."""
        missing = ["机关名称"] if not self.report.organization.strip() else []
        return missing + (["年度"] if self.report.year is None else [])

    def identify(self, organization: str | None = None, year: int | None = None) -> None:
        """Supply the organization or year the user gave (they stand over the file's)."""
        if organization:
            self.report.organization = organization.strip()
        if year is not None:
            self.report.year = year

    def whole(self) -> Report:
        """The report, or FileRefused naming every problem found reading it, or what it does not
        say of itself: nothing half-read."""
        if self.problems:
            raise problems_refused(self.problems)
        missing = self.missing_identity()
        if missing:
            raise refused(
                f"文件中找不到报告的{'和'.join(missing)}（标题应为“××乡人民政府××年政府信息公开工作年度报告”）。"
            )
        return self.report


def file_bytes(path: Path, limit: int, kind: str) -> bytes:
    """A whole file that is read at once (a page, a text), refused by name when it is missing,
    unreadable or larger than any report of its ``kind`` can be."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise refused(
                f"“{path.name}”有 {size / 1024 / 1024:.1f} MB，不像一份年度报告的{kind}。"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise refused(f"找不到文件：{path}") from None
    except OSError as exc:
        raise refused(f"无法读取 {path.name}：{exc.strerror or exc}") from None
