"""E-org and E-year: who reports, and for which year."""

from __future__ import annotations

from ..problems import Problem, error
from ..report import Report
from .context import Context

FIRST_YEAR = 2008  # 《政府信息公开条例》 took effect on 2008-05-01
LAST_YEAR = 2100  # the last year a file may name: every reader takes 2008–2100, E-year says more


def check_organization(report: Report, context: Context) -> list[Problem]:
    if report.organization.strip():
        return []
    return [error("E-org", ("organization",), "机关名称为空：请填写发布报告的机关全称。")]


def check_year(report: Report, context: Context) -> list[Problem]:
    year = report.year
    if year is None:
        message = "报告年度为空：请填写报告所统计的年度。"
    elif year < FIRST_YEAR:
        message = f"报告年度 {year} 早于 2008 年：《政府信息公开条例》自 2008 年起施行。"
    elif year > context.today.year:
        message = (
            f"报告年度 {year} 晚于今年（{context.today.year} 年）：年度报告只能报告已经开始的年度。"
        )
    else:
        return []
    return [error("E-year", ("year",), message)]
