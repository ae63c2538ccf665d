"""What the tests call 'explained at its first use' (issue 15), on a built page: shared by
tests/test_glossary.py (every page, from the files) and tests/browser/test_glossary.py (in Chromium).

The first occurrence of each glossary term in the page's main text must be an ``<abbr>`` whose title
is the term's meaning, with the meaning visible beside it: ``VVE (voor- en vroegschoolse educatie)``,
or the meaning just before it in words (``toelaatbaarheidsverklaring (TLV)``), or, on the page
Begrippen, the defining ``<dfn>`` beside its meaning. Occurrences where the site does not explain
(code, links, headings, captions, charts: :data:`lea_site.terms.SKIP`) do not count, unless they are
explained there.
"""

from __future__ import annotations

import re

from lea_site.terms import SKIP


def term_pattern(terms: dict[str, str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w&#-])({alternatives})(?![\w-])")


def unexplained(html: str, terms: dict[str, str]) -> list[str]:
    """'TERM: context' for each term whose first use in the page's main text is not explained."""
    from bs4 import BeautifulSoup

    start, end = html.find("<article"), html.rfind("</article>")
    if start >= 0 and end > start:  # the page's main text only (quicker than the whole page with its menus)
        html = html[start:end + len("</article>")]
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("article")
    if main is None:
        return []
    pattern, seen, problems = term_pattern(terms), set(), []
    for node in main.find_all(string=True):
        parent = node.parent
        names = {p.name for p in node.parents}
        for match in pattern.finditer(str(node)):
            term = match[1]
            if term in seen:
                continue
            if parent.name == "abbr" and str(node) == term:
                seen.add(term)
                if parent.get("title") != terms[term] or not _meaning_beside(parent, terms[term]):
                    problems.append(f"{term}: <abbr title={parent.get('title')!r}> zonder zichtbare uitleg")
                continue
            if names & SKIP:
                continue
            seen.add(term)
            problems.append(f"{term}: …{str(node)[max(0, match.start() - 50):match.end() + 20]}…")
    return problems


def _meaning_beside(abbr, meaning: str) -> bool:
    after = abbr.next_sibling
    before = abbr.previous_sibling
    if isinstance(after, str) and after.startswith(f" ({meaning})"):
        return True
    if isinstance(after, str) and after.startswith(")") and isinstance(before, str) and before.endswith("("):
        return True  # 'toelaatbaarheidsverklaring (TLV)': the words before it are the meaning
    dd = abbr.find_parent("dt").find_next_sibling("dd") if abbr.find_parent("dt") else None
    return dd is not None and dd.get_text() == meaning  # the page Begrippen


def plain_text(node, separator: str = " ") -> str:
    """A node's text as the data wrote it: without the meanings the glossary added after each term
    ('VVE (voor- en vroegschoolse educatie)' reads 'VVE'), for tests that look for the data's own words."""
    from bs4 import NavigableString

    abbrs = node.find_all("abbr", title=True)
    for abbr in abbrs:
        after, meaning = abbr.next_sibling, f" ({abbr['title']})"
        if isinstance(after, NavigableString) and after.startswith(meaning):
            after.replace_with(after[len(meaning):])
        abbr.unwrap()  # 'LEA, Gemeente', not 'LEA , Gemeente'
    if abbrs:
        node.smooth()
    return node.get_text(separator)
