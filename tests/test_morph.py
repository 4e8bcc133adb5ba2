"""Tests for quotecheck/morph.py: finite verbs, Konjunktiv I/II, reportive sollen/wollen.

The measured part scores the labelled verbs of ``tests/data/mood_gold.tsv`` (and the
held-out ``mood_heldout.tsv``, written after the rules) the way the rules use the
module: :func:`mood_at` finds the clause and the subject, then ``finite_mood``.
The tables below cover one phenomenon each, with sentences written for the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.mood import evaluate, load_gold, scores
from quotecheck.analysis import EmbeddedBackend
from quotecheck.errors import LexiconError
from quotecheck.lexicon import MORPH_CLASSES, Morph, load_lexicon
from quotecheck.morph import (
    clause_at,
    clause_mood,
    find_finite,
    find_subject,
    finite_mood,
    is_reportive,
    mood_at,
)
from tests.strategies import examples

DATA = Path(__file__).parent / "data"
BACKEND = EmbeddedBackend()


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _at(sentence: str, verb: str, occurrence: int = 1):
    doc = BACKEND.analyse(sentence)
    hits = [i for i, t in enumerate(doc.tokens) if t.text == verb]
    return doc, hits[occurrence - 1]


def _mood(sentence: str, verb: str, occurrence: int = 1) -> str | None:
    doc, index = _at(sentence, verb, occurrence)
    return mood_at(doc, load_lexicon(), index)


# --- the measured labelled set ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "minimum"),
    [("mood_gold.tsv", 320), ("mood_heldout.tsv", 100)],
)
def test_labelled_set_precision_and_recall(name, minimum, capsys):
    gold = load_gold(DATA / name)
    assert len(gold) >= minimum
    predictions = list(evaluate(gold))
    result = scores(predictions)
    p, r, f = result["subjunctive"]
    with capsys.disabled():
        print(f"\n{name}: {len(gold)} verbs; subjunctive P={p:.3f} R={r:.3f} F1={f:.3f}; "
              + ", ".join(f"{k} F1={v[2]:.3f}" for k, v in result.items() if k != "subjunctive"))
    assert p >= 0.95
    assert r >= 0.90
    found = sum(pred.clause_verb_found for pred in predictions) / len(predictions)
    assert found >= 0.95, f"clause_mood finds only {found:.3f} of the gold verbs"


def test_gold_set_is_varied():
    gold = load_gold(DATA / "mood_gold.tsv")
    labels = [g.label for g in gold]
    assert labels.count("subj1") >= 80 and labels.count("subj2") >= 50 and labels.count("ind") >= 150
    assert len({g.verb.lower() for g in gold}) >= 150


def test_gold_loader_rejects_bad_label(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("Er sei da.\tsei\t1\tkonj\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        load_gold(bad)


# --- phenomenon tables -----------------------------------------------------------------------

PERSON = [  # „habe“/„werde“ and regular stem + e: 1sg indicative, 3sg Konjunktiv I
    ("Der Sprecher sagte, man habe alles versucht.", "habe", "subj1"),
    ("Ich habe alles versucht, sagte der Sprecher.", "habe", "ind"),
    ("Damals habe ich davon nichts gewusst.", "habe", "ind"),
    ("Damals habe sie davon nichts gewusst, sagte die Zeugin.", "habe", "subj1"),
    ("Ich werde kandidieren, kündigte die Senatorin an.", "werde", "ind"),
    ("Sie werde kandidieren, kündigte die Senatorin an.", "werde", "subj1"),
    ("Der Verband gebe nicht auf, sagte die Präsidentin.", "gebe", "subj1"),
    ("Ich gebe nicht auf, sagte die Präsidentin.", "gebe", "ind"),
    ("Nun gebe ich das Amt ab.", "gebe", "ind"),
    ("Die Stadt plane einen Neubau, hieß es.", "plane", "subj1"),
    ("Ich plane einen Neubau, sagte der Investor.", "plane", "ind"),
]

EL_ER = [  # Konjunktiv I 3sg of -eln/-ern verbs, with and without the stem e
    ("Die Gesellschaft wandele sich, sagte der Soziologe.", "wandele", "subj1"),
    ("Die Gesellschaft wandle sich, sagte der Soziologe.", "wandle", "subj1"),
    ("Der Konzern ändere nichts an seinen Plänen, hieß es.", "ändere", "subj1"),
    ("Ich ändere nichts an meinen Plänen.", "ändere", "ind"),
    ("Die Gewerkschaft fordere mehr Lohn, sagte ihr Chef.", "fordere", "subj1"),
    ("Die Gesellschaft wandelt sich.", "wandelt", "ind"),
]

PLURAL = [  # 3pl: Konjunktiv I = indicative except sein; Konjunktiv II distinct
    ("Die Ärzte sagen, sie seien erschöpft.", "seien", "subj1"),
    ("Die Ärzte sagen, sie sind erschöpft.", "sind", "ind"),
    ("Die Ärzte sagen, sie hätten keine Zeit.", "hätten", "subj2"),
    ("Die Ärzte sagen, sie haben keine Zeit.", "haben", "ind"),
    ("Die Ärzte sagen, sie würden streiken.", "würden", "subj2"),
    ("Die Ärzte sagen, sie werden streiken.", "werden", "ind"),
    ("Die Ärzte sagen, sie könnten nicht mehr.", "könnten", "subj2"),
    ("Die Ärzte sagen, sie müssten länger arbeiten.", "müssten", "subj2"),
    ("Die Ärzte sagen, sie müssen länger arbeiten.", "müssen", "ind"),
    ("Die Ärzte sagen, sie kämen kaum nach Hause.", "kämen", "subj2"),
    ("Die Ärzte sagen, sie kamen kaum nach Hause.", "kamen", "ind"),
    ("Die Ärzte sagen das seit Jahren.", "sagen", "ind"),
]

MODALS = [
    ("Er könne nichts dafür, sagte der Fahrer.", "könne", "subj1"),
    ("Er kann nichts dafür, sagte der Fahrer.", "kann", "ind"),
    ("Das Team müsse sich steigern, sagte der Trainer.", "müsse", "subj1"),
    ("Das Team dürfte den Titel holen, glauben Experten.", "dürfte", "subj2"),
    ("Der Kanzler wolle verhandeln, sagte ein Sprecher.", "wolle", "subj1"),
    ("Der Kanzler will verhandeln.", "will", "ind"),
]

SOLLTE = [  # preterite or Konjunktiv II: decided by context, indicative when unmarked
    ("Die Anlage sollte im Frühjahr in Betrieb gehen.", "sollte", "ind"),
    ("Sollte die Anlage ausfallen, wird Strom zugekauft.", "Sollte", "subj2"),
    ("Falls die Anlage ausfallen sollte, wird Strom zugekauft.", "sollte", "subj2"),
    ("Die Stadt sollte endlich die Radwege sanieren, sagte die Initiative.", "sollte", "subj2"),
    ("Man sollte die Warnungen ernst nehmen.", "sollte", "subj2"),
    ("Der Verband forderte, die Stadt sollte die Radwege sanieren.", "sollte", "subj2"),
    ("Der Stürmer wollte eigentlich verlängern.", "wollte", "ind"),
]

WEAK_PRETERITE = [  # weak Konjunktiv II = preterite
    ("Der Minister sagte, die Lage sei ernst.", "sagte", "ind"),
    ("Die Firma machte im vergangenen Jahr Verluste.", "machte", "ind"),
    ("Es wäre besser, wenn die Länder enger zusammenarbeiteten.", "zusammenarbeiteten", "subj2"),
    ("Wenn die Länder zusammenarbeiteten, stiegen die Chancen.", "zusammenarbeiteten", "ind"),
    ("Die Bauern klagen, sie verdienten zu wenig.", "verdienten", "subj2"),
    ("Die Bauern verdienten im Jahr 2020 zu wenig.", "verdienten", "ind"),
    ("Wenn es keine Einigung gäbe, käme es zu Neuwahlen, warnte der Politologe.", "warnte", "ind"),
]

STRONG_SUBJ2 = [  # listed and unlisted strong Konjunktiv II
    ("Ein Verbot träfe vor allem kleine Betriebe.", "träfe", "subj2"),
    ("Ein Verbot beträfe vor allem kleine Betriebe.", "beträfe", "subj2"),
    ("Ohne Hilfe ginge das Unternehmen pleite.", "ginge", "subj2"),
    ("Ohne Hilfe bliebe nur die Insolvenz.", "bliebe", "subj2"),
    ("Eine Einigung läge im Interesse aller.", "läge", "subj2"),
    ("Die Firma kam aus der Krise.", "kam", "ind"),
    ("Die Firma ging in die Insolvenz.", "ging", "ind"),
]

PERIPHRASIS = [  # finite verb of analytic tenses
    ("Der Sprecher sagte, das Haus werde im Mai gebaut.", "werde", "subj1"),
    ("Das Haus wird im Mai gebaut.", "wird", "ind"),
    ("Das Haus würde im Mai gebaut, wenn das Geld reichte.", "würde", "subj2"),
    ("Die Behörde hätte warnen müssen, sagte der Kläger.", "hätte", "subj2"),
    ("Der Kläger sagte, die Behörde habe gewarnt.", "habe", "subj1"),
    ("Die Brücke sei gesperrt worden, teilte die Polizei mit.", "sei", "subj1"),
]

CAPITALISED = [  # sentence-initial forms count
    ("Wäre die Wahl heute, gewänne die Opposition.", "Wäre", "subj2"),
    ("Hätte der Staat früher gehandelt, wäre der Schaden kleiner.", "Hätte", "subj2"),
    ("Sei es drum, sagte der Trainer.", "Sei", "subj1"),
    ("Gibt es neue Erkenntnisse?", "Gibt", "ind"),
]

NOT_FINITE = [  # no finite verb: None
    ("Der geplante Neubau verzögert sich.", "geplante", None),
    ("Die Ministerin hat den Bericht gelesen.", "gelesen", None),
    ("Die Ministerin will den Bericht lesen.", "Bericht", None),
    ("Die neue Regierung tritt an.", "neue", None),
    ("Nach seinen Worten ist das falsch.", "seinen", None),
    ("Gestern ist das Parlament zusammengetreten.", "Gestern", None),
    ("Die breite Mehrheit stimmte zu.", "breite", None),
]


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    PERSON + EL_ER + PLURAL + MODALS + SOLLTE + WEAK_PRETERITE + STRONG_SUBJ2 + PERIPHRASIS + CAPITALISED
    + NOT_FINITE,
)
def test_mood_of_verb(sentence, verb, expected):
    assert _mood(sentence, verb) == expected


def test_subject_decides_person(lex):
    doc, index = _at("Ich gebe zu, dass das falsch war.", "gebe")
    assert finite_mood(doc, lex, index, (0, 1)) == "ind"
    assert finite_mood(doc, lex, index, None) == "subj1"  # no subject: 3rd person assumed
    doc, index = _at("Er gebe zu, dass das falsch war.", "gebe")
    assert finite_mood(doc, lex, index, (0, 1)) == "subj1"


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Davon habe ich nichts gewusst.", "ich"),
        ("Ich finde es gut.", "Ich"),
        ("Er sagte, dass ich nichts wisse.", "ich"),
        ("Die Regierung habe nichts gewusst.", "Die Regierung"),
    ],
)
def test_find_subject(lex, sentence, subject):
    doc = BACKEND.analyse(sentence)
    sentences = doc.sentences[0]
    verbs = [i for i in range(sentences.first, sentences.last) if finite_mood(doc, lex, i) is not None]
    verb = verbs[-1] if "dass" in sentence else verbs[0]
    start, end = clause_at(doc, lex, verb)
    found = find_subject(doc, lex, start, end, verb)
    assert found is not None
    assert " ".join(t.text for t in doc.tokens[found[0] : found[1]]) == subject


# --- clause_mood -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "clause", "verb", "mood"),
    [
        ("Er sagte, die Regierung habe versagt.", 1, "habe", "subjunctive"),
        ("Er sagte, die Regierung habe versagt.", 0, "sagte", "indicative"),
        ("Sie betonte, dass die Preise steigen würden.", 1, "würden", "subjunctive"),
        ("Sie betonte, dass die Preise steigen werden.", 1, "werden", "indicative"),
        ("Er kritisierte, dass die Stadt hätte handeln müssen.", 1, "hätte", "subjunctive"),
        ("Er bedauerte, dass er hat gehen müssen.", 1, "hat", "indicative"),
        ("Man ermittelt gegen Beamte, die Akten vernichtet haben sollen.", 1, "sollen", "indicative"),
        ("Unklar ist, ob die Partei zustimme.", 1, "zustimme", "subjunctive"),
        ("Wie ein Sprecher sagte, sei der Zug entgleist.", 1, "sei", "subjunctive"),
        ("Wie ein Sprecher sagte, sei der Zug entgleist.", 0, "sagte", "indicative"),
        ("Nach Angaben der Polizei seien drei Menschen verletzt worden.", 0, "seien", "subjunctive"),
    ],
)
def test_clause_mood(lex, sentence, clause, verb, mood):
    doc = BACKEND.analyse(sentence)
    commas = [i for i, t in enumerate(doc.tokens) if t.text in ",."]
    bounds = [0] + [c + 1 for c in commas]
    start, end = bounds[clause], commas[clause]
    found_mood, index = clause_mood(doc, lex, start, end)
    assert index is not None and doc.tokens[index].text == verb
    assert found_mood == mood
    assert find_finite(doc, lex, start, end) == index


def test_clause_without_verb(lex):
    doc = BACKEND.analyse("Laut Polizei, nach ersten Erkenntnissen.")
    assert clause_mood(doc, lex, 0, 2) == (None, None)


# --- reportive sollen/wollen -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("Er soll das Geld unterschlagen haben.", "soll", True),
        ("Der Minister soll von dem Plan gewusst haben.", "soll", True),
        ("Die Täter sollen über die Grenze geflohen sein.", "sollen", True),
        ("Der Häftling soll gefoltert worden sein.", "soll", True),
        ("Sie will nichts gesehen haben.", "will", True),
        ("Der Politiker soll angeblich Schulden haben.", "soll", True),
        ("Man ermittelt gegen Beamte, die Akten vernichtet haben sollen.", "sollen", True),
        ("Das Gesetz soll im Mai in Kraft treten.", "soll", False),
        ("Die Brücke soll bis 2027 gebaut werden.", "soll", False),
        ("Die Ministerin will das Gesetz ändern.", "will", False),
        ("Die Kinder sollen mehr Sport treiben.", "sollen", False),
        ("Er soll Geld haben.", "soll", False),
        ("Er sollte das Geld unterschlagen haben.", "sollte", False),  # not a reportive form
        ("Er hat das Geld unterschlagen.", "hat", False),
    ],
)
def test_is_reportive(lex, sentence, verb, expected):
    doc, index = _at(sentence, verb)
    assert is_reportive(doc, lex, index) is expected


# --- data --------------------------------------------------------------------------------------


def test_morph_data_has_every_class_and_the_clause_words():
    morph = load_lexicon().morph
    used = set().union(*morph.classes.values())
    assert used == MORPH_CLASSES
    assert "dass" in morph.subordinators and "-" in morph.boundaries
    # one list of clause words: the mood rules read the frame rules' subordinators
    assert morph.subordinators == load_lexicon().clause.verb_final


def test_morph_parser_rejects_unknown_class():
    with pytest.raises(LexiconError, match="unknown class"):
        Morph.parse("word\tclass\nendlich\tadvise\n", "test.tsv", load_lexicon().clause)


@pytest.mark.parametrize(
    ("form", "person", "mood"),
    [("kennte", "3sg", "subj2"), ("nennten", "3pl", "subj2"), ("brennte", "3sg", "subj2")],
)
def test_konjunktiv_data_mixed_verbs(lex, form, person, mood):
    assert lex.mood(form, person) == mood


@pytest.mark.parametrize("form", ["führen", "betrügen", "tränken", "kenntee"])
def test_konjunktiv_data_has_no_homograph_of_other_verbs(lex, form):
    assert form not in lex.konjunktiv


# --- properties ----------------------------------------------------------------------------------


@settings(max_examples=examples(60), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aeiouäöüsntrlghdkmSEDW ,.„“?")), max_size=60))
def test_never_raises_and_answers_in_vocabulary(text):
    lex = load_lexicon()
    doc = BACKEND.analyse(text)
    for i in range(len(doc.tokens)):
        assert finite_mood(doc, lex, i) in (None, "subj1", "subj2", "ind")
        start, end = clause_at(doc, lex, i)
        assert start <= i < end
        mood, verb = clause_mood(doc, lex, start, end)
        assert mood in (None, "subjunctive", "indicative")
        assert verb is None or start <= verb < end
        assert isinstance(is_reportive(doc, lex, i), bool)
