"""What the tests call 'explained at its first use' and 'the text unchanged' (issues 15 and 23), on a
built page: shared by tests/test_glossary.py (every page, from the files) and tests/browser/test_glossary.py.

Written apart from lea_site.terms, as a second reading of the rule in the README:

* a term counts only as a whole token: not glued to a letter, digit, '-', '+', "'s", '’s', '(' or ')'
  ('TLV+', "IKC's", '(V)SO'), and not inside a name (a partner, a body, a title: ``names``);
* the first use of each term in the page's main text is an ``<abbr class="lea-begrip">`` whose title is
  the meaning, with the meaning beside it in ``<span class="lea-uitleg"> (meaning)</span>``, or without
  it where the text writes the meaning out itself (in brackets after words, or the meaning's words in
  the same paragraph), or, on the page Begrippen, the defining ``<dfn>`` beside its meaning;
* occurrences where the site does not explain (code, links, headings, captions, charts:
  :data:`lea_site.terms.SKIP`, and a term in the brackets that explain another term) do not count.
"""

from __future__ import annotations

import html as _html
import re

from lea_site.glossary import EXPANSIONS
from lea_site.terms import SKIP, strip_marks

_BLOCK = {"p", "li", "td", "th", "dd", "dt", "div", "blockquote", "figcaption", "caption", "summary"}


def term_pattern(terms: dict[str, str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w&#+)@/\\\-‐‑])(?<!\w[.'’])({alternatives})(?![\w+(@\\\-‐‑])(?![.'’/]\w)")


def _meaning_words(term: str, meaning: str) -> list[str]:
    """The forms in which a text writes the meaning out: the meaning, its parts, the known other forms."""
    parts = [meaning, *re.split(r"[:;()]", meaning), *EXPANSIONS.get(term, ())]
    parts = [re.sub(r"^(de|het|een) ", "", " ".join(p.split()).strip(" ,."), flags=re.I).casefold() for p in parts]
    return [p for p in parts if len(p) >= 4]


def _block_text(node) -> str:
    block = node.find_parent(list(_BLOCK)) or node.parent
    return " ".join(block.get_text(" ").split())


def _in_name(text: str, start: int, end: int, names: list[str]) -> bool:
    return any(n_start <= start and end <= n_start + len(name)
               for name in names for n_start in (m.start() for m in re.finditer(re.escape(name), text)))


def _explains_another(text: str, start: int, pattern: re.Pattern[str]) -> bool:
    opened = text.rfind("(", 0, start)
    return opened >= 0 and ")" not in text[opened:start] and bool(re.search(rf"(?:{pattern.pattern})\s*$", text[:opened]))


def unexplained(html: str, terms: dict[str, str], names: list[str] | tuple[str, ...] = ()) -> list[str]:
    """'TERM: context' for each term whose first use in the page's main text is not explained."""
    from bs4 import BeautifulSoup

    start, end = html.find("<article"), html.rfind("</article>")
    if start >= 0 and end > start:  # the page's main text only (quicker than the whole page with its menus)
        html = html[start:end + len("</article>")]
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("article")
    if main is None:
        return []
    names = [" ".join(n.split()) for n in names]
    pattern, seen, problems = term_pattern(terms), set(), []
    for node in main.find_all(string=True):
        parent = node.parent
        ancestors = {p.name for p in node.parents}
        if "lea-uitleg" in (parent.get("class") or []):
            continue
        for match in pattern.finditer(str(node)):
            term = match[1]
            if term in seen:
                continue
            if parent.name == "abbr" and str(node) == term:
                seen.add(term)
                if parent.get("title") != terms[term] or not _meaning_beside(parent, term, terms[term]):
                    problems.append(f"{term}: <abbr title={parent.get('title')!r}> zonder zichtbare uitleg")
                continue
            if ancestors & SKIP or _in_name(str(node), match.start(), match.end(), names):
                continue
            if _explains_another(str(node), match.start(), pattern):
                continue
            seen.add(term)
            problems.append(f"{term}: …{str(node)[max(0, match.start() - 50):match.end() + 20]}…")
    return problems


def _meaning_beside(abbr, term: str, meaning: str) -> bool:
    after = abbr.next_sibling
    before = abbr.previous_sibling
    if getattr(after, "name", None) == "span" and "lea-uitleg" in after.get("class", []):
        return after.get_text() == f" ({meaning})"
    if isinstance(after, str) and after.startswith(")") and isinstance(before, str) and before.endswith("("):
        return True  # 'toelaatbaarheidsverklaring (TLV)', 'De school (VO)': the text's own abbreviation
    dd = abbr.find_parent("dt").find_next_sibling("dd") if abbr.find_parent("dt") else None
    if dd is not None:
        return dd.get_text() == meaning  # the page Begrippen
    around = _block_text(abbr).casefold()
    return any(words in around for words in _meaning_words(term, meaning))  # the sentence writes it out


def mark_problems(html: str, terms: dict[str, str], names: list[str] | tuple[str, ...] = ()) -> list[str]:
    """What the glossary must never do to a built page: a mark inside a name, a term explained twice, an
    explanation inside another, an explanation glued to a word ('TLV (…)+'), or beside a sentence that
    already writes the meaning out."""
    from bs4 import BeautifulSoup

    problems = []
    plain = strip_marks(html)
    for name in names:
        shown = _html.escape(name, quote=False)
        if plain.count(shown) != html.count(shown):
            problems.append(f"een term in de naam {name!r} is uitgelegd")
    soup = BeautifulSoup(html, "html.parser")
    counted: dict[str, int] = {}
    for span in soup.select("span.lea-uitleg"):
        abbr = span.previous_sibling
        if getattr(abbr, "name", None) != "abbr" or "lea-begrip" not in abbr.get("class", []):
            problems.append(f"uitleg zonder afkorting: {span.get_text()!r}")
            continue
        term = abbr.get_text()
        counted[term] = counted.get(term, 0) + 1
        if span.find_parent(class_="lea-uitleg") or span.find_parent("abbr") or abbr.find_parent(class_="lea-uitleg"):
            problems.append(f"{term}: uitleg binnen een uitleg")
        after = span.next_sibling
        if isinstance(after, str) and (re.match(r"[\w+(\-]|['’]\w", after)):
            problems.append(f"{term}: uitleg midden in een woord: {term}{span.get_text()}{after[:10]}")
        meaning = terms.get(term, abbr.get("title", ""))
        before = _block_text(abbr).split(term + span.get_text())[0].casefold()
        written = [w for w in _meaning_words(term, meaning) if re.search(rf"(?<!\w){re.escape(w)}", before)]
        if written:
            problems.append(f"{term}: uitgelegd terwijl de zin al {written[0]!r} schrijft")
    problems += [f"{term}: {n} keer uitgelegd op één pagina" for term, n in counted.items() if n > 1]
    return problems


def plain_text(node, separator: str = " ") -> str:
    """A node's text as the data wrote it: without the meanings the glossary added after each term
    ('VVE (voor- en vroegschoolse educatie)' reads 'VVE') and without the column names a phone card
    repeats in each cell, for tests that look for the data's own words."""
    for span in node.select("span.lea-uitleg, span.lea-cell-label"):  # and a phone card's column names (aria-hidden)
        span.decompose()
    abbrs = node.select("abbr.lea-begrip")
    for abbr in abbrs:
        abbr.unwrap()  # 'LEA, Gemeente', not 'LEA , Gemeente'
    if abbrs:
        node.smooth()
    return node.get_text(separator)
