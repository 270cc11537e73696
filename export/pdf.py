"""The PDF: the whole report as a government document, its fonts embedded.

A4 with a text area of about 156 × 225 mm (GB/T 9704); the title in 小标宋 or 黑体, headings 一…六 in
黑体, 一's sub-sections in 楷体, body text in 仿宋 with a two-character first-line indent and lines
filled edge to edge; tables 二、三、四 drawn from the shared grid; the 落款 at the end; page numbers
as — 1 —; a draft exported with errors carries a visible 草稿 mark. The creation date is the
export's time; with SOURCE_DATE_EPOCH set, the same report and fonts give the same bytes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from model.atomic import write_atomically
from model.cell_input import format_value
from model.report import Report
from model.settings import settings_or_defaults

from .document import (
    PAGE,
    RenderedReport,
    RenderedTable,
    RenderedText,
    chinese_date,
    column_widths,
)
from .fonts import FontError, Fonts, load_fonts
from .pdf_text import CJKParagraph

LEFT, RIGHT, TOP, BOTTOM = PAGE.left * mm, PAGE.right * mm, PAGE.top * mm, PAGE.bottom * mm
TEXT_WIDTH = PAGE.text_width * mm
BODY, BODY_LEADING = 16, 28.5  # 三号 (16 pt), about 22 lines a page
TITLE, TITLE_LEADING = 22, 34  # 二号
TABLE_TEXT, TABLE_LEADING, NUMBER = 9, 11, 10
RED = Color(0.75, 0.05, 0.05)
_PALE_RED = Color(0.85, 0.1, 0.1, alpha=0.18)


class MissingGlyphs(FontError):
    """Characters no available font can draw; nothing is exported."""


def write_pdf(rendered: RenderedReport, report: Report, target: Path) -> None:
    """Write the PDF completely or not at all; FontError when the fonts cannot print it."""
    fonts = load_fonts(settings_or_defaults())  # a broken file is reported in 字体设置
    check_glyphs(rendered, fonts)
    story = build_story(rendered, fonts)

    def build(out: Any) -> None:
        document = SimpleDocTemplate(
            out,
            pagesize=A4,
            leftMargin=LEFT,
            rightMargin=RIGHT,
            topMargin=TOP,
            bottomMargin=BOTTOM,
            title=rendered.title,
            author=rendered.organization,
            creator="年报助手",
            # The export's own time as the creation date; SOURCE_DATE_EPOCH fixes it (and the
            # file's ID), so the same report and fonts give the same bytes (the tests set it).
            invariant=1 if os.environ.get("SOURCE_DATE_EPOCH") else 0,
            # An embedded initial font: otherwise every page names a non-embedded Helvetica.
            initialFontName=fonts.faces["body"],
            initialFontSize=BODY,
        )
        decorate = _PageDecoration(rendered, fonts)
        document.build(story, onFirstPage=decorate, onLaterPages=decorate)

    write_atomically(target, build)


def check_glyphs(rendered: RenderedReport, fonts: Fonts) -> None:
    """Every character must have a font; else say which characters, in which section."""
    where: dict[str, set[str]] = {}

    def need(text: str, role: str, section: str) -> None:
        missing = fonts.missing(text, role)
        if missing:
            where.setdefault(section, set()).update(missing)

    need(rendered.title, "title", "标题")
    for paragraph in rendered.preamble:
        need(paragraph, "body", "前言")
    for section in rendered.sections:
        need(section.heading, "heading", section.heading)
        if isinstance(section, RenderedText):
            for p in section.paragraphs:
                need(p.text, "subheading" if p.style == "subheading" else "body", section.heading)
    need(rendered.organization + chinese_date(rendered.signed_on), "body", "落款")
    if where:
        listed = "；".join(f"{name}：{'、'.join(sorted(chars))}" for name, chars in where.items())
        raise MissingGlyphs(
            f"以下字符在所有可用字体中都没有字形，无法导出 PDF（{listed}）。"
            "请安装包含这些字符的字体（如 Windows 的 SimSun-ExtB，或花园明朝 HanaMinB），"
            "或在“字体设置”中指定字体文件。"
        )


def build_story(rendered: RenderedReport, fonts: Fonts) -> list[Any]:
    def para(text: str, role: str, **style: Any) -> CJKParagraph:
        style.setdefault("indent", 2 * BODY)
        return CJKParagraph(text, fonts, role, BODY, BODY_LEADING, **style)

    story: list[Any] = []
    if rendered.draft:
        story.append(
            para(
                rendered.draft_note,
                "heading",
                indent=0,
                color=RED,
                align="left",
            )
        )
    story.append(
        CJKParagraph(
            rendered.title,
            fonts,
            "title",
            TITLE,
            TITLE_LEADING,
            align="center",
            space_after=BODY_LEADING,
        )
    )
    story += [para(text, "body") for text in rendered.preamble]
    for section in rendered.sections:
        heading = para(section.heading, "heading", align="left")
        if isinstance(section, RenderedText):
            paragraphs = [(heading, True)] + [
                (
                    para(p.text, p.style if p.style == "subheading" else "body"),
                    p.style == "subheading",
                )
                for p in section.paragraphs
            ]
            story += _headings_kept_with_text(paragraphs)
        else:
            # A table is never split inside a merged block: it moves to the next page whole.
            story.append(KeepTogether([heading, Spacer(1, 4), _table(section, fonts)]))
        story.append(Spacer(1, 4))
    story.append(Spacer(1, BODY_LEADING))
    story.append(para(rendered.organization, "body", align="right", indent=0))
    story.append(para(chinese_date(rendered.signed_on), "body", align="right", indent=0))
    return story


def _headings_kept_with_text(paragraphs: list[tuple[CJKParagraph, bool]]) -> list[Any]:
    """The story of a text section; a heading (True) never stands alone at the foot of a page:
    where less room is left than the headings in a row and two lines of the text after them,
    the page breaks before them (as Word's keep-with-next does)."""
    story: list[Any] = []
    for i, (paragraph, is_heading) in enumerate(paragraphs):
        starts_run = is_heading and (i == 0 or not paragraphs[i - 1][1])
        if starts_run:
            run = 0
            while i + run < len(paragraphs) and paragraphs[i + run][1]:
                run += 1
            room = run * BODY_LEADING + 2 * BODY_LEADING
            story.append(CondPageBreak(room))
        story.append(paragraph)
    return story


def _table(section: RenderedTable, fonts: Fonts) -> Table:
    grid = section.grid
    widths = column_widths(grid, TEXT_WIDTH)
    body = fonts.faces["body"]
    data: list[list[Any]] = [["" for _ in range(grid.cols)] for _ in range(grid.rows)]
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("FONTNAME", (0, 0), (-1, -1), body),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for cell in grid.cells:
        if cell.rowspan > 1 or cell.colspan > 1:
            style.append(("SPAN", (cell.col, cell.row), (cell.last_col, cell.last_row)))
        width = sum(widths[cell.col : cell.last_col + 1]) - 4
        if cell.ref is None:
            left = grid.left_aligned(cell)
            data[cell.row][cell.col] = CJKParagraph(
                cell.text,
                fonts,
                "heading" if cell.emphasis else "body",
                TABLE_TEXT,
                TABLE_LEADING,
                align="left" if left else "center",
            )
        else:
            text = format_value(section.values[cell.ref])
            size = min(
                NUMBER, width / max(stringWidth(text, body, 1), 0.1)
            )  # shrink to fit, never overflow
            data[cell.row][cell.col] = text
            style.append(("FONTSIZE", (cell.col, cell.row), (cell.col, cell.row), size))
            style.append(("LEADING", (cell.col, cell.row), (cell.col, cell.row), size + 2))
    table = Table(data, colWidths=widths, repeatRows=grid.header_rows, hAlign="CENTER")
    table.setStyle(TableStyle(style))
    return table


class _PageDecoration:
    """Page number — N — under the text area; the 草稿 mark on every page of a draft."""

    def __init__(self, rendered: RenderedReport, fonts: Fonts) -> None:
        self.draft = rendered.draft
        self.font = fonts.faces["body"]

    def __call__(self, canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(self.font, 14)
        canvas.drawCentredString(A4[0] / 2, BOTTOM - 14 * mm, f"— {document.page} —")
        if self.draft:
            canvas.setFillColor(_PALE_RED)
            canvas.setFont(self.font, 110)
            canvas.translate(A4[0] / 2, A4[1] / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, -40, "草稿")
        canvas.restoreState()
