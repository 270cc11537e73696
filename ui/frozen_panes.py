"""Frozen panes for a table editor: its header rows and label columns stay in view.

三 is taller than a laptop's window: typing in （五） or （六）, the clerk must still see which
column is 商业企业 and which is 法律服务机构, as Excel's 冻结窗格 keeps them. As in Qt's frozen
column example, each frozen part is a second view of the same model and selection laid over the
editor's viewport, scrolling with it along the free direction only; the editor scrolls a cell
out from under them when the cursor reaches it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QTableView

_PER_PIXEL = QAbstractItemView.ScrollMode.ScrollPerPixel


class FrozenPanes(QObject):
    """The header rows along the top, the label columns down the left, and their corner; each
    made when the table first scrolls that way (most tables never do: a quicker start)."""

    def __init__(
        self, view: QTableView, rows: int, cols: int, spans: list[tuple[int, int, int, int]]
    ) -> None:
        """``view`` scrolls per pixel, as the panes do, so that both move alike; ``spans`` are
        its merged cells (row, column, rows, columns)."""
        super().__init__(view)
        self.view, self.rows, self.cols, self.spans = view, rows, cols, spans
        self.top: QTableView | None = None
        self.left: QTableView | None = None
        self.corner: QTableView | None = None
        view.verticalHeader().sectionResized.connect(self._row_resized)
        view.horizontalHeader().sectionResized.connect(self._column_resized)
        view.verticalScrollBar().rangeChanged.connect(self.place)
        view.horizontalScrollBar().rangeChanged.connect(self.place)
        view.verticalScrollBar().valueChanged.connect(self._scrolled)
        view.horizontalScrollBar().valueChanged.connect(self._scrolled)

    def panes(self) -> list[QTableView]:
        return [p for p in (self.top, self.left, self.corner) if p is not None]

    def _pane(self) -> QTableView:
        view = self.view
        pane = QTableView(view)
        pane.setModel(view.model())
        pane.setSelectionModel(view.selectionModel())
        pane.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        pane.setAutoScroll(False)  # the editor's current cell is not to be chased here
        pane.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        pane.setSelectionMode(view.selectionMode())
        pane.setWordWrap(True)
        pane.setTextElideMode(view.textElideMode())
        pane.horizontalHeader().hide()
        pane.verticalHeader().hide()
        pane.setVerticalScrollMode(_PER_PIXEL)
        pane.setHorizontalScrollMode(_PER_PIXEL)
        pane.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        pane.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        pane.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        pane.setFrameShape(QTableView.Shape.NoFrame)
        pane.setStyleSheet("QTableView { border: none; border-bottom: 1px solid #9a9a9a; }")
        for span in self.spans:
            pane.setSpan(*span)
        # The right-click menu is the editor's, wherever the click lands.
        pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        pane.customContextMenuRequested.connect(
            lambda at, pane=pane: view.customContextMenuRequested.emit(
                view.viewport().mapFromGlobal(pane.viewport().mapToGlobal(at))
            )
        )
        for row in range(view.model().rowCount()):
            pane.setRowHeight(row, view.rowHeight(row))
        for col in range(view.model().columnCount()):
            pane.setColumnWidth(col, view.columnWidth(col))
        pane.show()
        return pane

    def _row_resized(self, row: int, _old: int, size: int) -> None:
        for pane in self.panes():
            pane.setRowHeight(row, size)
        self.place()

    def _column_resized(self, col: int, _old: int, size: int) -> None:
        for pane in self.panes():
            pane.setColumnWidth(col, size)
        self.place()

    def height(self) -> int:
        """How far down the viewport the header rows cover."""
        return sum(self.view.rowHeight(r) for r in range(self.rows))

    def width(self) -> int:
        """How far across the viewport the label columns cover, when scrolled sideways."""
        return sum(self.view.columnWidth(c) for c in range(self.cols))

    def place(self) -> None:
        """Lay the panes over the viewport, each only while the table scrolls its way (else
        what it freezes is in view anyway)."""
        viewport = self.view.viewport().geometry()
        x, y = viewport.x(), viewport.y()
        height, width = min(self.height(), viewport.height()), min(self.width(), viewport.width())
        down = self.rows > 0 and self.view.verticalScrollBar().maximum() > 0
        sideways = self.cols > 0 and self.view.horizontalScrollBar().maximum() > 0
        if down and self.top is None:
            self.top = self._pane()
        if sideways and self.left is None:
            self.left = self._pane()
        if down and sideways and self.corner is None:
            self.corner = self._pane()
        for pane, shown, geometry in (
            (self.top, down, (x, y, viewport.width(), height)),
            (self.left, sideways, (x, y, width, viewport.height())),
            (self.corner, down and sideways, (x, y, width, height)),
        ):
            if pane is not None:
                pane.setVisible(shown)
                pane.setGeometry(*geometry)
                pane.raise_()
        self._scrolled()

    def _scrolled(self) -> None:
        """The top pane follows the table sideways, the left one up and down."""
        if self.top is not None:
            self.top.horizontalScrollBar().setValue(self.view.horizontalScrollBar().value())
        if self.left is not None:
            self.left.verticalScrollBar().setValue(self.view.verticalScrollBar().value())

    def uncover(self, point: QPoint) -> QPoint:
        """How far to scroll (right/down as positive) so that a cell whose top-left corner is at
        ``point`` in the viewport is not hidden under a pane."""
        dx = dy = 0
        if self.top is not None and self.top.isVisible() and point.y() < self.height():
            dy = point.y() - self.height()
        if self.left is not None and self.left.isVisible() and point.x() < self.width():
            dx = point.x() - self.width()
        return QPoint(dx, dy)
