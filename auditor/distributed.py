"""Audit on a dask.distributed cluster: documents in batches, results in order.

    auditor check --dask tcp://scheduler:8786 reports/
    auditor check --dask local reports/          # a LocalCluster on this machine

A task costs about a millisecond of scheduling, so each task audits a batch
of documents (100 by default). Batches are submitted a few at a time ahead
of the one being written out, and results come back in the order of the
files, so the output is the same, byte for byte, as a local run, and memory
stays flat however many files there are. Workers read the files by path:
they must see the same file system (one machine, or a shared mount).

A file that fails on a worker comes back as a result with its error, as it
does locally (`audit_target` never raises for a bad file); a batch whose
worker is lost is run again on another worker by the scheduler.

Only this module imports dask, and only `auditor ... --dask` imports it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from auditor.model import FileResult
from auditor.read import DEFAULT_MAX_BYTES, Target

DEFAULT_BATCH = 100


class DaskUnavailable(Exception):
    """dask[distributed] is not installed, or the scheduler cannot be reached."""


def connect(address: str, workers: int | None = None):
    """A client for `address`, or for a new LocalCluster when it is `local`."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailable("dask_missing") from None
    import dask

    dask.config.set({"distributed.admin.system-monitor.gil.enabled": False, "distributed.worker.daemon": False})
    if address == "local":
        import os

        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
        client._auditor_owns_cluster = True
        return client
    try:
        return Client(address, timeout="5s")
    except (OSError, TimeoutError):
        raise DaskUnavailable("dask_unreachable") from None


def disconnect(client) -> None:
    """Close the client, and the LocalCluster if `connect` started one."""
    cluster = client.cluster if getattr(client, "_auditor_owns_cluster", False) else None
    client.close()
    if cluster is not None:
        cluster.close()


def audit_batch(items: list[tuple[Target, bytes | None]], pack, lang: str, max_bytes: int, keep_figures: bool,
                keep_text: bool, keep_facts: bool) -> list[FileResult]:
    """One task: audit a batch of documents, on a worker."""
    from auditor.runner import audit_target

    return [audit_target(target, pack, lang, max_bytes, stdin, keep_figures, keep_text, keep_facts)
            for target, stdin in items]


def batches(targets: list[Target], size: int, stdin: bytes | None = None) -> list[list[tuple[Target, bytes | None]]]:
    items = [(t, stdin if t.path is None and t.error is None else None) for t in targets]
    return [items[i : i + size] for i in range(0, len(items), size)]


def iter_audit_dask(targets: list[Target], pack, lang: str, client, batch_size: int = DEFAULT_BATCH,
                    max_bytes: int = DEFAULT_MAX_BYTES, keep_figures: bool = False, keep_text: bool = False,
                    keep_facts: bool = False, ahead: int | None = None, function=audit_batch) -> Iterator[FileResult]:
    """Results in the order of `targets`, batch by batch as they complete."""
    stdin = None
    if any(t.path is None and t.error is None for t in targets):
        import sys

        stdin = sys.stdin.buffer.read()
    work = batches(targets, max(1, batch_size), stdin)
    if not work:
        return
    [pack_future] = client.scatter([pack], broadcast=True, hash=False)
    ahead = ahead or 2 * max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})) or 1) + 2
    pending: deque = deque()
    queued = iter(enumerate(work))

    def submit_next() -> None:
        for _, batch in queued:
            pending.append(client.submit(function, batch, pack_future, lang, max_bytes, keep_figures, keep_text,
                                         keep_facts, pure=False, retries=2))
            return

    for _ in range(ahead):
        submit_next()
    while pending:
        future = pending.popleft()
        results = future.result()
        future.release()
        submit_next()
        yield from results


# --- `auditor figures --dask … --format parquet --output DIR` -------------------------------

INT_FIGURE_COLUMNS = ("figure", "line", "column", "end_line", "end_column", "start", "end", "decimals", "multiplier")
INT_RELATION_COLUMNS = ("id", "line", "column")


def figures_batch(items: list[tuple[Target, bytes | None]], pack, lang: str, max_bytes: int, output: str,
                  index: int) -> tuple[int, int, list[str]]:
    """One task: the figures and relations of a batch, written as one part of
    the dataset; returns the row counts and the files that could not be read."""
    from auditor.figures import collect

    figures, relations, errors = collect([t for t, _ in items], pack, lang, max_bytes)
    root = Path(output)
    write_part(root / "figures" / f"part-{index:05d}.parquet", figures, figure_columns(pack))
    write_part(root / "relations" / f"part-{index:05d}.parquet", relations, None)
    return len(figures), len(relations), errors


def figure_columns(pack) -> list[str]:
    """The figures table's columns under this pack, check columns included."""
    from auditor.audit import analyse
    from auditor.read import Document
    from auditor.table import FIGURE_COLUMNS

    analysis = analyse(Document("-", "应接种100人,实际接种90人,接种率为90%。", "str"), pack)
    return list(FIGURE_COLUMNS) + [c for c in analysis.rows[0] if c not in FIGURE_COLUMNS]


def write_part(path: Path, rows: list[dict[str, Any]], columns: list[str] | None) -> None:
    """One Parquet file with the same schema whatever the rows (None: the
    relations table): every part of the dataset reads as one table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from auditor.table import RELATION_COLUMNS

    integers = INT_FIGURE_COLUMNS if columns is not None else INT_RELATION_COLUMNS
    columns = columns if columns is not None else list(RELATION_COLUMNS)
    fields = []
    arrays = []
    for name in columns:
        values = [row.get(name, "") for row in rows]
        if name in integers:
            fields.append(pa.field(name, pa.int64()))
            arrays.append(pa.array([int(v) if v != "" else None for v in values], pa.int64()))
        elif name == "in_list":
            fields.append(pa.field(name, pa.bool_()))
            arrays.append(pa.array([bool(v) for v in values], pa.bool_()))
        else:
            fields.append(pa.field(name, pa.string()))
            arrays.append(pa.array(["" if v is None else str(v) for v in values], pa.string()))
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    pq.write_table(pa.Table.from_arrays(arrays, schema=pa.schema(fields)), temporary)
    temporary.replace(path)  # a retried batch rewrites its part whole


def export_figures_dask(targets: list[Target], pack, lang: str, output: Path, max_bytes: int, client,
                        batch_size: int = DEFAULT_BATCH) -> tuple[int, int, list[str]]:
    """Write `output/figures/part-*.parquet` and `output/relations/part-*.parquet`."""
    output.mkdir(parents=True, exist_ok=True)
    for old in [*output.glob("figures/part-*.parquet"), *output.glob("relations/part-*.parquet")]:
        old.unlink()
    work = batches([t for t in targets if t.path is not None or t.error is not None], max(1, batch_size))
    [pack_future] = client.scatter([pack], broadcast=True, hash=False)
    futures = [client.submit(figures_batch, batch, pack_future, lang, max_bytes, str(output.resolve()), index,
                             pure=False, retries=2) for index, batch in enumerate(work)]
    figures = relations = 0
    errors: list[str] = []
    for future in futures:
        counts = future.result()
        figures += counts[0]
        relations += counts[1]
        errors.extend(counts[2])
    return figures, relations, errors
