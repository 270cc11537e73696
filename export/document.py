"""The format-neutral rendering step every writer starts from.

A report becomes a ``RenderedReport``: the title, the preamble, the six sections in order — text
sections as headings and paragraphs (一's sub-sections numbered （一）…), table sections as the
declared grid with typed and computed values — and the 落款. Excel, PDF and Word write this and
nothing else, so they cannot disagree about what the report says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from model.cell_input import Value
from model.format.declaration import CellRef
from model.format.format_2021 import OVERVIEW, SECTIONS, TableSection, subsection_number
from model.format.grid import Grid, build_grid
from model.preamble import preamble, report_title
from model.problems import Problem
from model.report import Report


@dataclass(frozen=True)
class PageGeometry:
    """A4 with the margins of GB/T 9704 (党政机关公文格式): a text area of 156 × 225 mm. The PDF
    and the Word document both lay their pages out from this one declaration (in millimetres)."""

    width: float = 210.0
    height: float = 297.0
    left: float = 28.0
    right: float = 26.0
    top: float = 37.0
    bottom: float = 35.0

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right


PAGE = PageGeometry()


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"  # "body", or "subheading" for 一's （一）… titles


@dataclass(frozen=True)
class RenderedText:
    key: str
    heading: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class RenderedTable:
    key: str
    heading: str
    grid: Grid
    values: dict[CellRef, Value]


RenderedSection = RenderedText | RenderedTable


@dataclass(frozen=True)
class RenderedReport:
    title: str
    organization: str
    year: int | None
    preamble: tuple[str, ...]
    sections: tuple[RenderedSection, ...]
    signed_on: dt.date
    draft_reasons: tuple[str, ...] = field(default=())  # non-empty: marked 草稿

    @property
    def draft(self) -> bool:
        return bool(self.draft_reasons)

    @property
    def draft_note(self) -> str:
        """The sentence every writer puts at the top of a 草稿."""
        return f"草稿：报告尚有 {len(self.draft_reasons)} 个错误，不能作为正式报告。"


def render(
    report: Report, *, errors: list[Problem] | None = None, today: dt.date | None = None
) -> RenderedReport:
    """Everything a writer prints; ``errors`` make it a 草稿 that says why."""
    sections: list[RenderedSection] = []
    texts = report.texts
    for section in SECTIONS:
        if isinstance(section, TableSection):
            table = section.table
            sections.append(
                RenderedTable(
                    section.key, section.heading, build_grid(table), report.table_values(table)
                )
            )
        elif section is OVERVIEW:
            paragraphs = [Paragraph(p) for p in _paragraphs(texts.overview.intro)]
            for i, sub in enumerate(texts.overview.subsections):
                paragraphs.append(Paragraph(f"{subsection_number(i)}{sub.title}", "subheading"))
                paragraphs += [Paragraph(p) for p in _paragraphs(sub.body)]
            sections.append(RenderedText(section.key, section.heading, tuple(paragraphs)))
        else:
            body = getattr(texts, section.key)
            sections.append(
                RenderedText(
                    section.key, section.heading, tuple(Paragraph(p) for p in _paragraphs(body))
                )
            )
    signed = report.signed_on or report.published_on or today or dt.date.today()
    return RenderedReport(
        title=report_title(report),
        organization=report.organization.strip(),
        year=report.year,
        preamble=tuple(_paragraphs(preamble(report))),
        sections=tuple(sections),
        signed_on=signed,
        draft_reasons=tuple(p.message for p in errors or ()),
    )


def column_widths(grid: Grid, total: float) -> list[float]:
    """Each grid column's width in the unit of ``total`` (the table's whole width): the label
    columns as the format declares them, the data columns sharing the rest equally."""
    labels = [fraction * total for fraction in grid.table.label_widths]
    data = grid.cols - grid.label_cols
    return labels + [(total - sum(labels)) / data] * data


def chinese_date(day: dt.date) -> str:
    """2022年1月20日, as the 落款 prints it."""
    return f"{day.year}年{day.month}月{day.day}日"


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]
