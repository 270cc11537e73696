"""The main window: the report list on the left, the open report's tabs in the middle, the checks
panel on the right, menus above, the last save in the status bar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from model import APP_TITLE, __version__
from model.format.notice import NOTICE
from model.paths import data_dir

from . import dialogs
from .ui_state import (
    GEOMETRY,
    LAST_REPORT,
    WINDOW_STATE,
    remember,
    remembered,
    remembered_bytes,
)

if TYPE_CHECKING:  # the editor, the session and the actions are imported when first used
    from model.problems import Problem
    from model.report import Report
    from model.store.store import Store

    from .checks_panel import ChecksPanel
    from .county_desk import CountyDesk
    from .database import OpenDatabase
    from .file_actions import FileActions
    from .help_dialog import HelpDialog
    from .report_actions import ReportActions
    from .report_editor import ReportEditor
    from .report_list import ReportList
    from .session import ReportSession
    from .welcome import WelcomePanel

log = logging.getLogger("nianbao")


class MainWindow(QMainWindow):
    """The window. Its first frame is the frame itself: menus, status bar and an empty page. The
    rest is built right after it (``_build``): the database opened and its pages checked, the
    list, the welcome page, the docks, the report open last time. The editor, the session, the
    actions and what they import (the checks, the readers and writers) load when first used.
    So the window shows within 1.3 times a bare window's start (issue 15)."""

    first_frame = Signal()  # the window is being drawn for the first time
    started = Signal()  # and what followed it is done: the database, the list, the last report
    database: OpenDatabase  # from ``_build`` on
    report_list: ReportList
    checks: ChecksPanel
    welcome: WelcomePanel

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self._path = path
        self.session: ReportSession | None = None
        self.editor: ReportEditor | None = None
        self.help: HelpDialog | None = None
        self.county_desk: CountyDesk | None = None
        self.gave_up = False  # the user found no database to use: the program ends

        self.stack = QStackedWidget()
        self.stack.addWidget(QWidget())  # empty until the database is open
        self.setCentralWidget(self.stack)
        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)
        self.statusBar().showMessage("正在打开数据库…")
        self.actions_by_name: dict[str, QAction] = {}
        self.view_menu = self._build_menus()
        for action in self.actions_by_name.values():  # until ``_build``: a key pressed while
            action.setEnabled(False)  # the program starts finds no database behind it
        self.resize(1400, 900)
        geometry = remembered_bytes(GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._fit_to_screen()
        self.setWindowTitle(APP_TITLE)
        self._started = self._built = False

    def _build(self) -> None:
        """The window's rest, right after its first frame: the database (whose pages are all
        checked before anything is written), the pages and docks, the list, the report open
        last time or the welcome page, the daily backup."""
        from .database import open_database

        if not self.isVisible():  # closed during its first frame: nothing to open
            self.started.emit()
            return
        database = open_database(self._path, self)
        if database is None:
            self.gave_up = True
            self.close()
            self.started.emit()
            return
        self.database = database
        self.statusBar().clearMessage()
        self._add_pages_and_docks()
        self._built = True
        for action in self.actions_by_name.values():
            action.setEnabled(True)  # those that need a report: see _update_title_and_actions
        self.refresh_list()
        last = self._last_report_id()
        if last is not None:
            self.open_report(last)
        if self.session is None:
            self.close_report()  # the welcome page, and the actions a report needs disabled
        log.info("window started on %s", database.path)
        self._daily_backup()
        self.started.emit()

    def _add_pages_and_docks(self) -> None:
        """The welcome page, the report list and the checks panel, where they were last left."""
        from PySide6.QtCore import Qt  # its enums take 15 ms to make: after the first frame

        from .checks_panel import ChecksPanel
        from .file_drops import FileDropFilter
        from .report_list import ReportList
        from .welcome import WelcomePanel

        self.welcome = WelcomePanel()
        self.stack.addWidget(self.welcome)
        self.report_list = ReportList()
        self.list_dock = QDockWidget("报告列表", self)
        self.list_dock.setObjectName("report_list")
        self.list_dock.setWidget(self.report_list)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.list_dock)
        self.checks = ChecksPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checks)
        self.view_menu.addAction(self.list_dock.toggleViewAction())
        self.view_menu.addAction(self.checks.toggleViewAction())
        self.welcome.new_report.clicked.connect(self._reports("new_report"))
        self.welcome.open_sample.clicked.connect(self._reports("open_sample"))
        self.welcome.import_previous.clicked.connect(self._files("import_any"))
        self.report_list.report_activated.connect(self.open_report)
        self.checks.problem_activated.connect(self._jump)
        self.report_list.context_actions = [
            self.actions_by_name[name]
            for name in ("copy", "delete", "publish", "unpublish", "rename")
        ]
        self.drops = FileDropFilter(self, lambda path: self.file_actions.import_file(path))
        self.drops.watch()
        self.resizeDocks([self.list_dock, self.checks], [230, 300], Qt.Orientation.Horizontal)
        window_state = remembered_bytes(WINDOW_STATE)
        if window_state is not None:
            self.restoreState(window_state)

    @cached_property
    def report_actions(self) -> ReportActions:
        from .report_actions import ReportActions

        return ReportActions(self, self)

    @cached_property
    def file_actions(self) -> FileActions:
        from .file_actions import FileActions

        return FileActions(self, self)

    def _reports(self, name: str) -> Callable[[], None]:
        """A slot calling ReportActions' ``name`` (built when first called)."""
        return lambda: getattr(self.report_actions, name)()

    def _files(self, name: str) -> Callable[[], None]:
        return lambda: getattr(self.file_actions, name)()

    # ── menus ──

    def _build_menus(self) -> QMenu:
        """The menus; returns 视图, which gets the docks' own show/hide actions in ``_build``."""
        reports, files = self._reports, self._files
        menus = {
            "文件(&F)": [
                ("new", "新建报告…", QKeySequence.StandardKey.New, reports("new_report")),
                ("open_db", "打开数据库…", None, files("open_other_database")),
                None,
                ("import_json", "导入数据包…", None, files("import_package")),
                ("import_xlsx", "导入 Excel…", None, files("import_excel")),
                ("import_docx", "导入 Word…", None, files("import_word")),
                None,
                ("export_json", "导出数据包…", None, files("export_package")),
                ("export_xlsx", "导出 Excel…", None, files("export_excel")),
                ("export_pdf", "导出 PDF…", None, files("export_pdf")),
                ("export_docx", "导出 Word…", None, files("export_word")),
                ("print", "打印…", QKeySequence.StandardKey.Print, files("print_report")),
                None,
                ("fonts", "字体设置…", None, files("font_settings")),
                None,
                ("backup", "备份数据库…", None, files("backup_database")),
                ("restore", "恢复备份…", None, files("restore_backup")),
                None,
                ("quit", "退出", QKeySequence.StandardKey.Quit, self.close),
            ],
            "编辑(&E)": [
                ("undo", "撤销", QKeySequence.StandardKey.Undo, self.undo),
                # Ctrl+Y on every platform (the guide says so), and Ctrl+Shift+Z as well.
                ("redo", "重做", ("Ctrl+Y", "Ctrl+Shift+Z"), self.redo),
                None,
                ("copy_cells", "复制", QKeySequence.StandardKey.Copy, self.copy_cells),
                ("paste_cells", "粘贴", QKeySequence.StandardKey.Paste, self.paste_cells),
                None,
                ("paste_report", "粘贴报告（从网页复制的）", None, files("paste_report")),
            ],
            "视图(&V)": [],  # the docks' own show/hide actions, added in _build
            "报告(&R)": [
                ("check", "检查", "F7", self.check),
                ("deadline", "发布期限…", None, self.deadline_settings),
                None,
                ("copy", "复制为新报告…", None, reports("copy_report")),
                ("rename", "机关改名…", None, reports("rename_organization")),
                ("delete", "删除", None, reports("delete_report")),
                None,
                ("publish", "标记为已发布…", None, reports("publish")),
                ("unpublish", "取消发布…", None, reports("unpublish")),
                None,
                ("trash", "回收站…", None, reports("show_trash")),
                None,
                ("county", "汇总与审核…", None, self.show_county_desk),
            ],
            "帮助(&H)": [
                ("help", "使用说明", QKeySequence.StandardKey.HelpContents, self.show_help),
                ("data_folder", "打开数据文件夹", None, self.open_data_folder),
                None,
                ("about", "关于", None, self.about),
            ],
        }
        view: QMenu | None = None
        for title, entries in menus.items():  # 文件 编辑 视图 报告 帮助, the usual order
            menu = self.menuBar().addMenu(title)
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                    continue
                name, text, shortcut, slot = entry
                action = QAction(text, self)
                if shortcut is not None:
                    keys = shortcut if isinstance(shortcut, tuple) else (shortcut,)
                    action.setShortcuts([QKeySequence(key) for key in keys])
                action.triggered.connect(slot)
                menu.addAction(action)
                self.actions_by_name[name] = action
            if title == "视图(&V)":
                view = menu
        assert view is not None
        return view

    # ── the open report ──

    @Slot(int)
    def open_report(self, report_id: int) -> None:
        if self.session is not None and self.session.report.id == report_id:
            return
        store = self.database.store
        try:
            report = store.load(report_id)
        except Exception as exc:
            dialogs.error(self, "无法打开报告", str(exc))
            return
        self._show(report)
        remember(LAST_REPORT, f"{self.database.path}\t{report_id}")  # an id is one file's
        self.report_list.select(report_id)  # the list is current; rebuilding it is not needed
        self._update_title_and_actions()

    def show_sample(self, report: Report, shown_as: str = "示例") -> None:
        """A report read-only and not in the database (see ``ReportSession.sample``): the
        sample, or a report the county received, shown from its file."""
        self._show(report, sample=True, shown_as=shown_as)
        self._update_title_and_actions()

    def _show(self, report: Report, *, sample: bool = False, shown_as: str = "示例") -> None:
        from .report_editor import ReportEditor
        from .session import ReportSession

        self.close_report()
        store = self.database.store
        self.session = ReportSession(store, report, self, sample=sample, shown_as=shown_as)
        self.session.saved.connect(self._saved)
        self.session.save_failed.connect(self._save_failed)
        self.session.text_refused.connect(self._text_refused)
        self.session.changed.connect(self._edited)
        self.session.changed.connect(self._report_changed)
        self.editor = ReportEditor(self.session)
        self.editor.message.connect(self.statusBar().showMessage)
        self.stack.addWidget(self.editor)
        self.stack.setCurrentWidget(self.editor)
        self.checks.follow(self.session)
        self.session.undo_stack.cleanChanged.connect(self._update_title_and_actions)
        self.session.undo_stack.indexChanged.connect(self._update_title_and_actions)

    def _fit_to_screen(self) -> None:
        """The window fits the screen it opens on: the first 1400×900 window on a 1366×768
        laptop, or a saved geometry on a smaller screen or at 125–150 % scaling, would put the
        checks panel, the status bar and the close button off-screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        width = min(self.width(), int(room.width() * 0.96))
        height = min(self.height(), int(room.height() * 0.92))
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        if not room.contains(frame):
            left = min(max(frame.left(), room.left()), room.right() - frame.width())
            top = min(max(frame.top(), room.top()), room.bottom() - frame.height())
            self.move(max(left, room.left()), max(top, room.top()))

    def _last_report_id(self) -> int | None:
        """The report open when the program was last closed, if it is in this database still."""
        path, _, kept = remembered(LAST_REPORT).rpartition("\t")
        if path != str(self.database.path) or not kept.isdigit():
            return None
        return int(kept) if int(kept) in self.report_list.report_ids else None

    def close_report(self) -> None:
        if self.editor is not None:
            self.editor.commit()
            self.stack.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None
        if self.session is not None:
            self.checks.follow(None)
            self.session.deleteLater()
            self.session = None
        self.stack.setCurrentWidget(self.welcome)
        self._update_title_and_actions()

    def reload_report(self) -> None:
        """Show the open report afresh from the store (after publish, restore…)."""
        if self.session is not None and self.session.report.id is not None:
            report_id = self.session.report.id
            self.close_report()
            self.open_report(report_id)

    def refresh_list(self) -> None:
        from model.store.inspection import StoreError

        store = self.database.store
        try:
            reports, organizations = store.list_reports(), store.organizations()
        except StoreError as damaged:  # the file was damaged after it was opened: say so
            dialogs.error(self, "无法读取报告列表", str(damaged))
            reports, organizations = [], []
        current = self.session.report.id if self.session else None
        self.report_list.fill(reports, organizations, current)
        self.welcome.set_has_reports(bool(reports))

    # ── what the actions use (ui.workbench.Workbench) ──

    @property
    def store(self) -> Store:
        return self.database.store

    @property
    def database_path(self) -> Path:
        return self.database.path

    def commit_typing(self) -> None:
        if self.editor is not None:
            self.editor.commit()

    def show_status(self, message: str, timeout: int = 5000) -> None:
        self.statusBar().showMessage(message, timeout)

    def switch_database(self, database: OpenDatabase) -> None:
        self.close_report()
        self.database.close()
        self.database = database
        self.refresh_list()

    # ── editing ──

    @Slot()
    def undo(self) -> None:
        """Undo, and show what it changed back: its tab, its cells or text."""
        if self.session is not None:
            self.commit_typing()
            stack = self.session.undo_stack
            command = stack.command(stack.index() - 1)
            stack.undo()
            self._show_changed(command)

    @Slot()
    def redo(self) -> None:
        if self.session is not None:
            stack = self.session.undo_stack
            command = stack.command(stack.index())
            stack.redo()
            self._show_changed(command)

    def _show_changed(self, command: object) -> None:
        paths = getattr(command, "paths", None)
        if paths and self.editor is not None:
            self.editor.show_place(paths)

    @Slot()
    def copy_cells(self) -> None:
        self._clipboard("copy")

    @Slot()
    def paste_cells(self) -> None:
        self._clipboard("paste")

    def _clipboard(self, action: str) -> None:
        """A table copies and pastes blocks of cells; a text field does its own thing."""
        from .report_editor import TableTab

        if action == "paste" and self._pastes_a_report():
            self.file_actions.paste_report()
            return
        page = self.current_widget()
        if isinstance(page, TableTab):
            page.view.copy_selection() if action == "copy" else page.view.paste()
            return
        focus = QApplication.focusWidget()
        if hasattr(focus, action):
            getattr(focus, action)()

    def _pastes_a_report(self) -> bool:
        """Ctrl+V on the welcome page or the report list pastes a report copied from a page."""
        focus = QApplication.focusWidget()
        in_list = focus is not None and self.report_list.isAncestorOf(focus)
        return in_list or self.stack.currentWidget() is self.welcome

    @Slot()
    def check(self) -> None:
        session = self.session
        if session is None:
            return
        self.commit_typing()
        session.recheck()
        self.checks.show()
        count = len(session.problems)
        self.show_status(f"检查完毕：{count} 个问题。" if count else "检查完毕：未发现问题。")

    @Slot()
    def deadline_settings(self) -> None:
        """报告 → 发布期限…: the open report is checked again against the day saved."""
        from .deadline_dialog import DeadlineDialog

        dialog = DeadlineDialog(self)
        if dialog.exec() == DeadlineDialog.DialogCode.Accepted and self.session is not None:
            self.session.settings = dialog.settings
            self.session.recheck()

    # ── reactions ──

    @Slot(str)
    def _saved(self, when: str) -> None:
        self.saved_label.setText(f"已保存 {when}")

    @Slot(str)
    def _edited(self, _path: str) -> None:
        """A later edit clears what the status bar said about an earlier one (a refused entry)."""
        self.statusBar().clearMessage()

    @Slot(str)
    def _text_refused(self, message: str) -> None:
        dialogs.error(self, "文字未保存", message)

    @Slot(str)
    def _save_failed(self, message: str) -> None:
        self.saved_label.setText("未保存！")
        dialogs.error(self, "保存失败", message)

    @Slot(str)
    def _report_changed(self, path: str) -> None:
        if path == "organization":
            self.refresh_list()
            self._update_title_and_actions()

    @Slot(object)
    def _jump(self, problem: Problem) -> None:
        if self.editor is not None:
            self.editor.jump_to(problem)

    @Slot()
    def _update_title_and_actions(self) -> None:
        session = self.session
        title = APP_TITLE
        if session is not None:
            from model.preamble import report_title

            state = f"{session.shown_as}，只读" if session.sample else session.report.status.label
            title = f"{report_title(session.report)}（{state}） — {APP_TITLE}"
        self.setWindowTitle(title)
        has = session is not None
        editable = has and not session.read_only  # type: ignore[union-attr]
        stored = has and not session.sample  # type: ignore[union-attr]
        for name in (
            "export_json",
            "export_xlsx",
            "export_pdf",
            "export_docx",
            "print",
            "check",
            "copy",
            "copy_cells",
        ):
            self.actions_by_name[name].setEnabled(has)
        for name in ("delete", "rename"):
            self.actions_by_name[name].setEnabled(stored)
        # With no report open, Ctrl+V pastes a report copied from a web page (see _clipboard).
        self.actions_by_name["paste_cells"].setEnabled(editable or not has)
        self.actions_by_name["publish"].setEnabled(editable)
        self.actions_by_name["unpublish"].setEnabled(stored and not editable)
        undo_stack = session.undo_stack if session else None
        self.actions_by_name["undo"].setEnabled(bool(undo_stack and undo_stack.canUndo()))
        self.actions_by_name["redo"].setEnabled(bool(undo_stack and undo_stack.canRedo()))
        if undo_stack is not None:
            self.actions_by_name["undo"].setText(f"撤销 {undo_stack.undoText()}".strip())
            self.actions_by_name["redo"].setText(f"重做 {undo_stack.redoText()}".strip())

    def _daily_backup(self) -> None:
        from model.store.backups import daily_backup

        try:
            daily_backup(self.database.store, data_dir() / "backups")
        except Exception as exc:
            self.statusBar().showMessage(f"自动备份失败：{exc}", 10000)

    def show_county_desk(self) -> None:
        """报告 → 汇总与审核…: the county office's window over the townships' files."""
        if self.county_desk is None:
            from .county_desk import CountyDesk

            self.county_desk = CountyDesk(
                self, self, import_file=lambda path: self.file_actions.import_file(path)
            )
        self.county_desk.show()
        self.county_desk.raise_()

    def show_help(self) -> None:
        if self.help is None:
            from .help_dialog import HelpDialog

            self.help = HelpDialog(self)
        self.help.show()
        self.help.raise_()
        self.help.activateWindow()

    def open_data_folder(self) -> None:
        """The database, the daily backups and the log, for the clerk or whoever helps them."""
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        dialogs.open_externally(folder)

    def about(self) -> None:
        dialogs.inform(
            self,
            f"关于{APP_TITLE}",
            f"{APP_TITLE} {__version__}\n\n政府信息公开工作年度报告的编制、检查与导出。\n"
            f"报告格式：《中华人民共和国政府信息公开工作年度报告格式》（{NOTICE}）\n\n"
            f"数据库：{self.database.path}",
        )

    # ── files dropped on the window ──

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._started:  # the first frame is being drawn: the rest of the start follows
            self._started = True
            self.first_frame.emit()
            QTimer.singleShot(0, self._build)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Every edit is already saved; commit typing still waiting for its pause, then go."""
        remember(GEOMETRY, self.saveGeometry())
        if self._built:  # else there are no docks to remember, no database to close
            remember(WINDOW_STATE, self.saveState())
            self.close_report()
            self.database.close()
        if "file_actions" in self.__dict__:  # built: it may have made print folders
            self.file_actions.remove_print_folders()
        event.accept()

    def current_widget(self) -> QWidget | None:
        return self.editor.currentWidget() if self.editor else None
