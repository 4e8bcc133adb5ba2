"""The accuracy gate: quotecheck's per-quote output on the gold corpus is committed.

``tests/gate/corpus.txt`` holds every quote found in ``corpus/gold.jsonl`` with its
status against the gold quotes (see :mod:`benchmarks.gate`). Any change of
behaviour changes that file, so it must be regenerated on purpose and shows up,
quote by quote, in review.
"""

from __future__ import annotations

from benchmarks.gate import GATE, UPDATE, diff, document_lines, quote_line, render


def test_committed_gate_matches_the_current_output() -> None:
    committed = GATE.read_text(encoding="utf-8") if GATE.exists() else ""
    current = render()
    assert committed == current, (
        f"quotecheck's output on corpus/gold.jsonl changed. If the change is intended, run\n"
        f"    {UPDATE}\n"
        f"and commit tests/gate/corpus.txt with it; the diff is what reviewers read.\n\n"
        + diff(committed, current)
    )


def _quote(start: int, end: int, kind: str = "indirect", name: str | None = "Anna Berger", **more: object) -> dict:
    speaker = None if name is None else {"text": "Berger", "spans": [[0, 6]], "name": name, "type": "person"}
    return {
        "id": f"d:q{start}", "kind": kind, "mood": None,
        "content": {"text": "x" * (end - start), "spans": [[start, end]]},
        "cue": None, "frame": None, "speaker": speaker, "addressee": None,
        "sources": [], "fragments": [], "sentence": 0, "confidence": 0.8, **more,
    }


def test_agreeing_differing_extra_and_missed_quotes_get_their_status() -> None:
    found = [_quote(10, 20), _quote(30, 40, kind="direct"), _quote(90, 95)]
    gold = [_quote(12, 22), _quote(35, 45), _quote(60, 70)]
    statuses = [line[0] for line in document_lines(found, gold)]
    assert statuses == ["=", "~", "-", "+"]


def test_a_new_field_is_written_without_a_change_to_the_gate() -> None:
    line = quote_line(_quote(0, 5, relation="continues", parent="d:q1"))
    assert line.endswith("| parent=d:q1 | relation=continues")


def test_null_and_empty_fields_are_left_out() -> None:
    line = quote_line(_quote(0, 5, name=None, rule=None))
    assert "speaker" not in line and "rule" not in line and "sources" not in line
