"""The declaration of the 2021 format and the grid every view and writer draws."""

from __future__ import annotations

import json
import re

import pytest

from model.format.declaration import CellRef, Kind, Role
from model.format.format_2019 import recognise_format
from model.format.format_2021 import SECTIONS, TABLES, TableSection, subsection_number
from model.format.grid import build_grid
from model.format.labels import canonical_label
from tests.helpers import shared_file


@pytest.mark.parametrize("key", list(TABLES))
def test_grid_covers_every_position_exactly_once(key: str) -> None:
    grid = build_grid(TABLES[key])
    seen: dict[tuple[int, int], int] = {}
    for cell in grid.cells:
        for r in range(cell.row, cell.last_row + 1):
            for c in range(cell.col, cell.last_col + 1):
                seen[(r, c)] = seen.get((r, c), 0) + 1
    assert set(seen) == {(r, c) for r in range(grid.rows) for c in range(grid.cols)}
    assert set(seen.values()) == {1}


def spans(key: str) -> dict[str, tuple[int, int, int, int]]:
    """Label → (row, col, rowspan, colspan) for a table's labels that occur once."""
    cells = [c for c in build_grid(TABLES[key]).cells if c.role is Role.LABEL]
    texts = [c.text for c in cells]
    return {c.text: (c.row, c.col, c.rowspan, c.colspan) for c in cells if texts.count(c.text) == 1}


def test_applications_layout_is_the_prescribed_one() -> None:
    grid = build_grid(TABLES["applications"])
    assert (grid.rows, grid.cols, grid.header_rows, grid.label_cols) == (28, 10, 3, 3)
    s = spans("applications")
    assert s["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"] == (0, 0, 3, 3)
    assert s["申请人情况"] == (0, 3, 1, 7)
    assert s["自然人"] == (1, 3, 2, 1)
    assert s["法人或其他组织"] == (1, 4, 1, 5)
    assert s["商业企业"] == (2, 4, 1, 1)
    assert s["其他"] == (2, 8, 1, 1)
    assert s["一、本年新收政府信息公开申请数量"] == (3, 0, 1, 3)
    assert s["二、上年结转政府信息公开申请数量"] == (4, 0, 1, 3)
    assert s["三、本年度办理结果"] == (5, 0, 22, 1)
    assert s["（一）予以公开"] == (5, 1, 1, 2)
    assert s["（三）不予公开"] == (7, 1, 8, 1)
    assert s["1.属于国家秘密"] == (7, 2, 1, 1)
    assert s["（四）无法提供"] == (15, 1, 3, 1)
    assert s["（五）不予处理"] == (18, 1, 5, 1)
    assert s["（六）其他处理"] == (23, 1, 3, 1)
    assert s["（七）总计"] == (26, 1, 1, 2)
    assert s["四、结转下年度继续办理"] == (27, 0, 1, 3)
    total_header = [c for c in grid.cells if c.text == "总计"]
    assert [(c.row, c.col, c.rowspan, c.colspan) for c in total_header] == [(1, 9, 2, 1)]


def test_review_litigation_layout_is_the_prescribed_one() -> None:
    grid = build_grid(TABLES["review_litigation"])
    assert (grid.rows, grid.cols, grid.header_rows, grid.label_cols) == (4, 15, 3, 0)
    s = spans("review_litigation")
    assert s["行政复议"] == (0, 0, 1, 5)
    assert s["行政诉讼"] == (0, 5, 1, 10)
    assert s["未经复议直接起诉"] == (1, 5, 1, 5)
    assert s["复议后起诉"] == (1, 10, 1, 5)
    first_row = sorted((c.col, c.rowspan) for c in grid.cells if c.row == 1 and c.col < 5)
    assert first_row == [(0, 2), (1, 2), (2, 2), (3, 2), (4, 2)]
    data = [c.ref for c in grid.cells if c.row == 3]
    assert data[0] == CellRef("review_litigation", "review", "upheld")
    assert data[-1] == CellRef("review_litigation", "litigation_after_review", "total")


def test_proactive_layout_is_the_prescribed_one() -> None:
    grid = build_grid(TABLES["proactive"])
    assert (grid.rows, grid.cols, grid.header_rows) == (14, 4, 0)
    titles = [(c.row, c.colspan, c.text) for c in grid.cells if c.text.startswith("第二十条")]
    assert titles == [
        (0, 4, "第二十条第（一）项"),
        (4, 4, "第二十条第（五）项"),
        (7, 4, "第二十条第（六）项"),
        (11, 4, "第二十条第（八）项"),
    ]
    fee = grid.position(CellRef("proactive", "fees", "amount"))
    assert (fee.row, fee.col, fee.colspan) == (13, 1, 3)
    assert [c.text for c in grid.cells if c.row == 1] == [
        "信息内容",
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
    ]


def test_every_label_is_character_for_character_in_the_format() -> None:
    spec = shared_file("spec/format-2021.md").read_text(encoding="utf-8")
    labels = {c.text for t in TABLES.values() for c in build_grid(t).cells if c.text}
    labels |= {section.title for section in SECTIONS}
    missing = sorted(label for label in labels if label not in spec)
    assert missing == []


def test_keys_are_those_of_the_data_package() -> None:
    spec = shared_file("spec/format-2021.md").read_text(encoding="utf-8")
    row_keys = set(re.findall(r"\b((?:withheld|unavailable|unprocessed|other)_[a-z_]+)\b", spec))
    declared = set(TABLES["applications"].row_keys())
    assert row_keys - {"other_org"} <= declared
    assert len(TABLES["applications"].row_keys()) == 25
    assert TABLES["applications"].column_keys("disclosed") == (
        "natural_person",
        "commercial",
        "research",
        "public_interest",
        "legal_service",
        "other_org",
        "total",
    )
    example = shared_file("spec/report-json.md").read_text(encoding="utf-8")
    block = json.loads(example.split("```json")[1].split("```")[0])
    for key, rows in block["tables"].items():
        for row, cols in rows.items():
            assert TABLES[key].column_keys(row) == tuple(cols), (key, row)


def test_roles_and_kinds() -> None:
    applications = TABLES["applications"]
    computed = applications.computed_cells
    assert len(applications.cells) == 175
    assert len(computed) == 25 + 6  # the 总计 column and the （七）总计 row
    assert all(ref.col == "total" or ref.row == "results_total" for ref in computed)
    review = TABLES["review_litigation"]
    assert {ref for ref in review.cells if review.role(ref) is Role.COMPUTED} == {
        CellRef("review_litigation", g, "total")
        for g in ("review", "litigation_direct", "litigation_after_review")
    }
    amounts = [ref for t in TABLES.values() for ref in t.cells if t.kind(ref) is Kind.AMOUNT]
    assert amounts == [CellRef("proactive", "fees", "amount")]
    assert [s.heading for s in SECTIONS] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert [s.key for s in SECTIONS if isinstance(s, TableSection)] == list(TABLES)


def test_describe_names_row_and_column() -> None:
    applications = TABLES["applications"]
    assert (
        applications.describe(CellRef("applications", "disclosed", "commercial"))
        == "「（一）予以公开」行「商业企业」列"
    )
    review = TABLES["review_litigation"]
    assert (
        review.describe(CellRef("review_litigation", "litigation_direct", "pending"))
        == "「行政诉讼·未经复议直接起诉·尚未审结」"
    )


def test_subsection_numbers() -> None:
    assert [subsection_number(i) for i in (0, 4, 9, 10, 19, 20)] == [
        "（一）",
        "（五）",
        "（十）",
        "（十一）",
        "（二十）",
        "（二十一）",
    ]


def test_2019_and_2021_layouts_are_told_apart() -> None:
    assert recognise_format(["信息内容", "本年新制作数量", "本年新公开数量"]) == 2019
    assert recognise_format(["第二十条第(九)项"]) == 2019
    assert recognise_format(["信息内容", "本年制发件数 "]) == 2021
    assert recognise_format(["信息内容"]) is None


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("本年度止件数", "本年废止件数"),
        ("规范性文件", "行政规范性文件"),
        ("行政事业型收费", "行政事业性收费"),
        ("现行有效件", "现行有效件数"),
        ("本年(2023)制发件数", "本年制发件数"),
        ("(一) 予以公开", "（一）予以公开"),
        ("2.其他法律法规禁止公开", "2.其他法律行政法规禁止公开"),
        ('3.危及"三安全一稳定"', "3.危及“三安全一稳定”"),
    ],
)
def test_label_variants_map_to_the_canonical_label(variant: str, canonical: str) -> None:
    assert canonical_label(variant) == canonical_label(canonical)
