"""What a check may need besides the report: today's date, last year's report, the deadline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..report import Report
from ..settings import Settings


@dataclass(frozen=True)
class Context:
    today: dt.date
    previous: Report | None = None  # the same organization's report of year - 1, when known
    settings: Settings = field(default_factory=Settings)  # the publication deadline
