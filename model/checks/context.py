"""What a check may need besides the report: today's date, last year's report, the deadline,
and the report's every cell value, its totals computed once for all the checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..cell_input import Value
from ..format.declaration import CellRef
from ..report import Report
from ..settings import Settings


@dataclass(frozen=True)
class Context:
    today: dt.date
    values: Mapping[CellRef, Value]  # every cell of the report, typed and computed
    previous: Report | None = None  # the same organization's report of year - 1, when known
    settings: Settings = field(default_factory=Settings)  # the publication deadline
