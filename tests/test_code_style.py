"""The code stays ruff-clean and ruff-formatted (the quality bar), checked with the suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).parent / "ruff"), *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_check_is_clean() -> None:
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout


def test_ruff_format_is_applied() -> None:
    result = ruff("format", "--check", ".")
    assert result.returncode == 0, result.stdout
