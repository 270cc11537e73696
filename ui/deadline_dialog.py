"""报告 → 发布期限…: the day of the next year by which a report must be published. 《条例》 says
1月31日; a county may ask its townships for an earlier day. The checks (W-deadline), in the window,
the county's desk and the command line, all read it from the settings file."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from model.settings import Settings, deadline_refusal

from . import dialogs
from .settings_dialog import SettingsDialog


class DeadlineDialog(SettingsDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("发布期限", parent)
        self.month, self.day = QSpinBox(), QSpinBox()
        self.month.setRange(1, 12)
        self.day.setRange(1, 31)
        self.month.setValue(self.settings.deadline_month)
        self.day.setValue(self.settings.deadline_day)
        row = QHBoxLayout()
        for widget in (
            QLabel("报告应在次年"),
            self.month,
            QLabel("月"),
            self.day,
            QLabel("日前发布"),
        ):
            row.addWidget(widget)
        row.addStretch(1)
        note = QLabel(
            "《政府信息公开条例》规定每年 1 月 31 日前公布上一年度的年度报告；县里要求更早报送的，"
            "可以改为县里规定的日期。报告没有标记为已发布、又过了这一天时，检查结果中会有警告。"
        )
        note.setWordWrap(True)
        restore = self.buttons.addButton("恢复为 1 月 31 日", QDialogButtonBox.ButtonRole.ResetRole)
        restore.clicked.connect(self._restore)
        self.lay_out(row, note)
        self.setMinimumWidth(460)

    @Slot()
    def _restore(self) -> None:
        self.month.setValue(Settings.deadline_month)
        self.day.setValue(Settings.deadline_day)

    @Slot()
    def save(self) -> None:
        month, day = self.month.value(), self.day.value()
        refusal = deadline_refusal(month, day)
        if refusal is not None:
            dialogs.error(self, "日期不正确", refusal)
            return
        self.keep(replace(self.settings, deadline_month=month, deadline_day=day))
