"""Shared test helpers: paths to the project's specification, and report builders."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.package import load_report
from model.report import Report

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample" / "guanqiao-2021.json"
SHARED = ROOT.parent / "shared"


def shared_file(relative: str) -> Path:
    """A file of the shared specification, which lies beside the checkout (and beside CI's clone)."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"the shared specification is not beside this checkout: {path}")
    return path


def sample_report() -> Report:
    return load_report(SAMPLE)
