"""The analysis a backend hands to the rules.

Pipeline stage 1 (analysis): the record passed from the backend to the rules and attribution.

A :class:`Doc` is the text layer (tokens, sentences, paragraphs with exact
offsets) plus per-token annotations. Every annotation tuple is either ``None``
(the backend does not provide it) or has one entry per token, so rules can ask
``doc.has_parse`` and fall back to surface patterns otherwise.
"""

from __future__ import annotations

import functools
import threading
import weakref
from typing import Any, Callable, Generic, Hashable, Mapping, Sequence, TypeVar, overload

from attrs import field, frozen

from quotecheck.text import Sentence, TextLayer, Token

__all__ = [
    "ANNOTATIONS",
    "Doc",
    "RecentMemo",
    "TokenAnswers",
    "document_memo",
    "forget_document_memo",
    "lemma_at",
    "pure_lemmatizer",
    "recent_memo",
]

_T = TypeVar("_T")
_V = TypeVar("_V")
_K = TypeVar("_K", bound=Hashable)
_F = TypeVar("_F", bound=Callable[..., Any])

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
    #: ``doc.lemma(i)``: the token's lemma, the backend's, else the lazy lemmatizer's, else
    #: lower case (:func:`lemma_at`). The embedded backend lemmatizes lazily because the
    #: rules only ask for the lemmas of a few candidate words per sentence -- but they
    #: ask about those again and again (six times a token asked, „sagte“ by every rule
    #: and candidate of its sentence), so a document of tuples (up to
    #: :data:`~quotecheck.columns.MATERIALISE_LIMIT` tokens) with a pure lemmatizer
    #: remembers the answers by token in a dict (:class:`_LemmaMemo`) and this is its
    #: ``__getitem__``: a repeated question costs no Python-level call.
    lemma: Callable[[int], str] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "text", self.layer.text)
        object.__setattr__(self, "tokens", self.layer.tokens)
        object.__setattr__(self, "sentences", self.layer.sentences)
        # a partial and a memo of the document's parts, not of the document: a bound
        # method kept in the document would be a reference cycle, freed only by the collector
        lemma: Callable[[int], str] = functools.partial(lemma_at, self.tokens, self.lemmas, self.lemmatizer)
        if isinstance(self.tokens, tuple) and (
            self.lemmatizer is None or _PURE_LEMMATIZERS.get(id(self.lemmatizer)) is self.lemmatizer
        ):
            if self.lemmas is None and self.lemmatizer is not None:
                lemma = _WordLemmaMemo(self.tokens, self.lemmatizer).__getitem__
            else:
                lemma = _LemmaMemo(lemma).__getitem__
        object.__setattr__(self, "lemma", lemma)

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


def lemma_at(
    tokens: Sequence[Token],
    lemmas: Sequence[str | None] | None,
    lemmatizer: Callable[[str], str] | None,
    index: int,
) -> str:
    """The lemma of ``tokens[index]``: ``lemmas[index]``, else ``lemmatizer(text)``, else lower case (:attr:`Doc.lemma`)."""
    if lemmas is not None:
        lemma = lemmas[index]
        if lemma:
            return lemma
    word = tokens[index].text
    if lemmatizer is not None:
        return lemmatizer(word)
    return word.lower()


#: Lemmatizers whose lemma depends on the word alone (the embedded backend's), which a
#: document may therefore remember by token (:attr:`Doc.lemma`); a user's lemmatizer
#: may learn words as it goes, and is asked each time. By ``id`` (a lemmatizer need
#: not be hashable), each kept alive here so that its ``id`` is never another's.
_PURE_LEMMATIZERS: dict[int, Callable[[str], str]] = {}


def pure_lemmatizer(lemmatizer: _F) -> _F:
    """Declare ``lemmatizer`` a pure function of the word, whose answers documents may remember.

    The packaged lemmatizer is one: „sagte“ gives „sagen“ whenever, wherever it
    is asked, so a document that remembers the lemma of its token „sagte“ answers
    the next rule alike without asking again. Returns ``lemmatizer`` (a decorator).
    """
    _PURE_LEMMATIZERS[id(lemmatizer)] = lemmatizer
    return lemmatizer


class _LemmaMemo(dict[int, str]):
    """A document's lemmas by token index, each asked of ``lemma`` the first time („sagte“ → „sagen“)."""

    __slots__ = ("_lemma",)

    def __init__(self, lemma: Callable[[int], str]) -> None:
        super().__init__()
        self._lemma = lemma

    def __missing__(self, index: int) -> str:
        lemma = self[index] = self._lemma(index)
        return lemma


class _WordLemmaMemo(dict[int, str]):
    """:class:`_LemmaMemo` of a document without lemmas of its own: the lemmatizer asked with the token's text.

    What :func:`lemma_at` answers then, without its call on every token asked
    the first time (the rules ask most tokens of a document once): „sagte“ is
    given to the lemmatizer as it stands and „sagen“ kept by its token.
    """

    __slots__ = ("_tokens", "_lemmatizer")

    def __init__(self, tokens: Sequence[Token], lemmatizer: Callable[[str], str]) -> None:
        super().__init__()
        self._tokens = tokens
        self._lemmatizer = lemmatizer

    def __missing__(self, index: int) -> str:
        lemma = self[index] = self._lemmatizer(self._tokens[index].text)
        return lemma


#: The memo of the document being read, one per thread: a weak reference to the
#: document and its values by key.
_memo = threading.local()
#: The memo read last, by whichever thread: (thread, weak reference to the document,
#: values). The rules ask :func:`document_memo` about the same document many times a
#: token, and two identities checked here are cheaper than the attributes of
#: ``_memo`` (a thread-local attribute costs several plain ones); another thread or
#: document goes through ``_memo`` and becomes the latest. A thread that starts after
#: another ended may get its id and so its values for the same document: harmless,
#: the values are a pure cache of that document. The values stay referenced here
#: until another document is read or :func:`forget_document_memo` (which
#: ``Extractor.extract`` calls) lets them go.
_latest: tuple[int, weakref.ref[Any], dict[Hashable, object]] | None = None
_thread_id = threading.get_ident


def document_memo(doc: Doc | object, key: Hashable, make: Callable[[], _T]) -> _T:
    """A value computed once per document: ``make()`` the first time ``key`` is asked.

    For what several rules or candidates of one document would otherwise compute
    again and again: the words of a sentence that may be speech verbs, the source
    phrase at a token. Only the latest document of each thread is remembered
    (rules read one document at a time), and only weakly, so nothing outlives
    it. Keys name what they hold and the lexicon it came from (``id``).
    """
    latest = _latest
    if latest is not None and latest[1]() is doc and latest[0] == _thread_id():
        values = latest[2]
    else:
        values = _thread_values(doc)
    try:
        return values[key]  # type: ignore[return-value]
    except KeyError:
        value = values[key] = make()
        return value


def _thread_values(doc: Doc | object) -> dict[Hashable, object]:
    """The values this thread remembers for ``doc`` (new ones for a new document), made the latest.

    The slow path of :func:`document_memo`: the first question about „Kim sagte, …“
    in a thread, or one after another document or thread was asked about.
    """
    global _latest
    ref = getattr(_memo, "doc", None)
    if ref is None or ref() is not doc:
        ref = _memo.doc = weakref.ref(doc)
        _memo.values = {}
    values: dict[Hashable, object] = _memo.values
    _latest = (_thread_id(), ref, values)
    return values


class RecentMemo(dict[_K, _V]):
    """A memo of the ``size`` answers stored last: the oldest goes when a new one comes.

    For what rules remember per sentence or per cue (the clauses of a sentence,
    the cue at a token and limit): they read a document from left to right and
    ask again about the sentence they are in, hardly ever about one far behind;
    a memo of every sentence held about 4 bytes per character of a long document.
    An answer asked again after it went is computed again, alike.

    >>> memo: RecentMemo[int, str] = RecentMemo(2)
    >>> memo[1], memo[2], memo[3] = "a", "b", "c"
    >>> sorted(memo)
    [2, 3]
    """

    __slots__ = ("size",)

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError(f"a RecentMemo keeps at least one answer, not {size}")
        super().__init__()
        self.size = size

    def __setitem__(self, key: _K, value: _V) -> None:
        if len(self) >= self.size and key not in self:
            # The oldest: dicts keep the order of insertion. pop, not ``del self[…]``: compiled
            # with mypyc (2.4), ``del`` on a dict subclass called through ``memo[k] = v`` fails.
            self.pop(next(iter(self)))
        super().__setitem__(key, value)


#: How many answers a :func:`recent_memo` keeps: a few hundred sentences around where the rules read.
RECENT_ANSWERS = 512


def _recent_answers() -> RecentMemo[Any, Any]:
    """A new memo of :data:`RECENT_ANSWERS` answers (read when made: tests lower it).

    A module function, not a lambda made at every :func:`recent_memo` call (the
    rules ask it for every clause of „Er sagte, sie komme, und ging.“).
    """
    return RecentMemo(RECENT_ANSWERS)


def recent_memo(doc: Doc | object, family: Hashable, key: Hashable, make: Callable[[], _T]) -> _T:
    """:func:`document_memo` for a family of many answers of which only recent ones are asked again.

    ``recent_memo(doc, ("clauses", id(lexicon)), sentence.first, make)``: the
    family's last :data:`RECENT_ANSWERS` answers are kept (:class:`RecentMemo`).
    """
    memo: RecentMemo[Hashable, _T] = document_memo(doc, family, _recent_answers)
    try:
        return memo[key]
    except KeyError:
        value = memo[key] = make()
        return value


def forget_document_memo(doc: Doc | object) -> None:
    """Drop what :func:`document_memo` remembers for ``doc``, when a stage is done with it.

    The rules' memos (the cue positions, the clauses of every sentence) are not
    read by attribution, yet held about 8 bytes per character of a long document
    through it; and after the last stage nothing should outlive the document (the
    memo would otherwise stay until the thread reads its next document). A memo
    is a pure cache: whatever a later stage asks again is computed again, alike.
    """
    global _latest
    _latest = None  # whoever's it was: the next question goes through ``_memo``
    ref = getattr(_memo, "doc", None)
    if ref is not None and ref() is doc:
        _memo.values = {}


#: How :class:`TokenAnswers` stores an answer: not asked, ``None``, ``False``,
#: ``True``, or another value (kept in its dict).
_UNASKED, _NONE, _FALSE, _TRUE, _OTHER = range(5)
#: An answer by its code, in one tuple look-up; the two codes
#: that hold no answer themselves (not asked, kept in the dict) are markers.
_NOT_ASKED, _IN_OTHERS = object(), object()
_DECODED: tuple[object, ...] = (_NOT_ASKED, None, False, True, _IN_OTHERS)


class TokenAnswers(Generic[_V]):
    """A per-token memo of answers that are mostly ``None``, ``False`` or ``True``: one byte a token.

    Rules and attribution remember what a test answered at each token they
    visited („may a speech verb be here?“, „does a source phrase start here?“) so
    that the candidates of one sentence do not ask again. A dict of those answers
    costs about 70 bytes a token (its entry and the int key), most of them for
    „no“; here ``None``, ``False`` and ``True`` are one byte of a bytearray, and
    only other values (a found source, a few tokens in a hundred) go into a dict.
    Offsets count from ``first`` (the memo of one sentence starts at its first
    token); an index below it is kept in the dict.

    Reads like the dict it replaces: ``answers[i]`` raises KeyError for a token
    not asked yet, ``answers.get(i)`` gives None then.

    >>> seen: TokenAnswers[bool] = TokenAnswers(100)
    >>> seen[103] = False
    >>> seen.get(103), seen.get(104), 103 in seen, 104 in seen
    (False, None, True, False)
    """

    __slots__ = ("first", "_codes", "_others")

    def __init__(self, first: int = 0) -> None:
        self.first = first
        #: One code per token from ``first`` on, as far as asked (``_UNASKED`` beyond).
        self._codes = bytearray()
        #: The answers whose code is ``_OTHER``, and any answer below ``first``.
        self._others: dict[int, _V] = {}

    def _code(self, index: int) -> int:
        offset = index - self.first
        if offset >= 0:
            return self._codes[offset] if offset < len(self._codes) else _UNASKED
        return _OTHER if index in self._others else _UNASKED

    def __contains__(self, index: object) -> bool:
        return isinstance(index, int) and self._code(index) != _UNASKED

    def __getitem__(self, index: int) -> _V:
        answer = _DECODED[self._code(index)]
        if answer is _NOT_ASKED:
            raise KeyError(index)
        return self._others[index] if answer is _IN_OTHERS else answer  # type: ignore[return-value]

    @overload
    def get(self, index: int) -> _V | None: ...

    @overload
    def get(self, index: int, default: _T) -> _V | _T: ...

    def get(self, index: int, default: object = None) -> object:
        """The answer at ``index``, or ``default`` when it was not asked."""
        offset = index - self.first
        codes = self._codes
        # read the byte here, not through _code: the rules ask once per token and trigger
        answer = _DECODED[codes[offset] if 0 <= offset < len(codes) else self._code(index)]
        if answer is _NOT_ASKED:
            return default
        return self._others[index] if answer is _IN_OTHERS else answer

    def __setitem__(self, index: int, value: _V) -> None:
        offset = index - self.first
        if offset < 0:
            self._others[index] = value
            return
        codes = self._codes
        if offset >= len(codes):  # grow by doubling: the tokens are asked roughly in order
            codes.extend(bytes(max(offset + 1 - len(codes), len(codes))))
        # by identity: 0 and 1 are other values, not False and True
        if value is None:
            code = _NONE
        elif value is False:
            code = _FALSE
        elif value is True:
            code = _TRUE
        else:
            self._others[index] = value
            codes[offset] = _OTHER
            return
        if codes[offset] == _OTHER:
            del self._others[index]
        codes[offset] = code
