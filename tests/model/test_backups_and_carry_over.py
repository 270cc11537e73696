"""The rolling daily backup, and a new report built from last year's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from model.carry_over import (
    expected_in_force,
    following_proposals,
    report_from_previous,
    roll_years,
)
from model.format.declaration import CellRef
from model.store.backups import backups, daily_backup
from model.store.store import Store
from tests.helpers import sample_report


def test_one_backup_a_day_and_the_last_ten_kept(tmp_path: Path) -> None:
    with Store.open(tmp_path / "reports.sqlite3") as store:
        store.save(sample_report())
        folder = tmp_path / "backups"
        start = dt.date(2027, 1, 1)
        for day in range(14):
            assert daily_backup(store, folder, start + dt.timedelta(days=day)) is not None
        assert daily_backup(store, folder, start + dt.timedelta(days=13)) is None
        kept = backups(folder)
        assert len(kept) == 10
        assert kept[0].name == "reports-20270114.sqlite3"
        with Store.open(kept[0]) as copy:
            assert len(copy.list_reports()) == 1


def test_years_roll_forward_except_in_document_numbers_and_titles() -> None:
    text = "2021年，我乡依据国办公开办函〔2021〕30号和《2021年工作要点》开展工作。2022年，我乡将继续努力。２０２１ 年底完成。"
    rolled, found = roll_years(text, 2021, 2022, "texts.problems")
    assert (
        rolled
        == "2022年，我乡依据国办公开办函〔2021〕30号和《2021年工作要点》开展工作。2023年，我乡将继续努力。2022 年底完成。"
    )
    assert [(r.old, r.new) for r in found] == [
        ("2021", "2022"),
        ("2022", "2023"),
        ("２０２１", "2022"),
    ]
    assert found[1].sentence == "2023年，我乡将继续努力。"
    assert rolled[found[1].start : found[1].start + 4] == "2023"


def test_report_from_previous_carries_cells_and_marks_texts() -> None:
    previous = sample_report()
    previous.set_value(CellRef("applications", "new_requests", "natural_person"), 5)
    previous.set_value(CellRef("applications", "disclosed", "natural_person"), 3)
    previous.set_value(CellRef("applications", "carried_forward", "natural_person"), 2)
    previous.set_value(CellRef("proactive", "normative_documents", "in_force"), 7)
    carried = report_from_previous(previous, 2022, "海原县关桥镇人民政府")
    report = carried.report
    assert report.year == 2022 and report.organization == "海原县关桥镇人民政府"
    assert report.value(CellRef("applications", "carried_over", "natural_person")) == 2
    assert report.value(CellRef("applications", "carried_over", "total")) == 2
    assert report.value(CellRef("proactive", "normative_documents", "in_force")) == 7
    assert CellRef("applications", "carried_over", "commercial") in report.carried
    assert report.value(CellRef("applications", "disclosed", "natural_person")) == 0
    assert "texts.problems" in report.pending_texts
    assert report.texts.problems.startswith("2022年，我乡政府信息公开工作")
    assert "2023年，我乡将继续按照上级要求" in report.texts.problems
    assert report.texts.preamble is None and report.meta == previous.meta
    assert {r.path for r in carried.replacements} >= {"texts.problems", "texts.overview.intro"}


def test_a_carried_in_force_follows_issued_and_repealed_until_the_clerk_types_it() -> None:
    """The proposal rule, in the model: only a still-carried 现行有效 follows, never below 0;
    W-inforce's expectation is the same sum without the clamp."""
    previous = sample_report()
    in_force = CellRef("proactive", "regulations", "in_force")
    issued = CellRef("proactive", "regulations", "issued")
    repealed = CellRef("proactive", "regulations", "repealed")
    previous.set_value(in_force, 2)
    report = report_from_previous(previous, 2022, previous.organization).report
    assert following_proposals(report, previous, {issued: 3}) == {in_force: 5}
    assert following_proposals(report, previous, {repealed: 4}) == {in_force: 0}
    assert expected_in_force(previous, {**report.values, repealed: 4}, "regulations") == -2
    assert following_proposals(report, None, {issued: 3}) == {}
    report.set_values({in_force: 9}, typed={in_force})  # typed by the clerk: no longer carried
    assert in_force not in report.carried
    assert following_proposals(report, previous, {issued: 3}) == {}
