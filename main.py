"""年报助手: ``python main.py`` opens the desktop window; ``python main.py validate|convert …``
works headless (see ``cli``)."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    if argv and not argv[0].startswith("--db"):
        from cli import run

        return run(argv)
    from ui.app import run as run_window

    return run_window(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
