"""A Word report made by hand, in the manner of the seed report: the title on two lines, the
preamble as published, 一's sub-section titles on their own line and leading a paragraph, the
tables of the hand-made workbook with merged cells, a reworded heading of 五, the 落款."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
from docx import Document
from docx.table import Table
from lxml import html as lxml_html

from .workbooks import hand_made

PREAMBLE = (
    "根据《中华人民共和国政府信息公开条例》规定和《国务院办公厅与政务公开办公室关于印发〈中华人民共和国"
    "政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，现发布《海原县关桥乡人民政府 "
    "2021 年政府信息公开工作年度报告》，本报告统计数据从 2021 年 1 月 1 日至 12 月 31 日。本报告在海原县"
    "人民政府网(<http://www.hy.gov.cn/>)公布。如对本报告有疑问，请联系：海原县关桥乡政务公开办公室，"
    "地址：海原县关桥乡人民政府，邮编：755200，电话：0955-8531355"
)
# Merged ranges of each table, in the hand-made workbook's coordinates (first row, first column,
# last row, last column), as a clerk merges them in Word.
_TABLES = {
    (5, 18, 4): [
        (5, 1, 5, 4),
        (9, 1, 9, 4),
        (12, 1, 12, 4),
        (16, 1, 16, 4),
        *((row, 2, row, 4) for row in (10, 11, 13, 14, 15, 17, 18)),
    ],
    (22, 49, 10): [
        (22, 1, 24, 3),
        (22, 4, 22, 9),
        (22, 10, 24, 10),
        (23, 4, 24, 4),
        (23, 5, 23, 9),
        (27, 1, 48, 1),
        (29, 2, 36, 2),
        (37, 2, 39, 2),
        (40, 2, 44, 2),
        (45, 2, 47, 2),
        *((row, 2, row, 3) for row in (25, 26, 27, 28, 48)),
        (49, 1, 49, 3),
    ],
    (53, 56, 15): [
        (53, 1, 53, 5),
        (53, 6, 53, 15),
        *((54, col, 55, col) for col in range(1, 6)),
        (54, 6, 54, 10),
        (54, 11, 54, 15),
    ],
}


def hand_made_docx(
    path: Path,
    *,
    values: dict[str, list[int]] | None = None,
    split_two: bool = False,
    word_numbering: bool = False,
    title: tuple[str, ...] = ("海原县关桥乡人民政府", "2021 年政府信息公开工作年度报告"),
    page: bool = False,
) -> Path:
    """``split_two``: 二's four blocks as four tables, as some offices lay them out.
    ``word_numbering``: headings and sub-section titles numbered by Word (a numbered list
    style), so their text has no 一、 or （一）; 五's heading then has its prescribed words.
    ``title``: its lines. ``page``: as a portal page saved whole and opened in a word processor:
    the site's lines and its 名称/索引号/发布机构 table before the title, its links after."""
    sheet = openpyxl.load_workbook(hand_made(path.with_suffix(".xlsx"), values=values)).active
    assert sheet is not None
    document = Document()
    if page:
        for text in (
            "首页 > 政务公开 > 乡镇政务公开 > 关桥乡 > 政府信息公开年报",
            "索引号：640522/2022-00153",
        ):
            document.add_paragraph(text)
        details = document.add_table(rows=3, cols=4)
        for row, cells in enumerate(
            (
                (
                    "名称",
                    "海原县关桥乡人民政府2021年政府信息公开工作年度报告",
                    "索引号",
                    "640522/2022-00153",
                ),
                ("发布机构", "关桥乡", "发文日期", "2022-01-20"),
                ("主题分类", "政府信息公开年报", "文号", ""),
            )
        ):
            for col, text in enumerate(cells):
                details.cell(row, col).text = text
        for text in (
            "发布时间：2022-01-20 来源：关桥乡 浏览次数：128",
            "【字体：大 中 小】【打印】",
        ):
            document.add_paragraph(text)
    paragraphs = [
        *title,
        PREAMBLE,
        "一、总体情况",
        "2021 年，关桥乡党委、政府高度重视政府信息公开工作。",
        "（一）主动公开情况",
        "全年通过县人民政府门户网站公示公开信息 336 条。",
        "围绕群众关注的热点和诉求，通过网络舆情回应 16 条。",
        "(二)依申请公开情况。2021 年共计收到依申请公开 4 件，没有收到相关工作的投诉、举报。",
        "（三）政府信息管理",
        "规范发布流程，严格三审。",
        "二、主动公开政府信息情况",
    ]

    def add(text: str) -> None:
        number = _NUMBER.match(text)
        if word_numbering and number:
            document.add_paragraph(text[number.end() :], style="List Number")
        else:
            document.add_paragraph(text)

    for text in paragraphs:
        add(text)
    headings = {
        22: "三、收到和处理政府信息公开申请情况",
        53: "四、政府信息公开行政复议、行政诉讼情况",
    }
    tables = dict(_TABLES)
    if split_two:
        two = tables.pop((5, 18, 4))
        blocks = {
            (first, last, 4): [m for m in two if first <= m[0] <= last] for first, last in _TWO
        }
        tables = blocks | tables
    for (first, last, width), merges in tables.items():
        if first in headings:
            add(headings[first])
        table = document.add_table(rows=last - first + 1, cols=width)
        table.style = "Table Grid"  # ruled, as the prescribed tables are printed
        for r in range(first, last + 1):
            for c in range(1, width + 1):
                value = sheet.cell(row=r, column=c).value
                if value is not None:
                    table.cell(r - first, c - 1).text = str(value)
        _merge(table, first, merges)
    for text in (
        "五、存在的主要问题及改进情况" if word_numbering else "五、存在的主要问题及改进措施",
        "一是信息更新不够及时。",
        "二是公开内容不够全面。",
        "六、其他需要报告的事项",
        "无。",
        "海原县关桥乡人民政府",
        "2022年1月20日",
        *(("【打印本页】【关闭窗口】", "上一篇：关桥乡2021年法治政府建设情况报告") if page else ()),
    ):
        add(text)
    document.save(str(path))
    return path


_NUMBER = re.compile(r"^(?:[一二三四五六]、|[（(][一二三四五六][）)])")
_TWO = ((5, 8), (9, 11), (12, 15), (16, 18))  # 二's blocks: 第二十条第（一）（五）（六）（八）项


def _merge(table: Table, first: int, merges: list[tuple[int, int, int, int]]) -> None:
    for top, left, bottom, right in merges:
        table.cell(top - first, left - 1).merge(table.cell(bottom - first, right - 1))


def as_copied(page: str) -> str:
    """A browser's plain text of a whole page, as browsers lay out a selection as text: each block
    on a line, each table row a line of cells split by a tab, a cell's lines joined."""
    lines: list[str] = []

    def walk(element: lxml_html.HtmlElement) -> None:
        if element.tag == "table":
            for row in element.xpath(".//tr"):
                cells = [
                    "".join(cell.itertext()).replace("\n", "").strip()
                    for cell in row.xpath("./td|./th")
                ]
                lines.append("\t".join(cells))
        elif element.xpath(".//table"):  # a block holding a table (<center>, <div>)
            for child in element.iterchildren():
                walk(child)
        else:
            lines.append(" ".join("".join(element.itertext()).split()))

    for element in lxml_html.document_fromstring(page).body.iterchildren():
        walk(element)
    return "\n".join(lines)
