"""quotecheck as a spaCy pipeline component (extra ``quotecheck-de[spacy]``).

>>> import spacy
>>> nlp = spacy.blank("de")
>>> _ = nlp.add_pipe("quotecheck")
>>> doc = nlp("„Wir bleiben hart“, sagte Anna Berger.")
>>> [(span.text, span.label_) for span in doc.spans["quotes"]]
[('Wir bleiben hart', 'direct')]
>>> [(span.text, span.kb_id_) for span in doc.spans["quote_speakers"]]
[('Anna Berger', 'Anna Berger')]

The factory is found through the ``spacy_factories`` entry point, so
``nlp.add_pipe("quotecheck")`` works without importing this module. The
component reads ``doc.text`` and runs quotecheck's own analysis on it; it does
not read the pipeline's tokens, tags, parse or entities (a German pipeline with
a parser and NER gives the same quotes as ``spacy.blank("de")``). The pipeline's
tokens matter only for the span groups: every quotecheck span is aligned to
them strictly (:meth:`spacy.tokens.Doc.char_span` with
``alignment_mode="strict"``); a span that starts or ends inside a token is left
out of the span groups, and a :class:`SpanAlignmentWarning` says how many.
``doc._.quotes`` always has every quote with every span, as character offsets
into ``doc.text``.

What the component sets (``id_`` of every span is its quote's id):

========================  ===============================  ===============================
``doc.spans[...]``        spans                            ``label_`` / ``kb_id_``
========================  ===============================  ===============================
``quotes``                each quote's content             kind / –
``quote_speakers``        speaker mentions                 speaker type / canonical name
``quote_addressees``      addressee mentions               addressee type / canonical name
``quote_sources``         intermediary sources             source type / canonical name
``quote_cues``            cues                             lemma (the cue's text if none) / –
``quote_frames``          introducing frames               kind / –
``quote_fragments``       verbatim fragments               ``fragment`` / –
========================  ===============================  ===============================

``doc._.quotes`` is the list of :class:`~quotecheck.model.Quote` objects and
``doc._.quote_records`` their JSON records (what ``quotecheck extract``
writes); the records are what the Doc stores, so ``Doc.to_bytes``, ``DocBin``
and ``nlp.pipe(texts, n_process=2)`` carry the quotes across processes.
"""

# No ``from __future__ import annotations``: spaCy validates the factory's
# settings from its signature's annotations at run time.

import warnings
from collections.abc import Iterator
from typing import Any

from quotecheck.config import ExtractorConfig, extractor_for
from quotecheck.errors import MissingExtra
from quotecheck.model import Quote, Role

try:
    from spacy.language import Language
    from spacy.tokens import Doc, Span
except ImportError as error:  # pragma: no cover - exercised only without spaCy
    raise MissingExtra("spacy", "spacy") from error

__all__ = ["DISPLACY_COLORS", "SPAN_KEYS", "QuotecheckComponent", "SpanAlignmentWarning", "make_quotecheck", "set_annotations"]

#: The span-group keys the component writes, one per role.
SPAN_KEYS = (
    "quotes",
    "quote_speakers",
    "quote_addressees",
    "quote_sources",
    "quote_cues",
    "quote_frames",
    "quote_fragments",
)

#: Colours for displaCy's span view of ``doc.spans["quotes"]``, one per kind:
#: ``displacy.render(doc, style="span", options={"spans_key": "quotes", "colors": DISPLACY_COLORS})``.
DISPLACY_COLORS = {
    "direct": "#7aecec",
    "indirect": "#feca74",
    "free_indirect": "#c887fb",
    "reported": "#aa9cfc",
}


class SpanAlignmentWarning(UserWarning):
    """Some quotecheck spans do not fall on the pipeline's token boundaries."""


def _quotes(doc: Doc) -> list[Quote] | None:
    records = doc._.quote_records
    return None if records is None else [Quote.from_dict(record) for record in records]


if not Doc.has_extension("quote_records"):
    Doc.set_extension("quote_records", default=None)
if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", getter=_quotes)


#: A span to place: (group key, start, end, label, kb_id, quote id).
_Wanted = tuple[str, int, int, str, str, str]


def _role_spans(quote: Quote) -> Iterator[_Wanted]:
    """Every span of ``quote`` with the group it belongs to and its labels."""

    def each(key: str, role: Role | None, label: str, kb_id: str = "") -> Iterator[_Wanted]:
        if role is not None:
            for span in role.spans:
                yield key, span.start, span.end, label, kb_id, quote.id

    yield from each("quotes", quote.content, quote.kind)
    for key, mention in (("quote_speakers", quote.speaker), ("quote_addressees", quote.addressee)):
        if mention is not None:
            yield from each(key, mention, mention.type, mention.name or "")
    for source in quote.sources:
        yield from each("quote_sources", source, source.type, source.name or "")
    if quote.cue is not None:
        yield from each("quote_cues", quote.cue, quote.cue.lemma or quote.cue.text)
    yield from each("quote_frames", quote.frame, quote.kind)
    for fragment in quote.fragments:
        yield from each("quote_fragments", fragment, "fragment")


def set_annotations(doc: Doc, quotes: list[Quote]) -> Doc:
    """Write ``quotes`` (found in ``doc.text``) onto ``doc``: extensions and span groups.

    Spans are aligned strictly to the tokens; those that cannot be are left
    out of the span groups and counted in one :class:`SpanAlignmentWarning`.
    """
    doc._.quote_records = [quote.to_dict() for quote in quotes]
    groups: dict[str, list[Span]] = {key: [] for key in SPAN_KEYS}
    missed: list[str] = []
    for key, start, end, label, kb_id, quote_id in (w for q in quotes for w in _role_spans(q)):
        span = doc.char_span(start, end, label=label, kb_id=kb_id, span_id=quote_id, alignment_mode="strict")
        if span is None:
            missed.append(f"{key} {doc.text[start:end]!r} [{start}, {end})")
        else:
            groups[key].append(span)
    for key, spans in groups.items():
        doc.spans[key] = spans
    if missed:
        total = sum(len(spans) for spans in groups.values()) + len(missed)
        examples = "; ".join(missed[:3]) + (" …" if len(missed) > 3 else "")
        warnings.warn(
            f"quotecheck: {len(missed)} of {total} spans do not fall on token boundaries and are "
            f"missing from doc.spans (doc._.quotes has them all): {examples}",
            SpanAlignmentWarning,
            stacklevel=2,
        )
    return doc


class QuotecheckComponent:
    """Finds the quotes of ``doc.text`` and writes them onto the Doc.

    The component holds only its name and an :class:`ExtractorConfig`; the
    extractor itself is this process's shared one
    (:func:`quotecheck.config.extractor_for`), so pickling the component for
    ``nlp.pipe(..., n_process=2)`` sends a few strings, and each worker process
    loads the lexica once.
    """

    def __init__(self, name: str = "quotecheck", config: ExtractorConfig | None = None) -> None:
        self.name = name
        self.config = config if config is not None else ExtractorConfig()
        extractor_for(self.config)  # load now: a bad setting fails in add_pipe, not on the first text

    def __call__(self, doc: Doc) -> Doc:
        quotes = extractor_for(self.config).extract(doc.text)
        return set_annotations(doc, quotes)

    def __reduce__(self) -> tuple[Any, tuple[str, ExtractorConfig]]:
        return QuotecheckComponent, (self.name, self.config)


@Language.factory(  # type: ignore[untyped-decorator,unused-ignore]
    "quotecheck",
    default_config={"backend": "embedded", "organizations": None, "stanza_dir": None},
    assigns=["doc._.quotes", "doc._.quote_records", "doc.spans"],
)
def make_quotecheck(
    nlp: Language,
    name: str,
    backend: str,
    organizations: str | None,
    stanza_dir: str | None,
) -> QuotecheckComponent:
    """``nlp.add_pipe("quotecheck", config={"organizations": "my_orgs.tsv"})``.

    The settings are :class:`~quotecheck.extractor.Extractor`'s: ``backend``
    (``embedded`` or ``stanza``), ``organizations`` (a TSV of extra agencies and
    media), ``stanza_dir``.
    """
    return QuotecheckComponent(name, ExtractorConfig(backend, organizations, stanza_dir))
