"""Free indirect speech: Konjunktiv continuations and reportive sollen/wollen."""

from __future__ import annotations

import pytest

from quotecheck.extractor import Extractor
from quotecheck.rules.free_indirect import read_sentence


CHAINS = [
    # (text, kinds in order, speaker of the last quote)
    ("Kim sagte, die Zusammenarbeit habe sich verstärkt. Man werde sie weiter ausbauen.",
     ["indirect", "free_indirect"], "Kim"),
    ("Die Polizei teilte mit, dass der Täter gefasst sei. Er habe sich gestellt. Die Beute sei gefunden worden.",
     ["indirect", "free_indirect", "free_indirect"], "Die Polizei"),
    # narration in the indicative ends the chain
    ("Die Polizei teilte mit, dass der Täter gefasst sei. Das Wetter war schön. Er habe sich gestellt.",
     ["indirect"], "Die Polizei"),
    # a Konjunktiv sentence with nothing reported before it is no quote
    ("Das Wetter war schön. Er habe sich gestellt.", [], None),
]


@pytest.mark.parametrize("text, kinds, speaker", CHAINS)
def test_chains(ex: Extractor, text: str, kinds: list[str], speaker: str | None) -> None:
    quotes = ex.extract(text)
    assert [q.kind for q in quotes] == kinds
    if quotes:
        assert quotes[-1].speaker is not None and quotes[-1].speaker.text == speaker
        assert all(q.mood == "subjunctive" for q in quotes if q.kind == "free_indirect")


def test_free_indirect_has_no_frame(ex: Extractor) -> None:
    quotes = ex.extract("Kim sagte, die Lage sei ernst. Man werde handeln.")
    free = [q for q in quotes if q.kind == "free_indirect"]
    assert free and free[0].frame is None and free[0].cue is None
    assert free[0].content.text == "Man werde handeln."


def test_reportive_sollen_is_hearsay(ex: Extractor) -> None:
    quotes = ex.extract("Der Täter soll über die Grenze geflohen sein.")
    assert [q.kind for q in quotes] == ["free_indirect"]
    assert quotes[0].mood == "indicative"


def test_deontic_sollen_is_not(ex: Extractor) -> None:
    assert ex.extract("Die Brücke soll im Herbst gebaut werden.") == []


# --- runs (issue 13, point 6) -----------------------------------------------------------------

RUNS = [
    # (text, content of every free-indirect quote in order)
    # a sentence opening with a subordinate clause in the indicative
    ("Die Ärztin sagte, die Lage sei ernst. Erst als die Feuerwehr eintraf, habe sich die Menge zerstreut.",
     ["Erst als die Feuerwehr eintraf, habe sich die Menge zerstreut."]),
    ("Die Ärztin sagte, die Lage sei ernst. Ob die Station geschlossen werde, sei noch offen.",
     ["Ob die Station geschlossen werde, sei noch offen."]),
    ("Der Kämmerer sagte, die Kasse sei leer. Wer jetzt spare, zahle später doppelt.",
     ["Wer jetzt spare, zahle später doppelt."]),
    ("Der Kämmerer sagte, die Kasse sei leer. Wenn die Zinsen stiegen, werde es eng.",
     ["Wenn die Zinsen stiegen, werde es eng."]),
    # a fronted participle or infinitive
    ("Der Wirt sagte, in der Küche habe es gebrannt. Verletzt worden sei keiner der Gäste.",
     ["Verletzt worden sei keiner der Gäste."]),
    ("Der Minister sagte, er bedauere nichts. Entschuldigen wolle er sich nicht.",
     ["Entschuldigen wolle er sich nicht."]),
    # a plural preterite that is the Konjunktiv II inside a run, when the run goes on
    ("Die Gewerkschaft sagte, das Personal sei erschöpft. Die Pflegekräfte leisteten längst Überstunden. "
     "Das müsse sich ändern.",
     ["Die Pflegekräfte leisteten längst Überstunden.", "Das müsse sich ändern."]),
    # one sentence without a finite verb does not end the run
    ("Der Trainer sagte, die Mannschaft sei müde. Zu viele Spiele, zu wenig Pause. Man brauche dringend Ruhe.",
     ["Man brauche dringend Ruhe."]),
    # a speech act without a content clause starts a run, its subject speaks
    ("Der Bürgermeister zeigte sich erleichtert. Die Stimmung im Ort sei wieder gut.",
     ["Die Stimmung im Ort sei wieder gut."]),
    ("Die Trainerin redete anerkennend über die Konkurrenz. Diese habe eine starke Saison gespielt.",
     ["Diese habe eine starke Saison gespielt."]),
    # reportive sollen starts a run of its own
    ("Der Täter soll über die Grenze geflohen sein. Er habe einen Wagen gestohlen.",
     ["Der Täter soll über die Grenze geflohen sein.", "Er habe einen Wagen gestohlen."]),
]

NOT_RUNS = [
    # the narrator's past counterfactual after a quote is a comment, not a continuation
    "Der Präsident sagte, der Verein sei gesund. Hätte der Vorstand früher reagiert, wäre der Abstieg vermeidbar gewesen.",
    # a strong preterite has a Konjunktiv II of its own: „traten“ tells the past
    "Der Sprecher sagte, die Strecke sei gesperrt. Die Probleme traten schon am Morgen auf. Man arbeite an einer Lösung.",
    # a weak preterite continues only when the next sentence does
    "Der Sprecher sagte, der Zug sei verspätet. Die Fahrgäste warteten zwei Stunden am Bahnsteig. Am Abend fuhr der Zug weiter.",
    # indicative narration: an adjective after an article, a noun before the verb, an adverb like „damit“
    "Der Minister sagte, das Gesetz sei beschlossen. Damit ist Chile das achte Land in der Region.",
    "Der Minister sagte, das Gesetz sei beschlossen. Die letzte große Reform war zehn Jahre alt.",
    "Die Polizei sagte, der Täter sei flüchtig. Hinweise nimmt die Wache in der Altstadt entgegen.",
    "Die Polizei sagte, der Täter sei flüchtig. Dabei kommen verschiedene Zeugen zu Wort.",
    "Die Forscher sagten, das Klima ändere sich. Die als verlässlich geltende Studie stützte sich auf Messdaten.",
    # a speech act without a content clause followed by narration
    "Der Bürgermeister zeigte sich erleichtert. Am Abend begann das Fest.",
    # a sentence in Konjunktiv with nothing reported before it
    "Der Zug fuhr pünktlich ab. Die Strecke sei frei.",
]


def _free(ex: Extractor, text: str) -> list[str]:
    return [q.content.text for q in ex.extract(text) if q.kind == "free_indirect"]


@pytest.mark.parametrize("text, contents", RUNS)
def test_runs_go_on(ex: Extractor, text: str, contents: list[str]) -> None:
    assert _free(ex, text) == contents


@pytest.mark.parametrize("text", NOT_RUNS)
def test_runs_end(ex: Extractor, text: str) -> None:
    assert _free(ex, text) == []


@pytest.mark.parametrize("text, speaker", [
    ("Der Bürgermeister zeigte sich erleichtert. Die Stimmung im Ort sei wieder gut.", "Der Bürgermeister"),
    ("Die Trainerin redete anerkennend über die Konkurrenz. Diese habe eine starke Saison gespielt.", "Die Trainerin"),
    ("Die Gewerkschaft sagte, das Personal sei erschöpft. Die Pflegekräfte leisteten längst Überstunden. "
     "Das müsse sich ändern.", "Die Gewerkschaft"),
])
def test_a_run_has_its_starters_speaker(ex: Extractor, text: str, speaker: str) -> None:
    free = [q for q in ex.extract(text) if q.kind == "free_indirect"]
    assert free and all(q.speaker is not None and q.speaker.text == speaker for q in free)


@pytest.mark.parametrize("sentence, mood", [
    ("Die Stimmung sei gut.", "subjunctive"),
    ("Verletzt worden sei keiner der Gäste.", "subjunctive"),
    ("Erst als die Feuerwehr eintraf, habe sich die Menge zerstreut.", "subjunctive"),
    ("Damit ist Chile das achte Land in der Region.", "indicative"),
    ("Die letzte große Reform war zehn Jahre alt.", "indicative"),
    ("Hinweise nimmt die Wache entgegen.", "indicative"),
    ("Umweltverbände wie der Nabu bewerteten den Bericht positiv.", "indicative"),
    ("Zu viele Spiele, zu wenig Pause.", None),
])
def test_the_mood_of_a_sentence_is_its_main_clauses(ex: Extractor, sentence: str, mood: str | None) -> None:
    doc = ex.analyse(sentence)
    assert read_sentence(doc, ex.lexicon, doc.sentences[0]).mood == mood


def test_an_indicative_sentence_is_never_labelled_subjunctive(ex: Extractor) -> None:
    text = "Der Täter soll über die Grenze geflohen sein."
    assert [q.mood for q in ex.extract(text)] == ["indicative"]


def test_irrealis_is_read_as_such(ex: Extractor) -> None:
    doc = ex.analyse("Hätte der Vorstand früher reagiert, wäre der Abstieg vermeidbar gewesen.")
    reading = read_sentence(doc, ex.lexicon, doc.sentences[0])
    assert reading.mood == "subjunctive" and reading.irrealis
