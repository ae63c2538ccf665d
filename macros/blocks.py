"""Keep generated HTML blocks out of Python-Markdown's way.

The renderers return Markdown headings between blocks of finished, escaped HTML
(tables, figures, lists). Python-Markdown would parse every one of those blocks
twice with ``html.parser`` (md_in_html, then MkDocs' own raw-HTML pass) only to
pass it through unchanged: at 100 actions that is most of the build's Markdown
time. So the macro shell swaps each block for a short token before Markdown
runs (:func:`hide`) and the hook puts the HTML back afterwards (:func:`restore`).

Tokens carry a random per-process nonce, so text in the data can never forge
one. A token that Markdown lost, or one left over, is an error, not a silent gap.
"""

from __future__ import annotations

import itertools
import re
import secrets

_NONCE = secrets.token_hex(6)
_TOKEN = re.compile(rf"(<p>)?LEABLOK{_NONCE}N(\d+)(</p>)?")
# Every chunk that starts with a tag is finished HTML and is hidden; renderers write
# only headings (with escaped data text) as Markdown. Escaped data holds no line
# breaks (see render.html.esc), so data can never start or end a chunk.
_BLOCK = re.compile(r"<[a-zA-Z]")
_counter = itertools.count()


class BlockStash:
    """HTML blocks waiting for Markdown to finish, per page."""

    def __init__(self) -> None:
        self._blocks: dict[int, str] = {}
        self._pages: dict[str, list[int]] = {}

    def start(self, page: str) -> None:
        """Forget what an earlier, failed render of this page left behind."""
        for number in self._pages.pop(page, ()):
            self._blocks.pop(number, None)

    def hide(self, page: str, markdown: str) -> str:
        """Replace every chunk that starts with a tag by a token.

        Renderers never put blank lines inside an HTML block, so a chunk between
        blank lines that opens with a block tag is one whole block.
        """
        chunks = markdown.split("\n\n")
        for i, chunk in enumerate(chunks):
            stripped = chunk.strip("\n")
            if _BLOCK.match(stripped):
                number = next(_counter)
                self._blocks[number] = stripped
                self._pages.setdefault(page, []).append(number)
                chunks[i] = f"LEABLOK{_NONCE}N{number}"
        return "\n\n".join(chunks)

    def restore(self, page: str, html: str) -> str:
        """Put the page's hidden blocks back into its Markdown output."""
        expected = self._pages.pop(page, [])
        wanted = set(expected)  # a page of 40,000 interventions has as many blocks
        found: set[int] = set()

        def put_back(match: re.Match[str]) -> str:
            number = int(match.group(2))
            block = self._blocks.pop(number, None)
            if block is None or number not in wanted:
                raise BlockError(f"{page}: gegenereerd blok {number} hoort niet bij deze pagina of is al geplaatst")
            found.add(number)
            # A token alone in a paragraph stood for a block of its own: drop the <p>.
            if match.group(1) and match.group(3):
                return block
            return (match.group(1) or "") + block + (match.group(3) or "")

        html = _TOKEN.sub(put_back, html)
        lost = [n for n in expected if n not in found]
        for number in lost:
            self._blocks.pop(number, None)
        if lost:
            raise BlockError(f"{page}: {len(lost)} gegenereerd(e) blok(ken) kwijtgeraakt in de Markdown-verwerking "
                             "(staat een macro in een codeblok of commentaar?)")
        return html

    def pending(self) -> int:
        """Blocks not yet put back (0 once every page has been through Markdown)."""
        return len(self._blocks)


class BlockError(Exception):
    """A generated block did not come back: the page would silently miss content."""


STASH = BlockStash()
