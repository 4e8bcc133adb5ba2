"""Speed-up of quotecheck on a Dask cluster: 2 worker processes against 1.

    python benchmarks/dask_speedup.py                 # 10,000 documents (a few minutes)
    python benchmarks/dask_speedup.py -n 2000         # quicker
    python benchmarks/dask_speedup.py --workers 1 2 1 2   # alternate, on a busy machine

Needs ``pip install -e ".[dask]"``. For each worker count, a fresh
``LocalCluster(n_workers=N, processes=True, threads_per_worker=1)`` runs
:func:`quotecheck.dask.extract_bag` over the same documents twice: the first
run includes each worker loading its extractor (cold), the second does not
(warm). A run of ``Extractor.extract_many`` in this process, without Dask,
is the reference for Dask's own cost. Printed: seconds, documents per second,
the speed-up against the latest run with the first worker count (so that
``--workers 1 2 1 2`` pairs runs that are close in time), the CPU seconds the worker
processes used in the warm run (wall time far above CPU time / workers means the
machine was busy with other work), how many extractors each worker built (1:
loaded once, not per partition), and whether the records equal those of the
first worker count. The load average is printed before and after: on a shared
machine a speed-up means something only while it stays below the core count.

The documents are windows of one to three consecutive paragraphs of the gold
corpus articles (corpus/gold.jsonl), so they are as varied as the corpus allows
and of news-item size. This is a measurement, not a test: nothing here fails a
build. Compare the figures of one run only (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PARTITIONS_PER_WORKER = 16


def documents(n: int, longest: int = 3) -> list[dict[str, str]]:
    """``n`` documents with unique ids, made of consecutive paragraphs of the corpus articles.

    Document ``i`` takes ``1 + i % longest`` paragraphs of one article, starting at
    a paragraph that moves on with ``i``; the id names the article, the first
    paragraph, the length and ``i`` (``c04-nordkorea-rakete/p2+3/d17``).
    """
    articles = []
    with (ROOT / "corpus" / "gold.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            paragraphs = [p for p in record["text"].split("\n\n") if p.strip()]
            articles.append((record["id"], paragraphs))
    docs = []
    for i in range(n):
        article, paragraphs = articles[i % len(articles)]
        size = 1 + i % longest
        start = (i // len(articles)) % max(1, len(paragraphs) - size + 1)
        text = "\n\n".join(paragraphs[start : start + size])
        docs.append({"id": f"{article}/p{start}+{size}/d{i}", "text": text})
    return docs


def run(docs: list[dict[str, str]], workers: int) -> dict[str, Any]:
    """Cold and warm seconds of ``extract_bag`` on a fresh cluster of ``workers`` processes."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    from quotecheck.config import built_here
    from quotecheck.dask import extract_bag

    with LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, Client(cluster) as client:
        bag = db.from_sequence(docs, npartitions=PARTITIONS_PER_WORKER * workers)
        bag = client.persist(bag)  # the input is on the workers before the clock starts
        client.wait_for_workers(workers)
        timings = []
        records: list[dict[str, Any]] = []
        for _ in ("cold", "warm"):
            cpu_before = sum(client.run(_cpu_seconds).values())
            start = time.perf_counter()
            records = extract_bag(bag).compute()
            timings.append(time.perf_counter() - start)
        cpu = sum(client.run(_cpu_seconds).values()) - cpu_before  # the warm run's
        loads = client.run(built_here)
    return {"workers": workers, "cold": timings[0], "warm": timings[1], "cpu": cpu, "records": records, "loads": loads}


def _cpu_seconds() -> float:
    """CPU seconds this worker process has used (user + system)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def in_process(docs: list[dict[str, str]]) -> float:
    """Seconds of ``Extractor.extract_many`` in this process, no Dask: the reference."""
    from quotecheck import Extractor

    extractor = Extractor()
    start = time.perf_counter()
    for _ in extractor.extract_many(docs):
        pass
    return time.perf_counter() - start


def load_average() -> str:
    """The machine's 1-minute load average: above the core count, other work competes for the CPU."""
    return f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--documents", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args(argv)
    docs = documents(args.documents)
    characters = sum(len(d["text"]) for d in docs)
    print(f"{len(docs)} documents, {characters / 1e6:.1f} M characters; partitions: "
          f"{PARTITIONS_PER_WORKER} per worker; one thread per worker process")
    print(f"load average before: {load_average()}")
    print(f"{'workers':>7} {'cold s':>8} {'warm s':>8} {'docs/s':>8} {'speed-up':>9} {'worker CPU s':>13} "
          f"{'extractors':>11} same")
    reference = in_process(docs)
    print(f"{'none':>7} {'':>8} {reference:>8.2f} {len(docs) / reference:>8.0f}   (one process, no Dask)")
    first: dict[str, Any] | None = None
    baseline: dict[str, Any] | None = None  # the latest run with the first worker count
    for workers in args.workers:
        result = run(docs, workers)
        first = first or result
        if workers == first["workers"]:
            baseline = result
        assert baseline is not None
        speedup = baseline["warm"] / result["warm"]
        same = result["records"] == first["records"]
        loads = ",".join(str(v) for v in result["loads"].values())
        print(
            f"{workers:>7} {result['cold']:>8.2f} {result['warm']:>8.2f} {len(docs) / result['warm']:>8.0f} "
            f"{speedup:>8.2f}x {result['cpu']:>13.1f} {loads:>11} {'yes' if same else 'NO'}"
        )
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
