"""Speed and memory of the auditor, printed, never asserted.

    python benchmarks/bench.py [--megabytes 20] [--jobs 2]

1. Builds a corpus of at least --megabytes of UTF-8 text from the sample
   reports in reports/ (about 20 KB a file), in a temporary directory. The
   samples are dense with planted defects, so this is a harsh corpus: about one
   figure every 22 characters and one finding every 60.
2. Runs `auditor check --format json` over it end to end (process start, read,
   normalise, extract, relate, check, JSON written to /dev/null), with one
   worker and with --jobs workers; prints characters and bytes per second per
   core, wall time and the peak resident memory of the largest process.
3. Prints peak memory for a tenth of the files and for all of them, to show it
   does not grow with the number of files.
4. Times `auditor check` on one 20 KB report from process start, with and
   without the great_expectations engine.
5. One file at 1×, 10×, 100× and 200× of a 53 KB input, with the ratios of
   the times, and one 50 MB report end to end (benchmarks/one_file.py; the
   size with AUDITOR_BENCH_BIG_MB, 0 to skip).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.read import decode_bytes  # noqa: E402

FILE_CHARS = 20_000


def build_corpus(directory: Path, megabytes: int) -> tuple[list[Path], int]:
    texts = [decode_bytes(p.read_bytes())[0] for p in sorted((ROOT / "reports").iterdir()) if p.suffix in (".txt", ".md")]
    unit = "\n".join(texts)
    body = (unit * (FILE_CHARS // len(unit) + 1))[:FILE_CHARS]
    data = body.encode("utf-8")
    paths, written = [], 0
    while written < megabytes * 1024 * 1024:
        path = directory / f"report_{len(paths):05d}.txt"
        path.write_bytes(data)
        paths.append(path)
        written += len(data)
    return paths, len(body) * len(paths)


def run_check(script: str, paths: list[Path], jobs: int) -> tuple[float, int]:
    """One `auditor check` over paths, JSON to /dev/null, in a child process:
    wall time, and the peak resident memory (KiB) of the largest process so far."""
    start = time.perf_counter()
    subprocess.run([script, "check", "--isolated", "--no-progress", "--fail-on", "never", "--format", "json",
                    "--output", os.devnull, "--jobs", str(jobs), *map(str, paths)], check=True)
    return time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def startup(script: str, path: Path, *extra: str) -> tuple[float, float]:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([script, "check", "--isolated", "--fail-on", "never", *extra, str(path)], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return min(times), sorted(times)[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    script = shutil.which("auditor", path=str(Path(sys.executable).parent)) or shutil.which("auditor")
    if not script:
        sys.exit("auditor is not installed in this environment (pip install -e .)")
    workdir = Path(tempfile.mkdtemp(prefix="auditor-bench-"))
    try:
        paths, chars = build_corpus(workdir, args.megabytes)
        size = sum(p.stat().st_size for p in paths)
        print(f"corpus: {len(paths)} files, {size / 1e6:.1f} MB UTF-8, {chars:,} characters")

        # the small run first: ru_maxrss of children only ever grows
        tenth = paths[: max(1, len(paths) // 10)]
        _, small_peak = run_check(script, tenth, 1)
        print(f"peak memory, one process, {len(tenth)} files: {small_peak / 1024:.0f} MiB")
        for jobs in (1, args.jobs):
            wall, peak = run_check(script, paths, jobs)
            rate = chars / wall
            print(
                f"jobs={jobs}: {len(paths)} files in {wall:.1f} s, {rate:,.0f} chars/s ({rate / jobs:,.0f} per core), "
                f"{size / wall / 1e6:.2f} MB/s ({size / wall / 1e6 / jobs:.2f} per core), peak memory {peak / 1024:.0f} MiB"
            )

        best, median = startup(script, paths[0])
        print(f"one 20 KB report from process start: best {best:.2f} s, median {median:.2f} s")
        try:
            import great_expectations  # noqa: F401

            best, median = startup(script, paths[0], "--engine", "gx")
            print(f"the same with --engine gx: best {best:.2f} s, median {median:.2f} s")
        except ImportError:
            pass
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
    # one document at 1×, 10×, 100×, 200× of 53 KB, and a 50 MB report end to end (benchmarks/one_file.py)
    from one_file import main as one_file  # beside this script

    one_file(["--big-megabytes", os.environ.get("AUDITOR_BENCH_BIG_MB", "50")])
