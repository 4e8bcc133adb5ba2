"""Evaluation against gold quotes: the published metric, attribution checks, a report.

``quotecheck evaluate GOLD`` is the command-line face of this package, and the
benchmark (``benchmarks/accuracy.py``) uses the same pieces::

    from pathlib import Path
    from quotecheck.evaluate import evaluate, load_gold, render

    report = evaluate(load_gold(Path("my-gold.jsonl")), errors=True).report()
    print(report["full"]["joint"]["f1"], report["attribution"]["chain"]["accuracy"])
"""

from __future__ import annotations

from quotecheck.evaluate.gold import FORMATS, Format, GoldDocument, detect_format, load_gold
from quotecheck.evaluate.report import render, render_errors
from quotecheck.evaluate.runner import evaluate
from quotecheck.evaluate.score import Attribution, Evaluation, QuoteError

__all__ = [
    "FORMATS",
    "Attribution",
    "Evaluation",
    "Format",
    "GoldDocument",
    "QuoteError",
    "detect_format",
    "evaluate",
    "load_gold",
    "render",
    "render_errors",
]
