"""What every dialog over the settings file shares (字体设置, 发布期限): the settings as loaded — or
the defaults, saying why, when the file cannot be read (saving then replaces it, at the user's
word) — the 保存 and 取消 buttons, and the saving."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QVBoxLayout, QWidget

from model.settings import Settings, SettingsError, load_settings, save_settings

from . import dialogs


class SettingsDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        try:
            self.settings = load_settings()
            self.warning = ""
        except SettingsError as error:
            self.settings = Settings()
            self.warning = f"{error}点“保存”会用这里的设置替换这个文件。"
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("保存")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def lay_out(self, *parts: QLayout | QWidget) -> None:
        """The dialog: why the file was not read (if so), ``parts``, the buttons."""
        layout = QVBoxLayout(self)
        if self.warning:
            problem = QLabel(self.warning)
            problem.setWordWrap(True)
            problem.setStyleSheet("color: #b00020;")
            layout.addWidget(problem)
        for part in parts:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addWidget(self.buttons)

    @Slot()
    def save(self) -> None:
        """保存: each dialog checks what it shows, then calls ``keep``."""
        raise NotImplementedError

    def keep(self, settings: Settings) -> None:
        """Write ``settings`` and close; a file that cannot be written is said, the dialog stays."""
        try:
            save_settings(settings)
        except OSError as error:
            dialogs.error(self, "无法保存设置", str(error))
            return
        self.settings = settings
        self.accept()
