"""Hypothesis strategies: reports that are valid by construction (no error of checks.md)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from hypothesis import strategies as st

from model.format.declaration import CellRef, Role
from model.format.format_2021 import APPLICANT_COLUMNS, APPLICATIONS, PROACTIVE, REVIEW_LITIGATION
from model.report import Explanation, Overview, Report, Status, Subsection, Texts

# Chinese text without anything a placeholder check could take for a template gap.
_SAFE = "政府信息公开工作本年度我乡镇坚持依法主动公开申请办理平台建设监督保障，。、"
safe_text = st.text(alphabet=_SAFE, min_size=1, max_size=80).filter(lambda s: s.strip())
optional_text = st.text(alphabet=_SAFE, max_size=60)
_RESULT_ROWS = [
    ref.row
    for ref in APPLICATIONS.cells
    if ref.col == "natural_person"
    and APPLICATIONS.role(ref) is Role.INPUT
    and ref.row not in ("new_requests", "carried_over", "carried_forward")
]


# How a generator picks a whole number in [low, high] and a fee: hypothesis' draw in the
# strategies below, a seeded ``random.Random`` for the county's generated sets.
PickInt = Callable[[int, int], int]


def balanced_applications(pick: PickInt) -> dict[CellRef, int]:
    """三's typed cells, balanced in every column (R1)."""
    values: dict[CellRef, int] = {}
    for col, _ in APPLICANT_COLUMNS:
        results = {row: pick(0, 50) for row in _RESULT_ROWS}
        forward = pick(0, 50)
        new = pick(0, sum(results.values()) + forward)
        for row, value in results.items():
            values[CellRef("applications", row, col)] = value
        values[CellRef("applications", "carried_forward", col)] = forward
        values[CellRef("applications", "new_requests", col)] = new
        values[CellRef("applications", "carried_over", col)] = sum(results.values()) + forward - new
    return values


def typed_values(pick: PickInt, fee: Callable[[], Decimal]) -> dict[CellRef, int | Decimal]:
    """Every typed cell of 二、三、四, valid by construction."""
    values: dict[CellRef, int | Decimal] = {}
    for ref in PROACTIVE.cells:
        values[ref] = fee() if PROACTIVE.kind(ref).value == "amount" else pick(0, 50)
    for ref in REVIEW_LITIGATION.cells:
        if REVIEW_LITIGATION.role(ref) is Role.INPUT:
            values[ref] = pick(0, 50)
    values.update(balanced_applications(pick))
    return values


def _picker(draw: st.DrawFn) -> PickInt:
    return lambda low, high: draw(st.integers(min_value=low, max_value=high))


fees = st.decimals(min_value=0, max_value=Decimal("99999.9999"), places=4)


@st.composite
def valid_reports(draw: st.DrawFn) -> Report:
    values = typed_values(_picker(draw), lambda: draw(fees))
    subsections = draw(
        st.lists(st.builds(Subsection, safe_text, optional_text), min_size=0, max_size=6)
    )
    published = draw(st.booleans())
    return Report(
        organization=draw(safe_text),
        year=draw(st.integers(min_value=2008, max_value=2021)),  # reports of past years
        status=Status.PUBLISHED if published else Status.DRAFT,
        published_on=draw(st.dates()) if published else None,
        signed_on=draw(st.none() | st.dates()),
        meta={"portal_name": draw(optional_text), "postcode": "755200"},
        texts=Texts(
            preamble=draw(st.none() | safe_text),
            overview=Overview(draw(safe_text), subsections),
            problems=draw(safe_text),
            other=draw(safe_text),
        ),
        values=values,
        explanations=draw(
            st.lists(
                st.builds(
                    Explanation,
                    st.sampled_from(["W-copied", "W-carry"]),
                    st.lists(st.sampled_from(["texts.problems", "texts.other"]), unique=True)
                    .map(sorted)
                    .map(tuple),
                    st.none() | safe_text,
                    safe_text,
                ),
                max_size=2,
            )
        ),
    )
