"""The exporters and importers: a rendering step (``document``), small writers over it (``xlsx``,
``pdf``, ``docx``), the readers (``reading/``), and one way in and out for files (``files``).

Never Qt, never ``ui`` (an import-linter contract checks it). The writers' libraries (openpyxl,
reportlab, python-docx) are imported only when a writer or reader runs, through ``files``.
"""
