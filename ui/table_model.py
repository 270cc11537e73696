"""One Qt item model per table, over the report, laid out by the declared grid.

The model is the grid: label cells print the format's labels, data cells the report's values.
Roles and colours come from the declaration (typed white, computed shaded and read-only, carried
tinted, a cell with a problem marked and its tooltip saying why). Edits go through the session.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont

from model.cell_input import InputError, Value, format_value, parse_cell
from model.format.declaration import CellRef, Role, Table
from model.format.grid import GridCell, build_grid

from .session import ReportSession

PREVIOUS_ROLE = Qt.ItemDataRole.UserRole + 1  # last year's value, for 显示上年数
CELL_ROLE = Qt.ItemDataRole.UserRole + 2  # the GridCell itself

LABEL_BACKGROUND = QColor("#eef1f6")
COMPUTED_BACKGROUND = QColor("#dde5f0")
CARRIED_BACKGROUND = QColor("#fff3c4")
PROBLEM_BACKGROUND = QColor("#ffd6d6")
INPUT_BACKGROUND = QColor("#ffffff")

Index = QModelIndex | QPersistentModelIndex


class ReportTableModel(QAbstractTableModel):
    input_refused = Signal(QModelIndex, str)  # a typed value that cannot be taken, and why

    def __init__(self, session: ReportSession, table: Table) -> None:
        super().__init__(session)
        self.session = session
        self.table = table
        self.grid = build_grid(table)
        self._values = session.report.table_values(table)
        self._bold = QFont()
        self._bold.setBold(True)
        # Every change is saved and rechecked; the recheck's signal refreshes values and marks once.
        session.problems_changed.connect(self._refresh)

    # ── Qt's interface ──

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.grid.rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.grid.cols

    def flags(self, index: Index) -> Qt.ItemFlag:
        cell = self.cell(index)
        if cell is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if cell.role is Role.INPUT and not self.session.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell(index)
        if cell is None:
            return None
        if role == CELL_ROLE:
            return cell
        if cell.ref is None:
            return self._label_data(cell, role)
        return self._value_data(cell.ref, cell.role, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        cell = self.cell(index)
        if role != Qt.ItemDataRole.EditRole or cell is None or cell.ref is None:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        try:
            parsed = self.parse(cell.ref, str(value))
        except InputError as refused:
            self.input_refused.emit(QModelIndex(index), str(refused))
            return False
        self.session.set_cells({cell.ref: parsed}, f"填写{self.table.describe(cell.ref)}")
        return True

    # ── helpers ──

    def parse(self, ref: CellRef, text: str) -> Value:
        """A typed text as the cell's value, or InputError naming the cell and what is wrong."""
        try:
            return parse_cell(self.table.kind(ref), text)
        except InputError as refused:
            raise InputError(f"{self.table.describe(ref)}：{refused}") from None

    def cell(self, index: Index) -> GridCell | None:
        if not index.isValid():
            return None
        return self.grid.at(index.row(), index.column())

    def index_of(self, ref: CellRef) -> QModelIndex:
        cell = self.grid.position(ref)
        return self.index(cell.row, cell.col)

    def _label_data(self, cell: GridCell, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell.text
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(LABEL_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            left = self.grid.left_aligned(cell)
            horizontal = Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag.AlignHCenter
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and cell.emphasis:
            return self._bold
        return None

    def _value_data(self, ref: CellRef, cell_role: Role, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_value(self._values[ref])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.session.problems_at(ref.path):
                return QBrush(PROBLEM_BACKGROUND)
            if cell_role is Role.COMPUTED:
                return QBrush(COMPUTED_BACKGROUND)
            if ref in self.session.report.carried:
                return QBrush(CARRIED_BACKGROUND)
            return QBrush(INPUT_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(ref, cell_role)
        if role == PREVIOUS_ROLE:
            previous = self.session.previous
            return None if previous is None else format_value(previous.value(ref))
        return None

    def _tooltip(self, ref: CellRef, cell_role: Role) -> str:
        lines = [self.table.describe(ref)]
        lines += [f"⚠ {p.message}" for p in self.session.problems_at(ref.path)]
        if cell_role is Role.COMPUTED:
            lines.append("自动计算的合计，不能直接填写。")
        elif ref in self.session.report.carried:
            lines.append("由上一年度报告结转而来。")
        previous = self.session.previous
        if previous is not None:
            lines.append(f"上年数：{format_value(previous.value(ref))}")
        return "\n".join(lines)

    @Slot()
    def _refresh(self) -> None:
        self._values = self.session.report.table_values(self.table)
        self.dataChanged.emit(self.index(0, 0), self.index(self.grid.rows - 1, self.grid.cols - 1))
