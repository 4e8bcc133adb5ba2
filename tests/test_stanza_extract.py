"""The rules on stanza parses: hand-written CoNLL-U in, attributed quotes out.

The German models cannot be downloaded here, so each sentence of
``tests/conllu/`` is read with stanza's own CoNLL-U reader (no model needed),
mapped by the adapter, and handed to an :class:`~quotecheck.Extractor` through
a backend that returns that parse. Where the tree knows more than the surface
(a dative addressee, a subject shared by coordinated verbs, the subject of a
perfect tense, the passive of „zitieren“), the parse must win.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import quotecheck
from quotecheck.analysis.base import Doc

stanza_conll = pytest.importorskip("stanza.utils.conll")
from quotecheck.analysis.stanza_backend import doc_from_stanza  # noqa: E402

CONLLU = Path(__file__).parent / "conllu"


def _parses() -> dict[str, tuple[str, str]]:
    found = {}
    for path in sorted(CONLLU.glob("*.conllu")):
        if path.stem == "document":
            continue
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            if not block.strip():
                continue
            meta = dict(
                line[2:].split(" = ", 1) for line in block.splitlines() if line.startswith("# ") and " = " in line
            )
            found[meta["sent_id"]] = (meta["text"], block.strip() + "\n\n")
    return found


PARSES = _parses()


class ParsedBackend:
    """A backend that answers with a prepared parse, as stanza would."""

    name = "stanza"

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    def analyse(self, text: str) -> Doc:
        assert text == self.doc.text
        return self.doc


def extract(sent_id: str) -> list[quotecheck.Quote]:
    text, block = PARSES[sent_id]
    doc = doc_from_stanza(text, stanza_conll.CoNLL.conll2doc(input_str=block))
    assert doc.has_parse
    return quotecheck.Extractor(backend=ParsedBackend(doc)).extract(text)


@pytest.mark.parametrize(
    ("sent_id", "kind", "content", "speaker", "addressee", "mood"),
    [
        ("direct-1", "direct", "Wir kommen", "er", None, None),
        ("direct-2", "direct", "Wir streiken morgen.", "Anna Berger", None, None),
        ("direct-3", "direct", "Wir kommen aber erst morgen.", "er", None, None),
        ("indirect-1", "indirect", "dass die Gespräche weitergehen", "Die Ministerin", None, "indicative"),
        ("indirect-2", "indirect", "die Zusammenarbeit habe sich verstärkt", "Kim", None, "subjunctive"),
        ("indirect-3", "indirect", "die Gebühren zu senken", "Der Bürgermeister", None, "indicative"),
        ("indirect-4", "indirect", "Die Lage sei ernst", "der Minister", None, "subjunctive"),
        ("indirect-5", "indirect", "ob der Termin steht", "Die Reporterin", None, "indicative"),
        # the tree finds the subject of a perfect tense and of coordinated verbs
        ("indirect-6", "indirect", "man prüfe den Fall", "Der Sprecher", None, "subjunctive"),
        ("indirect-7", "indirect", "das sei Unsinn", "Sie", None, "subjunctive"),
        ("mwt-1", "indirect", "das Projekt sei gescheitert", "die Sprecherin", None, "subjunctive"),
        # addressees: dative objects and „gegenüber“ / „zu“ phrases
        ("addressee-1", "indirect", "die Pläne seien fertig", "Sie", "dem Minister", "subjunctive"),
        ("addressee-2", "indirect", "man werde klagen", "Der Sprecher", "der Zeitung", "subjunctive"),
        ("addressee-3", "indirect", "dass er zurücktrete", "Er", "der Zeitung", "subjunctive"),
        ("addressee-4", "indirect", "dass das Werk schließt", "Die Chefin", "den Mitarbeitern", "indicative"),
        ("addressee-5", "direct", "Ihr habt gut gespielt.", "Der Trainer", "den Spielern", None),
        # according-to phrases
        ("according-1", "indirect", "ist die Lage ernst", "dem Minister", None, "indicative"),
        ("according-2", "indirect", "wurde niemand verletzt", "Der Polizei", None, "indicative"),
        # passive of „zitieren“: the quoted minister speaks
        ("passive-2", "indirect", "die Lage sei ernst", "Der Minister", None, "subjunctive"),
    ],
)
def test_quote_from_a_parse(sent_id, kind, content, speaker, addressee, mood) -> None:
    (quote,) = extract(sent_id)
    assert quote.kind == kind
    assert quote.content.text == content
    assert (quote.speaker.text if quote.speaker else None) == speaker
    assert (quote.addressee.text if quote.addressee else None) == addressee
    assert quote.mood == mood


def test_passive_quoting_medium_is_a_source_on_a_parse() -> None:
    (quote,) = extract("passive-2")
    assert [s.text for s in quote.sources] == ["vom Sender"]


@pytest.mark.parametrize("sent_id", ["indirect-7", "addressee-4", "addressee-5"])  # indirect-6: the surface now finds it too
def test_the_parse_adds_what_the_surface_misses(sent_id: str) -> None:
    """Cases the embedded backend gets wrong or incomplete: proof the tree is used."""
    text, _ = PARSES[sent_id]
    surface = quotecheck.Extractor().extract(text)
    parsed = extract(sent_id)
    assert [(q.speaker and q.speaker.text, q.addressee and q.addressee.text) for q in parsed] != [
        (q.speaker and q.speaker.text, q.addressee and q.addressee.text) for q in surface
    ]


def test_offsets_of_every_role_index_the_text() -> None:
    for sent_id, (text, _) in PARSES.items():
        for quote in extract(sent_id):
            for span in quote.spans():
                assert 0 <= span.start <= span.end <= len(text)
            assert text[quote.content.start : quote.content.end].startswith(quote.content.text.split(" ")[0])


@pytest.mark.parametrize(
    ("sent_id", "speaker_type"),
    [
        ("according-3", "organization"),  # „laut Bahn“: a name shape, but the tagger says ORG
        ("direct-2", "person"),  # „Anna Berger“: PER
    ],
)
def test_named_entities_set_the_speaker_type(sent_id: str, speaker_type: str) -> None:
    (quote,) = extract(sent_id)
    assert quote.speaker is not None and quote.speaker.type == speaker_type
