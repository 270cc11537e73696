"""Label matching for importers: the canonical labels of the format and the variants people type.

Real reports write half-width brackets, stray spaces, 本年度止件数 for 本年废止件数, 规范性文件 for
行政规范性文件 and the like. ``normalize_label`` folds the harmless differences; ``canonical_label``
also maps the known variants to the label the format prescribes.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_YEAR_IN_PARENS = re.compile(r"\((?:19|20)\d{2}\)")
_QUOTES = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"', "‘": "'", "’": "'"})


def normalize_label(text: str) -> str:
    """Fold width (（→(, １→1), quotes and every space, so 「（一） 予以公开」 ≡ 「(一)予以公开」."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACES.sub("", folded)


# Variants seen in real reports (normalized form → canonical label of format-2021.md).
_VARIANTS = {
    "本年度止件数": "本年废止件数",
    "规范性文件": "行政规范性文件",
    "行政事业型收费": "行政事业性收费",
    "现行有效件": "现行有效件数",
    "2.其他法律法规禁止公开": "2.其他法律行政法规禁止公开",
}
VARIANTS = {normalize_label(variant): canonical for variant, canonical in _VARIANTS.items()}


def canonical_label(text: str) -> str:
    """The normalized form of a label, with known variants and 本年(2023)制发件数 mapped."""
    key = _YEAR_IN_PARENS.sub("", normalize_label(text))
    if key in VARIANTS:
        return normalize_label(VARIANTS[key])
    return key
