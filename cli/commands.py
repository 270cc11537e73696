"""What ``validate`` and ``convert`` do, with the exit codes of ``shared/spec/report-json.md``."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, TextIO

from export import WRITERS, reader_for, writer_for
from export.document import render
from export.office_files import ImportRefused
from model.atomic import WriteError
from model.checks import check_report, has_errors, skipped_comparisons
from model.package import PackageError, PackageRead, read_package, read_text, save_package
from model.problems import Problem, Severity
from model.report import Report
from model.settings import settings_or_defaults

OK, ERRORS, UNUSABLE = 0, 1, 2


def validate(source: str, *, previous: str | None = None, as_json: bool = False) -> int:
    """Check a data package — or a workbook or Word report, as the county receives them."""
    read = _read_source(Path(source), "未做检查")
    if read is None:
        return UNUSABLE
    last = None
    if previous is not None:
        last_read = _read_source(Path(previous), "未做检查")
        if last_read is None:
            return UNUSABLE
        last = last_read.report
    problems = read.problems + check_report(
        read.report, previous=last, settings=settings_or_defaults(_fail)
    )
    said = []
    if not read.status_known:  # whether it was published is not in a document: no deadline check
        problems = [p for p in problems if p.rule != "W-deadline"]
        said.append("这份文件不记录报告是否已经发布，未检查发布期限（W-deadline）。")
    skipped = skipped_comparisons(last)
    if skipped:
        said.append(f"未提供上一年度报告（--previous），以下比对已跳过：{'；'.join(skipped)}。")
    if as_json:
        print(json.dumps([p.to_json() for p in problems], ensure_ascii=False, indent=2))
    else:
        _print_problems(problems, sys.stdout)
    for line in said:
        print(line, file=sys.stderr if as_json else sys.stdout)
    return ERRORS if has_errors(problems) else OK


def convert(source: str, target: str, *, allow_errors: bool = False) -> int:
    source_path, target_path = Path(source), Path(target)
    suffix = target_path.suffix.lower()
    if suffix != ".json" and suffix not in WRITERS:
        known = "、".join((".json", *WRITERS))
        _fail(f"无法识别目标文件的格式“{target_path.suffix or target_path.name}”：请用 {known}。")
        return UNUSABLE
    report = _load_source(source_path)
    if report is None:
        return UNUSABLE
    if suffix == ".json":  # writing the data package is never blocked
        return _written(lambda: save_package(report, target_path), target_path)
    errors = [
        p
        for p in check_report(report, settings=settings_or_defaults(_fail))
        if p.severity is Severity.ERROR
    ]
    if errors and not allow_errors:
        _fail(
            f"报告有 {len(errors)} 个错误，未导出（加 --allow-errors 可导出标记为“草稿”的文件）："
        )
        _print_problems(errors, sys.stderr)
        return ERRORS
    if errors:
        _fail(f"报告有 {len(errors)} 个错误，已按要求导出，并在文件中标记为“草稿”。")
    writer = writer_for(suffix)
    assert writer is not None
    rendered = render(report, errors=errors)
    return _written(lambda: writer(rendered, report, target_path), target_path)


def _written(write: Callable[[], None], target: Path) -> int:
    try:
        write()
    except WriteError as exc:
        _fail(str(exc))
        return UNUSABLE
    print(f"已写入 {target}")
    return OK


def _load_source(path: Path) -> Report | None:
    read = _read_source(path, "未做转换")
    if read is None:
        return None
    if read.problems:
        _fail(f"{path.name} 中有不正确的数据，未做转换：")
        _print_problems(read.problems, sys.stderr)
        return None
    return read.report


class _Source(NamedTuple):
    report: Report
    problems: list[Problem]  # found reading a data package (E-value, E-R2…)
    status_known: bool  # False: a Word report or hand-made workbook cannot say it was published


def _read_source(path: Path, nothing_done: str) -> _Source | None:
    """A data package with the problems found reading it (E-value, E-R2…), or a workbook or
    Word report, which is read whole or refused; None, said on stderr, when it cannot be read."""
    suffix = path.suffix.lower()
    reader = reader_for(suffix)
    if reader is None and suffix != ".json":
        _fail(
            f"无法读取“{path.name}”：只能读取 JSON 数据包（.json）、Excel 工作簿（.xlsx）"
            "或 Word 文档（.docx）。"
        )
        return None
    if reader is not None:
        try:
            result = reader(path)
        except ImportRefused as exc:
            _fail(f"无法导入 {path.name}，{nothing_done}：")
            _print_issues(exc.issues)
            return None
        for note in result.notes:
            _fail(note)
        return _Source(result.report, [], result.status_known)
    read = _read_package(path)
    return None if read is None else _Source(read.report, read.problems, True)


def _read_package(path: Path) -> PackageRead | None:
    try:
        return read_package(read_text(path))
    except PackageError as exc:
        _fail(f"无法读取 {path.name}：")
        _print_issues(exc.issues)
        return None


def _print_issues(issues: list[tuple[str, str]]) -> None:
    for where, message in issues:
        print(f"  {where}：{message}" if where else f"  {message}", file=sys.stderr)


def _print_problems(problems: list[Problem], out: TextIO) -> None:
    if not problems:
        print("检查完毕，未发现问题。", file=out)
        return
    for problem in problems:
        print(f"[{problem.severity.label}] {problem.rule} {problem.message}", file=out)
        if problem.cells:
            print(f"    位置：{', '.join(problem.cells)}", file=out)
    counts = {severity: sum(p.severity is severity for p in problems) for severity in Severity}
    print(
        f"共 {counts[Severity.ERROR]} 个错误，{counts[Severity.WARNING]} 个警告，"
        f"{counts[Severity.EXPLAINED]} 个已说明的警告。",
        file=out,
    )


def _fail(message: str) -> None:
    print(message, file=sys.stderr)
