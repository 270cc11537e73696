"""README's two set-up commands, and CI running the very same test command."""

from __future__ import annotations

import re

from tests.helpers import ROOT


def commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set-up")[1].split("\n## ")[0]
    return re.findall(r"```sh\n(.+?)\n```", setup)


def test_readme_has_exactly_two_set_up_commands() -> None:
    install_and_start, install_and_test = commands()
    assert install_and_start.endswith(".venv/bin/pip install -e . && .venv/bin/python main.py")
    assert install_and_test.endswith(
        ".venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"
    )
    assert "fonts-wqy-microhei" in install_and_start and "poppler-utils" in install_and_test


def test_ci_runs_the_readme_test_command() -> None:
    test_command = commands()[1].removeprefix("sudo ")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"$SUDO {test_command}".replace("apt-get install -y ", "apt-get install -y -q ") in ci
