"""A paragraph of Chinese text for reportlab: lines filled edge to edge, glyphs from fallbacks.

reportlab's own justification only stretches spaces, which Chinese text has none of; here the
spare width of a line is shared between all its characters, as a typeset 公文 does. Latin words,
numbers and web addresses stay whole; a line never starts with closing punctuation (，。、）》…) nor
ends with opening punctuation (（《“…). Each character is drawn in the role's face or, when that
face lacks it, in the first fallback font that has it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.lib.colors import Color, black
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .fonts import Fonts

_NO_START = set("，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}")
_NO_END = set("（《「『【〔〈“‘([{")
_WORD = re.compile(r"[A-Za-z0-9@#%&*+=/._:~\-]+|.", re.DOTALL)


@dataclass(frozen=True)
class Unit:
    text: str
    font: str
    width: float


class CJKParagraph(Flowable):
    def __init__(
        self,
        text: str,
        fonts: Fonts,
        role: str,
        size: float,
        leading: float,
        *,
        indent: float = 0,
        align: str = "justify",
        color: Color = black,
        space_before: float = 0,
        space_after: float = 0,
    ) -> None:
        super().__init__()
        self.text, self.fonts, self.role = text, fonts, role
        self.size, self.leading, self.indent, self.align, self.color = (
            size,
            leading,
            indent,
            align,
            color,
        )
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self._lines: list[list[Unit]] | None = None
        self._width = 0.0
        self._first_indent = indent

    # ── layout ──

    def units(self) -> list[Unit]:
        found = []
        for piece in _WORD.findall(self.text):
            if piece == "\n":
                continue
            font = self.fonts.font_for(piece[0], self.role)
            if font is None:  # checked before the export starts; never drawn blank
                raise ValueError(f"no font has {piece[0]!r}")
            found.append(Unit(piece, font, stringWidth(piece, font, self.size)))
        return found

    def _layout(self, width: float) -> list[list[Unit]]:
        lines: list[list[Unit]] = []
        line: list[Unit] = []
        used = self._first_indent
        for unit in self.units():
            if line and used + unit.width > width + 0.01 and unit.text[0] not in _NO_START:
                carried = [line.pop()] if line[-1].text[-1] in _NO_END and len(line) > 1 else []
                lines.append(line)
                line, used = carried, sum(u.width for u in carried)
            line.append(unit)
            used += unit.width
        if line:
            lines.append(line)
        return lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._lines is None or abs(self._width - availWidth) > 0.01:
            self._width = availWidth
            self._lines = self._layout(availWidth)
        return availWidth, len(self._lines) * self.leading

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        assert self._lines is not None
        fit = int(availHeight // self.leading)
        if fit <= 0 or fit >= len(self._lines):
            return [] if fit <= 0 else [self]
        head, tail = self._copy(self._lines[:fit], last_full=True), self._copy(self._lines[fit:])
        head.spaceAfter, tail.spaceBefore, tail._first_indent = 0, 0, 0
        return [head, tail]

    def _copy(self, lines: list[list[Unit]], *, last_full: bool = False) -> CJKParagraph:
        piece = CJKParagraph(
            self.text,
            self.fonts,
            self.role,
            self.size,
            self.leading,
            indent=self.indent,
            align=self.align,
            color=self.color,
            space_before=self.spaceBefore,
            space_after=self.spaceAfter,
        )
        piece._lines, piece._width, piece._justify_last = lines, self._width, last_full
        piece._first_indent = self._first_indent
        return piece

    _justify_last = False

    # ── drawing ──

    def draw(self) -> None:
        assert self._lines is not None
        canvas = self.canv
        canvas.setFillColor(self.color)
        for number, line in enumerate(self._lines):
            natural = sum(u.width for u in line)
            start = self._first_indent if number == 0 else 0.0
            room = self._width - start
            gap = 0.0
            last = number == len(self._lines) - 1
            if self.align == "justify" and len(line) > 1 and (not last or self._justify_last):
                # A line of long unbreakable words would gape; past half a character, leave it loose.
                gap = min((room - natural) / (len(line) - 1), self.size / 2)
            elif self.align == "center":
                start += (room - natural) / 2
            elif self.align == "right":
                start += room - natural
            baseline = (
                (len(self._lines) - number - 1) * self.leading
                + (self.leading - self.size) / 2
                + self.size * 0.12
            )
            self._draw_line(line, start, baseline, gap)

    def _draw_line(self, line: list[Unit], x: float, baseline: float, gap: float) -> None:
        """One text object a line; a run of single characters in one font is one string whose
        character spacing is the justification gap (drawing character by character was most
        of the export's time)."""
        text = self.canv.beginText()
        run: list[Unit] = []

        def flush() -> None:
            nonlocal x
            if not run:
                return
            text.setTextOrigin(x, baseline)
            text.setFont(run[0].font, self.size)
            text.setCharSpace(gap if len(run[0].text) == 1 else 0)
            text.textOut("".join(u.text for u in run))
            x += sum(u.width for u in run) + gap * len(run)
            run.clear()

        for unit in line:
            if run and (unit.font != run[0].font or len(unit.text) > 1 or len(run[0].text) > 1):
                flush()
            run.append(unit)
        flush()
        self.canv.drawText(text)
