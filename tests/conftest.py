"""Shared test helpers: paths and the fixed 'today' the data is checked against."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

# Site builds in the tests skip the PDFs (seconds each, for every new data set); tests/test_pdf.py
# makes them itself, and builds a site with them (LEA_PDF=ja) to see that lea build links them.
os.environ.setdefault("LEA_PDF", "nee")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURES = ROOT / "tests" / "fixtures"
DEMO_TODAY = date(2026, 11, 22)  # the demo data's "now": the current school year is 2026-2027
FIXTURE_TODAY = date(2022, 6, 1)
# The smallest valid agenda section, for tests that build a data folder of their own.
MINIMAL_AGENDA = """\
agenda:
  titel: Testagenda
  regio: {naam: Testdorp, gemeenten: [Testdorp]}
  periode: {van: 2021, tot: 2024}
  vaststelling: {status: concept}
"""


@pytest.fixture
def root() -> Path:
    return ROOT
