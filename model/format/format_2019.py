"""The 2019 trial format (国办公开办函〔2019〕60号): enough of it to recognise and name it.

2019 and 2020 reports, and some later ones, were filed in this layout. Until it is supported, an
importer that meets one refuses it by name instead of misreading its 二 table.
"""

from __future__ import annotations

from collections.abc import Iterable

from .labels import normalize_label

NOTICE_2019 = "国办公开办函〔2019〕60号"
NAME_2019 = f"2019年试行格式（{NOTICE_2019}）"

# Labels that occur only in the 2019 layout of 二 (and its extra fifth block).
MARKERS_2019 = (
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "第二十条第（九）项",
    "采购项目数量",
    "采购总金额",
    "政府集中采购",
    "其他对外管理服务事项",
)

# Labels that occur only in the 2021 layout.
MARKERS_2021 = (
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年收费金额（单位：万元）",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
)

_NORMALIZED_2019 = frozenset(normalize_label(label) for label in MARKERS_2019)
_NORMALIZED_2021 = frozenset(normalize_label(label) for label in MARKERS_2021)


def recognise_format(labels: Iterable[str]) -> int | None:
    """2019 or 2021 by the distinguishing labels found, None when neither shows.

    Labels of both editions in one file are read as 2019: a 2019 block anywhere means the table
    cannot be read as the 2021 format.
    """
    found = {normalize_label(label) for label in labels}
    if found & _NORMALIZED_2019:
        return 2019
    if found & _NORMALIZED_2021:
        return 2021
    return None
