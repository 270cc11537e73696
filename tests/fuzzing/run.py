"""The fuzz run: N seeded cases over every reader and writer and the store; counts per outcome.

    .venv/bin/python -m tests.fuzzing.run --cases 10000 --seed 1 [--workers 2] [--keep DIR]

Each case takes one of our own files (the sample and a report with numbers, as a data package,
a workbook and a Word document; a database holding them), damages it with one mutator, and runs
it through ``harness.run_case`` in a worker process whose memory is bounded (``--memory-mb``)
and each case in time (``--seconds``). Failures are listed with their mutator, and with
``--keep`` their input files are kept as reproducers. Exit status 1 when any case failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from . import mutators as m
from .harness import GOOD, run_case

KINDS = (
    "json structure",
    "json value",
    "json text",
    "json bytes",
    "xlsx zip",
    "xlsx bytes",
    "docx zip",
    "docx bytes",
    "html bytes",
    "pdf bytes",
    "database bytes",
)

_SEEDS: dict[str, list[Path]] = {}
_WORK: Path = Path()
_SECONDS = 10.0


def make_seeds(folder: Path) -> dict[str, list[Path]]:
    """Our own files to damage: the sample and a report with numbers in every format."""
    from benchmarks.bench_model import full_report
    from export.files import write_report_file
    from model.store.store import Store
    from tests.helpers import sample_report

    numbers = full_report()
    numbers.year = 2022  # another year of the same organization: both fit one database
    reports = [sample_report(), numbers]
    seeds: dict[str, list[Path]] = {".json": [], ".xlsx": [], ".docx": [], ".pdf": []}
    for i, report in enumerate(reports):
        for suffix in seeds:
            path = folder / f"seed{i}{suffix}"
            write_report_file(report, path)
            seeds[suffix].append(path)
    seeds[".html"] = [_web_page(path) for path in seeds[".docx"]]
    database = folder / "seed.sqlite3"
    with Store.open(database) as store:
        for report in reports:
            store.save(report)
    seeds[".sqlite3"] = [database]
    return seeds


def _web_page(document: Path) -> Path:
    """The Word seed as a web page, as LibreOffice writes it (portals publish Word reports so)."""
    from tests.export.office import office_convert

    return office_convert(document, "html", document.parent / f"{document.stem}-html")


def make_case(index: int, seed: int, folder: Path) -> tuple[str, Path]:
    """Case ``index`` of run ``seed``: (its kind and mutator, its input file)."""
    rng = random.Random(f"{seed}:{index}")
    kind = KINDS[index % len(KINDS)]
    fmt, level = kind.split()
    source = rng.choice(_SEEDS["." + ("sqlite3" if fmt == "database" else fmt)])
    data = source.read_bytes()
    if fmt == "json" and level != "bytes":
        mutate = {"structure": m.json_structure, "value": m.json_value, "text": m.json_text}[level]
        package = json.loads(data)
        for _ in range(rng.choice([1, 1, 2])):
            package = mutate(rng, package)
        out, name = m.dumps(package, rng), mutate.__name__
    else:
        pool = m.ZIP_MUTATORS if level == "zip" else m.BYTE_MUTATORS
        mutate = rng.choice(pool)
        out, name = mutate(rng, data), mutate.__name__
        if fmt == "database" and rng.random() < 0.2:
            out, name = data[:-1], "truncate last byte"
    path = folder / f"case{index}{source.suffix}"
    path.write_bytes(out)
    return f"{kind}: {name}", path


def _init(seeds: dict[str, list[Path]], work: str, seconds: float, memory_mb: int) -> None:
    global _SEEDS, _WORK, _SECONDS
    _SEEDS, _WORK, _SECONDS = seeds, Path(work), seconds
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _one(args: tuple[int, int]) -> tuple[int, str, str, str, float]:
    index, seed = args
    folder = _WORK / f"w{os.getpid()}"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    label, path = make_case(index, seed, folder)
    out = folder / "out"
    out.mkdir()
    start = time.perf_counter()
    outcome, detail = run_case(path, out, seconds=_SECONDS)
    seconds = time.perf_counter() - start
    if outcome not in GOOD:
        shutil.copy2(path, _WORK / f"failed-{path.name}")
    shutil.rmtree(out, ignore_errors=True)
    return index, label, outcome, detail, seconds


def run(
    cases: int, seed: int, *, workers: int = 2, seconds: float = 10.0, memory_mb: int = 1536
) -> dict[str, Any]:
    """Counts per outcome and the failures, as a dictionary (also what ``main`` prints)."""
    work = Path(tempfile.mkdtemp(prefix="nianbao-fuzz-"))
    seeds = make_seeds(work)
    counts: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    failures: list[dict[str, Any]] = []
    slowest: list[tuple[float, int, str]] = []
    with Pool(workers, _init, (seeds, str(work), seconds, memory_mb), maxtasksperchild=200) as pool:
        for index, label, outcome, detail, seconds in pool.imap_unordered(
            _one, ((i, seed) for i in range(cases)), chunksize=4
        ):
            counts[outcome] += 1
            slowest = sorted([*slowest, (seconds, index, label)], reverse=True)[:5]
            by_kind[f"{label.split(':')[0]}: {outcome}"] += 1
            if outcome not in GOOD:
                failures.append(
                    {"case": index, "input": label, "outcome": outcome, "detail": detail}
                )
    return {
        "cases": cases,
        "seed": seed,
        "counts": dict(counts),
        "by_kind": dict(sorted(by_kind.items())),
        "slowest": [{"seconds": round(s, 2), "case": i, "input": label} for s, i, label in slowest],
        "failures": failures,
        "folder": str(work),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--memory-mb", type=int, default=1536)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = run(
        args.cases, args.seed, workers=args.workers, seconds=args.seconds, memory_mb=args.memory_mb
    )
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        for outcome, count in sorted(result["counts"].items(), key=lambda kv: -kv[1]):
            print(f"{count:7d}  {outcome}")
        for line, count in result["by_kind"].items():
            print(f"  {count:6d}  {line}")
        for slow in result["slowest"]:
            print(f"  slowest: {slow['seconds']:6.2f} s  case {slow['case']} ({slow['input']})")
        failed = Counter(f"{f['outcome']} ← {f['input']}" for f in result["failures"])
        for line, count in failed.most_common():
            print(f"  {count:6d}  FAILED {line}")
        print(f"inputs of failed cases kept in {result['folder']}")
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
