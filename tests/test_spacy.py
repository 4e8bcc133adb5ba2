"""The spaCy component (extra ``quotecheck-de[spacy]``), on real spaCy: no mocks.

``spacy.blank("de")`` needs no model download, so every test here runs
wherever spaCy is installed; the module skips cleanly where it is not.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path
from typing import Any

import pytest

from quotecheck.extractor import Extractor

spacy = pytest.importorskip("spacy", reason="needs quotecheck-de[spacy]")

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from quotecheck.spacy import SPAN_KEYS, QuotecheckComponent, SpanAlignmentWarning

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "gold.jsonl"
TEXT = (
    "Gewerkschaftschefin Anna Berger sagte der Nachrichtenagentur dpa: „Wir bleiben hart.“ "
    "Die Gespräche seien gescheitert, fügte sie hinzu. Laut Reuters will der Vorstand am Montag beraten."
)


@pytest.fixture(scope="module")
def nlp() -> Any:
    pipeline = spacy.blank("de")
    pipeline.add_pipe("quotecheck")
    return pipeline


@pytest.fixture(scope="module")
def corpus_records(corpus_cli_output: bytes) -> list[dict[str, Any]]:
    """What ``quotecheck extract corpus/gold.jsonl`` writes (run once, tests/conftest.py), parsed."""
    return [json.loads(line) for line in corpus_cli_output.splitlines()]


def span_table(doc: Any) -> dict[str, list[tuple[int, int, str, str, str]]]:
    """Every span group of ``doc`` as sorted (start, end, label, kb_id, quote id) rows."""
    return {
        key: sorted((s.start_char, s.end_char, s.label_, s.kb_id_, s.id_) for s in doc.spans[key])
        for key in SPAN_KEYS
    }


def expected_table(record: dict[str, Any]) -> dict[str, list[tuple[int, int, str, str, str]]]:
    """The span groups a CLI record calls for, written out from the documented table."""
    table: dict[str, list[tuple[int, int, str, str, str]]] = {key: [] for key in SPAN_KEYS}

    def add(key: str, role: dict[str, Any] | None, label: str, kb_id: str, quote_id: str) -> None:
        for start, end in (role or {}).get("spans", []):
            table[key].append((start, end, label, kb_id, quote_id))

    for q in record["quotes"]:
        add("quotes", q["content"], q["kind"], "", q["id"])
        for key, role in (("quote_speakers", q["speaker"]), ("quote_addressees", q["addressee"])):
            if role:
                add(key, role, role["type"], role["name"] or "", q["id"])
        for source in q["sources"]:
            add("quote_sources", source, source["type"], source["name"] or "", q["id"])
        if q["cue"]:
            add("quote_cues", q["cue"], q["cue"]["lemma"] or q["cue"]["text"], "", q["id"])
        add("quote_frames", q["frame"], q["kind"], "", q["id"])
        for fragment in q["fragments"]:
            add("quote_fragments", fragment, "fragment", "", q["id"])
    return {key: sorted(rows) for key, rows in table.items()}


# ---------------------------------------------------------------------------
# What the component sets.
# ---------------------------------------------------------------------------


@pytest.mark.slow  # a fresh interpreter that imports spaCy
def test_add_pipe_finds_the_factory_through_the_entry_point() -> None:
    """A fresh interpreter that never imports quotecheck still gets the component."""
    code = textwrap.dedent("""
        import spacy, sys
        nlp = spacy.blank("de")
        nlp.add_pipe("quotecheck")
        doc = nlp("„Wir bleiben hart“, sagte Anna Berger.")
        print(nlp.pipe_names, [(s.text, s.label_) for s in doc.spans["quotes"]])
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['quotecheck'] [('Wir bleiben hart', 'direct')]"


def test_spans_equal_the_cli_offsets_on_the_corpus(nlp: Any, corpus_records: list[dict[str, Any]]) -> None:
    texts = {json.loads(line)["id"]: json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()}
    with warnings.catch_warnings():
        warnings.simplefilter("error", SpanAlignmentWarning)  # every corpus span aligns
        for record in corpus_records:
            doc = nlp(texts[record["id"]])
            quote_ids = [q["id"].split(":")[-1] for q in record["quotes"]]
            expected = expected_table(record)
            expected = {k: sorted((s, e, lab, kb, qid.split(":")[-1]) for s, e, lab, kb, qid in v) for k, v in expected.items()}
            assert span_table(doc) == expected, record["id"]
            assert [q.id for q in doc._.quotes] == quote_ids


def test_quotes_extension_holds_the_quote_objects(nlp: Any, ex: Extractor) -> None:
    doc = nlp(TEXT)
    assert doc._.quotes == ex.extract(TEXT)
    assert doc._.quote_records == [q.to_dict() for q in ex.extract(TEXT)]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("quotes", [("Wir bleiben hart.", "direct", ""), ("Die Gespräche seien gescheitert", "indirect", ""),
                    ("will der Vorstand am Montag beraten", "indirect", "")]),
        ("quote_speakers", [("Gewerkschaftschefin Anna Berger", "person", "Anna Berger"),
                            ("sie", "person", "Anna Berger"), ("Reuters", "organization", "Reuters")]),
        ("quote_addressees", [("der Nachrichtenagentur dpa", "organization", "dpa")]),
        ("quote_cues", [("sagte", "sagen", ""), ("fügte", "hinzufügen", ""), ("hinzu", "hinzufügen", ""),
                        ("Laut", "laut", "")]),
    ],
)
def test_span_groups_are_labelled_by_kind_type_and_lemma(
    nlp: Any, key: str, expected: list[tuple[str, str, str]]
) -> None:
    doc = nlp(TEXT)
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans[key]] == expected


def test_every_span_names_its_quote(nlp: Any) -> None:
    doc = nlp(TEXT)
    ids = {q.id for q in doc._.quotes}
    assert {s.id_ for key in SPAN_KEYS for s in doc.spans[key]} == ids


def test_a_text_without_quotes_gets_empty_groups(nlp: Any) -> None:
    doc = nlp("Es regnet in Kiel.")
    assert doc._.quotes == [] and all(len(doc.spans[key]) == 0 for key in SPAN_KEYS)


def test_a_doc_without_the_component_has_no_quotes() -> None:
    assert spacy.blank("de")("„Ja“, sagte Berger.")._.quotes is None


def test_unalignable_spans_are_left_out_with_one_warning_and_a_count() -> None:
    """A whitespace tokenizer glues „Wir and Berger. together: those spans cannot align."""
    nlp = spacy.blank("de")
    nlp.tokenizer = Tokenizer(nlp.vocab)
    nlp.add_pipe("quotecheck")
    with pytest.warns(SpanAlignmentWarning, match=r"3 of 4 spans") as caught:
        doc = nlp("„Wir bleiben hart“, sagte Anna Berger.")
    assert len(caught) == 1
    assert "'Wir bleiben hart' [1, 17)" in str(caught[0].message)
    assert [s.text for s in doc.spans["quote_cues"]] == ["sagte"]
    assert len(doc.spans["quotes"]) == 0
    assert doc._.quotes[0].content.text == "Wir bleiben hart", "the quote itself is kept"


def test_other_components_do_not_change_the_quotes(nlp: Any) -> None:
    """quotecheck reads doc.text only; a sentencizer before it changes nothing."""
    with_sentencizer = spacy.blank("de")
    with_sentencizer.add_pipe("sentencizer")
    with_sentencizer.add_pipe("quotecheck")
    assert span_table(with_sentencizer(TEXT)) == span_table(nlp(TEXT))


def test_settings_reach_the_extractor(tmp_path: Path) -> None:
    orgs = tmp_path / "orgs.tsv"
    orgs.write_text("Kieler Rundschau\tmedia\tKR|Kieler Rundschau\tDE\n", encoding="utf-8")
    nlp = spacy.blank("de")
    nlp.add_pipe("quotecheck", config={"organizations": str(orgs)})
    doc = nlp("Die Preise steigen weiter, berichtete die KR.")
    assert [(s.text, s.kb_id_, s.label_) for s in doc.spans["quote_speakers"]] == [("die KR", "Kieler Rundschau", "organization")]


def test_a_bad_setting_fails_in_add_pipe() -> None:
    with pytest.raises(Exception, match="backend"):
        spacy.blank("de").add_pipe("quotecheck", config={"backend": "nonsense"})


# ---------------------------------------------------------------------------
# Serialisation and processes.
# ---------------------------------------------------------------------------


def test_doc_bytes_carry_the_quotes_and_spans(nlp: Any) -> None:
    doc = nlp(TEXT)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert back._.quotes == doc._.quotes
    assert span_table(back) == span_table(doc)


def test_the_component_pickles_as_its_settings(nlp: Any) -> None:
    component = nlp.get_pipe("quotecheck")
    data = pickle.dumps(component)
    assert len(data) < 1000, "the extractor itself is not sent"
    copy = pickle.loads(data)
    assert isinstance(copy, QuotecheckComponent) and copy.config == component.config


@pytest.mark.slow  # worker processes
def test_nlp_pipe_with_two_processes_equals_one(nlp: Any) -> None:
    texts = [TEXT, "Es regnet.", "„Ja“, sagte Berger.", TEXT] * 3
    serial = [span_table(doc) for doc in nlp.pipe(texts)]
    parallel = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [span_table(doc) for doc in parallel] == serial
    assert [d._.quotes for d in parallel] == [d._.quotes for d in nlp.pipe(texts)]


@pytest.mark.slow  # spawned processes import spaCy anew
def test_nlp_pipe_with_spawned_processes_rebuilds_the_component(tmp_path: Path) -> None:
    """Under ``spawn`` (macOS, Windows) the workers unpickle the pipeline and load their own extractor."""
    script = tmp_path / "spawned.py"
    script.write_text(textwrap.dedent(f"""
        import json, multiprocessing, spacy
        if __name__ == "__main__":
            multiprocessing.set_start_method("spawn", force=True)
            nlp = spacy.blank("de")
            nlp.add_pipe("quotecheck")
            texts = [{TEXT!r}, "„Ja“, sagte Berger."] * 2
            docs = nlp.pipe(texts, n_process=2, batch_size=1)
            print(json.dumps([[(s.start_char, s.end_char, s.label_) for s in d.spans["quotes"]] for d in docs]))
    """), encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True, timeout=300)
    nlp = spacy.blank("de")
    nlp.add_pipe("quotecheck")
    docs = [nlp(t) for t in [TEXT, "„Ja“, sagte Berger."] * 2]
    expected = [[[s.start_char, s.end_char, s.label_] for s in doc.spans["quotes"]] for doc in docs]
    assert json.loads(out.stdout) == expected


def test_a_saved_pipeline_loads_with_the_component(nlp: Any, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["quotecheck"]
    assert span_table(loaded(TEXT)) == span_table(nlp(TEXT))


def test_displacy_renders_the_quotes(nlp: Any) -> None:
    from spacy import displacy

    html = displacy.render(nlp(TEXT), style="span", options={"spans_key": "quotes"})
    assert "direct" in html and "indirect" in html and "Gespräche" in html
