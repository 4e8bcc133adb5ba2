"""Mixed quotation: the verbatim pieces of a reported quote as direct quotes of their own.

Pipeline stage 4 (quotes), after attribution: attributed quotes → the same quotes,
each followed by the direct quotes nested in it.

„Die Stadträtin sagte, der Neubau sei „ein teurer Irrweg“ und müsse „sofort
gestoppt“ werden.“ reports her words indirectly, and two pieces of them verbatim.
The indirect quote keeps the pieces as its ``fragments``; each piece is also a
``direct`` quote of its own whose ``parent`` is the indirect quote's id. Whoever
said the clause said its words: a nested quote takes its parent's speaker,
addressee, cue, frame and sources, as the WikiNews annotation does for most of
its nested Direct quotes (speaker, cue and frame equal to the enclosing quote's
in 174 of 238 in the training split). The same holds for the pieces of a
reported speech act („nannte den Plan „unrealistisch““) and of a free indirect
sentence.

Which quoted pieces are fragments at all (not titles or names) is decided
before attribution, by :func:`quotecheck.rules.fragments.attach_fragments`.
"""

from __future__ import annotations

from typing import Iterator, Sequence

from quotecheck.analysis.base import Doc
from quotecheck.model import Quote

__all__ = ["NESTED_RULE", "nest_pieces", "nested_quotes"]

#: The ``rule`` of a nested quote (see :data:`~quotecheck.rules.candidate.RULE_NAMES`).
NESTED_RULE = "direct.piece"


def nest_pieces(doc: Doc, quotes: Sequence[Quote]) -> list[Quote]:
    """``quotes`` with the nested direct quotes of each one right after it (text order is kept).

    A quote that already has a parent, or is direct, nests nothing.

    >>> from quotecheck import Extractor
    >>> quotes = Extractor().extract("Die Stadträtin sagte, der Neubau sei „ein teurer Irrweg“.")
    >>> [(q.id, q.kind, q.content.text, q.parent) for q in quotes]
    [('q1', 'indirect', 'der Neubau sei „ein teurer Irrweg“', None), ('q1.1', 'direct', 'ein teurer Irrweg', 'q1')]
    """
    out: list[Quote] = []
    for quote in quotes:
        out.append(quote)
        out.extend(nested_quotes(doc, quote))
    return out


def nested_quotes(doc: Doc, quote: Quote) -> Iterator[Quote]:
    """The direct quotes nested in ``quote``: one per fragment, ids ``<parent id>.<n>``."""
    if quote.kind == "direct" or quote.parent is not None:
        return
    for n, fragment in enumerate(quote.fragments, start=1):
        token = doc.layer.token_at(fragment.start)
        yield Quote(
            id=f"{quote.id}.{n}",
            kind="direct",
            content=fragment,
            cue=quote.cue,
            frame=quote.frame,
            speaker=quote.speaker,
            addressee=quote.addressee,
            sources=quote.sources,
            sentence=quote.sentence if token is None else doc.layer.sentence_index(token),
            confidence=quote.confidence,
            rule=NESTED_RULE,
            parent=quote.id,
        )
