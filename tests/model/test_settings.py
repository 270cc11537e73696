"""Settings that change exports: read by model/, so the window and the command line agree."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from model.paths import data_dir, settings_file
from model.settings import (
    Settings,
    SettingsError,
    deadline_refusal,
    load_settings,
    save_settings,
)


def test_defaults_when_there_is_no_file(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "settings.json")
    assert settings == Settings()
    assert settings.deadline(2021) == dt.date(2022, 1, 31)


def test_round_trip_keeps_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"from_a_newer_version": [1], "publication_deadline": "03-15"}), "utf-8"
    )
    settings = load_settings(path).with_font("body", "C:/Windows/Fonts/simfang.ttf")
    save_settings(replace(settings, summary_name="海原县乡镇汇总"), path)
    again = load_settings(path)
    assert again.fonts == {"body": "C:/Windows/Fonts/simfang.ttf"}
    assert again.summary_name == "海原县乡镇汇总"
    assert again.deadline(2023) == dt.date(2024, 3, 15)
    assert json.loads(path.read_text("utf-8"))["from_a_newer_version"] == [1]
    assert again.with_font("body", None).fonts == {}


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{broken", "已损坏"),
        ("[]", "不是 JSON 对象"),
        ('{"fonts": {"comic": "x.ttf"}}', "fonts"),
        ('{"publication_deadline": "02-30"}', "发布截止日期"),
        ('{"publication_deadline": "02-29"}', "发布截止日期"),
        ('{"summary_name": 3}', "汇总名称"),
    ],
)
def test_a_bad_file_is_reported_and_left_alone(tmp_path: Path, content: str, says: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError, match=says):
        load_settings(path)
    assert path.read_text(encoding="utf-8") == content


def test_a_deadline_that_is_not_in_every_year_is_refused_in_chinese() -> None:
    assert deadline_refusal(1, 31) is None and deadline_refusal(12, 31) is None
    assert deadline_refusal(4, 31) == "4 月没有 31 日。"
    assert deadline_refusal(2, 30) == "2 月没有 30 日。"
    assert deadline_refusal(2, 29) == "2 月 29 日不是每年都有，请选择其他日期。"


def test_the_data_folder_can_be_overridden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path))
    assert data_dir() == tmp_path
    assert settings_file() == tmp_path / "settings.json"


def test_the_data_folder_follows_the_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NIANBAO_DATA_DIR", raising=False)
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("APPDATA", r"C:\Users\张三\AppData\Roaming")
    assert data_dir() == Path(r"C:\Users\张三\AppData\Roaming") / "nianbao-zhushou"
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", "/home/zs/.local/share")
    assert data_dir() == Path("/home/zs/.local/share/nianbao-zhushou")


def test_settings_or_defaults_tells_why_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from model.settings import settings_or_defaults

    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path))
    (tmp_path / "settings.json").write_text("{broken", encoding="utf-8")
    heard: list[str] = []
    assert settings_or_defaults(heard.append) == Settings()
    assert "已损坏" in heard[0]
