"""《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号), declared once.

Every label is character for character the one of ``shared/spec/format-2021.md``; every key is the
stable key of the data package. Nothing here is computed from anything but this file and the
notice's names (``notice``).
"""

from __future__ import annotations

from .declaration import (
    BalanceRule,
    Block,
    CellRef,
    Node,
    SumRule,
    Table,
    TableSection,
    TextSection,
)
from .notice import NOTICE, NOTICE_ISSUER, NOTICE_TITLE, REGULATION  # noqa: F401 (re-exported)

FORMAT_VERSION = 2021

# ── 二、主动公开政府信息情况 ────────────────────────────────────────────────────────────

_CONTENT = "信息内容"
_DECISIONS = (Node("本年处理决定数量", col="decisions"),)

PROACTIVE = Table(
    key="proactive",
    label_widths=(0.294,),
    blocks=(
        Block(
            title="第二十条第（一）项",
            corner=_CONTENT,
            columns=(
                Node("本年制发件数", col="issued"),
                Node("本年废止件数", col="repealed"),
                Node("现行有效件数", col="in_force"),
            ),
            rows=(
                Node("规章", row="regulations"),
                Node("行政规范性文件", row="normative_documents"),
            ),
        ),
        Block(
            title="第二十条第（五）项",
            corner=_CONTENT,
            columns=_DECISIONS,
            rows=(Node("行政许可", row="licensing"),),
        ),
        Block(
            title="第二十条第（六）项",
            corner=_CONTENT,
            columns=_DECISIONS,
            rows=(Node("行政处罚", row="penalty"), Node("行政强制", row="enforcement")),
        ),
        Block(
            title="第二十条第（八）项",
            corner=_CONTENT,
            columns=(Node("本年收费金额（单位：万元）", col="amount"),),
            rows=(Node("行政事业性收费", row="fees"),),
        ),
    ),
    amounts=frozenset({("fees", "amount")}),
)

# ── 三、收到和处理政府信息公开申请情况 ───────────────────────────────────────────────────

APPLICANT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("natural_person", "自然人"),
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("public_interest", "社会公益组织"),
    ("legal_service", "法律服务机构"),
    ("other_org", "其他"),
)
TOTAL_COLUMN = ("total", "总计")

_APPLICATION_COLUMNS = (
    Node(
        "申请人情况",
        children=(
            Node("自然人", col="natural_person"),
            Node(
                "法人或其他组织",
                children=tuple(Node(label, col=key) for key, label in APPLICANT_COLUMNS[1:]),
            ),
            Node("总计", col="total"),
        ),
    ),
)


def _items(pairs: tuple[tuple[str, str], ...]) -> tuple[Node, ...]:
    return tuple(Node(label, row=key) for key, label in pairs)


RESULT_ROWS: tuple[Node, ...] = (
    Node("（一）予以公开", row="disclosed"),
    Node("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", row="partly_disclosed"),
    Node(
        "（三）不予公开",
        children=_items(
            (
                ("withheld_state_secret", "1.属于国家秘密"),
                ("withheld_law_prohibits", "2.其他法律行政法规禁止公开"),
                ("withheld_security_stability", "3.危及“三安全一稳定”"),
                ("withheld_third_party", "4.保护第三方合法权益"),
                ("withheld_internal_affairs", "5.属于三类内部事务信息"),
                ("withheld_process_info", "6.属于四类过程性信息"),
                ("withheld_enforcement_files", "7.属于行政执法案卷"),
                ("withheld_inquiry_matters", "8.属于行政查询事项"),
            )
        ),
    ),
    Node(
        "（四）无法提供",
        children=_items(
            (
                ("unavailable_not_held", "1.本机关不掌握相关政府信息"),
                ("unavailable_needs_creation", "2.没有现成信息需要另行制作"),
                ("unavailable_unclear", "3.补正后申请内容仍不明确"),
            )
        ),
    ),
    Node(
        "（五）不予处理",
        children=_items(
            (
                ("unprocessed_petition", "1.信访举报投诉类申请"),
                ("unprocessed_repeated", "2.重复申请"),
                ("unprocessed_publication", "3.要求提供公开出版物"),
                ("unprocessed_excessive", "4.无正当理由大量反复申请"),
                ("unprocessed_confirmation", "5.要求行政机关确认或重新出具已获取信息"),
            )
        ),
    ),
    Node(
        "（六）其他处理",
        children=_items(
            (
                (
                    "other_no_supplement",
                    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                ),
                (
                    "other_fee_unpaid",
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                ),
                ("other_misc", "3.其他"),
            )
        ),
    ),
    Node("（七）总计", row="results_total"),
)

_APPLICATION_ROWS = (
    Node("一、本年新收政府信息公开申请数量", row="new_requests"),
    Node("二、上年结转政府信息公开申请数量", row="carried_over"),
    Node("三、本年度办理结果", children=RESULT_ROWS),
    Node("四、结转下年度继续办理", row="carried_forward"),
)

APPLICATIONS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def _application_rules() -> tuple[tuple[SumRule, ...], tuple[BalanceRule, ...]]:
    def ref(row: str, col: str) -> CellRef:
        return CellRef("applications", row, col)

    typed_columns = [key for key, _ in APPLICANT_COLUMNS]
    result_rows = [
        leaf.row for node in RESULT_ROWS for leaf in node.leaves() if leaf.row != "results_total"
    ]
    all_rows = [leaf.row for node in _APPLICATION_ROWS for leaf in node.leaves()]
    # R3 first, so that R2 of the （七）总计 row sums already computed cells.
    r3 = tuple(
        SumRule("R3", ref("results_total", col), tuple(ref(row, col) for row in result_rows))
        for col in typed_columns
    )
    r2 = tuple(
        SumRule("R2", ref(row, "total"), tuple(ref(row, col) for col in typed_columns))
        for row in all_rows
        if row is not None
    )
    r1 = tuple(
        BalanceRule(
            "R1",
            label,
            left=(ref("new_requests", col), ref("carried_over", col)),
            right=(ref("results_total", col), ref("carried_forward", col)),
        )
        for col, label in (*APPLICANT_COLUMNS, TOTAL_COLUMN)
    )
    return r3 + r2, r1


_APPLICATION_SUMS, _APPLICATION_BALANCES = _application_rules()

APPLICATIONS = Table(
    key="applications",
    label_widths=(0.065, 0.12, 0.315),
    blocks=(Block(corner=APPLICATIONS_NOTE, columns=_APPLICATION_COLUMNS, rows=_APPLICATION_ROWS),),
    sums=_APPLICATION_SUMS,
    balances=_APPLICATION_BALANCES,
)

# ── 四、政府信息公开行政复议、行政诉讼情况 ───────────────────────────────────────────────

OUTCOME_COLUMNS: tuple[tuple[str, str], ...] = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)


def _outcomes(group: str) -> tuple[Node, ...]:
    return tuple(Node(label, row=group, col=key) for key, label in OUTCOME_COLUMNS)


_REVIEW_COLUMNS = (
    Node("行政复议", children=_outcomes("review")),
    Node(
        "行政诉讼",
        children=(
            Node("未经复议直接起诉", children=_outcomes("litigation_direct")),
            Node("复议后起诉", children=_outcomes("litigation_after_review")),
        ),
    ),
)
REVIEW_GROUPS = ("review", "litigation_direct", "litigation_after_review")

REVIEW_LITIGATION = Table(
    key="review_litigation",
    # One printed row without a label: the column leaves carry the data rows.
    blocks=(Block(columns=_REVIEW_COLUMNS, rows=(Node("", row="-"),)),),
    sums=tuple(
        SumRule(
            "R4",
            CellRef("review_litigation", group, "total"),
            tuple(
                CellRef("review_litigation", group, key)
                for key, _ in OUTCOME_COLUMNS
                if key != "total"
            ),
        )
        for group in REVIEW_GROUPS
    ),
)

# ── The six sections, in order ─────────────────────────────────────────────────────────────

OVERVIEW = TextSection(
    "一",
    "总体情况",
    short_title="总体情况",
    note="",  # its tab explains itself: 引言, then the sub-sections
    key="overview",
)
PROBLEMS = TextSection(
    "五",
    "存在的主要问题及改进情况",
    short_title="问题及改进",
    note="写明本年度政府信息公开工作存在的主要问题，以及上一年度所列问题的改进情况。",
    key="problems",
)
OTHER = TextSection(
    "六",
    "其他需要报告的事项",
    short_title="其他事项",
    note="如依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况；"
    "没有需要报告的事项时，写“无其他需要报告的事项。”",
    key="other",
)

SECTIONS: tuple[TextSection | TableSection, ...] = (
    OVERVIEW,
    TableSection(
        "二",
        "主动公开政府信息情况",
        short_title="主动公开",
        note="填写本年度主动公开的规章、行政规范性文件及处理决定数量；收费金额以万元为单位。",
        table=PROACTIVE,
    ),
    TableSection(
        "三",
        "收到和处理政府信息公开申请情况",
        short_title="依申请公开",
        note="白色格子填写件数；蓝灰色格子（总计）自动计算；黄色格子由上一年度报告结转。"
        "勾稽关系：第一项加第二项之和，等于第三项加第四项之和。",
        table=APPLICATIONS,
    ),
    TableSection(
        "四",
        "政府信息公开行政复议、行政诉讼情况",
        short_title="复议诉讼",
        note="白色格子填写件数；各“总计”自动计算。",
        table=REVIEW_LITIGATION,
    ),
    PROBLEMS,
    OTHER,
)

TABLES: dict[str, Table] = {
    table.key: table for table in (PROACTIVE, APPLICATIONS, REVIEW_LITIGATION)
}

# 一's sub-sections as a new report proposes them (the format's five topics).
STANDARD_SUBSECTIONS = (
    "主动公开情况",
    "依申请公开情况",
    "政府信息管理",
    "政府信息公开平台建设",
    "监督保障",
)

NUMERALS = "一二三四五六七八九"


def subsection_number(index: int) -> str:
    """（一）…（十）, （十一）…（九十九）, （一百）, （一百零一）…: how export numbers 一's sub-sections."""
    return f"（{chinese_numeral(index + 1)}）"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五, 110 → 一百一十, 1000 → 一千 (n ≥ 1)."""
    if n < 10:
        return NUMERALS[n - 1]
    if n < 20:
        return "十" + chinese_numeral(n - 10) if n > 10 else "十"
    digits = [int(d) for d in str(n)]
    units = ["", "十", "百", "千", "万"][len(digits) - 1 :: -1] if len(digits) <= 5 else None
    if units is None:
        return str(n)
    text, zero = "", False
    for digit, unit in zip(digits, units, strict=True):
        if digit == 0:
            zero = True
            continue
        if zero and text:
            text += "零"
        text += NUMERALS[digit - 1] + unit
        zero = False
    return text
