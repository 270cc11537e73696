"""A real office program reading what we export: LibreOffice converts it to PDF, poppler reads
the text back (.ci/run installs both)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest


def office_text(document: Path) -> str:
    """The text of ``document`` as LibreOffice prints it, all white space removed."""
    pdf = office_convert(document, "pdf", document.parent)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return "".join(text.split())


def office_convert(document: Path, to: str, folder: Path) -> Path:
    """``document`` opened and saved again by LibreOffice as ``to`` (a filter, e.g. ``pdf``,
    ``docx:MS Word 2007 XML``) into ``folder``."""
    return office_convert_all([document], to, folder)[0]


def office_convert_all(documents: list[Path], to: str, folder: Path) -> list[Path]:
    """Many documents converted by one LibreOffice run (starting it takes most of the time)."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is not installed; .ci/run installs it")
        pytest.skip("LibreOffice is not installed")
    # its own profile: no clash with a LibreOffice already open
    profile = documents[0].parent / "lo-profile"
    subprocess.run(
        [
            office,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(folder),
            *map(str, documents),
        ],
        check=True,
        capture_output=True,
        timeout=180 + 5 * len(documents),
    )
    return [folder / f"{document.stem}.{to.split(':')[0]}" for document in documents]


def office_words(pdf: Path) -> list[list[tuple[str, float, float, float, float]]]:
    """Each page's words as poppler places them: (text, left, top, right, bottom) in points."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = html.split("<page ")[1:]
    word = re.compile(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    )
    return [
        [(t, float(a), float(b), float(c), float(d)) for a, b, c, d, t in word.findall(page)]
        for page in pages
    ]
