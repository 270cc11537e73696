"""What the report and file actions need of the window they act in, and nothing more.

The actions (``report_actions``, ``file_actions``) are written against this small interface, not
against ``MainWindow``: they never import the window, and the window is the only place that
assigns its open database or its open report.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from model.report import Report
    from model.store.store import Store

    from .database import OpenDatabase
    from .session import ReportSession


class Workbench(Protocol):
    @property
    def store(self) -> Store:
        """The store of the open database."""
        ...

    @property
    def database_path(self) -> Path: ...

    @property
    def session(self) -> ReportSession | None:
        """The open report, if any."""
        ...

    def open_report(self, report_id: int) -> None: ...

    def show_sample(self, report: Report, shown_as: str = "示例") -> None:
        """Show a report read-only without keeping it in the database (the sample, a received
        report): ``shown_as`` names it in the title."""
        ...

    def close_report(self) -> None: ...

    def reload_report(self) -> None:
        """Show the open report afresh from the store (after publish, rename, restore…)."""
        ...

    def refresh_list(self) -> None: ...

    def commit_typing(self) -> None:
        """Commit a burst of typing still waiting for its pause (before export, publish…)."""
        ...

    def show_status(self, message: str, timeout: int = 5000) -> None: ...

    def switch_database(self, database: OpenDatabase) -> None:
        """Close the open report and database, and go on with ``database``."""
        ...
