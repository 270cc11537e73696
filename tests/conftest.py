"""Test-wide settings: Qt draws offscreen; every test has a data folder of its own, so no test
touches the user's data or another test's settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def own_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(folder))
    # A fixed date for the PDF's creation date, so the same report gives the same bytes (the
    # golden file); a real export takes its own time.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "946684800")
    return folder
