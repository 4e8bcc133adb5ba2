"""What ``quotecheck extract`` loads to answer one short document: no more than it needs.

Start-up time itself is measured in ``benchmarks/speed.py`` (``--only startup``);
these tests keep the costly imports from coming back unnoticed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from quotecheck.analysis.lemmas import load_table

ROOT = Path(__file__).resolve().parents[1]

_SHORT = "„Wir streiken weiter“, sagte Gewerkschaftschef Jan Roth am Montag in Hamburg."


def _loaded_after(code: str) -> set[str]:
    """The modules a fresh interpreter has imported after running ``code``."""
    script = f"import sys\n{code}\nprint('\\n'.join(sys.modules))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    return set(out.stdout.split())


def test_extracting_a_short_document_imports_neither_provenance_nor_multiprocessing_nor_simplemma() -> None:
    load_table()  # built once (with simplemma) where the tests keep it; then only read
    loaded = _loaded_after(f"import quotecheck.cli, quotecheck\nassert quotecheck.extract({_SHORT!r})")
    assert {"quotecheck.provenance", "multiprocessing", "simplemma", "difflib"}.isdisjoint(loaded)


def test_the_comparison_api_is_still_there_on_first_use() -> None:
    loaded = _loaded_after("import quotecheck\nassert callable(quotecheck.compare) and quotecheck.StatementGroup")
    assert "quotecheck.provenance" in loaded


def test_dir_lists_every_public_name_before_its_first_use() -> None:
    code = "import quotecheck\nmissing = set(quotecheck.__all__) - set(dir(quotecheck))\nassert not missing, missing"
    loaded = _loaded_after(code)
    assert "quotecheck.provenance" not in loaded
