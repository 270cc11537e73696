"""What ``validate`` and ``convert`` do, with the exit codes of ``shared/spec/report-json.md``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from model.atomic import WriteError
from model.checks import check_report, has_errors
from model.package import PackageError, PackageRead, read_package, read_text, save_package
from model.problems import Problem, Severity

OK, ERRORS, UNUSABLE = 0, 1, 2

# Export targets; each is refused with a clear message until its exporter exists, never faked.
_EXPORTS = {".xlsx": "Excel", ".pdf": "PDF", ".docx": "Word"}
_SOURCES = (".json",)


def validate(source: str, *, as_json: bool = False) -> int:
    read = _read(Path(source))
    if read is None:
        return UNUSABLE
    problems = read.problems + check_report(read.report)
    if as_json:
        print(json.dumps([p.to_json() for p in problems], ensure_ascii=False, indent=2))
    else:
        _print_problems(problems, sys.stdout)
    return ERRORS if has_errors(problems) else OK


def convert(source: str, target: str, *, allow_errors: bool = False) -> int:
    source_path, target_path = Path(source), Path(target)
    suffix = target_path.suffix.lower()
    if suffix not in (".json", *_EXPORTS):
        _fail(
            f"无法识别目标文件的格式“{target_path.suffix or target_path.name}”：请用 .json、.xlsx、.pdf 或 .docx。"
        )
        return UNUSABLE
    if source_path.suffix.lower() not in _SOURCES:
        what = (
            "Excel 工作簿"
            if source_path.suffix.lower() == ".xlsx"
            else f"“{source_path.suffix}”文件"
        )
        _fail(f"暂不能读取{what}：目前只能从 JSON 数据包（.json）转换。")
        return UNUSABLE
    read = _read(source_path)
    if read is None:
        return UNUSABLE
    if read.problems:
        _fail(f"{source_path.name} 中有不正确的数据，未做转换：")
        _print_problems(read.problems, sys.stderr)
        return UNUSABLE
    if suffix in _EXPORTS:
        _fail(
            f"暂不支持导出为 {_EXPORTS[suffix]}（{suffix}）：这项功能还在开发中。目前可以转换为 .json。"
        )
        return UNUSABLE
    try:
        save_package(read.report, target_path)
    except WriteError as exc:
        _fail(str(exc))
        return UNUSABLE
    print(f"已写入 {target_path}")
    return OK


def _read(path: Path) -> PackageRead | None:
    try:
        return read_package(read_text(path))
    except PackageError as exc:
        _fail(f"无法读取 {path.name}：")
        for where, message in exc.issues:
            print(f"  {where}：{message}" if where else f"  {message}", file=sys.stderr)
        return None


def _print_problems(problems: list[Problem], out: TextIO) -> None:
    if not problems:
        print("检查完毕，未发现问题。", file=out)
        return
    for problem in problems:
        print(f"[{problem.severity.label}] {problem.rule} {problem.message}", file=out)
        if problem.cells:
            print(f"    位置：{', '.join(problem.cells)}", file=out)
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    print(f"共 {errors} 个错误，{warnings} 个警告或说明。", file=out)


def _fail(message: str) -> None:
    print(message, file=sys.stderr)
