"""The headless command line: ``validate`` and ``convert``, for batch work and scripts.

Exit status: 0 no error, 1 errors found (or an export refused because of them), 2 the input
cannot be read or the arguments are wrong. Output is UTF-8 whatever the console's code page.
Never imports Qt (an ``import-linter`` contract checks it).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator, Sequence
from typing import NoReturn

from model import APP_TITLE, __version__
from model.format.format_2021 import NOTICE

from .commands import Identity, convert, validate

COMMANDS = ("validate", "convert")

# argparse's own words, in Chinese (it looks them up through its module-level ``_``).
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "the following arguments are required: %s": "缺少参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的命令 %(value)r（可用：%(choices)s）",
    "expected one argument": "需要一个参数",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"参数错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python main.py",
        description=f"{APP_TITLE}：政府信息公开工作年度报告（{NOTICE}格式）的检查与转换。"
        "不带参数运行时打开桌面程序。",
    )
    parser.add_argument(
        "--version", action="version", version=f"{APP_TITLE} {__version__}", help="显示版本号并退出"
    )
    parser.add_argument(  # read by the window's start (main.py), listed here for --help
        "--db",
        metavar="PATH",
        help="不带命令运行时：用这个数据库文件打开桌面程序（默认是用户数据文件夹中的数据库）",
    )
    commands = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    check = commands.add_parser("validate", help="检查报告，列出所有问题")
    check.add_argument(
        "report",
        metavar="REPORT",
        help="要检查的报告：数据包（.json）、Excel 工作簿（.xlsx）、Word 文档（.docx）、网页（.html）、"
        "PDF 或从网页复制的文本（.txt）",
    )
    check.add_argument(
        "--previous", metavar="LAST_YEAR", help="上一年度的报告（格式同上），用于与上年比对"
    )
    check.add_argument("--json", action="store_true", help="以 JSON 数组输出问题")
    _identity_options(check)
    change = commands.add_parser("convert", help="转换报告：JSON 数据包 ⇄ Excel / PDF / Word")
    change.add_argument(
        "source",
        metavar="SOURCE",
        help="来源文件（.json、.xlsx、.docx、.html、.htm、.pdf 或 .txt）",
    )
    change.add_argument("target", metavar="TARGET", help="目标文件，按扩展名决定格式")
    change.add_argument(
        "--allow-errors", action="store_true", help="报告有错误时仍导出，并标记为“草稿”"
    )
    _identity_options(change)
    county = commands.add_parser(
        "summarize", help="县（区）汇总与审核：检查各单位报告，列出未报送和问题，汇总"
    )
    county.add_argument(
        "sources", metavar="FILE_OR_FOLDER", nargs="+", help="各单位的报告文件或文件夹"
    )
    county.add_argument("--year", type=int, required=True, help="报告年度")
    county.add_argument(
        "--units", metavar="LIST", help="应报单位名单：每行一个单位（.txt）或一列（.xlsx）"
    )
    county.add_argument(
        "--previous-db", metavar="PATH", help="上一年度报告所在的数据库（默认：本机的数据库）"
    )
    county.add_argument(
        "-o", "--output", metavar="RESULT.xlsx", required=True, help="审核结果工作簿"
    )
    county.add_argument("--summary", metavar="SUM", help="另存汇总报告（.pdf、.xlsx 或 .docx）")
    county.add_argument(
        "--name", help="汇总报告的机关名称，如“海原县乡镇汇总”（默认：窗口中设置的汇总名称）"
    )
    return parser


def _identity_options(command: argparse.ArgumentParser) -> None:
    """What a published document may not say clearly: its organization and year."""
    command.add_argument(
        "--organization",
        metavar="NAME",
        help="机关名称（文件标题中没有写明时使用，写明的以此为准）",
    )
    command.add_argument("--year", metavar="YEAR", type=int, help="报告年度（同上）")


def run(argv: Sequence[str]) -> int:
    """Run one command; returns the exit status."""
    _utf8_output()
    with _chinese_argparse():
        try:
            args = build_parser().parse_args(list(argv))
        except SystemExit as exit_:
            return int(exit_.code or 0)
    if args.command == "validate":
        identity = Identity(args.organization, args.year)
        return validate(args.report, previous=args.previous, as_json=args.json, identity=identity)
    if args.command == "convert":
        identity = Identity(args.organization, args.year)
        return convert(args.source, args.target, allow_errors=args.allow_errors, identity=identity)
    if args.command == "summarize":
        from .summarize import summarize

        return summarize(
            args.sources,
            year=args.year,
            output=args.output,
            units=args.units,
            previous_db=args.previous_db,
            summary=args.summary,
            name=args.name,
        )
    build_parser().print_help()
    return 2


def _utf8_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8")


@contextlib.contextmanager
def _chinese_argparse() -> Iterator[None]:
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: _ARGPARSE_ZH.get(text, text)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]
