"""Finding sentences in report text, so a problem can point at the very sentence it is about."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ENDS = "。！？；!?;\n"
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９　", "0123456789 ")
_FULL_WIDTH = re.compile("[０-９　]")
_END_MARKS = re.compile(f"[{re.escape(_ENDS)}]")


class Sentences:
    """A text's sentence boundaries, found once: the sentence of each of many matches is then a
    binary search, so a check over a long text stays linear (a span per match, each found from
    scratch, took minutes on a 150 KB sentence)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends: list[int] | None = None  # found at the first span asked for

    @property
    def ends(self) -> list[int]:
        if self._ends is None:
            self._ends = [m.start() for m in _END_MARKS.finditer(self.text)]
        return self._ends

    def span(self, start: int, end: int | None = None) -> tuple[int, int]:
        """The (start, end) character range of the sentence holding text[start:end]."""
        text, ends = self.text, self.ends
        end = start if end is None else end
        before = bisect_left(ends, start)  # the marks before ``start``
        left = ends[before - 1] + 1 if before else 0
        after = bisect_left(ends, max(end, left))
        right = len(text)
        if after < len(ends):
            mark = ends[after]
            right = mark + 1 if text[mark] != "\n" else mark
        while left < right and text[left].isspace():
            left += 1
        return left, right


def sentence_span(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The (start, end) character range of the sentence holding text[start:end] (one lookup;
    use ``Sentences`` for many in the same text)."""
    return Sentences(text).span(start, end)


class Spans:
    """Non-overlapping (start, end) ranges in order, and whether a position falls in one."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [a for a, _ in spans]
        self.spans = spans

    def __contains__(self, position: int) -> bool:
        i = bisect_right(self.starts, position) - 1
        return i >= 0 and self.spans[i][0] <= position < self.spans[i][1]


def fold_digits(text: str) -> str:
    """Full-width digits and spaces to ASCII, keeping every character's position."""
    # translate() looks up every character of CJK text in a dict; most texts need nothing.
    return text.translate(_FULL_WIDTH_DIGITS) if _FULL_WIDTH.search(text) else text
