"""The report document: what one organization reports for one year.

Only typed cells are held; computed cells (三's 总计 column and （七）总计 row, 四's three 总计) are
always derived from them by the declared sum rules, so they can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from .cell_input import Value
from .format.declaration import CellRef, Kind, Role, Table
from .format.format_2021 import (
    FORMAT_VERSION,
    OTHER,
    OVERVIEW,
    PROBLEMS,
    STANDARD_SUBSECTIONS,
    TABLES,
)
from .status import Status
from .text_input import BadText, clean_json, clean_text, clean_tree, too_much_text

# The contact and publication fields of the preamble, in the order the form shows them.
META_FIELDS: tuple[tuple[str, str], ...] = (
    ("portal_name", "公开平台名称"),
    ("portal_url", "公开平台网址"),
    ("contact_office", "联系机构"),
    ("address", "地址"),
    ("postcode", "邮编"),
    ("phone", "电话"),
)


@dataclass
class Subsection:
    title: str
    body: str = ""


@dataclass
class Overview:
    intro: str = ""
    subsections: list[Subsection] = field(default_factory=list)


@dataclass
class Texts:
    preamble: str | None = None  # None: generated from meta, organization and year
    overview: Overview = field(default_factory=Overview)
    problems: str = ""
    other: str = ""


@dataclass(frozen=True)
class Explanation:
    """A user's answer (说明) to a warning, tied to its rule, cells and, for text, the sentence."""

    rule: str
    cells: tuple[str, ...]
    sentence: str | None
    text: str


def zero_values() -> dict[CellRef, Value]:
    """Every typed cell of every table, at 0 (the fee as Decimal 0)."""
    return {
        ref: (Decimal(0) if table.kind(ref) is Kind.AMOUNT else 0)
        for table in TABLES.values()
        for ref in table.cells
        if table.role(ref) is Role.INPUT
    }


def new_texts() -> Texts:
    return Texts(overview=Overview(subsections=[Subsection(t) for t in STANDARD_SUBSECTIONS]))


@dataclass
class Report:
    organization: str
    year: int | None
    status: Status = Status.DRAFT
    published_on: dt.date | None = None
    signed_on: dt.date | None = None
    meta: dict[str, str] = field(default_factory=dict)
    texts: Texts = field(default_factory=new_texts)
    values: dict[CellRef, Value] = field(default_factory=zero_values)
    explanations: list[Explanation] = field(default_factory=list)
    format_version: int = FORMAT_VERSION
    # A published document's totals that disagree with their parts, as printed (the report's
    # value is the computed one): kept so that the disagreement is shown (E-R2/R3/R4), never
    # silently corrected. Only computed cells; see ``printed_totals``.
    as_published: dict[CellRef, Value] = field(default_factory=dict)
    # Marks the window shows, kept by the store but not part of the data package: cells filled
    # from last year's report (上年结转), and texts copied from it still waiting to be updated.
    carried: set[CellRef] = field(default_factory=set)
    pending_texts: set[str] = field(default_factory=set)
    # Where the store keeps it; None until saved.
    id: int | None = None
    organization_id: int | None = None

    def value(self, ref: CellRef) -> Value:
        """A typed cell's value, or a computed cell's derived one."""
        table = TABLES[ref.table]
        if table.role(ref) is Role.COMPUTED:
            return computed_values(table, self.values)[ref]
        return self.values[ref]

    def set_value(self, ref: CellRef, value: Value) -> None:
        table = TABLES[ref.table]
        if table.role(ref) is not Role.INPUT:
            raise KeyError(f"{ref.path} 是自动计算的合计，不能直接填写")
        self.values[ref] = value

    def set_values(self, values: Mapping[CellRef, Value], *, typed: AbstractSet[CellRef]) -> None:
        """Set typed cells; those the user ``typed`` lose their 上年结转 mark (a value proposed
        for them, such as a following 现行有效件数, keeps it)."""
        for ref, value in values.items():
            self.set_value(ref, value)
        self.carried -= typed

    def mark_carried(self, refs: AbstractSet[CellRef]) -> None:
        """Mark cells as filled from last year's report again (undoing an edit of them)."""
        self.carried |= refs

    def set_text(self, path: str, value: str | None, *, pending: bool = False) -> None:
        """Set a free text by its path; editing it reviews it (its 待更新 mark goes), unless
        ``pending`` puts the mark back (undoing that edit)."""
        set_field(self, path, value)
        if pending:
            self.pending_texts.add(path)
        else:
            self.pending_texts.discard(path)

    def set_subsections(
        self, items: list[tuple[str, str]], *, pending: AbstractSet[str] | None = None
    ) -> None:
        """Replace 一's sub-sections (titles and bodies). Restructuring them counts as reviewing
        them: their 待更新 marks go, unless ``pending`` gives the marks to restore."""
        self.texts.overview.subsections = [Subsection(t, b) for t, b in items]
        if pending is not None:
            self.pending_texts = set(pending)
        else:
            prefix = "texts.overview.subsections."
            self.pending_texts = {p for p in self.pending_texts if not p.startswith(prefix)}

    def table_values(self, table: Table) -> dict[CellRef, Value]:
        """Every cell of a table, typed and computed."""
        typed = {ref: self.values[ref] for ref in table.cells if ref in self.values}
        return typed | computed_values(table, self.values)

    def all_values(self) -> dict[CellRef, Value]:
        """Every cell of every table, typed and computed."""
        return {ref: v for table in TABLES.values() for ref, v in self.table_values(table).items()}

    def text_fields(self) -> Iterator[tuple[str, str]]:
        """Every free text of the report with its data-package path, in document order."""
        yield "organization", self.organization
        for key, _ in META_FIELDS:
            yield f"meta.{key}", self.meta.get(key, "")
        if self.texts.preamble is not None:
            yield "texts.preamble", self.texts.preamble
        yield "texts.overview.intro", self.texts.overview.intro
        for i, sub in enumerate(self.texts.overview.subsections):
            yield f"texts.overview.subsections.{i}.title", sub.title
            yield f"texts.overview.subsections.{i}.body", sub.body
        yield "texts.problems", self.texts.problems
        yield "texts.other", self.texts.other


def clean_texts(report: Report) -> list[tuple[str, str]]:
    """Every text of a report made fit for every writer (``text_input.clean_text``), as a reader
    or the store got it; the (path, why) of each text that cannot be taken, which a caller refuses."""
    issues: list[tuple[str, str]] = []
    for path, text in list(report.text_fields()):
        if path.startswith("meta."):
            continue  # with all of meta below, unknown keys included
        try:
            set_field(report, path, clean_text(text, one_line=is_one_line(path)))
        except BadText as bad:
            issues.append((path, str(bad)))
    meta_issues = list(clean_json(report.meta, "meta", one_line=True))
    if meta_issues:
        issues += meta_issues
    else:
        report.meta = clean_tree(report.meta, one_line=True)
    for i, explanation in enumerate(report.explanations):
        try:
            report.explanations[i] = Explanation(
                explanation.rule,
                explanation.cells,
                None if explanation.sentence is None else clean_text(explanation.sentence),
                clean_text(explanation.text),
            )
        except BadText as bad:
            issues.append((f"explanations.{i}", str(bad)))
    too_much = too_much_text(text_length(report))
    if too_much:
        issues.append(("texts", too_much))
    return issues


def text_length(report: Report, *, changed: tuple[str, str] | None = None) -> int:
    """Characters in all of a report's texts, or as they would be with ``changed`` (path, text)."""
    total = sum(len(e.text) + len(e.sentence or "") for e in report.explanations)
    for path, text in report.text_fields():
        total += len(changed[1]) if changed is not None and changed[0] == path else len(text)
    return total


def describe_place(path: str) -> str:
    """Any place a problem names, in the clerk's words: a table cell (三、…「自然人」) or a text."""
    parts = path.split(".")
    if len(parts) == 4 and parts[0] == "tables" and parts[1] in TABLES:
        ref = CellRef(*parts[1:])
        if ref in TABLES[ref.table].label_paths:
            return TABLES[ref.table].describe(ref)
    return describe_text(path)


def describe_text(path: str) -> str:
    """Where a text is, as the clerk finds it: 五、存在的主要问题及改进情况, 一的第 2 个分节的正文…"""
    if path == "organization":
        return "机关名称"
    if path.startswith("meta."):
        labels = dict(META_FIELDS)
        return f"基本信息“{labels.get(path.removeprefix('meta.'), path.removeprefix('meta.'))}”"
    if path == "texts.preamble":
        return "前言"
    if path == "texts.overview.intro":
        return f"{OVERVIEW.heading}的引言"
    if path.startswith("texts.overview.subsections."):
        index, part = _subsection_path(path)
        return f"一的第 {index + 1} 个分节的{'标题' if part == 'title' else '正文'}"
    for section in (PROBLEMS, OTHER):
        if path == f"texts.{section.key}":
            return section.heading
    return path


def is_one_line(path: str) -> bool:
    """A name, a title or a contact field: printed on one line, it cannot hold a line break."""
    return path == "organization" or path.startswith("meta.") or path.endswith(".title")


def get_field(report: Report, path: str) -> str:
    """A free text of the report by its data-package path (see ``Report.text_fields``)."""
    if path == "organization":
        return report.organization
    if path == "signed_on":
        return report.signed_on.isoformat() if report.signed_on else ""
    if path.startswith("meta."):
        value = report.meta.get(path.removeprefix("meta."), "")
        return value if isinstance(value, str) else ""
    texts = report.texts
    if path == "texts.preamble":
        return texts.preamble or ""
    if path == "texts.overview.intro":
        return texts.overview.intro
    if path in ("texts.problems", "texts.other"):
        return str(getattr(texts, path.removeprefix("texts.")))
    index, part = _subsection_path(path)
    return str(getattr(texts.overview.subsections[index], part))


def set_field(report: Report, path: str, value: str | None) -> None:
    """Set a free text by its path; ``texts.preamble`` takes None (= generated)."""
    if path == "organization":
        report.organization = value or ""
    elif path == "signed_on":
        report.signed_on = dt.date.fromisoformat(value) if value else None
    elif path.startswith("meta."):
        report.meta[path.removeprefix("meta.")] = value or ""
    elif path == "texts.preamble":
        report.texts.preamble = value
    elif path == "texts.overview.intro":
        report.texts.overview.intro = value or ""
    elif path in ("texts.problems", "texts.other"):
        setattr(report.texts, path.removeprefix("texts."), value or "")
    else:
        index, part = _subsection_path(path)
        setattr(report.texts.overview.subsections[index], part, value or "")


def _subsection_path(path: str) -> tuple[int, str]:
    prefix, index, part = path.rsplit(".", 2)
    if prefix != "texts.overview.subsections" or part not in ("title", "body"):
        raise KeyError(path)
    return int(index), part


def computed_values(table: Table, values: Mapping[CellRef, Value]) -> dict[CellRef, Value]:
    """The computed cells of a table, by its sum rules in declared order."""
    derived: dict[CellRef, Value] = {}
    for rule in table.sums:
        derived[rule.target] = sum(
            (derived[p] if p in derived else values.get(p, 0) for p in rule.parts), 0
        )
    return derived


class TotalMismatch(NamedTuple):
    """A total given in a file or a paste that is not the sum of its parts."""

    ref: CellRef
    rule: str  # R2, R3 or R4
    given: Value
    expected: Value


def printed_totals(report: Report) -> list[TotalMismatch]:
    """The printed totals (``Report.as_published``) that still disagree with their parts."""
    found: list[TotalMismatch] = []
    for key, table in TABLES.items():
        printed = {ref: v for ref, v in report.as_published.items() if ref.table == key}
        if printed:
            found += mismatched_totals(table, report.values, printed)
    return found


def mismatched_totals(
    table: Table, typed: Mapping[CellRef, Value], given: Mapping[CellRef, Value]
) -> list[TotalMismatch]:
    """The computed cells among ``given`` whose value differs from the sum of ``typed`` parts:
    one computation for the package reader, the Office readers and the paste."""
    derived = computed_values(table, typed)
    rules = {rule.target: rule.rule for rule in table.sums}
    return [
        TotalMismatch(ref, rules[ref], value, derived[ref])
        for ref, value in given.items()
        if ref in derived and value != derived[ref]
    ]
