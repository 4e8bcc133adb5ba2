"""Worker processes: ordered, never stuck, never left behind, nothing lost (issue 18, defects 4, 6, 8)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from benchmarks.reliability import alive, children
from quotecheck import Extractor, parallel
from quotecheck.analysis import get_backend
from quotecheck.cli import main

ROOT = Path(__file__).absolute().parents[1]
ARTICLE = "„Wir bleiben hart, Runde {}“, sagte Gewerkschafterin Anna Berger laut dpa. "

needs_proc = pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="reads children from /proc (Linux)")
#: The command line caps --jobs at the CPUs: with one CPU it would start no worker.
needs_two_cpus = pytest.mark.skipif(parallel.available_cpus() < 2, reason="--jobs 2 needs two CPUs")


@pytest.fixture(autouse=True)
def two_cpus_at_least(monkeypatch: pytest.MonkeyPatch) -> None:
    """The API's jobs=2 means two worker processes here, even on a one-CPU machine."""
    cpus = parallel.available_cpus()
    monkeypatch.setattr(parallel, "available_cpus", lambda: max(cpus, 2))


class Hostile:
    """The embedded analysis, except for texts that kill or block their worker process.

    „TOD“ kills the process (as the OOM killer would); „STUR“ sleeps with SIGALRM
    blocked, as a long call into C code would, so only the hard limit stops it.
    """

    name = "hostile"

    def __init__(self) -> None:
        self.inner = get_backend("embedded")

    def analyse(self, text: str):
        if text.startswith("TOD"):
            os.kill(os.getpid(), signal.SIGKILL)
        if text.startswith("STUR"):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        return self.inner.analyse(text)


def documents(n: int, repeat: int = 1) -> list[dict]:
    return [{"id": f"d{i}", "text": ARTICLE.format(i) * repeat} for i in range(n)]


# --- the API -----------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_input_that_raises_still_yields_every_document_read_before(jobs: int) -> None:
    """jobs=2 used to yield 320 of 500 and drop the rest the workers had finished."""

    def feed():
        yield from documents(500)
        raise ValueError("Archiv beschädigt")

    results = []
    with pytest.raises(ValueError, match="Archiv beschädigt"):
        for result in Extractor().extract_many(feed(), jobs=jobs):
            results.append(result)
    assert [r.id for r in results] == [f"d{i}" for i in range(500)]
    assert all(r.quotes for r in results)


@needs_proc
@pytest.mark.slow  # starts and ends worker processes
def test_early_break_never_hangs_and_leaves_no_worker() -> None:
    extractor = Extractor()
    before = children(os.getpid())  # other tests' helpers (a resource tracker, say) are not ours
    for round_ in range(20):
        start = time.monotonic()
        results = extractor.extract_many(documents(400), jobs=2)
        first = [next(results) for _ in range(3 + round_)]
        results.close()
        assert time.monotonic() - start < 30
        assert [r.id for r in first] == [f"d{i}" for i in range(3 + round_)]
        assert not [pid for pid in children(os.getpid()) - before if alive(pid)]


@needs_proc
@pytest.mark.slow  # kills a worker process
def test_dead_worker_loses_only_its_own_document() -> None:
    before = children(os.getpid())  # other tests' helpers (a resource tracker, say) are not ours
    texts = [ARTICLE.format(i) for i in range(40)]
    texts[5] = "TOD. " + texts[5]
    texts[33] = "TOD. " + texts[33]
    results = list(Extractor(backend=Hostile()).extract_many(texts, jobs=2))
    assert len(results) == 40
    for i, result in enumerate(results):
        if i in (5, 33):
            assert result.error is not None and result.error["type"] == "WorkerDied"
            assert "SIGKILL" in result.error["message"]
        else:
            assert result.error is None and result.quotes[0].content.text == f"Wir bleiben hart, Runde {i}"
    assert not [pid for pid in children(os.getpid()) - before if alive(pid)]


@pytest.mark.slow  # waits for a worker to be killed
def test_worker_stuck_where_no_signal_reaches_is_killed(monkeypatch) -> None:
    monkeypatch.setattr(parallel, "KILL_GRACE", 0.5)
    texts = [ARTICLE.format(i) for i in range(6)]
    texts[2] = "STUR. " + texts[2]
    start = time.monotonic()
    results = list(Extractor(backend=Hostile()).extract_many(texts, jobs=2, max_seconds=0.5))
    assert time.monotonic() - start < 30
    assert [r.error["type"] if r.error else None for r in results] == [None, None, "Timeout", None, None, None]
    assert results[3].quotes and results[5].quotes


def test_jobs_above_the_cpus_are_capped_and_zero_means_all() -> None:
    cpus = parallel.available_cpus()
    assert parallel.resolve_jobs(0) == (cpus, None)
    assert parallel.resolve_jobs(1) == (1, None)
    jobs, warning = parallel.resolve_jobs(10_000)
    assert jobs == cpus and warning is not None and "10000" in warning and str(cpus) in warning
    with pytest.raises(ValueError):
        parallel.resolve_jobs(-2)


def test_huge_jobs_on_the_command_line_warn_and_work(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents(5)), encoding="utf-8")
    outputs = []
    for jobs in ("1", "100000", "auto"):
        out = tmp_path / f"out-{jobs}.jsonl"
        assert main(["extract", "--jobs", jobs, str(src), "-o", str(out)]) == 0
        outputs.append(out.read_bytes())
        err = capsys.readouterr().err
        assert ("more than the" in err) == (jobs == "100000")
    assert outputs[0] == outputs[1] == outputs[2]


# --- signals to the command line ------------------------------------------------


def _start_cli(tmp_path: Path, n: int, repeat: int, *extra: str) -> tuple[subprocess.Popen, Path]:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents(n, repeat)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-m", "quotecheck", "extract", "--jobs", "2", str(src), "-o", str(out), *extra],
        cwd=ROOT, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return process, out


def _workers_busy(process: subprocess.Popen, out: Path) -> set[int]:
    """Wait until the run has two workers and has written its first records."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        workers = children(process.pid)
        if len(workers) >= 2 and out.exists() and out.stat().st_size > 0:
            return workers
        assert process.poll() is None, "the run ended before it could be signalled"
        time.sleep(0.05)
    raise AssertionError("no workers started")


def _gone(pids: set[int], seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(alive(pid) for pid in pids):
            return True
        time.sleep(0.05)
    return False


@needs_proc
@needs_two_cpus
@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_parent_killed_leaves_no_worker_behind(tmp_path: Path, sig: signal.Signals) -> None:
    """Workers busy on long documents: SIGKILL gives the parent no chance to clean up."""
    process, out = _start_cli(tmp_path, 400, 60, "--quiet")
    workers = _workers_busy(process, out)
    process.send_signal(sig)
    status = process.wait(timeout=30)
    assert _gone(workers), "a worker outlived its parent"
    if sig == signal.SIGTERM:
        assert status == 143
        lines = out.read_bytes().splitlines(keepends=True)
        assert lines and all(line.endswith(b"\n") for line in lines)
        assert [json.loads(line)["id"] for line in lines] == [f"d{i}" for i in range(len(lines))]


@needs_proc
@needs_two_cpus
@pytest.mark.slow
def test_fifty_interrupts_never_hang(tmp_path: Path) -> None:
    """Ctrl-C at a random moment of a --jobs 2 run, fifty times: it always ends, with no worker left."""
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents(3000, 3)), encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import os, random, signal, threading, time
        from benchmarks.reliability import alive, children as all_children
        from quotecheck.cli import main

        def children():
            return [pid for pid in all_children(os.getpid()) if alive(pid)]

        # Ctrl-C in a terminal meets Python's own handler; a shell that started this
        # run in the background without job control may have set SIGINT to ignored.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        random.seed(18)
        statuses = []
        for run in range(50):
            # like a terminal's Ctrl-C: to the whole process group, workers included
            timer = threading.Timer(random.uniform(0.0, 1.5), os.killpg, (os.getpgrp(), signal.SIGINT))
            timer.start()
            try:
                statuses.append(main(["extract", "-q", "--jobs", "2", {str(src)!r}, "-o", os.devnull]))
            except KeyboardInterrupt:
                statuses.append("between runs")
            timer.join()
            deadline = time.monotonic() + 10
            while children() and time.monotonic() < deadline:
                time.sleep(0.05)
            assert not children(), f"run {{run}}: workers left"
        print("statuses", statuses)
        """
    )
    # Fifty runs start two workers each: minutes on a loaded machine. A hang is a run
    # that never ends, which this bound still catches.
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=1000, start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.stdout.count("130") >= 40, result.stdout
