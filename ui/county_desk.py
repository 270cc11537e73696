"""报告 → 汇总与审核…: the county's desk in the window.

The 政务公开办 adds the townships' files (or a folder, or drops them), chooses the year and its
list of units, and sees one row per unit — its status, its problems counted, its key figures,
whether last year's report was there to compare with. The files are read on a thread of their
own behind a progress dialog with 取消; the window never freezes. A double-click shows that
unit's report read-only in the main window, with its checks. The 审核结果 workbook and the 汇总
are exported as the command line writes them (``export.county_desk``).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCollator, QLocale, QMimeData, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from export.county_desk import (
    CLEAN,
    COUNTY,
    ERRORS,
    KEY_FIGURES,
    MISSING,
    UNREADABLE,
    WARNINGS,
    Desk,
    Unit,
    assemble,
    files_in,
    last_years,
    read_unit,
    read_units,
)
from model.checks.identity import FIRST_YEAR
from model.problems import Severity
from model.refusal import FileRefused
from model.settings import (
    Settings,
    SettingsError,
    load_settings,
    save_settings,
    settings_or_defaults,
)
from model.store.store import Store

from . import dialogs
from .report_dialogs import ok_cancel
from .ui_state import LAST_FOLDER, remember, remembered

if TYPE_CHECKING:
    from .workbench import Workbench

ALL = "全部"
OFF_LIST, DUPLICATE = "名单外", "重复"
FILTERS = (ALL, ERRORS, WARNINGS, CLEAN, UNREADABLE, MISSING, OFF_LIST, DUPLICATE)
COLUMNS = (
    "单位",
    "年度",
    "来源文件",
    "状态",
    "错误",
    "警告",
    "上年报告",
    *(n for n, _ in KEY_FIGURES),
)


class _Reader(QObject):
    """Reads the files one by one on its thread; stops between files when asked."""

    progressed = Signal(int)
    finished = Signal(list)  # the units read, in file order

    def __init__(self, paths: list[Path], year: int, database: Path) -> None:
        super().__init__()
        self.paths, self.year, self.database = paths, year, database
        self.cancelled = False

    @Slot()
    def run(self) -> None:
        units: list[Unit] = []
        settings = settings_or_defaults()  # the publication deadline
        with Store.open(self.database) as store:  # a connection of this thread's own
            previous = last_years(store)
            for index, path in enumerate(self.paths):
                if self.cancelled:
                    break
                units.append(read_unit(path, self.year, previous, settings))
                self.progressed.emit(index + 1)
        self.finished.emit(units)


class CountyDesk(QDialog):
    """The 汇总与审核 window."""

    def __init__(
        self,
        bench: Workbench,
        parent: QWidget | None = None,
        import_file: Callable[[Path], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.bench = bench
        self.import_file = import_file  # 导入到数据库: the window's import of one file
        self.setWindowTitle("汇总与审核")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.units: list[Unit] = []  # every file read so far
        self.names: list[str] | None = None  # the list of units that must report
        self.desk: Desk | None = None
        self.carried_list: int | None = None  # the year whose list is proposed for this one
        self.included: set[Path] = set()  # files counted in the 汇总 by the user's choice
        self.kept: dict[str, Path] = {}  # a unit that sent two files: the one that counts
        # 从数据库加入's packages: kept while the window lives (a row may be imported or exported
        # again), removed with it.
        self._copies: Path | None = None
        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, dt.date.today().year)
        self.year.setValue(dt.date.today().year - 1)
        self.year.setSuffix(" 年度")
        self.year.valueChanged.connect(self._year_changed)
        settings = _settings()
        self._named = settings.summary_name if settings else ""  # the name the 汇总 has now
        self.county = QLineEdit(self._named)
        self.county.setPlaceholderText(COUNTY)
        self.county.setToolTip("汇总报告的机关名称，如“海原县乡镇汇总”；记在本机，明年沿用")
        self.county.setMinimumWidth(180)
        self.county.editingFinished.connect(self._county_changed)
        self.filter = QComboBox()
        self.filter.addItems(FILTERS)
        self.filter.currentTextChanged.connect(self._show_rows)
        self.summary_line = QLabel(
            "添加各单位报送的报告文件（数据包、Excel、Word、网页、PDF），或整个文件夹。"
        )
        self.summary_line.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # Qt's own default: descending
        self.table.cellDoubleClicked.connect(self._open_unit)
        top = QHBoxLayout()
        for text, slot in (
            ("添加文件…", self.add_files),
            ("添加文件夹…", self.add_folder),
            ("从数据库加入", self.add_from_database),
            ("单位名单…", self.choose_units),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            top.addWidget(button)
        top.addStretch()
        top.addWidget(QLabel("汇总名称："))
        top.addWidget(self.county)
        top.addWidget(QLabel("年度："))
        top.addWidget(self.year)
        top.addWidget(QLabel("显示："))
        top.addWidget(self.filter)
        bottom = QHBoxLayout()
        self.keep = QPushButton("导入到数据库")
        self.keep.setToolTip("把选中单位的报告导入本机的数据库（例如作为明年核对上年结转的依据）")
        self.keep.clicked.connect(self.import_selected)
        self.keep.setEnabled(import_file is not None)
        bottom.addWidget(self.keep)
        self.send_back = QPushButton("导出该单位的问题清单…")
        self.send_back.setToolTip("选中单位的审核意见（Excel 或 Word），发回该单位修改")
        self.send_back.clicked.connect(self.export_unit_problems)
        bottom.addWidget(self.send_back)
        self.include = QPushButton("计入/不计入汇总")
        self.include.setToolTip("有错误或名单外的单位默认不计入汇总；核实后可以计入，再点一次取消")
        self.include.clicked.connect(self.toggle_included)
        self.keep_this = QPushButton("以这一份为准")
        self.keep_this.setToolTip("同一单位报送了两份时，选定计入汇总的那一份")
        self.keep_this.clicked.connect(self.keep_selected)
        bottom.addWidget(self.include)
        bottom.addWidget(self.keep_this)
        bottom.addStretch()
        self.export_result = QPushButton("导出审核结果…")
        self.export_result.clicked.connect(self.export_review)
        self.export_summary = QPushButton("导出汇总…")
        self.export_summary.clicked.connect(self.export_sum)
        for button in (self.export_result, self.export_summary):
            button.setEnabled(False)
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_line)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        self.resize(1100, 640)
        self.setAcceptDrops(True)  # files and folders dropped from the file manager
        self._load_units()

    # ── bringing the files in ──

    @Slot()
    def add_files(self) -> None:
        from export.files import readable_filter

        folder = remembered(LAST_FOLDER) or dialogs.documents_folder()
        chosen = dialogs.open_files(self, "添加各单位的报告", folder, readable_filter())
        if chosen:
            self.read([Path(path) for path in chosen])

    @Slot()
    def add_folder(self) -> None:
        folder = dialogs.choose_folder(
            self, "添加文件夹", remembered(LAST_FOLDER) or dialogs.documents_folder()
        )
        if folder:
            self.read(files_in([Path(folder)]))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _dropped(event.mimeData())
        if paths:
            event.acceptProposedAction()
            # Read once the drop has returned: the file manager is not kept waiting.
            QTimer.singleShot(0, lambda: self.read(files_in(paths)))

    @Slot()
    def add_from_database(self) -> None:
        """The year's reports already in this database (typed here, or imported), read as the
        files are: each is written as a data package into a folder the window owns."""
        from export.files import write_report_file

        store = self.bench.store
        year = self.year.value()
        if self._copies is None:
            self._copies = Path(tempfile.mkdtemp(prefix="nianbao-desk-"))
            copies = self._copies
            self.destroyed.connect(lambda: shutil.rmtree(copies, ignore_errors=True))
        folder = self._copies
        paths = []
        for summary in store.list_reports():
            if summary.year == year:
                path = folder / f"数据库-{summary.report_name}-{year}.json"
                write_report_file(store.load(summary.id), path)
                paths.append(path)
        if not paths:
            dialogs.inform(self, "从数据库加入", f"数据库中没有 {year} 年度的报告。")
            return
        self.read(paths)

    def read(self, paths: list[Path]) -> None:
        """Read the files off the window's thread, with a progress dialog and 取消."""
        paths = [p for p in paths if all(p != unit.source for unit in self.units)]
        if not paths:
            return
        remember(LAST_FOLDER, str(paths[0].parent))
        progress = QProgressDialog("正在读取和检查报告…", "取消", 0, len(paths), self)
        progress.setWindowTitle("汇总与审核")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        thread = QThread(self)
        reader = _Reader(paths, self.year.value(), self.bench.database_path)
        reader.moveToThread(thread)
        thread.started.connect(reader.run)
        reader.progressed.connect(progress.setValue)
        progress.canceled.connect(lambda: setattr(reader, "cancelled", True))  # at once
        done: list[list[Unit]] = []
        reader.finished.connect(done.append)
        reader.finished.connect(thread.quit)
        thread.start()
        while thread.isRunning():  # the events go on (the dialog, 取消, repaints) while it reads
            thread.wait(20)
            QApplication.processEvents()
            reader.cancelled = reader.cancelled or progress.wasCanceled()
        progress.close()
        first = not self.units
        self.units += done[0] if done else []
        self.units.sort(key=lambda unit: str(unit.source))
        years = {unit.report.year for unit in self.units if unit.report is not None}
        if first and len(years) == 1 and (year := years.pop()) != self.year.value():
            # the first files all say another year: that is the year being summed
            self.bench.show_status(f"报告都是 {year} 年度的，年度已改为 {year}。", 8000)
            self.year.setValue(year)
            return
        self._refresh()

    @Slot()
    def choose_units(self) -> None:
        """单位名单…: the list for the year, typed, pasted or read from a file; kept in the
        database and proposed for the years after."""
        names = edit_units(self, self.names or [], self.year.value())
        if names is None:
            return
        self.bench.store.save_unit_list(self.year.value(), names)
        self.names = names or None
        self._refresh()

    def _load_units(self) -> None:
        names, kept = self.bench.store.unit_list(self.year.value())
        self.names = names or None
        self.carried_list = kept if kept is not None and kept != self.year.value() else None

    @Slot()
    def _year_changed(self) -> None:
        """Another year: its list of units, and the files summed again for it. Only a file that
        names no year is read again (it is read as of the year summed)."""
        self._load_units()
        again = [unit.source for unit in self.units if unit.year_assumed and unit.source]
        self.units = [unit for unit in self.units if not unit.year_assumed]
        self.read(again)  # no file to read: nothing happens
        self._refresh()

    @Slot()
    def _county_changed(self) -> None:
        """The 汇总's name: kept in the settings (the command line uses it too), the 汇总 renamed."""
        name = self.county.text().strip()
        if name == self._named:  # editing ends whenever the field loses the focus
            return
        self._named = name
        settings = _settings()
        if settings is None:
            dialogs.error(self, "汇总名称未保存", "设置文件无法读取，汇总名称只用于这一次。")
        elif name != settings.summary_name:
            try:
                save_settings(replace(settings, summary_name=name))
            except OSError as exc:
                dialogs.error(self, "汇总名称未保存", f"无法写入设置文件：{exc}")
        if self.desk is not None:
            self._refresh()

    # ── the rows ──

    def _refresh(self) -> None:
        self.desk = assemble(
            list(self.units),
            self.year.value(),
            self.names,
            self.county.text().strip() or COUNTY,
            include=self.included,
            keep=self.kept,
        )
        desk = self.desk
        counts = {status: sum(u.status == status for u in desk.units) for status in FILTERS[1:6]}
        self.summary_line.setText(
            f"共 {len(desk.units)} 行："
            + "，".join(f"{status} {count}" for status, count in counts.items() if count)
            + f"。汇总计入 {len(desk.summed())} 个单位。双击一行可查看该单位的报告和检查结果。"
            + (
                f"单位名单沿用 {self.carried_list} 年度的，请核对（“单位名单…”）。"
                if self.carried_list
                else ""
            )
        )
        self._show_rows()
        has = any(unit.report is not None for unit in desk.units)
        self.export_result.setEnabled(has)
        self.export_summary.setEnabled(has)

    @Slot()
    def _show_rows(self) -> None:
        if self.desk is None:
            return
        wanted = self.filter.currentText()
        twice = self.desk.duplicates  # 重复 shows both files of a unit, to choose between them
        shown = [unit for unit in self.desk.units if _matches(unit, wanted, twice)]
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(shown))
        for row, unit in enumerate(shown):
            values = [
                unit.name,
                unit.report.year if unit.report and unit.report.year else self.desk.year,
                unit.source.name if unit.source else "",
                unit.verdict,
                unit.count(Severity.ERROR),
                unit.count(Severity.WARNING),
                "有" if unit.previous_found else "无",
                *(unit.figure(cells) for _, cells in KEY_FIGURES),
            ]
            for col, value in enumerate(values):
                item = _Item()
                text = value if isinstance(value, int) else "" if value is None else str(value)
                item.setData(Qt.ItemDataRole.DisplayRole, text)
                if isinstance(value, Decimal):  # a fee sorts by its amount, not its digits
                    item.setData(SORT_ROLE, float(value))
                if col == 0:
                    item.setData(Qt.ItemDataRole.UserRole, self.desk.units.index(unit))
                if col == 3 and unit.reason:
                    item.setToolTip(unit.reason)
                self.table.setItem(row, col, item)
        self.table.setSortingEnabled(True)

    @Slot(int, int)
    def _open_unit(self, row: int, _col: int) -> None:
        if self.desk is None:
            return
        unit = self.desk.units[self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)]
        if unit.report is None:
            dialogs.inform(self, unit.name, unit.reason or "这个单位没有报送报告。")
            return
        self.bench.show_sample(unit.report, shown_as="收到的报告")

    def _selected(self) -> list[Unit]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        if self.desk is None:
            return []
        return [self.desk.units[self.table.item(r, 0).data(Qt.ItemDataRole.UserRole)] for r in rows]

    @Slot()
    def export_unit_problems(self) -> None:
        from export.county_workbook import write_unit_problems

        chosen = self._selected()
        if self.desk is None or len(chosen) != 1:
            dialogs.inform(self, "导出问题清单", "请先在表中选中一个单位。")
            return
        unit = chosen[0]
        self._export(
            f"{unit.name}审核意见.xlsx",
            "Excel 工作簿 (*.xlsx);;Word 文档 (*.docx)",
            lambda desk, path: write_unit_problems(desk, unit, path),
        )

    def _selected_files(self) -> list[tuple[Unit, Path]]:
        """The selected rows that are files read, with their files."""
        return [
            (unit, unit.source)
            for unit in self._selected()
            if unit.source is not None and unit.report is not None
        ]

    @Slot()
    def toggle_included(self) -> None:
        for _, source in self._selected_files():
            self.included ^= {source}
        self._refresh()

    @Slot()
    def keep_selected(self) -> None:
        for unit, source in self._selected_files():
            self.kept[unit.name] = source
        self._refresh()

    @Slot()
    def import_selected(self) -> None:
        if self.import_file is None:
            return
        for _, source in self._selected_files():
            self.import_file(source)

    # ── what goes out ──

    @Slot()
    def export_review(self) -> None:
        from export.county_workbook import write_review_workbook

        self._export("审核结果.xlsx", "Excel 工作簿 (*.xlsx)", write_review_workbook)

    @Slot()
    def export_sum(self) -> None:
        from export.files import write_report_file

        self._export(
            "汇总.pdf",
            "PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx);;Word 文档 (*.docx)",
            lambda desk, path: write_report_file(desk.summary, path),
        )

    def _export(self, name: str, kinds: str, write) -> None:  # type: ignore[no-untyped-def]
        if self.desk is None:
            return
        folder = remembered(LAST_FOLDER) or dialogs.documents_folder()
        chosen = dialogs.save_file(
            self, "导出", str(Path(folder) / f"{self.year.value()}年{name}"), kinds
        )
        if not chosen:
            return
        try:
            write(self.desk, Path(chosen))
        except (OSError, ValueError) as exc:
            dialogs.error(self, "导出失败", f"未能写入 {Path(chosen).name}：{exc}")
            return
        self.bench.show_status(f"已导出 {chosen}", 8000)


class UnitsDialog(QDialog):
    """The list of units for a year: one name a line, typed, pasted or read from a file."""

    def __init__(self, parent: QWidget | None, names: list[str], year: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{year} 年度应报单位名单")
        self.text = QPlainTextEdit("\n".join(names))
        self.text.setPlaceholderText("每行一个单位全称，如：\n海原县关桥乡人民政府")
        note = QLabel("名单保存在数据库中，以后的年度沿用（可以修改）。")
        from_file = QPushButton("从文件读取…")
        from_file.clicked.connect(self._from_file)
        buttons = ok_cancel(self, "保存")
        row = QHBoxLayout()
        row.addWidget(from_file)
        row.addStretch()
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self.resize(420, 480)

    def names(self) -> list[str]:
        return [line.strip() for line in self.text.toPlainText().splitlines() if line.strip()]

    @Slot()
    def _from_file(self) -> None:
        folder = remembered(LAST_FOLDER) or dialogs.documents_folder()
        chosen = dialogs.open_file(
            self, "应报单位名单", folder, "单位名单 (*.txt *.xlsx);;所有文件 (*)"
        )
        if not chosen:
            return
        try:
            self.text.setPlainText("\n".join(read_units(Path(chosen))))
        except FileRefused as exc:
            dialogs.error(self, "无法读取单位名单", str(exc))


SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class _Item(QTableWidgetItem):
    """A cell of the table: numbers sort by amount (a fee's text would put 9 after 10), words in
    the order of Chinese dictionaries (by pinyin), as Qt's own sorting does them."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = (self._key(item) for item in (self, other))
        if isinstance(mine, str) or isinstance(theirs, str):
            return _COLLATOR.compare(str(mine), str(theirs)) < 0
        return bool(mine < theirs)

    @staticmethod
    def _key(item: QTableWidgetItem) -> object:
        key = item.data(SORT_ROLE)
        return key if key is not None else item.data(Qt.ItemDataRole.DisplayRole)


_COLLATOR = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


def _settings() -> Settings | None:
    """The settings, or None when their file cannot be read (it is then never overwritten)."""
    try:
        return load_settings()
    except SettingsError:
        return None


def edit_units(parent: QWidget | None, names: list[str], year: int) -> list[str] | None:
    """The list the user saves, or None (cancelled)."""
    dialog = UnitsDialog(parent, names, year)
    return dialog.names() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _dropped(data: QMimeData) -> list[Path]:
    """The folders and the files of kinds we read among what is dragged."""
    from export.files import readable

    paths = [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
    return [path for path in paths if path.is_dir() or readable(path)]


def _matches(unit: Unit, wanted: str, twice: list[Unit]) -> bool:
    if wanted == ALL:
        return True
    if wanted == OFF_LIST:
        return not unit.on_list
    if wanted == DUPLICATE:
        return unit in twice
    return unit.status == wanted
