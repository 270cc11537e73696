"""The exporters and importers: a rendering step (``document``) and small writers over it.

Never Qt, never ``ui`` (an import-linter contract checks it). The writers' libraries (openpyxl,
reportlab) are imported only when a writer runs, through ``writer_for``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from model.report import Report

    from .document import RenderedReport

Writer = Callable[["RenderedReport", "Report", Path], None]

# Target suffix → (what the user calls it, "module:function").
WRITERS: dict[str, tuple[str, str]] = {
    ".xlsx": ("Excel", "export.xlsx:write_xlsx"),
    ".pdf": ("PDF", "export.pdf:write_pdf"),
    ".docx": ("Word", "export.docx:write_docx"),
}


def writer_for(suffix: str) -> Writer | None:
    entry = WRITERS.get(suffix.lower())
    if entry is None:
        return None
    module, function = entry[1].split(":")
    writer: Writer = getattr(import_module(module), function)
    return writer
