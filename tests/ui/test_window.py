"""The window a clerk sees: first run, the sample, every tab, the checks panel, jumping to a
problem, undo, publishing, deleting and restoring, and nothing lost across a restart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from model.paths import data_dir
from model.problems import Severity
from ui import dialogs
from ui.help_dialog import HELP, HelpDialog
from ui.main_window import MainWindow
from ui.report_editor import TableTab
from ui.table_model import CARRIED_BACKGROUND, COMPUTED_BACKGROUND, PROBLEM_BACKGROUND
from ui.text_tabs import OverviewTab, TextTab

from .conftest import Answers, open_sample_report, ref, table_tab, type_text


def test_first_run_shows_the_welcome_panel(window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.welcome
    assert window.windowTitle() == "年报助手"
    assert window.welcome.new_report.text() == "新建报告"
    assert not window.actions_by_name["publish"].isEnabled()


def test_the_first_frame_is_the_windows_frame_and_the_rest_follows(
    app: QApplication, qtbot, db_path: Path, answers: Answers
) -> None:  # type: ignore[no-untyped-def]
    """Issue 15: the window's frame is drawn before the database is opened; until then no
    action answers (a key pressed while the program starts finds no database behind it), and
    the window's size and place are already the saved ones."""
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    at_first_frame: list[tuple[str, bool, bool, list[str]]] = []
    window.first_frame.connect(
        lambda: at_first_frame.append(
            (
                window.statusBar().currentMessage(),
                db_path.exists(),
                hasattr(window, "report_list"),
                [name for name, action in window.actions_by_name.items() if action.isEnabled()],
            )
        )
    )
    with qtbot.waitSignal(window.started):
        window.show()
    assert at_first_frame == [("正在打开数据库…", False, False, [])]
    assert window.statusBar().currentMessage() == ""
    assert db_path.exists() and window.stack.currentWidget() is window.welcome
    assert window.actions_by_name["new"].isEnabled() and window.actions_by_name["quit"].isEnabled()
    assert not window.actions_by_name["export_pdf"].isEnabled()  # no report is open
    view = [action.text() for action in window.view_menu.actions()]
    assert view == ["报告列表", "检查结果"]
    window.close()


def test_a_window_closed_during_its_first_frame_opens_no_database(
    app: QApplication, qtbot, db_path: Path, answers: Answers
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    # the close button, pressed before the rest is built
    window.first_frame.connect(lambda: QTimer.singleShot(0, window.close))
    with qtbot.waitSignal(window.started):
        window.show()
    assert not db_path.exists() and not hasattr(window, "database")
    assert not db_path.with_name(db_path.name + ".lock").exists()


def test_the_welcome_pages_texts_are_whole_at_every_width(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A wrapped label laid out at its one-line width got the height of fewer lines than it
    wrapped into, and its first and last lines were cut off."""
    window.refresh_list()
    texts = [label for label in window.welcome.findChildren(QLabel) if label.wordWrap()]
    window.welcome.set_has_reports(True)
    assert len(texts) == 2 and all(label.text() for label in texts)
    for width in (1400, 900, 700, 560):
        window.resize(width, 700)
        qtbot.wait(10)
        for label in texts:
            assert label.height() >= label.heightForWidth(label.width()), (width, label.text())
    assert texts[0].heightForWidth(texts[0].width()) > 2 * texts[0].fontMetrics().height()


def test_open_sample_shows_every_tab(window: MainWindow) -> None:
    window.welcome.open_sample.click()
    editor = window.editor
    assert editor is not None and window.stack.currentWidget() is editor
    # The sample is a 2021 report not marked published: its deadline warning counts on 基本信息.
    assert [editor.tabText(i) for i in range(editor.count())] == [
        "基本信息（1）",
        "一、总体情况",
        "二、主动公开",
        "三、依申请公开",
        "四、复议诉讼",
        "五、问题及改进",
        "六、其他事项",
    ]
    assert "海原县关桥乡人民政府2021年政府信息公开工作年度报告" in window.windowTitle()
    assert window.checks.summary.text().startswith("0 个错误，1 个警告")
    assert "以下比对已跳过" in window.checks.summary.text()
    # Issue 15 item 17: the sample is a sample — read-only, marked so, and not in the database.
    assert "（示例，只读）" in window.windowTitle() and window.session.read_only  # type: ignore[union-attr]
    assert window.report_list.tree.topLevelItemCount() == 0
    assert window.database.store.list_reports() == []
    assert not window.actions_by_name["delete"].isEnabled()
    assert window.actions_by_name["copy"].isEnabled()  # 复制为新报告: a copy the clerk may change
    overview = editor.pages["overview"]
    assert isinstance(overview, OverviewTab) and overview.list.count() == 5
    assert "征地补偿" in overview.body.toPlainText()


def test_computed_cells_are_shaded_and_read_only(window: MainWindow) -> None:
    open_sample_report(window)
    model = table_tab(window, "applications").model
    total = model.index_of(ref("applications", "disclosed", "total"))
    typed = model.index_of(ref("applications", "disclosed", "commercial"))
    assert not model.flags(total) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(typed) & Qt.ItemFlag.ItemIsEditable
    assert total.data(Qt.ItemDataRole.BackgroundRole).color() == COMPUTED_BACKGROUND
    label = model.index(0, 0)
    assert label.data() == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    view = table_tab(window, "applications").view
    assert (view.rowSpan(0, 0), view.columnSpan(0, 0)) == (3, 3)
    assert (view.rowSpan(5, 0), view.columnSpan(5, 0)) == (22, 1)


def test_a_problem_marks_its_cell_counts_on_its_tab_and_jumps(window: MainWindow) -> None:
    open_sample_report(window)
    session = window.session
    assert session is not None
    session.set_cells({ref("applications", "new_requests", "research"): 2})
    # E-R1, and the text's "收到依申请公开 0 例" no longer agrees with the table.
    assert [p.rule for p in session.problems] == ["E-R1", "W-text-numbers", "W-deadline"]
    editor = window.editor
    assert editor is not None
    assert editor.tabText(3) == "三、依申请公开（2）"
    assert editor.tabText(1) == "一、总体情况（1）"
    model = table_tab(window, "applications").model
    index = model.index_of(ref("applications", "new_requests", "research"))
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == PROBLEM_BACKGROUND
    assert "第一项加第二项之和（2）" in index.data(Qt.ItemDataRole.ToolTipRole)
    editor.setCurrentIndex(0)
    window.checks.tree.item(0).setSelected(True)
    window.checks._activated(window.checks.tree.item(0))
    assert editor.currentWidget() is editor.pages["applications"]
    page = editor.pages["applications"]
    assert isinstance(page, TableTab)
    assert page.view.currentIndex() == index


def test_jump_selects_the_placeholder_in_a_text(window: MainWindow) -> None:
    open_sample_report(window)
    session = window.session
    assert session is not None
    session.set_field("texts.problems", "第一句没有问题。第二句留了XX占位。第三句。")
    (problem,) = [p for p in session.problems if p.rule == "E-placeholder"]
    assert window.editor is not None
    window.editor.jump_to(problem)
    page = window.editor.pages["problems"]
    assert isinstance(page, TextTab) and window.editor.currentWidget() is page
    assert page.editor.textCursor().selectedText() == "XX"


def test_jump_into_a_sub_section(window: MainWindow) -> None:
    open_sample_report(window)
    session = window.session
    assert session is not None
    session.set_field("texts.overview.subsections.3.body", "平台建设。详见（具体网址）。")
    (problem,) = [p for p in session.problems if p.rule == "E-placeholder"]
    assert window.editor is not None
    window.editor.jump_to(problem)
    page = window.editor.pages["overview"]
    assert isinstance(page, OverviewTab)
    assert page.list.currentRow() == 3
    assert page.body.textCursor().selectedText() == "（具体网址）"


def test_text_typing_is_one_undo_step_and_saved(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_sample_report(window)
    assert window.editor is not None and window.session is not None
    page = window.editor.pages["other"]
    assert isinstance(page, TextTab)
    window.editor.setCurrentWidget(page)
    page.editor.selectAll()
    type_text(page.editor, "本年度收取信息处理费0元。")
    qtbot.waitUntil(
        lambda: window.session.report.texts.other == "本年度收取信息处理费0元。", timeout=3000
    )
    assert window.session.undo_stack.count() == 1
    stored = window.database.store.load(window.session.report.id or 0)
    assert stored.texts.other == "本年度收取信息处理费0元。"
    window.undo()
    assert window.session.report.texts.other == "无其他需要报告的事项。"
    assert page.editor.toPlainText() == "无其他需要报告的事项。"
    window.redo()
    assert page.editor.toPlainText() == "本年度收取信息处理费0元。"


def test_publish_locks_the_report_and_unpublish_is_recorded(
    window: MainWindow, answers: Answers
) -> None:
    open_sample_report(window)
    window.report_actions.publish()
    session = window.session
    assert session is not None and session.read_only
    assert "已发布" in window.windowTitle()
    model = table_tab(window, "applications").model
    assert (
        not model.flags(model.index_of(ref("applications", "disclosed", "commercial")))
        & Qt.ItemFlag.ItemIsEditable
    )
    session.set_cells({ref("applications", "disclosed", "commercial"): 3})
    assert session.report.value(ref("applications", "disclosed", "commercial")) == 0
    assert window.actions_by_name["unpublish"].isEnabled()
    window.report_actions.unpublish()
    assert window.session is not None and not window.session.read_only
    events = window.database.store.events(window.session.report.id or 0)
    assert [event for _, event in events] == ["标记为已发布", "取消发布"]


def test_delete_goes_to_the_trash_and_comes_back(window: MainWindow) -> None:
    open_sample_report(window)
    window.report_actions.delete_report()
    assert window.session is None and window.stack.currentWidget() is window.welcome
    store = window.database.store
    assert store.list_reports() == []
    (deleted,) = store.list_reports(deleted=True)
    store.restore(deleted.id)
    window.refresh_list()
    assert window.report_list.tree.topLevelItemCount() == 1


def test_restart_on_the_same_file_shows_the_same_data(
    app: QApplication, qtbot, db_path: Path, answers: Answers
) -> None:  # type: ignore[no-untyped-def]
    first = new_window(qtbot, db_path)
    open_sample_report(first)
    assert first.session is not None
    first.session.set_cells({ref("proactive", "penalty", "decisions"): 42})
    first.session.set_field("meta.phone", "0955-1234567")
    report_id = first.session.report.id
    first.close()
    second = new_window(qtbot, db_path)
    second.open_report(report_id or 0)
    assert second.session is not None
    assert second.session.report.value(ref("proactive", "penalty", "decisions")) == 42
    assert second.session.report.meta["phone"] == "0955-1234567"
    second.close()


def test_carried_cells_are_tinted(window: MainWindow) -> None:
    open_sample_report(window)
    session = window.session
    assert session is not None
    session.report.carried.add(ref("applications", "carried_over", "commercial"))
    model = table_tab(window, "applications").model
    index = model.index_of(ref("applications", "carried_over", "commercial"))
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == CARRIED_BACKGROUND
    session.set_cells({ref("applications", "carried_over", "commercial"): 1})
    assert ref("applications", "carried_over", "commercial") not in session.report.carried
    session.undo_stack.undo()
    assert ref("applications", "carried_over", "commercial") in session.report.carried


def test_explained_problems_do_not_count(window: MainWindow) -> None:
    open_sample_report(window)
    assert all(p.severity is not Severity.EXPLAINED for p in window.session.problems)  # type: ignore[union-attr]
    QApplication.processEvents()


def test_a_warning_is_explained_from_the_panel_and_withdrawn(
    window: MainWindow, answers: Answers
) -> None:
    open_sample_report(window)
    session = window.session
    assert session is not None
    session.set_cells({ref("proactive", "fees", "amount"): __import__("decimal").Decimal("3500")})
    panel = window.checks
    row = next(i for i in range(panel.tree.count()) if "W-fee-unit" in panel.tree.item(i).toolTip())
    assert "W-fee-unit" not in panel.tree.item(row).text()  # Chinese only in the list
    panel.tree.setCurrentRow(row)
    assert panel.explain_button.isEnabled() and not panel.withdraw_button.isEnabled()
    answers.texts.append("本镇代收费用，确为 3500 万元")
    panel.explain_selected()
    assert [e.text for e in session.report.explanations] == ["本镇代收费用，确为 3500 万元"]
    explained = [p for p in session.problems if p.rule == "W-fee-unit"]
    assert explained[0].severity is Severity.EXPLAINED
    assert "1 个已说明" in panel.summary.text()
    assert (
        window.database.store.load(session.report.id or 0).explanations
        == session.report.explanations
    )
    row = next(i for i in range(panel.tree.count()) if "W-fee-unit" in panel.tree.item(i).toolTip())
    panel.tree.setCurrentRow(row)
    panel.withdraw_selected()
    assert session.report.explanations == []
    window.undo()
    assert len(session.report.explanations) == 1


def test_the_guide_opens_from_the_help_menu_and_names_only_real_menu_entries(
    window: MainWindow,
) -> None:
    window.actions_by_name["help"].trigger()
    assert window.help is not None and window.help.isVisible() and not window.help.isModal()
    text = window.help.browser.toPlainText()
    assert "从上一年的报告开始" in text and "检查" in text and "**" not in text  # Markdown rendered
    # a line break inside Chinese text in help.md would show as a space
    assert not re.search(r"[\u4e00-\u9fff，。；：）] [\u4e00-\u9fff（“]", text)
    menus = {
        action.text().split("(")[0]: {a.text() for a in action.menu().actions()}
        for action in window.menuBar().actions()
    }
    named = re.findall(r"“([^“”→]+) → ([^“”]+)”", HELP.read_text(encoding="utf-8"))
    assert len(named) >= 10
    for menu, entry in named:
        assert entry in menus[menu], f"the guide names {menu} → {entry}, which the menus lack"
    window.actions_by_name["help"].trigger()  # again: the same window, not a second one
    assert len(window.findChildren(HelpDialog)) == 1


def test_the_data_folder_opens_from_the_help_menu(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(dialogs, "open_externally", opened.append)
    window.actions_by_name["data_folder"].trigger()
    assert opened == [data_dir()] and data_dir().is_dir()


def test_a_pasted_text_too_long_or_with_control_characters_never_breaks_the_window(
    window: MainWindow,
    answers,  # type: ignore[no-untyped-def]
) -> None:
    open_sample_report(window)
    assert window.editor is not None and window.session is not None
    page = window.editor.pages["problems"]
    assert isinstance(page, TextTab)
    window.editor.setCurrentWidget(page)
    before = window.session.report.texts.problems
    page.editor.selectAll()
    page.editor.insertPlainText("问题" * 500_000)  # a 1 MB paste: refused, kept in its field
    page.editor.commit()
    assert "文字太长" in answers.errors[-1]
    assert window.session.report.texts.problems == before
    assert page.editor.document().isModified()  # offered again, never silently dropped
    page.editor.selectAll()
    page.editor.insertPlainText("控制\x01字符\u2028换行")
    page.editor.commit()
    assert window.session.report.texts.problems == "控制字符\n换行"
    assert window.database.store.load(window.session.report.id or 0).texts.problems == (
        "控制字符\n换行"
    )


def test_the_last_report_is_reopened_on_the_same_database_only(
    app: QApplication, qtbot, db_path: Path, tmp_path: Path, answers: Answers
) -> None:  # type: ignore[no-untyped-def]
    first = new_window(qtbot, db_path)
    open_sample_report(first)
    report_id = first.session.report.id  # type: ignore[union-attr]
    first.close()
    second = new_window(qtbot, db_path)
    assert second.session is not None and second.session.report.id == report_id
    second.report_actions.delete_report()  # moved to the 回收站: not reopened next time
    second.close()
    third = new_window(qtbot, db_path)
    assert third.session is None and third.stack.currentWidget() is third.welcome
    third.close()
    elsewhere = new_window(qtbot, tmp_path / "另一个.sqlite3")
    assert elsewhere.session is None  # an id belongs to one database file
    elsewhere.close()


def test_menus_in_the_usual_order_with_their_shortcuts(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "视图(&V)", "报告(&R)", "帮助(&H)"]
    redo = [key.toString() for key in window.actions_by_name["redo"].shortcuts()]
    assert "Ctrl+Y" in redo and "Ctrl+Shift+Z" in redo
    assert window.actions_by_name["copy_cells"].shortcut().toString() == "Ctrl+C"
    assert window.actions_by_name["paste_cells"].shortcut().toString() == "Ctrl+V"


def test_the_window_fits_the_screen_it_opens_on_even_with_a_larger_saved_size(
    app: QApplication, qtbot, db_path: Path, answers: Answers
) -> None:  # type: ignore[no-untyped-def]
    first = new_window(qtbot, db_path)
    room = first.screen().availableGeometry()  # offscreen: 800×800, smaller than 1400×900
    assert room.contains(first.frameGeometry())
    first.resize(3000, 2000)  # as saved on a larger screen, or before 150 % scaling
    first.move(500, 400)
    first.close()  # saves the geometry
    second = new_window(qtbot, db_path)
    assert room.contains(second.frameGeometry())
    second.close()


def new_window(qtbot, path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    """A main window on the database at ``path``, as the program starts one."""
    window = MainWindow(path)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.started):  # the last report reopens after the first frame
        window.show()
    return window


def test_every_menu_entry_names_an_action_that_exists() -> None:
    """The actions are built when first used, so the menus name them: a misspelt name would
    only fail when a clerk clicks it."""
    import re

    from ui import main_window
    from ui.file_actions import FileActions
    from ui.report_actions import ReportActions

    source = Path(main_window.__file__).read_text(encoding="utf-8")
    named = re.findall(r'\b_?(reports|files)\("([a-z_]+)"\)', source)
    assert len(named) > 20
    for owner, name in named:
        assert callable(getattr(ReportActions if owner == "reports" else FileActions, name)), name
