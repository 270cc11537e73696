"""Every item model passes Qt's own model tester."""

from __future__ import annotations

import pytest

from model.format.format_2021 import TABLES
from model.store.store import Store
from tests.helpers import sample_report
from ui.session import ReportSession
from ui.table_model import ReportTableModel


@pytest.mark.parametrize("key", list(TABLES))
def test_table_models_pass_qtmodeltester(app, qtmodeltester, tmp_path, key: str) -> None:  # type: ignore[no-untyped-def]
    with Store.open(tmp_path / "r.sqlite3") as store:
        report = sample_report()
        store.save(report)
        session = ReportSession(store, report)
        model = ReportTableModel(session, TABLES[key])
        qtmodeltester.check(model, force_py=True)
        session.set_cells(
            {next(iter(r for r in TABLES[key].cells if TABLES[key].role(r).value == "input")): 3}
        )
        qtmodeltester.check(model, force_py=True)
