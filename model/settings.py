"""Settings that change what an export looks like or what the checks say: the fonts, the
publication deadline and the name the county's 汇总 goes under. They live in a small JSON file in the data folder, read here in ``model/``,
so the window and the command line export alike. (Window geometry and other UI state stay in
``QSettings``.)

A settings file that cannot be read is never overwritten behind the user's back: loading it
raises ``SettingsError`` with a Chinese message, and the caller falls back to the defaults.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .atomic import write_atomically
from .paths import settings_file

# The font roles an export uses, with what each is for.
FONT_ROLES: tuple[tuple[str, str], ...] = (
    ("title", "标题（小标宋或黑体）"),
    ("heading", "一级标题（黑体）"),
    ("subheading", "二级标题（楷体）"),
    ("body", "正文（仿宋）"),
)
_KNOWN = ("fonts", "publication_deadline", "summary_name")


class SettingsError(ValueError):
    """The settings file cannot be used; ``str(error)`` says why, in Chinese."""


@dataclass(frozen=True)
class Settings:
    fonts: dict[str, str] = field(default_factory=dict)  # role → font file; absent: found
    deadline_month: int = 1  # the report is due by this day of the next year
    deadline_day: int = 31
    summary_name: str = ""  # the county's 汇总 is a report of this name (e.g. 海原县乡镇汇总)
    extra: dict[str, Any] = field(default_factory=dict)  # keys of a newer version, kept

    def deadline(self, year: int) -> dt.date:
        """The publication deadline of a report for ``year`` (default 1月31日 of the next year)."""
        return _deadline(year, self.deadline_month, self.deadline_day)

    def with_font(self, role: str, path: str | None) -> Settings:
        fonts = dict(self.fonts)
        if path:
            fonts[role] = path
        else:
            fonts.pop(role, None)
        return replace(self, fonts=fonts)


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"无法读取设置文件 {path}：{exc}；本次使用默认设置。") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SettingsError(
            f"设置文件 {path} 已损坏（第 {exc.lineno} 行有错误）；本次使用默认设置，文件未改动。"
        ) from exc
    return parse_settings(data, path)


def settings_or_defaults(warn: Callable[[str], None] | None = None) -> Settings:
    """The settings, or the defaults when the file cannot be used (``warn`` hears why)."""
    try:
        return load_settings()
    except SettingsError as error:
        if warn is not None:
            warn(str(error))
        return Settings()


def parse_settings(data: Any, path: Path) -> Settings:
    def bad(what: str) -> SettingsError:
        return SettingsError(f"设置文件 {path} 中{what}；本次使用默认设置，文件未改动。")

    if not isinstance(data, dict):
        raise bad("的内容不是 JSON 对象")
    fonts = data.get("fonts", {})
    roles = {role for role, _ in FONT_ROLES}
    if not isinstance(fonts, dict) or not all(
        role in roles and isinstance(value, str) for role, value in fonts.items()
    ):
        raise bad("的 fonts 不正确（应为 字体用途 → 字体文件路径）")
    deadline = data.get("publication_deadline", "01-31")
    try:
        month, day = (int(part) for part in str(deadline).split("-"))
        _deadline(2021, month, day)
    except ValueError:
        raise bad(f"的发布截止日期 “{deadline}” 不正确（应写作 月-日，如 01-31）") from None
    summary_name = data.get("summary_name", "")
    if not isinstance(summary_name, str):
        raise bad("的汇总名称（summary_name）不是文字")
    extra = {key: value for key, value in data.items() if key not in _KNOWN}
    return Settings(
        fonts=dict(fonts),
        deadline_month=month,
        deadline_day=day,
        summary_name=summary_name.strip(),
        extra=extra,
    )


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        **settings.extra,
        "fonts": dict(settings.fonts),
        "publication_deadline": f"{settings.deadline_month:02d}-{settings.deadline_day:02d}",
    }
    if settings.summary_name:
        data["summary_name"] = settings.summary_name
    write_atomically(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def deadline_refusal(month: int, day: int) -> str | None:
    """Why 次年 ``month`` 月 ``day`` 日 cannot be the publication deadline (in Chinese), or None."""
    if (month, day) == (2, 29):
        return "2 月 29 日不是每年都有，请选择其他日期。"
    try:
        dt.date(2021, month, day)
    except ValueError:
        return f"{month} 月没有 {day} 日。"
    return None


def _deadline(year: int, month: int, day: int) -> dt.date:
    refusal = deadline_refusal(month, day)
    if refusal is not None:
        raise ValueError(refusal)
    return dt.date(year + 1, month, day)
