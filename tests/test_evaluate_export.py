"""Tests for quotecheck.evaluate.export: quotecheck contract dicts → WikiNews dataset format."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import quotecheck
from quotecheck.evaluate.export import TokenIndex, dataset_type, export_document, strip_private
from quotecheck.evaluate.metric import from_dataset, score

DATASET = Path(
    os.environ.get(
        "QUOTECHECK_WIKINEWS",
        Path(__file__).resolve().parents[2] / "shared" / "datasets" / "wikinews-quotes-de" / "train",
    )
)


def tokenize(text):
    """Dataset-style tokens: words and single punctuation characters."""
    return [
        {"charBegin": m.start(), "charEnd": m.end(), "id": k}
        for k, m in enumerate(re.finditer(r"\w+|[^\w\s]", text))
    ]


def role(text, *substrings, start=0):
    spans = []
    for sub in substrings:
        begin = text.index(sub, start)
        spans.append([begin, begin + len(sub)])
        start = begin + len(sub)
    return {"text": " ".join(substrings), "spans": spans}


def token_texts(text, tokens, ids):
    by_id = {t["id"]: t for t in tokens}
    return [text[by_id[i]["charBegin"] : by_id[i]["charEnd"]] for i in ids]


DIRECT_TEXT = "Merkel sagte: „Wir schaffen das.“ Dann ging sie."


def contract(text, content, kind="direct", mood=None, cue=None, frame=None, speaker=None, fragments=()):
    """A contract quote dict (shared/quote-json.md) built from substrings of text."""

    def maybe(value):
        if value is None:
            return None
        return role(text, *value) if isinstance(value, tuple) else role(text, value)

    return {
        "kind": kind,
        "mood": mood,
        "content": role(text, content),
        "cue": maybe(cue),
        "frame": maybe(frame),
        "speaker": {**role(text, speaker), "name": speaker, "type": "person"} if speaker else None,
        "addressee": None,
        "sources": [],
        "fragments": [role(text, f) for f in fragments],
    }


def direct_quote(text=DIRECT_TEXT, content="Wir schaffen das."):
    return contract(text, content, cue="sagte", frame="Merkel sagte:", speaker="Merkel")


def test_direct_quote_span_includes_quotation_marks():
    tokens = tokenize(DIRECT_TEXT)
    [a] = export_document([direct_quote()], tokens, DIRECT_TEXT)
    assert a["type"] == "Direct"
    [span] = a["quote"]["spans"]
    assert DIRECT_TEXT[span["charBegin"] : span["charEnd"]] == "„Wir schaffen das.“"
    assert a["quote"]["text"] == "„Wir schaffen das.“"
    assert token_texts(DIRECT_TEXT, tokens, a["quote"]["tokenIds"]) == ["„", "Wir", "schaffen", "das", ".", "“"]
    assert (span["begin"], span["end"]) == (a["quote"]["tokenIds"][0], a["quote"]["tokenIds"][-1] + 1)
    assert token_texts(DIRECT_TEXT, tokens, a["speaker"]["tokenIds"]) == ["Merkel"]
    assert token_texts(DIRECT_TEXT, tokens, a["frame"]["tokenIds"]) == ["Merkel", "sagte", ":"]
    assert a["addressee"] == {"spans": [], "text": "", "tokenIds": []}
    assert (a["isNested"], a["hasNested"], a["medium"]) == (False, False, None)


@pytest.mark.parametrize(
    "text, content, expected",
    [
        ('Er sagte: "Das geht so nicht."', "Das geht so nicht.", '"Das geht so nicht."'),
        ("Er sagte: »Das geht so nicht.«", "Das geht so nicht.", "»Das geht so nicht.«"),
        # a mark on one side only
        ("Er sagte: „Das geht so nicht. Und", "Das geht so nicht.", "„Das geht so nicht."),
        # no mark next to the content: nothing is skipped to reach one
        ("Er sagte: „ Das geht so nicht. “", "Das geht so nicht.", "Das geht so nicht."),
    ],
)
def test_marks_are_added_only_when_adjacent(text, content, expected):
    [a] = export_document([contract(text, content)], tokenize(text), text)
    [span] = a["quote"]["spans"]
    assert text[span["charBegin"] : span["charEnd"]] == expected


def test_indirect_quote_span_is_not_extended():
    text = "Er sagte, „man“ werde kommen."
    quote = contract(text, "man“ werde kommen", kind="indirect", mood="subjunctive")
    [a] = export_document([quote], tokenize(text), text)
    assert a["type"] == "Indirect"
    assert a["quote"]["spans"][0]["charBegin"] == text.index("man")


FRAGMENT_TEXT = "Putin sagte, er werde „alles Mögliche tun“, um zu helfen."


def indirect_with_fragment():
    return contract(
        FRAGMENT_TEXT,
        "er werde „alles Mögliche tun“, um zu helfen",
        kind="indirect",
        mood="subjunctive",
        cue="sagte",
        frame="Putin sagte,",
        speaker="Putin",
        fragments=["alles Mögliche tun"],
    )


def test_fragments_become_nested_direct_quotes_with_parent_roles():
    tokens = tokenize(FRAGMENT_TEXT)
    parent, fragment = export_document([indirect_with_fragment()], tokens, FRAGMENT_TEXT)
    assert (parent["type"], parent["isNested"], parent["hasNested"]) == ("Indirect", False, True)
    assert (fragment["type"], fragment["isNested"], fragment["hasNested"]) == ("Direct", True, False)
    assert fragment["quote"]["text"] == "„alles Mögliche tun“"
    assert token_texts(FRAGMENT_TEXT, tokens, fragment["quote"]["tokenIds"]) == ["„", "alles", "Mögliche", "tun", "“"]
    for name in ("speaker", "cue", "frame", "addressee"):
        assert fragment[name]["tokenIds"] == parent[name]["tokenIds"]
    assert set(fragment["quote"]["tokenIds"]) < set(parent["quote"]["tokenIds"])
    assert [a["id"] for a in (parent, fragment)] == [0, 1]


def test_quote_inside_another_quote_is_marked_nested():
    text = "Er sagte: „Sie rief ‚Hilfe, bitte kommt‘ laut.“"
    outer = contract(text, "Sie rief ‚Hilfe, bitte kommt‘ laut.")
    inner = contract(text, "Hilfe, bitte kommt")
    first, second = export_document([outer, inner], tokenize(text), text)
    assert (first["isNested"], first["hasNested"]) == (False, True)
    assert (second["isNested"], second["hasNested"]) == (True, False)
    assert second["quote"]["text"] == "‚Hilfe, bitte kommt‘"


@pytest.mark.parametrize(
    "kind, mood, expected",
    [
        ("direct", None, "Direct"),
        ("indirect", "subjunctive", "Indirect"),
        ("indirect", "indicative", "Indirect"),
        ("reported", "indicative", "Reported"),
        ("free_indirect", "subjunctive", "IndirectFreeIndirect"),
        ("free_indirect", "indicative", "FreeIndirect"),
        ("free_indirect", None, "FreeIndirect"),
        ("something_else", None, None),
    ],
)
def test_kind_to_dataset_type(kind, mood, expected):
    assert dataset_type(kind, mood) == expected


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (0, 6, ["Merkel"]),  # exactly one token
        (2, 9, ["Merkel", "sagte"]),  # cuts into both tokens: both overlap
        (6, 7, []),  # the space between two tokens
        (7, 7, []),  # empty span
        (0, len(DIRECT_TEXT), None),  # everything
    ],
)
def test_token_ids_are_the_tokens_overlapping_the_char_span(start, end, expected):
    tokens = tokenize(DIRECT_TEXT)
    ids = TokenIndex(tokens).overlapping(start, end)
    if expected is None:
        assert ids == [t["id"] for t in tokens]
    else:
        assert token_texts(DIRECT_TEXT, tokens, ids) == expected


def test_discontinuous_role_keeps_both_spans():
    text = "Er fügte am Montag in Berlin hinzu, man müsse warten."
    quote = contract(text, "man müsse warten", kind="indirect", mood="subjunctive", cue=("fügte", "hinzu"))
    [a] = export_document([quote], tokenize(text), text)
    assert len(a["cue"]["spans"]) == 2
    assert token_texts(text, tokenize(text), a["cue"]["tokenIds"]) == ["fügte", "hinzu"]
    assert a["cue"]["text"] == "fügte hinzu"


def test_export_scores_perfectly_against_itself_and_strips_bookkeeping():
    quotes = [indirect_with_fragment()]
    exported = export_document(quotes, tokenize(FRAGMENT_TEXT), FRAGMENT_TEXT)
    public = strip_private(exported)
    assert all("ref" not in a and "fragment" not in a for a in public)
    assert [a["ref"] for a in exported] == [0, 0]
    json.dumps(public)  # serialisable as the dataset's files are
    annotations = [from_dataset(a) for a in public]
    assert score([(annotations, annotations)]).joint.f1 == 1.0


@pytest.mark.skipif(not DATASET.is_dir(), reason="WikiNews quotation dataset not available")
def test_direct_quote_marks_agree_with_dataset_tokens():
    # Rebuild the dataset's own direct quotes from contract-style content (marks
    # removed) and check the exporter recovers the gold token ids.
    checked = 0
    for path in sorted(DATASET.glob("*.json"))[:100]:
        doc = json.loads(path.read_text(encoding="utf-8"))
        text = doc["originalText"]
        for gold in doc["annotations"]:
            spans = gold["quote"]["spans"]
            if gold["type"] != "Direct" or len(spans) != 1:
                continue
            begin, end = spans[0]["charBegin"], spans[0]["charEnd"]
            if text[begin] != "„" or text[end - 1] != "“":
                continue
            quote = {"kind": "direct", "content": {"text": "", "spans": [[begin + 1, end - 1]]}}
            [a] = export_document([quote], doc["tokens"], text)
            assert a["quote"]["tokenIds"] == sorted(gold["quote"]["tokenIds"])
            checked += 1
    assert checked > 0


REPORTED_TEXT = "Die Trainerin nannte die Absage einen „Vertrauensbruch“ und einen „Affront“. Dann ging sie."


def reported_with_fragments(fragments=("Vertrauensbruch", "Affront")):
    return contract(
        REPORTED_TEXT,
        "die Absage einen „Vertrauensbruch“ und einen „Affront“",
        kind="reported",
        mood="indicative",
        cue="nannte",
        frame="Die Trainerin nannte die Absage einen „Vertrauensbruch“ und einen „Affront“",
        speaker="Die Trainerin",
        fragments=list(fragments),
    )


def test_reported_quote_with_fragments_becomes_its_pieces_as_top_level_direct_quotes():
    tokens = tokenize(REPORTED_TEXT)
    exported = export_document([reported_with_fragments()], tokens, REPORTED_TEXT)
    assert [a["type"] for a in exported] == ["Direct", "Direct"]  # no Reported clause
    assert [a["quote"]["text"] for a in exported] == ["„Vertrauensbruch“", "„Affront“"]
    assert [(a["isNested"], a["hasNested"]) for a in exported] == [(False, False), (False, False)]
    # the first piece stands for the quote, the second is one of its pieces
    assert [(a["ref"], a["fragment"]) for a in exported] == [(0, False), (0, True)]
    for a in exported:
        assert token_texts(REPORTED_TEXT, tokens, a["speaker"]["tokenIds"]) == ["Die", "Trainerin"]
        assert token_texts(REPORTED_TEXT, tokens, a["cue"]["tokenIds"]) == ["nannte"]
        # the frame is the clause without the pieces
        assert token_texts(REPORTED_TEXT, tokens, a["frame"]["tokenIds"]) == [
            "Die", "Trainerin", "nannte", "die", "Absage", "einen", "und", "einen",
        ]


def test_reported_quote_without_fragments_stays_a_reported_clause():
    text = "Die Trainerin lobte die Mannschaft für ihren Einsatz. Dann ging sie."
    quote = contract(
        text, "die Mannschaft für ihren Einsatz", kind="reported", mood="indicative", cue="lobte",
        frame="Die Trainerin lobte die Mannschaft für ihren Einsatz", speaker="Die Trainerin",
    )
    [a] = export_document([quote], tokenize(text), text)
    assert a["type"] == "Reported"
    assert a["quote"]["text"] == "Die Trainerin lobte die Mannschaft für ihren Einsatz"
    assert a["cue"]["tokenIds"] == [] and a["frame"]["tokenIds"] == []


def test_reported_pieces_score_against_a_dataset_style_gold():
    # The dataset's annotation of such a sentence: the piece alone, speaker, cue and
    # frame of the clause. Our export of the reported quote matches it exactly.
    text = "Der Minister sprach von einer „Zeitenwende“."
    tokens = tokenize(text)
    quote = contract(
        text, "von einer „Zeitenwende“", kind="reported", mood="indicative", cue=("sprach", "von"),
        frame="Der Minister sprach von einer „Zeitenwende“", speaker="Der Minister", fragments=["Zeitenwende"],
    )
    gold = contract(
        text, "Zeitenwende", cue=("sprach", "von"), frame="Der Minister sprach von einer", speaker="Der Minister"
    )
    [ours] = strip_private(export_document([quote], tokens, text))
    [theirs] = strip_private(export_document([gold], tokens, text))
    result = score([([from_dataset(ours)], [from_dataset(theirs)])])
    assert result.joint.f1 == 1.0
    # the old mapping (Reported clause + nested piece) would not score perfectly
    nested = [from_dataset(a) for a in strip_private(export_document([{**quote, "kind": "indirect"}], tokens, text))]
    assert score([(nested, [from_dataset(theirs)])]).joint.f1 < 1.0


def with_nested(parent, text, *pieces, parent_id="d:q1"):
    """``parent`` (a contract dict) with an id, followed by its nested direct quotes (``parent`` set)."""
    parent = {**parent, "id": parent_id, "parent": None}
    children = [
        {**parent, "id": f"{parent_id}.{k}", "kind": "direct", "mood": None, "content": role(text, piece),
         "fragments": [], "parent": parent_id}
        for k, piece in enumerate(pieces, start=1)
    ]
    return [parent, *children]


def test_nested_quotes_are_exported_as_their_parents_nested_direct_pieces():
    tokens = tokenize(FRAGMENT_TEXT)
    quotes = with_nested(indirect_with_fragment(), FRAGMENT_TEXT, "alles Mögliche tun")
    exported = export_document(quotes, tokens, FRAGMENT_TEXT)
    # exactly what the fragment alone gives: the nested quote is not exported twice
    assert strip_private(exported) == strip_private(export_document([indirect_with_fragment()], tokens, FRAGMENT_TEXT))
    parent, piece = exported
    assert (piece["type"], piece["isNested"], parent["hasNested"]) == ("Direct", True, True)
    assert (piece["ref"], piece["fragment"], piece["quote_ref"]) == (0, True, 1)


def test_nested_quotes_of_a_reported_quote_are_its_top_level_pieces():
    tokens = tokenize(REPORTED_TEXT)
    quotes = with_nested(reported_with_fragments(), REPORTED_TEXT, "Vertrauensbruch", "Affront")
    exported = export_document(quotes, tokens, REPORTED_TEXT)
    assert [a["quote"]["text"] for a in exported] == ["„Vertrauensbruch“", "„Affront“"]
    assert [(a["ref"], a["fragment"], a["quote_ref"]) for a in exported] == [(0, False, 1), (0, True, 2)]
    assert strip_private(exported) == strip_private(export_document([reported_with_fragments()], tokens, REPORTED_TEXT))


def test_a_nested_quote_without_its_parent_is_an_ordinary_direct_quote():
    _, child = with_nested(indirect_with_fragment(), FRAGMENT_TEXT, "alles Mögliche tun")
    [a] = export_document([child], tokenize(FRAGMENT_TEXT), FRAGMENT_TEXT)
    assert (a["type"], a["isNested"], a["quote"]["text"]) == ("Direct", False, "„alles Mögliche tun“")


def _cited(text, lemma, relation="reported_by"):
    """„Die Ministerin wird von der Zeitung mit den Worten zitiert: „…““ as a contract quote."""
    quote = contract(text, "Wir bauen.", cue="zitiert", speaker="Die Ministerin")
    quote["cue"]["lemma"] = lemma
    quote["sources"] = [{**role(text, "von der Zeitung"), "name": "Zeitung", "type": "organization", "relation": relation}]
    return quote


@pytest.mark.parametrize("relation", ["reported_by", "published_in"])
def test_a_citing_source_is_exported_as_a_second_annotation_with_the_source_as_speaker(relation):
    text = "Die Ministerin wird von der Zeitung mit den Worten zitiert: „Wir bauen.“"
    own, citing = export_document([_cited(text, "zitieren", relation)], tokenize(text), text)
    assert own["quote"] == citing["quote"]
    assert own["speaker"]["text"] == "Die Ministerin"
    assert citing["speaker"]["text"] == "von der Zeitung"
    assert citing["isNested"] and citing["fragment"]


def test_a_source_of_a_quote_that_is_not_cited_stays_dropped():
    text = "Die Ministerin wird von der Zeitung mit den Worten zitiert: „Wir bauen.“"
    assert len(export_document([_cited(text, "sagen")], tokenize(text), text)) == 1  # „sagen“ quotes no one
    assert len(export_document([_cited(text, "zitieren")], tokenize(text), text, frozenset())) == 1  # contract scoring


# According-to phrases: the dataset's cue is the adposition, its speaker the rest of the phrase.
ACCORDING_ROLES = [
    # (text, content, rule, our cue, our frame, our speaker, dataset cue, dataset speaker)
    ("Nach Angaben der Feuerwehr brannte die Halle aus.", "brannte die Halle aus", "according.noun_phrase",
     "Nach Angaben", "Nach Angaben der Feuerwehr", "der Feuerwehr", "Nach", "Angaben der Feuerwehr"),
    ("Seiner Meinung nach fehlt das Geld.", "fehlt das Geld", "according.noun_phrase",
     "Meinung nach", "Seiner Meinung nach", None, "nach", "Seiner Meinung"),
    ("Dem Bericht zufolge stieg die Zahl der Fälle.", "stieg die Zahl der Fälle", "according.anaphoric",
     "Dem Bericht zufolge", "Dem Bericht zufolge", None, "zufolge", "Dem Bericht"),
    ("Die Brücke ist marode, laut einem Gutachten der Stadt, das vorliegt.", "Die Brücke ist marode",
     "according.preposition", ("laut", "Gutachten"), "laut einem Gutachten der Stadt,", "der Stadt",
     "laut", "einem Gutachten der Stadt"),
]


@pytest.mark.parametrize(
    "text, content, rule, cue, frame, speaker, dataset_cue, dataset_speaker", ACCORDING_ROLES
)
def test_according_phrase_gets_the_datasets_cue_and_speaker(
    text, content, rule, cue, frame, speaker, dataset_cue, dataset_speaker
):
    quote = {**contract(text, content, kind="indirect", cue=cue, frame=frame, speaker=speaker), "rule": rule}
    [a] = export_document([quote], tokenize(text), text)
    assert a["cue"]["text"] == dataset_cue
    assert a["speaker"]["text"] == dataset_speaker


KEPT_ROLES = [
    # no adposition in the cue: „Demnach“ is cue and speaker as we give them
    ("Demnach fehlt das Geld.", "fehlt das Geld", "according.anaphoric", "Demnach", "Demnach", "Demnach"),
    # a so-frame's cue is „so“ already, its speaker the named one
    ("Das Geld fehlt, so der Kämmerer.", "Das Geld fehlt", "according.so", "so", ", so der Kämmerer", "der Kämmerer"),
    # two adpositions: „unter Berufung auf“ stays whole
    ("Unter Berufung auf Kreise der Stadt meldete das Blatt einen Rückzug.", "meldete das Blatt einen Rückzug",
     "according.preposition", "Unter Berufung auf", "Unter Berufung auf Kreise der Stadt", "Kreise der Stadt"),
    # not an according-to rule: a speech-verb frame keeps its roles
    ("Nach Ansicht des Kämmerers sagte sie, das Geld fehle.", "das Geld fehle", "indirect.v2_konjunktiv",
     "sagte", "sagte sie,", "sie"),
]


@pytest.mark.parametrize("text, content, rule, cue, frame, speaker", KEPT_ROLES)
def test_other_frames_keep_their_cue_and_speaker(text, content, rule, cue, frame, speaker):
    quote = {**contract(text, content, kind="indirect", cue=cue, frame=frame, speaker=speaker), "rule": rule}
    [a] = export_document([quote], tokenize(text), text)
    assert (a["cue"]["text"], a["speaker"]["text"]) == (cue, speaker)


def test_contract_roles_keep_the_according_phrase_whole():
    """Scoring against our contract-format gold compares the contract's roles on both sides."""
    text = "Nach Angaben der Feuerwehr brannte die Halle aus."
    quote = {**contract(text, "brannte die Halle aus", kind="indirect", cue="Nach Angaben",
                        frame="Nach Angaben der Feuerwehr", speaker="der Feuerwehr"), "rule": "according.noun_phrase"}
    [a] = export_document([quote], tokenize(text), text, frozenset(), dataset_roles=False)
    assert (a["cue"]["text"], a["speaker"]["text"]) == ("Nach Angaben", "der Feuerwehr")


@pytest.mark.parametrize("dataset_roles, cue", [(True, "Nach"), (False, "Nach Angaben")])
def test_an_extracted_according_phrase_exports_with_the_pipelines_own_speaker(dataset_roles, cue):
    """The fixtures above give a speaker by hand; the pipeline's is the phrase without its adposition."""
    text = "Nach Angaben der Feuerwehr brannte die Halle in der Nacht aus."
    quotes = [quote.to_dict() for quote in quotecheck.extract(text)]
    assert [(q["cue"]["text"], q["speaker"]["text"]) for q in quotes] == [("Nach Angaben", "Angaben der Feuerwehr")]
    quoting = None if dataset_roles else frozenset()
    [a] = export_document(quotes, tokenize(text), text, quoting, dataset_roles=dataset_roles)
    assert (a["cue"]["text"], a["speaker"]["text"]) == (cue, "Angaben der Feuerwehr")
