"""The notice that prescribes the format, and the regulation it serves, by name.

Apart from the declaration (``format_2021``) because the window's welcome page names the notice
as the program starts, which needs nothing else of the format.
"""

from __future__ import annotations

NOTICE = "国办公开办函〔2021〕30号"
NOTICE_TITLE = "《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
NOTICE_ISSUER = "国务院办公厅政府信息与政务公开办公室"
REGULATION = "《中华人民共和国政府信息公开条例》"
