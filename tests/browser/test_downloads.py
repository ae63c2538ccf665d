"""Every download the site offers, followed in Chromium (issue 14).

One fixture site is built with its PDFs (the default test sites are built without them,
``LEA_PDF=nee``): havenstad, small and without year plans, so its two PDFs take seconds.
The test opens the site, reads every page in the browser, collects each link to a file the site offers (the PDFs,
``agenda.json`` and its schema, the CSV tables, the spreadsheet, the feeds, also the feeds'
``<link rel="alternate">``), fetches each through the browser and checks what comes back:
status 200, the content type a reader's browser gets, and content of the right kind that
is not empty.
"""

from __future__ import annotations

import json
import mimetypes
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from lea_site.accessibility import page_urls, serve

from ..conftest import SITE_DATA
from ..sitebuild import ROOT, write_config

pytestmark = pytest.mark.browser

SITE = "havenstad"

# Kind of file -> (the content types a host may send for it, how its content starts or reads).
KINDS = {
    "pdf": ({"application/pdf"}, lambda body: body.startswith(b"%PDF-") and b"%%EOF" in body[-64:]),
    "json": ({"application/json", "application/schema+json"}, lambda body: isinstance(json.loads(body), dict)),
    "csv": ({"text/csv"}, lambda body: body.decode("utf-8-sig").count("\n") >= 1),
    "xlsx": ({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}, lambda body: body.startswith(b"PK\x03\x04")),
    "feed": ({"application/atom+xml", "application/xml", "text/xml"},
             lambda body: b'<feed xmlns="http://www.w3.org/2005/Atom"' in body and b"<title>" in body),
}

# Every page of the site read by the browser from the open homepage (one navigation: a navigation per
# page cost half a second each on a busy machine), parsed as HTML by the browser itself, with each
# link resolved against its own page: every <a> to a file, and the <link rel="alternate"> that tells
# feed readers where a page's feed is.
_COLLECT = """async (pages) => {
  const found = [];
  for (const url of pages) {
    const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), "text/html");
    const base = doc.createElement("base");
    base.href = url;
    doc.head.prepend(base);
    for (const a of doc.querySelectorAll('a[href]')) found.push([a.href, url]);
    for (const l of doc.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]')) found.push([l.href, url]);
  }
  return found;
}"""


def kind_of(url: str) -> str | None:
    path = urlsplit(url).path
    if path.startswith("/feeds/") and path.endswith(".xml"):
        return "feed"
    suffix = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    return suffix if suffix in KINDS else None


@pytest.fixture(scope="module")
def site_with_pdfs(tmp_path_factory) -> Path:
    data, today = SITE_DATA[SITE]
    out = tmp_path_factory.mktemp("downloads")
    config = write_config(data, out)
    env = {**os.environ, "LEA_TODAY": today.isoformat(), "LEA_PDF": "ja", "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                         capture_output=True, text=True, env=env, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-3000:]
    return out / "site"


def test_every_download_link_gives_its_file(browser, site_with_pdfs: Path):
    # The type is the host's to send: web servers know .xlsx, Python's test server only from the
    # machine's /etc/mime.types (missing on a slim CI image).
    mimetypes.add_type(KINDS["xlsx"][0].copy().pop(), ".xlsx")
    with serve(site_with_pdfs) as base:
        page = browser.new_page()
        try:
            page.goto(base, wait_until="domcontentloaded")
            offered: dict[str, str] = {}  # file URL -> the first page that links it
            for url, where in page.evaluate(_COLLECT, [base + rel for rel in page_urls(site_with_pdfs)]):
                if url.startswith(base) and kind_of(url):
                    offered.setdefault(url.split("#")[0], where)
            kinds = {kind_of(url) for url in offered}
            assert kinds == set(KINDS), f"the site offers no {sorted(set(KINDS) - kinds)}"
            paths = {urlsplit(url).path for url in offered}
            assert {"/downloads/agenda.pdf", "/downloads/voortgang.pdf", "/opendata/agenda.json", "/feeds/agenda.xml"} <= paths
            problems = []
            for url, where in sorted(offered.items()):
                response = page.request.get(url)
                body = response.body()
                kind = kind_of(url)
                types, looks_right = KINDS[kind]
                sent = response.headers.get("content-type", "").split(";")[0].strip()
                if response.status != 200 or sent not in types or not body or not looks_right(body):
                    problems.append(f"{url} (linked from {where}): status {response.status}, {sent or 'no type'}, {len(body)} bytes")
            assert not problems, "\n".join(problems)
        finally:
            page.close()
