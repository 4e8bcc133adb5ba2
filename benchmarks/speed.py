"""Speed and memory of quotecheck, optionally side by side with an older revision.

    python benchmarks/speed.py --dataset path/to/wikinews-quotes-de/train
    python benchmarks/speed.py --dataset DIR --against 4a2f305   # this tree and 4a2f305, interleaved
    python benchmarks/speed.py --quick                           # a small subset (a few minutes)
    python benchmarks/speed.py --only startup,memory --json speed.json
    python benchmarks/speed.py --dataset DIR --against HEAD --compiled  # pure HEAD, compiled this tree

The measurements of issue 17, each in a fresh subprocess:

``extract``  ``Extractor.process`` in one process over the ``--dataset`` texts (the
             WikiNews ``*.json`` files' ``originalText``, in file-name order): tokens/s
             by wall clock and by CPU time. Skipped, with a note, without ``--dataset``.
``cli``      ``quotecheck extract`` on the same texts ×10 as JSON lines, start-up
             included: tokens/s, and its ratio to ``extract`` of the same tree.
``startup``  ``quotecheck extract`` on one short document: wall and CPU seconds, with
             the tree's bytecode written first (as after ``pip install``, also where
             ``PYTHONDONTWRITEBYTECODE`` is set).
``memory``   one 10 MB document (1 MB with ``--quick``): how far the peak resident set
             rises above the resident set before ``extract``, per input character,
             and how much of the rise is file-backed (a memory-mapped lemma table,
             shared between processes and reclaimable).
``jobs``     ``quotecheck extract --jobs 2``: PSS, RSS and private memory of the parent
             and each worker (the highest sample of ``/proc/PID/smaps_rollup``), which
             shows whether workers share the lemma dictionary; seconds and byte-identical
             output against ``--jobs 1``.

Three more run only when named with ``--only``: ``stages`` (tracemalloc on the
``memory`` document: the bytes alive at the peak, by the pipeline stage that
allocated them), ``size`` (one document of 1 KB to 10 MB: seconds per MB and bytes
per character, flat = linear) and ``stream`` (1,000 to 100,000 paragraph-sized
documents through the CLI: peak memory flat = streaming).

``--against REV`` checks REV out into a temporary ``git worktree`` and runs every
measurement alternately on REV and on this tree (the order flips each round), so
both see the same machine load; it prints each tree's median with its range and
the ratio this tree / REV per round (median and range). Under load, CPU-time
throughput is the steadier of the two clocks.

``--compiled`` measures this tree's mypyc-compiled build (README "Faster, compiled
build") in its place: ``QUOTECHECK_MYPYC=1 pip install --no-deps --target`` into a
temporary folder, a few minutes of compiling first (pip fetches mypy for the build,
and a C compiler is needed). REV stays pure Python: ``--against HEAD --compiled``
compares the pure and the compiled build of the same commit. ``--compiled DIR`` takes
a build of this tree already installed there, so that one compile serves several runs.

Inputs are fixed so that numbers stay comparable across commits: the dataset
texts; and, for ``memory``, ``startup``, ``jobs`` without a dataset, ``size`` and
``stream``, the *base texts* of :data:`BASE_FILES` (the corpus and the examples that
existed when issue 17 was measured; files added to ``examples/`` later are not
read). Texts on which this tree's ``Extractor.extract`` raises are left out of the
big documents (an error in one place would end the measurement early); the
header names them. Both trees get the same input files, written once by this
process. Each child reports documents that ended in an error record; a non-zero
count is printed beside the numbers.

These are measurements, not tests: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

ROOT = Path(__file__).resolve().parents[1]

#: The base texts: fixed files, so that adding an example does not move the numbers.
BASE_FILES = ("corpus/gold.jsonl", "examples/articles.jsonl", "examples/hafenstreik.txt")
#: One short document for the start-up measurement.
SHORT_DOCUMENT = "„Wir streiken weiter“, sagte Gewerkschaftschef Jan Roth am Montag in Hamburg."
MEASUREMENTS = ("extract", "cli", "startup", "memory", "jobs")
EXTRA = ("stages", "size", "stream")


# ---------------------------------------------------------------------------
# Inputs (built once, in this process, from this tree's files).
# ---------------------------------------------------------------------------


def base_texts() -> list[tuple[str, str]]:
    """``(id, text)`` of :data:`BASE_FILES`."""
    texts: list[tuple[str, str]] = []
    for name in BASE_FILES:
        path = ROOT / name
        if path.suffix == ".txt":
            texts.append((path.stem, path.read_text(encoding="utf-8")))
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                record = json.loads(line)
                texts.append((str(record.get("id", f"{path.stem}-{n}")), record["text"]))
    return texts


def dataset_texts(folder: Path, limit: int | None = None) -> list[tuple[str, str]]:
    """``(file name, originalText)`` of the dataset's ``*.json`` files in name order."""
    paths = sorted(folder.glob("*.json"))[:limit]
    return [(p.name, json.loads(p.read_text(encoding="utf-8"))["originalText"]) for p in paths]


def extractable(texts: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """The texts this tree's ``Extractor.extract`` handles, and the ids of those it raises on."""
    sys.path.insert(0, str(ROOT))
    from quotecheck import Extractor

    extractor = Extractor()
    good, bad = [], []
    for doc_id, text in texts:
        try:
            extractor.extract(text)
        except Exception:  # the point is to leave it out and say so
            bad.append(doc_id)
        else:
            good.append(text)
    return good, bad


def document(texts: Sequence[str], size: int) -> str:
    """One document of about ``size`` characters: the texts repeated, cut at a paragraph break."""
    joined = "\n\n".join(texts)
    text = (joined + "\n\n") * (size // (len(joined) + 2) + 1)
    cut = text.rfind("\n\n", 0, size)
    return text[: cut if cut > 0 else size]


def paragraphs(texts: Sequence[str]) -> list[str]:
    """The paragraphs of ``texts``: short items for the streaming measurement."""
    return [p for t in texts for p in t.split("\n\n") if p.strip()]


def write_jsonl(path: Path, docs: Sequence[str], copies: int = 1, seed: int = 0) -> Path:
    """``copies`` of ``docs`` as JSON lines with unique ids (shuffled when copies > 1)."""
    items = list(docs) * copies
    if copies > 1:
        random.Random(seed).shuffle(items)
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(items):
            out.write(json.dumps({"id": f"d{i}", "text": text}, ensure_ascii=False) + "\n")
    return path


def count_tokens(texts: Sequence[str]) -> int:
    """Tokens of ``texts`` by this tree's tokenizer (the same in every tree: output is byte-identical)."""
    sys.path.insert(0, str(ROOT))
    from quotecheck.text import tokenize

    return sum(len(tokenize(t)) for t in texts)


# ---------------------------------------------------------------------------
# Child measurements (``speed.py --child KIND --tree DIR --input FILE``).
# ---------------------------------------------------------------------------


def _status_kib(field_name: str) -> int:
    """A ``VmRSS``-style field of /proc/self/status, in KiB (0 where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field_name + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _child_extract(path: Path) -> dict[str, Any]:
    """``Extractor.process`` over every line of ``path``, timed after a warm-up document."""
    from quotecheck import Extractor

    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    extractor = Extractor()
    extractor.process("warm-up", SHORT_DOCUMENT)
    wall, cpu = time.perf_counter(), time.process_time()
    quotes = errors = 0
    for doc in docs:
        result = extractor.process(doc["id"], doc["text"])
        quotes += len(result.quotes)
        errors += result.error is not None
    return {"seconds": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
            "documents": len(docs), "quotes": quotes, "errors": errors}


def _child_document(path: Path) -> dict[str, Any]:
    """One big document: the peak resident set's rise during ``process`` (VmHWM − VmRSS before)."""
    from quotecheck import Extractor

    text = path.read_text(encoding="utf-8")
    extractor = Extractor()
    extractor.process("warm-up", SHORT_DOCUMENT)
    before, file_before = _status_kib("VmRSS"), _status_kib("RssFile")
    # VmHWM is the peak so far; reading the text and the warm-up must not have
    # peaked above what extraction reaches (they don't: both are far smaller).
    wall, cpu = time.perf_counter(), time.process_time()
    result = extractor.process("big", text)
    seconds, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak, file_after = _status_kib("VmHWM"), _status_kib("RssFile")
    return {"seconds": seconds, "cpu": cpu, "characters": len(text), "quotes": len(result.quotes),
            "errors": int(result.error is not None), "rss_before_kib": before, "hwm_kib": peak,
            "file_rise_kib": file_after - file_before}


def _module_of(filename: str, tree: str) -> str:
    """``quotecheck/rules/direct.py`` for a file of the tree, the package name for another library."""
    path = Path(filename)
    if path.is_relative_to(tree):
        return str(path.relative_to(tree))
    parts = path.parts
    return parts[parts.index("site-packages") + 1] if "site-packages" in parts else filename


def _child_stages(path: Path, tree: str) -> dict[str, Any]:
    """Where the bytes alive at the peak of one big document were allocated, by module.

    tracemalloc traces the allocations of ``process``; a watcher thread takes a
    snapshot whenever the traced total passes its highest value by 5 %, so the
    last snapshot shows (within 5 %) what is alive at the peak. Memory allocated
    before (the text itself, the lexica, the lemma dictionary) is not counted.
    """
    import tracemalloc

    from quotecheck import Extractor

    text = path.read_text(encoding="utf-8")
    extractor = Extractor()
    extractor.process("warm-up", SHORT_DOCUMENT)
    highest: list[Any] = [0, None]
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.02):
            current = tracemalloc.get_traced_memory()[0]
            if current > highest[0] * 1.05:
                highest[:] = [current, tracemalloc.take_snapshot()]

    tracemalloc.start()
    watcher = threading.Thread(target=watch)
    watcher.start()
    extractor.process("big", text)
    done.set()
    watcher.join()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    modules: dict[str, int] = {}
    for stat in highest[1].statistics("filename"):
        module = _module_of(stat.traceback[0].filename, tree)
        modules[module] = modules.get(module, 0) + stat.size
    return {"characters": len(text), "peak": peak, "snapshot": highest[0], "modules": modules}


def child_main(kind: str, tree: str, path: Path) -> dict[str, Any]:
    """Run one child measurement against the quotecheck package of ``tree``."""
    sys.path.insert(0, tree)
    import quotecheck

    if not Path(quotecheck.__file__).resolve().is_relative_to(Path(tree).resolve()):
        raise SystemExit(f"imported {quotecheck.__file__}, not the tree {tree}")
    if kind == "stages":
        return _child_stages(path, str(Path(tree).resolve()))
    return _child_extract(path) if kind == "extract" else _child_document(path)


# ---------------------------------------------------------------------------
# Running a tree.
# ---------------------------------------------------------------------------


@dataclass
class Tree:
    """A source tree under measurement, with the environment its processes run in."""

    label: str
    path: Path
    env: dict[str, str] = field(default_factory=dict)

    def environment(self) -> dict[str, str]:
        """The caller's environment with this tree first on the import path."""
        return {**os.environ, **self.env, "PYTHONPATH": str(self.path)}


def run_child(tree: Tree, kind: str, path: Path) -> dict[str, Any]:
    """One child measurement in a fresh interpreter, so peak memory and caches start clean."""
    command = [sys.executable, __file__, "--child", kind, "--tree", str(tree.path), "--input", str(path)]
    out = subprocess.run(command, capture_output=True, text=True, cwd=tree.path, env=tree.environment())
    if out.returncode != 0:
        raise RuntimeError(f"{tree.label}: child {kind} failed:\n{out.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(out.stdout)
    return result


#: ``quotecheck extract …`` run in-process by ``python -c``, then the process's own peak
#: resident set (VmHWM, per address space) on the last line of standard error. The
#: rusage ``ru_maxrss`` of a child would start from this benchmark's own, inherited
#: through fork and exec.
_CLI = (
    "import sys\n"
    "from quotecheck.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "sys.stdout.flush()\n"
    "hwm = [line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM:')]\n"
    "print(hwm[0] if hwm else 0, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def cli_command(*args: str) -> list[str]:
    """``quotecheck extract -q ARGS`` of the tree the process starts in (its folder is the cwd)."""
    return [sys.executable, "-c", _CLI, "extract", "-q", *args]


def run_cli(tree: Tree, *args: str) -> dict[str, Any]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one CLI run.

    CPU seconds come from ``wait4``, which counts the children the CLI reaped
    (the pool's workers); peak RSS is the CLI process's own.
    """
    wall = time.perf_counter()
    process = subprocess.Popen(cli_command(*args), cwd=tree.path, env=tree.environment(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - wall
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise RuntimeError(f"{tree.label}: quotecheck {' '.join(args)} exited {code}:\n{stderr[-2000:]}")
    last = stderr.strip().rpartition("\n")[2]
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
            "peak_mb": int(last) / 1024 if last.isdigit() else float("nan")}


def _smaps(pid: int) -> dict[str, int] | None:
    """The KiB fields of /proc/PID/smaps_rollup, or None once the process is gone."""
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]
    except OSError:
        return None
    fields = {}
    for line in lines:
        name, _, rest = line.partition(":")
        parts = rest.split()
        if parts and parts[0].isdigit():
            fields[name] = int(parts[0])
    return fields


def _children_of(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (a scan of /proc/*/stat)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return sorted(found)


def run_cli_sampled(tree: Tree, *args: str, every: float = 0.2) -> dict[str, Any]:
    """A CLI run while sampling the smaps_rollup of the CLI process and its workers.

    For each process the sample with the highest PSS is kept; ``total_pss`` is the
    highest sum over one sample. PSS divides shared pages among the processes that
    map them, so a dictionary the workers share is counted once in the total.
    """
    wall = time.perf_counter()
    process = subprocess.Popen(cli_command(*args), cwd=tree.path, env=tree.environment(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peaks: dict[str, dict[str, int]] = {}
    total = 0
    while process.poll() is None:
        roles = {"parent": process.pid}
        for n, pid in enumerate(_children_of(process.pid)):
            roles[f"worker {n + 1}"] = pid
        pss_sum = 0
        for role, pid in roles.items():
            sample = _smaps(pid)
            if sample is None:
                continue
            pss_sum += sample.get("Pss", 0)
            if sample.get("Pss", 0) > peaks.get(role, {}).get("Pss", -1):
                peaks[role] = sample
        total = max(total, pss_sum)
        time.sleep(every)
    seconds = time.perf_counter() - wall
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{tree.label}: quotecheck {' '.join(args)} exited {process.returncode}")
    return {"seconds": seconds, "processes": peaks, "total_pss_kib": total}


@contextmanager
def worktree(revision: str) -> Iterator[Path]:
    """A temporary ``git worktree`` of ``revision``, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="quotecheck-speed-"))
    target = folder / "tree"
    subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(target), revision],
                   cwd=ROOT, check=True)
    try:
        yield target
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(target)], cwd=ROOT, check=False)
        shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------------------
# Rounds, ratios, tables.
# ---------------------------------------------------------------------------


def interleaved(trees: Sequence[Tree], rounds: int, run: Callable[[Tree], dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """``run`` on every tree, ``rounds`` times, the order flipping each round."""
    results: dict[str, list[dict[str, Any]]] = {t.label: [] for t in trees}
    for n in range(rounds):
        for tree in (trees if n % 2 == 0 else list(reversed(trees))):
            results[tree.label].append(run(tree))
    return results


def spread(values: Sequence[float], digits: int = 0, scale: float = 1.0) -> str:
    """``median [min–max]`` of ``values`` (just the value when there is one)."""
    fmt = f"{{:,.{digits}f}}"
    if len(values) == 1:
        return fmt.format(values[0] * scale)
    return f"{fmt.format(statistics.median(values) * scale)} [{fmt.format(min(values) * scale)}–{fmt.format(max(values) * scale)}]"


def ratios(results: dict[str, list[dict[str, Any]]], trees: Sequence[Tree], value: Callable[[dict[str, Any]], float]) -> list[float]:
    """Per round, ``value`` of the last tree (this one) over ``value`` of the first (REV)."""
    old, new = results[trees[0].label], results[trees[-1].label]
    return [value(b) / value(a) for a, b in zip(old, new)]


def table(title: str, header: list[str], rows: list[list[str]], note: str = "") -> None:
    """Print ``rows`` as an aligned table under ``title``."""
    print(f"\n{title}")
    cells = [header] + rows
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    for n, row in enumerate(cells):
        print("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))))
        if n == 0:
            print("  ".join("-" * w for w in widths))
    if note:
        print(note)


def errors_note(results: dict[str, list[dict[str, Any]]]) -> str:
    """A line naming the trees whose runs produced error records, if any."""
    bad = {label: max(r.get("errors", 0) for r in runs) for label, runs in results.items()}
    bad = {label: n for label, n in bad.items() if n}
    return "  error records: " + ", ".join(f"{k} {v}" for k, v in bad.items()) if bad else ""


# ---------------------------------------------------------------------------
# The measurements.
# ---------------------------------------------------------------------------


@dataclass
class Setup:
    """What every measurement needs: the trees, the input files and the options."""

    trees: list[Tree]
    tmp: Path
    rounds: int
    quick: bool
    dataset: list[str] | None
    dataset_tokens: int
    base: list[str]
    results: dict[str, Any]
    extract_speed: dict[str, float] = field(default_factory=dict)

    def ratio_row(self, label: str, values: list[float], digits: int = 2) -> list[str] | None:
        """A ``this / REV`` row, when there are two trees."""
        return [label, spread(values, digits)] if len(self.trees) > 1 else None


def measure_extract(s: Setup) -> None:
    """``extract`` in one process on the dataset texts: tokens/s by wall and CPU clock."""
    if s.dataset is None:
        print("\nextract: skipped (no --dataset)")
        return
    path = write_jsonl(s.tmp / "dataset.jsonl", s.dataset)
    results = interleaved(s.trees, s.rounds, lambda t: run_child(t, "extract", path))
    rows = []
    for tree in s.trees:
        runs = results[tree.label]
        wall = [s.dataset_tokens / r["seconds"] for r in runs]
        cpu = [s.dataset_tokens / r["cpu"] for r in runs]
        s.extract_speed[tree.label] = statistics.median(cpu)
        rows.append([tree.label, spread(wall), spread(cpu), f"{runs[0]['quotes']:,}"])
    if len(s.trees) > 1:
        rows.append(["this / REV", spread(ratios(results, s.trees, lambda r: 1 / r["seconds"]), 2),
                     spread(ratios(results, s.trees, lambda r: 1 / r["cpu"]), 2), ""])
    table(f"extract in one process: {len(s.dataset)} dataset texts, {s.dataset_tokens:,} tokens, "
          f"{s.rounds} round(s)", ["tree", "tokens/s (wall)", "tokens/s (CPU)", "quotes"], rows,
          errors_note(results))
    s.results["extract"] = results


def measure_cli(s: Setup) -> None:
    """The CLI on the dataset texts ×10 (×2 quick), against ``extract`` of the same tree."""
    if s.dataset is None:
        print("\ncli: skipped (no --dataset)")
        return
    copies = 2 if s.quick else 10
    path = write_jsonl(s.tmp / f"dataset-x{copies}.jsonl", s.dataset, copies)
    tokens = s.dataset_tokens * copies
    results = interleaved(s.trees, 1, lambda t: run_cli(t, str(path), "-o", os.devnull))
    rows = []
    for tree in s.trees:
        runs = results[tree.label]
        cpu = [tokens / r["cpu"] for r in runs]
        versus = f"{statistics.median(cpu) / s.extract_speed[tree.label]:.2f}" if tree.label in s.extract_speed else "-"
        rows.append([tree.label, spread([tokens / r["seconds"] for r in runs]), spread(cpu), versus,
                     spread([r["peak_mb"] for r in runs], 1)])
    if len(s.trees) > 1:
        rows.append(["this / REV", spread(ratios(results, s.trees, lambda r: 1 / r["seconds"]), 2),
                     spread(ratios(results, s.trees, lambda r: 1 / r["cpu"]), 2), "", ""])
    table(f"CLI on the dataset texts x{copies} ({tokens:,} tokens, start-up included, one round)",
          ["tree", "tokens/s (wall)", "tokens/s (CPU)", "CLI / extract (CPU)", "peak MB"], rows)
    s.results["cli"] = results


def measure_startup(s: Setup) -> None:
    """``quotecheck extract`` on one short document, ``runs`` times per round."""
    path = s.tmp / "short.jsonl"
    write_jsonl(path, [SHORT_DOCUMENT])
    runs_per_round = 3 if s.quick else 5

    def run(tree: Tree) -> dict[str, Any]:
        runs = [run_cli(tree, str(path), "-o", os.devnull) for _ in range(runs_per_round)]
        return {"seconds": statistics.median(r["seconds"] for r in runs),
                "cpu": statistics.median(r["cpu"] for r in runs),
                "peak_mb": statistics.median(r["peak_mb"] for r in runs)}

    results = interleaved(s.trees, s.rounds, run)
    rows = [[t.label, spread([r["seconds"] for r in results[t.label]], 3),
             spread([r["cpu"] for r in results[t.label]], 3),
             spread([r["peak_mb"] for r in results[t.label]], 1)] for t in s.trees]
    if len(s.trees) > 1:
        rows.append(["this / REV", spread(ratios(results, s.trees, lambda r: r["seconds"]), 2),
                     spread(ratios(results, s.trees, lambda r: r["cpu"]), 2),
                     spread(ratios(results, s.trees, lambda r: r["peak_mb"]), 2)])
    table(f"CLI start-up on one short document (median of {runs_per_round} runs per round, {s.rounds} round(s))",
          ["tree", "seconds (wall)", "seconds (CPU)", "peak MB"], rows)
    s.results["startup"] = results


def _document_row(label: str, m: dict[str, Any]) -> list[str]:
    rise = (m["hwm_kib"] - m["rss_before_kib"]) * 1024
    return [label, f"{m['characters']:,}", f"{m['cpu'] / (m['characters'] / 1e6):.2f}",
            f"{rise / m['characters']:.1f}", f"{m['file_rise_kib'] * 1024 / m['characters']:.1f}",
            f"{m['hwm_kib'] / 1024:,.0f}", f"{m['quotes']:,}" + (" (error)" if m["errors"] else "")]


DOCUMENT_HEADER = ["tree", "characters", "CPU s per MB", "peak rise B/char", "of it file-backed",
                   "peak MB", "quotes"]


def measure_memory(s: Setup) -> None:
    """Peak memory for one big document, per input character."""
    size = 1_000_000 if s.quick else 10_000_000
    path = s.tmp / f"document-{size}.txt"
    path.write_text(document(s.base, size), encoding="utf-8")
    results = interleaved(s.trees, 1, lambda t: run_child(t, "document", path))
    rows = [_document_row(t.label, results[t.label][0]) for t in s.trees]
    table(f"Peak memory for one document of {size / 1e6:g} MB (the resident set's rise during extract)",
          DOCUMENT_HEADER, rows,
          "  file-backed: pages of a memory-mapped file (shared between processes, reclaimable)")
    s.results["memory"] = results


#: Stages by module path prefix, first match wins (see the layout in the README).
STAGES = (
    ("text layer (text.py, columns.py, analysis/)", ("quotecheck/text.py", "quotecheck/columns.py", "quotecheck/analysis/")),
    ("rules", ("quotecheck/rules/", "quotecheck/morph.py", "quotecheck/spanindex.py")),
    ("attribution", ("quotecheck/attribution/",)),
    ("quotes (model.py)", ("quotecheck/model.py",)),
    ("lemmas (simplemma)", ("simplemma",)),
    ("other quotecheck", ("quotecheck/",)),
)


def measure_stages(s: Setup) -> None:
    """tracemalloc by stage for the ``memory`` document: which stage holds the bytes at the peak."""
    size = 1_000_000 if s.quick else 10_000_000
    path = s.tmp / f"document-{size}.txt"
    path.write_text(document(s.base, size), encoding="utf-8")
    results = interleaved(s.trees, 1, lambda t: run_child(t, "stages", path))
    rows = []
    for tree in s.trees:
        m = results[tree.label][0]
        per_char = {name: 0.0 for name, _ in STAGES} | {"other (attrs, Python)": 0.0}
        for module, size_bytes in m["modules"].items():
            stage = next((name for name, prefixes in STAGES if module.startswith(prefixes)), "other (attrs, Python)")
            per_char[stage] += size_bytes / m["characters"]
        top = sorted(m["modules"].items(), key=lambda kv: -kv[1])[:3]
        rows += [[tree.label, stage, f"{value:.1f}"] for stage, value in per_char.items()]
        rows.append([tree.label, "all (traced peak)", f"{m['peak'] / m['characters']:.1f}"])
        rows.append([tree.label, "largest modules", ", ".join(f"{k} {v / m['characters']:.1f}" for k, v in top)])
    table(f"Memory by stage at the traced peak, one document of {size / 1e6:g} MB (tracemalloc, bytes per character)",
          ["tree", "stage", "B/char"], rows,
          "  traced: Python allocations during extract; the resident set adds the allocator's overhead")
    s.results["stages"] = results


def measure_size(s: Setup) -> None:
    """Documents of 1 KB to 10 MB: seconds per MB and bytes per character should stay flat."""
    sizes = [1_000, 10_000, 100_000, 1_000_000] + ([] if s.quick else [10_000_000])
    rows = []
    s.results["size"] = {}
    for size in sizes:
        path = s.tmp / f"document-{size}.txt"
        path.write_text(document(s.base, size), encoding="utf-8")
        results = interleaved(s.trees, 1, lambda t: run_child(t, "document", path))
        rows += [_document_row(t.label, results[t.label][0]) for t in s.trees]
        s.results["size"][size] = results
    table("Document size (s/MB flat = linear; B/char is noisy below 1 MB)", DOCUMENT_HEADER, rows)


def measure_stream(s: Setup) -> None:
    """Many paragraph-sized documents through the CLI: peak memory must stay flat."""
    pool = paragraphs(s.base)
    rows = []
    for n in [1_000, 10_000] + ([] if s.quick else [100_000]):
        rng = random.Random(0)
        path = write_jsonl(s.tmp / f"stream-{n}.jsonl", [rng.choice(pool) for _ in range(n)])
        results = interleaved(s.trees, 1, lambda t: run_cli(t, str(path), "-o", os.devnull))
        rows += [[t.label, f"{n:,}", f"{results[t.label][0]['seconds']:.1f}", f"{results[t.label][0]['peak_mb']:.1f}"]
                 for t in s.trees]
        path.unlink()
    table("Stream length (CLI, paragraph-sized documents; peak MB flat = streaming)",
          ["tree", "documents", "seconds", "peak MB"], rows)


def measure_jobs(s: Setup) -> None:
    """``--jobs 2``: memory of the parent and each worker, and whether workers share the dictionary."""
    texts = s.dataset if s.dataset is not None else s.base
    copies = 1 if s.dataset is not None else (2 if s.quick else 10)
    path = write_jsonl(s.tmp / "jobs.jsonl", texts, copies)
    rows, timing = [], []
    s.results["jobs"] = {}
    for tree in s.trees:
        single, double = s.tmp / "jobs1.jsonl", s.tmp / "jobs2.jsonl"
        one = run_cli(tree, str(path), "-o", str(single), "--jobs", "1")
        two = run_cli_sampled(tree, str(path), "-o", str(double), "--jobs", "2")
        identical = single.read_bytes() == double.read_bytes()
        for role, m in sorted(two["processes"].items()):
            private = m.get("Private_Clean", 0) + m.get("Private_Dirty", 0)
            shared = m.get("Shared_Clean", 0) + m.get("Shared_Dirty", 0)
            rows.append([tree.label, role, f"{m['Pss'] / 1024:.1f}", f"{m['Rss'] / 1024:.1f}",
                         f"{private / 1024:.1f}", f"{shared / 1024:.1f}"])
        rows.append([tree.label, "all (highest sum)", f"{two['total_pss_kib'] / 1024:.1f}", "", "", ""])
        timing.append([tree.label, f"{one['seconds']:.1f}", f"{two['seconds']:.1f}",
                       f"{one['seconds'] / two['seconds']:.2f}", str(identical)])
        s.results["jobs"][tree.label] = {"jobs1": one, "jobs2": two, "identical": identical}
    what = f"{len(texts)} {'dataset' if s.dataset is not None else 'base'} texts x{copies}"
    table(f"--jobs 2 memory ({what}; highest sample per process, MiB)",
          ["tree", "process", "PSS", "RSS", "private", "shared"], rows,
          "  PSS splits shared pages between the processes mapping them; a dictionary loaded\n"
          "  privately by each worker shows as private memory in every worker.")
    table("--jobs 2 against --jobs 1 (wall seconds; bounded by free cores)",
          ["tree", "jobs 1", "jobs 2", "speed-up", "identical output"], timing)


RUNNERS: dict[str, Callable[[Setup], None]] = {
    "extract": measure_extract, "cli": measure_cli, "startup": measure_startup,
    "memory": measure_memory, "jobs": measure_jobs, "size": measure_size, "stream": measure_stream,
    "stages": measure_stages,
}


# ---------------------------------------------------------------------------
# Main.
# ---------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, help="a WikiNews dataset folder (e.g. its train split)")
    parser.add_argument("--against", metavar="REV", help="also measure git revision REV, interleaved")
    parser.add_argument("--compiled", nargs="?", const="", metavar="DIR",
                        help="measure this tree compiled with mypyc instead of its sources: built into a temporary "
                             "folder, or already installed in DIR (QUOTECHECK_MYPYC=1 pip install --no-deps --target DIR .)")
    parser.add_argument("--rounds", type=int, help="rounds of extract and startup (default 3, quick 1)")
    parser.add_argument("--only", help=f"comma-separated subset of {', '.join(MEASUREMENTS + EXTRA)}")
    parser.add_argument("--quick", action="store_true",
                        help="a subset: 150 dataset texts, CLI x2, a 1 MB document, one round")
    parser.add_argument("--json", metavar="OUT", help="also write the numbers as JSON")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--tree", help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; ``argv`` lets tests call it directly."""
    args = _parser().parse_args(argv)
    if args.child:
        print(json.dumps(child_main(args.child, args.tree, args.input)))
        return 0
    chosen = args.only.split(",") if args.only else list(MEASUREMENTS)
    unknown = [m for m in chosen if m not in RUNNERS]
    if unknown:
        print(f"unknown measurement(s) {', '.join(unknown)}; available: {', '.join(RUNNERS)}", file=sys.stderr)
        return 2
    if args.dataset is not None and not args.dataset.is_dir():
        print(f"--dataset {args.dataset}: not a folder", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="quotecheck-speed-") as tmp_name, \
            (worktree(args.against) if args.against else _no_tree()) as old:
        setup = _setup(args, Path(tmp_name), old)
        for name in chosen:
            RUNNERS[name](setup)
    print(f"\nload average after: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if args.json:
        Path(args.json).write_text(json.dumps(setup.results, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


def _setup(args: argparse.Namespace, tmp: Path, old: Path | None) -> Setup:
    """The trees, the inputs and a warm-up run of each tree; prints what was chosen."""
    # One lemma-table cache for every run (trees that have none ignore it), built
    # by the warm-up run: the start-up measured is that of a warm machine.
    env = {"QUOTECHECK_CACHE_DIR": str(tmp / "cache")}
    if args.compiled is None:
        this = Tree("this tree", ROOT, env)
    else:
        this = Tree("this tree (compiled)", Path(args.compiled) if args.compiled else compiled_build(tmp / "compiled"), env)
    trees = [Tree(f"REV {args.against}", old, env), this] if old is not None else [this]
    base, left_out = extractable(base_texts())
    dataset = None
    tokens = 0
    if args.dataset is not None:
        dataset = [t for _, t in dataset_texts(args.dataset, 150 if args.quick else None)]
        tokens = count_tokens(dataset)
    setup = Setup(trees, tmp, args.rounds or (1 if args.quick else 3), args.quick, dataset, tokens, base,
                  {"python": sys.version.split()[0], "cpus": os.cpu_count(), "against": args.against})
    print(f"python {setup.results['python']}, {os.cpu_count()} cpus, load average "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}; trees: {', '.join(str(t.path) for t in trees)}")
    print(f"base texts: {len(base)} from {', '.join(BASE_FILES)}"
          + (f"; left out (extract raises on this tree): {', '.join(left_out)}" if left_out else ""))
    warm = write_jsonl(tmp / "warm.jsonl", [SHORT_DOCUMENT])
    for tree in trees:  # byte-compiled modules and the lemma table exist before anything is timed
        byte_compile(tree)
        run_cli(tree, str(warm), "-o", os.devnull)
    return setup


def byte_compile(tree: Tree) -> None:
    """Write the tree's bytecode (``__pycache__``), as ``pip install`` does for an installed package.

    The warm-up run alone does not: where ``PYTHONDONTWRITEBYTECODE`` is set (some
    shells and containers set it), every timed run would compile each module from
    source again, which more than doubles the start-up measured and is not what a
    user of the installed package waits for. Bytecode is read under that setting.
    """
    compileall.compile_dir(str(tree.path / "quotecheck"), quiet=1)


def compiled_build(target: Path) -> Path:
    """This tree built with mypyc and installed into ``target`` (no dependencies): a tree to measure.

    The build of a user's ``QUOTECHECK_MYPYC=1 pip install .``, so that what is timed is
    what users get; its compile time is printed, not counted.
    """
    started = time.monotonic()
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(ROOT)]
    subprocess.run(command, check=True, env={**os.environ, "QUOTECHECK_MYPYC": "1"})
    print(f"compiled this tree with mypyc in {time.monotonic() - started:.0f} s (wall) into {target}")
    return target


@contextmanager
def _no_tree() -> Iterator[None]:
    yield None


if __name__ == "__main__":
    sys.exit(main())
