"""Test-wide settings: Qt draws offscreen; no test touches the user's real data folder."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["NIANBAO_DATA_DIR"] = tempfile.mkdtemp(prefix="nianbao-test-data-")
