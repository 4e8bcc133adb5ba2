"""The per-document time budget: a document over budget is a Timeout record, and the stream goes on."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from quotecheck import Extractor, parallel
from quotecheck.analysis import get_backend
from quotecheck.budget import DocumentTimeout, time_budget

ARTICLE = "„Wir bleiben hart“, sagte Gewerkschafterin Anna Berger."


class Slow:
    """The embedded analysis, except that a text starting with „LANGSAM“ takes 60 s (in Python code)."""

    name = "slow"

    def __init__(self) -> None:
        self.inner = get_backend("embedded")

    def analyse(self, text: str):
        if text.startswith("LANGSAM"):
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                sum(range(1000))
        return self.inner.analyse(text)


@pytest.fixture(scope="module")
def slow() -> Extractor:
    return Extractor(backend=Slow())


def spin(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        sum(range(100))


def run_in(where: str, work) -> None:
    """Run ``work`` in the main thread or in another one (where SIGALRM cannot be used)."""
    if where == "main thread":
        work()
    else:
        thread = threading.Thread(target=work)
        thread.start()
        thread.join(15)


@pytest.mark.parametrize("where", ["main thread", "other thread"])
def test_block_over_budget_raises_document_timeout(where: str) -> None:
    outcome: list[str] = []

    def work() -> None:
        start = time.monotonic()
        try:
            with time_budget(0.2):
                spin(10)
            outcome.append("finished")
        except DocumentTimeout:
            outcome.append(f"stopped after {time.monotonic() - start:.1f}")

    run_in(where, work)
    assert outcome and outcome[0].startswith("stopped after 0.")


@pytest.mark.parametrize("where", ["main thread", "other thread"])
def test_block_within_budget_leaves_nothing_behind(where: str) -> None:
    """No stray exception later, the SIGALRM handler and timer restored."""
    errors: list[BaseException] = []
    before = signal.getsignal(signal.SIGALRM)

    def work() -> None:
        try:
            for _ in range(200):
                with time_budget(0.05):
                    pass
            spin(0.3)  # well past every deadline: nothing may fire now
        except BaseException as error:  # noqa: BLE001 - the test is that nothing arrives
            errors.append(error)

    run_in(where, work)
    assert errors == []
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_no_budget_means_no_limit() -> None:
    with time_budget(None):
        spin(0.05)
    with time_budget(0):
        spin(0.05)


def test_process_over_budget_gives_a_timeout_record(slow: Extractor) -> None:
    start = time.monotonic()
    result = slow.process("lang", "LANGSAM. " + ARTICLE, max_seconds=0.5)
    assert time.monotonic() - start < 10
    assert result.id == "lang" and result.quotes == ()
    assert result.error is not None and result.error["type"] == "Timeout"
    assert "0.5 s" in result.error["message"]


def test_process_within_budget_is_unchanged(slow: Extractor) -> None:
    assert slow.process("a", ARTICLE, max_seconds=30) == slow.process("a", ARTICLE)


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.slow  # waits out a time budget; jobs=2 starts worker processes
def test_stream_goes_on_in_order_after_a_timeout(slow: Extractor, jobs: int, monkeypatch) -> None:
    cpus = parallel.available_cpus()
    monkeypatch.setattr(parallel, "available_cpus", lambda: max(cpus, 2))  # workers even on one CPU
    texts = [ARTICLE, "LANGSAM. " + ARTICLE, ARTICLE, ARTICLE]
    start = time.monotonic()
    results = list(slow.extract_many(({"id": str(i), "text": t} for i, t in enumerate(texts)), jobs=jobs, max_seconds=1))
    assert time.monotonic() - start < 30
    assert [r.id for r in results] == ["0", "1", "2", "3"]
    assert [r.error["type"] if r.error else None for r in results] == [None, "Timeout", None, None]
    assert all(r.quotes for i, r in enumerate(results) if i != 1)


def test_process_in_a_thread_over_budget(slow: Extractor) -> None:
    """A web server's request thread: the watchdog stops it instead of SIGALRM."""
    results = []
    thread = threading.Thread(target=lambda: results.append(slow.process("t", "LANGSAM.", max_seconds=0.3)))
    thread.start()
    thread.join(20)
    assert results and results[0].error is not None and results[0].error["type"] == "Timeout"
