"""Reading a report from a PDF: the attachment on the portal, made by Word or WPS.

pdfplumber (on pdfminer.six) gives each page's ruled tables and its lines of text with their
places. A table that runs on over a page break is joined to its first part, a row cut by the
break made whole again; running headers, footers and page numbers (— 3 —, 第3页) are dropped; the
lines are rejoined into paragraphs where the text does — a line that stops short of the right
margin, or the next one indented, ends a paragraph — so that “征 / 地补偿” is one word again. The
blocks then read as every document's do (``document_text``). A scanned PDF has no text to read
and is refused saying so: there is no OCR here.
"""

from __future__ import annotations

import itertools
import logging
import re
import zlib
from pathlib import Path
from typing import Any, NamedTuple

from model.format.format_2021 import TABLES
from model.format.labels import canonical_label
from model.refusal import FileRefused, refused

from . import ImportResult
from .document_text import read_document
from .docx_blocks import Block
from .page_chrome import PAGE_NUMBER
from .table_reading import CellSheet

MAX_PDF = 50 * 1024 * 1024  # bytes
MAX_PAGES = 80  # a township's report has 5 to 15
MAX_STREAM = 64 * 1024 * 1024  # bytes one stream may inflate to: an embedded font is a few MB
_NUMBER = re.compile(r"^[\d.,，\s]*$")
# A justified line spreads its characters; the gaps read as spaces between Chinese characters.
_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_SAME_EDGE = 3.0
# Every label of the prescribed tables: a cell holding one begins a row, it continues none.
_LABELS = frozenset(
    canonical_label(label)
    for table in TABLES.values()
    for row_trail, col_trail in table.label_paths.values()
    for label in (*row_trail, *col_trail)
) | frozenset(
    canonical_label(b.title) for t in TABLES.values() for b in t.blocks if b.title
)  # points: two cells' left edges this close stand in one column
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．])"
)
_ENDS = "。！？；：:”’）)》」』"
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")

Cell = tuple[float, str]  # left edge, text
Row = list[Cell]  # the cells that hold text, left to right; a spanned place holds none


def read_pdf(path: Path) -> ImportResult:
    # pdfminer warns in English of every oddity of a damaged file; what counts is our refusal.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    try:
        if path.stat().st_size > MAX_PDF:
            raise refused(f"“{path.name}”太大，不像一份年度报告的 PDF。")
        _check_structure(path)
        with pdfplumber.open(str(path)) as pdf:
            pages = [_page(page) for page in pdf.pages]
    except FileRefused:
        raise
    except FileNotFoundError:
        raise refused(f"找不到文件：{path}") from None
    except (PDFPasswordIncorrect, PdfminerException) as exc:
        cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise refused(f"“{path.name}”设有打开密码，无法读取。请使用不加密的 PDF。") from None
        raise refused(f"“{path.name}”不是能读取的 PDF 文件（{type(cause).__name__}）。") from None
    except (
        MalformedPDFException,
        PDFSyntaxError,
        OSError,
        ValueError,
        KeyError,
        TypeError,
        AssertionError,
    ) as exc:
        raise refused(f"“{path.name}”不是能读取的 PDF 文件（{type(exc).__name__}）。") from None
    if not any(lines or tables for lines, tables in pages):
        raise refused(
            f"“{path.name}”里没有文字，可能是扫描件（图片）。本程序不做文字识别，"
            "请使用 Word 版、网页版，或由原单位提供的可复制文字的 PDF。"
        )
    return read_document(_blocks(pages), "PDF 文件")


def _check_structure(path: Path) -> None:
    """What pdfplumber would spend minutes or gigabytes on, refused first: more pages than a
    report has (counted one by one, up to the limit, whatever the file claims), and a compressed
    stream that inflates beyond any font or page a report holds (a decompression bomb)."""
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with path.open("rb") as handle:
            document = PDFDocument(PDFParser(handle))
            for count, _page_found in enumerate(PDFPage.create_pages(document), start=1):
                if count > MAX_PAGES:
                    raise refused(f"“{path.name}”有 {MAX_PAGES} 页以上，不像一份年度报告。")
            for xref in document.xrefs:
                for objid in xref.get_objids():
                    if _inflates_beyond(_object(document, objid), MAX_STREAM):
                        raise refused(
                            f"“{path.name}”中有一段数据解压后超过 {MAX_STREAM // 1024 // 1024} MB，"
                            "不像一份年度报告的 PDF，未读取。"
                        )
    except (FileRefused, PDFPasswordIncorrect, OSError):
        raise
    except Exception as exc:  # what pdfplumber would have met first, wrapped as it wraps it
        raise PdfminerException(exc) from exc


def _object(document: object, objid: int) -> object:
    try:
        return document.getobj(objid)  # type: ignore[attr-defined]
    except Exception:  # a damaged object: pdfplumber meets it, and its refusal says so
        return None


def _inflates_beyond(stream: object, limit: int) -> bool:
    """Whether a FlateDecode stream inflates to more than ``limit`` bytes, found out a
    megabyte at a time (nothing larger is ever held)."""
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream

    if not isinstance(stream, PDFStream) or stream.rawdata is None:
        return False
    filters = stream.get_filters()
    if not filters or filters[0][0] not in LITERALS_FLATE_DECODE:
        return False
    inflater, data, total = zlib.decompressobj(), stream.rawdata, 0
    try:
        while data and total <= limit:
            total += len(inflater.decompress(data, 1024 * 1024))
            data = inflater.unconsumed_tail
    except zlib.error:
        return False  # not inflatable at all: pdfminer's own handling decides
    return total > limit


Line = tuple[float, float, float, str]  # top, x0, x1, text


class Table(NamedTuple):
    top: float
    rows: list[Row]
    edges: set[float]  # the left edges of all its cells, empty ones included


Page = tuple[list[Line], list[Table]]


def _page(page: Any) -> Page:
    """A page's ruled tables and its lines of text outside them, running lines left out."""
    # A frame round the page is no table to pdfplumber (tested).
    found = page.find_tables({"explicit_vertical_lines": _closing_lines(page)})
    boxes = [table.bbox for table in found]

    def outside(obj: dict[str, Any]) -> bool:
        middle_x = (obj["x0"] + obj["x1"]) / 2
        middle_y = (obj["top"] + obj["bottom"]) / 2
        return not any(
            x0 <= middle_x <= x1 and top <= middle_y <= bottom for x0, top, x1, bottom in boxes
        )

    lines = [
        (line["top"], line["x0"], line["x1"], _CJK_GAP.sub("", line["text"].strip()))
        for line in page.filter(outside).extract_text_lines()
        if line["text"].strip()
    ]
    lines = [line for line in lines if not PAGE_NUMBER.match(line[3])]  # — 3 —, 第3页
    tables = [
        Table(
            table.bbox[1],
            _rows(table),
            {cell[0] for row in table.rows for cell in row.cells if cell},
        )
        for table in found
    ]
    return lines, tables


_ROW_GAP = 40.0  # points: rules further apart than a tall row belong to different tables


def _closing_lines(page: Any) -> list[dict[str, Any]]:
    """The borders a page leaves out, drawn in: a portal's table printed by a browser may have no
    right border on its last column (Chromium printed one so), and pdfplumber finds no cell
    without one. Where three or more horizontal rules, at most a row apart, end at one x and no
    vertical rule stands there at all, a vertical line joins them. (Where one does, the table
    is closed already, and a line drawn on through the gap to the next table would join the
    two.)"""
    ends: dict[float, list[float]] = {}
    standing: dict[int, list[tuple[float, float]]] = {}  # the vertical rules' tops and bottoms
    for edge in page.edges:
        if edge["orientation"] == "h" and edge["x1"] - edge["x0"] > 5:
            for x in (edge["x0"], edge["x1"]):
                ends.setdefault(round(x, 1), []).append(edge["top"])
        elif edge["orientation"] == "v" and edge["bottom"] - edge["top"] > 2:
            standing.setdefault(round(edge["x0"]), []).append((edge["top"], edge["bottom"]))
    lines = []
    for x, tops in ends.items():
        runs: list[list[float]] = []
        for top in sorted(tops):
            if runs and top - runs[-1][-1] <= _ROW_GAP:
                runs[-1].append(top)
            else:
                runs.append([top])
        lines += [
            {
                "object_type": "line",
                "x0": x,
                "x1": x,
                "top": run[0],
                "bottom": run[-1],
                "width": 0,
                "height": run[-1] - run[0],
            }
            for run in runs
            if len(run) >= 3
            and not any(
                top < run[-1] and bottom > run[0]
                for near in range(round(x) - 2, round(x) + 3)  # within about two points
                for top, bottom in standing.get(near, ())
            )
        ]
    return lines


def _rows(table: Any) -> list[Row]:
    """A table's rows as cells with their left edges: the edges, not the counts, say which
    column a cell stands in (the parts of a table on two pages are cut into columns apart)."""
    rows: list[Row] = []
    for row, texts in zip(table.rows, table.extract(), strict=True):
        cells = [
            (bbox[0], text.strip())
            for bbox, text in zip(row.cells, texts, strict=True)
            if bbox is not None and text and text.strip()
        ]
        rows.append(cells)
    return rows


def _blocks(pages: list[Page]) -> list[Block]:
    """Paragraphs and tables in reading order, tables joined over page breaks."""
    running = _running_lines(pages)
    seen: set[str] = set()  # a running line is kept where it first stands (the title, once)
    items: list[tuple[str, Any]] = []  # ("line", Line) or ("table", Table), in order
    for lines, tables in pages:
        kept = [line for line in lines if line[3] not in running or line[3] not in seen]
        seen |= {line[3] for line in lines}
        placed = sorted(
            [(line[0], "line", line) for line in kept] + [(t.top, "table", t) for t in tables],
            key=lambda item: item[0],
        )
        for index, (_, kind, item) in enumerate(placed):
            first_on_page = index == 0
            continues = first_on_page and items and items[-1][0] == "table"
            last = items[-1][1] if continues else None
            if kind == "table" and last is not None and _same_columns(last.edges, item.edges):
                joined = _continued(last.rows, item.rows)
                items[-1] = ("table", last._replace(rows=joined, edges=last.edges | item.edges))
            else:
                items.append((kind, item))
    blocks: list[Block] = []
    numbers = itertools.count(1)
    every_line = [line for lines, _ in pages for line in lines]
    margins = (
        min((line[1] for line in every_line), default=0.0),
        max((line[2] for line in every_line), default=0.0),
        _char_width(every_line),
    )
    for kind, group in itertools.groupby(items, key=lambda item: item[0]):
        if kind == "line":
            text_lines = [item for _, item in group]
            blocks += [("p", text) for text in _paragraphs(text_lines, margins)]
        else:
            for _, table in group:
                blocks.append(("t", _sheet(table.rows, next(numbers))))
    return blocks


def _running_lines(pages: list[Page]) -> set[str]:
    """Lines that stand on most pages: a running header or footer (the title, the office)."""
    if len(pages) < 3:
        return set()
    counts: dict[str, int] = {}
    for lines, _ in pages:
        for text in {line[3] for line in lines}:
            counts[text] = counts.get(text, 0) + 1
    return {text for text, count in counts.items() if count >= max(3, len(pages) * 2 // 3)}


def _same_columns(before: set[float], edges: set[float]) -> bool:
    """Whether a table atop a page goes on from the one that ended the page before: most of
    its cells' columns, empty cells' included, begin where that one's do (四 after 三 does
    not). The empty ones count: 三's rows left blank by hand hold text only in their labels."""
    same = sum(any(abs(x - y) <= _SAME_EDGE for y in before) for x in edges)
    return bool(edges) and same >= 0.6 * len(edges)


def _continued(first: list[Row], more: list[Row]) -> list[Row]:
    """A table whose rows go on at the top of the next page: one table. Where the page break cut
    a row, the next page begins with the rest of its labels (and of the labels spanning down
    into it): each is joined to the cell it continues, the nearest above in its column."""
    if not first or not more or not more[0]:
        return first + more
    rows = [list(row) for row in first]

    def above(x: float) -> tuple[int, int] | None:
        for r in range(len(rows) - 1, -1, -1):
            for c, (left, text) in enumerate(rows[r]):
                if abs(left - x) <= _SAME_EDGE:
                    return None if _NUMBER.match(text) else (r, c)
        return None

    places = [above(x) for x, _ in more[0]]
    if None in places or any(
        _NUMBER.match(text) or canonical_label(text) in _LABELS for _, text in more[0]
    ):  # numbers, or a label of the format's own: a row (or a table) of its own
        return first + more
    for (_, text), place in zip(more[0], places, strict=True):
        assert place is not None
        r, c = place
        left, before = rows[r][c]
        rows[r][c] = (left, before + text)
    return rows + more[1:]


def _sheet(rows: list[Row], number: int) -> CellSheet:
    """The table as a grid whose columns are its cells' left edges, in order (edges a point or
    two apart are one column)."""
    edges: list[float] = []
    for x in sorted(x for row in rows for x, _ in row):
        if not edges or x - edges[-1] > _SAME_EDGE:
            edges.append(x)

    def column(x: float) -> int:
        return 1 + min(range(len(edges)), key=lambda i: abs(edges[i] - x))

    values = {
        (r, column(x)): text if _NUMBER.match(text) else re.sub(r"\s+", "", text)
        for r, row in enumerate(rows, start=1)
        for x, text in row
    }
    title = f"第 {number} 个表格"
    return CellSheet(title, values, lambda r, c: f"{title}第 {r} 行第 {c} 列")


def _paragraphs(lines: list[Line], margins: tuple[float, float, float]) -> list[str]:
    """Lines rejoined where the text runs on. A paragraph begins at an indented or numbered line
    (一、 （一） 1.); it ends at a line well short of the right margin that ends a sentence, or
    at any line shorter than most (a title, a heading, the 落款). ``margins``: the text's left
    and right edges on the page and a character's width, from the whole document."""
    left, right, size = margins
    paragraphs: list[str] = []
    current = ""
    for index, (_, x0, x1, text) in enumerate(lines):
        if current and (x0 > left + size * 0.8 or _HEADING.match(text)):
            paragraphs.append(current)
            current = ""
        current = _join(current, text)
        following = lines[index + 1][3] if index + 1 < len(lines) else ""
        stops = x1 < right - size * 1.5 and (
            (text.endswith(tuple(_ENDS)) and not _word_too_long(following, right - x1, size))
            or x1 < left + (right - left) * 0.6
        )
        if stops:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


_LATIN_WORD = re.compile(r"[\x21-\x7e]+")


def _word_too_long(following: str, room: float, size: float) -> bool:
    """Whether the next line begins with a word of Latin letters or digits (a postcode, a
    telephone number, an address on the web) too wide for the room left on this line: the line
    was wrapped before it, even after a colon, and did not end there."""
    word = _LATIN_WORD.match(following)
    return word is not None and len(word.group()) * size * 0.5 > room


def _char_width(lines: list[Line]) -> float:
    """About one character's width: the lines' widths over their lengths, the median."""
    widths = sorted((x1 - x0) / len(text) for _, x0, x1, text in lines if len(text) >= 4)
    return widths[len(widths) // 2] if widths else 12.0


def _join(before: str, after: str) -> str:
    """Two lines of one paragraph: CJK runs on without a space; two Latin words keep one."""
    if before and _ASCII_WORD.match(before[-1]) and _ASCII_WORD.match(after[0]):
        return f"{before} {after}"
    return before + after
