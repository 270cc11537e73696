"""Looking at an Office file before a library opens it.

A file that is not what it claims, an old binary format (.xls/.et/.doc/.wps, or an encrypted
file: all OLE containers), a zip bomb or a sheet claiming a million rows is refused quickly and
cheaply, with a message that says what to do. Nothing here parses the XML itself.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from model.refusal import refused

MAX_UNPACKED = 100 * 1024 * 1024  # bytes, all entries together
MAX_RATIO = 200  # uncompressed / compressed, per entry of more than 1 MiB
MAX_ROWS, MAX_COLS = 5000, 200
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+(?::([A-Z]+)(\d+))?"')


@dataclass(frozen=True)
class OfficeKind:
    name: str  # as the messages name it
    main_entry: str  # the zip entry every such file has
    old_formats: str  # what an OLE file of this kind probably is, and what to do about it


XLSX = OfficeKind(
    "Excel 工作簿（.xlsx）",
    "xl/workbook.xml",
    "是旧版 Excel（.xls）、WPS 表格（.et）文件或加了密码的工作簿，不能直接读取。"
    "请在 Excel 或 WPS 中“另存为” .xlsx（不设密码）后再导入。",
)
DOCX = OfficeKind(
    "Word 文档（.docx）",
    "word/document.xml",
    "是旧版 Word（.doc）、WPS 文字（.wps）文件或加了密码的文档，不能直接读取。"
    "请在 Word 或 WPS 中“另存为” .docx（不设密码）后再导入。",
)


def check_container(path: Path, kind: OfficeKind) -> None:
    name = path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise refused(f"找不到文件：{path}") from None
    except OSError as exc:
        raise refused(f"无法读取 {name}：{exc.strerror or exc}") from None
    if head == _OLE:
        raise refused(f"{name} {kind.old_formats}")
    if not zipfile.is_zipfile(path):
        raise refused(f"{name} 不是 {kind.name}。")
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            if kind.main_entry not in {e.filename for e in entries}:
                raise refused(f"{name} 是压缩文件，但不是 {kind.name}。")
            if sum(e.file_size for e in entries) > MAX_UNPACKED:
                raise refused(f"{name} 解压后超过 100 MB，不像是一份年度报告，已拒绝读取。")
            for entry in entries:
                if entry.file_size > 1 << 20 and entry.file_size > MAX_RATIO * max(
                    entry.compress_size, 1
                ):
                    raise refused(
                        f"{name} 中的 {entry.filename} 压缩比异常（疑似“压缩炸弹”），已拒绝读取。"
                    )
                if entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml"):
                    _check_dimension(name, entry.filename, archive.open(entry).read(4096))
    except zipfile.BadZipFile as exc:
        raise refused(f"{name} 已损坏，无法读取（{exc}）。") from None


def _check_dimension(name: str, entry: str, head: bytes) -> None:
    match = _DIMENSION.search(head)
    if match is None or match.group(1) is None:
        return
    rows = int(match.group(2))
    cols = 0
    for letter in match.group(1).decode():
        cols = cols * 26 + ord(letter) - 64
    if rows > MAX_ROWS or cols > MAX_COLS:
        sheet = entry.rsplit("/", 1)[-1]
        raise refused(
            f"{name} 的工作表 {sheet} 声称有 {rows} 行 {cols} 列，远超年度报告表格的大小，已拒绝读取。"
        )
