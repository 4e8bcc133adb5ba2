"""Speed and memory of quotecheck: how cost grows with input size.

    python benchmarks/speed.py            # full run (a few minutes)
    python benchmarks/speed.py --quick    # small subset (well under a minute)
    python benchmarks/speed.py --json speed.json

Measures, each in a fresh subprocess so peak memory (max RSS from
``getrusage``) belongs to that measurement alone:

1. ``Extractor.extract`` and the CLI on 1x, 10x and 100x a base corpus: the
   texts of corpus/gold.jsonl and examples/, repeated and shuffled. Reports
   tokens/s and documents/s, plus a tokenisation-only reference pass
   (``quotecheck.text.segment``) and the ratio extract/tokenise.
2. Document size 1 KB -> 10 MB: one document made by concatenating corpus
   texts; time per MB and peak memory show whether any stage is super-linear.
3. Stream length 1k -> 100k documents (paragraph-sized) through the CLI:
   peak memory must stay flat.
4. ``--jobs 2`` against ``--jobs 1`` on the 10x corpus: speed-up, and whether
   the output bytes are identical.

These are measurements, not tests: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


# ---------------------------------------------------------------------------
# Inputs.
# ---------------------------------------------------------------------------


def base_texts() -> list[str]:
    """The texts of the gold corpus and the shipped examples."""
    texts = []
    for path in [ROOT / "corpus" / "gold.jsonl", *sorted((ROOT / "examples").glob("*.jsonl"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    return texts


def corpus(factor: int, seed: int = 0) -> list[dict[str, str]]:
    """``factor`` copies of the base texts, shuffled, with unique ids."""
    texts = base_texts() * factor
    random.Random(seed).shuffle(texts)
    return [{"id": f"d{i}", "text": t} for i, t in enumerate(texts)]


def paragraphs() -> list[str]:
    """The paragraphs of the base texts: short items for the streaming measurement."""
    return [p for t in base_texts() for p in t.split("\n\n") if p.strip()]


def stream(n: int, seed: int = 0) -> list[dict[str, str]]:
    """``n`` paragraph-sized documents (a scraped stream of short items)."""
    pool = paragraphs()
    rng = random.Random(seed)
    return [{"id": f"p{i}", "text": rng.choice(pool)} for i in range(n)]


def document(size: int) -> str:
    """One document of ``size`` characters, concatenated from corpus texts."""
    joined = "\n\n".join(base_texts())
    return (joined * (size // len(joined) + 1))[:size]


def write_jsonl(path: Path, docs: list[dict[str, str]]) -> None:
    """Write ``docs`` as JSON Lines, the CLI's input format."""
    with path.open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------
# Child measurements (run as ``speed.py --child KIND ARG``).
# ---------------------------------------------------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _child(kind: str, arg: str) -> dict[str, Any]:
    from quotecheck import Extractor
    from quotecheck.text import segment, tokenize

    if kind in ("extract", "tokenize"):
        docs = corpus(int(arg))
    else:  # size
        docs = [{"id": "big", "text": document(int(arg))}]
    tokens = sum(len(tokenize(d["text"])) for d in docs)
    characters = sum(len(d["text"]) for d in docs)
    extractor = Extractor()
    extractor.extract("„Aufwärmen“, sagte sie.")
    baseline = _peak_mb()
    start = time.perf_counter()
    quotes = 0
    if kind == "tokenize":
        for d in docs:
            segment(d["text"])
    else:
        for d in docs:
            quotes += len(extractor.extract(d["text"]))
    seconds = time.perf_counter() - start
    return {
        "documents": len(docs), "tokens": tokens, "characters": characters, "quotes": quotes,
        "seconds": seconds, "peak_mb": _peak_mb(), "input_mb": baseline,
    }


def run_child(kind: str, arg: Any) -> dict[str, Any]:
    """One measurement in a fresh interpreter, so peak memory and caches start clean."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(arg)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(out.stdout)


def run_cli(path: Path, *extra: str, output: str = os.devnull) -> dict[str, Any]:
    """Wall time and the CLI process's own peak RSS (``wait4``), plus worker peak via RUSAGE_CHILDREN."""
    command = [sys.executable, "-m", "quotecheck", "extract", "-q", *extra, str(path), "-o", output]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, "status": os.waitstatus_to_exitcode(status)}


# ---------------------------------------------------------------------------
# The benchmark.
# ---------------------------------------------------------------------------


def table(title: str, header: list[str], rows: list[list[Any]]) -> None:
    """Print ``rows`` as an aligned table under ``title``."""
    print(f"\n{title}")
    cells = [header] + [[f"{c:,.1f}" if isinstance(c, float) else f"{c:,}" if isinstance(c, int) else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    for n, row in enumerate(cells):
        print("  ".join(c.rjust(w) for c, w in zip(row, widths)))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main(argv: list[str] | None = None) -> int:
    """Run the speed benchmark; ``argv`` lets tests call it directly."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a fast subset")
    parser.add_argument("--json", metavar="OUT", help="also write the numbers as JSON")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(*args.child)))
        return 0

    factors = [1, 10] if args.quick else [1, 10, 100]
    sizes = [1_000, 10_000, 100_000, 1_000_000] if args.quick else [1_000, 10_000, 100_000, 1_000_000, 10_000_000]
    lengths = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    results: dict[str, Any] = {"python": sys.version.split()[0], "cpus": os.cpu_count()}

    rows = []
    results["throughput"] = []
    with tempfile.TemporaryDirectory() as tmp:
        for factor in factors:
            ref = run_child("tokenize", factor)
            ext = run_child("extract", factor)
            path = Path(tmp) / f"corpus{factor}.jsonl"
            write_jsonl(path, corpus(factor))
            cli = run_cli(path)
            row = {
                "factor": factor, "documents": ext["documents"], "tokens": ext["tokens"], "quotes": ext["quotes"],
                "extract_tokens_per_s": ext["tokens"] / ext["seconds"],
                "extract_docs_per_s": ext["documents"] / ext["seconds"],
                "tokenize_tokens_per_s": ref["tokens"] / ref["seconds"],
                "ratio": ext["seconds"] / ref["seconds"],
                "extract_peak_mb": ext["peak_mb"],
                "cli_tokens_per_s": ext["tokens"] / cli["seconds"],
                "cli_docs_per_s": ext["documents"] / cli["seconds"],
                "cli_peak_mb": cli["peak_mb"],
            }
            results["throughput"].append(row)
            rows.append([
                f"{factor}x", row["documents"], row["tokens"], row["quotes"], round(row["extract_tokens_per_s"]),
                round(row["extract_docs_per_s"]), round(row["tokenize_tokens_per_s"]), f"{row['ratio']:.1f}",
                round(row["cli_tokens_per_s"]), round(row["cli_docs_per_s"]), row["extract_peak_mb"], row["cli_peak_mb"],
            ])
        table(
            "Throughput on the base corpus repeated and shuffled (one core)",
            ["corpus", "docs", "tokens", "quotes", "extract tok/s", "extract doc/s", "tokenise tok/s",
             "extract/tok", "CLI tok/s", "CLI doc/s", "extract MB", "CLI MB"],
            rows,
        )

        rows = []
        results["document_size"] = []
        for size in sizes:
            m = run_child("size", size)
            row = {"characters": size, "tokens": m["tokens"], "quotes": m["quotes"], "seconds": m["seconds"],
                   "seconds_per_mb": m["seconds"] / (size / 1e6), "peak_mb": m["peak_mb"],
                   "tokens_per_s": m["tokens"] / m["seconds"]}
            results["document_size"].append(row)
            rows.append([f"{size:,}", m["tokens"], m["quotes"], f"{m['seconds']:.3f}", f"{row['seconds_per_mb']:.2f}",
                         round(row["tokens_per_s"]), m["peak_mb"]])
        table("Document size (extract; s/MB flat = linear)",
              ["characters", "tokens", "quotes", "seconds", "s per MB", "tok/s", "peak MB"], rows)

        rows = []
        results["stream_length"] = []
        for n in lengths:
            path = Path(tmp) / f"stream{n}.jsonl"
            write_jsonl(path, stream(n))
            m = run_cli(path)
            path.unlink()
            row = {"documents": n, "seconds": m["seconds"], "docs_per_s": n / m["seconds"], "peak_mb": m["peak_mb"]}
            results["stream_length"].append(row)
            rows.append([n, f"{m['seconds']:.1f}", round(row["docs_per_s"]), m["peak_mb"]])
        table("Stream length (CLI, paragraph-sized documents; peak MB flat = streaming)",
              ["documents", "seconds", "doc/s", "peak MB"], rows)

        path = Path(tmp) / "corpus10.jsonl"
        outputs = []
        timings = []
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}.jsonl"
            timings.append(run_cli(path, "--jobs", str(jobs), output=str(out)))
            outputs.append(out.read_bytes())
        speedup = timings[0]["seconds"] / timings[1]["seconds"]
        results["jobs"] = {"jobs1_seconds": timings[0]["seconds"], "jobs2_seconds": timings[1]["seconds"],
                           "speedup": speedup, "identical": outputs[0] == outputs[1]}
        table("--jobs on the 10x corpus (CLI)", ["jobs", "seconds", "speed-up", "identical output"],
              [[1, f"{timings[0]['seconds']:.1f}", "1.00", ""],
               [2, f"{timings[1]['seconds']:.1f}", f"{speedup:.2f}", str(outputs[0] == outputs[1])]])
    print(f"\ncpus: {os.cpu_count()}  (speed-up is bounded by free cores; other load skews it)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
