"""The candidate quote: what a rule hands to attribution, with the evidence it saw.

Pipeline stage 2 (rules) → stage 3 (attribution): the hand-over record.

Rules find *candidates*: content spans with the token ranges where their cue,
speaker and sources are to be looked for. Attribution turns candidates into
:class:`~quotecheck.model.Quote` objects; keeping the two apart means a new rule
never has to know how speakers are resolved. A candidate names the construction
that found it (:data:`RULE_NAMES`) and carries what the rule saw on the way
(:class:`Evidence`: the frame kind, the speaker phrase, the according-to
phrases), so that a later stage need not parse the frame again. Token positions
are :class:`~quotecheck.ranges.TokenRange`, character positions
:class:`~quotecheck.ranges.CharSpan`, never a bare tuple that could be either.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Iterable, Mapping

from attrs import field, frozen
from attrs.validators import in_, optional

from quotecheck import tuning
from quotecheck.lexicon import AccordingTo, SpeechVerb
from quotecheck.ranges import CharSpan, TokenRange, char_spans
from quotecheck.rules.claimed import char_span, claimed_tokens, overlaps

__all__ = [
    "FRAME_KINDS",
    "NO_EVIDENCE",
    "RULE_NAMES",
    "SourcePhrase",
    "Candidate",
    "CueMatch",
    "Evidence",
    "char_span",
    "claimed_tokens",
    "overlaps",
]

#: Every construction the default rules name (``Candidate.rule``, the output's ``rule``),
#: ``<rule>.<construction>``, with an example of each.
RULE_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "direct.frame_before": "„Kim sagte: „…““: a speech verb before the quote",
        "direct.frame_after": "„„…“, sagte Kim“: a speech verb after the quote",
        "direct.interrupted": "„„…“, sagte Kim, „…““: one quote in two parts around its frame",
        "direct.so_after": "„„…“, so der Minister“",
        "direct.impersonal_after": "„„…“, hieß es“: no speaker named",
        "direct.label": "„Merkel: „…““: a speaker label and a colon",
        "direct.continued": "a quote opening its sentence without a frame: the speaker goes on",
        "direct.embedded": "a long quoted sentence inside a sentence, without a frame",
        "direct.slogan": "„skandierten Parolen wie „…““, „mit der Aufschrift „…““: a slogan or inscription",
        "direct.piece": "„sagte, der Neubau sei „ein teurer Irrweg““: a verbatim piece of another quote, nested in it",
        "indirect.dass": "„Kim sagte, dass …“",
        "indirect.ob": "„Kim fragte, ob …“",
        "indirect.w_clause": "„Kim fragte, wer …“",
        "indirect.zu_infinitive": "„Kim versprach, die Steuern zu senken“",
        "indirect.v2_konjunktiv": "„Kim sagte, die Lage sei ernst“",
        "indirect.v2_indicative": "„Kim betonte, die Lage ist ernst“: a verb that always denotes speech",
        "indirect.reason": "„Das Amt lehnte den Antrag ab, weil die Unterlagen unvollständig seien“: a reason in Konjunktiv I",
        "indirect.frame_after": "„Die Lage sei ernst, sagte Kim.“",
        "indirect.wie_after": "„Die Lage sei ernst, wie der Kreml mitteilte.“",
        "indirect.wie_before": "„Wie der Anwalt mitteilte, brach er zusammen.“",
        "indirect.speech_noun": "„die Hoffnung, dass …“, „der Vorwurf, er habe …“",
        "indirect.report_of_previous": "„… Das teilte die Notenbank mit.“: the sentence before was said",
        "reported.act": "„Putin lobte die Soldaten für ihre Tapferkeit“",
        "reported.perfect": "„Brenneisen hatte die Vorwürfe zurückgewiesen“",
        "reported.passive": "„Von der Opposition wurde der Besuch als Wahlkampfshow kritisiert“",
        "reported.piece": "„Der Trainer nannte die Absage einen „Vertrauensbruch““",
        "reported.piece_before": "„Von einem „Skandal“ sprach der Abgeordnete“",
        "reported.passive_agent": "„Der Sieg wurde von X als „Meilenstein“ bezeichnet“: X speaks",
        "according.preposition": "„laut der Polizei“, „unter Berufung auf Kreise“",
        "according.postposition": "„der Polizei zufolge“",
        "according.noun_phrase": "„nach Angaben der Polizei“, „nach eigenen Angaben“, „seiner Ansicht nach“",
        "according.anaphoric": "„demnach“, „dem Bericht zufolge“: the speaker of the quote before",
        "according.relative": "„Studien der Charité, nach denen …“: the statement the relative clause refers to",
        "according.so": "„…, so der Minister.“",
        "according.impersonal": "„…, hieß es.“: no speaker named",
        "free_indirect.konjunktiv": "a sentence in Konjunktiv that continues a quote",
        "free_indirect.reportive": "„Der Täter soll geflohen sein“: reportive sollen/wollen",
    }
)

#: What introduces a quote (``Evidence.frame_kind``).
FRAME_KINDS: Mapping[str, str] = MappingProxyType(
    {
        "verb": "a speech verb („sagte“, „fügte … hinzu“, „brachte … zum Ausdruck“)",
        "colon": "a colon after a speaker label („Merkel:“)",
        "so": "„so“ and the speaker („…, so der Minister“)",
        "wie": "a wie-clause („wie der Kreml mitteilte“)",
        "according": "an according-to phrase of according_to.tsv („laut“, „zufolge“, „nach Angaben“)",
        "impersonal": "„hieß es“",
        "noun": "a noun of saying („die Hoffnung, dass …“)",
        "act": "the clause of a speech act told as an event („Putin lobte …“)",
        "passive_act": "the clause of a speech act told in the passive („Dem Vorstand wurde Untreue vorgeworfen“)",
    }
)


@frozen
class CueMatch:
    """A speech verb found in the text: its token(s) and lexicon entry."""

    tokens: tuple[int, ...]
    lemma: str
    verb: SpeechVerb | None = None


@frozen
class SourcePhrase:
    """An according-to phrase found in the text, with the owner it names.

    ``phrase`` are the phrase's words („unter Berufung auf“, „zufolge“), ``owner``
    the noun phrase it names („Regierungskreise“, „der Zeitung“), None when it
    names none („nach eigenen Angaben“, „demnach“). ``span`` covers both.
    """

    entry: AccordingTo
    phrase: TokenRange
    owner: TokenRange | None

    @property
    def span(self) -> TokenRange:
        """The phrase with its owner: „laut der Polizei“, „der Polizei zufolge“."""
        if self.owner is None:
            return self.phrase
        return TokenRange(min(self.phrase.start, self.owner.start), max(self.phrase.end, self.owner.end))

    @property
    def cue(self) -> TokenRange:
        """The tokens of the entry's cue words within the phrase („Meinung nach“ of „seiner Meinung nach“)."""
        start = self.phrase.start + self.entry.cue_offset
        return TokenRange(start, start + len(self.entry.cue_words))

    @property
    def relation(self) -> str | None:
        """How a source named through this phrase passed the words on (None when it names a speaker)."""
        return self.entry.relation

    @property
    def names_source(self) -> bool:
        """Whether the owner can be an intermediary: a source or a cited party, not a speaker's view."""
        return self.owner is not None and self.entry.names != "speaker"


@frozen
class Evidence:
    """What a rule saw besides the content: facts attribution can read instead of parsing again.

    ``frame_kind`` is one of :data:`FRAME_KINDS` (None without a frame);
    ``speaker`` the speaker noun phrase the rule found, when it found one;
    ``according`` the according-to entry that framed the quote; ``sources`` the
    according-to phrases the rule matched as sources of the quote.
    """

    frame_kind: str | None = field(default=None, validator=optional(in_(FRAME_KINDS)))
    speaker: TokenRange | None = None
    according: AccordingTo | None = None
    sources: tuple[SourcePhrase, ...] = ()


#: The evidence of a candidate whose rule saw nothing beyond its content.
NO_EVIDENCE = Evidence()


def _token_range(value: tuple[int, int] | None) -> TokenRange | None:
    if value is None or type(value) is TokenRange:
        return value
    return TokenRange(*value)


def _char_spans_or_none(value: Iterable[tuple[int, int]] | None) -> tuple[CharSpan, ...] | None:
    return None if value is None else char_spans(value)


@frozen
class Candidate:
    """A quote before attribution.

    ``content`` are the character spans of what was said; ``frame`` is the token
    range of the introducing clause (where the speaker and sources are sought);
    ``cue_spans`` the characters of a cue that is no verb (a colon, „laut“ …);
    ``speaker_tokens`` a speaker the rule fixed itself; ``inherit_speaker`` marks a
    quote without a frame of its own, whose speaker is the previous one. ``rule``
    names the construction that found it (one of :data:`RULE_NAMES` for the
    default rules) and ``evidence`` holds what else the rule saw.
    """

    kind: str
    content: tuple[CharSpan, ...] = field(converter=char_spans)
    sentence: int
    cue: CueMatch | None = None
    cue_spans: tuple[CharSpan, ...] | None = field(default=None, converter=_char_spans_or_none)
    frame: TokenRange | None = field(default=None, converter=_token_range)
    mood: str | None = None
    confidence: float = tuning.CANDIDATE_DEFAULT
    fragments: tuple[CharSpan, ...] = field(default=(), converter=char_spans)
    speaker_tokens: TokenRange | None = field(default=None, converter=_token_range)
    inherit_speaker: bool = False
    rule: str | None = None
    evidence: Evidence = NO_EVIDENCE
