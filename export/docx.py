"""The Word document: the whole report as in the PDF, and still editable in Word or WPS.

Built-in styles (Title, Heading 1/2, Normal — 标题、标题 1、标题 2、正文 in a Chinese Word) carry
the faces by name — 小标宋, 黑体, 楷体, 仿宋 — with the East Asian font set (``w:eastAsia``),
or Word would show the Latin font; tables are real Word tables from the shared grid, merged as
the format prescribes, bordered on every cell, header rows repeating on each page. Page numbers
are a PAGE field; a draft carries 草稿 in the page header. No text boxes, no images.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

from model.atomic import write_atomically
from model.cell_input import format_value
from model.report import Report

from .document import (
    PAGE,
    RenderedReport,
    RenderedTable,
    RenderedText,
    chinese_date,
    column_widths,
)
from .reading.docx_package import attach_package

# Faces by name, as 党政机关公文 name them; Word and WPS substitute where one is missing.
TITLE_FONT, HEADING_FONT, SUBHEADING_FONT, BODY_FONT = "方正小标宋简体", "黑体", "楷体", "仿宋"
BODY, TITLE, TABLE_TEXT = Pt(16), Pt(22), Pt(9)  # 三号, 二号, 小五
LEADING = Pt(28.5)
NO_SPACE = Pt(0)
TABLE_STYLE = "表格文字"
RED = RGBColor(0xC0, 0x00, 0x00)


def write_docx(rendered: RenderedReport, report: Report, target: Path) -> None:
    """Write the document completely or not at all."""
    document = build_document(rendered)
    attach_package(document, report)
    write_atomically(target, document.save)


def build_document(rendered: RenderedReport) -> Any:
    document = Document()
    _page_setup(document, rendered)
    _styles(document)
    if rendered.draft:
        note = document.add_paragraph(rendered.draft_note)
        for run in note.runs:
            run.font.color.rgb = RED
            run.bold = True
    document.add_paragraph(rendered.title, style="Title")
    for text in rendered.preamble:
        document.add_paragraph(text)
    for section in rendered.sections:
        document.add_paragraph(section.heading, style="Heading 1")
        if isinstance(section, RenderedText):
            for paragraph in section.paragraphs:
                style = "Heading 2" if paragraph.style == "subheading" else None
                document.add_paragraph(paragraph.text, style=style)
        else:
            _table(document, section)
    document.add_paragraph()
    for text in (rendered.organization, chinese_date(rendered.signed_on)):
        signature = document.add_paragraph(text)
        signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        signature.paragraph_format.first_line_indent = Pt(0)
    return document


# ── page and styles ──


def _page_setup(document: Any, rendered: RenderedReport) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(PAGE.width), Mm(PAGE.height)
    section.left_margin, section.right_margin = Mm(PAGE.left), Mm(PAGE.right)
    section.top_margin, section.bottom_margin = Mm(PAGE.top), Mm(PAGE.bottom)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("— ")
    _page_field(footer)
    footer.add_run(" —")
    for run in footer.runs:
        _font(run, "宋体", Pt(14))
    if rendered.draft:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = header.add_run("草稿")
        _font(run, HEADING_FONT, Pt(26))
        run.font.color.rgb = RED


def _page_field(paragraph: Any) -> None:
    """A PAGE field, so Word and WPS number the pages themselves."""
    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _styles(document: Any) -> None:
    styles = document.styles
    normal = styles["Normal"]
    _font(normal, BODY_FONT, BODY)
    _spacing(normal.paragraph_format, first_line=Pt(32))
    title = styles["Title"]
    _font(title, TITLE_FONT, TITLE, bold=False)
    _spacing(title.paragraph_format, leading=Pt(36), after=LEADING)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _no_border(title)
    table_text = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    table_text.style_id = "TableText"  # an ASCII id; the name shows as 表格文字
    table_text.base_style = normal
    _font(table_text, BODY_FONT, TABLE_TEXT)
    _spacing(table_text.paragraph_format, leading=Pt(14), first_line=NO_SPACE)
    # Every row kept with the next: a table moves to the next page whole unless it cannot fit.
    table_text.paragraph_format.keep_with_next = True
    for name, face in (("Heading 1", HEADING_FONT), ("Heading 2", SUBHEADING_FONT)):
        style = styles[name]
        _font(style, face, BODY, bold=False)
        _spacing(style.paragraph_format, first_line=Pt(32))
        style.paragraph_format.keep_with_next = True


def _font(target: Any, east_asia: str, size: Any, *, bold: bool | None = None) -> None:
    """Name the face for Latin and East Asian text alike; Word uses w:eastAsia for Chinese."""
    font = target.font
    font.name = east_asia
    font.size = size
    font.color.rgb = RGBColor(0, 0, 0)
    if bold is not None:
        font.bold = bold
    element = target.element if hasattr(target, "element") else target._element
    properties = element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), east_asia)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _spacing(
    paragraph_format: Any, *, leading: Any = LEADING, first_line: Any = None, after: Any = NO_SPACE
) -> None:
    paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph_format.line_spacing = leading
    paragraph_format.space_before = Pt(0)
    paragraph_format.space_after = after
    if first_line is not None:
        paragraph_format.first_line_indent = first_line


def _no_border(style: Any) -> None:
    """The default template draws a rule under Title; a 公文 title has none."""
    properties = style.element.find(qn("w:pPr"))
    if properties is not None:
        for border in properties.findall(qn("w:pBdr")):
            properties.remove(border)


# ── tables ──


def _table(document: Any, section: RenderedTable) -> None:
    """A Word table written from the grid: a cell spanning columns is one ``w:tc`` with
    ``w:gridSpan``, a cell spanning rows starts a ``w:vMerge`` its lower rows continue — exactly
    the merges of the format (and fast: python-docx's own cell access and merge take seconds)."""
    grid = section.grid
    widths = [Mm(w) for w in column_widths(grid, PAGE.text_width)]
    table = document.add_table(rows=0, cols=grid.cols)
    table.style = "Table Grid"  # a border on every cell
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for col, column in enumerate(table.columns):
        column.width = widths[col]  # the table grid, which LibreOffice and WPS read
    # table.autofit = False already made the layout fixed; narrow cell margins (1 mm) go before
    # w:tblLook, where the schema puts them (Word reports a damaged file otherwise).
    margins = parse_xml(
        f'<w:tblCellMar {nsdecls("w")}><w:left w:w="57" w:type="dxa"/>'
        '<w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
    )
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        table._tbl.tblPr.append(margins)
    style_id = document.styles[TABLE_STYLE].style_id
    twips = [int(w.twips) for w in widths]
    for r in range(grid.rows):
        cells = []
        for c in range(grid.cols):
            cell = grid.at(r, c)
            if cell is None or c != cell.col:
                continue  # covered by a cell spanning columns: that cell's gridSpan holds it
            width = sum(twips[cell.col : cell.last_col + 1])
            span = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
            merge = ""
            if cell.rowspan > 1:
                merge = '<w:vMerge w:val="restart"/>' if r == cell.row else "<w:vMerge/>"
            text = ""
            if r == cell.row:
                value = cell.text if cell.ref is None else format_value(section.values[cell.ref])
                properties = "<w:b/>" if cell.emphasis else ""
                if cell.ref is not None:  # a long number shrinks to fit its cell, never wraps
                    room = (width - 2 * 57) / 20  # points, less the cell margins
                    fits = min(TABLE_TEXT.pt, room / (0.66 * max(len(value), 1)))  # digit ≈ 0.6 em
                    if fits < TABLE_TEXT.pt:
                        properties = f'<w:sz w:val="{int(fits * 2)}"/>'
                run_properties = f"<w:rPr>{properties}</w:rPr>" if properties else ""
                text = f'<w:r>{run_properties}<w:t xml:space="preserve">{escape(value)}</w:t></w:r>'
            align = "left" if grid.left_aligned(cell) else "center"
            keep = "" if r == grid.rows - 1 else "<w:keepNext/>"  # the table moves to a page whole
            cells.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{merge}<w:vAlign w:val="center"/></w:tcPr>'
                f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{keep}<w:jc w:val="{align}"/></w:pPr>{text}</w:p></w:tc>'
            )
        header = (
            '<w:tblHeader w:val="true"/>' if r < grid.header_rows else ""
        )  # repeats on each page
        table._tbl.append(
            parse_xml(
                f"<w:tr {nsdecls('w')}><w:trPr><w:cantSplit/>{header}</w:trPr>{''.join(cells)}</w:tr>"
            )
        )
    document.add_paragraph()  # Word needs a paragraph between a table and what follows
