"""Each glossary term explained at its first use on a page, whatever wrote the text.

A page is made in two passes: the macros write the generated parts (tables, cards, goal pages)
while the page's own Markdown is still text, and Python-Markdown renders the whole page later.
Explaining a term where it is escaped would follow the order in which macros *run*, not the
order in which a reader meets the text: a hand-written sentence above a table would lose its
explanation to a cell of that table. So explaining is split in two:

* **marking**, where the text is escaped: :func:`mark` (through ``render.html.prose`` and
  ``render.html.md`` for data text, and :class:`MarkTerms` for a page's hand-written Markdown)
  replaces each term in *plain, already escaped text* by a token ``LEAUITLEG<nonce>9VVE9``;
* **resolving**, once per page, in document order: :func:`resolve` (called by the block stash's
  last postprocessor, :mod:`lea_site.blocks`) turns the first token of each term into
  ``<abbr title="meaning">VVE</abbr> (meaning)`` and every later one into ``VVE``.

Safety, as with the block stash: finished HTML is never parsed; tokens carry a random nonce per
process, so text in the data cannot forge one; a token holds only the term (letters and hyphens,
:data:`lea_site.glossary.TERM`), and the markup that replaces it is built from the escaped meaning.
Tokens are only written into text content (never into attribute values): ``esc`` stays plain,
``prose`` is for text between tags, and the tree walker below touches element text only.

Marking is active only while a page or a PDF document is rendered (:func:`page_terms`, set by the
macro shell, the Markdown extension itself, or :func:`lea_site.exports.pdf.documents`, which
resolves each document as a whole); renderers called from elsewhere (feeds, tests) get plain
escaped text.
"""

from __future__ import annotations

import contextlib
import contextvars
import html
import re
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator, Mapping
from xml.etree.ElementTree import Element

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

_NONCE = secrets.token_hex(6)
# 9: explain at first use; 8: the text explains it itself, as in 'toelaatbaarheidsverklaring (TLV)'.
_TOKEN = re.compile(rf"LEAUITLEG{_NONCE}([89])([A-Za-z][A-Za-z-]{{0,14}})\1")
# Where a term is not explained: code, links (a name, not a sentence), headings (their text makes
# the ids and the table of contents), captions, charts, an explanation itself, scripts, controls.
SKIP = frozenset({"code", "pre", "kbd", "samp", "a", "abbr", "dfn", "h1", "h2", "h3", "h4", "h5", "h6",
                  "caption", "figure", "figcaption", "svg", "script", "style", "button", "label", "summary"})


@dataclass(frozen=True)
class Terms:
    """A glossary ready for marking: term -> meaning and the pattern that finds the terms."""

    meanings: Mapping[str, str]
    pattern: re.Pattern[str] | None

    def mark(self, escaped: str) -> str:
        if self.pattern is None:
            return escaped

        def one(m: re.Match[str]) -> str:
            # A term alone in parentheses follows its meaning in words: it gets the <abbr> only.
            kind = "8" if escaped[m.start() - 1:m.start()] == "(" and escaped[m.end():m.end() + 1] == ")" else "9"
            return f"LEAUITLEG{_NONCE}{kind}{m[1]}{kind}"

        return self.pattern.sub(one, escaped)


@lru_cache(maxsize=16)
def _compile(items: tuple[tuple[str, str], ...]) -> Terms:
    # Whole words, capitals as written ('po' in a sentence is not 'PO'); longest first (VSO before SO).
    # Not after & or # (a character reference such as &amp; is not the term 'amp'), not inside a
    # compound ('VVE-indicatie'), and not in a token (the 9 before a marked term is a word character).
    terms = sorted((t for t, _ in items), key=len, reverse=True)
    alternatives = "|".join(re.escape(t) for t in terms)
    pattern = re.compile(rf"(?<![\w&#-])({alternatives})(?![\w-])") if terms else None
    return Terms(dict(items), pattern)


def terms_of(glossary: Mapping[str, str]) -> Terms:
    return _compile(tuple(sorted(glossary.items())))


_ACTIVE: contextvars.ContextVar[Terms | None] = contextvars.ContextVar("lea_terms", default=None)


@contextlib.contextmanager
def page_terms(glossary: Mapping[str, str]) -> Iterator[None]:
    """While a page is rendered: data text escaped by ``prose`` and ``md`` gets its terms marked."""
    reset = _ACTIVE.set(terms_of(glossary))
    try:
        yield
    finally:
        _ACTIVE.reset(reset)


def active() -> bool:
    """Whether a page is being rendered (its terms are resolved when the page is done)."""
    return _ACTIVE.get() is not None


def mark(escaped: str) -> str:
    """Escaped plain text (no tags) with each glossary term marked, when a page is being rendered."""
    terms = _ACTIVE.get()
    return terms.mark(escaped) if terms is not None else escaped


@dataclass
class PageState:
    """What one page has explained so far (a Markdown instance renders one page)."""

    meanings: dict[str, str] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)


def resolve(text: str, state: PageState, *, explain: bool = True) -> str:
    """Tokens in page order: the first of each term explained, later ones (and all, without
    ``explain``: a heading rendered for the table of contents) just the term."""

    def one(m: re.Match[str]) -> str:
        kind, term = m[1], m[2]
        meaning = state.meanings.get(term)
        if not explain or meaning is None or term in state.seen:
            return term
        state.seen.add(term)
        escaped = html.escape(meaning, quote=True)
        if kind == "8":
            return f'<abbr title="{escaped}">{term}</abbr>'
        return f'<abbr title="{escaped}">{term}</abbr> ({escaped})'

    return _TOKEN.sub(one, text) if "LEAUITLEG" in text else text


class MarkTerms(Treeprocessor):
    """Marks the terms in a Markdown tree's text: the page's own Markdown, and data Markdown (``md``).

    Runs after the inline patterns, attribute lists and the table of contents, and changes only
    the text of elements (never an attribute, never a heading, link or code): ElementTree escapes
    that text when it serializes, and a token is letters and digits, which need no escaping.
    """

    def __init__(self, md, terms: Terms | None = None) -> None:
        super().__init__(md)
        self.terms = terms  # None: the glossary of the page being rendered (page_terms), if any

    def run(self, root: Element) -> None:
        terms = self.terms or _ACTIVE.get()
        if terms is None or terms.pattern is None:
            return
        self._walk(root, terms)

    def _walk(self, element: Element, terms: Terms) -> None:
        if element.text and not isinstance(element.text, AtomicString):
            element.text = terms.mark(element.text)
        for child in element:
            if isinstance(child.tag, str) and child.tag.lower() in SKIP:
                _unmark_all(child)  # data text marked by a renderer, in a heading of the page's Markdown
            else:
                self._walk(child, terms)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail = terms.mark(child.tail)


def unmark(text: str) -> str:
    """The terms without their marks: where a term is never explained."""
    return _TOKEN.sub(lambda m: m[2], text) if "LEAUITLEG" in text else text


def _unmark_all(element: Element) -> None:
    for node in element.iter():
        for name in ("text", "tail"):
            value = getattr(node, name) if node is not element or name == "text" else None
            if value and "LEAUITLEG" in value:
                setattr(node, name, (AtomicString if isinstance(value, AtomicString) else str)(unmark(value)))
