"""What an extract run writes besides its records: the output file, progress, warnings, the summary.

The command line (:mod:`quotecheck.cli`) decides what to run; this module owns
the terminal and the output file around it. Every write error becomes one
:class:`UsageError` line and exit status 2 (``cannot write out.jsonl: No space
left on device``), never a traceback, and the summary line counts what was
written (``quotecheck: 740 documents, 2,031 quotes, 2 failed (1 InputError,
1 Timeout)``).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import IO, Any, Callable, Iterable, Iterator, NamedTuple, Sequence

from quotecheck import writers
from quotecheck.inputs import STDIN, Document, FileId, Inputs, file_id
from quotecheck.model import DocumentResult

__all__ = [
    "MAX_DUPLICATE_WARNINGS",
    "MAX_TRACKED_IDS",
    "Duplicates",
    "Encoded",
    "Output",
    "Progress",
    "Tally",
    "UsageError",
    "isatty",
    "no_warnings",
    "quiet_stdout",
    "warn",
]

#: Duplicate-id warnings printed before they are only counted.
MAX_DUPLICATE_WARNINGS = 10
#: Ids remembered for the duplicate check (as hashes); beyond this the check stops,
#: so memory stays bounded on endless streams.
MAX_TRACKED_IDS = 1_000_000


class UsageError(Exception):
    """A problem with the command line or its environment: exit status 2, one line on stderr."""


class Encoded(NamedTuple):
    """A serialised record plus what the parent needs to know about it."""

    payload: Any  # what the output format's writer takes (bytes for JSON lines and CSV)
    error: str | None  # the error type, when the document failed
    quotes: int


class Tally:
    """Documents, quotes and failures (by error type) written so far."""

    def __init__(self, start: float) -> None:
        self.start = start
        self.documents = self.quotes = self.failed = 0
        self.errors: dict[str, int] = {}

    def add(self, record: Encoded) -> None:
        self.documents += 1
        self.quotes += record.quotes
        if record.error is not None:
            self.failed += 1
            self.errors[record.error] = self.errors.get(record.error, 0) + 1

    def summary(self, blank_lines: int) -> str:
        parts = [f"quotecheck: {_count(self.documents, 'document')}, {_count(self.quotes, 'quote')}"]
        if self.failed:
            kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.errors.items()))
            parts.append(f"{self.failed} failed ({kinds})")
        else:
            parts.append("none failed")
        if blank_lines:
            parts.append(f"{_count(blank_lines, 'blank line')} skipped")
        return ", ".join(parts) + f" in {time.monotonic() - self.start:.1f} s"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


class Progress:
    """A tqdm bar on a terminal's stderr: bytes of known-size input (with rate and ETA), else documents."""

    def __init__(self, inputs: Inputs, tally: Tally, enabled: bool) -> None:
        self.inputs = inputs
        self.tally = tally
        self.bar: Any = None
        self.next = 0.0
        if enabled:
            self.bar = _bar(inputs.total_bytes)

    def update(self) -> None:
        if self.bar is None:
            return
        now = time.monotonic()
        if now < self.next:
            return
        self.next = now + 0.2
        self._refresh()

    def _refresh(self) -> None:
        tally = self.tally
        if self.inputs.total_bytes is not None:
            self.bar.set_postfix_str(f"{tally.documents} docs, {tally.failed} failed", refresh=False)
            self.bar.update(max(0, min(self.inputs.position, self.inputs.total_bytes) - self.bar.n))
        else:
            self.bar.set_postfix_str(f"{tally.failed} failed", refresh=False)
            self.bar.update(tally.documents - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self._refresh()
            try:
                self.bar.close()
            except (OSError, ValueError):
                pass


def _bar(total: int | None) -> Any:
    from tqdm import tqdm

    # No monitor thread: worker processes are forked, and a fork copies no thread.
    Bar: Any = type("Bar", (tqdm,), {"monitor_interval": 0})
    if total is not None:
        return Bar(total=total, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr, dynamic_ncols=True)
    return Bar(unit=" docs", file=sys.stderr, dynamic_ncols=True)


class Duplicates:
    """Warns about repeated ids on stderr; remembers id hashes only, up to a limit."""

    def __init__(self, warn: Callable[[str], None]) -> None:
        self.warn = warn
        self.enabled = warn is not no_warnings
        self.seen: set[int] = set()
        self.count = 0

    def check(self, documents: Iterable[Document]) -> Iterator[Document]:
        for item in documents:
            doc_id = item.id if isinstance(item, DocumentResult) else item[0]
            if self.enabled and doc_id is not None and len(self.seen) < MAX_TRACKED_IDS:
                key = hash(doc_id)
                if key in self.seen:
                    self.count += 1
                    if self.count <= MAX_DUPLICATE_WARNINGS:
                        self.warn(f"duplicate id {doc_id!r}; both records are kept, in input order")
                else:
                    self.seen.add(key)
            yield item

    def close(self) -> None:
        if self.count > MAX_DUPLICATE_WARNINGS:
            self.warn(f"{self.count} duplicate ids in all")


def warn(message: str, prefix: str = "quotecheck: warning: ") -> None:
    try:
        sys.stderr.write(f"{prefix}{message}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def no_warnings(message: str) -> None:
    pass


def isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


# ---------------------------------------------------------------------------
# Output and signals.
# ---------------------------------------------------------------------------


class Output:
    """Where records go, in the chosen format; every write error becomes one :class:`UsageError` line (exit 2)."""

    def __init__(self, stream: IO[bytes], label: str, owned: bool, ids: set[FileId]) -> None:
        self.stream = stream
        self.label = label
        self.owned = owned
        self.ids = ids  # the identity of the file written, so that it is never read
        self.writer: writers.Writer | None = None

    def start(self, fmt: str) -> None:
        """Begin the output in ``fmt`` (a CSV header is written at once)."""
        try:
            self.writer = writers.open_writer(fmt, self.stream)
        except OSError as error:
            self._failed(error)

    @classmethod
    @contextlib.contextmanager
    def open(cls, name: str | None, inputs: Sequence[str], fmt: str = "jsonl") -> Iterator[Output]:
        if name is None or name == STDIN:
            fd = _fileno(sys.stdout)
            identity = file_id(fd) if fd is not None else None
            label = "standard output"
        else:
            if os.path.isdir(name):
                raise UsageError(f"output {name} is a folder")
            identity = file_id(name)
            label = name
        for item in inputs:  # before opening: "wb" would empty the input
            if identity is not None and item != STDIN and os.path.isfile(item) and file_id(item) == identity:
                raise UsageError(f"output {label} is also the input {item}")
        if name is None or name == STDIN:
            output = cls(sys.stdout.buffer, label, False, {identity} if identity else set())
        else:
            output = cls(_open_output(name), label, True, set())
            output.ids = {i for i in (identity, file_id(output.stream.fileno())) if i is not None}
        try:
            output.start(fmt)
            yield output
        finally:
            output.close()

    def write(self, payload: Any) -> None:
        assert self.writer is not None, "write before start"
        try:
            self.writer.write(payload)
        except BrokenPipeError:
            raise
        except OSError as error:
            self._failed(error)

    def flush(self) -> None:
        try:
            if self.writer is not None:
                self.writer.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            self._failed(error)

    def _failed(self, error: OSError) -> None:
        if not self.owned:
            quiet_stdout()
        raise UsageError(f"cannot write {self.label}: {error.strerror or error}") from None

    def broken(self) -> None:
        """The reader of a pipe went away: no more writes, and none at exit either."""
        self.writer = None
        if not self.owned:
            quiet_stdout()

    def close(self) -> None:
        """Finish the format (a Parquet file's footer), then close a file we opened."""
        writer, self.writer = self.writer, None
        try:
            if writer is not None:
                writer.close()
            if self.owned:
                self.stream.close()
        except BrokenPipeError:
            self.broken()
        except OSError as error:
            self._failed(error)


def _open_output(name: str) -> IO[bytes]:
    try:
        return open(name, "wb")
    except OSError as error:
        raise UsageError(f"cannot write {name}: {error.strerror or error}") from None


def _fileno(stream: Any) -> int | None:
    try:
        return int(stream.fileno())
    except (AttributeError, ValueError, OSError):
        return None


def quiet_stdout() -> None:
    """After a broken pipe or a failed write: stdout goes to /dev/null, so the exit flush stays silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
