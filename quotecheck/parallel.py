"""Many documents over worker processes: ordered, bounded, and never stuck.

:func:`ordered_map` is the parallel path of :meth:`quotecheck.Extractor.process_many`.
It is a small pool of its own rather than :mod:`concurrent.futures` or
:class:`multiprocessing.pool.Pool`, because quotecheck runs unattended over
archives and live feeds, where those failed (issue 18):

- **No manager thread.** The parent talks to each worker over its own pipe and
  waits on pipes and process sentinels itself, so Ctrl-C, an early ``break`` or
  a dead worker can never leave a thread waiting on a worker that is gone.
  Shutdown closes the pipes, then terminates and finally kills: it cannot block.
- **Workers die with their parent.** An idle worker sees its pipe close; a busy
  one is killed by the kernel (``PR_SET_PDEATHSIG`` on Linux) or notices within
  half a second that its parent changed (every POSIX system).
- **One document at a time comes back.** A worker that dies (killed, out of
  memory) loses only the document it was working on: that one gets a
  ``WorkerDied`` error record in its place, the rest of its chunk goes to a
  fresh worker.
- **A hard time limit.** A worker whose document overruns the budget by
  :data:`KILL_GRACE` seconds (stuck in C code that the soft limit of
  :mod:`quotecheck.budget` cannot interrupt) is killed; the document gets its
  ``Timeout`` record.
- **Bounded memory for endless input.** At most :data:`WINDOW_CHUNKS` chunks per
  worker are read ahead of the results yielded.
- **Everything finished is yielded.** When the input iterator raises, every
  document already read is processed and yielded in order, then the error is
  raised.

Workers are forked where the platform can (they inherit the loaded lexica) and
spawned elsewhere.
"""

from __future__ import annotations

import collections
import contextlib
import os
import signal
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from quotecheck.model import DocumentResult

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from quotecheck.extractor import Extractor

__all__ = ["Task", "available_cpus", "finish", "ordered_map", "resolve_jobs"]

#: Documents and characters per chunk sent to a worker: big enough to amortise
#: the inter-process round trip, small enough to keep the window light.
CHUNK_DOCUMENTS = 32
CHUNK_CHARACTERS = 1 << 18
#: Chunks read ahead per worker process; bounds memory for any stream length.
WINDOW_CHUNKS = 3
#: Seconds past its budget before a worker stuck on one document is killed.
KILL_GRACE = 5.0
#: How often a worker checks that its parent is still there.
PARENT_POLL_SECONDS = 0.5
#: Seconds an orderly shutdown waits for workers to exit before killing them.
SHUTDOWN_SECONDS = 2.0

#: Analysed once in the parent before the first fork: the analysis loads some of
#: its data on first use (~2 s), and forked workers then inherit it instead of
#: each loading it again.
WARM_UP_TEXT = (
    "„Wir bleiben hart“, sagte Gewerkschafterin Anna Berger am Montag in Hamburg. "
    "Die Ministerin erklärte laut dpa, sie werde nicht nachgeben."
)

_Item = tuple[Any, Any] | DocumentResult


@attrs.frozen
class Task:
    """What to do with each document: :meth:`Extractor.process`'s options, then ``then``.

    ``then`` (a module-level function, so that spawned workers can receive it)
    is applied to every result where it is computed: the CLI serialises in the
    workers, keeping the parent light.
    """

    strip_html: bool = False
    max_seconds: float | None = None
    then: Callable[[DocumentResult], Any] | None = None


def finish(item: _Item, extractor: Extractor, task: Task) -> Any:
    """One item's result: a :class:`DocumentResult` passes through, a pair is processed."""
    if isinstance(item, DocumentResult):
        result = item
    else:
        result = extractor.process(*item, strip_html=task.strip_html, max_seconds=task.max_seconds)
    return result if task.then is None else task.then(result)


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity mask where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int) -> tuple[int, str | None]:
    """``jobs`` as a number of processes: 0 means every CPU, more than the CPUs are capped.

    Returns the number and, when it was capped, a warning to show. Each worker
    holds its own copy of the analysis (~130 MB): 64 workers on 2 cores only
    cost memory.
    """
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (all CPUs) or a positive number, not {jobs}")
    cpus = available_cpus()
    if jobs == 0:
        return cpus, None
    if jobs > cpus:
        return cpus, f"--jobs {jobs} is more than the {cpus} CPUs available; using {cpus}"
    return jobs, None


def ordered_map(extractor: Extractor, items: Iterable[_Item], jobs: int, task: Task) -> Iterator[Any]:
    """:func:`finish` over ``items`` in ``jobs`` worker processes, yielded in input order."""
    pool = _Pool(extractor, jobs, task)
    try:
        yield from pool.run(iter(items))
    finally:
        pool.close()


# ---------------------------------------------------------------------------
# The parent's side.
# ---------------------------------------------------------------------------


@attrs.define(eq=False)
class _Worker:
    """One worker process, its pipe and the documents it has not answered yet."""

    process: BaseProcess
    conn: Connection
    todo: collections.deque[tuple[int, _Item]] = attrs.field(factory=collections.deque)
    since: float = 0.0  # when its current document started, as far as the parent knows


class _Feed:
    """The input, read a chunk at a time; an exception from it is kept for the end."""

    def __init__(self, items: Iterator[_Item]) -> None:
        self.items = items
        self.count = 0  # items read so far
        self.done = False
        self.error: Exception | None = None

    def chunk(self) -> list[tuple[int, _Item]]:
        chunk: list[tuple[int, _Item]] = []
        size = 0
        while len(chunk) < CHUNK_DOCUMENTS and size < CHUNK_CHARACTERS:
            try:
                item = next(self.items)
            except StopIteration:
                self.done = True
                break
            except Exception as error:  # yield what was read, then raise it
                self.done, self.error = True, error
                break
            chunk.append((self.count, item))
            self.count += 1
            if not isinstance(item, DocumentResult) and isinstance(item[1], str):
                size += len(item[1])
        return chunk


class _Pool:
    """Worker processes with their own pipes; see the module docstring for why."""

    def __init__(self, extractor: Extractor, jobs: int, task: Task) -> None:
        self.extractor = extractor
        self.jobs = jobs
        self.task = task
        self.context = _context()
        self.workers: list[_Worker] = []
        self.backlog: collections.deque[list[tuple[int, _Item]]] = collections.deque()
        self.pending: dict[int, Any] = {}  # results waiting for their turn
        self.chunk_ends: collections.deque[int] = collections.deque()  # last index of each chunk in flight
        self.next_out = 0
        self.in_process = False  # no worker could be started: process here
        self.warm = False

    def run(self, items: Iterator[_Item]) -> Iterator[Any]:
        feed = _Feed(items)
        while True:
            self._fill(feed)
            self._dispatch()
            yield from self._ready()
            busy = [w for w in self.workers if w.todo]
            if not busy and not self.backlog and feed.done:
                break
            if busy:
                self._wait(busy)
        if feed.error is not None:
            raise feed.error

    def _fill(self, feed: _Feed) -> None:
        """Read chunks while a worker could take one and the window has room."""
        while self.chunk_ends and self.chunk_ends[0] < self.next_out:
            self.chunk_ends.popleft()
        idle = self.jobs - sum(1 for w in self.workers if w.todo)
        while not feed.done and len(self.backlog) < idle and len(self.chunk_ends) < self.jobs * WINDOW_CHUNKS:
            chunk = feed.chunk()
            if not chunk:
                break
            self.chunk_ends.append(chunk[-1][0])
            work: list[tuple[int, _Item]] = []
            for index, item in chunk:
                if isinstance(item, DocumentResult):  # a failure found while reading
                    self.pending[index] = finish(item, self.extractor, self.task)
                else:
                    work.append((index, item))
            if work:
                self.backlog.append(work)

    def _dispatch(self) -> None:
        while self.backlog:
            worker = next((w for w in self.workers if not w.todo), None)
            if worker is None and len(self.workers) < self.jobs and not self.in_process:
                worker = self._start()
            if worker is None:
                if self.in_process and not self.workers:
                    self._run_here(self.backlog.popleft())
                    continue
                return
            chunk = self.backlog.popleft()
            try:
                worker.conn.send(chunk)
            except OSError:  # it died while idle: nothing of this chunk is lost
                self.backlog.appendleft(chunk)
                self._retire(worker)
                continue
            worker.todo.extend(chunk)
            worker.since = time.monotonic()

    def _run_here(self, chunk: list[tuple[int, _Item]]) -> None:
        for index, item in chunk:
            self.pending[index] = finish(item, self.extractor, self.task)

    def _start(self) -> _Worker | None:
        if not self.warm and self.context.get_start_method() == "fork":
            self.extractor.process(None, WARM_UP_TEXT)
            self.warm = True
        parent, child = self.context.Pipe()
        inherited = [w.conn for w in self.workers] + [parent] if self.context.get_start_method() == "fork" else []
        process = self.context.Process(
            target=_worker_main,
            args=(child, self.extractor, self.task, os.getpid(), _pdeathsig_ok(), inherited),
            name="quotecheck-worker",
            daemon=True,
        )
        try:
            with _signals_held():  # the child sets its own handlers first
                process.start()
        except OSError as error:  # cannot fork: no memory, too many processes
            parent.close()
            child.close()
            if not self.workers:
                warnings.warn(f"cannot start a worker process ({error}); processing in this process", RuntimeWarning)
                self.in_process = True
            return None
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def _ready(self) -> Iterator[Any]:
        while self.next_out in self.pending:
            result = self.pending.pop(self.next_out)
            self.next_out += 1
            yield result

    def _wait(self, busy: list[_Worker]) -> None:
        """Block until a busy worker answers, dies or runs past its hard deadline."""
        timeout = None
        if self.task.max_seconds:
            limit = self.task.max_seconds + KILL_GRACE
            timeout = max(0.0, min(w.since for w in busy) + limit - time.monotonic())
        by_handle: dict[Any, _Worker] = {}
        for worker in busy:
            by_handle[worker.conn] = worker
            by_handle[worker.process.sentinel] = worker
        from multiprocessing.connection import wait

        ready = wait(list(by_handle), timeout)
        for worker in {by_handle[handle] for handle in ready}:
            if self._receive(worker) and worker.process.is_alive():
                continue
            self._lose_current(worker, _died(worker.process))
        if self.task.max_seconds:
            now = time.monotonic()
            for worker in busy:
                if worker in self.workers and worker.todo and now - worker.since > self.task.max_seconds + KILL_GRACE:
                    worker.process.kill()
                    self._lose_current(worker, _timeout(self.task.max_seconds))

    def _receive(self, worker: _Worker) -> bool:
        """Take every answer waiting in the worker's pipe; False once the pipe is closed."""
        try:
            while worker.todo and worker.conn.poll():
                index, result = worker.conn.recv()
                expected, _ = worker.todo.popleft()
                assert index == expected, (index, expected)
                self.pending[index] = result
                worker.since = time.monotonic()
        except (EOFError, OSError):
            return False
        return True

    def _lose_current(self, worker: _Worker, error: dict[str, str]) -> None:
        """The worker is gone: its current document gets ``error``, the rest is done again."""
        self._receive(worker)  # answers it sent before it died are not lost
        if worker.todo:
            index, item = worker.todo.popleft()
            assert not isinstance(item, DocumentResult)
            failed = DocumentResult(item[0], (), error)
            self.pending[index] = failed if self.task.then is None else self.task.then(failed)
            if worker.todo:
                self.backlog.appendleft(list(worker.todo))
                worker.todo.clear()
        self._retire(worker)

    def _retire(self, worker: _Worker) -> None:
        self.workers.remove(worker)
        worker.conn.close()
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(1.0)

    def close(self) -> None:
        """Stop every worker; never blocks for more than a few seconds."""
        orderly = not any(w.todo for w in self.workers)
        for worker in self.workers:
            worker.conn.close()  # an idle worker exits when its pipe closes
            if not orderly:
                worker.process.terminate()
        deadline = time.monotonic() + SHUTDOWN_SECONDS
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
        for worker in self.workers:
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(1.0)
        self.workers.clear()


def _context() -> Any:
    """``fork`` where it exists (workers inherit the loaded lexica), else ``spawn``.

    multiprocessing is imported here, not at the top: ``--jobs 1`` (the default)
    never needs it, and its import (pickle, socket, subprocess) is ~15 ms of start-up.
    """
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods and os.name != "nt" else "spawn")


#: Signals a new worker must not receive before it has set its own handlers.
_HELD = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Block Ctrl-C and SIGTERM while forking: a terminal's Ctrl-C reaches the workers too."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _pdeathsig_ok() -> bool:
    """Linux sends the death signal when the *thread* that forked ends: only use it from the main thread."""
    return sys.platform.startswith("linux") and threading.current_thread() is threading.main_thread()


def _died(process: BaseProcess) -> dict[str, str]:
    process.join(1.0)
    code = process.exitcode
    if code is not None and code < 0:
        try:
            how = f"was killed by {signal.Signals(-code).name}"
        except ValueError:
            how = f"was killed by signal {-code}"
        if code == -getattr(signal, "SIGKILL", 9):
            how += " (out of memory?)"
    else:
        how = f"exited with status {code}"
    return {"type": "WorkerDied", "message": f"the worker process {how} while processing this document"}


def _timeout(seconds: float) -> dict[str, str]:
    return {"type": "Timeout", "message": f"processing took longer than {seconds:g} s; the worker was stopped"}


# ---------------------------------------------------------------------------
# The worker's side.
# ---------------------------------------------------------------------------


def _worker_main(
    conn: Connection,
    extractor: Extractor,
    task: Task,
    parent_pid: int,
    pdeathsig: bool,
    inherited: list[Connection],
) -> None:
    """Answer chunks, one result per document, until the pipe closes."""
    for other in inherited:  # the parent's ends, copied by fork: else no EOF when it dies
        other.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
    _die_with_parent(parent_pid, pdeathsig)
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for index, item in chunk:
            result = finish(item, extractor, task)
            try:
                conn.send((index, result))
            except OSError:
                return


def _die_with_parent(parent_pid: int, pdeathsig: bool) -> None:
    if pdeathsig:
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent died before the line above
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent_pid,), name="quotecheck-parent", daemon=True).start()


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)
