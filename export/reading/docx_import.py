"""Reading a report from a Word document: last year's report as the office published it.

Most offices have last year's report only as a .docx. Importing it lets the first report made with
this program inherit 上年结转 and 现行有效件数 and be checked against it. Our own document carries
the report whole (``docx_package``); any other is read from what it shows (``document_text``).
Anything that cannot be read is reported and nothing is imported.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

from model.refusal import FileRefused

from . import ImportResult
from .document_text import read_document
from .docx_blocks import body_blocks, fingerprint
from .docx_package import EmbeddedPackage, embedded_package
from .office_files import DOCX, check_container, unreadable


def read_docx(path: Path) -> ImportResult:
    check_container(path, DOCX)
    try:
        document = Document(str(path))
    except Exception as exc:  # python-docx and lxml raise many kinds; each means the same here
        raise unreadable(path, DOCX, exc) from None
    blocks = body_blocks(document.element.body)
    try:
        embedded = embedded_package(document)
    except FileRefused as exc:
        embedded, damaged = (
            None,
            f"文档内保存的数据包无法读取（{exc}），已只按文档中的文字和表格导入。",
        )
    else:
        damaged = ""
    if embedded is not None and embedded.visible == fingerprint(blocks):
        return ImportResult(embedded.report(), problems=embedded.read.problems)  # as exported
    result = read_document(blocks, "Word 文档")
    if embedded is not None:
        _keep_what_the_document_cannot_show(result, embedded)
    elif damaged:
        result.notes.append(damaged)
    return result


def _keep_what_the_document_cannot_show(result: ImportResult, embedded: EmbeddedPackage) -> None:
    """Our document edited in Word since export: its words and numbers stand; 说明, the marks
    of what is still as carried over and the 基本信息 the preamble does not show come from the
    package."""
    report, exported = result.report, embedded.read.report
    report.explanations = list(exported.explanations)
    report.carried = {r for r in embedded.carried if report.values[r] == exported.values[r]}
    texts = dict(report.text_fields())
    report.pending_texts = {
        path
        for path, text in exported.text_fields()
        if path in embedded.pending_texts and texts.get(path) == text
    }
    for key, value in exported.meta.items():
        if not report.meta.get(key):
            report.meta[key] = value
    result.notes = [
        "这个 Word 文档在年报助手导出后被修改过：文字和数字以文档中的为准；"
        "说明、上年结转标记和前言中没有写出的基本信息取自文档内保存的数据包。"
    ]
