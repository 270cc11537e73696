"""README's two set-up commands, and CI running the very same test command."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from tests.helpers import ROOT


def commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set-up")[1].split("\n## ")[0]
    return re.findall(r"```sh\n(.+?)\n```", setup)


def test_readme_has_exactly_two_set_up_commands() -> None:
    install_and_start, install_and_test = commands()
    assert install_and_start == (
        "sh scripts/install-system-packages.sh && python3 -m venv .venv"
        " && .venv/bin/pip install -e . && .venv/bin/python main.py"
    )
    assert install_and_test == (
        "sh scripts/install-system-packages.sh --test && python3 -m venv .venv"
        " && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"
    )


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands()[1] in ci.splitlines()


def _dry_run(tmp_path: Path, uid: str, *args: str) -> str:
    """The apt commands the script would run, as user ``uid`` (a stand-in ``id`` on the PATH)."""
    fake = tmp_path / "id"
    fake.write_text(f"#!/bin/sh\necho {uid}\n")
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}"}
    script = ROOT / "scripts" / "install-system-packages.sh"
    run = subprocess.run(
        ["sh", str(script), "--dry-run", *args], env=env, capture_output=True, text=True, check=True
    )
    return run.stdout


def test_the_system_packages_install_as_root_without_sudo_and_update_the_lists_first(
    tmp_path: Path,
) -> None:
    update, install = _dry_run(tmp_path, "0", "--test").splitlines()
    assert update.startswith("env DEBIAN_FRONTEND=noninteractive apt-get update")
    assert "sudo" not in update + install
    assert "fonts-wqy-microhei" in install and "poppler-utils" in install
    update, install = _dry_run(tmp_path, "1000").splitlines()
    assert update.startswith("sudo ") and install.startswith("sudo ")
    assert "fonts-wqy-microhei" in install and "poppler-utils" not in install
