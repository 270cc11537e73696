"""The program frozen with PyInstaller (the script that builds the Windows program, run here on
Linux): the folder holds both executables, validate and every export run, the window starts."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import ROOT, SAMPLE


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        if os.environ.get("CI"):
            pytest.fail("PyInstaller is a test dependency; .ci/run installs it")
        pytest.skip("PyInstaller is not installed")
    dist = tmp_path_factory.mktemp("frozen") / "dist"
    script = ROOT / "packaging" / "build.py"
    result = subprocess.run(
        [sys.executable, str(script), str(dist)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return dist / "年报助手"


def test_the_folder_holds_the_window_the_console_program_and_the_instructions(frozen: Path) -> None:
    assert (frozen / "年报助手").exists() and (frozen / "年报助手-cli").exists()
    assert "Windows 10（1809）" in (frozen / "使用说明.txt").read_text(encoding="utf-8")
    internal = frozen / "_internal"
    assert (internal / "resources" / "sample" / "guanqiao-2021.json").exists()
    assert (internal / "resources" / "help.md").exists()  # 帮助 → 使用说明
    assert list(internal.rglob("qtbase_zh_CN.qm"))
    assert not list(internal.rglob("*WebEngine*"))
    assert list(internal.rglob("_rl_accel*"))  # reportlab's accelerators, found only through exec()
    assert list(internal.glob("pdfminer/cmap/*"))  # a Chinese PDF's CID fonts are read through them
    assert list(frozen.parent.glob("年报助手-*.zip"))


def test_the_frozen_command_line_validates_and_exports(frozen: Path, tmp_path: Path) -> None:
    cli = str(frozen / "年报助手-cli")
    result = subprocess.run(
        [cli, "validate", str(SAMPLE)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and "共 0 个错误" in result.stdout
    for suffix in (".xlsx", ".pdf", ".docx", ".json"):
        target = tmp_path / f"报告 {suffix[1:]}{suffix}"
        result = subprocess.run(
            [cli, "convert", str(SAMPLE), str(target)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr[-2000:]
        assert target.stat().st_size > 0
    page = tmp_path / "报告 html.html"  # a web page: lxml.html in the frozen program
    page.write_text(_web_page(tmp_path / "报告 docx.docx"), "utf-8")
    # and back: the importers, loaded only when needed (pdfplumber, pdfminer's CJK maps too)
    for source in (".xlsx", ".docx", ".html", ".pdf"):
        back = tmp_path / f"回读 {source[1:]}.json"
        result = subprocess.run(
            [cli, "convert", str(tmp_path / f"报告 {source[1:]}{source}"), str(back)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        assert back.stat().st_size > 0


def test_the_frozen_window_starts(frozen: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NIANBAO_DATA_DIR": str(data)}
    database = tmp_path / "数据 库.sqlite3"
    child = subprocess.Popen([str(frozen / "年报助手"), "--db", str(database)], env=env)
    log = data / "logs" / "nianbao.log"
    try:
        for _ in range(600):  # up to a minute for the first start
            if log.exists() and "window started" in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.1)
    finally:
        child.terminate()
        child.wait(timeout=30)
    text = log.read_text(encoding="utf-8")
    assert f"window started on {database}" in text and database.exists()
    assert "qtbase_zh_CN" not in text  # the Chinese translation was found


def _web_page(document: Path) -> str:
    """The Word report as a web page, made by LibreOffice (as portals publish Word reports)."""
    from tests.export.office import office_convert

    return office_convert(document, "html", document.parent / "html").read_text("utf-8")
