"""Language knowledge is data: no module of quotecheck compares a word against a German literal.

A speech verb, a source phrase or a function word is a line under
``quotecheck/data/de/``; code asks the :class:`~quotecheck.lexicon.Lexicon`
(``word in lexicon.rule_words.impersonal_speech``), never ``word == "hieß"``.
The test reads the code's syntax tree and fails on a comparison between
something read from a token (its ``.text``, a ``.lower()`` of it, a lemma) and
an alphabetic string literal. Codes named after German words are no words:
``evidence.frame_kind == "so"``, ``"zu" in verb.valency`` compare labels of the
data files' columns, not tokens, and pass.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "quotecheck"
#: Literals compared with read text that are no German words: a CLI option value („--workers auto“).
_NOT_WORDS = frozenset({"auto"})
#: Names under which code holds a word it read from a token.
_WORD_NAMES = frozenset({"word", "low", "lower", "text", "lemma", "folded", "form", "surface"})
#: Attributes and calls that read a word from a token.
_WORD_READS = frozenset({"text", "lower", "casefold", "lemma", "lemmas", "_case_lemmas"})


def _reads_word(node: ast.expr) -> bool:
    """Whether an expression is a word read from a token („doc.tokens[i].text.lower()“, „lemma“).

    A look-up that is given a word („function_word_classes(lexicon, word)“) is
    not: it answers with classes, which are labels.
    """
    if isinstance(node, ast.Name):
        return node.id in _WORD_NAMES
    if isinstance(node, ast.Attribute):
        return node.attr in _WORD_READS
    if isinstance(node, ast.Subscript):
        return _reads_word(node.value)  # „word[:1]“
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        return name in _WORD_READS
    return False


def _literals(node: ast.expr) -> list[str]:
    """The alphabetic string literals of an operand: a constant or a tuple, list or set of them."""
    items = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [node]
    return [
        n.value
        for n in items
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and len(n.value) > 1 and n.value.isalpha() and n.value not in _NOT_WORDS
    ]


def word_literals(source: str) -> list[tuple[int, str]]:
    """(line, literal) of every comparison of a token's word with a word literal in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        operands = [node.left, *node.comparators]
        for n, operand in enumerate(operands):
            others = operands[:n] + operands[n + 1 :]
            if any(_reads_word(o) for o in others):
                found += [(node.lineno, literal) for literal in _literals(operand)]
    return found


#: Modules with word literals left, and why; strict, so an entry must go when its module is fixed.
_LEFT: dict[str, str] = {}


def _modules() -> list[object]:
    paths = sorted(PACKAGE.rglob("*.py"))
    return [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=_LEFT[rel])) if (rel := p.relative_to(PACKAGE).as_posix()) in _LEFT else p
        for p in paths
    ]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_compares_a_word_with_a_literal(path: Path) -> None:
    found = word_literals(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(PACKAGE)}: word literals {found}; put them in a data file under quotecheck/data/de/"


@pytest.mark.parametrize(
    "code",
    [
        'if doc.tokens[i].text.lower() == "laut": pass',
        'if word in ("der", "des"): pass',
        'if "von" in _case_lemmas(doc, child): pass',
        'if doc.lemma(i) != "sagen": pass',
    ],
)
def test_the_check_finds_a_word_literal(code: str) -> None:
    assert word_literals(code)


@pytest.mark.parametrize(
    "code",
    [
        'if cand.evidence.frame_kind == "so": pass',
        'if "zu" in verb.valency: pass',
        'if doc.tokens[i].text == ",": pass',
        'if tok.kind != "word": pass',
        'if word in lexicon.rule_words.impersonal_speech: pass',
    ],
)
def test_codes_punctuation_and_lexicon_look_ups_pass(code: str) -> None:
    assert not word_literals(code)
