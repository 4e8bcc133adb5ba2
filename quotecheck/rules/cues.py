"""Cue words: the speech verb, verbal phrase or according-to phrase that marks a quote.

Pipeline stage 2 (rules): helpers of every rule; the lexicon says what a cue is
(``speech_verbs.tsv``, ``according_to.tsv``), these functions find one at a token.

* :func:`match_speech_verb`: a single verb with its separated particle („fügte … hinzu“)
  or reflexive („äußerte sich“);
* :func:`find_cue`: also multi-word phrases („brachte … zum Ausdruck“), a particle
  after an apposition and participles the lemmatizer leaves alone („angedeutet“);
* :func:`according_phrase_at`: the longest according-to phrase at a token.
"""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Callable, Iterable, Iterator

import regex

from quotecheck import tuning
from quotecheck.analysis.base import RECENT_ANSWERS, Doc, RecentMemo, TokenAnswers, document_memo
from quotecheck.analysis.embedded import lemmatize as embedded_lemmatize
from quotecheck.lexicon import AccordingTo, Lexicon, SpeechVerb
from quotecheck.rules.candidate import CueMatch
from quotecheck.text import Token
from quotecheck.rules.clauses import SENTENCE_END, clause_end, clause_end_over_brackets, clause_start, is_word, tokens_between

__all__ = ["Positions", "according_phrase_at", "according_phrases_at", "cue_positions", "find_cue", "find_cue_among", "find_speech_verb", "match_speech_verb", "speech_verb_positions"]

#: A participle: optional separable particle, ge-, stem, -t/-et/-en.
_PARTICIPLE = regex.compile(r"^(?P<particle>\p{Ll}*?)ge(?P<stem>\p{Ll}{2,}?)(?:et|t|en)$")


def _lower_candidate(doc: Doc, index: int) -> bool:
    """Verbs are lower case, except at the start of a sentence or after a quote mark."""
    tok = doc.tokens[index]
    if tok.kind != "word":
        return False
    if tok.text[:1].islower():
        return True
    sent = doc.sentences[doc.layer.sentence_index(index)]
    previous = index - 1
    return index == sent.first or (previous >= 0 and doc.tokens[previous].kind in ("quote", "punct"))


def _may_be_speech_verb(doc: Doc, lexicon: Lexicon, index: int) -> bool:
    """Whether :func:`match_speech_verb` can answer at ``index`` at all, whatever its limit.

    A verb candidate („sagte“, „Betonte“ after a quotation mark) whose lemma or
    form is in the lexicon, alone or with a particle; most words are not.
    """
    return _lower_candidate(doc, index) and _speech_verb_word(doc, lexicon, index)


def _speech_verb_word(doc: Doc, lexicon: Lexicon, index: int) -> bool:
    """The part of :func:`_may_be_speech_verb` that reads only the word: its lemma or form is in the lexicon."""
    lemma = doc.lemma(index).lower()
    return (
        lemma in lexicon.speech_verbs
        or doc.tokens[index].text.lower() in lexicon.speech_verbs
        or lemma in lexicon.speech_verbs_by_base
    )


def match_speech_verb(doc: Doc, lexicon: Lexicon, index: int, limit: int) -> CueMatch | None:
    """The speech verb at token ``index``, with its separated particle if any.

    „fügte … hinzu“ is found by looking for the particle at the end of the clause
    (before ``limit``); a particle that makes a verb outside the lexicon („sagte
    den Termin ab“) means the word is not a speech verb here.
    """
    if not _lower_candidate(doc, index):
        return None
    word = doc.tokens[index].text.lower()
    lemma = doc.lemma(index).lower()
    entry = lexicon.speech_verbs.get(lemma) or lexicon.speech_verbs.get(word)
    bases = lexicon.speech_verbs_by_base.get(lemma, ())
    if entry is None and not bases:
        return None  # most words: no need to look for a particle at the clause end (see _may_be_speech_verb)
    found, other_verb = _with_particle(doc, lexicon, index, limit, lemma, entry, bases)
    if found is not None or other_verb:
        return found
    if index + 1 < limit and doc.tokens[index + 1].text.lower() in lexicon.clause.reflexives:
        # „zeigte sich zufrieden“, „äußerte sich“: the reflexive verb is its own entry
        reflexive = lexicon.speech_verbs.get(f"sich {lemma}")
        if reflexive is not None and reflexive.particle is None:
            return CueMatch((index,), reflexive.lemma, reflexive)
    if entry is not None and (entry.particle is None or entry.particle in word):
        return CueMatch((index,), entry.lemma, entry)
    for verb in bases:
        if verb.particle is None:
            return CueMatch((index,), verb.lemma, verb)
    return None


def _with_particle(
    doc: Doc, lexicon: Lexicon, index: int, limit: int, lemma: str, entry: SpeechVerb | None, bases: Iterable[SpeechVerb]
) -> tuple[CueMatch | None, bool]:
    """The verb at ``index`` with the separated particle that ends its clause, and whether the particle makes another verb.

    „fügte … hinzu“ → hinzufügen; „sagte den Termin ab“ → (None, True): „absagen“
    is no speech verb of the lexicon. A particle outside particles.txt („hielt …
    dagegen“) counts only where a verb of the lexicon has it.
    """
    end = clause_end_over_brackets(doc, index + 1, limit)
    if _opens_quoted_object(doc, end, limit):
        end = _end_after_quoted_object(doc, end, limit)  # „wies auf „große Lücken“ hin“, „rechnet mit „…““
    if not (end - 1 > index and is_word(doc, end - 1)):
        return None, False
    particle = doc.tokens[end - 1].text.lower()
    if not particle or not (particle in lexicon.particles or any(v.particle == particle for v in bases)):
        return None, False
    for verb in bases:
        if verb.particle == particle:
            return CueMatch((index, end - 1), verb.lemma, verb), False
    other_verb = (entry is None or entry.particle is None) and lexicon.speech_verbs.get(particle + lemma) is None
    return None, other_verb


def _opens_quoted_object(doc: Doc, end: int, limit: int) -> bool:
    """Whether the clause „ends“ at the opening mark of a quoted object („rechnet mit „…““): a mark right before a word."""
    tokens = doc.tokens
    return end + 1 < limit and tokens[end].kind == "quote" and is_word(doc, end + 1) and tokens[end].end == tokens[end + 1].start


def _end_after_quoted_object(doc: Doc, mark: int, limit: int) -> int:
    """The clause end after the quoted object opened at ``mark``; ``mark`` itself when its closing mark is not near.

    The word before the opening mark is then no particle („rechnet mit „schweren
    Krawallen““): the particle, if any, ends the clause after the quote („wies auf
    „große Lücken“ hin“). The closing mark is looked for over ``QUOTED_OBJECT_TOKENS``.
    """
    tokens = doc.tokens
    stop = min(limit, mark + 1 + tuning.QUOTED_OBJECT_TOKENS)
    close = next((k for k in range(mark + 1, stop) if tokens[k].kind == "quote"), None)
    return mark if close is None else clause_end_over_brackets(doc, close + 1, limit)


def find_speech_verb(doc: Doc, lexicon: Lexicon, start: int, end: int) -> CueMatch | None:
    """The first speech verb in the token range ``[start, end)``: the cue of a preposed frame.

    Only the words that may be speech verbs are tried, found once per sentence
    (:class:`Positions`): a sentence of many quotes („„Titel“, „Titel“, …“)
    asks this for every quote, from the sentence start.
    """
    positions = speech_verb_positions(doc, lexicon)
    for i in positions.within(doc, start, end):
        match = match_speech_verb(doc, lexicon, i, end)
        if match is not None:
            return match
    return None


#: How many cue answers by ``(token, limit)`` a document's :class:`Positions` keeps (the
#: last stored): several rules, and every candidate of a sentence, ask about the cues
#: near where the rules read, hardly ever about one far behind.
CUE_ANSWERS = 4 * RECENT_ANSWERS
#: A token's mark in :class:`Positions`: its sentence not read yet, no position, a position.
_UNREAD, _NO, _YES = 0, 1, 2


class Positions:
    """The tokens of one document where a rule's trigger may be, found sentence by sentence on demand.

    ``test(doc, lexicon, i)`` is the rule's cheap first test (most words are no
    verb of saying); it runs at most once per token, however many rules and
    candidates ask: :meth:`within` and :meth:`in_sentence` list the positions of a
    range or a sentence for a rule that scans it, :meth:`has` answers for one token.
    """

    __slots__ = ("lexicon", "test", "answers", "_by_sentence", "_marks", "_verdicts", "_by_word", "_word_test", "_place")

    def __init__(
        self,
        lexicon: Lexicon,
        test: Callable[[Doc, Lexicon, int], bool],
        *,
        by_word: bool = False,
        word_verdicts: dict[str, bool] | None = None,
        word_test: Callable[[Doc, Lexicon, int], bool] | None = None,
        place: Callable[[Doc, int], bool] | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.test = test
        #: The rule's answers by ``(index, limit)``: the same cue is asked for by
        #: several rules, and by every candidate of a sentence.
        self.answers: RecentMemo[tuple[int, int], CueMatch | None] = RecentMemo(CUE_ANSWERS)
        #: The position lists of the sentences read last; every sentence read is also
        #: marked in ``_marks``, a byte a token (:data:`_UNREAD`, :data:`_NO`, :data:`_YES`),
        #: from which its list is made again when asked after it went. Lists of every
        #: sentence, each with its ints, held about a byte per character of a long document.
        self._by_sentence: RecentMemo[int, list[int]] = RecentMemo(RECENT_ANSWERS)
        self._marks = bytearray()
        self._verdicts: TokenAnswers[bool] = TokenAnswers()  # a byte a token, not a dict entry
        #: With ``by_word`` the test is false for every token that is no word and
        #: otherwise reads only the word (its text and the lemma of its text), so a
        #: word repeated in the document is tested once: ``test`` is then
        #: ``place(doc, i) and word_test(doc, lexicon, i)`` (``word_test`` defaults
        #: to ``test``, ``place`` to any word), and a dict by text holds the word's
        #: answers, not a byte per token. A document with a backend's lemmas (per
        #: token, not per word) is tested token by token. ``word_verdicts`` shares
        #: these answers between documents (:func:`cue_positions`).
        self._by_word: dict[str, bool] | None = None
        self._word_test = word_test if word_test is not None else test
        self._place = place
        if by_word:
            self._by_word = word_verdicts if word_verdicts is not None else {}

    def has(self, doc: Doc, index: int, tok: Token | None = None) -> bool:
        """Whether the trigger may be at token ``index`` (``tok``, when the caller holds it already)."""
        words = self._by_word
        if words is not None and doc.lemmas is None:
            if tok is None:
                tok = doc.tokens[index]
            if tok.kind != "word" or self._place is not None and not self._place(doc, index):
                return False
            verdict = words.get(tok.text)
            if verdict is None:
                verdict = words[tok.text] = self._word_test(doc, self.lexicon, index)
            return verdict
        verdict = self._verdicts.get(index)
        if verdict is None:
            verdict = self._verdicts[index] = self.test(doc, self.lexicon, index)
        return verdict

    def in_sentence(self, doc: Doc, number: int) -> list[int]:
        """The positions of sentence ``number``, in order (found once; do not change the list)."""
        found = self._by_sentence.get(number)
        if found is None:
            sentence = doc.sentences[number]
            first, last = sentence.first, sentence.last
            marks = self._marks
            # read before: every token marked (one search in C; a user's layer may let
            # sentences overlap, and one starting inside a sentence read may run past it)
            if first < last <= len(marks) and marks.find(_UNREAD, first, last) < 0:
                found = []  # the marks say where, without a test
                k = marks.find(_YES, first, last)
                while k >= 0:
                    found.append(k)
                    k = marks.find(_YES, k + 1, last)
            else:
                found = self._found(doc, first, last)
                if len(marks) < last:
                    marks.extend(bytes(last - len(marks)))
                row = bytearray((_NO,)) * (last - first)
                for k in found:
                    row[k - first] = _YES
                marks[first:last] = row
            self._by_sentence[number] = found
        return found

    def _found(self, doc: Doc, first: int, last: int) -> list[int]:
        """The positions among tokens ``[first, last)``, each token tested (or its word's answer read)."""
        tokens = tokens_between(doc, first, last)
        words = self._by_word
        if words is None or doc.lemmas is not None:
            has = self.has
            return [i for i, tok in enumerate(tokens, first) if has(doc, i, tok)]
        found = []  # the words' answers read here, without a call per token
        test, lexicon, place = self._word_test, self.lexicon, self._place
        for i, (_, _, text, kind) in enumerate(tokens, first):  # unpacked: read once, not by name
            if kind != "word":
                continue
            verdict = words.get(text)
            if verdict is None:
                verdict = words[text] = test(doc, lexicon, i)
            if verdict and (place is None or place(doc, i)):
                found.append(i)
        return found

    def within(self, doc: Doc, start: int, end: int) -> Iterator[int]:
        """The positions in ``[start, end)``, in order."""
        if start >= end:
            return
        layer = doc.layer
        for number in range(layer.sentence_index(start), layer.sentence_index(end - 1) + 1):
            found = self.in_sentence(doc, number)
            for k in range(bisect.bisect_left(found, start), len(found)):
                if found[k] >= end:
                    return
                yield found[k]


def speech_verb_positions(doc: Doc, lexicon: Lexicon) -> Positions:
    """The tokens of ``doc`` where :func:`match_speech_verb` may find a verb (computed once per document)."""
    return document_memo(
        doc,
        ("speech verb positions", id(lexicon)),
        lambda: Positions(
            lexicon,
            _may_be_speech_verb,
            by_word=True,
            word_verdicts=_word_verdicts(lexicon, doc, "speech verb"),
            word_test=_speech_verb_word,
            place=_lower_candidate,
        ),
    )


def _may_be_cue(doc: Doc, lexicon: Lexicon, index: int) -> bool:
    """Whether :func:`find_cue` can answer at ``index`` at all, whatever its limit.

    A word whose lemma or form is a speech verb („sagte“), the verb of a speech
    phrase („brachte … zum Ausdruck“) or a speech verb's participle the
    lemmatizer left alone („angedeutet“); about 2 % of the words of a news text.
    """
    tok = doc.tokens[index]
    if tok.kind != "word":
        return False
    lemma = doc.lemma(index).lower()
    word = tok.text
    known = lemma in lexicon.speech_verbs_by_base or lemma in lexicon.speech_verbs or word.lower() in lexicon.speech_verbs
    if known or lemma in lexicon.speech_phrases_by_base:
        return True
    # Neither known nor a phrase's verb, :func:`_cue_at` can answer only by
    # :func:`_participle_verb`, whatever the limit: its phrase, verb and particle
    # steps all start from the lemma's entries. So a word that merely holds „ge“
    # („gegen“, „gestern“, „festgenommen“) is no position, and no rule asks it.
    return (
        word.islower()
        and (lexicon.morph.may_be_participle(word) or word in lexicon.frames.participles)
        and _participle_verb(lexicon, word) is not None
    )


def cue_positions(doc: Doc, lexicon: Lexicon) -> Positions:
    """The tokens of ``doc`` where :func:`find_cue` may find a cue (computed once per document).

    A rule that scans a clause for its speech verb visits these, not every word:
    ``for k in cue_positions(doc, lexicon).within(doc, start, end)``.
    """
    return document_memo(
        doc, ("cue positions", id(lexicon)), lambda: Positions(lexicon, _may_be_cue, by_word=True, word_verdicts=_word_verdicts(lexicon, doc, "cue"))
    )


#: The answers of the word tests (:func:`_may_be_cue`, :func:`_speech_verb_word`) by
#: word, for each lexicon and test, with the packaged lemmatizer: the tests read
#: nothing else, the lemmatizer is a pure function of the word, and a news text's
#: words recur in the next one („sagte“, „Montag“).
_WORD_VERDICTS: weakref.WeakKeyDictionary[Lexicon, dict[str, dict[str, bool]]] = weakref.WeakKeyDictionary()
#: How many words the shared verdicts of one test hold before they start afresh (a few MB per lexicon and test).
_WORD_VERDICTS_SIZE = 50_000


def _word_verdicts(lexicon: Lexicon, doc: Doc, test: str) -> dict[str, bool] | None:
    """The verdicts of the word test ``test`` that documents share, or None for this document alone.

    Only with the packaged lemmatizer: a backend's own lemmatizer may change its
    answers between documents (a table the user fills in), be made anew for each
    document, or not be hashable at all; its documents keep their verdicts to themselves.
    """
    if doc.lemmatizer is not embedded_lemmatize:
        return None
    verdicts = _WORD_VERDICTS.setdefault(lexicon, {}).setdefault(test, {})
    if len(verdicts) >= _WORD_VERDICTS_SIZE:
        verdicts.clear()
    return verdicts


def _match_phrase(doc: Doc, lexicon: Lexicon, index: int, lemma: str, limit: int) -> CueMatch | None:
    """A multi-word speech phrase whose verb is at ``index`` („brachte … zum Ausdruck“)."""
    phrases = lexicon.speech_phrases_by_base.get(lemma)
    if not phrases:
        return None
    tokens = doc.tokens
    start = clause_start(doc, index, doc.sentences[doc.layer.sentence_index(index)].first)
    end = clause_end(doc, index + 1, limit)
    window: dict[str, int] = {}
    for k in range(max(start, index - tuning.PHRASE_WINDOW_BEFORE), min(end, index + tuning.PHRASE_WINDOW_AFTER)):
        if k != index and tokens[k].kind == "word":
            window.setdefault(tokens[k].text.lower(), k)
    word = tokens[index].text.lower()
    for phrase in phrases:
        found = [index]
        ok = True
        for part in phrase.lemma.split()[:-1]:
            low = part.lower()
            if low in window:
                found.append(window[low])
            elif low in lexicon.rule_words.phrase_determiner or low in lexicon.clause.reflexives:
                continue
            elif phrase.particle == part and part in word:
                continue
            else:
                ok = False
                break
        if ok and phrase.particle and phrase.particle not in word and phrase.particle.lower() not in window:
            ok = False
        elif ok and phrase.particle and phrase.particle.lower() in window and window[phrase.particle.lower()] not in found:
            found.append(window[phrase.particle.lower()])
        if ok and len(found) > 1:
            return CueMatch(tuple(sorted(found)), phrase.lemma, phrase)
    return None


def find_cue(doc: Doc, lexicon: Lexicon, index: int, limit: int) -> CueMatch | None:
    """The speech verb or verbal phrase at token ``index``, if any.

    Phrases first („brachte … zum Ausdruck“, „wurde bekannt“), then single verbs
    with their separated particle, then participles the lemmatizer leaves alone
    („angedeutet“ → andeuten).
    """
    return find_cue_among(doc, lexicon, index, limit, cue_positions(doc, lexicon))


def find_cue_among(doc: Doc, lexicon: Lexicon, index: int, limit: int, positions: Positions) -> CueMatch | None:
    """:func:`find_cue` for a caller that holds ``cue_positions(doc, lexicon)`` already.

    A loop over a sentence's cues („for k in positions.within(…)“) fetches them
    once, not once per cue. They must be this document's and lexicon's: their
    answers are kept by token and limit, so another document's would answer for
    its own words („sagte“ where this text says „betonte“).
    """
    if not positions.has(doc, index):
        return None  # cheap exit, once per token: most words are no verb of saying
    answers = positions.answers
    key = (index, limit)
    if key in answers:
        return answers[key]
    found = answers[key] = _cue_at(doc, lexicon, index, limit)
    return found


def _cue_at(doc: Doc, lexicon: Lexicon, index: int, limit: int) -> CueMatch | None:
    """:func:`find_cue` at a token that passed the cheap test."""
    lemma = doc.lemma(index).lower()
    word = doc.tokens[index].text
    phrase = _match_phrase(doc, lexicon, index, lemma, limit)
    if phrase is not None:
        return phrase
    match = match_speech_verb(doc, lexicon, index, limit)
    if match is not None:
        return match
    far = _particle_after_apposition(doc, lexicon, index, lemma, limit)
    if far is not None:
        return far
    participle = _participle_verb(lexicon, word)
    return None if participle is None else CueMatch((index,), *participle)


def _participle_verb(lexicon: Lexicon, word: str) -> tuple[str, SpeechVerb] | None:
    """(lemma, entry) of the speech verb whose participle ``word`` is, when the lemmatizer left it alone.

    „entschieden“ → entscheiden (an irregular participle without ge-, ``frames``);
    „angedeutet“ → andeuten (particle, ge-, stem, -et). A pure function of the word.
    """
    irregular = lexicon.frames.participles.get(word.lower())
    if irregular is not None and irregular in lexicon.speech_verbs:
        # „hat entschieden, …“: a participle without ge- that the lemmatizer leaves alone
        return irregular, lexicon.speech_verbs[irregular]
    if word.islower():
        m = _PARTICIPLE.match(word)
        if m:
            for candidate in (m["particle"] + m["stem"] + "en", m["particle"] + m["stem"] + "n"):
                entry = lexicon.speech_verbs.get(candidate)
                if entry is not None and not entry.is_phrase:
                    return entry.lemma, entry
    return None


def _particle_after_apposition(doc: Doc, lexicon: Lexicon, index: int, lemma: str, limit: int) -> CueMatch | None:
    """„gab der Leiter, Andreas Huber, bekannt, dass …“: the particle after an apposition."""
    bases = [v for v in lexicon.speech_verbs_by_base.get(lemma, ()) if v.particle is not None]
    if not bases or not doc.tokens[index].text.islower():
        return None
    tokens = doc.tokens
    commas = 0
    for k in range(index + 1, min(limit, index + tuning.APPOSITION_PARTICLE_TOKENS)):
        text = tokens[k].text
        if text == ",":
            commas += 1
            if commas > 2:
                return None
            continue
        if text in SENTENCE_END or text in (";", ":") or tokens[k].kind == "quote":
            return None
        # the particle ends the clause: a break follows, or the range given ends after it („…, Jan Berg, mit.“)
        if commas and text.islower() and (k + 1 == limit or k + 1 < limit and tokens[k + 1].text in (",", ":", ".")):
            for verb in bases:
                if verb.particle == text:
                    return CueMatch((index, k), verb.lemma, verb)
    return None


def according_phrase_at(doc: Doc, lexicon: Lexicon, i: int, last: int) -> AccordingTo | None:
    """The longest according-to phrase (``according_to.tsv``) starting at token ``i``, if any."""
    return next(according_phrases_at(doc, lexicon, i, last), None)


def according_phrases_at(doc: Doc, lexicon: Lexicon, i: int, last: int) -> Iterator[AccordingTo]:
    """Every according-to phrase starting at token ``i`` and ending before ``last``, longest first.

    „laut dem Bericht“ (anaphoric) and „laut“: the source grammar takes the
    shorter one when an owner follows („laut dem Bericht der Zeitung“).
    """
    tokens = doc.tokens
    found = lexicon.according_words_by_two.get(tokens[i].text.lower())
    if found is None:
        return
    by_second, alone = found
    for entry, words in by_second.get(tokens[i + 1].text.lower(), alone) if i + 1 < last else alone:
        if i + len(words) > last:
            continue
        # the first two words are the index's keys; the others are compared in lower case
        if all(tokens[i + k].text.lower() == words[k] for k in range(2, len(words))):
            yield entry
