"""Generate a synthetic agenda of N actions, for benchmarks (not tests).

    python benchmarks/generate.py 10000 /tmp/agenda-10000

Ten ambitions, up to ten school years, actions spread evenly, with Dutch text of
realistic length, progress notes, budgets and plannings in every form.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

WORDS = (
    "kinderen ouders school kinderopvang gemeente samenwerking taal ontwikkeling wijk jeugdhulp "
    "peuters leerlingen aanbod bibliotheek overgang ondersteuning gezin sport cultuur zorg "
    "leerkrachten pedagogisch medewerkers afspraken bereik doorgaande lijn talent"
).split()
STATUSES = ["gepland", "lopend", "afgerond", "vertraagd", "gestopt"]
SECTORS = ["gemeente", "kinderopvang", "po", "vo", "so", "mbo", "swv", "jgz", "jeugdhulp", "bibliotheek", "welzijn", "sport"]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def generate(actions: int, out: Path, seed: int = 1) -> Path:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    years = max(1, min(10, actions // 100))
    first = 2026 - years + 1
    school_years = [f"{y}-{y + 1}" for y in range(first, first + years)]
    partners = [{"id": f"p{i}", "naam": f"Partner {i} {rng.choice(WORDS)}", "sector": SECTORS[i % len(SECTORS)]} for i in range(30)]
    ambitions = [
        {
            "id": f"ambitie-{i}",
            "titel": f"Ambitie {i}: {sentence(rng, 3)[:-1]}",
            "samenvatting": sentence(rng, 25),
            "beschrijving": "\n\n".join(sentence(rng, 40) for _ in range(3)),
            "pijlers": [sentence(rng, 8) for _ in range(4)],
            "indicatoren": [
                {
                    "id": f"ind-{i}-{k}", "titel": sentence(rng, 6), "eenheid": "%", "beter": "hoger",
                    "nulmeting": {"periode": first - 1, "waarde": 50},
                    "metingen": [{"periode": y, "waarde": 50 + j} for j, y in enumerate(range(first, 2027))],
                    "doel": {"waarde": 80, "uiterlijk": 2030},
                }
                for k in range(2)
            ],
        }
        for i in range(10)
    ]
    agenda = {
        "agenda": {
            "titel": f"Synthetische agenda met {actions} acties", "voorbeeld": True,
            "regio": {"naam": "Regio Synthese", "gemeenten": ["Aastad", "Beedorp", "Ceeveen"]},
            "periode": {"van": first, "tot": first + years + 3},
            "vaststelling": {"status": "concept"},
        },
        "partners": partners,
        "ambities": ambitions,
        "organen": [{"id": "stuurgroep", "naam": "Stuurgroep", "niveau": "regie", "leden": ["p0", "p1"]}]
        + [{"id": f"werkgroep-{i}", "naam": f"Werkgroep {i}", "niveau": "uitvoering", "ambitie": f"ambitie-{i}", "rapporteert_aan": ["stuurgroep"]} for i in range(10)],
    }
    (out / "agenda.yml").write_text(yaml.safe_dump(agenda, allow_unicode=True, sort_keys=False), encoding="utf-8")
    per_year = [actions // years + (1 if k < actions % years else 0) for k in range(years)]
    plannings = ["hele schooljaar", "Q4 {a}", "Q1 {b} t/m Q2 {b}", "{a}-11", "maart {b}"]
    (out / "jaarplannen").mkdir(exist_ok=True)
    for sy, count in zip(school_years, per_year):
        a, b = sy.split("-")
        plans = []
        for i in range(10):
            acts = []
            for n in range(i, count, 10):
                cost = rng.randrange(0, 20000, 50)
                acts.append({
                    "id": f"a{n}", "titel": sentence(rng, 7)[:-1], "beschrijving": sentence(rng, 45),
                    "trekker": f"p{rng.randrange(30)}", "partners": [f"p{rng.randrange(30)}" for _ in range(2)],
                    "planning": rng.choice(plannings).format(a=a, b=b),
                    "begroting": {"kosten": cost, "dekking": cost // 4} if cost else "eigen uren",
                    "status": STATUSES[n % 5],
                    "voortgang": [{"datum": f"{a}-10-{1 + n % 28:02d}", "tekst": sentence(rng, 20)}],
                    "leeftijden": rng.choice(["0-4", "4-12", "12-18"]),
                })
            plans.append({"ambitie": f"ambitie-{i}", "jaardoel": sentence(rng, 20), "acties": acts})
        plan = {"schooljaar": sy, "vaststelling": {"status": "vastgesteld", "datum": f"{a}-10-01", "door": "stuurgroep"},
                "budget": {"beschikbaar": 10_000_000}, "ambities": plans}
        (out / "jaarplannen" / f"{sy}.yml").write_text(yaml.safe_dump({"jaarplan": plan}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
