"""The real page ``shanghai-bangongting-2019.html`` (README.md says where it came from), and the
same page with its 二 in the 2021 layout, for the tests and for ``chromium_copies``."""

from __future__ import annotations

from pathlib import Path

SHANGHAI_2019 = Path(__file__).resolve().parent / "shanghai-bangongting-2019.html"


def as_2021(page: str) -> str:
    """The page with its 二 in the 2021 layout, written in the page's own markup (the cells
    ``nowrap`` with a width, the text in ``<p align="center">``, a blank cell ``&nbsp;``); 三
    and 四 stay as the office published them — a 三 of the 2021 layout but for its one-row
    （六）其他处理, and many cells, totals among them, left empty."""

    def cell(text: str, *, span: int = 1) -> str:
        colspan = f' colspan="{span}"' if span > 1 else ""
        return f'<td{colspan} nowrap="nowrap" style="width:89px;"><p align="center">{text}</p></td>'

    def row(*cells: str) -> str:
        return "<tr>" + "".join(cells) + "</tr>"

    rows = [
        row(cell("第二十条第（一）项", span=4)),
        row(cell("信息内容"), cell("本年制发件数"), cell("本年废止件数"), cell("现行有效件数")),
        row(cell("规章"), cell("13"), cell("2"), cell("524")),
        row(cell("行政规范性文件"), cell("60"), cell("11"), cell("368")),
    ]
    for item, label, values in (
        ("五", "本年处理决定数量", (("行政许可", "0"),)),
        ("六", "本年处理决定数量", (("行政处罚", "0"), ("行政强制", "&nbsp;"))),
        ("八", "本年收费金额（单位：万元）", (("行政事业性收费", "0"),)),
    ):
        rows.append(row(cell(f"第二十条第（{item}）项", span=4)))
        rows.append(row(cell("信息内容"), cell(label, span=3)))
        rows += [row(cell(name), cell(value, span=3)) for name, value in values]
    table = '<table align="center" border="1" cellspacing="1"><tbody>' + "".join(rows)
    start = page.index("<table", page.index("二、主动公开政府信息情况"))
    end = page.index("</table>", start) + len("</table>")
    return page[:start] + table + "</tbody></table>" + page[end:]
