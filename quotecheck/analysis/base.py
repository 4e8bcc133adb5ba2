"""The analysis a backend hands to the rules.

Pipeline stage 1 (analysis): the record passed from the backend to the rules and attribution.

A :class:`Doc` is the text layer (tokens, sentences, paragraphs with exact
offsets) plus per-token annotations. Every annotation tuple is either ``None``
(the backend does not provide it) or has one entry per token, so rules can ask
``doc.has_parse`` and fall back to surface patterns otherwise.
"""

from __future__ import annotations

import threading
import weakref
from typing import Callable, Hashable, Mapping, Sequence, TypeVar

from attrs import field, frozen

from quotecheck.text import Sentence, TextLayer, Token

__all__ = ["ANNOTATIONS", "Doc", "document_memo"]

_T = TypeVar("_T")

#: What a :class:`Doc` may carry, by the names rules use to require it (``Rule.requires``):
#: ``tokens`` (tokens, sentences, paragraphs: always), ``lemmas`` (given or lazily
#: computed), ``upos``, ``feats`` (morphology), ``parse`` (heads and relations),
#: ``entities`` (named-entity labels).
ANNOTATIONS = frozenset({"tokens", "lemmas", "upos", "feats", "parse", "entities"})


@frozen
class Doc:
    """One analysed document: the text layer plus whatever annotations the backend gives."""

    layer: TextLayer
    backend: str = "embedded"
    lemmas: tuple[str | None, ...] | None = None
    upos: tuple[str | None, ...] | None = None
    feats: tuple[Mapping[str, str] | None, ...] | None = None
    heads: tuple[int | None, ...] | None = None  # token index of the head, None for the root
    deprels: tuple[str | None, ...] | None = None
    entities: tuple[str | None, ...] | None = None  # PER / ORG / LOC / MISC per token
    lemmatizer: Callable[[str], str] | None = field(default=None, eq=False, repr=False)
    # The layer's text, tokens and sentences, so rules need not reach through
    # ``layer``. Attributes rather than properties: rules read ``doc.tokens``
    # about twenty times per token, and a slot is read without a call.
    #: The caller's text, which every offset indexes.
    text: str = field(init=False, eq=False, repr=False)
    #: The tokens of the text layer.
    tokens: Sequence[Token] = field(init=False, eq=False, repr=False)
    #: The sentences of the text layer.
    sentences: Sequence[Sentence] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "text", self.layer.text)
        object.__setattr__(self, "tokens", self.layer.tokens)
        object.__setattr__(self, "sentences", self.layer.sentences)

    @property
    def provides(self) -> frozenset[str]:
        """The :data:`ANNOTATIONS` this document carries."""
        given = {"tokens"}
        if self.lemmas is not None or self.lemmatizer is not None:
            given.add("lemmas")
        for name, value in (("upos", self.upos), ("feats", self.feats), ("entities", self.entities)):
            if value is not None:
                given.add(name)
        if self.has_parse:
            given.add("parse")
        return frozenset(given)

    @property
    def has_parse(self) -> bool:
        """Whether a dependency tree is present, so the tree-based rules may run."""
        return self.heads is not None and self.deprels is not None

    def lemma(self, index: int) -> str:
        """The token's lemma: the backend's, else the lazy lemmatizer's, else lower case.

        The embedded backend lemmatizes lazily because the rules only ask for the
        lemmas of a few candidate words per sentence.
        """
        if self.lemmas is not None:
            lemma = self.lemmas[index]
            if lemma:
                return lemma
        word = self.tokens[index].text
        if self.lemmatizer is not None:
            return self.lemmatizer(word)
        return word.lower()


#: The memo of the document being read, one per thread: a weak reference to the
#: document and its values by key.
_memo = threading.local()


def document_memo(doc: Doc | object, key: Hashable, make: Callable[[], _T]) -> _T:
    """A value computed once per document: ``make()`` the first time ``key`` is asked.

    For what several rules or candidates of one document would otherwise compute
    again and again: the words of a sentence that may be speech verbs, the source
    phrase at a token. Only the latest document of each thread is remembered
    (rules read one document at a time), and only weakly, so nothing outlives
    it. Keys name what they hold and the lexicon it came from (``id``).
    """
    ref = getattr(_memo, "doc", None)
    if ref is None or ref() is not doc:
        _memo.doc = weakref.ref(doc)
        _memo.values = {}
    values: dict[Hashable, object] = _memo.values
    try:
        return values[key]  # type: ignore[return-value]
    except KeyError:
        value = values[key] = make()
        return value
