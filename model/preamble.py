"""The report's title and generated preamble.

The preamble names the legal basis and the notice that prescribes the format — with its correct
issuer (the seed report misnames it), the statistics period, where the report is published and
whom to contact. A field left empty leaves its clause out rather than printing a blank.
"""

from __future__ import annotations

import re

from .format.format_2021 import NOTICE, NOTICE_ISSUER, NOTICE_TITLE, REGULATION
from .report import Report


def report_title(report: Report) -> str:
    """〈机关名称〉〈年〉年政府信息公开工作年度报告."""
    year = f"{report.year}年" if report.year else ""
    return f"{report.organization.strip()}{year}政府信息公开工作年度报告"


# How published titles are worded: the year before or after the name, in digits or 〇…九, 年 or
# 年度, with or without 工作 and 年度 before 报告 (…政府信息公开年度报告, …政府信息公开工作报告),
# in 《》 or not.
_TITLE_END = re.compile(r"政府信息公开(?:工作)?(?:年度)?报告$")
# A year without 年 only where it ends the name: “利辛县望疃镇2023 / 政府信息公开工作年度报告”.
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})(?:年度?|$)")
_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def parse_title(text: str) -> tuple[str, int | None] | None:
    """A title read back, spaces ignored: (organization, year) — the organization empty when it
    stood on the line before, the year None when the title has none (as ``report_title`` writes
    a report without one). None when the text is no such title (a sentence naming one, too)."""
    compact = re.sub(r"\s+", "", text).strip("《》")
    end = _TITLE_END.search(compact)
    if end is None or len(compact) > 80:
        return None
    head = compact[: end.start()]
    years = list(_TITLE_YEAR.finditer(head))
    year = None
    if years:
        found = years[-1]
        head = head[: found.start()] + head[found.end() :]
        year = int(found.group(1).translate(_YEAR_DIGITS))
    organization = head.removesuffix("的").removesuffix("关于")
    if any(mark in organization for mark in "，。；：:《》“”"):
        return None
    return organization, year


def generated_preamble(report: Report) -> str:
    meta = {key: value.strip() for key, value in report.meta.items() if isinstance(value, str)}
    sentences = [
        f"根据{REGULATION}（以下简称《条例》）和{NOTICE_ISSUER}{NOTICE_TITLE}（{NOTICE}）要求，"
        f"现发布《{report_title(report)}》。"
    ]
    if report.year:
        sentences.append(f"本报告统计数据的期限为{report.year}年1月1日至12月31日。")
    portal = meta.get("portal_name", "")
    url = meta.get("portal_url", "")
    if portal or url:
        where = f"{portal}（{url}）" if portal and url else portal or url
        sentences.append(f"本报告在{where}公布。")
    contact = [
        text
        for text in (
            meta.get("contact_office", ""),
            _labelled("地址", meta.get("address", "")),
            _labelled("邮编", meta.get("postcode", "")),
            _labelled("电话", meta.get("phone", "")),
        )
        if text
    ]
    if contact:
        sentences.append("如对本报告有疑问，请联系：" + "，".join(contact) + "。")
    return "".join(sentences)


def preamble(report: Report) -> str:
    """The preamble as printed: the user's override, else the generated one."""
    if report.texts.preamble is not None:
        return report.texts.preamble
    return generated_preamble(report)


def _labelled(label: str, value: str) -> str:
    return f"{label}：{value}" if value else ""
