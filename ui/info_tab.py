"""基本信息: who reports, where it is published, whom to contact, the 落款 date, the preamble.

The preamble is generated from these fields and shown live; the user may override it, and
恢复默认 goes back to the generated one.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from model.checks.meta import meta_problem
from model.preamble import generated_preamble, report_title
from model.report import META_FIELDS

from .session import ReportSession
from .text_fields import BoundLineEdit, BoundTextEdit


class InfoTab(QWidget):
    def __init__(self, session: ReportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        report = session.report
        self.fields: dict[str, BoundLineEdit] = {}
        form = QFormLayout()
        self.fields["organization"] = BoundLineEdit(session, "organization")
        form.addRow("机关名称：", self.fields["organization"])
        self.year_label = QLabel(
            f"{report.year} 年度（如需改为其他年度，请在报告列表中“复制”为新年度）"
        )
        form.addRow("报告年度：", self.year_label)
        for key, label in META_FIELDS:
            field = BoundLineEdit(
                session, f"meta.{key}", validate=lambda t, k=key: meta_problem(k, t)
            )
            field.setPlaceholderText(_PLACEHOLDERS.get(key, ""))
            self.fields[f"meta.{key}"] = field
            form.addRow(f"{label}：", field)
        self.signed_auto = QCheckBox("自动（已发布的用发布日期，否则用导出当天的日期）")
        self.signed_on = QDateEdit()
        self.signed_on.setCalendarPopup(True)
        self.signed_on.setDisplayFormat("yyyy年M月d日")
        signed = QHBoxLayout()
        signed.addWidget(self.signed_on)
        signed.addWidget(self.signed_auto)
        signed.addStretch()
        form.addRow("落款日期：", signed)
        self.status_label = QLabel()
        form.addRow("状态：", self.status_label)

        preamble_box = QGroupBox("前言（报告开头的说明）")
        self.override = QCheckBox("自定义前言")
        self.restore = QPushButton("恢复默认")
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.editor = BoundTextEdit(session, "texts.preamble")
        row = QHBoxLayout()
        row.addWidget(self.override)
        row.addStretch()
        row.addWidget(self.restore)
        box = QVBoxLayout(preamble_box)
        box.addLayout(row)
        box.addWidget(self.preview)
        box.addWidget(self.editor)

        layout = QVBoxLayout(self)
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        layout.addWidget(self.title_label)
        layout.addLayout(form)
        layout.addWidget(preamble_box, stretch=1)

        self.override.toggled.connect(self._override_toggled)
        self.restore.clicked.connect(self._restore_default)
        self.signed_auto.toggled.connect(self._signed_changed)
        self.signed_on.dateChanged.connect(self._signed_changed)
        session.changed.connect(self._refresh)
        self._refresh()

    def commit(self) -> None:
        """Commit what is being typed (on tab switch, close, export)."""
        for field in self.fields.values():
            field.commit()
        self.editor.commit()

    @Slot()
    def _refresh(self, _path: str = "*") -> None:
        report = self.session.report
        self.title_label.setText(report_title(report))
        custom = report.texts.preamble is not None
        for widget, value in (
            (self.override, custom),
            (self.signed_auto, report.signed_on is None),
        ):
            widget.blockSignals(True)
            widget.setChecked(value)
            widget.blockSignals(False)
        self.preview.setPlainText(generated_preamble(report))
        self.preview.setVisible(not custom)
        self.editor.setVisible(custom)
        self.restore.setEnabled(custom and not self.session.read_only)
        self.override.setEnabled(not self.session.read_only)
        self.signed_auto.setEnabled(not self.session.read_only)
        self.signed_on.blockSignals(True)
        self.signed_on.setDate(_qdate(report.signed_on or dt.date.today()))
        self.signed_on.blockSignals(False)
        self.signed_on.setEnabled(report.signed_on is not None and not self.session.read_only)
        published = report.published_on.isoformat() if report.published_on else ""
        self.status_label.setText(f"{report.status.label} {published}".strip())

    @Slot(bool)
    def _override_toggled(self, on: bool) -> None:
        if on:
            self.session.set_field(
                "texts.preamble", generated_preamble(self.session.report), "自定义前言"
            )
        else:
            self._restore_default()

    @Slot()
    def _restore_default(self) -> None:
        self.session.set_field("texts.preamble", None, "恢复默认前言")

    @Slot()
    def _signed_changed(self) -> None:
        if self.signed_auto.isChecked():
            self.session.set_field("signed_on", "", "落款日期")
        else:
            self.session.set_field(
                "signed_on", self.signed_on.date().toPython().isoformat(), "落款日期"
            )


_PLACEHOLDERS = {
    "portal_name": "如：海原县人民政府网",
    "portal_url": "如：http://www.hy.gov.cn/",
    "contact_office": "如：海原县关桥乡政务公开办公室",
    "postcode": "6 位数字",
    "phone": "如：0955-8531355",
}


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)
