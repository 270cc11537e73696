"""A Word document's body as the readers see it: its paragraphs and tables, in order.

Both the Word reader and the fingerprint of a document's visible words (``docx_package``) walk
the body this one way, so a document this program wrote reads back to the fingerprint it was
written with.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from typing import Any

from docx.oxml.ns import qn

from .table_reading import CellSheet

Block = tuple[str, Any]  # ("p", paragraph text) or ("t", CellSheet), in document order


def body_blocks(body: Any) -> list[Block]:
    """The non-empty paragraphs and the tables of a document body, content controls opened."""
    blocks: list[Block] = []
    numbers = itertools.count(1)  # 第 N 个表格, in document order

    def walk(parent: Any) -> None:
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                text = element_text(child).strip()
                if text:
                    blocks.append(("p", text))
            elif child.tag == qn("w:tbl"):
                blocks.append(("t", _table(child, next(numbers))))
            elif child.tag in (qn("w:sdt"), qn("w:sdtContent")):  # content controls
                walk(child)

    walk(body)
    return blocks


def fingerprint(blocks: list[Block]) -> str:
    """What a reader sees of a document — every paragraph's and cell's text, in order — as a
    short hash: equal exactly when nobody changed a word or a number. A cell counts by its
    place in reading order, not its grid column: word processors saving the document again
    redraw a merged table's grid."""
    seen = [
        text if kind == "p" else [text.values[place] for place in sorted(text.values)]
        for kind, text in blocks
    ]
    return hashlib.sha256(json.dumps(seen, ensure_ascii=False).encode()).hexdigest()


def element_text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _table(tbl: Any, number: int) -> CellSheet:
    """A Word table as a grid: a merged cell's text in its first cell, as Excel keeps it."""
    values: dict[tuple[int, int], Any] = {}
    for row, tr in enumerate(tbl.iterchildren(qn("w:tr")), start=1):
        col = 1 + _number(tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}"), 0)
        for tc in tr.iterchildren(qn("w:tc")):
            properties = tc.find(qn("w:tcPr"))
            span = _number(None if properties is None else properties.find(qn("w:gridSpan")), 1)
            merge = None if properties is None else properties.find(qn("w:vMerge"))
            continued = merge is not None and merge.get(qn("w:val"), "continue") == "continue"
            text = "" if continued else element_text(tc).strip()
            if text:
                values[(row, col)] = text
            col += span
    title = f"第 {number} 个表格"
    return CellSheet(title, values, lambda r, c: f"{title}第 {r} 行第 {c} 列")


def _number(element: Any, default: int) -> int:
    try:
        return int(element.get(qn("w:val"))) if element is not None else default
    except (TypeError, ValueError):
        return default
