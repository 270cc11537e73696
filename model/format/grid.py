"""A declared table as one rectangular grid of cells with spans.

The Qt view (``setSpan``), openpyxl (``merge_cells``), reportlab (``('SPAN', …)``) and python-docx
(``merge``) all draw this grid and nothing else, so their layouts cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from .declaration import Block, CellRef, Node, Role, Table, column_leaves, row_leaves


@dataclass(frozen=True)
class GridCell:
    """The top-left cell of a (possibly merged) range: a printed label or a data cell."""

    row: int
    col: int
    rowspan: int
    colspan: int
    role: Role
    text: str = ""  # the label, for Role.LABEL
    ref: CellRef | None = None  # the data cell, for Role.INPUT and Role.COMPUTED
    emphasis: bool = False  # a block's title: bold (or the heading face) everywhere

    @property
    def last_row(self) -> int:
        return self.row + self.rowspan - 1

    @property
    def last_col(self) -> int:
        return self.col + self.colspan - 1


@dataclass(frozen=True)
class Grid:
    table: Table
    rows: int
    cols: int
    cells: tuple[GridCell, ...]
    header_rows: int  # leading rows to repeat on every page (0: none)
    label_cols: int
    _cover: dict[tuple[int, int], GridCell] = field(init=False, repr=False, compare=False)
    _positions: dict[CellRef, GridCell] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        cover = {
            (r, c): cell
            for cell in self.cells
            for r in range(cell.row, cell.last_row + 1)
            for c in range(cell.col, cell.last_col + 1)
        }
        object.__setattr__(self, "_cover", cover)
        positions = {cell.ref: cell for cell in self.cells if cell.ref is not None}
        object.__setattr__(self, "_positions", positions)

    def at(self, row: int, col: int) -> GridCell | None:
        """The cell whose range covers (row, col)."""
        return self._cover.get((row, col))

    def position(self, ref: CellRef) -> GridCell:
        """Where a data cell is drawn."""
        return self._positions[ref]

    def left_aligned(self, cell: GridCell) -> bool:
        """Row labels of a single row read from the left; header labels, merged group labels,
        二's block titles and its 信息内容 corner are centred — in every view and writer alike."""
        row_label = (
            cell.col < self.label_cols and cell.row >= self.header_rows and cell.rowspan == 1
        )
        return row_label and cell.colspan < self.cols and cell.text != "信息内容"


@cache
def build_grid(table: Table) -> Grid:
    """Lay out a table's blocks top to bottom, in the one grid every view and writer uses."""
    label_cols = max(_label_depth(block.rows) for block in table.blocks)
    data_cols = max(len(column_leaves(block)) for block in table.blocks)
    cells: list[GridCell] = []
    row = 0
    for block in table.blocks:
        row = _place_block(table, block, row, label_cols, data_cols, cells)
    only = table.blocks[0] if len(table.blocks) == 1 else None
    header_rows = _depth(only.columns) if only is not None and only.title is None else 0
    return Grid(
        table=table,
        rows=row,
        cols=label_cols + data_cols,
        cells=tuple(cells),
        header_rows=header_rows,
        label_cols=label_cols,
    )


def _place_block(
    table: Table, block: Block, top: int, label_cols: int, data_cols: int, out: list[GridCell]
) -> int:
    width = label_cols + data_cols
    if block.title is not None:
        out.append(GridCell(top, 0, 1, width, Role.LABEL, text=block.title, emphasis=True))
        top += 1
    leaves = column_leaves(block)
    if data_cols % len(leaves):
        raise ValueError(f"{table.key}: {len(leaves)} columns do not divide {data_cols}")
    span = data_cols // len(leaves)
    header = _depth(block.columns)
    if label_cols:
        out.append(GridCell(top, 0, header, label_cols, Role.LABEL, text=block.corner))
    _place_columns(block.columns, top, label_cols, 0, header, span, out)
    body = top + header
    _place_rows(block.rows, body, 0, label_cols, out)
    for i, row_leaf in enumerate(row_leaves(block)):
        for j, col_leaf in enumerate(leaves):
            ref = table.ref(row_leaf, col_leaf)
            out.append(GridCell(body + i, label_cols + j * span, 1, span, table.role(ref), ref=ref))
    return body + len(row_leaves(block))


def _place_columns(
    nodes: tuple[Node, ...],
    row: int,
    col: int,
    level: int,
    depth: int,
    span: int,
    out: list[GridCell],
) -> None:
    for node in nodes:
        width = len(node.leaves()) * span
        rowspan = 1 if node.children else depth - level
        out.append(GridCell(row, col, rowspan, width, Role.LABEL, text=node.label))
        _place_columns(node.children, row + 1, col, level + 1, depth, span, out)
        col += width


def _place_rows(
    nodes: tuple[Node, ...], row: int, level: int, depth: int, out: list[GridCell]
) -> None:
    for node in nodes:
        height = len(node.leaves())
        if depth:
            colspan = 1 if node.children else depth - level
            out.append(GridCell(row, level, height, colspan, Role.LABEL, text=node.label))
        _place_rows(node.children, row, level + 1, depth, out)
        row += height


def _depth(nodes: tuple[Node, ...]) -> int:
    return max((node.depth() for node in nodes), default=0)


def _label_depth(nodes: tuple[Node, ...]) -> int:
    """Columns the row labels take: none where every row is unlabelled (四's single row)."""
    if all(not node.label and not node.children for node in nodes):
        return 0
    return _depth(nodes)
