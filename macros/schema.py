"""JSON Schema of one data file, for editors (VS Code's YAML extension) and docs."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .model import AgendaInfo, Ambition, Body, Intervention, Partner, Role, YearPlan

# Models whose before-validator also accepts a plain string (see model.py).
SHORTHANDS = {
    "Party": "partner-id",
    "Owner": "partner-id",
    "Member": "partner-id",
    "Statement": "de doelstelling als tekst",
    "Result": "het beoogde resultaat als tekst",
    "Location": "'hele gemeente' of de naam van één locatie",
    "Budget": "'geen' of 'eigen uren'",
    "Evaluation": "moment, bijvoorbeeld Q2 2022",
    "Funding": "bron",
    "TargetGroup": "omschrijving",
    "Principle": "titel",
    "Priority": "titel",  # issue 29
    "SharedGoal": "doel (id)",
    "Venue": "naam van de plek",
    "Cost": "de regel in woorden, bijvoorbeeld 'gratis'",
    "SignUp": "webadres om aan te melden",
}
# Shorthands that are not a string: a number for the amount, a list for the steps.
OTHER_SHORTHANDS = {
    "Cost": {"type": "number", "minimum": 0, "description": "Kort: het bedrag in euro's"},
    "SignUp": {"type": "array", "items": {"type": "string"}, "description": "Kort: de stappen in volgorde"},
}


class DataFile(BaseModel):
    """One YAML file in data/: any of these sections; together the files make one agenda."""

    model_config = ConfigDict(extra="forbid", title="Lokale Educatieve Agenda: databestand")

    agenda: AgendaInfo | None = Field(None, description="De agenda zelf; in precies één bestand.")
    partners: list[Partner] | None = Field(None, description="Partners.")
    partner: Partner | None = Field(None, description="Eén partner.")
    ambities: list[Ambition] | None = Field(None, description="Ambities (programma's, thema's, actielijnen).")
    ambitie: Ambition | None = Field(None, description="Eén ambitie, bijvoorbeeld in een eigen bestand.")
    jaarplannen: list[YearPlan] | None = Field(None, description="Jaarplannen per schooljaar.")
    jaarplan: YearPlan | None = Field(None, description="Eén jaarplan, bijvoorbeeld in een eigen bestand.")
    organen: list[Body] | None = Field(None, description="Overleg- en bestuursorganen.")
    orgaan: Body | None = Field(None, description="Eén orgaan.")
    interventies: list[Intervention] | None = Field(None, description="Interventies in het GKA-format.")
    interventie: Intervention | None = Field(None, description="Eén interventie.")
    rollen: list[Role] | None = Field(None, description="Rollen: functies van één persoon (een procesmanager), met hun taken.")
    rol: Role | None = Field(None, description="Eén rol.")
    sjablonen: Any = Field(None, description=(
        "Blokken om in hetzelfde bestand te hergebruiken: zet een anker (&werkgroepleden) op een blok hier en verwijs "
        "ernaar met *werkgroepleden. De site leest deze sectie zelf niet."))


def _numbers_as_text(node: Any) -> None:
    """Free-text fields accept numbers (the model turns ``periode: 2026`` into '2026'), so say so."""
    if isinstance(node, dict):
        if node.get("type") == "string" and not ({"pattern", "enum", "const", "format"} & node.keys()):
            node["type"] = ["string", "number"]
        for value in node.values():
            _numbers_as_text(value)
    elif isinstance(node, list):
        for value in node:
            _numbers_as_text(value)


def json_schema() -> dict[str, Any]:
    schema = DataFile.model_json_schema()
    _numbers_as_text(schema["$defs"])
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    for name, what in SHORTHANDS.items():
        definition = schema.get("$defs", {}).get(name)
        if definition is None:
            continue
        obj = {k: v for k, v in definition.items() if k not in ("title", "description")}
        schema["$defs"][name] = {
            "title": definition.get("title", name),
            "description": definition.get("description", ""),
            "anyOf": [{"type": "string", "description": f"Kort: {what}"}, *([OTHER_SHORTHANDS[name]] if name in OTHER_SHORTHANDS else []), obj],
        }
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
