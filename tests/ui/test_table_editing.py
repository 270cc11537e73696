"""Editing a table like Excel/WPS: typing, Enter and Tab, Delete, copy and paste, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from ui.main_window import MainWindow
from ui.report_editor import TableTab

from .conftest import open_sample_report, ref, table_tab, type_text


def open_applications(window: MainWindow) -> TableTab:
    open_sample_report(window)
    return table_tab(window, "applications")


def go_to(page: TableTab, row: str, col: str) -> None:
    page.view.setCurrentIndex(page.model.index_of(ref("applications", row, col)))
    page.view.setFocus()


def editor_of(page: TableTab) -> QLineEdit:
    """The line editor the view opened on the current cell."""
    editors = [e for e in page.view.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    return editors[0]


def test_typing_a_digit_edits_enter_commits_and_moves_down(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = open_applications(window)
    go_to(page, "new_requests", "natural_person")
    type_text(page.view, "１")  # full-width digits, as a Chinese input method gives them
    type_text(editor_of(page), "２")  # the first key opened the editor; the rest go to it
    qtbot.keyClick(editor_of(page), Qt.Key.Key_Return)
    report = window.session.report  # type: ignore[union-attr]
    qtbot.waitUntil(
        lambda: report.value(ref("applications", "new_requests", "natural_person")) == 12
    )
    assert report.value(ref("applications", "new_requests", "total")) == 12
    assert page.model.cell(page.view.currentIndex()).ref == ref(
        "applications", "carried_over", "natural_person"
    )
    assert [p.rule for p in window.session.problems if p.severity.value == "error"] == ["E-R1"]  # type: ignore[union-attr]
    assert window.saved_label.text().startswith("已保存")


def test_tab_moves_right_to_the_next_typed_cell(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = open_applications(window)
    go_to(page, "disclosed", "other_org")
    qtbot.keyClick(page.view, Qt.Key.Key_Tab)
    # 总计 is computed: Tab skips it to the next row's first typed cell.
    assert page.model.cell(page.view.currentIndex()).ref == ref(
        "applications", "partly_disclosed", "natural_person"
    )
    qtbot.keyClick(page.view, Qt.Key.Key_Backtab)
    assert page.model.cell(page.view.currentIndex()).ref == ref(
        "applications", "disclosed", "other_org"
    )


def test_bad_input_is_refused_with_a_message_and_changes_nothing(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = open_applications(window)
    messages: list[str] = []
    page.view.message.connect(messages.append)
    go_to(page, "disclosed", "research")
    type_text(page.view, "-")
    type_text(editor_of(page), "3")
    qtbot.keyClick(editor_of(page), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(messages))
    assert "负数" in messages[0] and "科研机构" in messages[0]
    assert window.session.report.value(ref("applications", "disclosed", "research")) == 0  # type: ignore[union-attr]
    assert window.session.undo_stack.count() == 0  # type: ignore[union-attr]


def test_delete_clears_the_selection_to_zero_in_one_step(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = open_applications(window)
    session = window.session
    assert session is not None
    session.set_cells(
        {ref("applications", "disclosed", c): 4 for c in ("natural_person", "commercial")}
    )
    first = page.model.index_of(ref("applications", "disclosed", "natural_person"))
    total = page.model.index_of(ref("applications", "disclosed", "total"))
    assert page.model.flags(total)  # the row's computed total is selected too, and left alone
    page.view.selectRow(first.row())
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert session.report.value(ref("applications", "disclosed", "total")) == 0
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert session.report.value(ref("applications", "disclosed", "total")) == 8


def test_copy_gives_tab_separated_text(window: MainWindow) -> None:
    page = open_applications(window)
    window.session.set_cells({ref("applications", "disclosed", "natural_person"): 7})  # type: ignore[union-attr]
    page.view.selectRow(
        page.model.index_of(ref("applications", "disclosed", "natural_person")).row()
    )
    page.view.copy_selection()
    line = QGuiApplication.clipboard().text().rstrip("\n")
    # The row of （一） also holds the top of the merged 三、本年度办理结果 cell.
    assert line.split("\t") == [
        "三、本年度办理结果",
        "（一）予以公开",
        "",
        "7",
        "0",
        "0",
        "0",
        "0",
        "0",
        "7",
    ]


def test_paste_a_block_is_one_undo_step(window: MainWindow) -> None:
    page = open_applications(window)
    go_to(page, "disclosed", "natural_person")
    QGuiApplication.clipboard().setText("1\t2\t3\r\n4\t5\t6\r\n")
    page.view.paste()
    report = window.session.report  # type: ignore[union-attr]
    assert report.value(ref("applications", "disclosed", "research")) == 3
    assert report.value(ref("applications", "partly_disclosed", "natural_person")) == 4
    assert report.value(ref("applications", "results_total", "total")) == 21
    assert window.session.undo_stack.count() == 1  # type: ignore[union-attr]
    window.undo()
    assert report.value(ref("applications", "results_total", "total")) == 0


def test_paste_a_whole_row_with_its_matching_total(window: MainWindow) -> None:
    page = open_applications(window)
    row = page.model.index_of(ref("applications", "disclosed", "natural_person")).row()
    page.view.setCurrentIndex(page.model.index(row, 1))
    QGuiApplication.clipboard().setText("(一) 予以公开\t\t1\t2\t0\t0\t0\t0\t3\n")
    page.view.paste()
    report = window.session.report  # type: ignore[union-attr]
    assert report.value(ref("applications", "disclosed", "total")) == 3


def test_paste_refused_whole_when_a_total_disagrees_or_a_value_is_bad(window: MainWindow) -> None:
    page = open_applications(window)
    messages: list[str] = []
    page.view.message.connect(messages.append)
    go_to(page, "disclosed", "natural_person")
    QGuiApplication.clipboard().setText("1\t2\t0\t0\t0\t0\t9\n")
    page.view.paste()
    QGuiApplication.clipboard().setText("1\t二\n")
    page.view.paste()
    QGuiApplication.clipboard().setText("\n".join(["1"] * 40))
    page.view.paste()
    report = window.session.report  # type: ignore[union-attr]
    assert report.value(ref("applications", "disclosed", "natural_person")) == 0
    assert window.session.undo_stack.count() == 0  # type: ignore[union-attr]
    assert "与各项之和 3 不符" in messages[0]
    assert "「（一）予以公开」行「商业企业」列" in messages[1] and "不是数字" in messages[1]
    assert "超出了表格的范围" in messages[2]


def test_show_previous_year_values(window: MainWindow) -> None:
    open_sample_report(window)
    store = window.database.store
    current = window.session.report  # type: ignore[union-attr]
    later = type(current)(current.organization, 2022)
    store.save(later)
    window.open_report(later.id or 0)
    page = table_tab(window, "applications")
    assert page.show_previous.isEnabled()
    index = page.model.index_of(ref("applications", "disclosed", "commercial"))
    assert "上年数：0" in index.data(Qt.ItemDataRole.ToolTipRole)
    page.show_previous.setChecked(True)
    assert page.view.delegate.show_previous


def test_label_columns_keep_the_declared_proportions_as_the_window_resizes(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    page = open_applications(window)
    header = page.view.horizontalHeader()
    declared = page.model.table.label_widths
    for width in (1800, 1400):
        window.resize(width, 900)
        qtbot.waitUntil(lambda: page.view.viewport().width() > 0)
        QGuiApplication.processEvents()
        room = page.view.viewport().width()
        shares = [header.sectionSize(c) / room for c in range(len(declared))]
        assert shares == [pytest.approx(f, abs=0.01) for f in declared]


def post_keys(window: MainWindow, keys: str) -> None:
    """Queue key presses as the system does (to the window, for whatever has focus then), all
    at once: typed faster than the event loop turns, as on a slow PC."""
    named = {"\r": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab}
    handle = window.windowHandle()
    for char in keys:
        key = named.get(char) or Qt.Key(ord(char))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QApplication.postEvent(handle, event)


@pytest.mark.parametrize(
    ("table", "start", "keys", "expected"),
    [
        # Enter goes down 三's column: every number in its own cell.
        (
            "applications",
            ("new_requests", "natural_person"),
            "2\r3\r45\r6\r",
            {
                ("new_requests", "natural_person"): 2,
                ("carried_over", "natural_person"): 3,
                ("disclosed", "natural_person"): 45,
                ("partly_disclosed", "natural_person"): 6,
            },
        ),
        # Tab goes right along 二's first block, where no check would catch a merge.
        (
            "proactive",
            ("regulations", "issued"),
            "1\t2\t3\t",
            {
                ("regulations", "issued"): 1,
                ("regulations", "repealed"): 2,
                ("regulations", "in_force"): 3,
            },
        ),
        # 四's single row, Tab over its typed cells.
        (
            "review_litigation",
            ("review", "upheld"),
            "7\t8\t",
            {("review", "upheld"): 7, ("review", "corrected"): 8},
        ),
    ],
)
def test_keys_typed_faster_than_the_event_loop_each_land_in_their_cell(
    window: MainWindow, qtbot, table: str, start: tuple[str, str], keys: str, expected: dict
) -> None:  # type: ignore[no-untyped-def]
    open_sample_report(window)
    page = table_tab(window, table)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is not None)
    page.view.setCurrentIndex(page.model.index_of(ref(table, *start)))
    page.view.setFocus()
    qtbot.waitUntil(page.view.hasFocus)
    post_keys(window, keys)
    report = window.session.report  # type: ignore[union-attr]
    qtbot.wait(200)  # the queued keys, and anything they queue in turn, are all handled
    assert {cell: report.value(ref(table, *cell)) for cell in expected} == expected


def test_a_refused_entry_keeps_its_editor_and_text_and_says_why_at_the_cell(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    page = open_applications(window)
    said: list[str] = []
    page.view.message.connect(said.append)
    go_to(page, "new_requests", "natural_person")
    type_text(page.view, "1")
    type_text(editor_of(page), ".5")
    qtbot.keyClick(editor_of(page), Qt.Key.Key_Return)
    editor = editor_of(page)  # still open on the same cell, the typed text kept
    assert editor.text() == "1.5"
    assert page.view.currentIndex() == page.model.index_of(
        ref("applications", "new_requests", "natural_person")
    )
    assert said and "不是整数" in said[-1]
    editor.setText("3")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    report = window.session.report  # type: ignore[union-attr]
    qtbot.waitUntil(
        lambda: report.value(ref("applications", "new_requests", "natural_person")) == 3
    )
    assert window.statusBar().currentMessage() == ""  # the later edit cleared the refusal


def test_typing_into_a_total_says_it_is_computed(window: MainWindow) -> None:
    page = open_applications(window)
    said: list[str] = []
    page.view.message.connect(said.append)
    go_to(page, "new_requests", "total")
    type_text(page.view, "5")
    assert said and "自动计算的合计" in said[-1]
    assert window.session.report.value(ref("applications", "new_requests", "total")) == 0  # type: ignore[union-attr]


def test_undo_and_redo_show_what_they_change(window: MainWindow) -> None:
    """Ctrl+Z on 三 undid typing in 六 without a sign: now undo switches to the tab and selects
    the cell (or the text) it changed back, and redo does the same."""
    page = open_applications(window)
    session = window.session
    assert session is not None and window.editor is not None
    cell = ref("applications", "disclosed", "commercial")
    session.set_cells({cell: 4})
    session.set_field("texts.other", "本年度没有收取信息处理费。")
    window.editor.setCurrentWidget(page)
    window.undo()  # the text of 六
    assert window.editor.currentWidget() is window.editor.pages["other"]
    window.undo()  # the cell of 三
    assert window.editor.currentWidget() is page
    assert page.view.currentIndex() == page.model.index_of(cell)
    assert session.report.value(cell) == 0
    window.editor.setCurrentWidget(window.editor.pages["info"])
    window.redo()
    assert window.editor.currentWidget() is page and session.report.value(cell) == 4
    assert page.view.currentIndex() == page.model.index_of(cell)


def test_the_right_click_menu_copies_pastes_clears_and_shows_last_year(window: MainWindow) -> None:
    page = open_applications(window)
    cell = ref("applications", "disclosed", "commercial")
    window.session.set_cells({cell: 4})  # type: ignore[union-attr]
    go_to(page, "disclosed", "commercial")
    menu = page.view.context_menu()
    actions = {action.text(): action for action in menu.actions() if action.text()}
    assert list(actions) == ["复制", "粘贴", "清零", "显示上年数"]
    assert not actions["显示上年数"].isEnabled()  # no report of last year in the database
    actions["复制"].trigger()
    assert QGuiApplication.clipboard().text().strip() == "4"
    actions["清零"].trigger()
    assert window.session.report.value(cell) == 0  # type: ignore[union-attr]
    actions["粘贴"].trigger()
    assert window.session.report.value(cell) == 4  # type: ignore[union-attr]


def test_the_header_rows_stay_in_view_and_the_labels_beside(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Typing in 三's lower rows on a laptop, its column headers stay above; narrowed until it
    scrolls sideways, its row labels stay at the left (Excel's 冻结窗格)."""
    window.resize(1100, 620)
    page = open_applications(window)
    view, grid = page.view, page.model.grid
    window.editor.setCurrentWidget(page)  # type: ignore[union-attr]
    go_to(page, "carried_forward", "natural_person")  # the last row
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 0)
    top = view.frozen.top
    assert top is not None and top.isVisible()
    assert top.geometry().topLeft() == view.viewport().geometry().topLeft()
    assert (top.rowAt(1), top.rowAt(top.height() - 2)) == (0, grid.header_rows - 1)
    assert top.height() == sum(view.rowHeight(r) for r in range(grid.header_rows))
    # Up to the first typed row: scrolled out from under the headers, not hidden by them.
    go_to(page, "new_requests", "natural_person")
    assert view.visualRect(view.currentIndex()).top() >= top.height()
    assert view.frozen.left is None or not view.frozen.left.isVisible()  # nothing scrolls sideways

    view.setFixedWidth(480)  # narrower than the window allows: as at 150 % on a small screen
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() > 0)
    go_to(page, "carried_forward", "total")  # the far right
    qtbot.waitUntil(lambda: view.horizontalScrollBar().value() > 0)
    left = view.frozen.left
    assert left is not None and left.isVisible() and left.columnAt(1) == 0
    assert left.width() == sum(view.columnWidth(c) for c in range(grid.label_cols))
    go_to(page, "carried_forward", "natural_person")  # the first data column: not under the labels
    assert view.visualRect(view.currentIndex()).left() >= left.width()
