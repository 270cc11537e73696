"""Parsing what a user types or pastes into a table cell — in one place.

Accepted: ``12``, `` 12 ``, full-width ``１２``, ``1,234`` (also with the full-width comma),
an empty cell (= 0), a trailing unit (件 for counts, 万元 for the fee). Everything else is refused
with a Chinese message that names what is wrong. The fee is a ``Decimal``, never a ``float``.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from .format.declaration import Kind

MAX_COUNT = 999_999_999
# The fee in 万元 to the 分 (six places), as portals print it (5949.088667); a version-1 data
# package allowed four.
AMOUNT_PLACES = 6
MAX_AMOUNT = Decimal("999999999.999999")
TOO_LARGE = "金额不能超过 999,999,999.999999 万元"


def too_many_places(places: int = AMOUNT_PLACES) -> str:
    """最多保留 6 位小数（0.000001 万元即 1 分）: the limit, said with its smallest amount."""
    smallest = {4: "1 元", 6: "1 分"}.get(places, f"{Decimal(1).scaleb(-places)} 万元")
    return f"最多保留 {places} 位小数（{Decimal(1).scaleb(-places):f} 万元即 {smallest}）"


Value = int | Decimal

_NUMBER = re.compile(r"(?P<int>\d+|\d{1,3}(?:,\d{3})+)(?:\.(?P<frac>\d+))?")
_MINUS = ("-", "−", "－", "—", "–")
_UNITS = {Kind.COUNT: ("件", "个", "例"), Kind.AMOUNT: ("万元", "万")}


class InputError(ValueError):
    """A cell input that cannot be taken; ``str(error)`` is the message for the user."""


def parse_cell(kind: Kind, text: str) -> Value:
    """The value of a typed cell, or ``InputError`` saying in Chinese what is wrong."""
    if kind is Kind.AMOUNT:
        return parse_amount(text)
    return parse_count(text)


def parse_count(text: str) -> int:
    integer, fraction = _split_number(text, Kind.COUNT, "件数")
    if fraction.strip("0"):
        raise InputError(f"“{_shown(text)}”不是整数：件数只能填写整数。")
    if len(integer.lstrip("0")) > len(str(MAX_COUNT)) or int(integer) > MAX_COUNT:
        raise InputError(f"“{_shown(text)}”太大：件数不能超过 999,999,999。")
    return int(integer)


def parse_amount(text: str) -> Decimal:
    integer, fraction = _split_number(text, Kind.AMOUNT, "金额")
    if len(fraction) > AMOUNT_PLACES:
        raise InputError(f"“{_shown(text)}”的小数位太多：金额以万元为单位，{too_many_places()}。")
    if len(integer.lstrip("0")) > 9:
        raise InputError(f"“{_shown(text)}”太大：{TOO_LARGE}。")
    try:
        value = Decimal(f"{integer}.{fraction}" if fraction else integer)
    except InvalidOperation as error:  # pragma: no cover - the pattern only lets digits through
        raise InputError(f"“{_shown(text)}”不是有效的金额。") from error
    if value > MAX_AMOUNT:
        raise InputError(f"“{_shown(text)}”太大：{TOO_LARGE}。")
    return value


def format_value(value: Value) -> str:
    """How a value is shown and written back as text: 0, 12, 0.035 (never 3.5E-2)."""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _split_number(text: str, kind: Kind, what: str) -> tuple[str, str]:
    """The digits before and after the decimal point, or InputError."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    for unit in _UNITS[kind]:
        if cleaned.endswith(unit):
            cleaned = cleaned[: -len(unit)].strip()
            break
    if cleaned == "":
        return "0", ""
    if cleaned.startswith(_MINUS) and _NUMBER.fullmatch(cleaned[1:].strip()):
        raise InputError(f"“{_shown(text)}”是负数：{what}不能为负数。")
    if kind is Kind.COUNT and cleaned.endswith("元"):
        raise InputError(f"“{_shown(text)}”带有金额单位：这里填写件数。")
    if kind is Kind.AMOUNT and cleaned.endswith("元"):
        raise InputError(f"“{_shown(text)}”的单位不对：金额以万元为单位，请换算成万元后填写。")
    match = _NUMBER.fullmatch(cleaned)
    if match is None:
        if "," in cleaned and re.fullmatch(r"[\d,]+(\.\d+)?", cleaned):
            raise InputError(f"“{_shown(text)}”的千位分隔符位置不对：应写作 1,234 这样。")
        raise InputError(f"“{_shown(text)}”不是数字：{what}只能填写数字。")
    return match["int"].replace(",", ""), match["frac"] or ""


def _shown(text: str) -> str:
    """The input as quoted back in a message: trimmed, and short."""
    text = text.strip()
    return text if len(text) <= 20 else text[:20] + "…"
