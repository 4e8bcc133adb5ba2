"""Speaker, addressee and content read off hand-written UD parses (tests/conllu/).

Each case names a sentence, its cue and what the tree says; ranges are compared
as the text they cover, so a wrong boundary shows up as a readable diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quotecheck.analysis import EmbeddedBackend
from quotecheck.lexicon import load_lexicon
from quotecheck.rules import dependency as dep

CONLLU = Path(__file__).parent / "conllu"
LEXICON = load_lexicon()


def _sentence(sent_id: str):
    conll = pytest.importorskip("stanza.utils.conll")
    from quotecheck.analysis.stanza_backend import doc_from_stanza

    for path in sorted(CONLLU.glob("*.conllu")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            if f"# sent_id = {sent_id}\n" in block + "\n":
                text = next(
                    line.split(" = ", 1)[1] for line in block.splitlines() if line.startswith("# text = ")
                )
                return doc_from_stanza(text, conll.CoNLL.conll2doc(input_str=block.strip() + "\n\n"))
    raise LookupError(sent_id)


def _index(doc, word: str, occurrence: int = 1) -> int:
    hits = [i for i, t in enumerate(doc.tokens) if t.text == word]
    return hits[occurrence - 1]


def _text(doc, span):
    if span is None:
        return None
    start, end = span
    return doc.text[doc.tokens[start].start : doc.tokens[end - 1].end]


# sent_id, cue, speaker, addressee, content (tuple of parts)
ROLES = [
    ("direct-1", "sagte", "er", None, ("Wir kommen",)),
    ("direct-2", "sagte", "Anna Berger", None, ("Wir streiken morgen.",)),
    ("direct-3", "sagte", "er", None, ("Wir kommen", "aber erst morgen.")),
    ("direct-4", "sagte", "Er", None, ("Das ist ein guter Tag.",)),
    ("indirect-1", "sagte", "Die Ministerin", None, ("dass die Gespräche weitergehen",)),
    ("indirect-2", "sagte", "Kim", None, ("die Zusammenarbeit habe sich verstärkt",)),
    ("indirect-3", "versprach", "Der Bürgermeister", None, ("die Gebühren zu senken",)),
    ("indirect-4", "sagte", "der Minister", None, ("Die Lage sei ernst",)),
    ("indirect-5", "fragte", "Die Reporterin", None, ("ob der Termin steht",)),
    ("indirect-6", "erklärt", "Der Sprecher", None, ("man prüfe den Fall",)),
    ("indirect-6", "hat", "Der Sprecher", None, ("man prüfe den Fall",)),  # cue given as the auxiliary
    ("indirect-7", "sagte", "Sie", None, ("das sei Unsinn",)),  # subject shared with „lachte“
    ("indirect-8", "sagte", "den Arzt", None, ("die Lage sei stabil",)),  # relative pronoun → antecedent
    ("addressee-1", "sagte", "Sie", "dem Minister", ("die Pläne seien fertig",)),
    ("addressee-2", "sagte", "Der Sprecher", "der Zeitung", ("man werde klagen",)),
    ("addressee-3", "sagte", "Er", "der Zeitung", ("dass er zurücktrete",)),
    ("addressee-4", "teilte", "Die Chefin", "den Mitarbeitern", ("dass das Werk schließt",)),
    ("addressee-5", "sagte", "Der Trainer", "den Spielern", ("Ihr habt gut gespielt.",)),
    ("passive-1", "genannt", "der Polizei", None, ()),
    ("passive-2", "zitiert", "Sender", None, ("die Lage sei ernst",)),
    ("mwt-1", "sagte", "die Sprecherin", None, ("das Projekt sei gescheitert",)),  # „zum Abschluss“ is no addressee
    ("mwt-2", "sagte", "Tom Kaiser", None, ()),
]


@pytest.mark.parametrize("sent_id,cue,speaker,addressee,content", ROLES)
def test_roles_of_the_cue(sent_id, cue, speaker, addressee, content):
    doc = _sentence(sent_id)
    verb = _index(doc, cue)
    assert _text(doc, dep.subject_of(doc, verb, LEXICON)) == speaker
    assert _text(doc, dep.addressee_of(doc, verb, load_lexicon())) == addressee
    assert tuple(_text(doc, part) for part in dep.content_parts(doc, verb, LEXICON)) == content
    assert _text(doc, dep.content_of(doc, verb, LEXICON)) == (content[0] if content else None)


# sent_id, a word of the content, the speech verb that governs it
GOVERNORS = [
    ("direct-1", "Wir", "sagte"),  # report after the quote: parataxis child of „kommen“
    ("direct-2", "morgen", "sagte"),  # quote after the colon: parataxis of „sagte“
    ("direct-3", "erst", "sagte"),  # second part of an interrupted quote
    ("indirect-1", "Gespräche", "sagte"),
    ("indirect-3", "Gebühren", "versprach"),
    ("indirect-4", "Lage", "sagte"),  # preposed report
    ("indirect-6", "Fall", "erklärt"),
    ("addressee-2", "klagen", "sagte"),
    ("document-2", "nass", "sagte"),
]


@pytest.mark.parametrize("sent_id,word,verb", GOVERNORS)
def test_speech_verb_of(sent_id, word, verb):
    if sent_id.startswith("document"):
        pytest.importorskip("stanza")
        doc = _document_sentence()
    else:
        doc = _sentence(sent_id)
    found = dep.speech_verb_of(doc, _index(doc, word), LEXICON)
    assert found is not None and doc.tokens[found].text == verb


def _document_sentence():
    conll = pytest.importorskip("stanza.utils.conll")
    from quotecheck.analysis.stanza_backend import doc_from_stanza

    text = "Berlin meldete Regen.\n\n„Es bleibt nass“, sagte die Meteorologin. Sie rechne mit Gewittern."
    conllu = (CONLLU / "document.conllu").read_text(encoding="utf-8")
    return doc_from_stanza(text, conll.CoNLL.conll2doc(input_str=conllu))


def test_speech_verb_of_uses_the_cue_filter():
    doc = _sentence("indirect-4")
    lage = _index(doc, "Lage")
    assert dep.speech_verb_of(doc, lage, LEXICON, is_cue=lambda i: doc.lemma(i) == "sagen") == _index(doc, "sagte")
    assert dep.speech_verb_of(doc, lage, LEXICON, is_cue=lambda i: False) is None


def test_no_speech_verb_outside_reported_content():
    doc = _sentence("mwt-2")
    assert dep.speech_verb_of(doc, _index(doc, "ZDF"), LEXICON) is None


# sent_id, cue (laut/zufolge), source, content parts
ACCORDING_TO = [
    ("according-1", "Laut", "dem Minister", ("ist die Lage ernst",)),
    ("according-2", "zufolge", "Der Polizei", ("wurde niemand verletzt",)),
    ("according-3", "laut", "Bahn", ("Im Regionalverkehr fuhr", "nur jeder dritte Zug")),
]


@pytest.mark.parametrize("sent_id,cue,source,content", ACCORDING_TO)
def test_according_to(sent_id, cue, source, content):
    doc = _sentence(sent_id)
    found_source, parts = dep.according_to(doc, _index(doc, cue))
    assert _text(doc, found_source) == source
    assert tuple(_text(doc, p) for p in parts) == content


def test_according_to_needs_a_case_word():
    doc = _sentence("according-1")
    assert dep.according_to(doc, _index(doc, "Lage")) == (None, ())


@pytest.mark.parametrize(
    "sent_id,verb,patient,agent",
    [
        ("passive-1", "genannt", "Die Zahl", "der Polizei"),  # obl:agent
        ("passive-2", "zitiert", "Der Minister", "Sender"),  # plain obl with „vom“ under aux:pass
        ("according-2", "verletzt", "niemand", None),
        ("indirect-1", "sagte", None, None),
    ],
)
def test_passive_roles(sent_id, verb, patient, agent):
    doc = _sentence(sent_id)
    index = _index(doc, verb)
    assert _text(doc, dep.passive_subject_of(doc, index)) == patient
    assert _text(doc, dep.agent_of(doc, index, LEXICON)) == agent


@pytest.mark.parametrize(
    "sent_id,word,expected",
    [
        ("indirect-1", "weitergehen", ", dass die Gespräche weitergehen"),  # the comma hangs on the clause
        ("indirect-1", "sagte", "Die Ministerin sagte, dass die Gespräche weitergehen."),
        ("indirect-1", "Ministerin", "Die Ministerin"),
        ("mwt-1", "Abschluss", "zum Abschluss"),
        ("direct-4", "Tag", ": „Das ist ein guter Tag.“"),
    ],
)
def test_subtree(sent_id, word, expected):
    doc = _sentence(sent_id)
    assert _text(doc, dep.subtree(doc, _index(doc, word))) == expected


def test_children_and_predicate():
    doc = _sentence("indirect-6")
    hat, erklärt = _index(doc, "hat"), _index(doc, "erklärt")
    assert dep.predicate_of(doc, hat) == erklärt
    assert dep.predicate_of(doc, erklärt) == erklärt
    assert [doc.tokens[i].text for i in dep.children(doc, erklärt)] == ["Sprecher", "hat", "prüfe", "."]


def test_functions_need_a_parse():
    doc = EmbeddedBackend().analyse("Er sagte, es regne.")
    assert not doc.has_parse
    with pytest.raises(ValueError, match="no dependency parse"):
        dep.subject_of(doc, 1, LEXICON)
