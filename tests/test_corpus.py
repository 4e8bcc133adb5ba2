"""The gold corpus validates, its spans are exact, and it meets the issue's minimums.

The corpus is what every accuracy number is measured against, so a broken span or a
phenomenon that silently drops below its minimum would make the benchmark lie. The
counts are computed from corpus/gold.jsonl here, never copied from the README.
"""

from __future__ import annotations

import json
import runpy
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
BUILD = runpy.run_path(str(CORPUS / "build.py"), run_name="corpus_build")
AnnotationError = BUILD["AnnotationError"]
build_quote = BUILD["build_quote"]

# Every phenomenon issue 5 lists, as corpus tags; each needs at least MIN_EACH quotes.
REQUIRED_TAGS = (
    "direct:german", "direct:german_single", "direct:guillemets", "direct:guillemets_swiss",
    "direct:english", "direct:straight", "direct:mixed",
    "interrupted", "multi_paragraph", "colon_frame",
    "indirect:dass", "indirect:v2_konjunktiv", "indirect:zu_infinitive",
    "preposed_report",
    "according_to:laut", "according_to:zufolge", "according_to:nach_angaben",
    "according_to:gemaess", "according_to:so", "according_to:wie", "according_to:demnach",
    "according_to:wonach", "according_to:meinung_nach", "according_to:unter_berufung",
    "free_indirect", "reported", "fragment",
    "pronoun_speaker", "description_speaker", "addressee_trap",
    "chain:1", "chain:2", "coordinated_speakers", "unresolved_speaker",
)
REQUIRED_NON_QUOTE_TAGS = ("scare_quote", "title")
MIN_EACH, MIN_QUOTES, MIN_ARTICLES = 6, 350, 40
ROLES = ("content", "cue", "frame", "speaker", "addressee")


def _gold() -> list[dict]:
    with (CORPUS / "gold.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


GOLD = _gold()


def test_build_check_strict_passes() -> None:
    proc = subprocess.run(
        [sys.executable, str(CORPUS / "build.py"), "--check", "--strict"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "0 errors, 0 warnings" in proc.stdout


def test_gold_jsonl_is_current() -> None:
    """gold.jsonl equals what build.py makes of the sources (nobody edited it by hand)."""
    built = [BUILD["build_doc"](p)[0] for p in sorted((CORPUS / "src").glob("*.json"))]
    assert built == GOLD


def _role_objects(quote: dict) -> list[dict]:
    objs = [quote[r] for r in ROLES if quote[r] is not None]
    return objs + list(quote["sources"]) + list(quote["fragments"])


@pytest.mark.parametrize("doc", GOLD, ids=[d["id"] for d in GOLD])
def test_every_span_slices_to_its_text(doc: dict) -> None:
    text = doc["text"]
    for quote in doc["quotes"]:
        for obj in _role_objects(quote):
            assert obj["spans"], quote["id"]
            pieces = [text[a:b] for a, b in obj["spans"]]
            assert all(0 <= a < b <= len(text) for a, b in obj["spans"]), quote["id"]
            assert " ".join(pieces) == obj["text"], (quote["id"], obj["text"])
    for nq in doc["non_quotes"]:
        assert " ".join(text[a:b] for a, b in nq["spans"]) == nq["text"]


@pytest.mark.parametrize("doc", GOLD, ids=[d["id"] for d in GOLD])
def test_conventions_hold(doc: dict) -> None:
    """Spot-check the harmonised conventions on the built data, not only in build.py."""
    text = doc["text"]
    for quote in doc["quotes"]:
        if quote["kind"] == "direct":
            for a, b in quote["content"]["spans"]:
                assert "\n\n" not in text[a:b], quote["id"]
        if quote["kind"] == "reported":
            assert quote["frame"] is not None, quote["id"]
        if quote["kind"] in ("indirect", "reported"):
            assert quote["cue"] is not None and quote["frame"] is not None, quote["id"]
        for role in ("speaker", "addressee"):
            ent = quote[role]
            if ent and ent["name"]:
                assert not any(t in ent["name"].split() for t in ("Dr.", "Prof.")), quote["id"]


def test_minimum_sizes() -> None:
    assert len(GOLD) >= MIN_ARTICLES
    assert sum(len(d["quotes"]) for d in GOLD) >= MIN_QUOTES


def test_phenomenon_minimums() -> None:
    tags = Counter(t for d in GOLD for q in d["quotes"] for t in q["phenomena"])
    nq = Counter(t for d in GOLD for n in d["non_quotes"] for t in n["phenomena"])
    low = {t: tags[t] for t in REQUIRED_TAGS if tags[t] < MIN_EACH}
    low |= {t: nq[t] for t in REQUIRED_NON_QUOTE_TAGS if nq[t] < MIN_EACH}
    assert not low, f"phenomena below {MIN_EACH}: {low}"


def test_stats_table_in_readme_is_current() -> None:
    stats = runpy.run_path(str(CORPUS / "stats.py"), run_name="corpus_stats")
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert stats["table"](GOLD) in readme


# build_quote must reject annotations that break the conventions. Articles written for
# this test; each row: text, quote annotation, expected fragment of the error message.
TEXT_MULTI = "Sie sagte: „Wir bleiben hier.\n\n„Und wir kämpfen weiter.“"
TEXT_REPORTED = "Der Bürgermeister wies die Kritik zurück."
TEXT_LAUT = "Die Brücke bleibt laut dpa bis Mai gesperrt."
BAD = [
    (
        TEXT_MULTI,
        {"kind": "direct", "mood": None, "content": "Wir bleiben hier.\n\n„Und wir kämpfen weiter.",
         "cue": "sagte", "frame": "Sie sagte", "speaker": {"text": "Sie", "name": "X", "type": "person"},
         "phenomena": ["direct:german", "multi_paragraph", "colon_frame"]},
        "paragraph break",
    ),
    (
        TEXT_MULTI,
        {"kind": "direct", "mood": None, "content": ["Wir bleiben hier.", "Und wir kämpfen weiter."],
         "cue": "sagte", "frame": "Sie sagte", "speaker": {"text": "Sie", "name": "X", "type": "person"},
         "phenomena": ["direct:german", "interrupted", "colon_frame"]},
        "interrupted",
    ),
    (
        TEXT_REPORTED,
        {"kind": "reported", "mood": "indicative", "content": "die Kritik", "cue": ["wies", "zurück"],
         "speaker": {"text": "Der Bürgermeister", "name": None, "type": "person"},
         "phenomena": ["reported", "unresolved_speaker"]},
        "need a cue and a frame",
    ),
    (
        TEXT_REPORTED,
        {"kind": "reported", "mood": "indicative", "content": "die Kritik", "cue": ["wies", "zurück"],
         "frame": "Der Bürgermeister wies",
         "speaker": {"text": "Der Bürgermeister", "name": None, "type": "person"},
         "phenomena": ["reported", "unresolved_speaker"]},
        "covers its content",
    ),
    (
        TEXT_LAUT,
        {"kind": "indirect", "mood": "indicative", "content": ["Die Brücke bleibt", "bis Mai gesperrt"],
         "cue": "laut", "frame": "laut dpa", "speaker": {"text": "dpa", "name": "dpa", "type": "organization"},
         "phenomena": ["indirect:v2_konjunktiv"]},
        "according_to:laut",
    ),
]
GOOD = [
    (
        TEXT_MULTI,
        {"kind": "direct", "mood": None, "content": ["Wir bleiben hier.", "Und wir kämpfen weiter."],
         "cue": "sagte", "frame": "Sie sagte", "speaker": {"text": "Sie", "name": "X", "type": "person"},
         "phenomena": ["direct:german", "multi_paragraph", "colon_frame"]},
    ),
    (
        TEXT_REPORTED,
        {"kind": "reported", "mood": "indicative", "content": "die Kritik", "cue": ["wies", "zurück"],
         "frame": "Der Bürgermeister wies die Kritik zurück",
         "speaker": {"text": "Der Bürgermeister", "name": None, "type": "person"},
         "phenomena": ["reported", "unresolved_speaker"]},
    ),
]


@pytest.mark.parametrize(("text", "quote", "message"), BAD)
def test_build_rejects_convention_breaks(text: str, quote: dict, message: str) -> None:
    with pytest.raises(AnnotationError, match=message):
        build_quote("t", text, 1, quote, "test")


@pytest.mark.parametrize(("text", "quote"), GOOD)
def test_build_accepts_conventional_annotations(text: str, quote: dict) -> None:
    built, _ = build_quote("t", text, 1, quote, "test")
    for a, b in built["content"]["spans"]:
        assert text[a:b] and "\n" not in text[a:b]
        if built["kind"] == "direct":
            assert text[a - 1] in "„“"
    fa, fb = built["frame"]["spans"][0][0], built["frame"]["spans"][-1][1]
    assert all(fa <= a <= b <= fb for a, b in built["cue"]["spans"])


# The chain section (issue 12): its size, its constructions, and the source relations
# build.py validates. Articles written for this test.
CHAIN_TAGS = (
    "chain:zitierte", "chain:stacked", "chain:report_cites", "chain:circles",
    "chain:medium_addressed", "chain:report_pointer", "chain:question", "chain:sprach_von",
    "coref:origin", "coref:age", "coref:spokesperson", "coref:no_cataphora",
    "name:particle", "name:seat",
)
CHAIN_MIN_ARTICLES, CHAIN_MIN_SOURCED, CHAIN_MIN_EACH = 20, 150, 8
CHAIN = [d for d in GOLD if d.get("section") == "chain"]


def test_chain_section_meets_the_issue_minimums() -> None:
    sourced = [q for d in CHAIN for q in d["quotes"] if q["sources"]]
    tags = Counter(t for d in CHAIN for q in d["quotes"] for t in q["phenomena"])
    assert len(CHAIN) >= CHAIN_MIN_ARTICLES
    assert len(sourced) >= CHAIN_MIN_SOURCED
    low = {t: tags[t] for t in CHAIN_TAGS if tags[t] < CHAIN_MIN_EACH}
    assert not low, f"chain constructions below {CHAIN_MIN_EACH}: {low}"


def test_every_source_carries_a_relation() -> None:
    """Base and chain section follow one convention (issue 12): no source without a relation."""
    relations = [
        (quote["id"], source.get("relation"))
        for doc in GOLD for quote in doc["quotes"] for source in quote["sources"]
    ]
    assert relations
    assert all(relation in BUILD["SOURCE_RELATIONS"] for _, relation in relations), [
        qid for qid, relation in relations if relation not in BUILD["SOURCE_RELATIONS"]
    ]


def test_document_speakers_name_no_author() -> None:
    """A document speaks only when the text names no author; otherwise its author does."""
    documents = [q for d in GOLD for q in d["quotes"] if q["speaker"] and q["speaker"]["type"] == "document"]
    assert documents
    assert all(q["speaker"]["name"] is None and "unresolved_speaker" in q["phenomena"] for q in documents)


def test_every_quotation_mark_style_occurs_in_the_chain_section() -> None:
    tags = Counter(t for d in CHAIN for q in d["quotes"] for t in q["phenomena"])
    styles = [t for t in BUILD["PHENOMENA"] if t.startswith("direct:")]
    assert all(tags[t] for t in styles), {t: tags[t] for t in styles}


TEXT_AGENCY = "„Wir bleiben hart“, sagte Starkow der Agentur TASS, wie Reuters berichtete."
STARKOW = {"text": "Starkow", "name": "Jewgeni Starkow", "type": "person"}
TASS_ADDRESSEE = {"text": "der Agentur TASS", "name": "TASS", "type": "organization"}
TASS_TOLD = {"text": "der Agentur TASS", "name": "TASS", "type": "news_agency", "relation": "told_to"}
REUTERS = {"text": "wie Reuters berichtete", "name": "Reuters", "type": "news_agency", "relation": "reported_by"}


def _agency_quote(**changes: object) -> dict:
    quote = {
        "kind": "direct", "mood": None, "content": "Wir bleiben hart", "cue": "sagte",
        "frame": "sagte Starkow der Agentur TASS", "speaker": STARKOW, "addressee": TASS_ADDRESSEE,
        "sources": [TASS_TOLD, REUTERS],
        "phenomena": ["direct:german", "frame_after", "addressee", "chain:2", "chain:medium_addressed",
                      "chain:stacked", "according_to:wie"],
    }
    return quote | changes


CHAIN_BAD = [
    ({"sources": [TASS_TOLD | {"relation": "quoted"}, REUTERS]}, "relation 'quoted'"),
    ({"addressee": None, "phenomena": ["direct:german", "frame_after", "chain:2", "chain:medium_addressed",
                                       "chain:stacked", "according_to:wie"]}, "told_to source is also the addressee"),
    ({"sources": [TASS_TOLD | {"relation": "reported_by"}, REUTERS]}, "chain:medium_addressed"),
    ({"sources": [TASS_TOLD, REUTERS, REUTERS],
      "phenomena": ["direct:german", "frame_after", "addressee", "chain:medium_addressed", "chain:stacked",
                    "according_to:wie"]}, "chain:3"),
    ({"sources": [], "phenomena": ["direct:german", "frame_after", "addressee", "chain:stacked"]}, "needs at least one source"),
    ({"speaker": STARKOW, "phenomena": _agency_quote()["phenomena"] + ["coref:age"]}, "description_speaker"),
]


def test_chain_annotation_builds() -> None:
    built, _ = build_quote("t", TEXT_AGENCY, 1, _agency_quote(), "test")
    assert [s["relation"] for s in built["sources"]] == ["told_to", "reported_by"]
    assert built["sources"][0]["spans"] == built["addressee"]["spans"]


@pytest.mark.parametrize(("changes", "message"), CHAIN_BAD)
def test_build_rejects_chain_convention_breaks(changes: dict, message: str) -> None:
    with pytest.raises(AnnotationError, match=message):
        build_quote("t", TEXT_AGENCY, 1, _agency_quote(**changes), "test")


def test_every_source_needs_a_relation() -> None:
    quote = _agency_quote(sources=[TASS_TOLD, {k: v for k, v in REUTERS.items() if k != "relation"}])
    with pytest.raises(AnnotationError, match="every source needs one"):
        build_quote("t", TEXT_AGENCY, 1, quote, "test")


# Documents: the author speaks and the document is published_in; a document with no
# named author is the speaker itself, type document. Articles written for this test.
TEXT_GUTACHTEN = (
    "Die Brücke muss saniert werden, heißt es in dem Gutachten, aus dem die „Elbe-Post“ zitierte."
)
TEXT_MITTEILUNG = "Das Amt prüft den Fall. Der Zeuge sei glaubwürdig, hieß es in einer Mitteilung."
GUTACHTEN_SPEAKER = {"text": "dem Gutachten", "name": None, "type": "document"}
ELBE_POST = {"text": "die „Elbe-Post“", "name": "Elbe-Post", "type": "media", "relation": "reported_by"}


def _gutachten_quote(**changes: object) -> dict:
    quote = {
        "kind": "indirect", "mood": "indicative", "content": "Die Brücke muss saniert werden",
        "cue": "heißt", "frame": "heißt es in dem Gutachten", "speaker": GUTACHTEN_SPEAKER,
        "sources": [ELBE_POST],
        "phenomena": ["indirect:v2_konjunktiv", "preposed_report", "chain:1", "unresolved_speaker",
                      "description_speaker"],
    }
    return quote | changes


def test_a_document_without_author_is_the_speaker() -> None:
    built, _ = build_quote("t", TEXT_GUTACHTEN, 1, _gutachten_quote(), "test")
    start = TEXT_GUTACHTEN.index("dem Gutachten")
    assert built["speaker"] == {
        "text": "dem Gutachten", "spans": [[start, start + 13]], "name": None, "type": "document",
    }
    assert [s["name"] for s in built["sources"]] == ["Elbe-Post"]


def test_a_named_author_speaks_through_a_published_in_document() -> None:
    quote = {
        "kind": "indirect", "mood": "subjunctive", "content": "Der Zeuge sei glaubwürdig",
        "cue": "hieß", "frame": "hieß es in einer Mitteilung",
        "speaker": {"text": "Das Amt", "name": "Amt", "type": "organization"},
        "sources": [{"text": "in einer Mitteilung", "name": "Mitteilung", "type": "document",
                     "relation": "published_in"}],
        "phenomena": ["indirect:v2_konjunktiv", "preposed_report", "chain:1"],
    }
    built, _ = build_quote("t", TEXT_MITTEILUNG, 1, quote, "test")
    assert [(s["text"], s["relation"]) for s in built["sources"]] == [("in einer Mitteilung", "published_in")]


DOCUMENT_BAD = [
    ({"speaker": GUTACHTEN_SPEAKER | {"name": "Gutachten"},
      "phenomena": ["indirect:v2_konjunktiv", "preposed_report", "chain:1", "description_speaker"]},
     "a document speaks only when the text names no author"),
    ({"addressee": {"text": "dem Gutachten", "name": None, "type": "document"},
      "phenomena": ["indirect:v2_konjunktiv", "preposed_report", "chain:1", "unresolved_speaker",
                    "description_speaker", "addressee"]},
     "addressee: type 'document' not in"),
    ({"sources": [ELBE_POST | {"type": "document", "relation": "told_to"}]}, "a told_to source has a type in"),
    ({"sources": [ELBE_POST | {"type": "news_agency", "relation": "published_in"}]}, "a published_in source has a type in"),
]


@pytest.mark.parametrize(("changes", "message"), DOCUMENT_BAD)
def test_build_rejects_document_convention_breaks(changes: dict, message: str) -> None:
    with pytest.raises(AnnotationError, match=message):
        build_quote("t", TEXT_GUTACHTEN, 1, _gutachten_quote(**changes), "test")
