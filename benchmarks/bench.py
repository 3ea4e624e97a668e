"""Speed and memory of the auditor, printed, never asserted.

    python benchmarks/bench.py [--megabytes 20] [--jobs 2]

1. Builds a corpus of at least --megabytes of UTF-8 text from the sample
   reports in reports/ (about 20 KB a file), in a temporary directory.
2. Audits it end to end in one process (read, normalise, extract, relate,
   check, JSON render) and prints characters per second per core, wall time
   and peak memory; then again with --jobs workers.
3. Times `auditor check` on one 20 KB report from process start.
4. Prints peak memory for 1/10 and for all of the corpus, to show it does
   not grow with the number of files.
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
    target = megabytes * 1024 * 1024
    paths, written, chars = [], 0, 0
    index = 0
    while written < target:
        path = directory / f"report_{index:05d}.txt"
        data = body.encode("utf-8")
        path.write_bytes(data)
        paths.append(path)
        written += len(data)
        chars += len(body)
        index += 1
    return paths, chars


def measure(script: str, *args: str) -> dict[str, float]:
    """Run a measuring snippet in a fresh process so peak memory is its own."""
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True, cwd=ROOT)
    return {k: float(v) for k, v in (line.split("=") for line in out.stdout.split())}


AUDIT = """
import sys, time, resource
from pathlib import Path
from auditor.rulepack import load_rulepack
from auditor.read import expand_paths
from auditor.runner import audit_targets
from auditor.render import json_format
start = time.perf_counter()
pack = load_rulepack()
paths = sorted(Path(sys.argv[1]).iterdir())[: int(sys.argv[3])]
targets = expand_paths([str(p) for p in paths], [], [])
results = audit_targets(targets, pack, "zh", jobs=int(sys.argv[2]))
json_format.render(results, "zh")
wall = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"wall={wall} peak_kb={max(own, children)} chars={sum(len(r.text) for r in results)}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="auditor-bench-"))
    try:
        paths, chars = build_corpus(workdir, args.megabytes)
        size = sum(p.stat().st_size for p in paths)
        print(f"corpus: {len(paths)} files, {size / 1e6:.1f} MB UTF-8, {chars:,} characters")

        for jobs in (1, args.jobs):
            r = measure(AUDIT, str(workdir), str(jobs), str(len(paths)))
            rate = r["chars"] / r["wall"]
            print(
                f"jobs={jobs}: wall {r['wall']:.1f} s, {rate:,.0f} chars/s ({rate / jobs:,.0f} per core), "
                f"{size / r['wall'] / 1e6:.2f} MB/s, peak memory {r['peak_kb'] / 1024:.0f} MiB (largest process)"
            )

        tenth = max(1, len(paths) // 10)
        small = measure(AUDIT, str(workdir), "1", str(tenth))
        large = measure(AUDIT, str(workdir), "1", str(len(paths)))
        print(f"peak memory, one process: {tenth} files {small['peak_kb'] / 1024:.0f} MiB, {len(paths)} files {large['peak_kb'] / 1024:.0f} MiB")

        script = shutil.which("auditor", path=str(Path(sys.executable).parent)) or shutil.which("auditor")
        if script:
            times = []
            for _ in range(5):
                start = time.perf_counter()
                subprocess.run([script, "check", "--isolated", "--fail-on", "never", str(paths[0])], capture_output=True, check=True)
                times.append(time.perf_counter() - start)
            print(f"one 20 KB report from process start: best {min(times):.2f} s, median {sorted(times)[2]:.2f} s")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
