"""The exporters and importers: a rendering step (``document``) and small writers over it.

Never Qt, never ``ui`` (an import-linter contract checks it). The writers' libraries (openpyxl,
reportlab, python-docx) are imported only when a writer or reader runs, through ``writer_for``
and ``reader_for``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from model.report import Report

    from .document import RenderedReport
    from .table_reading import ImportResult

Writer = Callable[["RenderedReport", "Report", Path], None]
Reader = Callable[[Path], "ImportResult"]  # raises office_files.ImportRefused

# Target suffix → (what the user calls it, "module:function").
WRITERS: dict[str, tuple[str, str]] = {
    ".xlsx": ("Excel", "export.xlsx:write_xlsx"),
    ".pdf": ("PDF", "export.pdf:write_pdf"),
    ".docx": ("Word", "export.docx:write_docx"),
}


def writer_for(suffix: str) -> Writer | None:
    entry = WRITERS.get(suffix.lower())
    return _imported(entry[1]) if entry else None


# Source suffix → "module:function"; .json is the data package's own, read by model.package.
READERS: dict[str, str] = {
    ".xlsx": "export.xlsx_import:read_xlsx",
    ".docx": "export.docx_import:read_docx",
}


def reader_for(suffix: str) -> Reader | None:
    entry = READERS.get(suffix.lower())
    return _imported(entry) if entry else None


def _imported(entry: str) -> Any:
    """The function named "module:function", its module (and library) imported only now."""
    module, function = entry.split(":")
    return getattr(import_module(module), function)
