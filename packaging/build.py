"""Build the one-folder program with PyInstaller, and a portable zip of it.

    .venv/bin/pip install pyinstaller && .venv/bin/python packaging/build.py

On Windows (run it there: PyInstaller builds for the system it runs on) the result is
``dist/年报助手/年报助手.exe`` for the clerk and ``年报助手-cli.exe`` for ``validate`` and ``convert``,
and ``dist/年报助手-<version>-windows.zip`` with 使用说明.txt, to copy from a USB stick. On Linux the
same script builds the Linux program (the test suite does, to check the frozen program runs).
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from model import APP_TITLE, __version__  # noqa: E402

README = """年报助手 {version}

一、安装
  把整个“年报助手”文件夹复制到电脑上（例如 D:\\年报助手），双击其中的“年报助手.exe”即可使用，不需要联网，
  也不需要安装其他软件。可以右键“年报助手.exe” → 发送到 → 桌面快捷方式。
  需要 Windows 10（1809）或更新的系统；Windows 7 不能运行。

二、数据保存在哪里
  每位用户的数据（报告数据库、每日自动备份、日志）保存在 %APPDATA%\\nianbao-zhushou 文件夹中，
  同一台电脑的不同 Windows 用户互不影响。“文件 → 备份数据库…”可以把数据库另存到 U 盘。

三、命令行（可选）
  年报助手-cli.exe validate 报告.json          检查报告
  年报助手-cli.exe convert 报告.json 报告.pdf    转换为 PDF（也可以是 .xlsx、.docx、.json）
"""


def make_icon(build: Path) -> None:
    """resources/icon.svg → icon.ico (Windows) and icon.png, drawn by Qt."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icon.svg"))
    image = QImage(QSize(256, 256), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    for name in ("icon.ico", "icon.png"):
        if not image.save(str(build / name)):
            raise SystemExit(f"could not write {name}")
    del app


def version_file(build: Path) -> None:
    """The Windows version resource, from model.__version__ (which pyproject.toml reads)."""
    numbers = (*(int(part) for part in __version__.split(".")[:3]), 0)
    (build / "version.txt").write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}),
  kids=[StringFileInfo([StringTable('080404b0', [
    StringStruct('ProductName', '{APP_TITLE}'),
    StringStruct('FileDescription', '{APP_TITLE}：政府信息公开工作年度报告'),
    StringStruct('FileVersion', '{__version__}'),
    StringStruct('ProductVersion', '{__version__}')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])]
)""",
        encoding="utf-8",
    )


def build(dist: Path) -> Path:
    work = dist.parent / "build"
    work.mkdir(parents=True, exist_ok=True)
    make_icon(work)
    version_file(work)
    env = {**os.environ, "NIANBAO_BUILD_DIR": str(work)}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work / "pyinstaller"),
            str(ROOT / "packaging" / "nianbao.spec"),
        ],
        check=True,
        env=env,
    )
    folder = dist / APP_TITLE
    (folder / "使用说明.txt").write_text(README.format(version=__version__), encoding="utf-8")
    system = "windows" if sys.platform == "win32" else sys.platform
    archive = dist / f"{APP_TITLE}-{__version__}-{system}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(folder.rglob("*")):
            out.write(path, path.relative_to(dist))
    return folder


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"))
