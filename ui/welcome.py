"""What a first run shows instead of an empty grey window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from model import APP_TITLE
from model.format.notice import NOTICE


class WelcomePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(f"欢迎使用{APP_TITLE}")
        _style(title, size=22, bold=True)
        text = QLabel(
            f"按《政府信息公开工作年度报告格式》（{NOTICE}）编制本机关的年度报告：\n"
            "表格按规定格式排版，合计自动计算，所有问题逐项列出，每次修改立即保存。"
        )
        _style(text, size=11, color="#444")
        text.setWordWrap(True)  # a narrow window (a laptop at 150 %) wraps it, not widens
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_report = QPushButton("新建报告")
        self.import_previous = QPushButton("导入上一年报告")
        self.import_previous.setToolTip(
            "上一年已发布的报告（Word、Excel 或数据包）：新报告可以从它继承上年结转和文字。"
        )
        self.open_sample = QPushButton("打开示例报告")
        self.hint = QLabel()
        _style(self.hint, color="#666")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for button in (self.new_report, self.import_previous, self.open_sample):
            button.setMinimumSize(220, 44)
            _style(button, size=12)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title, alignment=Qt.AlignmentFlag.AlignHCenter)
        # The wrapped texts take the whole width, centred within it: given only their one-line
        # width, they were wrapped into a box of that height and cut off.
        layout.addWidget(text)
        for button in (self.new_report, self.import_previous, self.open_sample):
            layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.hint)
        layout.addStretch(3)

    def set_has_reports(self, has: bool) -> None:
        self.hint.setText("也可以从左侧列表中选择已有的报告。" if has else "")


def _style(widget: QWidget, *, size: float = 0, bold: bool = False, color: str = "") -> None:
    """Size, weight and colour by font and palette: a style sheet would bring Qt's style-sheet
    machinery into the first frame (9 ms of the start)."""
    font = widget.font()
    if size:
        font.setPointSizeF(size)
    font.setBold(bold)
    widget.setFont(font)
    if color:
        palette = widget.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(color))
        widget.setPalette(palette)
