"""The look-up indexes that spare the hot paths work answer exactly as the full look-ups.

Each index skips what cannot match (a span whose first word begins no gazetteer
alias, a word already tested in another document); these tests compare it with
the look-up it shortcuts, on our own German sentences and on generated text.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotecheck import Extractor
from quotecheck.analysis.base import Doc
from quotecheck.analysis.embedded import EmbeddedBackend, lemmatize
from quotecheck.attribution.naming import organization_in, text_of
from quotecheck.lexicon import Lexicon, load_lexicon
from quotecheck.lexicon.records import Organization

SENTENCES = (
    "Die Deutsche Presse-Agentur meldete am Montag, der Streik gehe weiter.",
    "Wie die Nachrichtenagentur Reuters berichtete, trat Ministerin Eva Roth zurück.",
    "Laut Dpa und REUTERS sprach ein Sprecher der Deutschen Bahn von Verspätungen.",
    "„Wir bleiben“, sagte Anna Weber vom Deutschen Wetterdienst in Offenbach.",
    "Der Deutschlandfunks-Korrespondent zitierte die dpa-AFX und den DWD.",
    "Nach Angaben des Norddeutschen Rundfunks   (NDR) blieb die Lage ruhig.",
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _every_span(doc: Doc, lexicon: Lexicon, start: int, end: int) -> Organization | None:
    """The look-up without the first-word index: every span, longest first."""
    for length in range(min(5, end - start), 0, -1):
        for i in range(start, end - length + 1):
            entry = lexicon.organization(text_of(doc, i, i + length))
            if entry is not None:
                return entry
    return None


@functools.cache
def _extractor() -> Extractor:
    return Extractor()


def _doc(text: str) -> Doc:
    return _extractor().analyse(text)


def test_every_alias_opens_an_organization(lexicon: Lexicon) -> None:
    for alias in lexicon.alias_index:
        assert lexicon.may_open_organization(alias.split(" ")[0]), alias


def _written_forms(alias: str) -> set[str]:
    """How a text may write an alias: as listed, in capitals, in lower case, title-cased, declined („Deutschen“)."""
    first, _, rest = alias.partition(" ")
    tail = f" {rest}" if rest else ""
    return {alias, alias.upper(), alias.lower(), alias.title(), alias.swapcase()} | {
        first + ending + tail for ending in ("n", "s", "es")
    }


def test_every_form_the_gazetteer_finds_is_opened_by_its_first_word(lexicon: Lexicon) -> None:
    """The opener test may only spare look-ups that fail: „DER SPIEGEL“, „DPA“, „Deutschen Bahn“ are opened."""
    for alias in lexicon.alias_index:
        for form in _written_forms(alias):
            if lexicon.organization(form) is not None:
                assert lexicon.may_open_organization(form.split(" ")[0]), (alias, form)


@pytest.mark.parametrize(
    ("word", "opens"),
    [
        ("Deutschen", True), ("Dpa", True), ("REUTERS", True), ("DER", True), ("Nachrichtenagentur", True),
        ("Montag", False), ("Ministerin", False), ("der", False),
    ],
)
def test_first_words(lexicon: Lexicon, word: str, opens: bool) -> None:
    assert lexicon.may_open_organization(word) is opens


@pytest.mark.parametrize("text", SENTENCES)
def test_organization_in_answers_as_every_span(lexicon: Lexicon, text: str) -> None:
    doc = _doc(text)
    n = len(doc.tokens)
    for start in range(n):
        for end in range(start + 1, min(n, start + 7) + 1):
            assert organization_in(doc, lexicon, start, end) == _every_span(doc, lexicon, start, end)


def test_organization_in_finds_declined_names(lexicon: Lexicon) -> None:
    doc = _doc(SENTENCES[2])
    found = organization_in(doc, lexicon, 0, len(doc.tokens))
    assert found is not None and found.name == "Deutsche Bahn"


_WORDS = st.sampled_from(["Deutschen", "Bahn", "dpa", "-", "AFX", "Reuters", "Presse-Agentur", "Welle", "der", "Montag", "DWD", "("])


@given(st.lists(st.tuples(_WORDS, st.sampled_from([" ", "", "  ", "\n"])), min_size=1, max_size=8))
def test_organization_in_on_generated_text(lexicon: Lexicon, parts: list[tuple[str, str]]) -> None:
    doc = _doc("".join(word + gap for word, gap in parts))
    n = len(doc.tokens)
    for start in range(n):
        assert organization_in(doc, lexicon, start, n) == _every_span(doc, lexicon, start, n)


CUE_TEXTS = (
    "„Wir streiken weiter“, sagte Gewerkschaftschef Jan Roth am Montag in Hamburg.",
    "Sagte er das? Die Ministerin betonte, sie habe angedeutet, dass sie bleibe.",
    "Der Sprecher brachte seine Sorge zum Ausdruck. Roth fügte hinzu, man warte ab.",
)


def test_cue_positions_shared_between_documents_answer_as_fresh_ones(lexicon: Lexicon) -> None:
    from quotecheck.rules.cues import Positions, _may_be_cue, cue_positions

    for text in CUE_TEXTS:  # the earlier texts fill the shared verdicts
        doc = _doc(text)
        shared = cue_positions(doc, lexicon)
        fresh = Positions(lexicon, _may_be_cue, by_word=True)
        assert [shared.has(doc, i) for i in range(len(doc.tokens))] == [fresh.has(doc, i) for i in range(len(doc.tokens))]
        assert list(shared.within(doc, 0, len(doc.tokens))) == [i for i in range(len(doc.tokens)) if _may_be_cue(doc, lexicon, i)]


def test_find_cue_with_the_callers_positions_answers_as_without(lexicon: Lexicon) -> None:
    """A loop over a sentence's cue positions may hand them to find_cue: the same cue, or none, at every token."""
    from quotecheck.rules.cues import Positions, _may_be_cue, find_cue, find_cue_among

    found = []
    for text in CUE_TEXTS:
        doc = _doc(text)
        held = Positions(lexicon, _may_be_cue, by_word=True)  # the caller's, with no answers yet: each cue found anew
        n = len(doc.tokens)
        for i in range(n):
            for limit in (i + 1, n):
                alone = find_cue(doc, lexicon, i, limit)
                assert find_cue_among(doc, lexicon, i, limit, held) == alone
                found.append(alone is not None)
    assert any(found) and not all(found)  # „brachte … zum Ausdruck“, „fügte hinzu“: cues beside other words


@pytest.mark.parametrize(
    ("text", "word", "position"),
    [
        ("Sie habe angedeutet, dass sie bleibe.", "angedeutet", True),  # particle, ge-, stem, -et: andeuten
        ("Der Rat hat entschieden, dass er tagt.", "entschieden", True),  # irregular, without ge-: entscheiden
        ("Er stimmte gestern dagegen, sagte sie.", "gestern", False),  # holds „ge“, is no participle
        ("Sie stimmte gegen den Plan, hieß es.", "gegen", False),
        ("Er wurde festgenommen, sagte die Polizei.", "festgenommen", False),  # a participle, of no speech verb
    ],
)
def test_a_word_with_ge_is_a_cue_position_only_as_a_speech_verbs_participle(lexicon: Lexicon, text: str, word: str, position: bool) -> None:
    """The cue test drops „gestern“ and „festgenommen“: find_cue answers nothing there at any limit, so no rule need ask."""
    from quotecheck.rules.cues import _cue_at, _may_be_cue

    doc = _doc(text)
    i = next(k for k, tok in enumerate(doc.tokens) if tok.text == word)
    assert _may_be_cue(doc, lexicon, i) is position
    answers = [_cue_at(doc, lexicon, i, limit) for limit in range(i + 1, len(doc.tokens) + 1)]
    assert all(answers) if position else not any(answers)


def test_speech_verb_positions_by_word_still_read_the_place(lexicon: Lexicon) -> None:
    from quotecheck.rules.cues import _may_be_speech_verb, speech_verb_positions

    # „Sagte“ opening a sentence may be the verb; the same word inside a sentence is no verb (upper case)
    doc = _doc("Sagte er das? Er sagte nichts. Das Sagte blieb.")
    expected = [i for i in range(len(doc.tokens)) if _may_be_speech_verb(doc, lexicon, i)]
    positions = speech_verb_positions(doc, lexicon)
    assert [i for i in range(len(doc.tokens)) if positions.has(doc, i)] == expected
    assert list(positions.within(doc, 0, len(doc.tokens))) == expected
    assert [doc.tokens[i].text for i in expected] == ["Sagte", "sagte"]


def test_indirect_visits_only_where_a_construction_may_start(lexicon: Lexicon) -> None:
    from quotecheck.ranges import CharSpan
    from quotecheck.rules.indirect import _starts

    text = "Wie die Polizei mitteilte, erklärte der Sprecher „Wir sagten nichts“, die Forderung bleibe."
    doc = _doc(text)
    # a wie-word, the cues, the commas and a noun of saying; no other word
    assert [doc.tokens[i].text for i in _starts(doc, lexicon, 0, [])] == ["Wie", "mitteilte", ",", "erklärte", "sagten", ",", "Forderung"]
    # the words of a claimed quote are passed over
    quote = CharSpan(text.index("Wir"), text.index("“"))
    assert [doc.tokens[i].text for i in _starts(doc, lexicon, 0, [quote])] == ["Wie", "mitteilte", ",", "erklärte", ",", "Forderung"]


class _LearningBackend:
    """The packaged analysis with a lemmatizer of the user's: a table it fills in as it goes."""

    name = "learning"
    provides = frozenset({"tokens", "lemmas"})

    def __init__(self, lemmatizer: Callable[[str], str]) -> None:
        self.inner = EmbeddedBackend()
        self.lemmatizer = lemmatizer

    def analyse(self, text: str) -> Doc:
        return attrs.evolve(self.inner.analyse(text), lemmatizer=self.lemmatizer)


@dataclasses.dataclass
class _TableLemmatizer:
    """Unhashable (a dataclass with ``eq``), as a user's callable may well be."""

    table: dict[str, str]

    def __call__(self, word: str) -> str:
        return self.table.get(word) or lemmatize(word)


_TWEET = "Die Ministerin zwitscherte, sie bleibe im Amt."


def test_a_backends_unhashable_lemmatizer_is_no_error() -> None:
    ex = Extractor(backend=_LearningBackend(_TableLemmatizer({"zwitscherte": "sagen"})))
    assert [q.content.text for q in ex.extract(_TWEET)] == ["sie bleibe im Amt"]


def test_a_lemmatizer_that_learns_a_word_is_asked_again_in_the_next_document() -> None:
    lemmatizer = _TableLemmatizer({})
    ex = Extractor(backend=_LearningBackend(lemmatizer))
    assert ex.extract(_TWEET) == []  # „zwitschern“ is no speech verb of the lexicon
    lemmatizer.table["zwitscherte"] = "sagen"
    assert [q.content.text for q in ex.extract(_TWEET)] == ["sie bleibe im Amt"]


@pytest.mark.parametrize(("first", "last"), [(0, 0), (0, 1), (3, 700), (511, 513), (0, 1200), (1199, 1200)])
def test_tokens_between_reads_the_range_in_order(first: int, last: int) -> None:
    from quotecheck.rules.clauses import tokens_between

    doc = _doc("Die Ministerin sagte, sie bleibe. " * 200)
    assert list(tokens_between(doc, first, last)) == list(doc.tokens[first:last])


def test_reportive_forms_answer_as_the_readings(lexicon: Lexicon) -> None:
    for form, readings in lexicon.konjunktiv.items():
        expected = any(r.reportive for r in readings)
        assert lexicon.is_reportive(form) is expected
        assert lexicon.is_reportive(form.capitalize()) is expected
    assert lexicon.is_reportive("soll") and not lexicon.is_reportive("sagte")


NP_TEXTS = (
    "Der Direktor der Behörde für Umwelt und Naturschutz, Jan Berg, teilte mit, die Lage sei ernst.",
    "Laut der „Frankfurter Allgemeinen Zeitung“ sagte der 29 Jahre alte Techniker Paolo Neri (71) aus.",
    "Präsident Wladimir Putin und Ministerin Ursula von der Leyen (CDU) trafen zwei mit den Verhandlungen vertraute Personen.",
)


@pytest.mark.parametrize("text", NP_TEXTS)
def test_a_noun_phrase_spans_at_most_max_np_tokens(lexicon: Lexicon, text: str) -> None:
    """clause_end_over_appositions looks no further back than this for a phrase ending at a comma."""
    from quotecheck.attribution.nounphrase import MAX_NP_TOKENS, parse_noun_phrase

    doc = _doc(text)
    n = len(doc.tokens)
    for start in range(n):
        for limit in (n, start + 3, start + MAX_NP_TOKENS + 5):
            np = parse_noun_phrase(doc, lexicon, start, limit)
            assert np is None or np.end <= min(limit, start + MAX_NP_TOKENS)


ACCORDING_TEXTS = (
    "Nach Angaben der Polizei und laut dem Bericht der Zeitung war es ruhig.",
    "Der Ministerin zufolge, so heißt es nach eigenen Angaben, LAUT Reuters, bleibt alles.",
)


@pytest.mark.parametrize("text", ACCORDING_TEXTS)
def test_according_phrases_match_as_the_phrases_say(lexicon: Lexicon, text: str) -> None:
    from quotecheck.rules.cues import according_phrases_at

    doc = _doc(text)
    words = [t.text.lower() for t in doc.tokens]
    n = len(words)
    for i in range(n):
        for last in (n, i + 1, i + 2):
            expected = [
                e
                for e in lexicon.according_index.get(words[i], ())
                if i + len(e.words) <= last and words[i : i + len(e.words)] == [w.lower() for w in e.words]
            ]
            assert list(according_phrases_at(doc, lexicon, i, last)) == expected
    assert any(any(according_phrases_at(doc, lexicon, i, n)) for i in range(n))


def test_report_slots_answer_as_the_lines(lexicon: Lexicon) -> None:
    from quotecheck.lexicon import REPORT_SLOTS
    from quotecheck.rules.source_phrases import report_slots

    for word in [*lexicon.according_index, "Nach", "LAUT", "Haus", ""]:
        expected = tuple(e for e in lexicon.according_index.get(word.lower(), ()) if len(e.words) == 2 and e.words[1] in REPORT_SLOTS)
        assert report_slots(lexicon, word) == expected
    assert report_slots(lexicon, "nach") and not report_slots(lexicon, "der")


CLAIM_TEXT = "Die Zahl stieg um 3,5 Prozent, sagte Roth: „Wir warten ab“, die Lage sei ernst."


@given(st.lists(st.tuples(st.integers(0, len(CLAIM_TEXT)), st.integers(0, 12)), max_size=4))
def test_claimed_tokens_answer_as_overlaps(spans: list[tuple[int, int]]) -> None:
    from quotecheck.rules.candidate import claimed_tokens, overlaps

    doc = _doc(CLAIM_TEXT)
    taken = sorted((start, start + length) for start, length in spans)
    expected = [k for k, tok in enumerate(doc.tokens) if overlaps((tok.start, tok.end), taken)]
    assert claimed_tokens(doc, 0, len(doc.tokens), taken) == expected


@pytest.mark.parametrize("text", [CLAIM_TEXT, *ACCORDING_TEXTS])
def test_clause_end_without_kept_ranges_answers_as_the_walk(text: str) -> None:
    from quotecheck.rules.clauses import clause_end

    doc = _doc(text)
    n = len(doc.tokens)
    for start in range(n + 1):
        for limit in range(start, n + 1):
            # a kept range outside the text changes nothing, and takes the walk over the breaks
            assert clause_end(doc, start, limit) == clause_end(doc, start, limit, [(-2, -1)])


@pytest.mark.parametrize("text", [CLAIM_TEXT, *ACCORDING_TEXTS, "„Nein“ – so (sagte er) [leise]; dann: „Ja!“ … und – „Gut?“"])
def test_clause_breaks_are_the_quotes_and_break_punctuation(text: str) -> None:
    """The breaks found in one walk are those the rules name: quotes, CLAUSE_BREAKS punctuation, FRAME_BREAKS."""
    from quotecheck.rules.clauses import CLAUSE_BREAKS, FRAME_BREAKS, _Breaks

    doc = _doc(text)
    breaks = _Breaks(doc.tokens)
    assert list(breaks.clause) == [k for k, t in enumerate(doc.tokens) if t.kind == "quote" or t.kind == "punct" and t.text in CLAUSE_BREAKS]
    assert list(breaks.frame) == [k for k, t in enumerate(doc.tokens) if t.text in FRAME_BREAKS or t.kind == "quote"]
    assert list(breaks.frame) != list(breaks.clause)  # a full stop ends a clause, not a frame


@pytest.mark.parametrize("text", [CLAIM_TEXT, "Er kam, sah und siegte: heute. Die Zahl 3,5 blieb"])
def test_a_comma_within_reach_is_a_comma_token(text: str) -> None:
    from quotecheck import tuning
    from quotecheck.rules.indirect_frames import _comma_within_reach

    doc = _doc(text)
    n = len(doc.tokens)
    for i in range(n):
        for last in (n, i + 1, i + 3):
            reach = range(i + 1, min(last, n, i + tuning.FRAME_GAP_TOKENS + 1))
            assert _comma_within_reach(doc, i, min(last, n)) is any(doc.tokens[k].text in (",", ":") for k in reach)


@pytest.mark.parametrize(("text", "count", "expected"), [("Ja.", 1, True), ("Ja.", 2, False), ("„Ja“, sagte er.", 3, True), ("3,5 %!", 1, False)])
def test_has_words_counts_words_only(text: str, count: int, expected: bool) -> None:
    from quotecheck.rules.clauses import has_words

    doc = _doc(text)
    assert has_words(doc, 0, len(doc.tokens), count) is expected


def test_reported_speech_forms_answer_as_the_readings(lexicon: Lexicon) -> None:
    from quotecheck.morph import reported_speech_forms

    forms = reported_speech_forms(lexicon)
    for form, readings in lexicon.konjunktiv.items():
        assert (form in forms) is any(r.mood == "subj1" or r.reportive for r in readings)
    assert {"sei", "habe", "soll"} <= forms and not {"ist", "hatte", "wäre"} & forms


@given(
    st.lists(st.tuples(st.integers(0, 12_000), st.integers(0, 6_000)), max_size=12),
    st.integers(0, 12_000),
    st.integers(0, 3_000),
)
def test_span_index_answers_as_a_scan(spans: list[tuple[int, int]], start: int, length: int) -> None:
    from quotecheck.spanindex import SpanIndex

    pairs = [(a, a + n) for a, n in spans]  # short ones and a few longer than LONG_SPAN
    expected = sorted(s for s in pairs if s[0] < start + length and start < s[1])
    assert SpanIndex(pairs).overlapping(start, start + length) == expected


def test_span_index_hands_back_the_spans_it_was_given() -> None:
    # „Kim sagte: „Wir kommen.““: the rules read the claimed quote's ``.start``; a compiled
    # index that unboxed each pair would hand back plain tuples without it.
    from quotecheck.ranges import CharSpan
    from quotecheck.spanindex import SpanIndex

    claimed = CharSpan(11, 22)
    (found,) = SpanIndex([claimed]).overlapping(0, 25)
    assert type(found) is CharSpan and found.start == 11


def test_threads_asking_the_according_index_at_once_all_find_the_phrase(lexicon: Lexicon) -> None:
    """The two-word index is built with the lexicon, never on a first question: no thread reads it half built."""
    import sys
    import threading

    from quotecheck.rules import cues

    doc = _doc("Nach Angaben der Polizei sei der Mann geflohen.")
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible while they ask
    try:
        for _ in range(10):
            start = threading.Barrier(4)
            found: list[int] = []

            def ask() -> None:
                start.wait()
                found.append(len(list(cues.according_phrases_at(doc, lexicon, 0, len(doc.tokens)))))

            threads = [threading.Thread(target=ask) for _ in range(4)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert found == [found[0]] * 4 and found[0] > 0
    finally:
        sys.setswitchinterval(interval)


_FINITE_FORMS = (
    "sei", "habe", "solle", "könne", "müsse", "werde", "gebe", "gehe", "komme", "stehe",  # Konjunktiv I, listed or not
    "soll", "wäre", "hätte", "käme", "ist", "hat", "bleibt", "war", "ging", "sagte",  # reportive, Konjunktiv II, indicative
)
_RUN_FRAMES = ("Der Minister {} nicht zufrieden.", "Die Lage {} angeblich schlecht.", "Morgen {} es keine Einigung.")


@pytest.mark.parametrize("text", [frame.format(form) for form in _FINITE_FORMS for frame in _RUN_FRAMES])
def test_a_sentence_without_a_run_form_cannot_start_a_free_indirect_run(text: str) -> None:
    """What lets free-indirect speech skip reading a sentence outside a run: without a listed
    Konjunktiv I or reportive form („sei“, „habe“, „soll“), its reading is neither; with
    one, the sentence is read as before."""
    from quotecheck.morph import reported_speech_forms
    from quotecheck.rules.free_indirect import read_sentence

    lexicon = _extractor().lexicon
    doc = _doc(text)
    (sentence,) = doc.sentences
    reading = read_sentence(doc, lexicon, sentence)
    if not any(t.text.lower() in reported_speech_forms(lexicon) for t in doc.tokens):
        assert not reading.reportive and not reading.konjunktiv_i, reading


@pytest.mark.parametrize(
    "bounds",
    [
        [(0, 8), (3, None)],  # the second starts inside the first, which was read, and runs past it
        [(0, 5), (9, None), (3, 12)],  # the third spans the gap between two that were read
        [(0, 0), (0, 6), (6, 6), (6, None)],  # empty sentences
    ],
)
def test_cue_positions_of_overlapping_sentences_answer_as_fresh_ones(lexicon: Lexicon, bounds: list[tuple[int, int | None]]) -> None:
    """A user's own text layer may let sentences overlap: a sentence read through the marks of
    earlier ones is read only when all its tokens were."""
    from quotecheck.columns import Paragraph, Sentence
    from quotecheck.rules.cues import Positions, _may_be_cue
    from quotecheck.text import TextLayer, tokenize

    text = "Kim sagte gestern etwas. Jan betonte heute, er erklärte alles und sagte nichts."
    tokens = list(tokenize(text))
    spans = [(a, len(tokens) if b is None else b) for a, b in bounds]
    sentences = [
        Sentence(tokens[a].start, tokens[b - 1].end if b > a else tokens[a].start, a, b, 0) for a, b in spans
    ]
    doc = Doc(layer=TextLayer(text, tokens, sentences, [Paragraph(0, len(text), 0, len(sentences))]), lemmatizer=lemmatize)
    read = Positions(lexicon, _may_be_cue, by_word=True)
    found = [read.in_sentence(doc, n) for n in range(len(spans))]
    assert found == [Positions(lexicon, _may_be_cue, by_word=True)._found(doc, a, b) for a, b in spans]
