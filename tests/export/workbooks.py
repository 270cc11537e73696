"""Workbooks for the import tests: a hand-made one in the manner of real township reports, and
files that are not what they claim."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import Workbook


def hand_made(path: Path, *, values: dict[str, list[int]] | None = None) -> Path:
    """三 and 二 and 四 typed by hand: half-width brackets, stray spaces, 本年度止件数, 规范性文件,
    the 总计 header in the first header row, labels split over two cells, blank cells for 0."""
    values = values or {}
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"
    sheet["A1"] = "海原县关桥乡人民政府"
    sheet["A2"] = "2021 年政府信息公开工作年度报告"
    sheet["A4"] = "二、主动公开政府信息情况"
    rows = [
        ["第二十条第(一)项"],
        ["信息内容", "本年制发件数", "本年度止件数", "现行有效件数"],
        ["规章", 0, 0, 0],
        ["规范性文件", 2, 1, 9],
        ["第二十条第(五)项"],
        ["信息内容", "本年处理决定数量"],
        ["行政许可", 12],
        ["第二十条第(六)项"],
        ["信息内容", "本年处理决定数量"],
        ["行政处罚", None],
        ["行政强制", 1],
        ["第二十条第(八)项"],
        ["信息内容", "本年收费金额(单位:万元)"],
        ["行政事业型收费", 0.035],
    ]
    for i, row in enumerate(rows, start=5):
        for j, value in enumerate(row, start=1):
            sheet.cell(row=i, column=j, value=value)
    top = 21
    sheet.cell(row=top, column=1, value="三、收到和处理政府信息公开申请情况")
    sheet.cell(
        row=top + 1,
        column=1,
        value="(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)",
    )
    sheet.cell(row=top + 1, column=4, value="申请人情况")
    sheet.cell(row=top + 1, column=10, value="总计")  # in the first header row, as in the seed
    sheet.cell(row=top + 2, column=4, value="自然人")
    sheet.cell(row=top + 2, column=5, value="法人或其他组织")
    for j, label in enumerate(
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], start=5
    ):
        sheet.cell(row=top + 3, column=j, value=label)
    labels = [
        ("一、", "本年新收政府信息公开申请数量", None),
        ("二、", "上年结转政府信息公开申请数量", None),
        ("三、本年 度办理 结果", "(一) 予以公开", None),
        (None, "(二) 部分公开(区分处理的,只计这一情形,不计其他情形)", None),
        (None, "(三)不予公开", "1.属于国家秘密"),
        (None, None, "2.其他法律法规禁止公开"),
        (None, None, '3.危及"三安全一稳定"'),
        (None, None, "4.保护第三方合法权益"),
        (None, None, "5.属于三类内部事务信息"),
        (None, None, "6.属于四类过程性信息"),
        (None, None, "7.属于行政执法案卷"),
        (None, None, "8.属于行政查询事项"),
        (None, "(四)无法提供", "1.本机关不掌握相关政府信息"),
        (None, None, "2.没有现成信息需要另行制作"),
        (None, None, "3.补正后申请内容仍不明确"),
        (None, "(五)不予处理", "1.信访举报投诉类申请"),
        (None, None, "2.重复申请"),
        (None, None, "3.要求提供公开出版物"),
        (None, None, "4.无正当理由大量反复申请"),
        (None, None, "5.要求行政机关确认或重新出具已获取信息"),
        (None, "(六)其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        (None, None, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        (None, None, "3.其他"),
        (None, "(七)总计", None),
        ("四、结转下年度继续办理", None, None),
    ]
    numbers = {
        "一、": [3, 1, 0, 0, 0, 0, 4],
        "(一) 予以公开": [2, 1, 0, 0, 0, 0, 3],
        "(七)总计": [2, 1, 0, 0, 0, 0, 3],
        "四、结转下年度继续办理": [1, None, None, None, None, None, 1],
    } | values
    for i, (a, b, c) in enumerate(labels, start=top + 4):
        for j, label in ((1, a), (2, b), (3, c)):
            if label:
                sheet.cell(row=i, column=j, value=label)
        for key in (a, b):
            for j, number in enumerate(numbers.get(key or "", []), start=4):
                sheet.cell(row=i, column=j, value=number)
    top = 52
    sheet.cell(row=top, column=1, value="四、政府信息公开行政复议、行政诉讼情况")
    sheet.cell(row=top + 1, column=1, value="行政复议")
    sheet.cell(row=top + 1, column=6, value="行政诉讼")
    for j, label in enumerate(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], start=1):
        sheet.cell(row=top + 2, column=j, value=label)
    sheet.cell(row=top + 2, column=6, value="未经复议直接起诉")
    sheet.cell(row=top + 2, column=11, value="复议后起诉")
    for j, label in enumerate(
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2, start=6
    ):
        sheet.cell(row=top + 3, column=j, value=label)
    for j, number in enumerate([1, 0, 0, 0, 1, 0, 0, 0, 2, 2, None, None, None, None, 0], start=1):
        sheet.cell(row=top + 4, column=j, value=number)
    book.save(path)
    return path


def rewrite_entry(source: Path, target: Path, name: str, change) -> Path:  # type: ignore[no-untyped-def]
    """Copy a workbook with one zip entry's bytes changed."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            out.writestr(item, change(data) if item.filename == name else data)
    return target
