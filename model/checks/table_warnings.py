"""Warnings on the tables: 现行有效件数 against last year and this year's movements, townships
reporting 规章, a fee typed in 元, the carry-over against last year, unpaid-fee endings and 六."""

from __future__ import annotations

import re
from decimal import Decimal

from ..carry_over import expected_in_force
from ..format.declaration import CellRef
from ..format.format_2021 import APPLICANT_COLUMNS
from ..problems import Problem, warning
from ..report import Report
from .context import Context

_TOWNSHIP = re.compile(r"(乡人民政府|镇人民政府|乡政府|镇政府|街道办事处|街道工作委员会)$")
_IN_FORCE_ROWS = (("regulations", "规章"), ("normative_documents", "行政规范性文件"))
FEE_LIMIT = Decimal(1000)  # 万元: ten million yuan is no township's fee income


def is_township(organization: str) -> bool:
    """乡、镇 and 街道: not 住房和城乡建设局 (ends otherwise) nor 镇江市 (does not end so)."""
    return bool(_TOWNSHIP.search(organization.strip()))


def _ref(row: str, col: str, table: str = "proactive") -> CellRef:
    return CellRef(table, row, col)


def check_in_force_this_year(report: Report, context: Context) -> list[Problem]:
    """W-inforce-1y: 本年制发件数 > 现行有效件数 + 本年废止件数 cannot be."""
    problems = []
    for row, label in _IN_FORCE_ROWS:
        issued, repealed, in_force = (
            report.value(_ref(row, c)) for c in ("issued", "repealed", "in_force")
        )
        if issued > in_force + repealed:
            problems.append(
                warning(
                    "W-inforce-1y",
                    [_ref(row, c).path for c in ("issued", "repealed", "in_force")],
                    f"{label}：本年制发 {issued} 件，多于现行有效 {in_force} 件加本年废止 {repealed} 件，"
                    "请核对现行有效件数。",
                )
            )
    return problems


def check_township_rules(report: Report, context: Context) -> list[Problem]:
    """W-township-rules: 乡镇、街道 cannot make 规章."""
    if not is_township(report.organization):
        return []
    cells = [_ref("regulations", c) for c in ("issued", "repealed", "in_force")]
    nonzero = [ref for ref in cells if report.value(ref)]
    if not nonzero:
        return []
    return [
        warning(
            "W-township-rules",
            [ref.path for ref in nonzero],
            "乡镇人民政府和街道办事处没有制定规章的权限，“规章”一行通常应为 0；"
            "如填的是行政规范性文件，请改填到下一行。",
        )
    ]


def check_fee_unit(report: Report, context: Context) -> list[Problem]:
    """W-fee-unit: a township's fee of 1000 万元 or more was probably typed in 元."""
    fee = report.value(_ref("fees", "amount"))
    if not is_township(report.organization) or fee < FEE_LIMIT:
        return []
    return [
        warning(
            "W-fee-unit",
            [_ref("fees", "amount").path],
            f"行政事业性收费填了 {fee} 万元（即 {fee * 10000:,.0f} 元），对乡镇来说过大，可能误按“元”填写；"
            "本栏单位是万元（1 元 = 0.0001 万元）。",
        )
    ]


def check_fee_text(report: Report, context: Context) -> list[Problem]:
    """W-fee-text: endings for unpaid 信息处理费 call for the fees to be reported in 六."""
    unpaid = CellRef("applications", "other_fee_unpaid", "total")
    count = context.values[unpaid]
    if not count or "信息处理费" in report.texts.other:
        return []
    return [
        warning(
            "W-fee-text",
            ["texts.other", unpaid.path],
            f"三中有 {count} 件申请因逾期未缴纳信息处理费而终止，但六没有提到信息处理费；"
            "请在六中说明依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况。",
        )
    ]


def check_carry_over(report: Report, context: Context) -> list[Problem]:
    """W-carry: 二、上年结转 this year against 四、结转下年度继续办理 last year, per column."""
    previous = context.previous
    if previous is None:
        return []
    problems = []
    for col, label in APPLICANT_COLUMNS:
        this = CellRef("applications", "carried_over", col)
        last = CellRef("applications", "carried_forward", col)
        if report.value(this) != previous.value(last):
            problems.append(
                warning(
                    "W-carry",
                    [this.path],
                    f"「{label}」列的上年结转 {report.value(this)} 件，与{previous.year}年度报告的"
                    f"结转下年度继续办理 {previous.value(last)} 件不一致。",
                )
            )
    return problems


def check_in_force_against_last_year(report: Report, context: Context) -> list[Problem]:
    """W-inforce: 现行有效 ≠ last year's 现行有效 + 本年制发 − 本年废止 (documents may also lapse)."""
    previous = context.previous
    if previous is None:
        return []
    problems = []
    for row, label in _IN_FORCE_ROWS:
        last = previous.value(_ref(row, "in_force"))
        issued, repealed, in_force = (
            report.value(_ref(row, c)) for c in ("issued", "repealed", "in_force")
        )
        expected = expected_in_force(previous, report.values, row)
        if in_force != expected:
            problems.append(
                warning(
                    "W-inforce",
                    [_ref(row, c).path for c in ("in_force", "issued", "repealed")],
                    f"{label}：现行有效 {in_force} 件，而上年现行有效 {last} 件加本年制发 {issued} 件、"
                    f"减本年废止 {repealed} 件应为 {expected} 件；如有文件自然失效，请说明。",
                )
            )
    return problems
