"""'sjablonen:': a top-level block for YAML anchors the model never reads.

The encoding of a real agenda wanted one member list for five working groups. An anchor in its own
top-level block was refused as an unknown section; under 'sjablonen:' it is reused with *naam, its
contents reach the agenda only where an alias puts them, and the loader's bound on aliases holds.
"""

from __future__ import annotations

import json
from datetime import date

from lea_site.exports.opendata import agenda_json
from lea_site.load import load

from .test_limits import BOMB, _folder, _load_in_child

AGENDA = """\
agenda:
  titel: Testagenda
  regio: {naam: Testdorp, gemeenten: [Testdorp]}
  periode: {van: 2021, tot: 2024}
  vaststelling: {status: concept}
"""

TEMPLATES = """\
sjablonen:
  werkgroepleden: &leden
    - {rol: beleidsmedewerker onderwijs, partner: gemeente}
    - {rol: intern begeleider, partner: po}
  ongebruikt: {rol: Dit blok gebruikt niemand}
partners:
  - {id: gemeente, naam: Gemeente Testdorp, sector: gemeente}
  - {id: po, naam: Stichting PO, sector: po}
organen:
""" + "".join(f"  - {{id: wg-{n}, naam: Werkgroep {n}, niveau: uitvoering, leden: *leden}}\n" for n in range(1, 6))


def test_an_anchor_under_sjablonen_is_reused_and_the_block_itself_is_not_data(tmp_path):
    result = load(_folder(tmp_path, {"agenda.yml": AGENDA, "organisatie.yml": TEMPLATES}), today=date(2022, 6, 1))
    assert [str(p) for p in result.problems] == []
    bodies = result.agenda.organen
    assert len(bodies) == 5 and all([(m.rol, m.partner) for m in b.leden] ==
                                    [("beleidsmedewerker onderwijs", "gemeente"), ("intern begeleider", "po")] for b in bodies)
    published = json.dumps(agenda_json(result.agenda, date(2022, 6, 1)), ensure_ascii=False)
    assert "sjablonen" not in published and "Dit blok gebruikt niemand" not in published


def test_sjablonen_in_two_files_is_no_conflict(tmp_path):
    other = "sjablonen:\n  trekker: &trekker {partner: gemeente, rol: afdeling Onderwijs}\n"
    result = load(_folder(tmp_path, {"agenda.yml": AGENDA + other, "organisatie.yml": TEMPLATES}), today=date(2022, 6, 1))
    assert [str(p) for p in result.problems] == []


def test_an_alias_bomb_under_sjablonen_is_still_refused(tmp_path):
    bomb = "sjablonen:\n" + "".join("  " + line + "\n" for line in BOMB.splitlines())
    data = _folder(tmp_path, {"agenda.yml": AGENDA, "bom.yml": bomb})
    errors = [p for p in _load_in_child(data) if p[3]]
    assert errors and errors[0][0] == f"{data}/bom.yml" and "herhaalt zoveel dat de gegevens te groot worden" in errors[0][2]
