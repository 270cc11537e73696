"""A table editor that works like Excel/WPS over the prescribed layout.

Typing a digit starts editing; Enter moves down and Tab right (to the next cell one can type in);
arrow keys move; Delete clears to 0; Ctrl+C / Ctrl+V copy and paste rectangular blocks as the
tab-separated text spreadsheets exchange. Spans come from the same grid the exports use.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from model.cell_input import InputError, parse_cell
from model.format.declaration import Role
from model.format.grid import GridCell
from model.paste import plan_paste

from .frozen_panes import FrozenPanes
from .table_model import CELL_ROLE, PREVIOUS_ROLE, ReportTableModel

_MIN_DATA_WIDTH = 52
_ROW_HEIGHT = 30
_END_EDIT_HINTS = {
    Qt.Key.Key_Return: QAbstractItemDelegate.EndEditHint.SubmitModelCache,
    Qt.Key.Key_Enter: QAbstractItemDelegate.EndEditHint.SubmitModelCache,
    Qt.Key.Key_Tab: QAbstractItemDelegate.EndEditHint.EditNextItem,
    Qt.Key.Key_Backtab: QAbstractItemDelegate.EndEditHint.EditPreviousItem,
}


class CellDelegate(QStyledItemDelegate):
    """Centred line editor; draws last year's value small in the corner when asked to."""

    def __init__(self, view: ReportTableView) -> None:
        super().__init__(view)
        self.view = view
        self.show_previous = False

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setFrame(False)
        return editor

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        """Enter and Tab commit the editor's text and close it *now*.

        Qt's own delegate does both through a queued call: keys typed faster than the event loop
        turns (a quick clerk, a slow PC) still reach the open editor in between, so "2⏎3⏎" became
        23 in one cell. Committing before the next event is read keeps every key in its cell."""
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            hint = _END_EDIT_HINTS.get(Qt.Key(event.key()))
            if hint is not None and isinstance(editor, QLineEdit):
                refused = self.view.refusal(editor.text())
                if refused is not None:  # the typed text stays, the editor too, the reason shown
                    self.view.refuse_at_current(refused)
                    editor.selectAll()
                    return True
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, hint)
                return True
        return super().eventFilter(editor, event)

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """A number too wide for its cell shrinks to fit rather than being cut off."""
        super().initStyleOption(option, index)
        cell = index.data(CELL_ROLE)
        if cell is None or cell.ref is None:
            return
        if self.show_previous and index.data(PREVIOUS_ROLE) is not None:  # room for the hint
            option.displayAlignment = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        room = option.rect.width() - 6
        wide = QFontMetrics(option.font).horizontalAdvance(option.text)
        if wide > room > 0:
            option.font.setPointSizeF(max(5.0, option.font.pointSizeF() * room / wide))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        previous = index.data(PREVIOUS_ROLE) if self.show_previous else None
        if previous is None:
            return
        painter.save()
        font = painter.font()
        font.setPointSizeF(max(8.0, font.pointSizeF() * 0.8))  # readable, not a 7 px smudge
        painter.setFont(font)
        painter.setPen(QColor("#7a7a7a"))
        area = QRect(option.rect).adjusted(2, 0, -3, -1)  # type: ignore[call-overload]
        painter.drawText(
            area, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), f"上年{previous}"
        )
        painter.restore()


class ReportTableView(QTableView):
    message = Signal(str)  # for the status bar: a refused input or paste, and why
    show_previous_toggled = Signal(bool)  # 显示上年数 chosen from the right-click menu

    def __init__(self, model: ReportTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)  # frozen panes
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.delegate = CellDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setModel(model)
        self.table_model = model
        self.setWordWrap(True)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setTabKeyNavigation(True)  # Tab reaches keyPressEvent: to the next typed cell
        spans = [
            (cell.row, cell.col, cell.rowspan, cell.colspan)
            for cell in model.grid.cells
            if cell.rowspan > 1 or cell.colspan > 1
        ]
        for span in spans:
            self.setSpan(*span)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.timeout.connect(self._fit_rows)
        self.frozen = FrozenPanes(self, model.grid.header_rows, model.grid.label_cols, spans)
        self._lay_out_sections()
        self.horizontalHeader().sectionResized.connect(self._refit.start)
        model.input_refused.connect(self._refused)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.previous_available = False  # set by the tab: is last year's report known
        first = next(c for c in model.grid.cells if c.role is Role.INPUT)
        self.setCurrentIndex(model.index(first.row, first.col))

    def _lay_out_sections(self) -> None:
        """Label columns in the format's proportions of the view's width, data columns sharing
        the rest; rows as tall as needed."""
        grid = self.table_model.grid
        header = self.horizontalHeader()
        header.setMinimumSectionSize(_MIN_DATA_WIDTH)
        for col in range(grid.cols):
            mode = QHeaderView.ResizeMode.Interactive
            if col >= grid.label_cols:
                mode = QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(col, mode)
        self._size_label_columns()
        self._fit_rows()

    def _size_label_columns(self) -> None:
        """The declared proportions of the view's width, narrowed where the data columns would
        otherwise fall below their least width (a sideways scrollbar on a laptop)."""
        width = self.viewport().width()
        fractions = self.table_model.table.label_widths
        grid = self.table_model.grid
        room = width - (grid.cols - grid.label_cols) * _MIN_DATA_WIDTH - 2
        scale = min(1.0, room / (sum(fractions) * width)) if fractions and width > 0 else 1.0
        sizes = [max(_MIN_DATA_WIDTH, round(fraction * width * scale)) for fraction in fractions]
        if sizes and sum(sizes) > room:  # the least widths added up: the widest one gives way
            widest = sizes.index(max(sizes))
            sizes[widest] = max(_MIN_DATA_WIDTH, sizes[widest] - (sum(sizes) - room))
        for col, size in enumerate(sizes):
            self.horizontalHeader().resizeSection(col, size)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._size_label_columns()
        self.frozen.place()

    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        """Scroll to a cell, and further where a frozen pane would cover it."""
        super().scrollTo(index, hint)
        if not index.isValid():
            return
        shift = self.frozen.uncover(self.visualRect(index).topLeft())
        grid = self.table_model.grid
        if index.row() >= grid.header_rows and shift.y():
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + shift.y())
        if index.column() >= grid.label_cols and shift.x():
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + shift.x())

    def _fit_rows(self) -> None:
        """Each row as tall as its wrapped labels need (spanned labels share their rows)."""
        grid = self.table_model.grid
        metrics = QFontMetrics(self.font())
        header = self.horizontalHeader()
        heights = [_ROW_HEIGHT] * grid.rows

        def needed(cell: GridCell) -> int:
            width = sum(header.sectionSize(c) for c in range(cell.col, cell.last_col + 1)) - 10
            box = metrics.boundingRect(
                QRect(0, 0, max(width, 20), 10_000), int(Qt.TextFlag.TextWordWrap), cell.text
            )
            return box.height() + 12

        labels = [cell for cell in grid.cells if cell.text]
        for cell in (c for c in labels if c.rowspan == 1):
            heights[cell.row] = max(heights[cell.row], needed(cell))
        for cell in (c for c in labels if c.rowspan > 1):
            deficit = needed(cell) - sum(heights[cell.row : cell.last_row + 1])
            if deficit > 0:
                heights[cell.last_row] += deficit
        for row, height in enumerate(heights):
            self.verticalHeader().resizeSection(row, height)

    def context_menu(self) -> QMenu:
        """复制, 粘贴, 清零, 显示上年数: what a right click offers on the table."""
        menu = QMenu(self)
        editable = not self.table_model.session.read_only
        for text, slot, enabled in (
            ("复制", self.copy_selection, True),
            ("粘贴", self.paste, editable),
            ("清零", self.clear_selection, editable),
        ):
            action = menu.addAction(text)
            action.triggered.connect(slot)
            action.setEnabled(enabled)
        menu.addSeparator()
        previous = menu.addAction("显示上年数")
        previous.setCheckable(True)
        previous.setChecked(self.delegate.show_previous)
        previous.setEnabled(self.previous_available)
        previous.toggled.connect(self.show_previous_toggled)
        return menu

    @Slot(QPoint)
    def _context_menu(self, position: QPoint) -> None:
        self.context_menu().exec(self.viewport().mapToGlobal(position))

    def set_show_previous(self, show: bool) -> None:
        self.delegate.show_previous = show
        self.viewport().update()

    # ── keys ──

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        editing = self.state() == QAbstractItemView.State.EditingState
        current = self.table_model.cell(self.currentIndex())
        text = event.text()
        modified = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        typed = bool(text.strip()) and text.isprintable() and not modified
        if typed and current is not None and current.role is Role.COMPUTED:
            what = self.table_model.table.describe(current.ref) if current.ref else "这一格"
            self.refuse_at_current(f"{what}是自动计算的合计，不能直接填写：请填写它的各项。")
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not editing:
            self.clear_selection()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_to_next(down=True)
        elif key == Qt.Key.Key_Tab:
            self.move_to_next(down=False)
        elif key == Qt.Key.Key_Backtab:
            self.move_to_next(down=False, backwards=True)
        else:
            super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter commits and moves down; Tab commits and moves right (like a spreadsheet)."""
        move = hint in (
            QAbstractItemDelegate.EndEditHint.SubmitModelCache,
            QAbstractItemDelegate.EndEditHint.EditNextItem,
            QAbstractItemDelegate.EndEditHint.EditPreviousItem,
        )
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if move:
            self.move_to_next(
                down=hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache,
                backwards=hint == QAbstractItemDelegate.EndEditHint.EditPreviousItem,
            )

    def move_to_next(self, *, down: bool, backwards: bool = False) -> None:
        """To the next cell one can type in: below (Enter) or to the right, wrapping (Tab)."""
        grid = self.table_model.grid
        current = self.table_model.cell(self.currentIndex())
        if current is None:
            return
        inputs = [c for c in grid.cells if c.role is Role.INPUT]

        def key(c: GridCell) -> tuple[int, int]:
            # Enter: down the column, then the next column; Tab: along the row, then the next row.
            return (c.col, c.row) if down else (c.row, c.col)

        ordered = sorted(inputs, key=key)
        position = key(current)
        after = [c for c in ordered if (key(c) < position if backwards else key(c) > position)]
        target = (after[-1] if backwards else after[0]) if after else current
        self.setCurrentIndex(self.table_model.index(target.row, target.col))

    # ── clipboard and Delete ──

    def _selected_rect(self) -> tuple[int, int, int, int] | None:
        ranges = self.selectionModel().selection()
        if not ranges:
            return None
        r = ranges[0]
        return r.top(), r.left(), r.bottom(), r.right()

    def copy_selection(self) -> None:
        rect = self._selected_rect()
        if rect is None:
            return
        top, left, bottom, right = rect
        lines = []
        for row in range(top, bottom + 1):
            cells = []
            for col in range(left, right + 1):
                cell = self.table_model.grid.at(row, col)
                on_top_left = cell is not None and (cell.row, cell.col) == (row, col)
                cells.append(str(self.table_model.index(row, col).data()) if on_top_left else "")
            lines.append("\t".join(cells))
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")

    def paste(self) -> None:
        if self.table_model.session.read_only:
            self.message.emit("报告已发布，不能修改。如需修改，请先取消发布。")
            return
        index = self.currentIndex()
        rect = self._selected_rect()
        row, col = (rect[0], rect[1]) if rect else (index.row(), index.column())
        session = self.table_model.session
        try:
            values = plan_paste(
                session.report, self.table_model.table, row, col, QGuiApplication.clipboard().text()
            )
        except InputError as refused:
            self._refused(self.table_model.index(row, col), str(refused))
            return
        session.set_cells(values, "粘贴")
        self.message.emit(f"已粘贴 {len(values)} 个数字。")

    def clear_selection(self) -> None:
        model = self.table_model
        refs = []
        for index in self.selectedIndexes():
            cell = index.data(CELL_ROLE)
            if cell is not None and cell.role is Role.INPUT and cell.ref is not None:
                refs.append(cell.ref)
        if refs and not model.session.read_only:
            zero = {ref: parse_cell(model.table.kind(ref), "") for ref in refs}
            model.session.set_cells(zero, "清除")

    def refusal(self, text: str) -> str | None:
        """Why the text typed into the current cell cannot be taken, or None."""
        cell = self.table_model.cell(self.currentIndex())
        if cell is None or cell.ref is None:
            return None
        try:
            self.table_model.parse(cell.ref, text)
        except InputError as refused:
            return str(refused)
        return None

    def refuse_at_current(self, message: str) -> None:
        self._refused(self.currentIndex(), message)

    @Slot(QModelIndex, str)
    def _refused(self, index: QModelIndex, message: str) -> None:
        self.message.emit(message)
        rect = self.visualRect(index)
        QToolTip.showText(
            self.viewport().mapToGlobal(rect.bottomLeft() + QPoint(0, 4)), message, self
        )
