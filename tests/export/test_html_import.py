"""Importing a report from a web page: as Word publishes it (LibreOffice's HTML of a Word report,
as portals publish theirs), wrapped in a portal's page, in the encodings portals use."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from export.reading.docx_import import read_docx
from export.reading.html_import import decode_page, page_blocks, read_html, read_html_text
from export.reading.table_reading import Cells, read_tables
from model.format.declaration import CellRef
from model.refusal import FileRefused

from .documents import hand_made_docx
from .office import office_convert

PORTAL = """<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>海原县关桥乡人民政府2021年政府信息公开工作年度报告</title>
<script>document.write("一、总体情况 写在脚本里的字");</script>
<style>.nav {{ color: red }}</style></head>
<body><div class="nav">首页 政务公开 政务服务 互动交流</div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 乡镇政务公开 &gt; 关桥乡</div>
<table class="layout"><tr><td>
 <table class="details">
  <tr><td>名&nbsp;&nbsp;称：</td><td>海原县关桥乡人民政府2021年政府信息公开工作年度报告</td>
      <td>索 引 号：</td><td>640522/2022-00153</td></tr>
  <tr><td>发布机构：</td><td>关桥乡</td><td>发文日期：</td><td>2022-01-20</td></tr>
 </table>
 <div>发布时间：2022-01-20 10:32 来源：关桥乡 浏览次数：<span id="c">128</span></div>
 <div>【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
 <div id="zoom">{body}</div>
 <div>【打印本页】【关闭窗口】</div>
</td></tr></table>
<div class="foot">版权所有：海原县人民政府 宁ICP备05002413号</div>
</body></html>"""


@pytest.fixture(scope="module")
def word_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The body of a Word report as HTML, made by a real word processor, and the document."""
    folder = tmp_path_factory.mktemp("page")
    document = hand_made_docx(folder / "关桥乡.docx")
    page = office_convert(document, "html", folder / "out")
    html = page.read_text("utf-8")
    return html[html.index("<body") : html.rindex("</body>")].split(">", 1)[1], document


def test_a_report_published_from_word_reads_as_the_document_does(
    word_page: tuple[str, Path], tmp_path: Path
) -> None:
    body, document = word_page
    page = tmp_path / "报告.html"
    page.write_text(f"<html><body>{body}</body></html>", "utf-8")
    read, word = read_html(page), read_docx(document).report
    report = read.whole()
    assert (report.organization, report.year, report.signed_on) == (
        word.organization,
        word.year,
        word.signed_on,
    )
    assert report.values == word.values and report.texts == word.texts
    assert read.notes[0].startswith("已从网页读取") and not read.status_known


@pytest.mark.parametrize("charset", ["gb2312", "gbk", "utf-8"])
def test_a_portal_page_is_read_without_its_menus_details_and_scripts(
    word_page: tuple[str, Path], tmp_path: Path, charset: str
) -> None:
    body, document = word_page
    page = tmp_path / "保存的网页.htm"
    encoding = "gb18030" if charset.startswith("gb") else charset
    page.write_bytes(PORTAL.format(charset=charset, body=body).encode(encoding))
    report = read_html(page).whole()
    word = read_docx(document).report
    assert report.organization == "海原县关桥乡人民政府" and report.year == 2021
    assert report.values == word.values
    assert report.texts.overview.intro == word.texts.overview.intro  # no script's words
    assert report.texts.other == "无。"  # no 打印/关闭, no footer
    assert report.texts.preamble == word.texts.preamble  # no 索引号, 浏览次数, 字体


def test_the_encoding_comes_from_the_bom_the_meta_or_the_bytes() -> None:
    text = "<p>关桥乡人民政府</p>"
    assert decode_page(codecs.BOM_UTF8 + text.encode("utf-8")) == text
    assert decode_page(text.encode("gb18030")) == text  # no declaration: not UTF-8, so GB18030
    assert decode_page(text.encode("utf-8")) == text
    declared = '<meta charset="GBK">' + text
    assert decode_page(declared.encode("gb18030")) == declared
    lying = '<meta charset="no-such-code">' + text
    assert decode_page(lying.encode("utf-8")) == lying


def test_cells_split_over_paragraphs_and_lines_spans_and_blanks_read_whole() -> None:
    """三 typed as portals' editors leave it: the block label one character a line, a label over
    two <p>, &nbsp; for 0, headers with stray spaces, the 总计 header spanning two rows."""
    rows = "".join(
        f"<tr>{label}{''.join(f'<td>{v}</td>' for v in values)}</tr>"
        for label, values in _APPLICATION_ROWS
    )
    html = f"""<html><body>
    <p>海原县关桥乡人民政府2021年政府信息公开工作年度报告</p>
    <p>一、总体情况</p><p>本年度收到申请 2 件。</p>
    <p>三、收到和处理政府信息公开申请情况</p>
    <table border="1">
    <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
        <td colspan="7">申请人情况</td></tr>
    <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总 计</td></tr>
    <tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益<br>组织</td><td>法律服务<br>机构</td><td>其他</td></tr>
    {rows}</table>
    <p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>无。</p>
    </body></html>"""
    blocks = page_blocks(html)
    issues: list[tuple[str, str]] = []
    values = read_tables(Cells([sheet for kind, sheet in blocks if kind == "t"]), issues)
    assert all("三、" not in why for _, why in issues)  # only 二 and 四 are missing here
    assert values[CellRef("applications", "new_requests", "natural_person")] == 2
    assert values[CellRef("applications", "new_requests", "commercial")] == 0  # &nbsp;
    assert values[CellRef("applications", "disclosed", "natural_person")] == 2
    with pytest.raises(FileRefused, match="二、主动公开"):
        read_html_text(html, "网页")


_ONE_A_LINE = "<td colspan='1' rowspan='22'>" + "<br>".join("三、本年度办理结果") + "</td>"
_APPLICATION_ROWS: list[tuple[str, list[object]]] = [
    (
        "<td colspan='3'><p>一、本年新收政府信息</p><p>公开申请数量</p></td>",
        [2, "&nbsp;", 0, 0, 0, 0, 2],
    ),
    ("<td colspan='3'>二、上年结转政府信息公开申请数量</td>", [0] * 7),
    (_ONE_A_LINE + "<td colspan='2'>（一）予以公开</td>", [2, 0, 0, 0, 0, 0, 2]),
    ("<td colspan='2'>（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>", [0] * 7),
    *(
        (
            f"<td rowspan='{n}'>{head}</td><td>{first}</td>" if first else f"<td>{label}</td>",
            [0] * 7,
        )
        for head, n, items in (
            (
                "（三）不予公开",
                8,
                [
                    "1.属于国家秘密",
                    "2.其他法律行政法规禁止公开",
                    "3.危及“三安全一稳定”",
                    "4.保护第三方合法权益",
                    "5.属于三类内部事务信息",
                    "6.属于四类过程性信息",
                    "7.属于行政执法案卷",
                    "8.属于行政查询事项",
                ],
            ),
            (
                "（四）无法提供",
                3,
                [
                    "1.本机关不掌握相关政府信息",
                    "2.没有现成信息需要另行制作",
                    "3.补正后申请内容仍不明确",
                ],
            ),
            (
                "（五）不予处理",
                5,
                [
                    "1.信访举报投诉类申请",
                    "2.重复申请",
                    "3.要求提供公开出版物",
                    "4.无正当理由大量反复申请",
                    "5.要求行政机关确认或重新出具已获取信息",
                ],
            ),
            (
                "（六）其他处理",
                3,
                [
                    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                    "3.其他",
                ],
            ),
        )
        for index, label in enumerate(items)
        for first in ([label] if index == 0 else [None])
    ),
    ("<td colspan='2'>（七）总计</td>", [2, 0, 0, 0, 0, 0, 2]),
    ("<td colspan='3'>四、结转下年度继续办理</td>", [0] * 7),
]


def test_a_page_that_is_not_a_report_says_what_is_missing(tmp_path: Path) -> None:
    page = tmp_path / "别的.html"
    page.write_text("<html><body><p>关于做好春节期间安全生产工作的通知</p></body></html>", "utf-8")
    with pytest.raises(FileRefused, match="找不到这些标题"):
        read_html(page)
    empty = tmp_path / "空.html"
    empty.write_bytes(b"")
    with pytest.raises(FileRefused, match="空"):
        read_html(empty)


def test_nothing_is_fetched_and_no_entity_is_expanded(tmp_path: Path) -> None:
    page = tmp_path / "实体.html"
    page.write_text(
        '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body>'
        '<img src="http://example.invalid/x.png"><p>&x;</p></body></html>',
        "utf-8",
    )
    with pytest.raises(FileRefused) as refused:
        read_html(page)
    assert "root:" not in str(refused.value)
