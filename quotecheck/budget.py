"""A time budget for one document: stop the work when it runs over.

One pathological document („„„„…“ a megabyte long) must not stall a stream of
thousands. :func:`time_budget` raises :class:`DocumentTimeout` inside the block
once ``seconds`` have passed; :meth:`quotecheck.Extractor.process` turns it into
the document's ``{"type": "Timeout"}`` error record and the stream goes on.

How the running code is interrupted depends on where it runs:

- in the main thread (the CLI, and every worker process): a ``SIGALRM`` timer
  (:func:`signal.setitimer`), one system call per document and no thread;
- elsewhere (a web server's request thread, a notebook's executor): a shared
  watchdog thread that raises the exception in the late thread with
  ``PyThreadState_SetAsyncExc``.

Both stop Python code between two bytecodes: a single long call into C (one
regular-expression match) ends before the exception arrives. The worker pool of
:mod:`quotecheck.parallel` therefore also kills a worker that overruns its
budget by :data:`quotecheck.parallel.KILL_GRACE` seconds.
"""

from __future__ import annotations

import contextlib
import ctypes
import heapq
import itertools
import signal
import threading
import time
from collections.abc import Iterator
from types import FrameType

__all__ = ["DocumentTimeout", "time_budget"]


class DocumentTimeout(BaseException):
    """The document ran over its time budget.

    A ``BaseException`` (like :class:`KeyboardInterrupt`), so that no
    ``except Exception`` inside the rules can swallow it.
    """


@contextlib.contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block after ``seconds`` (None or 0: no limit)."""
    if not seconds or seconds <= 0:
        yield
    elif _alarm_usable():
        with _alarm(seconds):
            yield
    else:
        with _WATCHDOG.guard(seconds):
            yield


def _alarm_usable() -> bool:
    """The main thread, with a POSIX interval timer that nobody else has set."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    previous = signal.getsignal(signal.SIGALRM)

    def expired(signum: int, frame: FrameType | None) -> None:
        # The handler restores the previous one itself: the exception may arrive
        # anywhere, even in the ``finally`` below, before it could do so.
        signal.signal(signal.SIGALRM, previous)
        raise DocumentTimeout

    signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _Watchdog:
    """One daemon thread that raises :class:`DocumentTimeout` in threads past their deadline."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.wake = threading.Condition(self.lock)
        self.deadlines: list[tuple[float, int, int]] = []  # (deadline, token, thread id), a heap
        self.armed: dict[int, int] = {}  # token → thread id, while its block runs
        self.tokens = itertools.count()
        self.thread: threading.Thread | None = None

    @contextlib.contextmanager
    def guard(self, seconds: float) -> Iterator[None]:
        thread_id = threading.get_ident()
        with self.lock:
            token = next(self.tokens)
            self.armed[token] = thread_id
            heapq.heappush(self.deadlines, (time.monotonic() + seconds, token, thread_id))
            if self.thread is None:
                self.thread = threading.Thread(target=self._run, name="quotecheck-budget", daemon=True)
                self.thread.start()
            self.wake.notify()
        try:
            yield
        finally:
            with self.lock:
                if self.armed.pop(token, None) is None:
                    # It fired: take back an exception not yet delivered, so that it
                    # cannot surface later in the caller's unrelated code.
                    _set_async_exception(thread_id, None)

    def _run(self) -> None:
        with self.lock:
            while True:
                while self.deadlines and self.deadlines[0][1] not in self.armed:
                    heapq.heappop(self.deadlines)  # finished in time
                if not self.deadlines:
                    self.wake.wait()
                    continue
                deadline, token, thread_id = self.deadlines[0]
                left = deadline - time.monotonic()
                if left > 0:
                    self.wake.wait(left)
                    continue
                heapq.heappop(self.deadlines)
                del self.armed[token]
                _set_async_exception(thread_id, DocumentTimeout)


def _set_async_exception(thread_id: int, exception: type[BaseException] | None) -> None:
    """Raise ``exception`` in another thread at its next bytecode (None: cancel a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception is not None else None
    )


_WATCHDOG = _Watchdog()
