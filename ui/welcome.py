"""What a first run shows instead of an empty grey window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from model import APP_TITLE
from model.format.format_2021 import NOTICE


class WelcomePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(f"欢迎使用{APP_TITLE}")
        title.setStyleSheet("font-size: 22pt; font-weight: bold;")
        text = QLabel(
            f"按《政府信息公开工作年度报告格式》（{NOTICE}）编制本机关的年度报告：\n"
            "表格按规定格式排版，合计自动计算，所有问题逐项列出，每次修改立即保存。"
        )
        text.setStyleSheet("font-size: 11pt; color: #444;")
        text.setWordWrap(True)  # a narrow window (a laptop at 150 %) wraps it, not widens
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_report = QPushButton("新建报告")
        self.import_previous = QPushButton("导入上一年报告")
        self.import_previous.setToolTip(
            "上一年已发布的报告（Word、Excel 或数据包）：新报告可以从它继承上年结转和文字。"
        )
        self.open_sample = QPushButton("打开示例报告")
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #666;")
        self.hint.setWordWrap(True)
        for button in (self.new_report, self.import_previous, self.open_sample):
            button.setMinimumSize(220, 44)
            button.setStyleSheet("font-size: 12pt;")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (
            title,
            text,
            self.new_report,
            self.import_previous,
            self.open_sample,
            self.hint,
        ):
            layout.addWidget(widget, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def set_has_reports(self, has: bool) -> None:
        self.hint.setText("也可以从左侧列表中选择已有的报告。" if has else "")
