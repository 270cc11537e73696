"""The dialogs around reports: 新建报告 / 复制, the review of rolled-forward years, the 回收站."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model.carry_over import Replacement
from model.checks.identity import FIRST_YEAR
from model.report import describe_text
from model.store.store import Store

from . import dialogs


def organization_and_year(
    store: Store, organization: str, year: int | None
) -> tuple[QComboBox, QSpinBox]:
    """The organization (the database's names offered, any typed) and the year, prefilled:
    last year's report when no year is given."""
    names = QComboBox()
    names.setEditable(True)
    names.addItems([org.name for org in store.organizations()])
    names.setCurrentText(organization)
    names.lineEdit().setPlaceholderText("机关全称，如：海原县关桥乡人民政府")
    names.setMinimumWidth(360)
    this_year = dt.date.today().year
    years = QSpinBox()
    years.setRange(FIRST_YEAR, this_year)
    years.setValue(year or this_year - 1)
    years.setSuffix(" 年度")
    return names, years


def ok_cancel(dialog: QDialog, ok: str) -> QDialogButtonBox:
    """The dialog's 确定 button, named for what it does, and 取消."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class NewReportDialog(QDialog):
    """Organization and year of a new report (or of a copy), and whether to carry last year over."""

    def __init__(
        self,
        store: Store,
        organization: str,
        year: int | None = None,
        *,
        copy_of: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(f"复制报告：{copy_of}" if copy_of else "新建报告")
        self.organization, self.year = organization_and_year(store, organization, year)
        self.inherit = QCheckBox("从上一年报告继承（上年结转、现行有效件数、文字）")
        self.inherit.setVisible(copy_of is None)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setMinimumWidth(360)
        form = QFormLayout()
        form.addRow("机关名称：", self.organization)
        form.addRow("报告年度：", self.year)
        form.addRow("", self.inherit)
        form.addRow("", self.note)
        self.buttons = ok_cancel(self, "创建")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.organization.currentTextChanged.connect(self._update)
        self.year.valueChanged.connect(self._update)
        self._update()

    def chosen(self) -> tuple[str, int, bool]:
        return self.organization.currentText().strip(), self.year.value(), self.inherit.isChecked()

    @Slot()
    def _update(self) -> None:
        name, year, _ = self.chosen()
        org_id = self.store.find_organization(name) if name else None
        exists = org_id is not None and self.store.find(org_id, year) is not None
        previous = org_id is not None and self.store.find(org_id, year - 1) is not None
        self.inherit.setEnabled(previous)
        self.inherit.setChecked(previous)
        if not name:
            note = "请填写机关名称。"
        elif exists:
            note = f"{name}的 {year} 年度报告已经存在，请在列表中打开它，或换一个年度。"
        elif previous:
            note = f"找到了 {year - 1} 年度报告，可以从它继承。"
        else:
            nearest = self.store.nearest(org_id, year) if org_id is not None else None
            contacts = f"（公开平台和联系方式取自 {nearest.year} 年度报告）" if nearest else ""
            note = (
                f"数据库中没有{name}的 {year - 1} 年度报告，将新建一份空白报告{contacts}。"
                f"第一次使用时，也可以先导入（文件 → 导入 Word…）或新建 {year - 1} 年度已发布的报告，"
                "再从它继承上年结转、现行有效件数和文字。"
            )
        self.note.setText(note)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(name) and not exists
        )
        self.adjustSize()  # the dialog grows with its note: the whole hint, never under the buttons


class IdentityDialog(QDialog):
    """The organization and year a published document does not say clearly, asked before it
    is imported, prefilled with what was found."""

    def __init__(
        self,
        store: Store,
        file_name: str,
        organization: str,
        year: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("请确认机关名称和年度")
        self.organization, self.year = organization_and_year(store, organization, year)
        note = QLabel(
            f"“{file_name}”的标题中没有写明"
            + "和".join(
                w for w, gone in (("机关名称", not organization), ("年度", year is None)) if gone
            )
            + "。请填写后导入；导入的内容会逐项列出，请再核对一遍。"
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("机关名称：", self.organization)
        form.addRow("报告年度：", self.year)
        self.buttons = ok_cancel(self, "导入")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.organization.currentTextChanged.connect(
            lambda name: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
                bool(name.strip())
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(organization))

    def chosen(self) -> tuple[str, int]:
        return self.organization.currentText().strip(), self.year.value()


def ask_identity(
    store: Store, file_name: str, organization: str, year: int | None, parent: QWidget | None
) -> tuple[str, int] | None:
    """The organization and year the user confirms, or None (cancelled)."""
    dialog = IdentityDialog(store, file_name, organization, year, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ReplacementsDialog(QDialog):
    """Every year rolled forward in the copied texts, for the user to review."""

    def __init__(self, replacements: list[Replacement], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("请核对：从上一年报告复制的文字中替换了这些年份")
        table = QTableWidget(len(replacements), 3)
        table.setHorizontalHeaderLabels(["位置", "替换", "所在句子（替换后）"])
        for row, item in enumerate(replacements):
            table.setItem(row, 0, QTableWidgetItem(describe_text(item.path)))
            table.setItem(row, 1, QTableWidgetItem(f"{item.old} → {item.new}"))
            table.setItem(row, 2, QTableWidgetItem(item.sentence))
        table.setColumnWidth(0, 140)
        table.setColumnWidth(1, 110)
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table = table
        note = QLabel(
            "文号〔〕和书名号《》中的年份没有改动。复制来的文字标为“待更新”（黄色），修改后标记自动消失。"
        )
        note.setWordWrap(True)
        close = QPushButton("知道了")
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(table)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(860, 420)


class TrashDialog(QDialog):
    """回收站: deleted reports, to restore or to delete for good."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.restored: list[int] = []
        self.setWindowTitle("回收站")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["机关", "年度", "删除时间"])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 300)
        restore = QPushButton("恢复")
        purge = QPushButton("彻底删除")
        close = QPushButton("关闭")
        restore.clicked.connect(self.restore_selected)
        purge.clicked.connect(self.purge_selected)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (restore, purge):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.resize(640, 360)
        self.refresh()

    def refresh(self) -> None:
        deleted = self.store.list_reports(deleted=True)
        self.table.setRowCount(len(deleted))
        for row, summary in enumerate(deleted):
            name = QTableWidgetItem(summary.report_name)
            name.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(str(summary.year)))
            self.table.setItem(
                row, 2, QTableWidgetItem((summary.deleted_at or "").replace("T", " "))
            )

    def _selected(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    @Slot()
    def restore_selected(self) -> None:
        report_id = self._selected()
        if report_id is None:
            return
        try:
            self.store.restore(report_id)
        except Exception as exc:
            dialogs.error(self, "无法恢复", str(exc))
            return
        self.restored.append(report_id)
        self.refresh()

    @Slot()
    def purge_selected(self) -> None:
        report_id = self._selected()
        if report_id is not None and dialogs.ask(
            self, "彻底删除", "彻底删除后无法恢复（除非从数据库备份恢复）。确定彻底删除这份报告吗？"
        ):
            self.store.purge(report_id)
            self.refresh()
