"""``newsclaims bench``: what our stages cost on top of the spaCy model, measured in one run.

All figures come from the same run on the same texts, so that ratios hold
even on a machine shared with other work:

- **overhead**: the bare model (``spacy.load(model)`` and ``nlp.pipe`` with the
  same batch size, none of our stages) against our whole pipeline
  (``process_articles`` plus JSON serialisation, as ``extract`` does), words
  per second for both and the ratio (target at most 1.6), and against the
  rules-only pipeline (no attribution tagger, ``load(rules_only=True)``;
  target at most 1.25);
- **stages**: each component of the pipeline timed alone over the same parsed
  documents, in ms per document and as a share of the model's own time, plus
  turning annotations into records;
- **processes**: ``n_process=2`` against 1 as ``extract`` runs them
  (``backends.local.process_articles_parallel``), throughput ratio (target at least
  1.7 on two cores) and whether the records are identical;
- **memory**: peak resident memory of a ``newsclaims extract`` subprocess over
  a small and a ten times larger corpus made by reusing the texts (target:
  within 10%), and its time to the first record from a cold start;
- **length**: the cost of our stages in the length of one document: the
  bench texts joined with blank lines into one document of the largest of
  ``length_sizes`` words, parsed once by the model, cut at sentence ends at
  each size (``doc[:i].as_doc()``), and each stage timed on each cut, in CPU
  ms per 1,000 words; the growth is that figure at the longest cut over the
  shortest (target at most 1.5: linear cost). See ``bench_length``.

Timed runs alternate between bare model and pipeline and keep the best of
``repeat``, which damps the noise of a busy machine.
"""

from __future__ import annotations

import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .article import Article
from .bench_length import (
    LENGTH_SIZES,
    TARGET_LENGTH_GROWTH,
    format_length,
    long_text,
    time_length_growth,
)
from .io.writers import dumps
from .nlp import DEFAULT_MODEL

TARGET_OVERHEAD = 1.6
TARGET_OVERHEAD_RULES_ONLY = 1.25
TARGET_SPEEDUP = 1.7
TARGET_MEMORY_GROWTH = 0.10


def load_articles(inputs: Sequence[str | os.PathLike[str]], limit: int | None) -> list[Article]:
    """The first ``limit`` readable, non-empty articles under ``inputs``."""
    from .io.readers import read_articles

    usable = (a for a in read_articles(inputs) if not a.error and a.text.strip())
    return list(itertools.islice(usable, limit))


def count_words(articles: Sequence[Article]) -> int:
    return sum(len(article.text.split()) for article in articles)


def _clock() -> tuple[float, float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (time.perf_counter(), own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime)


def _since(start: tuple[float, float, float]) -> dict[str, float]:
    """Wall seconds and CPU seconds (this process, its finished children) since ``start``.

    CPU time is what a busy, shared machine does not inflate: a run that waits
    for a core is slower by the clock but not by the CPU it uses.
    """
    end = _clock()
    wall, own, children = (b - a for a, b in zip(start, end, strict=True))
    return {
        "seconds": wall,
        "cpu_seconds": own + children,
        "cpu_parent": own,
        "cpu_children": children,
    }


def time_bare(bare, articles: Sequence[Article], batch_size: int) -> dict[str, float]:
    start = _clock()
    for _doc in bare.pipe((a.text for a in articles), batch_size=batch_size):
        pass
    return _since(start)


def time_pipeline(
    nlp,
    articles: Sequence[Article],
    batch_size: int,
    n_process: int = 1,
) -> tuple[dict[str, float], list[str]]:
    """Our pipeline as ``extract`` runs it (records serialised), and the JSON lines."""
    from .backends.local import process_articles_parallel

    start = _clock()
    lines = [
        dumps(record)
        for record in process_articles_parallel(
            articles, nlp=nlp, batch_size=batch_size, n_process=n_process
        )
    ]
    return _since(start), lines


def time_stages(nlp, articles: Sequence[Article], batch_size: int) -> dict[str, float]:
    """CPU seconds each component takes over the documents, in pipeline order, then records.

    CPU time (``time.process_time``), not the clock: on a shared machine the
    clock also counts the time spent waiting for a core.
    """
    from .nlp import model_name
    from .schema import doc_to_record

    docs = []
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.pub_date = article.date
        docs.append(doc)
    seconds: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        started = time.process_time()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        seconds[name] = time.process_time() - started
    model = model_name(nlp)
    started = time.process_time()
    for doc, article in zip(docs, articles, strict=True):
        dumps(doc_to_record(doc, article, model=model))
    seconds["(records)"] = time.process_time() - started
    return seconds


def peak_rss_of_extract(folder: Path, *, model: str, batch_size: int) -> dict[str, float]:
    """Run ``newsclaims extract`` on ``folder`` in a subprocess: peak RSS, seconds, first record."""
    out = folder.with_suffix(".jsonl")
    command = [
        sys.executable,
        "-m",
        "pipeline.cli",
        "extract",
        str(folder),
        "-o",
        str(out),
        "--force",
        "--quiet",
        "--model",
        model,
        "--batch-size",
        str(batch_size),
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    first = None
    peak_kb = 0
    while True:
        peak_kb = max(peak_kb, _high_water_kb(process.pid))
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if first is None and out.exists() and out.stat().st_size:
            first = time.perf_counter() - started
        if pid:
            break
        time.sleep(0.01)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.returncode not in (0, 1):
        raise RuntimeError(f"extract failed ({process.returncode}): {stderr[-2000:]}")
    # /proc's VmHWM is the child's own high-water mark after exec; the child's
    # ru_maxrss (kilobytes on Linux) also counts the pages it shared with this
    # process between fork and exec, i.e. this process's own size.
    return {
        "peak_rss_mb": (peak_kb or usage.ru_maxrss) / 1024,
        "seconds": elapsed,
        "first_record_seconds": first if first is not None else elapsed,
    }


def _high_water_kb(pid: int) -> int:
    """Peak resident memory so far of process ``pid`` in kB (VmHWM), 0 where /proc cannot say."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def write_corpus(
    folder: Path, articles: Sequence[Article], count: int, max_chars: int | None
) -> Path:
    """``count`` article files made by reusing ``articles`` in turn (cut to ``max_chars``)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, article in zip(range(count), itertools.cycle(articles)):
        text = article.text if max_chars is None else article.text[:max_chars]
        (folder / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
    return folder


def run_bench(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    model: str = DEFAULT_MODEL,
    limit: int | None = 60,
    batch_size: int = 16,
    repeat: int = 1,
    processes: bool = True,
    memory_sizes: tuple[int, int] | None = (100, 1000),
    memory_chars: int | None = 1000,
    length_sizes: Sequence[int] | None = LENGTH_SIZES,
    log=None,
) -> dict[str, Any]:
    """Measure everything and return the figures (see the module docstring)."""
    import spacy

    from .nlp import load

    say = log or (lambda message: None)
    articles = load_articles(inputs, limit)
    if not articles:
        raise ValueError("no readable articles in the bench inputs")
    words = count_words(articles)
    say(f"bench: {len(articles)} articles, {words} words, batch size {batch_size}")

    bare = spacy.load(model)
    nlp = load(model)
    rules = load(model, rules_only=True)
    time_bare(bare, articles[:2], batch_size)  # warm up all three
    time_pipeline(nlp, articles[:2], batch_size)
    time_pipeline(rules, articles[:2], batch_size)
    bare_runs, full_runs, rules_runs = [], [], []
    lines: list[str] = []
    load_before = os.getloadavg()[0]
    for _ in range(max(1, repeat)):
        bare_runs.append(time_bare(bare, articles, batch_size))
        say(f"bench: bare model {bare_runs[-1]['seconds']:.1f} s")
        timing, lines = time_pipeline(nlp, articles, batch_size)
        full_runs.append(timing)
        say(f"bench: pipeline {full_runs[-1]['seconds']:.1f} s")
        rules_runs.append(time_pipeline(rules, articles, batch_size)[0])
        say(f"bench: rules-only pipeline {rules_runs[-1]['seconds']:.1f} s")
    bare_s = min(run["seconds"] for run in bare_runs)
    full_s = min(run["seconds"] for run in full_runs)
    bare_cpu = min(run["cpu_seconds"] for run in bare_runs)
    full_cpu = min(run["cpu_seconds"] for run in full_runs)
    rules_s = min(run["seconds"] for run in rules_runs)
    rules_cpu = min(run["cpu_seconds"] for run in rules_runs)
    result: dict[str, Any] = {
        "model": model,
        "articles": len(articles),
        "words": words,
        "batch_size": batch_size,
        "repeat": max(1, repeat),
        "cpu_count": os.cpu_count(),
        "load_average_at_start": load_before,
        "bare_model": {
            "seconds": bare_s,
            "words_per_second": words / bare_s,
            "cpu_seconds": bare_cpu,
            "words_per_cpu_second": words / bare_cpu,
        },
        "pipeline": {
            "seconds": full_s,
            "words_per_second": words / full_s,
            "cpu_seconds": full_cpu,
            "words_per_cpu_second": words / full_cpu,
        },
        "rules_only": {
            "seconds": rules_s,
            "words_per_second": words / rules_s,
            "cpu_seconds": rules_cpu,
            "words_per_cpu_second": words / rules_cpu,
        },
        "overhead_ratio": full_s / bare_s,
        "overhead_ratio_cpu": full_cpu / bare_cpu,
        "overhead_ratio_rules_only": rules_s / bare_s,
        "overhead_ratio_rules_only_cpu": rules_cpu / bare_cpu,
    }
    del bare, rules

    stage_seconds = time_stages(nlp, articles, batch_size)
    ours = {name for name in nlp.pipe_names if name.startswith("newsclaims_")} | {"(records)"}
    model_s = sum(s for name, s in stage_seconds.items() if name not in ours)
    result["stages"] = {
        name: {
            "seconds": s,
            "ms_per_doc": 1000 * s / len(articles),
            "percent_of_model": 100 * s / model_s if model_s else 0.0,
            "ours": name in ours,
        }
        for name, s in stage_seconds.items()
    }
    result["stages_model_seconds"] = model_s
    result["stages_ours_percent_of_model"] = (
        100 * sum(stage_seconds[name] for name in ours) / model_s if model_s else 0.0
    )
    say("bench: stages timed")

    if processes:
        one, one_lines = time_pipeline(nlp, articles, batch_size, n_process=1)
        say(f"bench: n_process=1 {one['seconds']:.1f} s")
        two, two_lines = time_pipeline(nlp, articles, batch_size, n_process=2)
        say(f"bench: n_process=2 {two['seconds']:.1f} s")
        # On idle cores, two processes take as long as the busiest of the parent
        # and the (evenly loaded) workers: the speedup the CPU times allow.
        critical = max(two["cpu_parent"], two["cpu_children"] / 2)
        result["processes"] = {
            "n1": one,
            "n2": two,
            "n1_words_per_second": words / one["seconds"],
            "n2_words_per_second": words / two["seconds"],
            "speedup": one["seconds"] / two["seconds"],
            "speedup_on_idle_cores": one["cpu_seconds"] / critical if critical else None,
            "cpu_cost_ratio": two["cpu_seconds"] / one["cpu_seconds"],
            "identical": one_lines == two_lines == lines,
            "load_average": os.getloadavg()[0],
        }

    if memory_sizes:
        small, large = memory_sizes
        memory: dict[str, Any] = {"chars_per_article": memory_chars}
        with tempfile.TemporaryDirectory(prefix="newsclaims-bench-") as tmp:
            for size in (small, large):
                folder = write_corpus(Path(tmp) / f"c{size}", articles, size, memory_chars)
                memory[str(size)] = peak_rss_of_extract(folder, model=model, batch_size=batch_size)
                say(
                    f"bench: extract of {size} articles: "
                    f"{memory[str(size)]['peak_rss_mb']:.0f} MB peak"
                )
        memory["growth"] = memory[str(large)]["peak_rss_mb"] / memory[str(small)]["peak_rss_mb"] - 1
        result["memory"] = memory
        result["first_record_seconds"] = memory[str(small)]["first_record_seconds"]

    if length_sizes:
        text = long_text(inputs, max(length_sizes))
        result["length"] = time_length_growth(
            nlp, text, length_sizes, date=articles[0].date, repeat=3
        )
        say(f"bench: one document cut at {', '.join(map(str, sorted(length_sizes)))} words")

    result["targets"] = {
        "overhead_ratio<=1.6": result["overhead_ratio"] <= TARGET_OVERHEAD,
        "overhead_ratio_cpu<=1.6": result["overhead_ratio_cpu"] <= TARGET_OVERHEAD,
        "overhead_ratio_rules_only<=1.25": (
            result["overhead_ratio_rules_only"] <= TARGET_OVERHEAD_RULES_ONLY
        ),
        "overhead_ratio_rules_only_cpu<=1.25": (
            result["overhead_ratio_rules_only_cpu"] <= TARGET_OVERHEAD_RULES_ONLY
        ),
        "speedup>=1.7": result["processes"]["speedup"] >= TARGET_SPEEDUP if processes else None,
        "memory_growth<=10%": (
            result["memory"]["growth"] <= TARGET_MEMORY_GROWTH if memory_sizes else None
        ),
        "length_growth<=1.5": (
            result["length"]["growth"] <= TARGET_LENGTH_GROWTH if length_sizes else None
        ),
    }
    return result


def format_report(result: dict[str, Any]) -> str:
    """The figures as a plain table."""
    lines = [
        f"model {result['model']}: {result['articles']} articles, {result['words']} words, "
        f"batch size {result['batch_size']}, best of {result['repeat']}",
        "",
        f"{result['cpu_count']} CPUs, load average {result['load_average_at_start']:.1f} "
        "at the start (CPU seconds are what a busy machine does not inflate)",
        "",
        f"{'run':<28}{'seconds':>10}{'words/s':>12}{'CPU s':>10}{'words/CPU s':>14}",
    ]
    for label, key in (
        ("bare spaCy model", "bare_model"),
        ("newsclaims pipeline", "pipeline"),
        ("rules-only pipeline", "rules_only"),
    ):
        run = result[key]
        lines.append(
            f"{label:<28}{run['seconds']:>10.2f}{run['words_per_second']:>12.0f}"
            f"{run['cpu_seconds']:>10.2f}{run['words_per_cpu_second']:>14.0f}"
        )
    lines += [
        f"overhead ratio {result['overhead_ratio']:.2f}x by the clock, "
        f"{result['overhead_ratio_cpu']:.2f}x in CPU time (target <= {TARGET_OVERHEAD})",
        f"rules-only overhead ratio {result['overhead_ratio_rules_only']:.2f}x by the clock, "
        f"{result['overhead_ratio_rules_only_cpu']:.2f}x in CPU time "
        f"(target <= {TARGET_OVERHEAD_RULES_ONLY})",
        "",
        f"{'component':<28}{'CPU s':>10}{'ms/doc':>10}{'% model':>10}",
    ]
    for name, stage in result["stages"].items():
        lines.append(
            f"{name:<28}{stage['seconds']:>10.2f}{stage['ms_per_doc']:>10.1f}"
            f"{stage['percent_of_model']:>10.1f}"
        )
    lines.append(
        f"{'our stages + records':<28}{'':>10}{'':>10}"
        f"{result['stages_ours_percent_of_model']:>10.1f}"
    )
    if "processes" in result:
        p = result["processes"]
        idle = p["speedup_on_idle_cores"]
        lines += [
            "",
            f"n_process=1 {p['n1']['seconds']:.2f} s ({p['n1_words_per_second']:.0f} words/s), "
            f"n_process=2 {p['n2']['seconds']:.2f} s ({p['n2_words_per_second']:.0f} words/s): "
            f"speedup {p['speedup']:.2f}x (target >= {TARGET_SPEEDUP}), "
            f"identical output: {p['identical']}",
            f"n_process=2 CPU: parent {p['n2']['cpu_parent']:.2f} s, workers "
            f"{p['n2']['cpu_children']:.2f} s, {p['cpu_cost_ratio']:.2f}x the CPU of one process; "
            f"speedup on idle cores {idle:.2f}x"
            if idle
            else "",
        ]
    if "memory" in result:
        m = result["memory"]
        sizes = [key for key in m if key.isdigit()]
        lines += [""] + [
            f"extract of {size} articles ({m['chars_per_article']} chars each): "
            f"peak RSS {m[size]['peak_rss_mb']:.0f} MB, {m[size]['seconds']:.1f} s, "
            f"first record after {m[size]['first_record_seconds']:.1f} s"
            for size in sizes
        ]
        lines.append(
            f"memory growth {100 * m['growth']:+.1f}% "
            f"(target within {100 * TARGET_MEMORY_GROWTH:.0f}%)"
        )
    if "length" in result:
        lines += [""] + format_length(result["length"])
    return "\n".join(lines)


def write_json(result: dict[str, Any], path: str | os.PathLike[str]) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
