"""--dask: the same bytes as a local run in every format, bad files reported as
locally, a lost worker's batch run again, figures as a Parquet dataset; and
the plain path never imports dask."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("dask.distributed")

from dask.distributed import Client, LocalCluster  # noqa: E402

from auditor.cli import main  # noqa: E402
from auditor.distributed import audit_batch, iter_audit_dask  # noqa: E402
from auditor.read import expand_paths  # noqa: E402
from auditor.render import FORMATS  # noqa: E402
from auditor.runner import audit_targets  # noqa: E402
from conftest import CORPUS, REPORTS, _PACK  # noqa: E402

DIRECTORIES = [str(REPORTS)] + ([str(CORPUS)] if CORPUS.is_dir() else [])


@pytest.fixture(scope="module")
def scheduler():
    """A small 2-worker cluster in this process (threads), quick to start."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _output(directory: Path, fmt: str, *extra: str) -> tuple[object, int]:
    directory.mkdir()
    out = directory / f"report.{fmt}"
    result = run("check", "--isolated", *DIRECTORIES, "--format", fmt, "--output", str(out), "--no-progress", *extra)
    written = sorted((p.relative_to(directory).as_posix(), p.read_bytes()) for p in directory.rglob("*") if p.is_file())
    return written, result.exit_code


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_is_byte_identical_to_a_local_run(tmp_path, scheduler, fmt):
    extra = ("--figures",) if fmt in ("xlsx", "csv") else ()
    local = _output(tmp_path / "local", fmt, "--jobs", "1", *extra)
    remote = _output(tmp_path / "dask", fmt, "--dask", scheduler, "--batch-size", "3", *extra)
    assert local[1] == remote[1] == 1
    assert local[0] and remote[0] == local[0]


def test_text_to_standard_output_and_across_are_identical(scheduler):
    local = run("check", "--isolated", "--across", *DIRECTORIES, "--jobs", "1")
    remote = run("check", "--isolated", "--across", *DIRECTORIES, "--dask", scheduler, "--batch-size", "4")
    assert local.exit_code == remote.exit_code == 1
    assert remote.output == local.output
    assert "[CF003]" in remote.output and "[CF004]" in remote.output


def test_a_bad_file_is_reported_as_locally_and_the_rest_goes_on(tmp_path, scheduler):
    (tmp_path / "a_good.txt").write_text("应接种200人,实际接种150人,接种率为80%。\n", encoding="utf-8")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "c_old.doc").write_bytes(b"whatever")
    (tmp_path / "d_bad.txt").write_text("应接种66775人次,实际接种65127人次,接种率为97.66%。\n", encoding="utf-8")
    args = ("check", "--isolated", str(tmp_path), str(tmp_path / "missing.txt"), "--format", "json")
    local, remote = run(*args, "--jobs", "1"), run(*args, "--dask", scheduler, "--batch-size", "2")
    assert local.exit_code == remote.exit_code == 2
    assert remote.stdout == local.stdout and remote.stderr == local.stderr
    data = json.loads(remote.stdout)
    names = [f["path"].rsplit("/", 1)[-1] for f in data["files"]]
    assert names == ["a_good.txt", "b_binary.txt", "c_old.doc", "d_bad.txt", "missing.txt"]
    assert [bool(f.get("error")) for f in data["files"]] == [False, True, True, False, True]
    assert data["files"][3]["findings"][0]["rule"] == "RT001"
    assert len(remote.stderr.splitlines()) == 3


def test_results_stream_in_target_order_whatever_the_batch_size(scheduler):
    targets = expand_paths(DIRECTORIES, [], [])
    local = [r.findings for r in audit_targets(targets, _PACK, "zh", jobs=1)]
    with Client(scheduler) as client:
        for size in (1, 5, 100):
            assert [r.findings for r in iter_audit_dask(targets, _PACK, "zh", client, batch_size=size, ahead=2)] == local


def slow_batch(*args):
    time.sleep(0.4)
    return audit_batch(*args)


def test_a_lost_workers_batch_is_run_again(tmp_path):
    targets = expand_paths(DIRECTORIES, [], [])
    local = [(r.path, r.findings) for r in audit_targets(targets, _PACK, "zh", jobs=1)]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        pids = client.run(os.getpid)
        results = iter_audit_dask(targets, _PACK, "zh", client, batch_size=2, ahead=6, function=slow_batch)
        collected = [next(results)]  # the work has started on both workers
        busy = [address for address, keys in client.processing().items() if keys]
        assert busy
        os.kill(pids[busy[0]], signal.SIGKILL)
        collected.extend(results)
        assert [(r.path, r.findings) for r in collected] == local
        assert busy[0] not in client.scheduler_info()["workers"] or client.run(os.getpid).get(busy[0]) != pids[busy[0]]


def test_figures_as_a_partitioned_parquet_dataset(tmp_path, scheduler):
    import pandas as pd

    dataset = tmp_path / "figures.parquet"
    result = run("figures", "--isolated", *DIRECTORIES, "--format", "parquet", "--output", str(dataset),
                 "--dask", scheduler, "--batch-size", "4")
    assert result.exit_code == 0, result.output
    parts = sorted(p.name for p in (dataset / "figures").iterdir())
    count = len(expand_paths(DIRECTORIES, [], []))
    assert parts == [f"part-{i:05d}.parquet" for i in range((count + 3) // 4)]
    figures = pd.read_parquet(dataset / "figures")
    relations = pd.read_parquet(dataset / "relations")
    local_csv = tmp_path / "local.csv"
    local_relations = tmp_path / "relations.csv"
    run("figures", "--isolated", *DIRECTORIES, "--output", str(local_csv), "--relations", str(local_relations))
    local = pd.read_csv(local_csv, dtype=str, keep_default_na=False)
    assert len(figures) == len(local) and list(figures.columns) == list(local.columns)
    ordered = figures.astype(str).sort_values(["file", "figure"], key=lambda c: c.map(lambda v: v.zfill(8))).reset_index(drop=True)
    expected = local.sort_values(["file", "figure"], key=lambda c: c.map(lambda v: v.zfill(8))).reset_index(drop=True)
    assert ordered[["file", "text", "value", "area", "period"]].equals(expected[["file", "text", "value", "area", "period"]])
    assert len(relations) == len(pd.read_csv(local_relations, dtype=str))
    assert figures["line"].dtype == "int64" and figures["in_list"].dtype == bool

    import dask.dataframe as dd

    assert len(dd.read_parquet(str(dataset / "figures")).compute()) == len(local)


def test_figures_on_dask_needs_parquet(tmp_path, scheduler):
    result = run("figures", "--isolated", str(REPORTS), "--format", "csv", "--output", str(tmp_path / "x"), "--dask", scheduler)
    assert result.exit_code == 2 and "parquet" in result.stderr


def test_an_unreachable_scheduler_is_one_line(tmp_path):
    result = run("check", "--isolated", str(REPORTS), "--dask", "tcp://127.0.0.1:9", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.strip() == "auditor: cannot reach the Dask scheduler at tcp://127.0.0.1:9"


def test_the_plain_path_never_imports_dask(tmp_path):
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from auditor.cli import main\n"
        f"result = CliRunner().invoke(main, ['check', '--isolated', {str(REPORTS)!r}, '--format', 'json'])\n"
        "assert result.exit_code == 1, result.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[]"
