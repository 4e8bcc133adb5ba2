"""The analysis a backend hands to the rules.

A :class:`Doc` is the text layer (tokens, sentences, paragraphs with exact
offsets) plus per-token annotations. Every annotation tuple is either ``None``
(the backend does not provide it) or has one entry per token, so rules can ask
``doc.has_parse`` and fall back to surface patterns otherwise.
"""

from __future__ import annotations

from typing import Callable, Mapping

from attrs import field, frozen

from quotecheck.text import Sentence, TextLayer, Token

__all__ = ["Doc"]


@frozen
class Doc:
    layer: TextLayer
    backend: str = "embedded"
    lemmas: tuple[str | None, ...] | None = None
    upos: tuple[str | None, ...] | None = None
    feats: tuple[Mapping[str, str] | None, ...] | None = None
    heads: tuple[int | None, ...] | None = None  # token index of the head, None for the root
    deprels: tuple[str | None, ...] | None = None
    entities: tuple[str | None, ...] | None = None  # PER / ORG / LOC / MISC per token
    lemmatizer: Callable[[str], str] | None = field(default=None, eq=False, repr=False)

    @property
    def text(self) -> str:
        return self.layer.text

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.layer.tokens

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.layer.sentences

    @property
    def has_parse(self) -> bool:
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
        word = self.layer.tokens[index].text
        if self.lemmatizer is not None:
            return self.lemmatizer(word)
        return word.lower()
