"""Checking the contact fields of the preamble as the clerk types them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_POSTCODE = re.compile(r"[0-9]{6}")
_PHONE = re.compile(r"[0-9]+(?:-[0-9]+)*")


def meta_problem(key: str, text: str) -> str | None:
    """Why a filled-in field is not well-formed, or None (an empty field is not a problem here)."""
    text = text.strip()
    if not text:
        return None
    if key == "postcode" and not _POSTCODE.fullmatch(text):
        return "邮编应为 6 位数字。"
    if key == "phone" and not _PHONE.fullmatch(text):
        return "电话只能包含数字和连字符“-”，如 0955-8531355。"
    if key == "portal_url":
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or "." not in parts.netloc or " " in text:
            return "网址应以 http:// 或 https:// 开头，如 http://www.hy.gov.cn/。"
    return None
