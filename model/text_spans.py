"""Finding sentences in report text, so a problem can point at the very sentence it is about."""

from __future__ import annotations

import re

_ENDS = "。！？；!?;\n"
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９　", "0123456789 ")
_FULL_WIDTH = re.compile("[０-９　]")


def sentence_span(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The (start, end) character range of the sentence holding text[start:end]."""
    end = start if end is None else end
    left = max((text.rfind(mark, 0, start) for mark in _ENDS), default=-1) + 1
    right = len(text)
    for i in range(max(end, left), len(text)):
        if text[i] in _ENDS:
            right = i + 1 if text[i] != "\n" else i
            break
    while left < right and text[left].isspace():
        left += 1
    return left, right


def fold_digits(text: str) -> str:
    """Full-width digits and spaces to ASCII, keeping every character's position."""
    # translate() looks up every character of CJK text in a dict; most texts need nothing.
    return text.translate(_FULL_WIDTH_DIGITS) if _FULL_WIDTH.search(text) else text
