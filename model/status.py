"""A report's status: a draft, or published (and then read-only).

Apart from ``report`` so that the store can list reports by their status without loading the
whole report model — the window starts by showing only the list (issue 15).
"""

from __future__ import annotations

from enum import Enum


class Status(Enum):
    DRAFT = "draft"
    PUBLISHED = "published"

    @property
    def label(self) -> str:
        return "草稿" if self is Status.DRAFT else "已发布"
