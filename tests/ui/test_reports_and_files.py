"""新建报告 with carry-over, 复制, 机关改名, the data package and database backups from the menus,
and the 基本信息 and 一 tabs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from model.paths import data_dir
from model.preamble import preamble
from model.report import Status
from ui import dialogs, report_dialogs
from ui.info_tab import InfoTab
from ui.main_window import MainWindow
from ui.text_tabs import OverviewTab

from .conftest import Answers, open_sample_report, ref, table_tab


@pytest.fixture
def dialog_answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Fill the new-report dialog as a user would, and record the replacements shown."""
    given: dict[str, object] = {"organization": "海原县关桥乡人民政府", "year": 2022, "shown": None}

    def accept(dialog: report_dialogs.NewReportDialog) -> int:
        dialog.organization.setCurrentText(str(given["organization"]))
        dialog.year.setValue(int(given["year"]))  # type: ignore[call-overload]
        given["inherit_enabled"] = dialog.inherit.isEnabled()
        given["note"] = dialog.note.text()
        return QDialog.DialogCode.Accepted.value

    def review(dialog: report_dialogs.ReplacementsDialog) -> int:
        given["shown"] = dialog.table.rowCount()
        return 0

    monkeypatch.setattr(report_dialogs.NewReportDialog, "exec", accept)
    monkeypatch.setattr(report_dialogs.ReplacementsDialog, "exec", review)
    return given


def test_new_report_carries_last_year_over(
    window: MainWindow, dialog_answers: dict[str, object]
) -> None:
    open_sample_report(window)
    last = window.session
    assert last is not None
    last.set_cells(
        {
            ref("applications", "new_requests", "natural_person"): 3,
            ref("applications", "disclosed", "natural_person"): 1,
            ref("applications", "carried_forward", "natural_person"): 2,
            ref("proactive", "normative_documents", "in_force"): 5,
        }
    )
    window.report_actions.new_report()
    session = window.session
    assert session is not None and session.report.year == 2022
    assert dialog_answers["inherit_enabled"] is True
    assert session.report.value(ref("applications", "carried_over", "natural_person")) == 2
    assert ref("applications", "carried_over", "natural_person") in session.report.carried
    assert session.report.texts.problems.startswith("2022年")
    assert "texts.problems" in session.report.pending_texts
    problems_page = window.editor.pages["problems"]  # type: ignore[union-attr]
    window.editor.setCurrentWidget(problems_page)  # type: ignore[union-attr]
    assert problems_page.editor.banner.isVisible()  # type: ignore[attr-defined]
    session.set_field("texts.problems", "2022年，新写的问题和改进。")
    assert not problems_page.editor.banner.isVisible()  # type: ignore[attr-defined]
    assert "texts.problems" not in session.report.pending_texts
    assert isinstance(dialog_answers["shown"], int) and dialog_answers["shown"] > 0
    # 现行有效件数 follows this year's 制发 while it is still last year's proposal.
    session.set_cells({ref("proactive", "normative_documents", "issued"): 2})
    assert session.report.value(ref("proactive", "normative_documents", "in_force")) == 7
    session.set_cells({ref("proactive", "normative_documents", "in_force"): 6})
    session.set_cells({ref("proactive", "normative_documents", "issued"): 3})
    assert session.report.value(ref("proactive", "normative_documents", "in_force")) == 6
    assert [s.year for s in window.database.store.list_reports()] == [2022, 2021]


def test_new_report_without_last_year_says_so(
    window: MainWindow, dialog_answers: dict[str, object]
) -> None:
    dialog_answers["organization"] = "某县某镇人民政府"
    window.report_actions.new_report()
    assert dialog_answers["inherit_enabled"] is False
    assert "没有某县某镇人民政府的 2021 年度报告" in str(dialog_answers["note"])
    assert "先导入（文件 → 导入 Word…）或新建 2021 年度已发布的报告" in str(dialog_answers["note"])
    assert window.session is not None and window.session.report.organization == "某县某镇人民政府"
    assert window.session.report.texts.overview.subsections[0].title == "主动公开情况"


def test_a_new_report_without_last_year_keeps_the_offices_portal_and_contacts(
    window: MainWindow, dialog_answers: dict[str, object]
) -> None:
    """No 2024 report to inherit from, but the office's 2021 one: its portal, contact office,
    address, 邮编 and telephone seldom change, and are the new report's; nothing else is."""
    open_sample_report(window)
    assert window.session is not None
    sample = window.session.report
    assert sample.meta["phone"] == "0955-8531355"
    dialog_answers["year"] = 2025
    window.report_actions.new_report()
    assert "将新建一份空白报告（公开平台和联系方式取自 2021 年度报告）" in str(
        dialog_answers["note"]
    )
    report = window.session.report
    assert report.year == 2025 and report.meta == sample.meta
    assert not report.carried and not report.texts.problems and not any(report.values.values())
    assert "海原县人民政府网（http://www.hy.gov.cn/）公布" in preamble(report)


def test_copy_and_rename_organization(
    window: MainWindow, answers: Answers, dialog_answers: dict[str, object]
) -> None:
    open_sample_report(window)
    dialog_answers["year"] = 2023
    window.report_actions.copy_report()
    assert window.session is not None and window.session.report.year == 2023
    assert window.session.report.texts.other == "无其他需要报告的事项。"
    answers.texts.append("海原县关桥镇人民政府")
    window.report_actions.rename_organization()
    assert (
        window.session is not None and window.session.report.organization == "海原县关桥镇人民政府"
    )
    top = window.report_list.tree.topLevelItem(0)
    assert top.text(0) == "海原县关桥镇人民政府" and "海原县关桥乡人民政府" in top.toolTip(0)
    window.report_list.search.setText("关桥乡")  # former names are found too
    assert not top.isHidden()
    window.report_list.search.setText("城关镇")
    assert top.isHidden()


def test_export_and_import_the_data_package(
    window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    open_sample_report(window)
    assert window.session is not None
    window.session.set_cells(
        {ref("proactive", "fees", "amount"): __import__("decimal").Decimal("0.035")}
    )
    target = tmp_path / "导出 的 报告.json"
    answers.files.append(str(target))
    window.file_actions.export_package()
    assert json.loads(target.read_text("utf-8"))["tables"]["proactive"]["fees"]["amount"] == "0.035"
    # Import over the existing report: asked first, the old one goes to the 回收站.
    data = json.loads(target.read_text("utf-8"))
    data["texts"]["other"] = "导入的文字。"
    target.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    answers.files.append(str(target))
    window.file_actions.import_package()
    assert any("用导入的内容替换它吗" in q for q in answers.asked)
    assert window.session is not None and window.session.report.texts.other == "导入的文字。"
    assert len(window.database.store.list_reports(deleted=True)) == 1


def test_a_bad_data_package_is_refused_naming_the_path(
    window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "gov-info-annual-report", "tables": {"applications": {"x": {}}}}', "utf-8"
    )
    answers.files.append(str(bad))
    window.file_actions.import_package()
    assert "tables.applications.x" in answers.errors[0]
    assert window.database.store.list_reports() == []


def test_backup_and_restore_from_the_menu(
    window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    open_sample_report(window)
    copy = tmp_path / "备份.sqlite3"
    answers.files.append(str(copy))
    window.file_actions.backup_database()
    assert copy.exists()
    window.report_actions.delete_report()
    assert window.database.store.list_reports() == []
    answers.files.append(str(copy))
    window.file_actions.restore_backup()
    assert [s.year for s in window.database.store.list_reports()] == [2021]
    assert list(window.database.path.parent.glob("*.before-restore-*.sqlite3"))


def test_info_tab_validates_and_the_preamble_follows(window: MainWindow) -> None:
    open_sample_report(window)
    assert window.editor is not None and window.session is not None
    info = window.editor.pages["info"]
    assert isinstance(info, InfoTab)
    postcode = info.fields["meta.postcode"]
    postcode.setText("75520")
    postcode.textEdited.emit("75520")
    assert postcode.problem == "邮编应为 6 位数字。"
    postcode.commit()
    assert window.session.report.meta["postcode"] == "75520"  # kept, never lost, and marked
    portal = info.fields["meta.portal_name"]
    portal.setText("海原县政府网")
    portal.commit()
    assert "海原县政府网（http://www.hy.gov.cn/）" in info.preview.toPlainText()
    info.override.setChecked(True)
    assert window.session.report.texts.preamble is not None and info.editor.isVisible()
    info.restore.click()
    assert window.session.report.texts.preamble is None
    info.signed_auto.setChecked(False)
    assert window.session.report.signed_on is not None


def test_sub_sections_can_be_added_moved_renamed_removed_and_undone(
    window: MainWindow, answers: Answers
) -> None:
    open_sample_report(window)
    assert window.editor is not None and window.session is not None
    page = window.editor.pages["overview"]
    assert isinstance(page, OverviewTab)
    answers.texts.append("工作考核")
    page.add()
    titles = lambda: [s.title for s in window.session.report.texts.overview.subsections]  # noqa: E731
    assert titles()[-1] == "工作考核" and page.list.count() == 6
    page.move_up()
    assert titles()[4:] == ["工作考核", "监督保障"]
    answers.texts.append("考核情况")
    page.rename()
    assert titles()[4] == "考核情况"
    page.remove()
    assert len(titles()) == 5
    for _ in range(4):
        window.undo()
    assert titles() == ["主动公开情况", "依申请公开情况", "政府信息管理", "平台建设", "监督保障"]
    assert page.list.item(4).text() == "（五）监督保障"
    table_tab(window, "applications")  # switching tabs commits and keeps everything


def test_trash_dialog_restores_and_purges(window: MainWindow, answers: Answers) -> None:
    open_sample_report(window)
    window.report_actions.delete_report()
    dialog = report_dialogs.TrashDialog(window.database.store, window)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "2021"
    dialog.table.setCurrentCell(0, 0)
    dialog.restore_selected()
    assert dialog.table.rowCount() == 0 and len(window.database.store.list_reports()) == 1
    window.open_report(window.database.store.list_reports()[0].id)
    window.report_actions.delete_report()
    dialog.refresh()
    dialog.table.setCurrentCell(0, 0)
    dialog.purge_selected()
    assert "彻底删除后无法恢复" in answers.asked[-1]
    assert window.database.store.list_reports(deleted=True) == []


def test_open_another_database_from_the_menu(
    window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    open_sample_report(window)
    other = tmp_path / "另一个.sqlite3"
    answers.files.append(str(other))
    window.file_actions.open_other_database()
    assert window.database.path == other and window.session is None
    assert window.report_list.tree.topLevelItemCount() == 0


def test_check_from_the_menu_reports_the_count(window: MainWindow) -> None:
    open_sample_report(window)
    assert window.session is not None
    window.session.report.texts.other = ""  # as if typed and not yet rechecked
    window.check()
    assert [p.rule for p in window.session.problems] == ["E-section", "W-deadline"]
    assert window.statusBar().currentMessage() == "检查完毕：2 个问题。"


def test_export_excel_from_the_menu_asks_for_a_draft_and_offers_the_folder(
    window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    import openpyxl

    open_sample_report(window)
    assert window.session is not None
    window.session.set_cells({ref("applications", "new_requests", "research"): 1})
    target = tmp_path / "导出.xlsx"
    answers.files.append(str(target))
    window.file_actions.export_excel()
    assert "仍要继续吗" in answers.asked[0] and "打开所在的文件夹" in answers.asked[1]
    assert answers.asked[2] == f"打开 {tmp_path}"
    assert openpyxl.load_workbook(target)["报告正文"].oddHeader.center.text == "草稿"
    answers.yes = False  # the clerk declines the draft: nothing is written
    answers.files.append(str(tmp_path / "不要.xlsx"))
    window.file_actions.export_excel()
    assert not (tmp_path / "不要.xlsx").exists()


def test_import_excel_from_the_menu(window: MainWindow, answers: Answers, tmp_path: Path) -> None:
    from tests.export.workbooks import hand_made

    answers.files.append(str(hand_made(tmp_path / "手工.xlsx")))
    answers.yes = False  # not published: imported as a draft, to be edited
    window.file_actions.import_excel()
    assert window.session is not None and window.session.report.status is Status.DRAFT
    assert any("它是已经公开发布的报告吗" in said for said in answers.asked)
    assert window.session.report.value(ref("proactive", "licensing", "decisions")) == 12
    assert any("请在程序中填写" in said for said in answers.asked)  # told what was not imported
    bad = hand_made(tmp_path / "坏.xlsx", values={"(七)总计": [2, 1, 0, 0, 0, 0, 9]})
    answers.files.append(str(bad))
    window.file_actions.import_excel()
    assert "Sheet1!J48" in answers.errors[0] and "数据库没有任何改动" in answers.errors[0]
    assert len(window.database.store.list_reports()) == 1


def test_last_years_word_report_is_imported_and_inherited_from(
    window: MainWindow, answers: Answers, dialog_answers: dict[str, object], tmp_path: Path
) -> None:
    from tests.export.documents import hand_made_docx

    answers.files.append(str(hand_made_docx(tmp_path / "2021年报.docx")))
    window.actions_by_name["import_docx"].trigger()  # the clerk confirms it was published
    assert window.session is not None and window.session.report.year == 2021
    assert any("已从 Word 文档读取" in said and "请逐项核对" in said for said in answers.asked)
    assert any("它是已经公开发布的报告吗" in said for said in answers.asked)
    last = window.session.report
    assert last.status is Status.PUBLISHED and last.published_on == dt.date(2022, 1, 20)
    assert last.id is not None
    assert [event for _, event in window.database.store.events(last.id)] == ["导入时标记为已发布"]
    window.report_actions.new_report()  # 2022, from the imported 2021 report
    assert dialog_answers["inherit_enabled"] is True
    report = window.session.report
    assert report.year == 2022
    assert report.value(ref("applications", "carried_over", "natural_person")) == 1
    assert report.texts.overview.subsections[0].title == "主动公开情况"
    broken = tmp_path / "旧.docx"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    answers.files.append(str(broken))
    window.actions_by_name["import_docx"].trigger()
    assert "旧版 Word（.doc）" in answers.errors[-1] and "数据库没有任何改动" in answers.errors[-1]
    assert len(window.database.store.list_reports()) == 2


def test_export_pdf_and_print_from_the_menu(
    window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    open_sample_report(window)
    target = tmp_path / "报告.pdf"
    answers.files.append(str(target))
    window.file_actions.export_pdf()
    assert target.read_bytes().startswith(b"%PDF")
    window.file_actions.print_report()
    printed = Path(answers.asked[-1].removeprefix("打开文件 "))
    assert (
        printed.name == "海原县关桥乡人民政府2021年政府信息公开工作年度报告.pdf"
        and printed.exists()
    )


def test_a_font_problem_is_told_and_nothing_written(
    window: MainWindow, answers: Answers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from export import fonts

    monkeypatch.setattr(fonts, "font_folders", lambda: [tmp_path / "no-fonts"])
    open_sample_report(window)
    target = tmp_path / "报告.pdf"
    answers.files.append(str(target))
    window.file_actions.export_pdf()
    assert "找不到可以嵌入 PDF 的中文字体" in answers.errors[0]
    assert not target.exists()


def test_font_settings_are_saved_for_window_and_command_line(
    window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    from model.settings import load_settings
    from ui.font_dialog import AUTOMATIC, FontDialog

    dialog = FontDialog(window)
    kai = "/usr/share/fonts/truetype/arphic/ukai.ttc"
    if dialog.boxes["body"].findText(kai) < 0:
        pytest.skip("AR PL UKai is not installed here")
    dialog.boxes["body"].setCurrentText(kai)
    dialog.save()
    assert load_settings().fonts == {"body": kai}
    otf = tmp_path / "NotoSansCJK.otf"
    otf.write_bytes(b"OTTO\x00\x0a\x00\x80\x00\x03\x00\x20" + b"\x00" * 2000)
    answers.files.append(str(otf))
    dialog = FontDialog(window)
    dialog._browse(dialog.boxes["title"])
    dialog.save()
    assert "CFF（PostScript）轮廓" in answers.errors[0]
    assert load_settings().fonts == {"body": kai}  # nothing saved from the refused choice
    dialog.boxes["title"].setCurrentText(AUTOMATIC)
    dialog.boxes["body"].setCurrentText(AUTOMATIC)
    dialog.save()
    assert load_settings().fonts == {}


def test_the_publication_deadline_is_set_from_the_menu(
    window: MainWindow, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    """报告 → 发布期限…: a county's earlier day is saved for the window, the desk and the command
    line, and the open report is checked against it at once; an impossible day is refused."""
    from model.settings import load_settings
    from ui.deadline_dialog import DeadlineDialog

    open_sample_report(window)

    def deadline_message() -> str:
        assert window.session is not None
        (problem,) = [p for p in window.session.problems if p.rule == "W-deadline"]
        return problem.message

    assert "应在 2022年1月31日前公开发布" in deadline_message()

    def answer(dialog: DeadlineDialog) -> int:
        assert (dialog.month.value(), dialog.day.value()) == (1, 31)
        dialog.month.setValue(4)
        dialog.day.setValue(31)
        dialog.save()  # refused: stays open
        assert dialog.result() != QDialog.DialogCode.Accepted.value
        dialog.month.setValue(1)
        dialog.day.setValue(20)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(DeadlineDialog, "exec", answer)
    window.actions_by_name["deadline"].trigger()
    assert answers.errors == ["4 月没有 31 日。"]
    assert (load_settings().deadline_month, load_settings().deadline_day) == (1, 20)
    assert "应在 2022年1月20日前公开发布" in deadline_message()
    shown_in_panel = [window.checks.tree.item(i).text() for i in range(window.checks.tree.count())]
    assert any("2022年1月20日" in text for text in shown_in_panel)
    monkeypatch.setattr(DeadlineDialog, "exec", lambda dialog: dialog._restore() or 0)
    window.actions_by_name["deadline"].trigger()  # 恢复, then 取消: nothing saved
    assert load_settings().deadline_day == 20


def test_a_settings_dialog_over_a_broken_file_says_so_and_replaces_it_only_on_save(
    window: MainWindow,
) -> None:
    from PySide6.QtWidgets import QLabel

    from model.paths import settings_file
    from model.settings import load_settings
    from ui.deadline_dialog import DeadlineDialog

    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text("{broken", "utf-8")
    dialog = DeadlineDialog(window)
    said = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "已损坏" in said and "点“保存”会用这里的设置替换这个文件" in said
    dialog.reject()
    assert settings_file().read_text("utf-8") == "{broken"  # 取消: untouched
    dialog = DeadlineDialog(window)
    dialog.day.setValue(25)
    dialog.save()
    assert load_settings().deadline_day == 25


def test_export_word_from_the_menu(window: MainWindow, answers: Answers, tmp_path: Path) -> None:
    from docx import Document

    open_sample_report(window)
    target = tmp_path / "报告.docx"
    answers.files.append(str(target))
    window.file_actions.export_word()
    assert (
        Document(str(target)).paragraphs[0].text
        == "海原县关桥乡人民政府2021年政府信息公开工作年度报告"
    )


def drag(*paths: Path) -> tuple[QDragEnterEvent, QDropEvent, QMimeData]:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    where, action = QPointF(600, 400), Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    entering = QDragEnterEvent(where.toPoint(), action, data, buttons, keys)
    return entering, QDropEvent(where, action, data, buttons, keys), data


def test_a_word_report_dropped_on_the_window_is_imported(
    window: MainWindow,
    answers: Answers,
    qtbot,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from tests.export.documents import hand_made_docx

    open_sample_report(window)  # a text field under the drop would take the path as text
    window.editor.setCurrentIndex(1)  # type: ignore[union-attr]
    sample = window.session.report  # type: ignore[union-attr]
    sample_id, intro = sample.id or 0, sample.texts.overview.intro
    document = hand_made_docx(tmp_path / "2021年报.docx")
    handle = window.windowHandle()
    entering, dropping, _ = drag(document)
    QApplication.sendEvent(handle, entering)  # as the system delivers it: to the window
    assert entering.isAccepted()
    QApplication.sendEvent(handle, dropping)
    # The import runs once the drop has returned; it replaces the sample (moved to the 回收站).
    qtbot.waitUntil(lambda: window.session is not None and window.session.report.id != sample_id)
    assert window.session.report.signed_on == dt.date(2022, 1, 20)  # the Word report's
    assert window.database.store.load(sample_id).texts.overview.intro == intro  # untouched
    # Not taken: two files at once, or a file of another kind.
    for paths in ((document, document), (tmp_path / "照片.jpg",)):
        entering, dropping, _ = drag(*paths)
        assert not window.drops.eventFilter(handle, entering)
    assert len(window.database.store.list_reports()) == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("旧报告.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504),  # an old binary workbook
        ("报告.docx", b"PK\x05\x06" + b"\0" * 18),  # an empty zip, not a Word document
        ("报告.json", '{"format": "gov-info-annual-report", "year": "二〇二一"}'.encode()),
        ("报告.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504),  # no reader at all
    ],
)
def test_a_refused_file_says_the_same_in_the_window_and_on_the_command_line(
    window: MainWindow,
    answers: Answers,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
) -> None:
    from cli.commands import convert

    source = tmp_path / name
    source.write_bytes(content)
    assert convert(str(source), str(tmp_path / "out.json")) == 2
    said = [line.strip() for line in capsys.readouterr().err.splitlines()[1:] if line.strip()]
    window.file_actions.import_file(source)
    assert said and len(answers.errors) == 1
    shown = answers.errors[0]
    assert all(line in shown for line in said), (said, shown)
    assert window.database.store.list_reports() == []


def test_the_new_report_dialog_shows_its_whole_hint_and_starts_from_the_open_report(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_sample_report(window)
    seen: dict[str, object] = {}

    def look(dialog: report_dialogs.NewReportDialog) -> int:
        seen["organization"] = dialog.organization.currentText()
        dialog.show()  # with the short hint of a known organization, then the longest one
        QApplication.processEvents()
        dialog.organization.setCurrentText("某县某镇人民政府")  # no last year: the longest hint
        QApplication.processEvents()
        note, buttons = dialog.note, dialog.buttons
        seen["fits"] = note.height() >= note.heightForWidth(note.width())
        seen["clear"] = note.geometry().bottom() < buttons.geometry().top()
        seen["inside"] = dialog.rect().contains(buttons.geometry())
        dialog.grab().save(str(Path(data_dir()) / "new-report.png"))
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(report_dialogs.NewReportDialog, "exec", look)
    window.report_actions.new_report()
    assert seen == {
        "organization": "海原县关桥乡人民政府",
        "fits": True,
        "clear": True,
        "inside": True,
    }


def test_the_welcome_page_imports_last_years_report(
    window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    from export.files import write_report_file
    from tests.helpers import sample_report

    source = tmp_path / "2021年报.xlsx"
    write_report_file(sample_report(), source)
    answers.files.append(str(source))
    assert window.welcome.import_previous.isVisible()
    window.welcome.import_previous.click()
    assert window.session is not None and window.session.report.year == 2021


def test_printing_without_a_pdf_viewer_says_what_to_do_and_the_print_folder_goes(
    window: MainWindow, answers: Answers
) -> None:
    open_sample_report(window)
    answers.viewer = False
    window.file_actions.print_report()
    assert "没有可以打开 .pdf 文件的程序" in answers.errors[-1]
    (folder,) = window.file_actions.print_folders
    assert any(folder.iterdir())  # the PDF is kept while the program runs: it may be printing
    window.close()
    assert not folder.exists()


def test_exports_honour_the_umask_and_dialogs_start_in_documents(
    window: MainWindow, answers: Answers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from model import atomic

    monkeypatch.setattr(atomic, "_UMASK", 0o022)
    open_sample_report(window)
    started: list[str] = []
    monkeypatch.setattr(
        dialogs,
        "save_file",
        lambda parent, title, start, filter: started.append(start) or str(tmp_path / "r.xlsx"),
    )
    window.file_actions.export_excel()
    assert Path(started[0]).parent == Path(dialogs.documents_folder())
    assert os.stat(tmp_path / "r.xlsx").st_mode & 0o777 == 0o644  # not mkstemp's 0600


def test_a_copy_of_the_sample_is_a_report_of_ones_own(
    window: MainWindow, dialog_answers: dict[str, object]
) -> None:
    window.report_actions.open_sample()
    assert window.session is not None and window.session.sample
    window.report_actions.copy_report()  # the dialog answers 海原县关桥乡人民政府, 2022
    session = window.session
    assert session is not None and not session.read_only and session.report.year == 2022
    assert [r.year for r in window.database.store.list_reports()] == [2022]


@pytest.mark.parametrize(
    ("name", "save_as"),
    [
        ("去年.doc", "Word 文档（.docx）"),
        ("去年.wps", "Word 文档（.docx）"),
        ("去年.xls", "Excel 工作簿（.xlsx）"),
        ("去年.et", "Excel 工作簿（.xlsx）"),
    ],
)
def test_an_old_format_is_listed_taken_from_a_drop_and_told_what_to_do(
    window: MainWindow,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    name: str,
    save_as: str,
) -> None:
    """A clerk choosing last year's .doc sees it in the dialog (not an empty folder), and a
    .wps dropped on the window is taken: both get the message that says how to convert it."""
    offered: list[str] = []
    monkeypatch.setattr(
        dialogs, "open_file", lambda parent, title, folder, kinds: offered.append(kinds)
    )
    window.file_actions.import_any()
    window.file_actions.import_word() if save_as.startswith(
        "Word"
    ) else window.file_actions.import_excel()
    suffix = Path(name).suffix
    assert all(f"*{suffix}" in kinds for kinds in offered), offered
    source = tmp_path / name
    source.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    entering, _, _ = drag(source)
    assert window.drops.eventFilter(window.windowHandle(), entering)
    window.file_actions.import_file(source)
    assert "另存为" in answers.errors[-1] and save_as in answers.errors[-1]
    assert window.database.store.list_reports() == []


def test_a_document_whose_title_lacks_the_name_asks_for_it_prefilled(
    window: MainWindow, answers: Answers, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.export.documents import hand_made_docx

    nameless = hand_made_docx(tmp_path / "无名.docx", title=("2021年政府信息公开工作年度报告",))
    asked: list[tuple[str, str, int | None]] = []

    def ask(store, file_name, organization, year, parent):  # type: ignore[no-untyped-def]
        asked.append((file_name, organization, year))
        return None  # 取消

    monkeypatch.setattr(report_dialogs, "ask_identity", ask)
    window.file_actions.import_file(nameless)
    assert asked == [("无名.docx", "", 2021)]
    assert window.database.store.list_reports() == []  # cancelled: nothing imported
    monkeypatch.setattr(report_dialogs, "ask_identity", lambda *a: ("海原县关桥乡人民政府", 2021))
    window.file_actions.import_file(nameless)
    assert window.session is not None
    assert window.session.report.organization == "海原县关桥乡人民政府"


def test_the_identity_dialog_needs_a_name_and_offers_the_known_ones(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    open_sample_report(window)
    dialog = report_dialogs.IdentityDialog(window.database.store, "无名.docx", "", 2021, window)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled() and "机关名称" in dialog.findChildren(QLabel)[0].text()
    assert dialog.organization.findText("海原县关桥乡人民政府") >= 0
    dialog.organization.setCurrentText("海原县关桥乡人民政府")
    assert ok.isEnabled() and dialog.chosen() == ("海原县关桥乡人民政府", 2021)


def test_a_report_copied_from_a_web_page_is_pasted(
    window: MainWindow, answers: Answers, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """编辑 → 粘贴报告, and Ctrl+V on the welcome page: the browser's HTML of the selection (its
    plain text is read only where it has no HTML: tests/export/test_text_import.py)."""
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication

    from tests.export.documents import hand_made_docx
    from tests.export.office import office_convert

    page = office_convert(hand_made_docx(tmp_path / "关桥乡.docx"), "html", tmp_path / "html")
    clipboard = QGuiApplication.clipboard()
    text_only = QMimeData()
    text_only.setText("海原县关桥乡人民政府2021年政府信息公开工作年度报告\n一、总体情况")
    clipboard.setMimeData(text_only)
    window.actions_by_name["paste_report"].trigger()
    assert "没有复制的报告" in answers.errors[-1] and window.database.store.list_reports() == []
    copied = QMimeData()
    copied.setHtml(page.read_text("utf-8"))
    copied.setText("（纯文本）")
    clipboard.setMimeData(copied)
    assert window.stack.currentWidget() is window.welcome
    window.actions_by_name["paste_cells"].trigger()  # what Ctrl+V does
    qtbot.waitUntil(lambda: window.session is not None)
    report = window.session.report  # type: ignore[union-attr]
    assert (report.organization, report.year) == ("海原县关桥乡人民政府", 2021)
    assert any("已从复制的网页读取" in text for text in answers.asked)
    from tests.export.test_text_import import as_copied

    plain = QMimeData()
    plain.setText(as_copied(page.read_text("utf-8")))  # a browser's plain text only
    clipboard.setMimeData(plain)
    window.actions_by_name["paste_report"].trigger()  # replaces the report pasted before
    assert any("已从复制的文字读取" in text for text in answers.asked)
    assert window.session is not None and window.session.report.year == 2021
    from tests.real.chromium_copies import HERE, copied_report

    chromium = QMimeData()  # what Chromium really copies: one cell a line, no tab at all
    chromium.setText((HERE / "chromium-word-page.txt").read_text("utf-8"))
    assert "\t" not in chromium.text()
    clipboard.setMimeData(chromium)
    errors = len(answers.errors)
    window.actions_by_name["paste_report"].trigger()
    assert len(answers.errors) == errors  # not “没有复制的报告”, as when a tab was required
    assert window.session is not None
    assert window.session.report.values == copied_report().values
