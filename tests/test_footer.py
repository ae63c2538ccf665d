"""The foot of every page (issue 17): contact, privacy, accessibility statement, the municipality's site, a colophon."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

import lea_site

from .conftest import DATA, DEMO_TODAY
from .sitebuild import lea, site_folder


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_every_page_has_the_foot_with_working_links(tmp_path: Path, engine: str):
    if engine == "zensical":
        pytest.importorskip("zensical", reason="pip install -e '.[zensical]'")
    folder = site_folder(tmp_path, DATA)
    run = lea("build", "--engine", engine, cwd=folder, today=DEMO_TODAY)
    assert run.returncode == 0, run.stderr[-2000:]
    site = folder / "site"
    pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html")
    assert len(pages) >= 20
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        foot = soup.select_one(".lea-voet")
        assert foot is not None, page
        text = " ".join(foot.get_text(" ").split()).replace(" .", ".").replace(" ,", ",")
        assert "Vragen over de agenda: programmamanager LEA, lea@lindeveen.example." in text
        assert "Colofon: de gegevens zijn van de partners van de agenda in de gemeente Lindeveen" in text
        assert f"de site is gemaakt met lea-site {lea_site.__version__}, open source." in text  # the version that built it
        assert "Made with" not in str(soup)
        links = {a.get_text(strip=True): a["href"] for a in foot.select("a")}
        assert links["Website Lindeveen"].replace("&#x2f;", "/") == "https://www.lindeveen.example"
        for label in ("Contact", "Privacy", "Toegankelijkheid"):
            href = urlsplit(links[label])
            target = Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), href.path))) / "index.html"
            assert target.is_file(), (page, label, links[label])
            if href.fragment:
                assert BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=href.fragment), (label, href)
