"""报告 → 汇总与审核…: add a folder, filter, open a unit, export; the progress dialog and 取消."""

from __future__ import annotations

import threading
from pathlib import Path

import openpyxl
import pytest

from export.files import write_report_file
from model.format.declaration import CellRef
from tests.cli.test_summarize import UNITS, unit_report
from tests.helpers import shared_file
from ui import county_desk, dialogs
from ui.county_desk import CountyDesk
from ui.main_window import MainWindow

from .conftest import Answers


@pytest.fixture
def received(tmp_path: Path) -> Path:
    folder = tmp_path / "收到的报告"
    folder.mkdir()
    for i, suffix in enumerate([".json", ".xlsx", ".docx", ".json"]):
        report = unit_report(UNITS[i], i + 1)
        if i == 3:
            report.year = 2020  # an error: another year's report
        write_report_file(report, folder / f"{i}{suffix}")
    (folder / "坏.json").write_text("{", "utf-8")
    return folder


def test_a_folder_is_read_filtered_opened_and_exported(
    window: MainWindow,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
    qtbot,
    received: Path,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    window.actions_by_name["county"].trigger()
    desk = window.county_desk
    assert isinstance(desk, CountyDesk) and desk.isVisible()
    desk.year.setValue(2021)
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a: str(received))
    desk.add_folder()
    assert desk.table.rowCount() == 5
    monkeypatch.setattr(county_desk, "edit_units", lambda parent, names, year: UNITS[:5])
    desk.choose_units()  # 第4镇 sent nothing
    statuses = [desk.table.item(row, 3).text() for row in range(desk.table.rowCount())]
    assert sorted(statuses) == ["无法读取", "有警告", "有警告", "有警告", "有错误", "未报送"]
    desk.filter.setCurrentText("有错误")
    assert [desk.table.item(r, 0).text() for r in range(desk.table.rowCount())] == [UNITS[3]]
    desk.filter.setCurrentText("全部")
    row = next(r for r in range(desk.table.rowCount()) if desk.table.item(r, 0).text() == UNITS[1])
    desk.table.cellDoubleClicked.emit(row, 0)
    assert window.session is not None and window.session.read_only
    assert window.session.report.organization == UNITS[1] and "收到的报告" in window.windowTitle()
    result = tmp_path / "审核结果.xlsx"
    answers.files.append(str(result))
    desk.export_review()
    book = openpyxl.load_workbook(result)
    assert [r[0].value for r in book["未报送"].iter_rows(min_row=2)] == [UNITS[4]]
    assert "汇总计入 3 个单位" in desk.summary_line.text()


def test_reading_shows_progress_and_can_be_cancelled(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot, received: Path
) -> None:  # type: ignore[no-untyped-def]
    """The first file is being read when the clerk presses 取消: the rest is never read, what
    was read is shown, and the window answered all along (the dialog is the main thread's)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QPushButton

    desk = CountyDesk(window, window)
    qtbot.addWidget(desk)
    desk.year.setValue(2021)  # the files' year: nothing is read again for it
    reading, cancelled = threading.Event(), threading.Event()
    real_read = county_desk.read_unit
    calls: list[Path] = []

    def held(path, *rest):  # type: ignore[no-untyped-def]
        calls.append(path)
        reading.set()
        cancelled.wait(10)  # until the clerk has pressed 取消
        return real_read(path, *rest)

    def press_cancel() -> None:
        if not reading.is_set():
            QTimer.singleShot(10, press_cancel)
            return
        (progress,) = desk.findChildren(county_desk.QProgressDialog)
        (button,) = progress.findChildren(QPushButton)
        button.click()  # 取消
        cancelled.set()

    monkeypatch.setattr(county_desk, "read_unit", held)
    QTimer.singleShot(0, press_cancel)
    desk.read(sorted(received.iterdir()))
    assert len(calls) == 1 and desk.table.rowCount() == 1


def test_the_list_of_units_is_kept_and_proposed_for_the_next_year(
    window: MainWindow, answers: Answers, monkeypatch: pytest.MonkeyPatch, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    listing = tmp_path / "名单.xlsx"
    book = openpyxl.Workbook()
    for name in ("单位名称", *UNITS[:3]):
        book.active.append([name])
    book.save(listing)
    dialog = county_desk.UnitsDialog(window, [], 2021)
    qtbot.addWidget(dialog)
    answers.files.append(str(listing))
    dialog._from_file()  # 从文件读取…: the header word is left out
    assert dialog.names() == UNITS[:3]
    dialog.text.appendPlainText(UNITS[3])  # typed
    monkeypatch.setattr(county_desk, "edit_units", lambda parent, names, year: dialog.names())
    desk = CountyDesk(window, window)
    qtbot.addWidget(desk)
    desk.year.setValue(2021)
    desk.choose_units()
    assert window.database.store.unit_list(2021) == (UNITS[:4], 2021)
    desk.year.setValue(2022)  # next January: last year's list is proposed, and said so
    assert desk.names == UNITS[:4] and "沿用 2021 年度" in desk.summary_line.text()


def desk_with_unit_selected(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, folder: Path, unit: str
) -> CountyDesk:
    """报告 → 汇总与审核… with ``folder`` added for 2021 and ``unit``'s row selected."""
    window.actions_by_name["county"].trigger()
    desk = window.county_desk
    assert desk is not None
    desk.year.setValue(2021)
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a: str(folder))
    desk.add_folder()
    row = next(r for r in range(desk.table.rowCount()) if desk.table.item(r, 0).text() == unit)
    desk.table.selectRow(row)
    return desk


def test_a_units_report_is_imported_into_the_database(
    window: MainWindow, answers: Answers, monkeypatch: pytest.MonkeyPatch, received: Path
) -> None:
    desk = desk_with_unit_selected(window, monkeypatch, received, UNITS[0])
    desk.keep.click()
    kept = window.database.store.list_reports()
    assert [(s.organization, s.year) for s in kept] == [(UNITS[0], 2021)]


def test_a_units_problems_go_back_to_it_as_a_short_document(
    window: MainWindow,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
    received: Path,
    tmp_path: Path,
) -> None:
    from docx import Document

    desk = desk_with_unit_selected(window, monkeypatch, received, UNITS[3])
    for suffix in (".docx", ".xlsx"):
        target = tmp_path / f"意见{suffix}"
        answers.files.append(str(target))
        desk.send_back.click()
        assert target.exists()
    document = Document(str(tmp_path / "意见.docx"))
    assert document.paragraphs[0].text == f"{UNITS[3]}2021年度政府信息公开工作年度报告审核意见"
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert "年度不对" in cells and any("2020 年度" in text for text in cells)
    sheet = openpyxl.load_workbook(tmp_path / "意见.xlsx").active
    assert "年度不对" in [row[2].value for row in sheet.iter_rows(min_row=4)]  # E-year


def test_a_unit_with_errors_can_be_counted_and_a_duplicate_chosen(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, received: Path
) -> None:
    """Checked by hand, a unit with errors is counted; of two files of one unit, the chosen one."""
    again = unit_report(UNITS[0], 9)  # 第0镇 sends a corrected report after the first
    write_report_file(again, received / "9-更正.json")
    desk = desk_with_unit_selected(window, monkeypatch, received, UNITS[3])
    total = CellRef("applications", "new_requests", "total")
    assert desk.desk.summary.value(total) == 1 + 2 + 3  # 第3镇 has an error: left out
    desk.include.click()
    assert desk.desk.summary.value(total) == 1 + 2 + 3 + 4
    desk.filter.setCurrentText("重复")  # both files of the unit, to choose between them
    assert sorted(desk.table.item(r, 2).text() for r in range(desk.table.rowCount())) == [
        "0.json",
        "9-更正.json",
    ]
    row = next(
        r for r in range(desk.table.rowCount()) if desk.table.item(r, 2).text() == "9-更正.json"
    )
    desk.table.selectRow(row)
    desk.keep_this.click()
    assert desk.desk.summary.value(total) == 9 + 2 + 3 + 4


def test_the_years_reports_in_the_database_are_added_too(
    window: MainWindow, answers: Answers
) -> None:
    store = window.database.store
    for name in UNITS[:2]:
        store.save(unit_report(name, 1))
    last_year = unit_report(UNITS[2], 1)
    last_year.year = 2020
    store.save(last_year)  # another year: not added
    desk = CountyDesk(window, window)
    desk.year.setValue(2021)
    desk.add_from_database()
    assert sorted(desk.table.item(r, 0).text() for r in range(desk.table.rowCount())) == UNITS[:2]
    assert all(desk.table.item(r, 3).text() == "有警告" for r in range(2))  # checked as files are


def test_a_folder_dropped_on_the_desk_is_read(window: MainWindow, qtbot, received: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_reports_and_files import drag

    desk = CountyDesk(window, window)
    qtbot.addWidget(desk)
    desk.year.setValue(2021)
    entering, dropping, _ = drag(received)
    desk.dragEnterEvent(entering)
    assert entering.isAccepted()
    desk.dropEvent(dropping)
    qtbot.waitUntil(lambda: desk.table.rowCount() == 5)
    photo, _, _ = drag(received / "照片.jpg")
    desk.dragEnterEvent(photo)
    assert not photo.isAccepted()


def test_the_sum_takes_the_countys_name_and_fees_sort_by_amount(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from decimal import Decimal

    from PySide6.QtCore import Qt

    from model.settings import load_settings

    folder = tmp_path / "收到的"
    folder.mkdir()
    for i, fee in enumerate(("9", "10", "0.5")):
        report = unit_report(UNITS[i], 1)
        report.set_values({CellRef("proactive", "fees", "amount"): Decimal(fee)}, typed=set())
        write_report_file(report, folder / f"{i}.json")
    desk = CountyDesk(window, window)
    qtbot.addWidget(desk)
    desk.read(sorted(folder.iterdir()))
    names = [desk.table.item(r, 0).text() for r in range(3)]
    assert names == sorted(names)  # by unit, A to Z, when the window opens
    fee = county_desk.COLUMNS.index("收费金额（万元）")
    desk.table.sortByColumn(fee, Qt.SortOrder.AscendingOrder)
    assert [desk.table.item(r, fee).text() for r in range(3)] == ["0.5", "9", "10"]
    desk.county.setText(" 海原县乡镇汇总 ")
    desk.county.editingFinished.emit()
    assert desk.desk is not None and desk.desk.summary.organization == "海原县乡镇汇总"
    assert load_settings().summary_name == "海原县乡镇汇总"  # the command line's default too
    again = CountyDesk(window, window)
    qtbot.addWidget(again)
    assert again.county.text() == "海原县乡镇汇总"


def test_another_year_is_summed_without_reading_the_files_again(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot, received: Path
) -> None:  # type: ignore[no-untyped-def]
    """Whether a report is of the year summed is for the summing to say: a new year reads again
    only a file that names no year (it is read as of the year summed)."""
    seed = shared_file("seed/guanqiao-2021.txt").read_text(encoding="utf-8")
    for year_said, without in (
        ("《海原县关桥乡人民政府 2021 年政府信息公开工作年度报告》", "本报告"),
        ("本报告统计数据从 2021 年 1 月 1 日至 12 月 31 日。", ""),
        ("2021 年政府信息公开工作年度报告", "政府信息公开工作年度报告"),  # the title
    ):
        assert year_said in seed
        seed = seed.replace(year_said, without)
    no_year = received / "5.txt"
    no_year.write_text(seed, encoding="utf-8")
    desk = CountyDesk(window, window)
    qtbot.addWidget(desk)
    desk.year.setValue(2021)
    desk.read(sorted(received.iterdir()))
    real_read = county_desk.read_unit
    calls: list[Path] = []

    def counted(path, *rest):  # type: ignore[no-untyped-def]
        calls.append(path)
        return real_read(path, *rest)

    monkeypatch.setattr(county_desk, "read_unit", counted)
    desk.year.setValue(2020)
    assert calls == [no_year]
    assert desk.desk is not None
    other_year = {
        unit.name: [p.message for p in unit.problems if p.rule == "E-year"]
        for unit in desk.desk.units
        if unit.report is not None
    }
    assert other_year == {
        **{name: ["这是 2021 年度的报告，不是 2020 年度的。"] for name in UNITS[:3]},
        UNITS[3]: [],  # the report of 2020
        "海原县关桥乡人民政府": [],  # read again as of 2020
    }
    desk.year.setValue(2021)
    assert calls == [no_year, no_year]
    assert [name for name, unit in _by_name(desk).items() if unit.other_year] == [UNITS[3]]


def _by_name(desk: CountyDesk) -> dict[str, county_desk.Unit]:
    assert desk.desk is not None
    return {unit.name: unit for unit in desk.desk.units if unit.report is not None}


def test_the_year_is_taken_from_the_files_when_they_agree(
    window: MainWindow, qtbot, received: Path
) -> None:  # type: ignore[no-untyped-def]
    desk = CountyDesk(window, window)
    qtbot.addWidget(desk)
    desk.year.setValue(2023)
    desk.read([received / "0.json", received / "1.xlsx"])  # both 2021
    assert desk.year.value() == 2021
    assert desk.desk is not None and desk.desk.year == 2021
    assert all(unit.status != "有错误" for unit in desk.desk.units)  # not taken for 2023's
    desk.read([received / "3.json"])  # a later file of 2020 changes nothing
    assert desk.year.value() == 2021


def test_an_unreadable_settings_file_is_said_once_and_left_alone(
    window: MainWindow, answers: Answers, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from model.paths import settings_file

    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text("{broken", "utf-8")
    desk = CountyDesk(window, window)
    qtbot.addWidget(desk)
    desk.county.setText("海原县乡镇汇总")
    desk.county.editingFinished.emit()
    desk.county.editingFinished.emit()  # the focus leaves the field again: nothing new to say
    assert len(answers.errors) == 1 and "设置文件无法读取" in answers.errors[0]
    assert settings_file().read_text("utf-8") == "{broken"
