"""The vocabulary in which a prescribed report format is declared.

A format (``format_2021``) is pure data built from these frozen types; the editors, the checks,
the store, the JSON package and every exporter read it, so a revised format is a new declaration
and nothing else changes shape.

A table is drawn as one or more *blocks* stacked vertically. Each block is a small cross table:
an optional title row spanning the full width, a column header tree, a row label tree, and the
corner cell where the two meet. Data cells sit at (row leaf, column leaf). ``grid.build_grid``
turns the blocks into the one grid of cells with spans that every view and writer uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import NamedTuple


class Role(Enum):
    """What a grid cell is for."""

    INPUT = "input"  # typed by the user
    COMPUTED = "computed"  # derived from other cells, never typed
    LABEL = "label"  # printed text of the format


class Kind(Enum):
    """What a data cell holds."""

    COUNT = "count"  # a non-negative integer (件)
    AMOUNT = "amount"  # a non-negative decimal in 万元, at most 4 places


class CellRef(NamedTuple):
    """One data cell, named by the stable keys of the data package."""

    table: str
    row: str
    col: str

    @property
    def path(self) -> str:
        """The dotted data-package path, e.g. ``tables.applications.disclosed.commercial``."""
        return f"tables.{self.table}.{self.row}.{self.col}"


@dataclass(frozen=True)
class Node:
    """A labelled cell of a header or row-label tree.

    A leaf of a row tree names a data row (``row``); a leaf of a column tree names a data column
    (``col``) and may also fix the data row, because 四's single printed row holds the data
    package's three rows ``review``, ``litigation_direct`` and ``litigation_after_review``.
    """

    label: str
    children: tuple[Node, ...] = ()
    row: str | None = None
    col: str | None = None

    def leaves(self) -> tuple[Node, ...]:
        if not self.children:
            return (self,)
        return tuple(leaf for child in self.children for leaf in child.leaves())

    def depth(self) -> int:
        return 1 + max((child.depth() for child in self.children), default=0)


@dataclass(frozen=True)
class Block:
    """One cross table of a table: title row, column tree, row tree, corner label.

    The title (二's 第二十条第（一）项…) spans the table's full width and is printed emphasized
    — bold, or in the heading face — in the editor and in every writer alike (``GridCell.emphasis``).
    """

    columns: tuple[Node, ...]
    rows: tuple[Node, ...]
    corner: str = ""
    title: str | None = None


@dataclass(frozen=True)
class SumRule:
    """``target = sum(parts)``: how a computed cell is derived (R2, R3, R4)."""

    rule: str
    target: CellRef
    parts: tuple[CellRef, ...]


@dataclass(frozen=True)
class BalanceRule:
    """``sum(left) = sum(right)`` for one column: a real constraint between typed numbers (R1)."""

    rule: str
    column_label: str
    left: tuple[CellRef, ...]
    right: tuple[CellRef, ...]


@dataclass(frozen=True)
class Table:
    """A table section: its data schema, its printed layout and its arithmetic rules."""

    key: str
    blocks: tuple[Block, ...]
    # How wide each label column is drawn, as a fraction of the whole table's width; the data
    # columns share the rest equally. The editor converts to pixels, Excel to characters, Word to
    # millimetres and the PDF to points: the same proportions everywhere.
    label_widths: tuple[float, ...] = ()
    sums: tuple[SumRule, ...] = ()
    balances: tuple[BalanceRule, ...] = ()
    amounts: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    @cached_property
    def cells(self) -> tuple[CellRef, ...]:
        """Every data cell, in printed order (blocks, then rows, then columns)."""
        refs: list[CellRef] = []
        for block in self.blocks:
            for row_leaf in row_leaves(block):
                for col_leaf in column_leaves(block):
                    refs.append(self.ref(row_leaf, col_leaf))
        return tuple(refs)

    def ref(self, row_leaf: Node, col_leaf: Node) -> CellRef:
        row = col_leaf.row or row_leaf.row
        if row is None or col_leaf.col is None:
            raise ValueError(
                f"{self.key}: leaf without a key: {row_leaf.label!r}/{col_leaf.label!r}"
            )
        return CellRef(self.key, row, col_leaf.col)

    @cached_property
    def computed_cells(self) -> frozenset[CellRef]:
        return frozenset(rule.target for rule in self.sums)

    def role(self, ref: CellRef) -> Role:
        return Role.COMPUTED if ref in self.computed_cells else Role.INPUT

    def kind(self, ref: CellRef) -> Kind:
        return Kind.AMOUNT if (ref.row, ref.col) in self.amounts else Kind.COUNT

    @cached_property
    def label_paths(self) -> dict[CellRef, tuple[tuple[str, ...], tuple[str, ...]]]:
        """Each data cell's row labels and column labels, outermost first (blank ones left out)."""
        paths: dict[CellRef, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        for block in self.blocks:
            for row_leaf, row_trail in _trails(block.rows):
                for col_leaf, col_trail in _trails(block.columns):
                    paths[self.ref(row_leaf, col_leaf)] = (row_trail, col_trail)
        return paths

    def describe(self, ref: CellRef) -> str:
        """A cell as a reader finds it in the printed table: 「（一）予以公开」行「商业企业」列."""
        row_trail, col_trail = self.label_paths[ref]
        if not row_trail:  # 四: the column groups say everything
            return f"「{'·'.join(col_trail)}」"
        return f"「{row_trail[-1]}」行「{col_trail[-1]}」列"

    def row_keys(self) -> tuple[str, ...]:
        """Data-package row keys in order, each once."""
        return tuple(dict.fromkeys(ref.row for ref in self.cells))

    def column_keys(self, row: str) -> tuple[str, ...]:
        return tuple(ref.col for ref in self.cells if ref.row == row)


@dataclass(frozen=True)
class _Titled:
    """What every section shows: its number and prescribed title, a short title where room is
    scarce (the editor's tabs, Excel's sheet names), and the note the editor shows above it."""

    number: str
    title: str
    short_title: str
    note: str

    @property
    def heading(self) -> str:
        """一、总体情况: as the report prints it."""
        return f"{self.number}、{self.title}"

    @property
    def short_heading(self) -> str:
        """二、主动公开: a tab's title, a sheet's name."""
        return f"{self.number}、{self.short_title}"


@dataclass(frozen=True)
class TextSection(_Titled):
    """A text section (一、五、六) with its data-package key."""

    key: str


@dataclass(frozen=True)
class TableSection(_Titled):
    """A table section (二、三、四)."""

    table: Table

    @property
    def key(self) -> str:
        return self.table.key


Section = TextSection | TableSection


def row_leaves(block: Block) -> tuple[Node, ...]:
    return tuple(leaf for node in block.rows for leaf in node.leaves())


def column_leaves(block: Block) -> tuple[Node, ...]:
    return tuple(leaf for node in block.columns for leaf in node.leaves())


def _trails(
    nodes: tuple[Node, ...], trail: tuple[str, ...] = ()
) -> list[tuple[Node, tuple[str, ...]]]:
    """Each leaf with the labels from its outermost ancestor down to itself."""
    found: list[tuple[Node, tuple[str, ...]]] = []
    for node in nodes:
        here = (*trail, node.label) if node.label else trail
        if node.children:
            found.extend(_trails(node.children, here))
        else:
            found.append((node, here))
    return found
