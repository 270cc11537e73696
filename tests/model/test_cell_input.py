"""Parsing what a clerk types or pastes into a cell."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.cell_input import InputError, format_value, parse_amount, parse_cell, parse_count
from model.format.declaration import Kind


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12),
        (" 12 ", 12),
        ("\u300012\u3000", 12),
        ("１２", 12),
        ("1,234", 1234),
        ("１，２３４", 1234),
        ("", 0),
        ("   ", 0),
        ("0", 0),
        ("12件", 12),
        ("12.0", 12),
        ("999,999,999", 999_999_999),
    ],
)
def test_counts_accepted(text: str, value: int) -> None:
    assert parse_count(text) == value
    assert type(parse_count(text)) is int


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("-3", "负数"),
        ("－3", "负数"),
        ("1.5", "整数"),
        ("abc", "数字"),
        ("12a", "数字"),
        ("1000000000", "999,999,999"),
        ("12,34", "千位分隔符"),
        ("5元", "件数"),
        ("1e3", "数字"),
    ],
)
def test_counts_refused_with_a_message_naming_the_problem(text: str, says: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_count(text)
    assert says in str(refused.value)
    assert text.strip() in str(refused.value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", Decimal("0")),
        ("12.5", Decimal("12.5")),
        ("0.0350", Decimal("0.0350")),
        ("０.０００１", Decimal("0.0001")),
        ("1,234.5", Decimal("1234.5")),
        ("3万元", Decimal("3")),
        ("", Decimal("0")),
    ],
)
def test_amounts_accepted_as_decimals(text: str, value: Decimal) -> None:
    parsed = parse_amount(text)
    assert isinstance(parsed, Decimal)
    assert parsed == value


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("0.0000001", "6 位小数"),
        ("-1", "负数"),
        ("12元", "万元"),
        ("十二", "数字"),
        ("1000000000", "太大"),
    ],
)
def test_amounts_refused(text: str, says: str) -> None:
    with pytest.raises(InputError, match=says):
        parse_amount(text)


def test_parse_cell_dispatches_on_kind() -> None:
    assert parse_cell(Kind.COUNT, "7") == 7
    assert parse_cell(Kind.AMOUNT, "7.25") == Decimal("7.25")


@given(st.integers(min_value=0, max_value=999_999_999))
def test_counts_round_trip_in_every_accepted_spelling(n: int) -> None:
    assert parse_count(str(n)) == n
    assert parse_count(f"{n:,}") == n
    assert parse_count(str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))) == n


@given(st.decimals(min_value=0, max_value=Decimal("999999999.9999"), places=4))
def test_amounts_round_trip_through_their_text(value: Decimal) -> None:
    assert parse_amount(format_value(value)) == value
