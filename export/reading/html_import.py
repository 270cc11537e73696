"""Reading a report from a web page: the portal's page saved from the browser, or its HTML as the
browser puts it on the clipboard.

The page comes down to the blocks every document does (``document_text``): the paragraphs of its
text and its data tables, in order. The encoding is the BOM's, else the page's own ``<meta>``
(charset, or http-equiv), else UTF-8 if the bytes are UTF-8, else GB18030 (which reads GB2312 and
GBK pages too). lxml parses the page; scripts, styles and templates are dropped, nothing is run
and nothing is fetched. A table holding tables is the page's layout and is walked into; a table
holding none is data, its spanned cells written in their first place (as Word's and Excel's
are). A cell's text is joined whole, whatever ``<p>`` or ``<br>`` split it.
"""

from __future__ import annotations

import codecs
import itertools
import re
from pathlib import Path
from typing import Any

from model.refusal import refused

from . import ImportResult, file_bytes
from .document_text import read_document
from .docx_blocks import Block
from .table_reading import CellSheet

MAX_PAGE = 20 * 1024 * 1024  # bytes: a saved page with its inline images can be a few MB
# Elements (paragraphs, cells, spans…): a report's page has a few thousand — its tables some 400
# cells — and a page of more is refused before it is walked.
MAX_ELEMENTS = 100_000
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Elements whose text stands as paragraphs of its own; anything else is inline within them.
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "nav",
        "aside",
        "blockquote",
        "pre",
        "center",
        "address",
        "form",
        "fieldset",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "figure",
        "figcaption",
        "body",
        "html",
    ]
)
_DROPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "iframe",
        "object",
        "embed",
        "svg",
        "select",
    ]
)
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")


def read_html(path: Path) -> ImportResult:
    return read_html_text(decode_page(file_bytes(path, MAX_PAGE, "网页")), "网页")


def decode_page(data: bytes) -> str:
    """The page's text by its BOM, its declared charset, or what its bytes are."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    declared = _META_CHARSET.search(data[:4096])
    if declared is not None:
        name = declared.group(1).decode("ascii").lower()
        if name in ("gb2312", "gbk", "x-gbk", "gb_2312-80"):
            name = "gb18030"  # its superset: pages declared GB2312 often hold GBK characters
        try:
            return data.decode(name, errors="replace")
        except LookupError:
            pass  # an unknown name: decide by the bytes
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def read_html_text(html: str, kind: str) -> ImportResult:
    """A report from a page's HTML (a saved file's, or the clipboard's)."""
    if len(html) > MAX_PAGE:
        raise refused(f"{kind}太长（{len(html):,} 个字符），不像一份年度报告。")
    return read_document(page_blocks(html), kind)


def page_blocks(html: str) -> list[Block]:
    """The page's paragraphs and data tables, in document order."""
    from lxml import etree
    from lxml import html as lxml_html

    if not html.strip():
        raise refused("网页是空的。")
    parser = lxml_html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
    )
    try:
        root = lxml_html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise refused(f"无法解析网页：{exc}") from None
    elements = sum(1 for _ in root.iter())
    if elements > MAX_ELEMENTS:
        raise refused(
            f"网页有 {elements:,} 个元素（段落、表格单元格等），不像一份年度报告，未读取。"
        )
    blocks: list[Block] = []
    numbers = itertools.count(1)
    line: list[str] = []

    def flush() -> None:
        text = _SPACES.sub(" ", "".join(line)).strip()
        line.clear()
        if text:
            blocks.append(("p", text))

    def walk(element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _DROPPED:
            _tail(element, line)
            return
        if tag == "table" and not element.xpath(".//table"):
            flush()
            blocks.append(("t", _table(element, next(numbers))))
            _tail(element, line)
            return
        block = tag in _BLOCKS
        if block or tag == "br":
            flush()
        if element.text and tag != "br":
            line.append(element.text)
        for child in element:
            walk(child)
        if block:
            flush()
        _tail(element, line)

    walk(root)
    flush()
    return blocks


def _tail(element: Any, line: list[str]) -> None:
    if element.tail:
        line.append(element.tail)


def _table(table: Any, number: int) -> CellSheet:
    """A data table as a grid: each cell's text joined whole, a spanned cell's in its first place
    and the places it covers left empty (as a merged range reads)."""
    values: dict[tuple[int, int], str] = {}
    covered: set[tuple[int, int]] = set()
    for row, tr in enumerate(table.xpath(".//tr"), start=1):
        col = 1
        for cell in tr.xpath("./td|./th"):
            while (row, col) in covered:
                col += 1
            rows = _span(cell.get("rowspan"))
            cols = _span(cell.get("colspan"))
            text = _SPACES.sub(" ", _cell_text(cell)).strip()
            if text:
                values[(row, col)] = text
            for r in range(row, row + rows):
                for c in range(col, col + cols):
                    covered.add((r, c))
            col += cols
    title = f"第 {number} 个表格"
    return CellSheet(title, values, lambda r, c: f"{title}第 {r} 行第 {c} 列")


def _cell_text(element: Any) -> str:
    """A cell's text whole: its paragraphs and lines joined, scripts and styles left out."""
    parts = [element.text or ""]
    for child in element:
        if not (isinstance(child.tag, str) and child.tag in _DROPPED):
            parts.append(_cell_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _span(value: str | None) -> int:
    """A rowspan or colspan: a positive number, at most 100 (a page's typo is not a wall)."""
    try:
        return min(max(int(value or 1), 1), 100)
    except ValueError:
        return 1
