"""Reliability of quotecheck under hostile input: nothing stalls, leaks or goes missing.

    python benchmarks/reliability.py            # 10^6 records, then the shape table (an hour or more)
    python benchmarks/reliability.py --quick    # 10^4 records, shapes at 10 KB / 100 KB (minutes)
    python benchmarks/reliability.py --records 200000 --no-shapes
    python benchmarks/reliability.py --shapes-only --sizes 10000,100000

Two measurements (issue 18), neither of them a test: nothing here fails a build.

1. **The stream.** ``--records`` generated JSON lines go through the real
   command line (``python -m quotecheck extract - --jobs 2``) over a pipe: news
   prose, the hostile shapes below at small sizes, wrong types, bad bytes,
   invalid JSON, blank lines, a few lines over ``--max-line-bytes`` and a few
   shapes large enough to run into ``--max-seconds-per-doc``. The records are
   made from their index alone, so the input is written and the output checked
   while both stream, without storing either. Checked: records in (non-blank
   lines) = records out, in order, each with the expected id and error or not;
   every span of every quote inside its text and covering the role's text; no
   worker process alive after the run. Printed: time, error types, the peak
   memory (all quotecheck processes together, sampled, and the largest one).
2. **The shape table.** CPU seconds per MB of each hostile shape at 10 KB,
   100 KB and 1 MB (characters), each document analysed alone in a worker
   process that is killed at ``--cap`` seconds; a shape over the cap at one
   size is not tried at the next. Prose is the reference: the issue asks for
   every shape within 3x of prose per MB at 1 MB.
"""

from __future__ import annotations

import argparse
import glob
import itertools
import json
import multiprocessing
import os
import random
import resource
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(ROOT))

# ---------------------------------------------------------------------------
# Text: prose and the hostile shapes of issue 18.
# ---------------------------------------------------------------------------

PROSE = [
    "„Wir lassen uns nicht erpressen“, sagte Gewerkschaftschefin Marion Hellwig am Montag in Hamburg. ",
    "Der Bürgermeister erklärte, die Brücke werde im Mai fertig, die Kosten seien gestiegen. ",
    "Nach Angaben der Polizei wurden drei Menschen leicht verletzt. ",
    "Die Ministerin wies die Vorwürfe zurück. ",
    "Laut dpa will die Regierung das Gesetz noch vor der Sommerpause beschließen. ",
    "„Das ist ein schwarzer Tag für die Stadt“, so der Oppositionsführer. ",
    "Ein Sprecher des Unternehmens sagte der Nachrichtenagentur Reuters, man prüfe alle Optionen. ",
    "Die Verhandlungen sollen am Donnerstag fortgesetzt werden.\n\n",
]
FIRST_NAMES = ["Anna", "Max", "Jan", "Lea", "Tom", "Eva", "Ole", "Ina", "Kai", "Uwe", "Pia", "Ben"]
LAST_NAMES = ["Berger", "Roth", "Weber", "Krull", "Hansen", "Yilmaz", "Nowak", "Schulz", "Brandt", "Vogel"]
ALL_QUOTE_MARKS = "„“”‚‘’»«›‹\"'「」『』〝〞‟‛❝❞❮❯〟＂"


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _names(size: int) -> str:
    names = (f"{f} {l}, " for f, l in itertools.product(FIRST_NAMES, LAST_NAMES))
    return _repeat("".join(names), size)


def _long_quote(size: int) -> str:
    end = "“, sagte Anna Berger."
    return "„" + _repeat("Der Rat tagte bis in die Nacht, und niemand wusste, wie es weitergeht.\n\n", size - len(end) - 1) + end


def _compound(size: int) -> str:
    return "Bundesverwaltungs" + _repeat("gerichtsverfahrens", size - 26) + "präsident"


#: Each shape: a name and a function of the size in characters. The issue's
#: measurements on main (CPU s at 10 KB / 100 KB / 1 MB) are in the comments.
SHAPES: dict[str, Callable[[int], str]] = {
    "prose": lambda n: _repeat("".join(PROSE), n),  # 0.02 / 0.2 / 2.2
    # no full stop and no comma: every cue's clause runs to the end of the text
    "no_sentence_end": lambda n: _repeat("die Regierung sagte am Montag in Berlin die Gespräche gingen weiter und ", n),  # 85 s at 1 MB
    "no_spaces": lambda n: _repeat("Wort,„Zitat“;sagte:er!Anna?Berger.dpa-(so)", n),  # 215 s at 1 MB
    "alternating_marks": lambda n: _repeat('„"', n),  # > 300 s at 100 KB
    "all_quote_marks": lambda n: _repeat(ALL_QUOTE_MARKS, n),  # 10.8 s at 100 KB
    "quoted_titles": lambda n: _repeat("„Titel“, ", n),  # 5 s at 100 KB
    "ja_marks": lambda n: _repeat("„Ja“ ", n),  # 86x prose at 40 KB
    "sagte_er": lambda n: _repeat("sagte er, ", n),  # 7 s at 20 KB
    "so_der_minister": lambda n: _repeat("so der Minister, ", n),  # 6 s at 100 KB
    "compound_word": _compound,  # 1.7 s at 100 KB
    "names": _names,  # 1.3 s at 100 KB
    "long_quote": _long_quote,  # grows 24x per 10x
}

# ---------------------------------------------------------------------------
# 1. The stream of hostile records.
# ---------------------------------------------------------------------------


class Record(NamedTuple):
    """One input line and what its output record must be."""

    line: bytes  # without the newline
    doc_id: str | None  # the id the output must carry
    text: str | None  # the text when it is a valid document (spans are checked against it)
    fails: bool  # an error record is expected (a Timeout is allowed for any document)


BAD_LINES = [
    b"kein JSON",
    b'{"id": "x", "text": "offen',
    b"[1, 2, 3]",
    b"42",
    b"null",
    b'"nur Text"',
    b"[" * 5000,
    b'{"id": NaN, "text": "Satz."}',
    b'{"id": 1e999999, "text": "Satz."}',
    b"\xc3\x28\xa0\xa1\xff",
]


def record(index: int, huge_every: int, heavy_every: int, max_line_bytes: int) -> Record | None:
    """The record at ``index`` (None: a blank line), the same every time it is asked for."""
    rng = random.Random(index)
    doc_id = f"r{index}"
    if index and index % huge_every == 0:  # over --max-line-bytes: skipped unread, id salvaged
        text = _repeat("".join(PROSE), max_line_bytes + 1000)
        return Record(json.dumps({"id": doc_id, "text": text}).encode(), doc_id, None, True)
    if index and index % heavy_every == 0:  # a large hostile shape: may run into the time budget
        shape = rng.choice(list(SHAPES))
        text = SHAPES[shape](rng.choice([50_000, 200_000]))
        return Record(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False).encode(), doc_id, text, False)
    roll = rng.random()
    if roll < 0.02 and index:
        return None
    if roll < 0.72 or not index:  # news prose (the first line too: standard input is then JSON lines)
        start = rng.randrange(len(PROSE))
        text = "".join(PROSE[(start + k) % len(PROSE)] for k in range(rng.randint(1, 6)))
        return _valid(doc_id, text, rng)
    if roll < 0.87:  # a hostile shape at a small size
        text = SHAPES[rng.choice(list(SHAPES))](rng.randint(1, 500))
        return _valid(doc_id, text, rng)
    if roll < 0.92:  # wrong types
        value = rng.choice([17, 3.5, None, True, ["Satz"], {"a": 1}])
        fields = {"id": doc_id, "text": value} if rng.random() < 0.8 else {"id": doc_id}
        return Record(json.dumps(fields).encode(), doc_id, None, True)
    if roll < 0.96:  # bytes that are not UTF-8 inside the text; the id is salvaged
        line = b'{"id": "%s", "text": "\xe2\x80\x9eKaputt\xff\xfe\xe2\x80\x9c, sagte er."}' % doc_id.encode()
        return Record(line, doc_id, None, True)
    if roll < 0.98:  # a lone surrogate: valid JSON, valid document
        text = f"„Hallo\ud800“, sagte {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}."
        return Record(json.dumps({"id": doc_id, "text": text}).encode(), doc_id, text, False)
    line = rng.choice(BAD_LINES)
    return Record(line, None, None, True)


def _valid(doc_id: str, text: str, rng: random.Random) -> Record:
    ascii_only = rng.random() < 0.3
    return Record(json.dumps({"id": doc_id, "text": text}, ensure_ascii=ascii_only).encode(), doc_id, text, False)


def check_spans(result: dict[str, Any], text: str) -> None:
    for quote in result["quotes"]:
        roles = [quote[k] for k in ("content", "cue", "frame", "speaker", "addressee")]
        for role in [r for r in roles if r is not None] + quote["sources"] + quote["fragments"]:
            pieces = []
            for start, end in role["spans"]:
                if not 0 <= start <= end <= len(text):
                    raise AssertionError(f"{result['id']}: span {start}-{end} outside a text of {len(text)}")
                pieces.append(text[start:end])
            if " ".join(pieces) != role["text"]:
                raise AssertionError(f"{result['id']}: spans cover {' '.join(pieces)!r}, role says {role['text']!r}")


class Watch:
    """Samples the memory and the worker processes of a running command."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.workers: set[int] = set()
        self.peak_total = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.wait(0.25):
            now = children(self.pid)
            self.workers |= now
            total = sum(_rss(p) for p in {self.pid} | now)
            self.peak_total = max(self.peak_total, total)

    def close(self) -> None:
        self.stop.set()
        self.thread.join()


def children(pid: int) -> set[int]:
    """The child processes of ``pid`` (Linux: read from /proc)."""
    found: set[int] = set()
    for path in glob.glob(f"/proc/{pid}/task/*/children"):
        try:
            found.update(int(c) for c in Path(path).read_text().split())
        except OSError:
            pass
    return found


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def run_stream(records: int, jobs: int, max_seconds: float, max_line_bytes: int) -> dict[str, Any]:
    huge_every = max(records // 10, 2)
    heavy_every = max(records // 20, 3) + 1
    make = lambda i: record(i, huge_every, heavy_every, max_line_bytes)  # noqa: E731
    command = [
        sys.executable, "-m", "quotecheck", "extract", "-", "--jobs", str(jobs), "--quiet",
        "--max-seconds-per-doc", f"{max_seconds:g}", "--max-line-bytes", str(max_line_bytes),
    ]
    start = time.monotonic()
    process = subprocess.Popen(
        command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdin is not None and process.stdout is not None
    watch = Watch(process.pid)
    writer = threading.Thread(target=_feed, args=(process.stdin, make, records), daemon=True)
    writer.start()
    expected = (r for r in map(make, range(records)) if r is not None)
    seen = 0
    errors: Counter[str] = Counter()
    problems: list[str] = []
    for line, want in itertools.zip_longest(process.stdout, expected):
        if line is None or want is None:
            problems.append(f"records out and in differ in number (after {seen})")
            break
        seen += 1
        if seen % 50_000 == 0:
            print(f"  {seen:,} records checked, {time.monotonic() - start:.0f} s", file=sys.stderr, flush=True)
        result = json.loads(line)
        error = result.get("error")
        if error is not None:
            errors[error["type"]] += 1
        if result["id"] != want.doc_id:
            problems.append(f"record {seen}: id {result['id']!r}, expected {want.doc_id!r}")
        elif want.fails and error is None:
            problems.append(f"record {seen} ({want.doc_id}): no error record")
        elif not want.fails and error is not None and error["type"] != "Timeout":
            problems.append(f"record {seen} ({want.doc_id}): unexpected {error}")
        elif want.text is not None:
            try:
                check_spans(result, want.text)
            except AssertionError as failure:
                problems.append(str(failure))
        if len(problems) >= 20:
            break
    status = process.wait()
    writer.join(10)
    watch.close()
    elapsed = time.monotonic() - start
    time.sleep(1.0)  # workers get a moment to notice
    left = sorted(p for p in watch.workers if alive(p))
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {
        "records": seen, "status": status, "seconds": round(elapsed, 1), "records_per_s": round(seen / elapsed),
        "errors": dict(errors), "problems": problems, "workers_seen": len(watch.workers), "workers_left": left,
        "peak_total_mb": round(watch.peak_total / 2**20), "peak_largest_process_mb": round(largest / 2**20),
    }


def _feed(stdin: Any, make: Callable[[int], Record | None], records: int) -> None:
    try:
        for index in range(records):
            item = make(index)
            stdin.write((item.line if item is not None else b"  ") + b"\n")
        stdin.close()
    except BrokenPipeError:
        pass


# ---------------------------------------------------------------------------
# 2. The shape table.
# ---------------------------------------------------------------------------


def _cell_worker(conn: Any) -> None:
    """Analyse (shape, size) requests one at a time; answer the CPU seconds of each."""
    from quotecheck import Extractor

    extractor = Extractor()
    extractor.process(None, "".join(PROSE))  # warm up: lazy data loaded before timing
    while True:
        request = conn.recv()
        if request is None:
            return
        shape, size = request
        text = SHAPES[shape](size)
        start = time.process_time()
        result = extractor.process(None, text)
        conn.send((time.process_time() - start, len(result.quotes), result.error))


class Cells:
    """A worker process for the table; a cell over the cap kills it and a fresh one takes over."""

    def __init__(self) -> None:
        self.context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        self.process: Any = None
        self.conn: Any = None

    def measure(self, shape: str, size: int, cap: float) -> float | None:
        if self.process is None:
            self.conn, child = self.context.Pipe()
            self.process = self.context.Process(target=_cell_worker, args=(child,), daemon=True)
            self.process.start()
            child.close()
        self.conn.send((shape, size))
        if not self.conn.poll(cap + 30):  # wall time: the machine may be shared
            self.close(kill=True)
            return None
        seconds, _, error = self.conn.recv()
        return None if seconds > cap or error is not None else seconds

    def close(self, kill: bool = False) -> None:
        if self.process is None:
            return
        if kill:
            self.process.kill()
        else:
            self.conn.send(None)
        self.process.join(10)
        self.process = self.conn = None


def shape_table(sizes: list[int], cap: float, shapes: list[str]) -> dict[str, dict[int, float | None]]:
    table: dict[str, dict[int, float | None]] = {}
    cells = Cells()
    try:
        for shape in shapes:
            table[shape] = {}
            over = False
            for size in sizes:
                shown = "not tried"
                seconds = None
                if not over:
                    seconds = cells.measure(shape, size, cap)
                    over = seconds is None
                    shown = _per_mb(seconds, size)
                table[shape][size] = seconds
                print(f"  {shape:18} {size:>9,} chars: {shown}", file=sys.stderr, flush=True)
    finally:
        cells.close()
    return table


def _per_mb(seconds: float | None, size: int) -> str:
    return "over the cap" if seconds is None else f"{seconds / (size / 1e6):.2f} s/MB"


def print_table(table: dict[str, dict[int, float | None]], sizes: list[int], cap: float) -> None:
    prose = table.get("prose", {})
    header = "| shape | " + " | ".join(f"{_size(s)}: s/MB (× prose)" for s in sizes) + " |"
    print(header)
    print("|" + " --- |" * (len(sizes) + 1))
    for shape, row in table.items():
        cells = []
        for size in sizes:
            seconds = row.get(size)
            if seconds is None:
                cells.append(f"> {cap:g} s" if _first_over(row, size) else "—")
                continue
            per_mb = seconds / (size / 1e6)
            ratio = f" ({per_mb / (prose[size] / (size / 1e6)):.1f}×)" if prose.get(size) else ""
            cells.append(f"{per_mb:.2f}{ratio}")
        print(f"| {shape} | " + " | ".join(cells) + " |")
    print(f"\n(CPU seconds per MB of one document of that many characters; > {cap:g} s: the document took "
          f"more than {cap:g} CPU seconds and was stopped; —: not tried after the smaller size was over)")


def _size(chars: int) -> str:
    return f"{chars / 1e6:g} MB" if chars >= 1_000_000 else f"{chars / 1000:g} KB"


def _first_over(row: dict[int, float | None], size: int) -> bool:
    sizes = sorted(row)
    index = sizes.index(size)
    return index == 0 or row[sizes[index - 1]] is not None


# ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10^4 records, shapes at 10 KB and 100 KB, cap 20 s")
    parser.add_argument("--records", type=int, help="records in the stream (default 10^6, quick 10^4)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--max-seconds-per-doc", type=float, default=10.0, help="the stream's time budget (default 10)")
    parser.add_argument("--max-line-bytes", type=int, default=1 << 20, help="the stream's line bound (default 1 MiB)")
    parser.add_argument("--sizes", help="shape sizes in characters, comma-separated (default 10000,100000,1000000)")
    parser.add_argument("--cap", type=float, help="CPU seconds after which a shape cell is stopped (default 60, quick 20)")
    parser.add_argument("--shapes", help="only these shapes (comma-separated; prose is always measured)")
    parser.add_argument("--no-shapes", action="store_true", help="only the stream")
    parser.add_argument("--shapes-only", action="store_true", help="only the shape table")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    records = args.records or (10_000 if args.quick else 1_000_000)
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else ([10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000])
    cap = args.cap or (20.0 if args.quick else 60.0)
    shapes = ["prose"] + [s for s in (args.shapes.split(",") if args.shapes else SHAPES) if s != "prose"]
    results: dict[str, Any] = {}
    ok = True
    if not args.shapes_only:
        print(f"stream: {records:,} records through quotecheck extract - --jobs {args.jobs} …", file=sys.stderr, flush=True)
        stream = run_stream(records, args.jobs, args.max_seconds_per_doc, args.max_line_bytes)
        results["stream"] = stream
        ok = not stream["problems"] and not stream["workers_left"] and stream["status"] in (0, 1)
        print(f"## Stream ({records:,} records, --jobs {args.jobs})\n")
        for key, value in stream.items():
            print(f"- {key}: {value}")
        print(f"- verdict: {'records in = records out, in order, spans valid, no worker left' if ok else 'FAILED'}\n")
    if not args.no_shapes:
        print("shapes …", file=sys.stderr, flush=True)
        table = shape_table(sizes, cap, shapes)
        results["shapes"] = {shape: {str(k): v for k, v in row.items()} for shape, row in table.items()}
        print("## Shapes\n")
        print_table(table, sizes, cap)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
