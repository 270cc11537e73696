"""字体设置: which font file each role of the PDF uses, saved in the settings file that the
command line reads too. A font that cannot be embedded is refused here, with the reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from model.settings import FONT_ROLES

from . import dialogs
from .settings_dialog import SettingsDialog

AUTOMATIC = "自动选择"
FONT_FILTER = "TrueType 字体 (*.ttf *.ttc);;所有文件 (*)"


class FontDialog(SettingsDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("字体设置", parent)
        from export.fonts import find_font_files  # reportlab only when this dialog opens

        found = sorted(str(path) for path in find_font_files().values())
        self.boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        for role, label in FONT_ROLES:
            box = QComboBox()
            box.setEditable(False)
            box.addItem(AUTOMATIC)
            box.addItems(found)
            chosen = self.settings.fonts.get(role)
            if chosen:
                if box.findText(chosen) < 0:
                    box.addItem(chosen)
                box.setCurrentText(chosen)
            browse = QPushButton("浏览…")
            browse.clicked.connect(lambda _=False, b=box: self._browse(b))
            row = QHBoxLayout()
            row.addWidget(box, stretch=1)
            row.addWidget(browse)
            form.addRow(f"{label}：", row)
            self.boxes[role] = box
        note = QLabel(
            "导出 PDF 时嵌入这些字体。“自动选择”按 仿宋/黑体/楷体（Windows）或文泉驿、文鼎（Linux）的顺序查找；"
            "某个字符缺字形时，自动改用其他字体显示。只能使用 TrueType 字体（.ttf、.ttc）。"
        )
        note.setWordWrap(True)
        self.lay_out(form, note)
        self.resize(720, 260)

    def _browse(self, box: QComboBox) -> None:
        chosen = dialogs.open_file(self, "选择字体文件", "", FONT_FILTER)
        if chosen:
            if box.findText(chosen) < 0:
                box.addItem(chosen)
            box.setCurrentText(chosen)

    @Slot()
    def save(self) -> None:
        """Check every chosen font can be embedded, then write the settings file."""
        from export.fonts import FontError, register

        settings = self.settings
        for role, box in self.boxes.items():
            path = None if box.currentText() == AUTOMATIC else box.currentText()
            if path is not None:
                try:
                    register(Path(path))
                except FontError as error:
                    dialogs.error(self, "字体不能使用", str(error))
                    return
            settings = settings.with_font(role, path)
        self.keep(settings)
