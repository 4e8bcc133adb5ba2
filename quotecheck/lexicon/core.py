"""The lexicon: every German word list of quotecheck, loaded, checked and indexed.

Pipeline: no stage of its own; loaded once and handed to every rule and to attribution.
"""

from __future__ import annotations

import os
from typing import Mapping, TypeVar

import attrs
from attrs import field

from quotecheck.lexicon.compare_words import CompareWords
from quotecheck.lexicon.frames import FrameWords
from quotecheck.lexicon.indexes import (
    according_by_first_word,
    PhrasesAfter,
    according_words_by_first_word,
    according_words_by_two,
    alias_first_words,
    alias_indexes,
    closed_words,
    declension_variants,
    first_word_variants,
    freeze,
    phrases_by_base,
    report_slot_phrases,
    with_according_nouns,
    words_by_class,
)
from quotecheck.lexicon.readers import read_organizations
from quotecheck.lexicon.records import (
    REPORT_SLOTS,
    AccordingTo,
    OrgClass,
    Organization,
    Pronoun,
    RoleNoun,
    SpeechNoun,
    SpeechVerb,
    VerbForm,
)
from quotecheck.lexicon.pieces import PieceFrames
from quotecheck.lexicon.words import AttributionWords, ClauseWords, FunctionWords, Morph, RuleWords, TextWords, sizes

__all__ = ["Lexicon"]

V = TypeVar("V")

#: A compound's modifier must have at least this many characters („Ex-“, „Vize“).
_MIN_COMPOUND_PREFIX = 2

#: Each part of a compound time word has at least this many characters („Sonntag“ + „abend“).
_MIN_TIME_PART = 3

#: Look-up caches of a lexicon are emptied at this size, so that a long stream of
#: documents with ever new words keeps its memory flat.
_CACHE_SIZE = 200_000

#: Characters a surface may have beyond twice the longest alias and still name an
#: organisation (see :attr:`Lexicon.max_organization_chars`).
_ALIAS_MARGIN = 16


def _time_forms(times: frozenset[str]) -> frozenset[str]:
    """The time words and their compounds of two: a modifier of at least ``_MIN_TIME_PART``
    characters and a head of more („sonntag“ + „abend“, not „tag“ + „abend“)."""
    compounds = {first + head for first in times for head in times if len(first) >= _MIN_TIME_PART and len(head) > _MIN_TIME_PART}
    return frozenset(times | compounds)


def _remember(cache: dict[str, V], key: str, value: V) -> None:
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    cache[key] = value


@attrs.define(frozen=True, eq=False, repr=False)
class Lexicon:
    """All lexica of one language, loaded and checked.

    Build it with :func:`~quotecheck.lexicon.load_lexicon`; add a user gazetteer
    with :meth:`with_organizations`. The mappings are read-only. Every rule and
    every attribution step gets the lexicon as an argument, so
    ``Extractor(lexicon=…)`` decides what all of them know; what is derived from
    the entries (indexes, look-up caches) lives here too.
    """

    speech_verbs: Mapping[str, SpeechVerb]
    speech_verbs_by_base: Mapping[str, tuple[SpeechVerb, ...]]
    speech_phrases: tuple[SpeechVerb, ...]
    #: Noun form → its entry (``speech_nouns.tsv``): „Angaben“, „Erklärung“, „Hoffnung“.
    speech_nouns: Mapping[str, SpeechNoun]
    according_to: tuple[AccordingTo, ...]
    organizations: tuple[Organization, ...]
    alias_index: Mapping[str, Organization]
    alias_index_folded: Mapping[str, Organization]
    roles: Mapping[str, RoleNoun]
    titles: frozenset[str]
    pronouns: Mapping[str, tuple[Pronoun, ...]]
    konjunktiv: Mapping[str, tuple[VerbForm, ...]]
    #: Noun-phrase grammar words (``function_words.tsv``).
    words: FunctionWords
    #: Clause-edge words (``clause_words.tsv``), for the frame and the mood rules.
    clause: ClauseWords
    #: The small lists single speech rules need (``rule_words.tsv``).
    rule_words: RuleWords
    #: The small lists of the attribution package (``attribution_words.tsv``).
    attribution: AttributionWords
    #: Speech-act frames around quoted pieces (``piece_frames.tsv``).
    pieces: PieceFrames
    #: Words of the less common frames and speech acts (``frame_words.tsv``).
    frames: FrameWords
    #: Word classes and endings of the mood rules (``morph.tsv`` + clause words).
    morph: Morph
    #: What the tokenizer reads (``abbreviations.txt``, ``ordinals.tsv``).
    text: TextWords
    #: Organisation noun (lower case) → its class (``org_classes.tsv``).
    org_classes: Mapping[str, OrgClass]
    #: What ``quotecheck compare`` reads (stop words, spelling variants, name letters, speaks-for nouns).
    compare: CompareWords
    particles: frozenset[str] = frozenset()
    #: Given name → usual gender (m, f, any); see ``first_names.tsv``.
    first_names: Mapping[str, str] = field(factory=lambda: freeze({}))
    #: Derived indexes, built from the entries above (never passed in).
    according_index: Mapping[str, tuple[AccordingTo, ...]] = field(init=False, repr=False)
    #: The guarded anaphoric according-to words (``report_adverb`` of ``rule_words.tsv``) → their entry;
    #: they are not in :attr:`according_index` („Danach“ is mostly a time adverb).
    report_adverbs: Mapping[str, AccordingTo] = field(init=False, repr=False)
    #: The same phrases with their words in lower case, for matching them word by word.
    according_words: Mapping[str, tuple[tuple[AccordingTo, tuple[str, ...]], ...]] = field(init=False, repr=False)
    speech_phrases_by_base: Mapping[str, tuple[SpeechVerb, ...]] = field(init=False, repr=False)
    #: Nouns that introduce their content after a comma („die Hoffnung, dass …“).
    content_nouns: frozenset[str] = field(init=False, repr=False)
    #: Determiners, possessives and pronouns: never verbs („seinen“ ← sein).
    closed_words: frozenset[str] = field(init=False, repr=False)
    #: Word → its ``function_words.tsv`` classes (the mapping of :attr:`words`).
    function_words: Mapping[str, frozenset[str]] = field(init=False, repr=False)
    #: The longest surface that can name an organisation: twice the longest alias and a
    #: margin (declined endings, doubled spaces). Longer text („…“ of a whole paragraph)
    #: is no name, and is neither sliced nor cached for the look-up.
    max_organization_chars: int = field(init=False, repr=False)
    _compound_index: Mapping[str, RoleNoun] = field(init=False, repr=False)
    _role_cache: dict[str, RoleNoun | None] = field(init=False, repr=False)
    _org_suffix_cache: dict[str, tuple[tuple[int, OrgClass], ...]] = field(init=False, repr=False)
    #: Every lower-case form :meth:`is_time_word` accepts: a time word of ``function_words.tsv``
    #: or two of them compounded („montag“, „sonntagabend“); a finite set, so a word is one look-up.
    time_forms: frozenset[str] = field(init=False, repr=False)
    _organization_cache: dict[str, Organization | None] = field(init=False, repr=False)
    _alias_firsts: frozenset[str] = field(init=False, repr=False)
    _folded_alias_firsts: frozenset[str] = field(init=False, repr=False)
    _opener_cache: dict[str, bool] = field(init=False, repr=False)
    #: The lower-case forms with a reportive reading (:meth:`is_reportive` asks for every word).
    _reportive_forms: frozenset[str] = field(init=False, repr=False)
    #: Indexes the rules read at many words, derived once here (see the functions that read them:
    #: ``rules.cues.according_phrases_at``, ``rules.source_phrases.report_slots``,
    #: ``morph.reported_speech_forms``, ``rules.reported_passive``, ``attribution.words.words_of_class``).
    according_words_by_two: Mapping[str, PhrasesAfter] = field(init=False, repr=False)
    report_slot_phrases: Mapping[str, tuple[AccordingTo, ...]] = field(init=False, repr=False)
    #: Forms with a Konjunktiv I or a reportive reading („sei“, „habe“, „soll“).
    reported_speech_forms: frozenset[str] = field(init=False, repr=False)
    #: The passive and statal auxiliaries in the indicative, without the participle („worden“).
    indicative_passive_auxiliaries: frozenset[str] = field(init=False, repr=False)
    words_by_class: Mapping[str, frozenset[str]] = field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Case-folded compound heads; block entries take part so that
        # „Lebensmittelvorrat“ stops at „Vorrat“ instead of reaching „Rat“.
        index = {
            noun.casefold(): entry
            for noun, entry in self.roles.items()
            if entry.compound_head or entry.type == "block"
        }
        indexed = [e for e in self.according_to if not self._report_adverb(e)]
        derived = {
            "_compound_index": index,
            "according_index": according_by_first_word(indexed),
            "according_words": according_words_by_first_word(indexed),
            "report_adverbs": freeze({e.words[0].lower(): e for e in self.according_to if self._report_adverb(e)}),
            "speech_phrases_by_base": phrases_by_base(self.speech_phrases),
            "content_nouns": frozenset(form for form, noun in self.speech_nouns.items() if noun.content),
            "closed_words": closed_words(self.words.by_word, self.pronouns),
            "function_words": with_according_nouns(self.words.by_word, self.according_to),
            "max_organization_chars": 2 * max(map(len, self.alias_index), default=0) + _ALIAS_MARGIN,
            "_alias_firsts": alias_first_words(self.alias_index),
            "_folded_alias_firsts": alias_first_words(self.alias_index_folded),
            "_reportive_forms": frozenset(form for form, readings in self.konjunktiv.items() if any(r.reportive for r in readings)),
            "time_forms": _time_forms(self.words.time),
            # the look-up caches start empty here, not by ``field(factory=dict)`` (the compiled
            # build: see build_backend/quotecheck_build.py)
            "_role_cache": {},
            "_org_suffix_cache": {},
            "_organization_cache": {},
            "_opener_cache": {},
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)
        auxiliaries = self.clause.passive_auxiliaries | self.frames.statal_auxiliaries
        indexes = {
            "according_words_by_two": according_words_by_two(self.according_words),
            "report_slot_phrases": report_slot_phrases(self.according_index, REPORT_SLOTS),
            "reported_speech_forms": frozenset(
                form for form, readings in self.konjunktiv.items() if any(r.mood == "subj1" or r.reportive for r in readings)
            ),
            "indicative_passive_auxiliaries": frozenset(
                w for w in auxiliaries if w not in self.frames.passive_participles and self.mood(w) not in ("subj1", "subj2")
            ),
            "words_by_class": words_by_class(self.function_words),
        }
        for name, value in indexes.items():
            object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        return sizes(self)

    def _report_adverb(self, entry: AccordingTo) -> bool:
        """Whether an according-to entry is one guarded word (``report_adverb``: „danach“)."""
        return len(entry.words) == 1 and entry.words[0].lower() in self.rule_words.report_adverb

    # -- roles --

    def role_of(self, word: str) -> RoleNoun | None:
        """The role noun a word is or ends in, or None.

        An exact entry wins („Bundeskanzler“); otherwise the longest compound head
        the word ends in, compared case-insensitively („Gewerkschaftschef“ → Chef,
        „Innenministerin“ → Ministerin, „Gesundheitsministerium“ → Ministerium). A
        genitive -s/-es is stripped when nothing else matches („Ministers“). Only
        capitalised words are read as compounds.
        """
        try:
            return self._role_cache[word]
        except KeyError:
            pass
        result = None
        candidates = [word]
        if len(word) > 3 and word.endswith("s"):
            candidates.append(word[:-1])
            if word.endswith("es"):
                candidates.append(word[:-2])
        for candidate in candidates:
            entry = self._role_entry(candidate)
            if entry is not None:
                result = None if entry.type == "block" else entry
                break
        _remember(self._role_cache, word, result)
        return result

    def _role_entry(self, word: str) -> RoleNoun | None:
        entry = self.roles.get(word)
        if entry is not None or not word[:1].isupper():
            return entry
        folded = word.casefold()
        index = self._compound_index
        # longest suffix first: one dictionary look-up per position, not per head
        for start in range(_MIN_COMPOUND_PREFIX, len(folded)):
            head = index.get(folded[start:])
            if head is not None:
                return head
        return None

    # -- organisation classes --

    def org_suffixes(self, noun: str) -> tuple[tuple[int, OrgClass], ...]:
        """Every ``org_classes.tsv`` noun the word ends in, longest first, with where it starts.

        „Außenministerium“ → ((0, außenministerium), (5, ministerium)): the word
        itself, then its compound heads. The organisation-class questions of
        attribution (class, gender, seat) read this one scan, cached.
        """
        try:
            return self._org_suffix_cache[noun]
        except KeyError:
            pass
        folded = noun.casefold()
        table = self.org_classes
        found = tuple((k, table[folded[k:]]) for k in range(len(folded)) if folded[k:] in table)
        _remember(self._org_suffix_cache, noun, found)
        return found

    # -- time words --

    def is_time_word(self, word: str) -> bool:
        """A weekday, month or time of day, alone or compounded („Sonntagabend“, „Montagmorgen“)."""
        return word.lower() in self.time_forms

    # -- organisations --

    def organization(self, surface: str) -> Organization | None:
        """The gazetteer entry a surface form names, or None.

        Exact alias first („Associated Press“, „Kremls“); then a sentence-initial
        capital on a lower-case alias („Dpa“ → dpa); then, for an all-capitals
        surface („REUTERS“), the case-folded alias when it is unambiguous; then a
        declined multi-word form („der Deutschen Bahn“ → Deutsche Bahn). Answers are
        cached: mention parsing asks about the same words many times per document.
        """
        if len(surface) > self.max_organization_chars:
            return None
        try:
            return self._organization_cache[surface]
        except KeyError:
            pass
        result = self._find_organization(surface)
        _remember(self._organization_cache, surface, result)
        return result

    def may_open_organization(self, word: str) -> bool:
        """Whether a surface whose first word is ``word`` can name an organisation at all.

        False only where none of :meth:`organization`'s look-ups can succeed: no
        alias begins with the word, with its first letter in lower case („Dpa“),
        case-folded („REUTERS“) or with a nominative ending („Deutschen“ →
        „Deutsche“). Mention parsing tries every span of up to five words against
        the gazetteer; a word that opens no alias spares all the spans it opens.
        A ``word`` with a space inside may (its first word is another). The
        case-folded look-up is only for an all-capitals surface: a word with a
        lower-case letter („der“; „DER SPIEGEL“ is found) opens nothing by it.
        """
        try:
            return self._opener_cache[word]
        except KeyError:
            pass
        firsts = self._alias_firsts
        found = (
            word.split() != [word]  # a space inside: its first word is another
            or word in firsts
            or word[:1].isupper() and word[0].lower() + word[1:] in firsts
            or word.casefold() in self._folded_alias_firsts and word.upper() == word
            or any(variant in firsts for variant in first_word_variants(word))
        )
        _remember(self._opener_cache, word, found)
        return found

    def _find_organization(self, surface: str) -> Organization | None:
        surface = " ".join(surface.split())
        entry = self.alias_index.get(surface)
        if entry is not None or not surface:
            return entry
        if surface[0].isupper():
            entry = self.alias_index.get(surface[0].lower() + surface[1:])
            if entry is not None:
                return entry
        if surface.isupper() and sum(c.isalpha() for c in surface) > 1:
            return self.alias_index_folded.get(surface.casefold())
        if " " in surface:
            for variant in declension_variants(surface):
                entry = self.alias_index.get(variant)
                if entry is not None:
                    return entry
        return None

    def with_organizations(self, path: str | os.PathLike[str]) -> Lexicon:
        """A new lexicon with the entries of a user gazetteer added.

        The file has the format of ``agencies.tsv``. A user entry with the name of
        a packaged entry replaces it, and user aliases win over packaged ones.
        Raises :class:`~quotecheck.errors.LexiconError` (a ValueError) naming the
        file and line of a malformed entry.
        """
        user = read_organizations(path)
        replaced = {entry.name for entry in user}
        merged = tuple(e for e in self.organizations if e.name not in replaced) + user
        exact, folded = alias_indexes(merged)
        return attrs.evolve(self, organizations=merged, alias_index=exact, alias_index_folded=folded)

    # -- verbs --

    def mood(self, form: str, person_number: str | None = None) -> str | None:
        """The mood a finite form shows: subj1, subj2, ind, ambiguous, or None if unlisted.

        With ``person_number`` („3sg“) only readings for that person count: „habe“ is
        ambiguous alone but subj1 in the 3rd person singular.
        """
        readings = self.konjunktiv.get(form.lower(), ())
        if person_number is not None:
            readings = tuple(r for r in readings if person_number in r.person_number)
        moods = {r.mood for r in readings}
        if not moods:
            return None
        return moods.pop() if len(moods) == 1 else "ambiguous"

    def is_reportive(self, form: str) -> bool:
        """True for a form of reportive sollen/wollen („soll“, „wolle“)."""
        return form.lower() in self._reportive_forms
