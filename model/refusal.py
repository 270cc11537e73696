"""The one way a file is refused: ``FileRefused``, whatever its kind (data package, workbook, Word
document) and whoever reads it (the command line, the window, the tests).

Nothing of a refused file was taken. Each issue is a (where, why) pair: the place in the file as
its reader names it (a data-package path, 工作表“三”第 5 行第 3 列, 第 2 个表格…), or "" for the
file as a whole, and the reason in Chinese, saying what to do where it can.
"""

from __future__ import annotations

from .problems import Problem

Issues = list[tuple[str, str]]  # (where, why)


class FileRefused(ValueError):
    """A file was not read (or not written, for a target of unknown kind); ``issues`` say why."""

    def __init__(self, issues: Issues) -> None:
        self.issues = issues
        super().__init__("\n".join(f"{where}：{why}" if where else why for where, why in issues))


def refused(why: str) -> FileRefused:
    """A refusal of the file as a whole."""
    return FileRefused([("", why)])


def problems_refused(problems: list[Problem]) -> FileRefused:
    """A file read whole whose values or totals are wrong (E-value, E-R2…) refused, naming each."""
    return FileRefused([(", ".join(p.cells), p.message) for p in problems])
