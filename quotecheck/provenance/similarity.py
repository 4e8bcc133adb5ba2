"""How alike two renderings are, and when they render the same statement.

Stage: compare (across documents), step 3 — the measure that grouping applies to
each candidate pair.

The measure (every number is a field of :class:`CompareConfig`):

``lemmas``
    The Ochiai (cosine) coefficient of the two content-lemma sets,
    ``|A ∩ B| / sqrt(|A| · |B|)``. It rewards shared content words whatever the
    rendering does around them — direct or indirect, Konjunktiv or indicative,
    „wir“ or „sie“ — and, unlike Jaccard, does not punish a short rendering
    of a long statement too hard: a partial quote of 4 of 12 content words
    scores 0.58, a paraphrase sharing 5 of 10 and 10 scores 0.5.
``verbatim``
    The longest run of identical words (normalised, punctuation ignored) that
    the two share, divided by the shorter rendering's length in words, when
    that run has at least ``verbatim_run`` words: „die Armee habe Mut und Treue
    gezeigt“ and „Mut und Treue gezeigt“ share a run of 4. A verbatim piece
    survives paraphrase around it, which the lemma sets dilute.

``similarity = max(lemmas, verbatim)``. A pair renders the same statement when

- the similarity reaches ``threshold`` (default 0.3: the event corpus's
  paraphrases — a headline „Kreml fordert Freigabe von Fischtrawler“ against
  „die sofortige Freigabe des Schiffes und seiner Besatzung“ — share few
  content words, and at 0.3 the gold quotes are still grouped with precision
  1.0), and
- when both speakers are known and are different entities (neither speaking
  for the other, :func:`quotecheck.provenance.names.one_side`), the
  similarity reaches ``other_speaker_threshold`` (default 0.6) instead: the
  same words given to another person (a misattribution, which the comparison
  exists to find) share most of their words; two people who merely speak
  about the same thing share only some („Die Bahn muss mehr in das
  Schienennetz investieren“ / „Die Bahn investiert bereits Milliarden in das
  Netz“: 0.5, two statements).

Two renderings that share fewer than ``min_lemmas`` content lemmas are one
statement only when the same known person says both: one shared word is
chance („Die Stadt verkauft die Stadtwerke nicht“ / „Die Stadt baut ein
Hallenbad“, Ochiai 0.33). A rendering without content lemmas (a reported
„das“, „Das stimmt“) is a group of its own. Renderings with fewer than ``min_lemmas`` content lemmas
(„Wir werden nicht nachgeben“) carry too little to recognise across
documents: they are grouped with a rendering whose words are identical, or,
when the speaker is the same known person, whose content lemmas are the same
or with which they share a verbatim run.

A rendering of several sentences („Der Rückruf kommt viel zu spät. Die ersten
Beschwerden gab es schon vor zwei Wochen.“) is also compared **sentence by
sentence**: another outlet that gives one of those sentences as a quote of its
own („der Rückruf komme zu spät“) renders the same statement, though against
the whole it shares only a third of the content words (Ochiai 0.58 instead of
1.0). Each sentence is measured like a rendering of its own, with the same
thresholds, except that two sentences sharing fewer than ``min_lemmas`` content
lemmas join only when both speakers are the same known person — one shared
word between two short pieces, or identical short sentences („Das ist
falsch.“) of different people, are no evidence of one statement, and two
different people's quotes join on a piece only when the wholes also reach
``threshold`` (:func:`same_sentence`). The spans of a quotation its frame interrupts („Der
Staat steigt nicht ein“, betonte sie, „die Bürgschaft ist an Bedingungen
geknüpft“) are pieces too: another outlet may quote one of them alone.

The thresholds were chosen on our own test sentences and the event corpus
(``corpus/events``); ``benchmarks/compare_accuracy.py`` prints what they give,
and ``--threshold`` tries another.
"""

from __future__ import annotations

import math
from difflib import SequenceMatcher
from typing import Sequence

from attrs import field, frozen
from attrs.validators import ge, gt, instance_of, le

__all__ = ["OTHER", "SAME", "UNKNOWN", "CompareConfig", "Piece", "lemma_score", "longest_run", "same_sentence",
           "same_statement", "sentence_similarity", "similarity", "verbatim_score"]


@frozen
class CompareConfig:
    """The parameters of the comparison, with the defaults the benchmark measures.

    Similarity (see the module docstring): ``threshold``,
    ``other_speaker_threshold``, ``verbatim_run``, ``min_lemmas``.
    Candidate pairs (:mod:`quotecheck.provenance.lsh`): ``bands`` × ``rows``
    MinHash values per rendering, and ``bucket_window``, the most recent
    renderings of one bucket each new one is compared with; ``max_rejected``
    (at most 255), how many candidates of one rendering may fail the measure
    before its remaining candidates are skipped (chance meetings in a bucket
    grow with the input; true renderings of one statement meet in many bands
    and are found among the first). ``anchor_size``:
    a join that would make a group larger than this also needs each quote of
    the pair to render one statement with the other group's first quote
    (:meth:`quotecheck.provenance.grouping.Comparison._anchored`).
    """

    threshold: float = field(default=0.3, validator=[instance_of(float), ge(0.0), le(1.0)])
    other_speaker_threshold: float = field(default=0.6, validator=[instance_of(float), ge(0.0), le(1.0)])
    verbatim_run: int = field(default=4, validator=[instance_of(int), gt(0)])
    min_lemmas: int = field(default=2, validator=[instance_of(int), ge(0)])
    bands: int = field(default=24, validator=[instance_of(int), gt(0)])
    rows: int = field(default=2, validator=[instance_of(int), gt(0)])
    bucket_window: int = field(default=6, validator=[instance_of(int), gt(0)])
    anchor_size: int = field(default=8, validator=[instance_of(int), ge(1)])
    max_rejected: int = field(default=8, validator=[instance_of(int), ge(1), le(255)])


def lemma_score(a: frozenset[int] | set[int], b: frozenset[int] | set[int]) -> float:
    """Ochiai coefficient of two content-lemma sets (0.0 when either is empty).

    >>> lemma_score({1, 2, 3, 4}, {2, 3, 4, 5})
    0.75
    """
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def longest_run(a: Sequence[int], b: Sequence[int]) -> int:
    """Length of the longest run of equal words two word sequences share.

    >>> longest_run([1, 2, 3, 4, 5], [9, 2, 3, 4, 8])
    3
    """
    if not a or not b:
        return 0
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def verbatim_score(a: Sequence[int], b: Sequence[int], min_run: int) -> float:
    """The shared verbatim run over the shorter length, 0.0 below ``min_run`` words.

    >>> verbatim_score([1, 2, 3, 4, 5, 6], [7, 2, 3, 4, 5], 4)
    0.8
    >>> verbatim_score([1, 2, 3], [1, 2, 3], 4)  # identical, but short: still verbatim
    1.0
    """
    shorter = min(len(a), len(b))
    if shorter == 0:
        return 0.0
    run = longest_run(a, b)
    return run / shorter if run >= min(min_run, shorter) else 0.0


def similarity(
    lemmas_a: frozenset[int], words_a: Sequence[int], lemmas_b: frozenset[int], words_b: Sequence[int],
    config: CompareConfig,
) -> float:
    """``max(lemma_score, verbatim_score)``: how alike two renderings' words are, for the report.

    Not the decision (:func:`same_statement`): that also weighs who speaks and
    needs ``min_lemmas`` shared content lemmas unless one known person says
    both, so „Die Stadt verkauft die Stadtwerke nicht“ / „Die Stadt baut ein
    Hallenbad“ scores 0.33 here and is still two statements.
    """
    if not lemmas_a or not lemmas_b:
        return 0.0
    score = lemma_score(lemmas_a, lemmas_b)
    if score >= 1.0:
        return score
    return max(score, verbatim_score(words_a, words_b, config.verbatim_run))


#: How the speakers of a pair relate: both known and one entity, both known and different, or not known.
SAME, OTHER, UNKNOWN = "same", "other", "unknown"


def same_statement(
    lemmas_a: frozenset[int], words_a: Sequence[int], lemmas_b: frozenset[int], words_b: Sequence[int],
    speakers: str, config: CompareConfig,
) -> bool:
    """Whether two renderings render one statement (the decision rule of the module docstring).

    ``speakers`` is :data:`SAME`, :data:`OTHER` or :data:`UNKNOWN`. Computes
    only as much of :func:`similarity` as the decision needs: the verbatim run
    is looked for only when the lemmas fall short and the two share enough
    words to hold such a run.

    >>> config = CompareConfig()
    >>> a, b = frozenset({1, 2, 3, 4}), frozenset({1, 2, 5, 6})  # Ochiai 0.5
    >>> same_statement(a, [1, 2, 3, 4], b, [1, 2, 5, 6], UNKNOWN, config)
    True
    >>> same_statement(a, [1, 2, 3, 4], b, [1, 2, 5, 6], OTHER, config)
    False
    >>> same_statement(frozenset({7}), [1, 2, 3, 7], frozenset({7}), [1, 2, 7], SAME, config)  # „Wir werden (nicht) nachgeben“
    True
    """
    if not lemmas_a or not lemmas_b:
        return False
    if min(len(lemmas_a), len(lemmas_b)) < config.min_lemmas:
        if tuple(words_a) == tuple(words_b):
            return True
        if speakers != SAME or not lemmas_a or not lemmas_b:
            return False
        return lemmas_a == lemmas_b or verbatim_score(words_a, words_b, config.verbatim_run) >= config.threshold
    needed = config.other_speaker_threshold if speakers == OTHER else config.threshold
    if speakers != SAME and len(lemmas_a & lemmas_b) < config.min_lemmas:
        return False  # one shared content word is chance, unless the same person says it
    if lemma_score(lemmas_a, lemmas_b) >= needed:
        return True
    run = min(config.verbatim_run, len(words_a), len(words_b))
    if len(set(words_a) & set(words_b)) < run or not _share_run(words_a, words_b, run):
        return False
    return verbatim_score(words_a, words_b, config.verbatim_run) >= needed


#: A rendering or one of its sentences as the measure reads it: its content-lemma set and its word numbers.
Piece = tuple[frozenset[int], Sequence[int]]


def same_sentence(
    sentences_a: Sequence[Piece], sentences_b: Sequence[Piece], speakers: str, config: CompareConfig,
    whole: float = 1.0,
) -> bool:
    """Whether a sentence of one rendering renders one statement with a sentence of the other.

    Asked when the two renderings as wholes do not pass :func:`same_statement`
    and at least one of them has several sentences (a rendering of one
    sentence is given as its single piece). The decision rule is the one of
    :func:`same_statement`, except that two pieces which share fewer than
    ``min_lemmas`` content lemmas need the same known speaker on both sides: a
    piece is short, and one shared word is chance („und er wird nicht ohne
    Antwort bleiben“ / „Die Autobahn bleibt gesperrt“), as is „Das ist
    falsch.“ said by two people in two long quotes. And for two different
    people the wholes (their lemma score ``whole``) must still reach
    ``threshold``: a piece they share while the rest of both quotes differs
    („…, die Zahlen seien „verfrüht““ closing two unrelated quotes) is a
    shared phrase, not the same words given to someone else.

    >>> config = CompareConfig()
    >>> rueckruf, beschwerde = (frozenset({1, 2, 3}), [1, 2, 3]), (frozenset({4, 5, 6}), [4, 5, 6])
    >>> same_sentence([rueckruf, beschwerde], [(frozenset({1, 2, 3}), [9, 1, 2, 3])], OTHER, config)
    True
    >>> same_sentence([rueckruf, beschwerde], [(frozenset({1, 2, 8}), [1, 2, 8])], UNKNOWN, config)
    True
    >>> same_sentence([rueckruf, beschwerde], [(frozenset({1, 7, 8}), [1, 7, 8])], UNKNOWN, config)  # one word shared
    False
    >>> same_sentence([rueckruf, (frozenset({9}), [9])], [(frozenset({9}), [9])], OTHER, config)  # „Das ist falsch.“
    False
    >>> same_sentence([rueckruf, beschwerde], [(frozenset({1, 2, 3}), [9, 1, 2, 3])], OTHER, config, whole=0.2)
    False
    """
    if speakers == OTHER and whole < config.threshold:
        return False
    for lemmas_a, words_a in sentences_a:
        for lemmas_b, words_b in sentences_b:
            if speakers != SAME and len(lemmas_a & lemmas_b) < config.min_lemmas:
                continue
            if same_statement(lemmas_a, words_a, lemmas_b, words_b, speakers, config):
                return True
    return False


def sentence_similarity(sentences_a: Sequence[Piece], sentences_b: Sequence[Piece], config: CompareConfig) -> float:
    """The highest :func:`similarity` of a sentence of one rendering and a sentence of the other.

    >>> sentence_similarity([(frozenset({1, 2}), [1, 2]), (frozenset({3, 4}), [3, 4])], [(frozenset({3, 4}), [3, 4])],
    ...                     CompareConfig())
    1.0
    """
    return max((similarity(la, wa, lb, wb, config) for la, wa in sentences_a for lb, wb in sentences_b), default=0.0)


def _share_run(a: Sequence[int], b: Sequence[int], run: int) -> bool:
    """Whether ``a`` and ``b`` share a run of ``run`` equal words (a cheap test before the search)."""
    grams = {tuple(a[i : i + run]) for i in range(len(a) - run + 1)}
    return any(tuple(b[i : i + run]) in grams for i in range(len(b) - run + 1))
