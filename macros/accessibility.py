"""The site's own accessibility check (``lea toegankelijkheid``) and the statement it feeds.

The check serves a built site on 127.0.0.1, opens every page in headless Chromium
(Playwright, no browser download: a Chromium or Chrome that is installed), runs
axe-core on it in the light and the dark colour scheme, and records every request
that goes to another host. The outcome is written as ``assets/toegankelijkheid.json``
into the site's *own* ``docs/``, so the next build shows it in the accessibility
statement (:func:`statement`). The file names the site it belongs to; the statement
shows no results of another site, and without results it says the site has not been
checked. The browser tests (tests/browser) run the very same :func:`check_pages`.
"""

from __future__ import annotations

import functools
import gc
import http.server
import json
import os
import re
import shutil
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator

from .search import MKDOCS_INDEX, ZENSICAL_INDEX

AXE_VERSION = "4.11.0"  # the same as tests/js/package.json (a test checks); the workflows install this one
RESULTS = Path("assets") / "toegankelijkheid.json"  # inside the site's own docs_dir
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]  # WCAG 2.2 AA too: EN 301 549 will carry it
COLOUR_RULES = ["color-contrast", "link-in-text-block"]  # the WCAG 2.1 AA rules a colour scheme can change
SCHEMES = {"light": "licht", "dark": "donker"}
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
REGISTER = "https://www.toegankelijkheidsverklaring.nl/register"
STATUS_INFO = "https://www.digitoegankelijk.nl/toegankelijkheidsverklaring/status"
# The compliance statuses of the Dutch model statement (digitoegankelijk.nl), for a status the site declares.
STATUSES = {
    "A": "voldoet volledig",
    "B": "voldoet gedeeltelijk",
    "C": "eerste maatregelen genomen",
    "D": "geen maatregelen genomen",
    "E": "voldoet niet",
}


def site_identity(agenda) -> str:
    """What a results file is for: the agenda's title and its municipality or region."""
    return f"{agenda.info.titel} ({agenda.info.regio.naam})"


# ---------------------------------------------------------------- the check


def find_browser(given: str | None = None) -> str | None:
    """The Chromium (or Chrome) to drive: --browser, $LEA_CHROMIUM, or one on the PATH."""
    for candidate in (given, os.environ.get("LEA_CHROMIUM")):
        if candidate:
            return candidate if Path(candidate).exists() else shutil.which(candidate)
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def find_axe(given: str | None, places: list[Path]) -> Path | None:
    """axe-core's axe.min.js: --axe, $LEA_AXE, or node_modules/axe-core in one of ``places``."""
    for candidate in (given, os.environ.get("LEA_AXE")):
        if candidate:
            path = Path(candidate)
            if path.is_dir():
                path = path / "axe.min.js" if (path / "axe.min.js").is_file() else path / "node_modules" / "axe-core" / "axe.min.js"
            return path if path.is_file() else None
    for place in places:
        path = place / "node_modules" / "axe-core" / "axe.min.js"
        if path.is_file():
            return path
    return None


def one_of_each_kind(pages: list[str]) -> tuple[list[str], list[str]]:
    """One page of each kind (the home page, a goal, a school year, an age group ... and every top page), and
    the others: a check that runs out of time has still seen every template."""
    seen: set[str] = set()
    first, rest = [], []
    for rel in pages:
        kind = rel.split("/")[0] if rel.count("/") > 1 else rel
        (rest if kind in seen else first).append(rel)
        seen.add(kind)
    return first, rest


def page_urls(root: Path) -> list[str]:
    """Every HTML page of a built site, as a path relative to the site root ('' is the homepage)."""
    pages = []
    for path in sorted(root.rglob("index.html")):
        rel = path.relative_to(root).parent.as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # noqa: ARG002 - no line per request
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A request the browser gave up (the search index it is not given, a page left) is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port); yields its base URL."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


MAX_ROWS = 200  # rows of one table (items of one list, cards) that axe checks: the rest has the same form
MAX_ELEMENTS = 3_000  # elements of a page's article that axe checks: beyond it each table or list keeps fewer rows
# Every row of a table is made by the same code, so its first rows show what the rest is. A year plan of
# 1,000 actions took axe 82 s and a partners page of 18,000 rows 1.3 GB in Chromium (issue 24, class 10);
# with 20 rows per table a year page still had 7,255 elements and took axe 12 s. So a table keeps MAX_ROWS
# rows, and while the article is larger than MAX_ELEMENTS every table and list keeps half as many (never
# fewer than one row): the cost per page is bounded, every kind of row is still checked, and the outcome and
# the statement say how many rows were left out.
_TRIM = """([most, elements]) => {
  const article = document.querySelector('article') || document.body;
  let left = 0;
  for (let limit = most; ; limit = Math.floor(limit / 2)) {
    for (const group of [article, ...article.querySelectorAll('*')]) {
      if (!group.isConnected || group.children.length <= limit) continue;
      const kind = group.children[limit].tagName;  // rows, items, cards: the elements that repeat
      for (const item of Array.from(group.children).slice(limit)) {
        if (item.tagName === kind) { item.remove(); left += 1; }
      }
    }
    if (limit <= 1 || article.getElementsByTagName('*').length <= elements) return left;
  }
}"""


# The search box's index (MkDocs: search/search_index.json, Zensical: search.json) is not fetched: the page's
# script loads it into a worker at once, which for a 10 MB agenda is 24 MB of JSON parsed on every page, while
# nothing on the page changes until a reader searches (the search box itself is checked).
SEARCH_INDEX = re.compile(r"^[^?#]*/(" + "|".join(map(re.escape, (MKDOCS_INDEX, ZENSICAL_INDEX))) + r")([?#].*)?$")
BUDGET_SECONDS = 90  # a check starts no new page after this: a pull request's build stays bounded (issue 24, class 10)


@dataclass
class Outcome:
    pages: int
    unchecked: list[str] = field(default_factory=list)  # pages not checked in the time budget (after one of each kind)
    trimmed: int = 0  # table rows and list items not checked (beyond MAX_ROWS or MAX_ELEMENTS; their form is that of the first)
    violations: list[str] = field(default_factory=list)  # one line per failing element
    rules: dict[str, int] = field(default_factory=dict)  # axe rule id -> failing elements
    foreign: list[str] = field(default_factory=list)  # requests to another host
    axe: str = ""
    chromium: str = ""


def check_pages(browser, base: str, root: Path, axe_source: str, pages: list[str] | None = None,
                dark: list[str] | None = None, budget: float | None = None) -> Outcome:
    """axe-core on every page in both colour schemes, and every request that leaves the site's host.
    ``dark``: the pages to check in the dark scheme too (default: all of them). ``budget``: seconds after
    which no new page is begun, except one of each kind, which is always checked, first (the outcome lists
    the pages left unchecked). A page begun is checked in both schemes."""
    first, rest = one_of_each_kind(page_urls(root) if pages is None else pages)
    always = set(first)
    outcome = Outcome(pages=len(first) + len(rest), chromium=browser.version)
    started = time.monotonic()
    for rel in first + rest:
        if budget is not None and rel not in always and time.monotonic() - started > budget:
            outcome.unchecked.append(rel)
            continue
        for scheme, word in SCHEMES.items():  # Material follows the system setting: both palettes are checked
            if scheme == "light" or dark is None or rel in dark:
                _check_page(browser, base, rel, scheme, word, axe_source, outcome)
    return outcome


def _check_page(browser, base: str, rel: str, scheme: str, word: str, axe_source: str, outcome: Outcome) -> None:
    """One page in one colour scheme, in a browser context of its own: closing it ends its renderer, so the
    memory of a large page is given back before the next one is loaded (reusing one page kept the largest
    pages' memory: 1.4 GB against 0.9 GB for a 10 MB agenda's site)."""
    host = base.split("/")[2]
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.on("request", lambda req: outcome.foreign.append(req.url)
                if req.url.split("/")[2:3] != [host] and not req.url.startswith(("data:", "blob:")) else None)
        page.route(SEARCH_INDEX, lambda route: route.abort())
        page.goto(base + rel, wait_until="load")
        left = page.evaluate(_TRIM, [MAX_ROWS, MAX_ELEMENTS])
        outcome.trimmed += left if scheme == "light" else 0
        page.add_script_tag(content=axe_source)
        # The dark palette changes colours only: there axe runs the rules about colour (the structure
        # was checked in the light pass). Only violations are detailed, which keeps axe fast.
        only = {"type": "tag", "values": TAGS} if scheme == "light" else {"type": "rule", "values": COLOUR_RULES}
        result = page.evaluate("only => axe.run(document, {runOnly: only, resultTypes: ['violations']})", only)
        for violation in result["violations"]:
            for node in violation["nodes"]:
                outcome.rules[violation["id"]] = outcome.rules.get(violation["id"], 0) + 1
                outcome.violations.append(f"{word} /{rel}: {violation['id']} ({violation['impact']}): "
                                          f"{node['target']} {node.get('failureSummary', '')[:200]}")
        outcome.axe = outcome.axe or page.evaluate("() => axe.version")
    finally:
        context.close()


def launch(executable: str):
    """Playwright's Chromium on an installed browser; a context manager yielding the browser."""
    from playwright.sync_api import sync_playwright

    @contextmanager
    def running():
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=executable,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                      "--disable-sync", "--no-first-run", "--disable-quic"],
            )
            try:
                yield browser
            finally:
                browser.close()

    return running()


def results(outcome: Outcome, identity: str, today: date) -> dict:
    """The results file: for which site, when, what was found, with what."""
    return {
        "site": identity,
        "datum": today.isoformat(),
        "pagina's": outcome.pages - len(outcome.unchecked),
        "niet getest": len(outcome.unchecked),
        "schendingen": len(outcome.violations),
        "schendingen per regel": dict(sorted(outcome.rules.items())),
        "voorbeelden": outcome.violations[:20],
        "verzoeken naar andere sites": len(outcome.foreign),
        "niet gecontroleerde rijen": outcome.trimmed,
        "andere sites": sorted({u.split("/")[2] for u in outcome.foreign if "//" in u}),
        "regels": TAGS,
        "kleurenschema's": list(SCHEMES.values()),
        "axe-core": outcome.axe,
        "chromium": outcome.chromium,
    }


def write_results(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def read_results(docs_dir: str | Path) -> dict:
    """The recorded results in a (composed) docs folder, or {} when there are none or they cannot be read."""
    path = Path(docs_dir) / RESULTS
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


# ---------------------------------------------------------------- the statement


def own_results(checks: dict, identity: str) -> dict | None:
    """This site's results, never another's: a file made for another site (or in the old format) is ignored."""
    if checks.get("site") != identity or not isinstance(checks.get("pagina's"), int):
        return None
    try:
        date.fromisoformat(str(checks.get("datum")))
    except ValueError:
        return None
    return checks


def statement(view) -> str:
    """The part of the accessibility statement that depends on the site: what it is, its status,
    the date and outcome of its last check, and where the statement is registered."""
    from .render import format as fmt
    from .render.html import esc, table

    agenda = view.agenda
    identity = site_identity(agenda)
    found = own_results(view.checks, identity)
    title = esc(agenda.info.titel)
    place = esc(agenda.info.regio.naam)
    out = [f"<p>Deze verklaring gaat over de website <strong>{title}</strong> van {place}.</p>"]
    status = ("<p><strong>Status: niet vastgesteld.</strong> Een status (A tot en met E, zie "
              f'<a href="{STATUS_INFO}">de uitleg op digitoegankelijk.nl</a>) hoort bij een volledig onderzoek van de '
              "site volgens WCAG-EM door een deskundige. Dat onderzoek is voor deze site nog niet gedaan; "
              "een automatische test zoals hieronder is geen volledig onderzoek.</p>")
    out.append(status)
    if found is None:
        # For readers: no internal command, and no claim that a check runs while none has been recorded.
        out.append("<p><strong>Deze site is nog niet getest.</strong> Er is nog geen automatische "
                   "toegankelijkheidstest van deze site vastgelegd, dus we beweren hier niets over de uitkomst. "
                   "Zodra de site getest is, staan hier de datum en de uitkomst.</p>")
    else:
        day = fmt.day(date.fromisoformat(found["datum"]))
        violations = found.get("schendingen", 0)
        foreign = found.get("verzoeken naar andere sites", 0)
        out.append(f"<p>De laatste controle was op <strong>{esc(day)}</strong>.</p>")
        trimmed = found.get("niet gecontroleerde rijen", 0)
        unchecked = found.get("niet getest", 0)
        rows = [["Pagina's getest", esc(str(found["pagina's"]))],
                ["Kleurenschema's", esc(" en ".join(found.get("kleurenschema's") or []))],
                ["Schendingen gevonden", esc(str(violations))],
                ["Verzoeken naar andere websites", esc(str(foreign))],
                ["Datum", esc(day)]]
        out.append(table(["Wat", "Uitkomst"], rows, caption="Uitkomst van de automatische toegankelijkheidstest van deze site"))
        if unchecked:
            tested = found["pagina's"]
            out.append(f"<p>De test had een vaste tijd: daarin zijn {esc(str(tested))} pagina's getest, "
                       f"van elke soort pagina minstens één; {esc(str(unchecked))} andere pagina's van dezelfde soorten zijn niet getest.</p>")
        if trimmed:
            out.append(f"<p>Van een tabel of lijst met meer dan {MAX_ROWS} rijen zijn de eerste {MAX_ROWS} getest; op een heel grote "
                       f"pagina minder, zodat de test er hoogstens {fmt.number(MAX_ELEMENTS)} elementen controleert, van elke tabel of "
                       f"lijst minstens de eerste rij. De andere rijen hebben dezelfde opbouw. "
                       f"Niet getest: {esc(fmt.number(trimmed))} rijen.</p>")
        if violations or foreign:
            out.append("<p><strong>Bij de laatste controle zijn problemen gevonden.</strong> We werken eraan om ze op te lossen.</p>")
            per_rule = found.get("schendingen per regel") or {}
            if per_rule:
                out.append("<ul>" + "".join(f"<li>{esc(rule)}: {esc(str(n))} keer</li>" for rule, n in per_rule.items()) + "</ul>")
            hosts = found.get("andere sites") or []
            if hosts:
                out.append(f"<p>Andere websites die een pagina opvroeg: {esc(', '.join(hosts))}.</p>")
        else:
            out.append("<p>Bij deze controle vond axe-core op geen enkele pagina een schending, en vroeg geen enkele pagina "
                       "iets op bij een andere website.</p>")
        tools = (f"axe-core {found.get('axe-core', '?')} in Chromium {found.get('chromium', '?')}, "
                 f"regels {', '.join(found.get('regels') or [])}")
        out.append(f"<p>Getest met {esc(tools)}.</p>")
    return "\n".join(out)


# ---------------------------------------------------------------- the command


def cmd_accessibility(args) -> int:
    """``lea toegankelijkheid``: check the built site and write the results into the site's own docs/."""
    from .generate import ConfigError, read_config
    from .site import Site, data_dir, load_site

    def say(text: str) -> None:
        print(f"lea toegankelijkheid: {text}", file=sys.stderr)

    config = Path(args.config).resolve()
    if not config.is_file():
        say(f"{args.config} bestaat niet; ga naar de map van uw site")
        return 2
    try:
        own = read_config(config)
    except ConfigError as err:
        say(str(err))
        return 2
    root = config.parent
    site = Path(args.site_dir) if args.site_dir else root / str(own.get("site_dir", "site"))
    if not (site / "index.html").is_file():
        say(f"in {site} staat geen gebouwde site; bouw haar eerst met: lea build")
        return 2
    loaded = load_site(data_dir(str(config), own.get("extra") or {}))
    if not isinstance(loaded, Site):
        say("de agendadata bevat fouten; draai eerst: lea check")
        return 1
    identity = site_identity(loaded.agenda)
    del loaded  # the agenda's model is not needed any more: its memory (hundreds of MB for a 10 MB agenda) goes back
    gc.collect()
    browser_path = find_browser(args.browser)
    if browser_path is None:
        say("geen Chromium gevonden; installeer het (Debian/Ubuntu: apt-get install chromium) of geef het pad met --browser")
        return 2
    axe = find_axe(args.axe, [root, Path.cwd()])
    if axe is None:
        say(f"axe-core ontbreekt; installeer het met: npm install --no-save axe-core@{AXE_VERSION} (of geef het pad met --axe)")
        return 2
    try:
        import playwright  # noqa: F401
    except ImportError:
        say("Playwright ontbreekt; installeer het met: pip install playwright (een browser downloaden is niet nodig)")
        return 2
    with launch(browser_path) as browser, serve(site) as base:
        outcome = check_pages(browser, base, site, axe.read_text(encoding="utf-8"), budget=args.max_tijd)
    data = results(outcome, identity, date.today())
    target = root / str(own.get("docs_dir", "docs")) / RESULTS
    write_results(target, data)
    for line in outcome.violations[:50]:
        print(line)
    for url in outcome.foreign[:20]:
        print(f"verzoek naar een andere website: {url}")
    print(f"{outcome.pages - len(outcome.unchecked)} pagina's getest in licht en donker (axe-core {outcome.axe}, Chromium {outcome.chromium}): "
          f"{len(outcome.violations)} schending(en), {len(outcome.foreign)} verzoek(en) naar andere websites"
          + (f"; {len(outcome.unchecked)} pagina('s) niet getest binnen {args.max_tijd:g} s (wel één van elke soort)" if outcome.unchecked else "")
          + (f"; van lange tabellen en lijsten de eerste {MAX_ROWS} rijen, op heel grote pagina's minder (hoogstens "
             f"{MAX_ELEMENTS} elementen per pagina; {outcome.trimmed} rijen niet getest)" if outcome.trimmed else "")
          + ". "
          f"Uitkomst in {target}; bouw de site opnieuw (lea build) om haar in de toegankelijkheidsverklaring te tonen.",
          file=sys.stderr)
    return 1 if outcome.violations or outcome.foreign else 0


def add_parser(sub) -> None:
    """The subcommand, under its Dutch name and the short English one developers know."""
    check = sub.add_parser("toegankelijkheid", aliases=["a11y"],
                           help="test de gebouwde site met axe-core in Chromium en zet de uitkomst in de toegankelijkheidsverklaring")
    check.add_argument("-f", "--config", default="mkdocs.yml", help="instellingen van de site (standaard: mkdocs.yml)")
    check.add_argument("-d", "--site-dir", help="map met de gebouwde site (standaard: site)")
    check.add_argument("--axe", help="pad naar axe-core (axe.min.js of de map node_modules/axe-core)")
    check.add_argument("--browser", help="pad naar Chromium of Chrome (standaard: chromium op het PATH)")
    check.add_argument("--max-tijd", type=float, default=BUDGET_SECONDS, metavar="SECONDEN",
                       help=f"begin na zoveel seconden geen nieuwe pagina meer (standaard {BUDGET_SECONDS}; eerst één van elke soort)")
    check.set_defaults(func=cmd_accessibility)
