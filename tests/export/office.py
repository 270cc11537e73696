"""A real office program reading what we export: LibreOffice converts it to PDF, poppler reads
the text back (.ci/run installs both)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def office_text(document: Path) -> str:
    """The text of ``document`` as LibreOffice prints it, all white space removed."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is not installed; .ci/run installs it")
        pytest.skip("LibreOffice is not installed")
    folder = document.parent
    profile = folder / "lo-profile"  # its own profile: no clash with a LibreOffice already open
    subprocess.run(
        [
            office,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = document.with_suffix(".pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return "".join(text.split())
