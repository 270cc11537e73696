"""What ``validate`` and ``convert`` do, with the exit codes of ``shared/spec/report-json.md``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NamedTuple, TextIO

from export.files import check_target, read_report_file, write_report_file
from export.reading import ImportResult
from model.checks import check_report, has_errors, skipped_comparisons
from model.problems import Problem, Severity
from model.refusal import FileRefused
from model.report import Report
from model.settings import settings_or_defaults

OK, ERRORS, UNUSABLE = 0, 1, 2


class Identity(NamedTuple):
    """``--organization`` and ``--year``: what a published document may not say clearly."""

    organization: str | None = None
    year: int | None = None


AS_WRITTEN = Identity()  # nothing given: the file's own


def validate(
    source: str,
    *,
    previous: str | None = None,
    as_json: bool = False,
    identity: Identity = AS_WRITTEN,
) -> int:
    """Check a data package — or a workbook or Word report, as the county receives them."""
    read = _read_source(Path(source), "未做检查", identity)
    if read is None:
        return UNUSABLE
    last = None
    if previous is not None:
        last_read = _read_source(Path(previous), "未做检查")
        if last_read is None:
            return UNUSABLE
        last = last_read.report
    problems = read.problems + check_report(
        read.report, previous=last, settings=settings_or_defaults(to_stderr)
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


def convert(
    source: str, target: str, *, allow_errors: bool = False, identity: Identity = AS_WRITTEN
) -> int:
    source_path, target_path = Path(source), Path(target)
    try:
        check_target(target_path)
    except FileRefused as exc:
        to_stderr(str(exc))
        return UNUSABLE
    report = _load_source(source_path, identity)
    if report is None:
        return UNUSABLE
    errors = []
    if target_path.suffix.lower() != ".json":  # writing the data package is never blocked
        settings = settings_or_defaults(to_stderr)
        errors = [
            p for p in check_report(report, settings=settings) if p.severity is Severity.ERROR
        ]
    if errors and not allow_errors:
        to_stderr(
            f"报告有 {len(errors)} 个错误，未导出（加 --allow-errors 可导出标记为“草稿”的文件）："
        )
        _print_problems(errors, sys.stderr)
        return ERRORS
    if errors:
        to_stderr(f"报告有 {len(errors)} 个错误，已按要求导出，并在文件中标记为“草稿”。")
    try:
        write_report_file(report, target_path, errors=errors)
    except (OSError, ValueError) as exc:  # WriteError, FontError (a character no font has)…
        to_stderr(f"未能写入 {target_path.name}：{exc}")
        return UNUSABLE
    print(f"已写入 {target_path}")
    return OK


def _load_source(path: Path, identity: Identity) -> Report | None:
    read = _read_source(path, "未做转换", identity)
    if read is None:
        return None
    missing = read.missing_identity()
    if missing:
        to_stderr(
            f"{path.name} 中找不到报告的{'和'.join(missing)}，未做转换：请用 "
            + "、".join("--organization" if m == "机关名称" else "--year" for m in missing)
            + " 指定。"
        )
        return None
    if read.problems:
        to_stderr(f"{path.name} 中有不正确的数据，未做转换：")
        _print_problems(read.problems, sys.stderr)
        return None
    return read.report


def _read_source(
    path: Path, nothing_done: str, identity: Identity = AS_WRITTEN
) -> ImportResult | None:
    """A report with the problems found reading it (a data package's E-value, E-R2…), the
    organization and year given on the command line applied; None, said on stderr, when the
    file cannot be read."""
    try:
        read = read_report_file(path)
    except FileRefused as exc:
        to_stderr(f"无法读取 {path.name}，{nothing_done}：")
        _print_issues(exc.issues)
        return None
    read.identify(identity.organization, identity.year)
    for note in read.notes:
        to_stderr(f"{path.name}：{note}")
    return read


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


def to_stderr(message: str) -> None:
    print(message, file=sys.stderr)
