"""WCAG 2.1 AA with axe-core and no third-party requests, in Chromium, on the demo and every fixture.

The check is the one `lea toegankelijkheid` runs (lea_site.accessibility.check_pages); this test
records nothing: each site's statement shows its own run (tests/browser/test_statement.py).
"""

from __future__ import annotations

import pytest

from lea_site.accessibility import check_pages

from .conftest import SITES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", list(SITES))
def test_every_page_passes_axe_and_stays_on_origin(name, sites, browser, axe_source):
    base, root = sites[name]
    outcome = check_pages(browser, base, root, axe_source)
    assert outcome.pages > 5
    assert not outcome.violations, "\n".join(outcome.violations[:30])
    assert not outcome.foreign, outcome.foreign[:10]
