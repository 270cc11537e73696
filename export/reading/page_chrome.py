"""The portal page around a published report: lines that are not the report's.

A page saved from a portal, or turned into a Word document by a clerk, carries the site's menus,
the 索引号/发布机构/发文日期 details, 来源/时间/浏览次数/字号 lines and 打印/关闭 links around the
report. They are recognised by their wording — short lines that begin so — never by where they
stand, and are left out before the report is read.
"""

from __future__ import annotations

import re

_CHROME = re.compile(
    r"^[\s【\[（(]*"
    r"(当前位置|您现在的位置|您现在所在的位置|您的位置|首页\s*[>＞›»]|索\s*引\s*号|信息索引号"
    r"|发布机构|发文机关|发文单位|成文日期|发文日期|发布日期|发布时间|生效日期|公开日期|来\s*源|时\s*间[:：]"
    r"|浏览次数|访问次数|点击数|阅读次数|浏览量|字\s*号|字\s*体|打印本页|打印|关闭窗口|关闭|分享到|扫一扫"
    r"|点击查看解读|相关解读|主题分类|组配分类|公开方式|公开范围|公开时限|文\s*号|信息名称|名\s*称[:：]"
    r"|上一篇|下一篇|责任编辑|编辑[:：]|撰写时间|网站标识码|主办单位|承办单位|技术支持|联系我们|网站地图"
    r"|版权所有|ICP备|公网安备)"
)
_MAX = 120  # a line of chrome is short; a paragraph of the report that begins so is not chrome
# A printed page's number: — 3 —, - 3 -, 3, 第 3 页, 第3页 共5页 — a PDF's footer, or one kept by a
# page made from a Word document.
PAGE_NUMBER = re.compile(
    r"^[\s—－\-–·•]*(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?[\s—－\-–·•]*$"
)


def is_page_chrome(text: str) -> bool:
    """Whether a line is the portal's (or a printed page's number), not the report's."""
    compact = text.strip()
    return len(compact) <= _MAX and (
        _CHROME.match(compact) is not None or PAGE_NUMBER.match(compact) is not None
    )
