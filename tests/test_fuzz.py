"""The fast slice of the fuzz run (``python -m tests.fuzzing.run`` runs the long one): damaged
packages, workbooks, Word documents and databases, each read whole and written to every format
and back, or refused in Chinese — in worker processes bounded in time and memory per case."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.helpers import ROOT


def test_a_slice_of_damaged_inputs_never_crashes_hangs_or_disagrees() -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.fuzzing.run",
            "--cases",
            "270",
            "--seed",
            "20261130",
            "--seconds",
            "20",
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=600,
    )
    result = json.loads(run.stdout)
    assert result["failures"] == [], result["failures"][:5]
    assert run.returncode == 0, run.stderr[-2000:]
    counts = result["counts"]
    assert sum(counts.values()) == 270
    assert counts.get("read, written, read back", 0) > 20  # not only refusals: writers ran too
