"""What a report's text may hold — checked in one place for every way in.

A text the program accepts is a text every writer can write: the data package (UTF-8 JSON), the
workbook and the Word document (XML, which cannot hold most control characters or U+FFFE/U+FFFF)
and the PDF (whose fonts have no glyph for a control character or a line separator). So every
reader, the store and the window pass texts through ``clean_text``:

- harmless oddities are normalised: line and paragraph separators (U+2028/U+2029, CR, CR LF)
  become a line break, a tab a space, and control characters and Unicode noncharacters go;
- what cannot be a real text is refused (``BadText``, a Chinese message): a lone surrogate,
  which no real document holds (a damaged or hand-made file), a text longer than ``MAX_TEXT``
  characters (a name, title or contact field longer than ``MAX_LINE``), and texts together
  longer than ``MAX_REPORT_TEXT`` (a whole real report is a few thousand).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

MAX_TEXT = 200_000  # characters in one text: fifty times the longest real section seen
# Characters in all of a report's texts together: what bounds every file written from it (the
# workbook holds each text twice, as text and in its data package) and the PDF's time.
MAX_REPORT_TEXT = 400_000
MAX_LINE = 2_000  # characters in a name, a title or a contact field (the preamble repeats them)

_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029\x85]")
# C0 controls but tab and line feed, DEL, C1 controls, and the noncharacters.
_DROPPED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ufdd0-\ufdef\ufffe\uffff"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
    )
    + "]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_GAP = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")


class BadText(ValueError):
    """A text that cannot be taken; ``str(error)`` says why in Chinese."""


def clean_text(text: str, *, one_line: bool = False) -> str:
    """``text`` as every writer can write it, or BadText; a ``one_line`` text (a name, a title,
    a contact field) loses its line breaks too, as the title of a document cannot hold them."""
    if one_line and len(text) > MAX_LINE:
        raise BadText(
            f"太长（{len(text):,} 个字符）：名称、标题和联系方式最多 {MAX_LINE:,} 个字符。"
        )
    if len(text) > MAX_TEXT:
        raise BadText(
            f"文字太长（{len(text):,} 个字符）：一段文字最多 {MAX_TEXT:,} 个字符，"
            "年度报告的一节通常只有几千字。"
        )
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:
        raise BadText(
            f"含有无效的字符（第 {surrogate.start() + 1} 个字符是孤立的代理码位 "
            f"U+{ord(surrogate.group()):04X}），文件可能已损坏。"
        )
    if text.isascii() and text.isprintable() and not one_line:
        return text  # the common case, at once
    text = _LINE_BREAKS.sub("\n", text)
    text = _DROPPED.sub("", text.replace("\t", " "))
    if one_line:  # as a title prints it: no breaks, no gaps between Chinese characters
        text = _CJK_GAP.sub("", " ".join(text.split()))
    return text


def clean_json(value: Any, path: str = "", *, one_line: bool = False) -> Iterator[tuple[str, str]]:
    """Every string in a JSON value (keys too, always one line) that ``clean_text`` refuses, as
    (path, why); ``clean_tree`` then gives the value with every string cleaned."""
    stack: list[tuple[str, Any, bool]] = [(path, value, one_line)]
    while stack:
        where, node, line = stack.pop()
        if isinstance(node, str):
            try:
                clean_text(node, one_line=line)
            except BadText as bad:
                yield where, str(bad)
        elif isinstance(node, dict):
            for key, child in node.items():
                here = f"{where}.{_shown_key(key)}" if where else _shown_key(key)
                if isinstance(key, str):
                    stack.append((here, key, True))
                stack.append((here, child, one_line))
        elif isinstance(node, list):
            stack.extend(
                (f"{where}.{i}" if where else str(i), child, one_line)
                for i, child in enumerate(node)
            )


def clean_tree(value: Any, *, one_line: bool = False) -> Any:
    """A JSON value with every string (keys too) cleaned; call after ``clean_json`` found none
    to refuse. Nesting is bounded by the JSON reader, so recursion is safe here."""
    if isinstance(value, str):
        return clean_text(value, one_line=one_line)
    if isinstance(value, dict):
        return {
            clean_text(k, one_line=True) if isinstance(k, str) else k: clean_tree(
                v, one_line=one_line
            )
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [clean_tree(v, one_line=one_line) for v in value]
    return value


def _shown_key(key: Any) -> str:
    """A key as a path names it, never a character that cannot be printed."""
    text = str(key)
    return _SURROGATE.sub("\ufffd", text)


def too_much_text(total: int) -> str | None:
    """Why a report whose texts hold ``total`` characters together cannot be taken, or None."""
    if total <= MAX_REPORT_TEXT:
        return None
    return (
        f"报告的文字太多（共 {total:,} 个字符）：一份报告的文字合计最多 {MAX_REPORT_TEXT:,} 个字符，"
        "年度报告通常只有几千字。"
    )
