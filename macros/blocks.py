"""Keep generated HTML blocks out of Python-Markdown's way, on any engine.

The renderers return Markdown headings between blocks of finished, escaped HTML
(tables, figures, lists). Python-Markdown would parse every one of those blocks
again with ``html.parser`` only to pass it through unchanged: at 100 actions that
is most of a build's Markdown time. Worse, anything it parses again could become
markup. So:

* the macro shell *marks* each finished chunk (:func:`mark`): nonce markers around it;
* the Markdown extension :class:`BlockStashExtension` (``markdown_extensions:
  - lea_site.blocks``) swaps every marked chunk for a short token in a
  preprocessor, right after the macros ran (MkDocs renders macros before Markdown,
  Zensical in a preprocessor of priority 35), and puts the HTML back unchanged in
  its last postprocessor.

The stash lives on the Markdown instance (both engines make one per page), so
nothing is shared between pages or threads. Markers and tokens carry a random
per-process nonce, so text in the data can never forge one; escaped data holds no
line break (``render.html.esc``), so data can never start or end a chunk. A token
that Markdown lost is an error, not a silent gap.

The same extension explains glossary terms at their first use on the page (:mod:`lea_site.terms`):
a tree processor marks the terms in the page's own Markdown, and the last postprocessor, once the
blocks are back, resolves the marks of the generated text and of the page's own text together, in
the order a reader meets them. Its option ``begrippen`` (term: meaning), which ``lea build`` writes
into the generated config from ``agenda.begrippen``, adds to the standard glossary; its option ``namen``
(the partners', bodies' and titles' names that hold a term) says where no term is explained.
"""

from __future__ import annotations

import itertools
import re
import secrets

from markdown import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from . import terms as _terms
from .glossary import glossary_from

_NONCE = secrets.token_hex(6)
_OPEN, _CLOSE, _END = f"LEAOPEN{_NONCE}", f"LEACLOSE{_NONCE}", f"LEAEND{_NONCE}"
_MARKED = re.compile(rf"{_OPEN}(.*?){_CLOSE}", re.DOTALL)
_TOKEN = re.compile(rf"(<p>)?LEABLOK{_NONCE}N(\d+)(</p>)?")
_END_RE = re.compile(rf"\n?(<p>)?{_END}(</p>)?")
# Every chunk that starts with a tag is finished HTML; renderers write only headings
# (with escaped data text) as Markdown.
_BLOCK = re.compile(r"<[a-zA-Z]")
_counter = itertools.count()


class BlockError(Exception):
    """A generated block did not come back: the page would silently miss content."""


def mark(markdown: str) -> str:
    """Mark every chunk (between blank lines) that starts with a tag as finished HTML."""
    chunks = markdown.split("\n\n")
    for i, chunk in enumerate(chunks):
        stripped = chunk.strip("\n")
        if _BLOCK.match(stripped):
            chunks[i] = f"{_OPEN}{stripped}{_CLOSE}"
    return "\n\n".join(chunks)


class _Hide(Preprocessor):
    def __init__(self, md, blocks: dict[int, str]) -> None:
        super().__init__(md)
        self.blocks = blocks

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if _OPEN not in text:  # no generated blocks; the end marker still tells when the page is done
            return [*lines, "", _END]

        def put(match: re.Match[str]) -> str:
            number = next(_counter)
            self.blocks[number] = match.group(1)
            return f"LEABLOK{_NONCE}N{number}"

        text = _MARKED.sub(put, text)
        if _OPEN in text or _CLOSE in text:
            raise BlockError("een gegenereerd blok is niet goed afgesloten")
        # The restorer also runs on each heading (toc renders them on their own): the
        # end marker tells it when it has the whole page and can count what came back.
        return (text + f"\n\n{_END}").split("\n")


class _Restore(Postprocessor):
    def __init__(self, md, blocks: dict[int, str], explained: _terms.PageState) -> None:
        super().__init__(md)
        self.blocks = blocks
        self.found: set[int] = set()
        self.explained = explained

    def run(self, text: str) -> str:
        if not self.blocks:
            return self._explain(text)
        found = self.found

        def put_back(match: re.Match[str]) -> str:
            number = int(match.group(2))
            block = self.blocks.get(number)
            if block is None or number in found:
                raise BlockError(f"gegenereerd blok {number} hoort niet bij deze pagina of is al geplaatst")
            found.add(number)
            # A token alone in a paragraph stood for a block of its own: drop the <p>.
            if match.group(1) and match.group(3):
                return block
            return (match.group(1) or "") + block + (match.group(3) or "")

        text = _TOKEN.sub(put_back, text)
        if _END not in text:  # a heading, rendered by toc
            return _terms.resolve(text, self.explained, explain=False)
        lost = len(self.blocks) - len(found)
        self.blocks.clear()
        found.clear()
        if lost:
            raise BlockError(f"{lost} gegenereerd(e) blok(ken) kwijtgeraakt in de Markdown-verwerking "
                             "(staat een macro in een codeblok of commentaar?)")
        return self._explain(text)

    def _explain(self, text: str) -> str:
        """The whole page (the end marker is in it): every term's first use explained, in page order."""
        if _END not in text:  # a heading, rendered by toc: its own words, never an explanation
            return _terms.resolve(text, self.explained, explain=False)
        text = _terms.resolve(_END_RE.sub("", text), self.explained)
        self.explained.seen.clear()
        return text


class BlockStashExtension(Extension):
    """``markdown_extensions: - lea_site.blocks`` (in the generated config; see :mod:`lea_site.generate`)."""

    def __init__(self, **kwargs) -> None:
        self.config = {"begrippen": [{}, "de eigen begrippen van de agenda (term: uitleg), naast de standaardlijst"],
                       "namen": [[], "namen (partners, organen, titels) waarin geen begrip wordt uitgelegd"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's name
        md.registerExtension(self)
        self._blocks: dict[int, str] = {}
        words = glossary_from(self.getConfig("begrippen") or {})
        self._explained = _terms.PageState(meanings=words)
        # After Zensical's macros preprocessor (35), before normalize_whitespace (30) and html_block (20).
        md.preprocessors.register(_Hide(md, self._blocks), "lea_hide_blocks", 33)
        # After attribute lists (8) and the table of contents (5): only the text of elements is marked.
        names = [str(n) for n in self.getConfig("namen") or ()]
        md.treeprocessors.register(_terms.MarkTerms(md, _terms.terms_of(words, names)), "lea_mark_terms", 4)
        # Last of our postprocessors: nothing of ours touches the finished HTML after it.
        md.postprocessors.register(_Restore(md, self._blocks, self._explained), "lea_restore_blocks", 1)

    def reset(self) -> None:
        self._blocks.clear()
        self._explained.seen.clear()


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return BlockStashExtension(**kwargs)
