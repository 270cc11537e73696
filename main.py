"""年报助手: ``python main.py`` opens the desktop window; ``python main.py validate|convert …``
works headless (see ``cli``)."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    if argv and not argv[0].startswith("--db"):
        from cli import run

        return run(argv)
    print(
        "年报助手的桌面窗口还在开发中；目前可以使用命令行：python main.py --help", file=sys.stderr
    )
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
