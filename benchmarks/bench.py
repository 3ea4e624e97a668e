"""Speed and memory of the auditor, printed, never asserted.

    python benchmarks/bench.py [--megabytes 20] [--jobs 2] [--before REV] [--dask] [--skip-corpus]

1. Builds a corpus of at least --megabytes from real reports: the reports in
   ../shared/corpus (or --source DIR; reports/ when neither is there), each
   file one report, repeated, in a temporary directory.
2. Runs `auditor check --format json` over it end to end (process start, read,
   normalise, extract, relate, check, JSON written to /dev/null), with one
   worker and with --jobs workers; prints MB/s per core by the wall clock and
   by CPU time (the machine may be shared: CPU time is what the auditor itself
   spent), and the peak resident memory of the largest process.
3. Peak memory for a tenth of the files and for all of them (flat, or not).
4. `auditor check` on one 20 KB report from process start (cold start), and
   the same with cn2an imported up front (what it cost before the standard
   numerals were read without it). Both trees' bytecode is compiled first,
   as pip does on install; the best of 7 runs is printed, so the current
   tree's cache of compiled regular expressions (auditor.recache, written by
   the first run) is in use, as it is for a user from the second run on.
5. With --before REV: the same runs with the code of git revision REV (its
   tree unpacked to a temporary directory, run with this environment's
   packages), printed beside the current figures, in the same run.
6. With --dask: the cost of one document in one process, and on a
   dask.distributed LocalCluster of 1 and 2 worker processes the overhead of
   a task (an empty batch), and documents per second with batches of 100
   (the figures docs/scale.md works from).
7. One file at 1×, 10×, 100× and 200× of a 53 KB input, with the ratios of
   the times, and one 50 MB report end to end (benchmarks/one_file.py; the
   size with AUDITOR_BENCH_BIG_MB, 0 to skip).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.read import decode_bytes  # noqa: E402

REPORT_BYTES = 20_000


def source_reports(source: Path | None) -> list[bytes]:
    for directory in (source, ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus"), ROOT / "reports"):
        if directory is not None and directory.is_dir():
            files = sorted(p for p in directory.iterdir() if p.suffix in (".txt", ".md"))
            if files:
                return [p.read_bytes() for p in files]
    raise SystemExit("no reports to build a corpus from")


def build_corpus(directory: Path, megabytes: int, reports: list[bytes]) -> list[Path]:
    """Files of real reports, one report a file, round-robin, to the size asked."""
    paths, written = [], 0
    while written < megabytes * 1024 * 1024:
        data = reports[len(paths) % len(reports)]
        path = directory / f"report_{len(paths):05d}.txt"
        path.write_bytes(data)
        paths.append(path)
        written += len(data)
    return paths


def one_report(directory: Path, reports: list[bytes]) -> Path:
    text = "\n".join(decode_bytes(r)[0] for r in reports)
    path = directory / "one_20k.txt"
    data = text.encode("utf-8")[:REPORT_BYTES]
    path.write_bytes(data.decode("utf-8", "ignore").encode("utf-8"))  # 20 KB of UTF-8, cut at a character
    return path


_MEASURE = """
import resource, subprocess, sys, time, json
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_kib": usage.ru_maxrss}))
"""


class Code:
    """A way to run `auditor`: this tree, or another revision's."""

    def __init__(self, label: str, pythonpath: Path | None) -> None:
        self.label = label
        self.pythonpath = pythonpath
        # as pip installs it: the modules' bytecode compiled once (runs never write it), so the
        # cold start is the auditor's, not Python's compiler reading the sources every time
        subprocess.run([sys.executable, "-m", "compileall", "-q", str((pythonpath or ROOT) / "auditor")],
                       check=True, stdout=subprocess.DEVNULL)

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "auditor.cli", *args]

    def cwd(self) -> str:
        """Run in the tree measured: `python -m` puts the working directory first on sys.path,
        so run from the repository root it would import the current tree for every revision."""
        return str(self.pythonpath or ROOT)

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = str(self.pythonpath or ROOT)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["CI"] = "1"
        return env

    def measure(self, *args: str) -> dict:
        import json

        out = subprocess.run([sys.executable, "-c", _MEASURE, *self.command(*args)], env=self.env(), cwd=self.cwd(),
                             check=True, capture_output=True, text=True).stdout
        return json.loads(out)


def revision(rev: str, directory: Path) -> Code:
    """The tree of `rev` unpacked, with its rule pack where the package finds it."""
    target = directory / f"rev-{rev}"
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    (target / "auditor" / "builtin_rules").symlink_to(target / "rules", target_is_directory=True)
    return Code(f"before ({rev})", target)


def check_args(paths: list[Path], jobs: int) -> list[str]:
    return ["check", "--isolated", "--fail-on", "never", "--format", "json", "--output", os.devnull,
            "--jobs", str(jobs), *map(str, paths)]


def throughput(code: Code, paths: list[Path], size: int, jobs: int) -> str:
    m = code.measure(*check_args(paths, jobs))
    wall_rate = size / m["wall"] / 1e6
    cpu_rate = size / m["cpu"] / 1e6
    return (f"{code.label:>22} jobs={jobs}: {m['wall']:.1f} s wall, {wall_rate / jobs:.2f} MB/s per core by wall clock, "
            f"{cpu_rate:.2f} MB/s per CPU-second, peak {m['peak_kib'] / 1024:.0f} MiB")


def cold_start(code: Code, path: Path, preamble: str = "") -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(7):
        if preamble:
            command = [sys.executable, "-c", f"{preamble}\nimport sys\nfrom auditor.cli import main\n"
                       f"sys.argv = ['auditor', 'check', '--isolated', '--fail-on', 'never', {str(path)!r}]\nmain()"]
            m = _measure_command(code, command)
        else:
            m = code.measure("check", "--isolated", "--fail-on", "never", str(path))
        walls.append(m["wall"])
        cpus.append(m["cpu"])
    return min(walls), min(cpus)


def _measure_command(code: Code, command: list[str]) -> dict:
    import json

    out = subprocess.run([sys.executable, "-c", _MEASURE, *command], env=code.env(), cwd=code.cwd(), check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def dask_figures(paths: list[Path]) -> None:
    """Per-document cost, and Dask's per-task overhead and throughput with 1 and 2 workers."""
    from dask.distributed import Client, LocalCluster

    from auditor.distributed import iter_audit_dask
    from auditor.read import expand_paths
    from auditor.rulepack import load_rulepack
    from auditor.runner import audit_target

    pack = load_rulepack()
    targets = expand_paths([str(p) for p in paths], [], [])
    size = sum(p.stat().st_size for p in paths)
    for target in targets[:20]:  # warm: regexes compiled, caches filled
        audit_target(target, pack, "zh")
    start, cpu = time.perf_counter(), time.process_time()
    for target in targets:
        audit_target(target, pack, "zh", keep_text=False)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"one process, in-process: {len(targets)} documents ({size / len(targets) / 1e3:.1f} KB each): "
          f"{wall / len(targets) * 1e3:.2f} ms a document by wall clock, {cpu / len(targets) * 1e3:.2f} ms CPU")
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            client.submit(sum, [1]).result()
            count = 400
            start = time.perf_counter()
            futures = client.map(_empty_batch, range(count), pure=False)
            client.gather(futures)
            overhead = (time.perf_counter() - start) / count
            del futures
            list(iter_audit_dask(targets[:40], pack, "zh", client, batch_size=20))  # warm the workers
            start = time.perf_counter()
            done = sum(1 for _ in iter_audit_dask(targets, pack, "zh", client, batch_size=100))
            wall = time.perf_counter() - start
            print(f"dask, {workers} worker(s): {overhead * 1e3:.2f} ms a task (empty batch, {count} tasks); "
                  f"{done} documents in batches of 100: {wall:.1f} s, {done / wall:.0f} documents/s, "
                  f"{size / wall / 1e6:.2f} MB/s")


def _empty_batch(_: int) -> list:
    return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--source", type=Path, default=None, help="reports to build the corpus from")
    parser.add_argument("--before", default=None, metavar="REV", help="also measure git revision REV, in the same run")
    parser.add_argument("--dask", action="store_true", help="per-document cost and Dask overhead (needs auditor[dask])")
    parser.add_argument("--skip-corpus", action="store_true", help="only cold start (and --dask)")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="auditor-bench-"))
    try:
        reports = source_reports(args.source)
        codes = [Code("now", None)]
        if args.before:
            codes.insert(0, revision(args.before, workdir))
        paths = build_corpus(workdir, args.megabytes, reports)
        size = sum(p.stat().st_size for p in paths)
        print(f"corpus: {len(paths)} files of {len(reports)} real reports repeated, {size / 1e6:.1f} MB UTF-8")
        if not args.skip_corpus:
            tenth = paths[: max(1, len(paths) // 10)]
            for code in codes:
                small = code.measure(*check_args(tenth, 1))["peak_kib"]
                large = code.measure(*check_args(paths, 1))["peak_kib"]
                print(f"{code.label:>22} peak memory, one process: {len(tenth)} files {small / 1024:.0f} MiB, "
                      f"{len(paths)} files {large / 1024:.0f} MiB")
            for jobs in sorted({1, args.jobs}):
                for code in codes:
                    print(throughput(code, paths, size, jobs))
        single = one_report(workdir, reports)
        for code in codes:
            wall, cpu = cold_start(code, single)
            print(f"{code.label:>22} one {single.stat().st_size / 1e3:.0f} KB report from process start: "
                  f"best {wall:.3f} s wall, {cpu:.3f} s CPU")
        wall, cpu = cold_start(codes[-1], single, "import cn2an")
        print(f"{'now + import cn2an':>22} the same with cn2an imported up front: best {wall:.3f} s wall, {cpu:.3f} s CPU")
        try:
            import great_expectations  # noqa: F401

            m = min((codes[-1].measure("check", "--isolated", "--fail-on", "never", "--engine", "gx", str(single))
                     for _ in range(3)), key=lambda r: r["wall"])
            print(f"{'now --engine gx':>22} the same with the great_expectations engine: best {m['wall']:.3f} s wall")
        except ImportError:
            pass
        if args.dask:
            dask_figures(paths[: min(len(paths), 1000)])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
    # one document at 1×, 10×, 100×, 200× of 53 KB, and a 50 MB report end to end (benchmarks/one_file.py)
    from one_file import main as one_file  # beside this script

    one_file(["--big-megabytes", os.environ.get("AUDITOR_BENCH_BIG_MB", "50")])
