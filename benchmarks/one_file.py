"""One file at many sizes: is the audit of a single document linear?

    python benchmarks/one_file.py [--sizes 1,10,100,200] [--repeat 3] [--big-megabytes 50] [--code DIR]

1. Builds a ~53 KB unit of realistic report text (the sample reports in
   reports/, cut at a line end) and audits one document made of 1×, 10×, 100×
   and 200× that unit, in this process (read, normalise, extract, relate,
   check, findings), once with its line breaks and once as one line (as PDF
   or web extraction gives it). Prints each CPU time, the least of --repeat runs (this process's, so other
   work on a shared machine does not count) and the ratios
   time(100×)/time(10×) (linear: 10; target ≤ 11) and time(200×)/time(100×)
   (linear: 2; target ≤ 2.2).
2. Audits one dense report of --big-megabytes (default 50 MB, the default
   size limit) end to end with `auditor check --format json -o /dev/null` in
   a child process, and one of a fifth of that size: wall and CPU time, MB
   per CPU-second and the peak resident memory (RSS) of the child. A document this long is audited
   a piece at a time (auditor.pieces): its memory is bounded by the piece.

Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNIT_BYTES = 53 * 1024


def unit_text() -> str:
    """~53 KB of the sample reports, whole lines only."""
    from auditor.read import decode_bytes  # some samples are GB18030

    texts = [decode_bytes(p.read_bytes())[0] for p in sorted((ROOT / "reports").glob("*.txt"))]
    joined = "\n".join(texts)
    text = joined
    while len(text.encode("utf-8")) < UNIT_BYTES:
        text += "\n" + joined
    data = text.encode("utf-8")[:UNIT_BYTES].decode("utf-8", "ignore")
    return data[: data.rfind("\n") + 1]


def audit_seconds(text: str) -> tuple[float, int]:
    """CPU seconds to audit one document holding `text`, and its number of findings."""
    from auditor.audit import audit_document
    from auditor.read import Document
    from auditor.rulepack import load_rulepack

    try:  # as `auditor check` does: a long document a piece at a time
        from auditor.pieces import audit_in_pieces, pieceable
    except ImportError:  # --code: a checkout from before auditor.pieces
        audit_in_pieces = pieceable = None

    pack = load_rulepack()
    document = Document("one.txt", text, "utf-8")
    gc.collect()
    start = time.process_time()  # CPU time of this process: the audit's own, whatever else the machine runs
    if pieceable is not None and pieceable(document):
        findings, _, _, _ = audit_in_pieces(document, pack, "zh")
    else:
        _, findings, _ = audit_document(document, pack)
    return time.process_time() - start, len(findings)


def linearity(sizes: list[int], repeat: int = 3) -> None:
    unit = unit_text()
    print(f"unit: {len(unit.encode('utf-8')) / 1024:.0f} KB, {len(unit):,} characters; best of {repeat} runs per size")
    for label, piece in (("with line breaks", unit), ("as one line", unit.replace("\n", " ").rstrip() + " ")):
        times: dict[int, float] = {}
        for times_unit in sizes:
            # the least CPU time of a few runs: what the audit costs, less what a shared machine added (as timeit)
            runs = [audit_seconds(piece * times_unit) for _ in range(repeat)]
            seconds, found = min(runs)
            times[times_unit] = seconds
            print(f"  {label}: {times_unit:>4}× ({len(piece) * times_unit / 1e6:.2f} M chars) {seconds:8.2f} s CPU, {found:,} findings",
                  flush=True)
        for big, small, target in ((100, 10, 11), (200, 100, 2.2)):
            if big in times and small in times and times[small] > 0:
                print(f"  {label}: time({big}×)/time({small}×) = {times[big] / times[small]:.2f} (target ≤ {target})")


def dense_report(directory: Path, megabytes: float) -> Path:
    """A report of the given size made of the sample reports repeated, cut at a line end."""
    unit = unit_text().encode("utf-8")
    size = int(megabytes * 1024 * 1024) - 1
    data = (unit * (size // len(unit) + 1))[:size]
    data = data[: data.rfind(b"\n") + 1]
    path = directory / f"dense_{megabytes:g}MB.txt"
    path.write_bytes(data)
    return path


def end_to_end(code: Path, path: Path) -> tuple[float, float, float]:
    """Wall time, CPU time and peak resident memory (MiB) of `auditor check` on
    one file, with the auditor package in `code`, in a fresh child."""
    command = [sys.executable, "-c", "from auditor.cli import main; main()", "check", "--isolated", "--no-progress",
               "--fail-on", "never", "--format", "json", "--output", os.devnull, str(path)]
    runner = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
              "subprocess.run(sys.argv[1:], check=True); "
              "usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
              "print(time.perf_counter() - t, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(code), os.environ.get("PYTHONPATH"))))}
    out = subprocess.run([sys.executable, "-c", runner, *command], capture_output=True, text=True, check=True,
                         env=env).stdout
    seconds, cpu, peak = out.split()
    return float(seconds), float(cpu), int(peak) / 1024


def big_file(megabytes: float, code: Path = ROOT) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="auditor-one-file-"))
    try:
        results = []
        for size in (megabytes / 5, megabytes):
            path = dense_report(workdir, size)
            seconds, cpu, peak = end_to_end(code, path)
            mb = path.stat().st_size / 1e6
            results.append(cpu)
            print(f"  one dense report of {mb:.1f} MB end to end: {seconds:.1f} s wall, {cpu:.1f} s CPU, "
                  f"{mb / cpu:.2f} MB per CPU-second, peak RSS {peak:.0f} MiB", flush=True)
            path.unlink()
        print(f"  CPU time({megabytes:g} MB)/CPU time({megabytes / 5:g} MB) = {results[1] / results[0]:.2f} (linear: 5)")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10,100,200", help="multiples of the 53 KB unit")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the least CPU time is printed")
    parser.add_argument("--big-megabytes", type=float, default=50, help="0 to skip the end-to-end run")
    parser.add_argument("--code", type=Path, default=ROOT,
                        help="audit with the auditor package in this directory (an older checkout: before/after)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.code))
    print("one file, in process:")
    linearity([int(s) for s in args.sizes.split(",")], args.repeat)
    if args.big_megabytes:
        print("one file, end to end:")
        big_file(args.big_megabytes, args.code.resolve())


if __name__ == "__main__":
    main()
