"""The typed model of a Lokale Educatieve Agenda.

Field names are the Dutch keys that editors write in ``data/*.yml``; every field has
a description, which is published in the JSON Schema (``lea schema``) and checked
to appear in the documentation. Lenient input (``geen`` as a budget, a partner id
where a party is expected) is normalised in ``model_validator(mode="before")``
hooks or in :mod:`macros.values`, never in renderers.
"""

from __future__ import annotations

import re
import typing
from datetime import date
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, WithJsonSchema, model_validator

from .values import (AgeRange, AgesField, DayField, MomentField, Money, Number, PeriodField, Period, Planning, PlanningField, SchoolYear, YesNo, choice, clip,
                     describe, dutch_int, odd_characters, parse_number, parse_planning)

# --- limits --------------------------------------------------------------------
# The data comes from pull requests; every text has a stated maximum, so no value can
# make the site (where titles and names are repeated on every page) grow without bound.
MAX_ID = 60  # an id is part of web addresses and file names
MAX_TEXT = 300  # titles, names, roles, list items: short texts
MAX_LONG_TEXT = 20_000  # Markdown and other texts of paragraphs (descriptions, notes, summaries)
MAX_URL = 2000  # what browsers and servers reliably accept
MAX_EMAIL = 254  # RFC 5321
# Ambition ids become pages in ambities/; these names are the site's own (a generated page
# of that name would lose to it, or shadow it).
RESERVED_IDS = frozenset({"index", "404", "assets", "search", "sitemap", "stylesheets", "javascripts", "overrides"})

# --- small shared types ----------------------------------------------------

_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def _parse_id(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"verwacht een id (kleine letters, cijfers en streepjes), kreeg {describe(value)}")
    if len(value) > MAX_ID:
        raise ValueError(f"id is te lang: {dutch_int(len(value))} tekens, en de grens is {MAX_ID}; kies een korte id")
    if not _ID.fullmatch(value):  # fullmatch: "index\n" would pass a match with $ (and strip to a reserved id)
        if (message := odd_characters(value)):
            raise ValueError(message)
        suggestion = re.sub(r"[^a-z0-9-]+", "-", value.lower()).strip("-")
        hint = f"; bijvoorbeeld '{suggestion}'" if suggestion else ""
        raise ValueError(f"ongeldig id '{value}': gebruik alleen kleine letters, cijfers en streepjes{hint}")
    return value


def _parse_page_id(value: Any) -> str:
    value = _parse_id(value)
    if value in RESERVED_IDS:
        raise ValueError(f"id '{value}' is gereserveerd: de site gebruikt die naam zelf voor een pagina of map "
                         f"({', '.join(sorted(RESERVED_IDS))}); kies een andere id")
    return value


_ID_SCHEMA = {"type": "string", "pattern": f"^{_ID.pattern}$", "maxLength": MAX_ID, "description": "Id: kleine letters, cijfers en streepjes"}
Id = Annotated[
    str,
    BeforeValidator(_parse_id),
    WithJsonSchema(_ID_SCHEMA),
]
PageId = Annotated[
    str,
    BeforeValidator(_parse_page_id),
    WithJsonSchema({"type": "string", "pattern": f"^{_ID.pattern}$", "maxLength": MAX_ID, "not": {"enum": sorted(RESERVED_IDS)},
                    "description": "Id: kleine letters, cijfers en streepjes; wordt een pagina, dus niet " + ", ".join(sorted(RESERVED_IDS))}),
]
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
LongText = Annotated[str, Field(min_length=1, max_length=MAX_LONG_TEXT)]

_URL = re.compile(r"https?://([^\s/?#]+)(?:[/?#]\S*)?")  # the host excludes what may follow it: linear
_EMAIL = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def _parse_url(value: Any) -> str:
    # Links go into href attributes: only web addresses, never javascript: or data: links.
    if not isinstance(value, str):
        raise ValueError(f"verwacht een webadres zoals https://www.voorbeeld.nl, kreeg {describe(value)}")
    text = value.strip()
    if len(text) > MAX_URL:
        raise ValueError(f"webadres is te lang: {dutch_int(len(text))} tekens, en de grens is {dutch_int(MAX_URL)}")
    match = _URL.fullmatch(text)
    if match and "." in match[1][1:-1]:
        return text
    if re.fullmatch(r"www\.[^\s.]+\.\S+", text):
        raise ValueError(f"'{text}' is een webadres zonder https://; schrijf https://{text}")
    raise ValueError(f"'{clip(text)}' is geen webadres; schrijf het volledig, beginnend met https://")


def _parse_email(value: Any) -> str:
    """One address and nothing else: it becomes a mailto: link, where ?bcc= would add a hidden recipient."""
    if not isinstance(value, str):
        raise ValueError(f"{describe(value)} is geen e-mailadres; schrijf het als naam@organisatie.nl")
    text = value.strip()
    if len(text) > MAX_EMAIL:
        raise ValueError(f"e-mailadres is te lang: {dutch_int(len(text))} tekens, en de grens is {MAX_EMAIL}")
    if _EMAIL.fullmatch(text):
        return text
    shown = f"'{clip(text)}'"
    if text[:7].lower() == "mailto:":
        rest = text[7:].strip()
        example = rest if _EMAIL.fullmatch(rest) else "naam@organisatie.nl"
        raise ValueError(f"laat 'mailto:' weg: schrijf alleen het adres, {example}")
    if "?" in text or "%" in text or "&" in text:
        raise ValueError(f"{shown} is geen gewoon e-mailadres: een ?, % of & (zoals in ?bcc= of ?subject=) hoort er niet in; "
                         "schrijf alleen het adres, naam@organisatie.nl")
    if text.count("@") > 1 or any(c in text for c in ",; "):
        raise ValueError(f"{shown} is meer dan één adres of bevat een spatie; schrijf één e-mailadres, naam@organisatie.nl")
    if any(c in text for c in "\"'`<>"):
        raise ValueError(f"{shown} is geen e-mailadres: aanhalingstekens en < > horen er niet in; schrijf het als naam@organisatie.nl")
    raise ValueError(f"{shown} is geen e-mailadres; schrijf het als naam@organisatie.nl")


_PHONE = re.compile(r"\+?[0-9][0-9 -]{1,22}[0-9]")


def _parse_phone(value: Any) -> Any:
    """A service number as written ('14 070', '088 123 45 67', '+31 70 123 45 67'), never a person's mobile."""
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError("schrijf het telefoonnummer tussen aanhalingstekens, met de 0 vooraan: '088 123 45 67'")
    if not isinstance(value, str):
        return value
    text = " ".join(value.split())
    digits = re.sub(r"[^0-9]", "", text)
    if not _PHONE.fullmatch(text) or not 3 <= len(digits) <= 15:
        raise ValueError(f"'{clip(text)}' is geen telefoonnummer; schrijf alleen cijfers, spaties en streepjes, "
                         "bijvoorbeeld '088 123 45 67' of '14 070'")
    if re.match(r"(\+31|0031|0)6", digits if not text.startswith("+") else "+" + digits):
        raise ValueError(f"'{clip(text)}' is een mobiel nummer, meestal van één persoon; geef een algemeen nummer "
                         "van de organisatie (de site noemt nooit personen)")
    return text


Phone = Annotated[str, BeforeValidator(_parse_phone), WithJsonSchema(
    {"type": "string", "pattern": r"^\+?[0-9][0-9 -]*[0-9]$", "maxLength": 24,
     "description": "Algemeen telefoonnummer van de organisatie, bijvoorbeeld '088 123 45 67' (geen 06-nummer)"})]
WebUrl = Annotated[str, BeforeValidator(_parse_url), WithJsonSchema(
    {"type": "string", "pattern": r"^https?://", "maxLength": MAX_URL, "description": "Webadres, beginnend met https://"})]
Email = Annotated[str, BeforeValidator(_parse_email), WithJsonSchema(
    {"type": "string", "pattern": "^" + _EMAIL.pattern + "$", "maxLength": MAX_EMAIL,
     "description": "Algemeen e-mailadres (functiemailbox): alleen het adres, zonder mailto: of ?"})]
Markdown = Annotated[str, Field(min_length=1, max_length=MAX_LONG_TEXT, json_schema_extra={"format": "markdown"})]

# Every date-like field goes through the one period parser in lea_site.values: a day where the site
# needs one (progress notes, spending reports), a moment (adoption, a document's date, a body's start)
# or a period of any kind agendas use; see values.PERIOD_HELP.

Sector = choice(Literal[
    "gemeente", "kinderopvang", "po", "vo", "so", "vso", "sbo", "mbo", "hbo", "wo", "swv", "jgz",
    "jeugdhulp", "bibliotheek", "cultuur", "sport", "welzijn", "werkgevers", "overig",
])
SECTOR_LABELS: dict[str, str] = {
    "gemeente": "gemeente", "kinderopvang": "kinderopvang", "po": "primair onderwijs",
    "vo": "voortgezet onderwijs", "so": "speciaal onderwijs", "vso": "voortgezet speciaal onderwijs",
    "sbo": "speciaal basisonderwijs", "mbo": "mbo", "hbo": "hbo", "wo": "universiteit",
    "swv": "samenwerkingsverband passend onderwijs", "jgz": "jeugdgezondheidszorg",
    "jeugdhulp": "jeugdhulp", "bibliotheek": "bibliotheek", "cultuur": "cultuur", "sport": "sport",
    "welzijn": "welzijn", "werkgevers": "werkgevers", "overig": "overig",
}
# Fixed values are taken in any case ('Afgerond'), see values.choice.
Status = choice(Literal["gepland", "lopend", "afgerond", "vertraagd", "gestopt"])
STATUSES: tuple[str, ...] = ("gepland", "lopend", "vertraagd", "afgerond", "gestopt")
Level = choice(Literal["bestuurlijk", "regie", "uitvoering", "advies", "netwerk"])
BodyStatus = choice(Literal["voorgesteld", "actief", "beeindigd"])


class Model(BaseModel):
    """Strict base: unknown keys are errors, numbers given for text become text."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, str_strip_whitespace=True)
    _lists: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls._lists = tuple(name for name, info in cls.model_fields.items() if typing.get_origin(info.annotation) is list)

    @model_validator(mode="before")
    @classmethod
    def _empty_lists(cls, value: Any) -> Any:
        """'acties:' with nothing after it is an empty list, as if the field were left out."""
        if cls._lists and isinstance(value, dict) and any(value.get(name, ()) is None for name in cls._lists):
            return {key: [] if item is None and key in cls._lists else item for key, item in value.items()}
        return value


def _shorthand(field: str, *, only_str: bool = True):
    """A before-validator that lets a plain string stand for ``{field: string}``."""

    def hook(cls, value: Any) -> Any:
        if isinstance(value, str) or (not only_str and isinstance(value, int) and not isinstance(value, bool)):
            return {field: value}
        return value

    return model_validator(mode="before")(classmethod(hook))


# --- parties, places, money --------------------------------------------------


class Party(Model):
    """A partner organisation, a role, or a role at a partner. A plain string is a partner id."""

    partner: Id | None = Field(None, description="Id van een partner uit `partners`.")
    rol: Text | None = Field(None, description="Een rol, geen persoonsnaam: 'beleidsadviseur onderwijs', 'jeugdconsulent'.")
    orgaan: Id | None = Field(None, description="Id van een orgaan uit `organen`, als een werkgroep of overleg de trekker is.")

    _from_str = _shorthand("partner")

    @model_validator(mode="after")
    def _one_of(self) -> "Party":
        if self.partner is None and self.rol is None and self.orgaan is None:
            raise ValueError("noem een partner (id), een rol of een orgaan (id)")
        return self


class Owner(Party):
    """An owner of an ambition, possibly for a term (owners may rotate)."""

    van: PeriodField | None = Field(None, description="Begin van de termijn, bijvoorbeeld 2022-2023 of 2022-08.")
    tot: PeriodField | None = Field(None, description="Einde van de termijn.")

    @model_validator(mode="after")
    def _term(self) -> "Owner":
        if self.van and self.tot and self.tot.end < self.van.start:
            raise ValueError(f"de termijn eindigt ({self.tot}) voordat hij begint ({self.van})")
        return self


class Contact(Model):
    """How to reach someone about an item: a role, never a person's name."""

    rol: Text = Field(description="Rol van de contactpersoon, bijvoorbeeld 'beleidsadviseur onderwijs'.")
    partner: Id | None = Field(None, description="Id van de organisatie van de contactpersoon.")
    email: Email | None = Field(None, description="Een algemeen e-mailadres (functiemailbox), geen persoonlijk adres.")
    telefoon: Phone | None = Field(None, description="Een algemeen telefoonnummer (geen 06-nummer van een persoon).")
    url: WebUrl | None = Field(None, description="Webpagina met contactgegevens.")


class Location(Model):
    """Where something happens. The string 'hele gemeente' means everywhere."""

    hele_gemeente: YesNo = Field(False, description="true als het in de hele gemeente (of regio) plaatsvindt.")
    gemeenten: list[Text] = Field(default_factory=list, description="Gemeenten (bij een regionale agenda).")
    wijken: list[Text] = Field(default_factory=list, description="Wijken of kernen.")
    scholen: list[Text] = Field(default_factory=list, description="Scholen of kindcentra, bij naam.")
    locaties: list[Text] = Field(default_factory=list, description="Andere locaties: bibliotheek, sporthal, kinderopvanglocatie.")

    @model_validator(mode="before")
    @classmethod
    def _from_str(cls, value: Any) -> Any:
        if isinstance(value, str):
            if value.strip().lower() in ("hele gemeente", "hele regio", "gemeentebreed"):
                return {"hele_gemeente": True}
            return {"locaties": [value]}
        return value

    @model_validator(mode="after")
    def _something(self) -> "Location":
        if not (self.hele_gemeente or self.gemeenten or self.wijken or self.scholen or self.locaties):
            raise ValueError("noem 'hele gemeente' of ten minste één gemeente, wijk, school of locatie")
        return self

    def names(self) -> list[str]:
        return [*self.gemeenten, *self.wijken, *self.scholen, *self.locaties]


# --- issue 29: goals at levels, shared results and statements, roles, bodies as agreed ----------
# Grouped here so that the goal, body, partner and document classes below only gain a field each.

GoalKind = choice(Literal["inhoud", "proces"])
GOAL_KINDS = {"inhoud": "inhoudelijk doel", "proces": "procesdoel"}
EDUCATION_LEVELS = ("po", "vo", "so", "vso", "sbo", "mbo", "hbo", "wo")
EducationLevel = choice(Literal[EDUCATION_LEVELS])
MemberKind = choice(Literal["vast", "bij voorkeur", "bijvoorbeeld", "mogelijk"])


class Statement(Model):
    """A goal's shared statement in the agenda's own words ('Onze gezamenlijke ambitie: ...'); a plain string is ``tekst``."""

    tekst: LongText = Field(description="De doelstelling zoals het document haar formuleert (de officiële formulering).")
    eenvoudig: LongText | None = Field(None, description="Dezelfde doelstelling in gewone woorden, als het document die ook geeft.")

    _from_str = _shorthand("tekst")


class Result(Model):
    """An intended result; ``ook_voor`` names the other goals it serves. A plain string is ``tekst``."""

    tekst: Text = Field(description="Het beoogde resultaat in woorden.")
    ook_voor: list[Id] = Field(default_factory=list, description=(
        "Ids van andere doelen waarvoor dit resultaat ook geldt; het staat dan ook op hun pagina (één keer schrijven, bij elk doel tonen)."))

    _from_str = _shorthand("tekst")


class Member(Party):
    """A member of a body: a partner or role, possibly the owner of goals, possibly only an example or a possibility."""

    lid: MemberKind = Field("vast", description=(
        "vast (een lid), bij voorkeur ('bij voorkeur een beleidsmedewerker met een link naar de subsidietafel': "
        "het document zegt wie het liefst), bijvoorbeeld (het document noemt het als voorbeeld van wie er in kan zitten) of "
        "mogelijk ('kan een ouder zijn': het document laat open of dit lid er komt)."))
    eigenaar_van: list[Id] = Field(default_factory=list, description=(
        "Ids van doelen waarvan dit lid eigenaar is (twee bestuurders per ambitie); het doel toont het lid als eigenaar."))


def _parse_span(value: Any) -> Planning:
    """A stretch of time as plannings are written ('februari tot en met juni 2021'), never 'hele schooljaar'."""
    help_text = "schrijf een maand, jaar of reeks, bijvoorbeeld 'februari tot en met juni 2021' of '2021'"
    try:
        span = parse_planning(value)
    except ValueError:
        shown = f"'{clip(str(value).strip())}'" if isinstance(value, (str, int)) else describe(value)
        raise ValueError(f"{shown} is geen periode; {help_text}") from None
    if span.whole_year:
        raise ValueError(f"'hele schooljaar' zegt niet welk jaar; {help_text}")
    return span


class Role(Model):
    """A role in the organisation of the agenda that is one person's job, with its tasks (a process manager)."""

    id: Id = Field(description="Uniek; wordt het anker rol-<id> op de pagina Organisatie.")
    naam: Text = Field(description="De functie: 'procesmanager LEA', 'programmamanager'. Nooit de naam van een persoon.")
    partner: Id | None = Field(None, description="Id van de partner waar de functie is ondergebracht, als het document dat zegt.")
    beschrijving: Markdown | None = Field(None, description="Wat de rol is: 'onafhankelijk, aangesteld door de stuurgroep'.")
    omvang: Text | None = Field(None, description="Hoeveel tijd: '16 uur per week', '0,4 fte'.")
    taken: list[Text] = Field(default_factory=list, description="De taken van de rol, één per regel.")
    rapporteert_aan: list[Id] = Field(default_factory=list, description="Ids van organen waaraan de rol verantwoording aflegt.")
    contact: Contact | None = Field(None, description="Hoe u de rol bereikt: een functiemailbox, geen persoonlijk adres.")


def _spent_with_date(item: Any) -> None:
    """An amount spent is a report: it says when it was reported."""
    if item.besteed is not None and item.besteed_op is None:
        raise ValueError("besteed zonder besteed_op: noem de datum waarop het bestede bedrag is gemeld (JJJJ-MM-DD)")
    if item.besteed_op is not None and item.besteed is None:
        raise ValueError("besteed_op zonder besteed: noem ook het bestede bedrag")


BUDGET_KINDS = {"geen": "geen", "eigen uren": "eigen_uren", "eigen_uren": "eigen_uren", "n.v.t.": "geen", "nvt": "geen"}


class Budget(Model):
    """Money for an action or a plan: costs, what other sources cover, the rest on the LEA budget.

    The strings ``geen`` (no costs) and ``eigen uren`` (partners' own hours) stand for
    ``{soort: geen}`` and ``{soort: eigen_uren}``.
    """

    soort: choice(Literal["bedrag", "geen", "eigen_uren"]) = Field("bedrag", description="bedrag, geen of eigen_uren.")
    kosten: Money | None = Field(None, description="Totale kosten in hele euro's.")
    dekking: Money = Field(0, description="Deel van de kosten dat uit andere bronnen komt (dekking, reeds beschikbaar).")
    dekking_door: Text | None = Field(None, description="Waar de dekking vandaan komt, bijvoorbeeld 'NPO-middelen'.")
    lea: Money | None = Field(None, description="Ten laste van het LEA-budget; moet gelijk zijn aan kosten min dekking (mag je weglaten).")
    toelichting: LongText | None = Field(None, description="Korte toelichting, bijvoorbeeld 'uren bekostigd door de organisaties zelf'.")
    besteed: Money | None = Field(None, description="Wat er tot nu toe werkelijk is uitgegeven, in hele euro's (met besteed_op).")
    besteed_op: DayField | None = Field(None, description="Dag waarop het bestede bedrag is gemeld (2021-10-14 of 14 oktober 2021).")
    bronnen: list[Text] = Field(default_factory=list, description=(
        "Waar het geld vandaan komt, ook zonder bedrag: OAB, NPO, Regio Deal. Zonder kosten betekent dit: "
        "betaald uit deze bronnen, bedrag niet bekend (de site toont dan geen bedrag, nooit € 0)."))

    @model_validator(mode="before")
    @classmethod
    def _from_str(cls, value: Any) -> Any:
        if isinstance(value, str):
            kind = BUDGET_KINDS.get(value.strip().lower())
            if kind is None:
                raise ValueError(
                    f"'{clip(value.strip())}' is geen begroting; schrijf 'geen', 'eigen uren' of een groep met kosten (en eventueel dekking)"
                )
            return {"soort": kind}
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            amount = clip(str(getattr(value, "raw", value)), 30)
            if re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})+", amount):  # 8.000 in Dutch notation
                amount = amount.replace(".", "")
            raise ValueError(f"een begroting is een groep: schrijf 'begroting: {{kosten: {amount}}}' "
                             "(met eventueel dekking), of 'geen' of 'eigen uren'")
        return value

    @model_validator(mode="after")
    def _sums(self) -> "Budget":
        _spent_with_date(self)
        if self.soort != "bedrag":
            if self.kosten or self.dekking or self.lea or self.besteed:
                raise ValueError(f"een begroting van soort '{self.soort}' heeft geen bedragen; laat kosten, dekking en lea weg")
            return self
        if self.kosten is None:
            if self.bronnen:  # funded from named sources, amount not known
                if self.dekking or self.lea is not None:
                    raise ValueError("dekking of lea zonder kosten; noem de kosten, of laat bedragen weg als alleen de bronnen bekend zijn")
                return self
            raise ValueError("kosten ontbreekt; schrijf 'begroting: geen' als er geen kosten zijn, "
                             "of noem alleen de bronnen ('bronnen: [OAB]') als het bedrag niet bekend is")
        if self.dekking > self.kosten:
            raise ValueError(f"de dekking ({self.dekking}) is hoger dan de kosten ({self.kosten})")
        if self.lea is not None and self.lea != self.kosten - self.dekking:
            raise ValueError(
                f"lea ({self.lea}) is niet gelijk aan kosten min dekking ({self.kosten} - {self.dekking} = {self.kosten - self.dekking})"
            )
        return self

    @property
    def known(self) -> bool:
        """Whether the amounts are known (a budget of named sources only has none)."""
        return self.soort != "bedrag" or self.kosten is not None

    @property
    def cost(self) -> int:
        return self.kosten or 0

    @property
    def covered(self) -> int:
        return self.dekking

    @property
    def charged(self) -> int:
        """The part charged to the LEA budget."""
        return self.cost - self.dekking


# --- actions -----------------------------------------------------------------


# Issue 29 item 11: some municipalities report each project on quality, money and time separately.
Stand = choice(Literal["op koers", "let op", "achter"])


class DimensionReport(Model):
    """How an action stands on one dimension (kwaliteit, geld, tijd) at the date of its progress note."""

    dimensie: Text = Field(description="De dimensie in de woorden van de agenda: kwaliteit, geld, tijd, inhoud, planning.")
    stand: Stand = Field(description="op koers, let op of achter.")
    toelichting: LongText | None = Field(None, description="Toelichting bij de stand op deze dimensie.")


class ProgressNote(Model):
    """A dated note on how an action is going."""

    datum: DayField = Field(description="Datum van de notitie: 2021-10-14 of 14 oktober 2021.")
    tekst: LongText = Field(description="Wat er is gebeurd of besloten.")
    status: Status | None = Field(None, description="Status van de actie vanaf deze datum, als die veranderde.")
    dimensies: list[DimensionReport] = Field(default_factory=list, description=(
        "De stand per dimensie op deze datum, als de agenda elk project apart rapporteert op bijvoorbeeld "
        "kwaliteit, geld en tijd: [{dimensie: geld, stand: let op, toelichting: ...}]."))


class Evaluation(Model):
    """A moment at which an action is evaluated, and what came out."""

    moment: PlanningField = Field(description="Wanneer: een kwartaal, maand of datum.")
    soort: Text | None = Field(None, description="Bijvoorbeeld tussenevaluatie of eindevaluatie.")
    uitkomst: LongText | None = Field(None, description="Wat de evaluatie opleverde (vul in als hij geweest is).")

    _from_str = _shorthand("moment")


MAX_STEPS = 10  # a step-by-step that needs more steps than this is a page of its own (url)


class Venue(Model):
    """A place a parent goes to: its name and its address. A plain string is the name."""

    naam: Text = Field(description="Naam van de plek: 'Peuteropvang De Dreumes', 'Bibliotheek Lindeveen, vestiging Centrum'.")
    adres: Text | None = Field(None, description="Straat, huisnummer en plaats: 'Lindelaan 12, 1234 AB Lindeveen'.")

    _from_str = _shorthand("naam")


class Cost(Model):
    """What it costs a parent: an amount (per time, month, year) or a rule in words; or both.

    A plain string is the rule ('gratis', 'eigen bijdrage naar inkomen'), a number the amount in euros."""

    bedrag: Annotated[float, BeforeValidator(parse_number), Field(ge=0, le=100_000)] | None = Field(None, description=(
        "Bedrag in euro's, met een punt als decimaalteken: 2.50. 0 betekent gratis."))
    per: Text | None = Field(None, description="Waarvoor het bedrag geldt: 'keer', 'maand', 'jaar', 'cursus'.")
    regel: Text | None = Field(None, description=(
        "De kosten als regel in gewone woorden: 'gratis', 'gratis met een VVE-indicatie; anders een bijdrage naar inkomen'."))

    @model_validator(mode="before")
    @classmethod
    def _from_plain(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"regel": value}
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return {"bedrag": value}
        return value

    @model_validator(mode="after")
    def _something(self) -> "Cost":
        if self.bedrag is None and self.regel is None:
            raise ValueError("noem een bedrag (bedrag: 2.50, per: keer) of een regel (regel: gratis)")
        if self.per is not None and self.bedrag is None:
            raise ValueError("per zonder bedrag: noem ook het bedrag, bijvoorbeeld {bedrag: 2.50, per: keer}")
        return self


class SignUp(Model):
    """How a parent signs up: a web page, the steps in order, or both. A web address alone stands for
    ``{url: ...}``, a list for ``{stappen: [...]}``."""

    stappen: list[Text] = Field(default_factory=list, max_length=MAX_STEPS, description=(
        "De stappen in volgorde, elk één zin: ['Vraag een indicatie bij het consultatiebureau.', "
        "'Kies een peuteropvang.', 'Meld uw kind aan bij de peuteropvang.']. De site nummert ze."))
    url: WebUrl | None = Field(None, description="Webpagina waar ouders hun kind aanmelden, beginnend met https://.")

    @model_validator(mode="before")
    @classmethod
    def _from_plain(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"url": value}
        if isinstance(value, list):
            return {"stappen": value}
        return value

    @model_validator(mode="after")
    def _something(self) -> "SignUp":
        if not self.stappen and self.url is None:
            raise ValueError("noem de stappen (stappen: [...]) of een webadres om aan te melden (url: https://...)")
        return self


class ForParents(Model):
    """What parents or children can do or use themselves: the pages per age (Voor ouders) put these first."""

    titel: Text | None = Field(None, description=(
        "Korte naam in gewone woorden, als de titel van de actie vaktaal is: 'Naar de peuteropvang' "
        "in plaats van 'Consultatiebureau verwijst actief door naar de peuteropvang'."))
    wat: LongText = Field(description=(
        "Wat ouders of kinderen zelf kunnen doen of gebruiken, in eenvoudig Nederlands (B1): "
        "'Uw peuter kan twee ochtenden per week naar de peuteropvang.'"))
    voor_wie: Text | None = Field(None, description="Voor wie precies: 'alle peuters van 2 tot 4 jaar', 'gezinnen in Oosterwijk en De Hagen'.")
    plaatsen: list[Venue] = Field(default_factory=list, max_length=50, description=(
        "Waar ouders en kinderen heen gaan: naam en adres ({naam: Bibliotheek Lindeveen, adres: 'Markt 3, Lindeveen'}). "
        "Zonder: de site noemt de locatie van de actie."))
    wanneer: Text | None = Field(None, description=(
        "Wanneer, in woorden van ouders: 'vanaf september 2026, op dinsdag- en donderdagochtend van 8.30 tot 12.00 uur'. "
        "Zonder: de planning van de actie."))
    kosten: Cost | None = Field(None, description=(
        "Wat het ouders kost: een regel ('gratis', 'eigen bijdrage naar inkomen') of een bedrag ({bedrag: 2.50, per: keer})."))
    telefoon: Phone | None = Field(None, description=(
        "Een algemeen telefoonnummer voor ouders, van de dienst of organisatie: '14 0999'; nooit het nummer van een persoon."))
    aanmelden: SignUp | None = Field(None, description=(
        "Hoe ouders hun kind aanmelden: een webadres, of de stappen in volgorde ({stappen: [...], url: ...})."))
    url: WebUrl | None = Field(None, description="Webpagina voor ouders: meer informatie of aanmelden, beginnend met https://.")


class Action(Model):
    """A concrete piece of work (actie, activiteit): in a school year's plan, or for the whole term of a goal."""

    id: Id = Field(description="Uniek binnen het schooljaar (of binnen de activiteiten van een doel); een doorgeschoven actie houdt haar id.")
    titel: Text = Field(description="Korte naam van de actie.")
    beschrijving: Markdown | None = Field(None, description="Toelichting in Markdown.")
    trekker: Party | None = Field(None, description="Wie de actie trekt: partner-id, rol, of een orgaan ({orgaan: werkgroep-id}).")
    partners: list[Party] = Field(default_factory=list, description="Wie meedoen: partner-ids of rollen.")
    planning: PlanningField | None = Field(None, description=(
        "Wanneer: 'hele schooljaar', Q4 2021, 2021-11, november 2021 of een reeks 'Q2 2022 t/m Q3 2022' of 'mei 2025 t/m maart 2026' "
        "(ook over de grens van een schooljaar). Leeg: planning niet vermeld."))
    begroting: Budget | None = Field(None, description="Kosten, dekking en deel ten laste van het LEA-budget; of 'geen' of 'eigen uren'.")
    status: Status | None = Field(None, description=(
        "gepland, lopend, afgerond, vertraagd of gestopt. Leeg: niet gemeld (de site zegt dat, en gokt geen 'gepland')."))
    voortgang: list[ProgressNote] = Field(default_factory=list, description="Voortgangsnotities met datum.")
    evaluatie: list[Evaluation] = Field(default_factory=list, description="Evaluatiemomenten.")
    resultaat: Markdown | None = Field(None, description="Wat de actie heeft opgeleverd (voor afgeronde of gestopte acties).")
    leeftijden: AgesField | None = Field(None, description="Leeftijd van de kinderen voor wie de actie is, bijvoorbeeld 0-4.")
    locatie: Location | None = Field(None, description="Waar: 'hele gemeente', of wijken, scholen, locaties.")
    indicatoren: list[Id] = Field(default_factory=list, description="Ids van indicatoren waaraan de actie bijdraagt.")
    doorgeschoven_van: SchoolYear | None = Field(None, description="Schooljaar waaruit deze actie is doorgeschoven (zelfde id).")
    contact: Contact | None = Field(None, description="Contact voor vragen over deze actie: een rol en functiemailbox, geen persoon. Zonder: dat van het doel, dan van de agenda.")
    voor_ouders: ForParents | None = Field(None, description=(
        "Wat ouders of kinderen hier zelf aan hebben: wat ze kunnen doen of gebruiken, voor wie, wat het kost. "
        "Zulke acties staan bovenaan de pagina's Voor ouders."))

    def participants(self) -> list[Party]:
        return ([self.trekker] if self.trekker else []) + list(self.partners)

    def last_note(self) -> ProgressNote | None:
        return max(self.voortgang, key=lambda n: n.datum) if self.voortgang else None


class AmbitionPlan(Model):
    """What partners do for one ambition in one school year."""

    ambitie: Id = Field(description="Id van de ambitie uit `ambities`.")
    jaardoel: Markdown | None = Field(None, description="Het doel voor dit schooljaar.")
    huidige_situatie: Markdown | None = Field(None, description="De situatie bij de start van het schooljaar.")
    aanpak: Markdown | None = Field(None, description="Wat de partners samen gaan doen, in het kort.")
    acties: list[Action] = Field(default_factory=list, description="De acties van dit schooljaar voor deze ambitie.")
    begroting: Budget | None = Field(
        None,
        description="Begroting voor de ambitie als geheel. Hebben de acties zelf bedragen, dan is dit het opgegeven totaal en moet het kloppen met de som.",
    )


class YearBudget(Model):
    """The LEA budget available for a school year, and the totals the plan states."""

    beschikbaar: Money = Field(description="Beschikbaar LEA-budget in hele euro's.")
    kostenplaats: Text | None = Field(None, description="Begrotingspost of kostenplaats, bijvoorbeeld 64521071.")
    omschrijving: Text | None = Field(None, description="Naam van het budget, bijvoorbeeld 'LEA-budget 2021'.")
    kosten: Money | None = Field(None, description="Opgegeven totale kosten; wordt nagerekend.")
    dekking: Money | None = Field(None, description="Opgegeven totale dekking; wordt nagerekend.")
    lea: Money | None = Field(None, description="Opgegeven totaal ten laste van het LEA-budget; wordt nagerekend.")
    besteed: Money | None = Field(None, description=(
        "Totaal werkelijk uitgegeven in dit schooljaar, als het jaar als geheel is verantwoord (anders de som van de acties)."))
    besteed_op: DayField | None = Field(None, description="Dag waarop het bestede totaal is gemeld (2021-10-14 of 14 oktober 2021).")

    @model_validator(mode="after")
    def _spent(self) -> "YearBudget":
        _spent_with_date(self)
        return self


class Signatory(Party):
    """One who signs a document on behalf of a party (a role at a partner), with when and where."""

    datum: MomentField | None = Field(None, description="Datum van ondertekening (JJJJ-MM-DD), of wat bekend is: de maand, het jaar.")
    plaats: Text | None = Field(None, description="Waar ondertekend: 'Den Haag'.")


class Adoption(Model):
    """Whether a document is a draft or adopted, when and by whom; or signed by several parties, each on their own date."""

    status: choice(Literal["concept", "vastgesteld"]) | None = Field(None, description=(
        "concept of vastgesteld; weglaten als het document het niet zegt (de site toont dan 'niet vermeld' en gokt niets)."))
    datum: MomentField | None = Field(None, description=(
        "Datum van vaststelling (JJJJ-MM-DD), of wat het document zegt als meer niet bekend is: de maand (april 2021), "
        "het kwartaal, het jaar (2019) of globaal (medio 2022); weglaten als de datum onbekend is. "
        "Met ondertekenaars en zonder datum geldt de datum van de laatste handtekening."))
    door: Text | None = Field(None, description="Wie vaststelde, met lidwoord: 'de gemeenteraad', 'het Bestuurlijk overleg LEA'.")
    # issue 29, round two: an agenda signed by several parties (an agreement between a municipality and others)
    ondertekenaars: list[Signatory] = Field(default_factory=list, description=(
        "Wie het document ondertekenden, elk met rol, partner (namens wie), datum en plaats: "
        "[{rol: wethouder onderwijs, partner: gemeente, datum: 2022-06-20, plaats: Veenhoven}]."))
    overeenkomst: YesNo = Field(False, description=(
        "true als het document een overeenkomst is tussen partijen: de partners van de ondertekenaars."))

    @model_validator(mode="after")
    def _adopted(self) -> "Adoption":
        if self.status == "vastgesteld" and self.door is None and not self.ondertekenaars:
            raise ValueError("een vastgesteld document heeft 'door' (wie het vaststelde) of ondertekenaars, "
                             "en een datum of maand als die bekend is")
        if self.status == "concept" and self.datum is not None:
            raise ValueError("een concept heeft nog geen vaststellingsdatum; zet status op vastgesteld of laat datum weg")
        if self.status == "concept" and self.ondertekenaars:
            raise ValueError("een concept is nog niet ondertekend; zet status op vastgesteld of laat ondertekenaars weg")
        if self.status is None and (self.datum is not None or self.door is not None):
            raise ValueError("een datum of 'door' zegt dat het document is vastgesteld: zet 'status: vastgesteld' erbij, "
                             "of laat datum en door weg als het document niets over de vaststelling zegt")
        if self.status is None and self.ondertekenaars:
            raise ValueError("ondertekenaars zeggen dat het document is vastgesteld: zet 'status: vastgesteld' erbij")
        if self.overeenkomst and not any(s.partner for s in self.ondertekenaars):
            raise ValueError("een overeenkomst is tussen partijen: noem de ondertekenaars met hun partner (namens wie)")
        return self

    def day(self) -> Period | None:
        """The date the document took effect: its own date, else the last signature when every signature is dated."""
        if self.datum is not None:
            return self.datum
        days = [s.datum for s in self.ondertekenaars]
        if days and all(d is not None for d in days):
            return max(days, key=lambda d: (d.end, d.start))
        return None

    def parties(self) -> list[str]:
        """The partner ids of the signatories, in order, once each: the parties to an agreement."""
        return list(dict.fromkeys(s.partner for s in self.ondertekenaars if s.partner))


# issue 29: the organisation as a draft (next to Adoption, which it uses)
class Organisation(Model):
    """The organisation of the agenda as a whole: whether it is agreed, and a word about it."""

    vaststelling: Adoption = Field(default_factory=lambda: Adoption(), description=(
        "Of de organisatie (organen en rollen) een concept is of vastgesteld; zonder: niet vermeld."))
    toelichting: Markdown | None = Field(None, description="Over de organisatie als geheel: 'een eerste opzet; de stuurgroep besluit in het najaar'.")


class YearPlan(Model):
    """The plan for one school year (jaaragenda, jaarplan, uitvoeringsagenda, werkagenda)."""

    schooljaar: SchoolYear = Field(description="Het schooljaar, augustus tot juli: 2021-2022.")
    vaststelling: Adoption = Field(default_factory=lambda: Adoption(), description=(
        "Concept of vastgesteld, met datum en door wie; zonder: niet vermeld."))
    inleiding: Markdown | None = Field(None, description="Inleiding op het jaarplan.")
    budget: YearBudget | None = Field(None, description="Beschikbaar LEA-budget en opgegeven totalen.")
    ambities: list[AmbitionPlan] = Field(default_factory=list, description="Per ambitie: jaardoel, huidige situatie en acties.")

    def actions(self) -> list[tuple[AmbitionPlan, Action]]:
        return [(plan, action) for plan in self.ambities for action in plan.acties]


# --- ambitions and indicators ------------------------------------------------


class Part(Model):
    """A part of a measured value (waarvan ...)."""

    label: Text = Field(description="Wat dit deel is, bijvoorbeeld 'met een toelaatbaarheidsverklaring (TLV)'.")
    waarde: Number = Field(description="De waarde van dit deel.")


class Comparison(Model):
    """A value to compare an indicator with: the national average, a peer region."""

    label: Text = Field(description="Waarmee vergeleken wordt: 'landelijk gemiddelde', 'vergelijkbare gemeenten'.")
    waarde: Number = Field(description="De waarde.")
    periode: PeriodField | None = Field(None, description="Periode van de vergelijkingswaarde.")


class Measurement(Model):
    """One value of an indicator, measured or forecast."""

    periode: PeriodField | None = Field(None, description="Periode van de meting: 2022, 2021-2022, Q4 2021, 2021-10; weglaten als die niet bekend is.")
    waarde: Number = Field(description="De waarde, met een punt als decimaalteken.")
    soort: choice(Literal["gemeten", "prognose", "schatting"]) = Field("gemeten", description="gemeten, prognose of schatting ('ongeveer 30').")
    toelichting: LongText | None = Field(None, description="Toelichting bij deze waarde.")
    uitsplitsing: list[Part] = Field(default_factory=list, description="Uit welke delen de waarde bestaat: '191 leerlingen, waarvan 27 met een TLV'.")


class Target(Model):
    """What an indicator should reach (te bereiken resultaat), and by when."""

    waarde: Number | None = Field(None, description="Streefwaarde.")
    uiterlijk: PeriodField | None = Field(None, description="Wanneer de streefwaarde bereikt moet zijn.")
    omschrijving: LongText | None = Field(None, description="Het doel in woorden, voor doelen die niet in een getal passen.")

    @model_validator(mode="after")
    def _something(self) -> "Target":
        if self.waarde is None and self.omschrijving is None:
            raise ValueError("een doel heeft een waarde of een omschrijving")
        return self


class Indicator(Model):
    """A measurable indicator (prestatie-indicator) of an ambition."""

    id: Id = Field(description="Uniek in de hele agenda.")
    titel: Text = Field(description="Wat er gemeten wordt.")
    eenheid: Text | None = Field(None, description="Eenheid: %, kinderen, leerlingen.")
    beter: choice(Literal["hoger", "lager"]) | None = Field(None, description="Welke richting beter is: hoger of lager.")
    huidige_situatie: LongText | None = Field(None, description="De situatie in woorden, als die (nog) niet in een getal is gemeten.")
    nulmeting: Measurement | None = Field(None, description="Het uitgangspunt (baseline).")
    metingen: list[Measurement] = Field(default_factory=list, description="Metingen en prognoses.")
    doel: Target | None = Field(None, description="Te bereiken resultaat: waarde en uiterlijk wanneer.")
    bron: Text | None = Field(None, description="Waar de cijfers vandaan komen.")
    definitie: LongText | None = Field(None, description="Wat precies geteld wordt: 'kinderen van 2,5 tot 4 jaar met een VVE-indicatie die een voorschool bezoeken'.")
    vergelijking: list[Comparison] = Field(default_factory=list, description="Vergelijkingswaarden: landelijk gemiddelde, een vergelijkbare regio.")

    def series(self) -> list[Measurement]:
        """Baseline and dated measurements in time order (a value without a period is not on a time axis)."""
        items = ([self.nulmeting] if self.nulmeting else []) + list(self.metingen)
        return sorted((m for m in items if m.periode is not None), key=lambda m: (m.periode.start, m.periode.end))

    def undated(self) -> list[Measurement]:
        """Measurements whose period is not known."""
        return [m for m in ([self.nulmeting] if self.nulmeting else []) + list(self.metingen) if m.periode is None]

    def latest(self) -> Measurement | None:
        measured = [m for m in self.series() if m.soort == "gemeten"]
        return measured[-1] if measured else None


class CourseOverride(Model):
    """The partners' own judgement of a goal, instead of the rule (see README, 'Op koers')."""

    stand: choice(Literal["op koers", "let op", "achter"]) = Field(description="op koers, let op of achter.")
    reden: LongText = Field(description="Waarom: wat de regel niet ziet.")


class Ambition(Model):
    """A goal of the agenda at any level (ambitie, programma, thema, actielijn, speerpunt), with ``onder`` its parent."""

    id: PageId = Field(description="Uniek; wordt deel van het webadres.")
    onder: Annotated[Id | None, WithJsonSchema(
        {"anyOf": [_ID_SCHEMA, {"type": "array", "items": _ID_SCHEMA, "minItems": 1}, {"type": "null"}]})] = Field(
        None, description=(
        "Id van het doel een niveau hoger: een actielijn onder een ambitie. Het woord per niveau staat in agenda.niveaus."))
    nummer: int | None = Field(None, ge=1, le=1000, description=(
        "Het nummer van het doel, uniek per niveau (ambitie 1 tot 3, actielijn 1 tot 5); de site toont het en ordent ermee. "
        "Zonder nummer de volgorde van de bestanden."))
    ook_onder: list[Id] = Field(default_factory=list, description=(
        "Andere doelen een niveau hoger die dit doel ook dient; wordt gevuld als onder een lijst is (onder: [ambitie-1, ambitie-2]): "
        "het eerste is de plek in de boom, de andere tonen het doel ook."))
    soort: GoalKind | None = Field(None, description="inhoud (een inhoudelijk doel) of proces (een doel over de samenwerking zelf).")
    prioriteit: YesNo = Field(False, description="true als de agenda dit doel voorrang geeft; de site toont 'prioriteit'.")
    doelstelling: Statement | None = Field(None, description=(
        "De gezamenlijke doelstelling in de woorden van het document ('Onze gezamenlijke ambitie: ...'); "
        "een tekst, of {tekst: officiële formulering, eenvoudig: in gewone woorden}. Los van samenvatting (de B1-tekst voor ouders)."))
    titel: Text = Field(description="Naam van de ambitie.")
    samenvatting: LongText = Field(description="Wat dit betekent voor kinderen en ouders, in eenvoudig Nederlands (B1).")
    beschrijving: Markdown | None = Field(None, description="Uitgebreide beschrijving in Markdown.")
    pijlers: list[Text] = Field(default_factory=list, description="Pijlers, speerpunten of focuspunten.")
    vraagstukken: list[Text] = Field(default_factory=list, description="Open vragen die de partners samen willen beantwoorden.")
    eigenaars: list[Owner] = Field(default_factory=list, description="Eigenaars: partners of rollen, eventueel met termijn (van, tot).")
    eigenaarschap: LongText | None = Field(None, description="Hoe het eigenaarschap werkt: 'twee bestuurders per ambitie; om de twee jaar wisselt er één'.")
    leeftijden: AgesField | None = Field(None, description="Leeftijden waarvoor de ambitie geldt, bijvoorbeeld 0-12.")
    resultaten: list[Result] = Field(default_factory=list, description=(
        "Beoogde resultaten in woorden, ook zonder getal; een resultaat voor meer doelen: {tekst: ..., ook_voor: [doel-id]}."))
    contact: Contact | None = Field(None, description="Contact voor vragen over dit doel en zijn acties: een rol, geen persoon. Zonder: dat van de agenda.")
    koers: CourseOverride | None = Field(None, description=(
        "Eigen oordeel of het doel op koers ligt, met reden; zonder dit veld volgt de site de regel (acties en cijfers)."))
    indicatoren: list[Indicator] = Field(default_factory=list, description="Prestatie-indicatoren met metingen en doel.")
    activiteiten: list[Action] = Field(default_factory=list, description=(
        "Activiteiten voor de hele looptijd, los van een schooljaar (regionale en meerjarige agenda's): "
        "met planning per maand of reeks; zonder planning: planning niet vermeld."))

    @model_validator(mode="before")
    @classmethod
    def _parents(cls, value: Any) -> Any:
        """``onder: [a, b]``: the first is the goal's place in the tree, the others it also serves (as Partner.sector)."""
        if isinstance(value, dict) and isinstance(value.get("onder"), list) and value["onder"]:
            first, *rest = value["onder"]
            return {**value, "onder": first, "ook_onder": [*rest, *(value.get("ook_onder") or [])]}
        return value


# --- governance, partners, interventions ---------------------------------------


class Join(Model):
    """How to join a body (a parents' or youth panel): for whom, how, and where to sign up."""

    wie: Text | None = Field(None, description="Voor wie: 'ouders van kinderen tot 12 jaar', 'jongeren van 14 tot 23'.")
    hoe: LongText | None = Field(None, description="Wat meedoen inhoudt: 'vier avonden per jaar, met vergoeding'.")
    email: Email | None = Field(None, description="Functiemailbox om je aan te melden.")
    url: WebUrl | None = Field(None, description="Webpagina om je aan te melden.")

    @model_validator(mode="after")
    def _somewhere(self) -> "Join":
        if self.email is None and self.url is None:
            raise ValueError("noem een e-mailadres of een webpagina om je aan te melden")
        return self


class Body(Model):
    """A governing, steering, working or advisory body."""

    id: Id = Field(description="Uniek.")
    naam: Text = Field(description="Naam: Stuurgroep LEA, Werkgroep Gelijke kansen.")
    niveau: Level = Field(description="bestuurlijk, regie, uitvoering, advies, of netwerk (ontmoeting en kennisdeling, geen besluiten).")
    soort: Text | None = Field(None, description="Soort orgaan in eigen woorden: stuurgroep, werkgroep, broedplaats, klankbordgroep.")
    beschrijving: Markdown | None = Field(None, description="Wat dit orgaan is en doet.")
    leden: list[Member] = Field(default_factory=list, description=(
        "Leden: partner-ids of rollen; met lid: bijvoorbeeld of mogelijk als het document ze als voorbeeld of mogelijkheid noemt, "
        "en eigenaar_van: [doel-id] voor leden die eigenaar zijn van doelen."))
    voorzitter: Party | None = Field(None, description="Voorzitter: partner-id of rol.")
    voorzitterschap: Text | None = Field(None, description="Hoe de voorzitter gekozen wordt: 'roulerend uit de leden, per jaar'.")
    secretaris: Party | None = Field(None, description="Secretaris: rol of partner-id (bijvoorbeeld de procesmanager LEA).")
    omvang: Text | None = Field(None, description="Hoe groot het orgaan is: '5 tot 8 deelnemers'.")
    status: BodyStatus = Field("actief", description="voorgesteld, actief of beeindigd.")
    sinds: MomentField | None = Field(None, description=(
        "Sinds wanneer het orgaan bestaat (of vanaf wanneer het voorgesteld is), zoals het document het zegt: een datum, maand, "
        "kwartaal (Q4 2021), jaar, schooljaar ('vanaf schooljaar 2021-2022') of globaal (medio 2022)."))
    mandaat: LongText | None = Field(None, description="Wat het orgaan mag besluiten: 'besluit binnen de kaders van de stuurgroep'.")
    vervangt: list[Text] = Field(default_factory=list, description="Eerdere overleggen die dit orgaan vervangt.")
    verslag: Text | None = Field(None, description="Afspraak over verslagen: 'binnen twee weken naar alle leden en de stuurgroep'.")
    frequentie: Text | None = Field(None, description="Hoe vaak het orgaan bijeenkomt: '4 keer per jaar'.")
    taken: list[Text] = Field(default_factory=list, description="Taken en bevoegdheden.")
    rapporteert_aan: list[Id] = Field(default_factory=list, description="Ids van organen waaraan dit orgaan rapporteert.")
    adviseert: list[Id] = Field(default_factory=list, description="Ids van organen die dit orgaan adviseert.")
    bereidt_voor: list[Id] = Field(default_factory=list, description="Ids van organen waarvoor dit orgaan besluiten voorbereidt.")
    ambitie: Id | None = Field(None, description="Id van de ambitie waaraan dit orgaan werkt (werkgroep per ambitie).")
    contact: Contact | None = Field(None, description="Contact voor dit orgaan: een rol (bijvoorbeeld de secretaris) en functiemailbox. Zonder: dat van de agenda.")
    aanmelden: Join | None = Field(None, description="Hoe ouders, jongeren of professionals mee kunnen doen (een panel, klankbordgroep).")
    # issue 29, round two: how bodies relate beyond reporting, and how one stands now
    deel_van: list[Id] = Field(default_factory=list, description=(
        "Ids van organen waar dit orgaan deel van is: een overleg binnen een ander overleg, of een broedplaats "
        "die bij elke werkgroep hoort (deel_van: [werkgroep-1, werkgroep-2])."))
    gaat_samen_met: list[Id] = Field(default_factory=list, description=(
        "Ids van organen waarmee dit orgaan samengaat (fuseert); beide staan in organen, het andere eventueel met status beeindigd."))
    bestond_als: Text | None = Field(None, description=(
        "Het bestaande overleg dat deze rol krijgt, als het orgaan niet nieuw is: 'het BOLOK, dat al drie keer per jaar bijeenkwam'. "
        "Anders dan vervangt (een ander overleg dat ophoudt)."))
    stand_van_zaken: LongText | None = Field(None, description=(
        "Hoe het orgaan er nu voor staat, als het document dat zegt: 'de twee trekkers zijn vertrokken; er worden nieuwe gezocht'."))


class Partner(Model):
    """An organisation that takes part in the agenda."""

    id: Id = Field(description="Kort en uniek, bijvoorbeeld 'gemeente' of 'spoh'.")
    naam: Text = Field(description="Volledige naam.")
    sector: Annotated[Sector, WithJsonSchema({"anyOf": [
        {"enum": list(SECTOR_LABELS)}, {"type": "array", "items": {"enum": list(SECTOR_LABELS)}, "minItems": 1}]})] = Field(
        description="Sector: " + ", ".join(SECTOR_LABELS) + ". Een lijst als de partner in meer sectoren werkt: [kinderopvang, po].")
    sectoren: list[Sector] = Field(default_factory=list, description="De andere sectoren (wordt gevuld als sector een lijst is).")
    soort: Annotated[list[Text], WithJsonSchema({"anyOf": [
        {"type": "string", "maxLength": MAX_TEXT}, {"type": "array", "items": {"type": "string", "maxLength": MAX_TEXT}}]})] = Field(
        default_factory=list, description="Soort binnen de sector: kinderdagopvang, peuteropvang, bso (één of een lijst).")
    afkorting: Text | None = Field(None, description="Gangbare afkorting.")
    niveau: Annotated[list[EducationLevel], WithJsonSchema({"anyOf": [
        {"enum": list(EDUCATION_LEVELS)}, {"type": "array", "items": {"enum": list(EDUCATION_LEVELS)}}]})] = Field(
        default_factory=list, description=(
            "Voor welk onderwijs de partner werkt, als de sector dat niet zegt: een samenwerkingsverband po of vo "
            "(sector: swv, niveau: po). Eén of een lijst van: " + ", ".join(EDUCATION_LEVELS) + "."))
    url: WebUrl | None = Field(None, description="Website, beginnend met https://.")
    omschrijving: LongText | None = Field(None, description="Korte omschrijving.")
    contact: Contact | None = Field(None, description="Waar u deze partner over de agenda kunt bereiken: rol, mailbox, telefoon.")

    @model_validator(mode="before")
    @classmethod
    def _sectors(cls, value: Any) -> Any:
        """``sector: [kinderopvang, po]``: the first is the main sector, the others follow."""
        if isinstance(value, dict) and isinstance(value.get("sector"), list) and value["sector"]:
            first, *rest = value["sector"]
            value = {**value, "sector": first, "sectoren": [*rest, *(value.get("sectoren") or [])]}
        if isinstance(value, dict) and isinstance(value.get("soort"), str):
            value = {**value, "soort": [value["soort"]]}
        if isinstance(value, dict) and isinstance(value.get("niveau"), str):
            value = {**value, "niveau": [value["niveau"]]}
        return value

    def all_sectors(self) -> list[str]:
        return [self.sector, *(s for s in self.sectoren if s != self.sector)]


class Amount(Model):
    """An amount of money as a document gives it: exact or about ('circa'), in total or per year, per location, ..."""

    bedrag: Money | None = Field(None, description="Bedrag in hele euro's, als bekend.")
    circa: YesNo = Field(False, description="true als het document een ongeveer-bedrag geeft ('circa € 120.000'); de site schrijft 'ca.'.")
    per: Text | None = Field(None, description=(
        "Waarvoor het bedrag geldt, als het geen totaal is: 'jaar', 'locatie per jaar', 'kind'. Zonder: het totaal (voor de periode). "
        "Zonder bedrag zegt de site 'bedrag per jaar niet bekend'."))

    @model_validator(mode="before")
    @classmethod
    def _from_number(cls, value: Any) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return {"bedrag": value}
        return value

    @model_validator(mode="after")
    def _amount(self) -> "Amount":
        if self.bedrag is None and self.circa:
            raise ValueError("circa zonder bedrag: noem ook het bedrag, bijvoorbeeld {bedrag: 120000, circa: true, per: jaar}")
        return self


class Funding(Amount):
    """A source of money for an intervention (or the agenda): where from, what for, how much, for which period."""

    bron: Text = Field(description="Bron: OAB, NPO, gemeentelijke middelen, GKA.")
    doel: Text | None = Field(None, description="Waarvoor het geld is: 'voorbereiding', 'coördinatie (16 uur per week)'.")
    periode: Text | None = Field(None, description="Voor welke periode: '2022-2024', 'schooljaar 2022-2023'.")
    toelichting: LongText | None = Field(None, description="Toelichting: 'de helft uit OAB, de andere helft uit jeugdhulp'.")

    _from_str = _shorthand("bron")


class TargetGroup(Model):
    """Who an intervention is for."""

    omschrijving: LongText = Field(description="De doelgroep in woorden.")
    leeftijden: AgesField | None = Field(None, description="Leeftijden, bijvoorbeeld 0-6.")

    _from_str = _shorthand("omschrijving")


class Intervention(Model):
    """An intervention in the format of the Gelijke Kansen Alliantie (GKA)."""

    id: Id = Field(description="Uniek.")
    titel: Text = Field(description="Naam van de interventie.")
    ambitie: Id | None = Field(None, description="Id van de ambitie waar de interventie onder valt.")
    betrokken_partijen: list[Party] = Field(default_factory=list, description="Betrokken partijen: partner-ids of rollen.")
    planning: Text | None = Field(None, description="Planning in woorden, bijvoorbeeld 'schooljaar 2022-2023 en 2023-2024'.")
    doel: Markdown = Field(description="Doel van de interventie.")
    doelgroep: TargetGroup | None = Field(None, description="Doelgroep, met leeftijden.")
    locatie: Location | None = Field(None, description="Waar: 'hele gemeente', of wijken, scholen, locaties.")
    activiteiten: list[Text] = Field(default_factory=list, description="Activiteiten.")
    monitoring: Markdown | None = Field(None, description="Hoe de interventie wordt gemonitord en geëvalueerd.")
    financiering: list[Funding] = Field(default_factory=list, description=(
        "Financieringsbronnen, elk met bron en eventueel doel, bedrag (circa, per jaar of per locatie) en periode."))
    kosten: Amount | None = Field(None, description=(
        "De totale kosten van de interventie, als het document die noemt: {bedrag: 350000, circa: true, per: jaar}."))
    informatie: WebUrl | None = Field(None, description="Webadres met meer informatie, beginnend met https://.")
    contact: Contact | None = Field(None, description="Contact: een rol, geen persoon.")


# --- the agenda --------------------------------------------------------------


TOOI_ID = "https://identifier.overheid.nl/tooi/id/"
_TOOI = re.compile(re.escape(TOOI_ID) + r"[a-z_]+/[a-z0-9_]+")


def _parse_tooi(value: Any) -> str:
    """A TOOI identifier of a government organisation; a municipality's code (gm0014) stands for its URI."""
    if not isinstance(value, str):
        raise ValueError(f"verwacht een TOOI-identificatie zoals gm0014, kreeg {describe(value)}")
    text = value.strip()
    if re.fullmatch(r"gm[0-9]{4}", text.lower()):
        return f"{TOOI_ID}gemeente/{text.lower()}"
    if _TOOI.fullmatch(text):
        return text
    raise ValueError(f"'{clip(text)}' is geen TOOI-identificatie; schrijf de gemeentecode (gm0014) of de volledige "
                     f"identificatie ({TOOI_ID}gemeente/gm0014)")


class Region(Model):
    """The municipality, or the region of several municipalities, the agenda covers."""

    naam: Text = Field(description="Naam van de gemeente of regio.")
    gemeenten: list[Text] = Field(min_length=1, description="De gemeente(n); bij een regio-agenda meerdere.")
    tooi: Annotated[str, BeforeValidator(_parse_tooi), WithJsonSchema(
        {"type": "string", "description": "gm gevolgd door vier cijfers, of een volledige TOOI-identificatie"})] | None = Field(
        None, description=(
            "TOOI-identificatie van de gemeente (of het samenwerkingsverband) die de agenda publiceert: de gemeentecode "
            "(gm0014 voor Groningen) of de volledige identificatie. Staat in de DCAT-beschrijving en de Woo-sitemap, "
            "zodat data.overheid.nl en de Woo-index de gegevens bij de juiste organisatie zetten."))


class Term(Model):
    """The years the agenda runs."""

    van: int = Field(ge=1990, le=2100, description="Beginjaar.")
    tot: int = Field(ge=1990, le=2100, description="Eindjaar.")

    @model_validator(mode="after")
    def _order(self) -> "Term":
        if self.tot < self.van:
            raise ValueError(f"de looptijd eindigt ({self.tot}) voordat hij begint ({self.van})")
        return self

    def covers(self, school_year: str) -> bool:
        """Whether the school year (``2021-2022``) lies within these years."""
        return self.van <= int(school_year[:4]) and int(school_year[5:]) <= self.tot


class Principle(Model):
    """A leading principle (leidend principe) of the cooperation."""

    titel: Text = Field(description="Het principe in een paar woorden.")
    toelichting: LongText | None = Field(None, description="Uitleg.")

    _from_str = _shorthand("titel")


class Naming(Model):
    """The word this agenda uses for an ambition."""

    enkelvoud: Text = Field(description="Bijvoorbeeld 'programma', 'thema' of 'actielijn'.")
    meervoud: Text = Field(description="Bijvoorbeeld 'programma's', 'thema's' of 'actielijnen'.")


PLACES = ("home", "over", "pagina")


class Chapter(Model):
    """A chapter of the agenda's own document: introduction, context, analysis, how it came about, a foreword."""

    id: PageId = Field(description="Uniek; bij plek 'pagina' wordt het het webadres (hoofdstukken/<id>/).")
    titel: Text = Field(description="Titel van het hoofdstuk, zoals in het document.")
    tekst: Markdown = Field(description="De tekst in Markdown: alinea's, opsommingen (sterktes, uitdagingen), tussenkopjes (###).")
    plek: choice(Literal[PLACES]) = Field("pagina", description=(
        "Waar het hoofdstuk staat: home (op de voorpagina, zoals een voorwoord), over (op de pagina over de agenda) "
        "of pagina (een eigen pagina onder Over de agenda)."))


class Appendix(Model):
    """An appendix or source document."""

    titel: Text = Field(description="Titel van de bijlage.")
    soort: Text | None = Field(None, description="Soort: onderzoek, verslag, factsheet, raadsvoorstel.")
    url: WebUrl | None = Field(None, description="Webadres van de bijlage, beginnend met https://.")


class EvaluationPlan(Model):
    """When the agenda as a whole is evaluated."""

    eerste: int | None = Field(None, ge=1990, le=2100, description="Jaar van de eerste evaluatie.")
    elke: int | None = Field(None, ge=1, le=10, description="Daarna elke zoveel jaar.")
    toelichting: LongText | None = Field(None, description="Hoe en door wie geëvalueerd wordt.")


class Agreement(Model):
    """A communication agreement: what goes to whom."""

    doelgroep: Text = Field(description="Aan wie: besturen, professionals, ouders, de gemeenteraad.")
    afspraak: LongText = Field(description="Wat zij krijgen en hoe: 'een nieuwsbrief na elke stuurgroep'.")


class Meeting(Model):
    """A meeting in the making of the agenda: an interview round, a working conference."""

    soort: Text = Field(description="Soort: werkconferentie, interviews, bestuurlijk overleg.")
    datum: MomentField | None = Field(None, description="Datum, of wat bekend is: maand, kwartaal, jaar of globaal (najaar 2021).")
    omschrijving: LongText | None = Field(None, description="Wie er waren en wat het opleverde.")


class Making(Model):
    """How the agenda came about."""

    toelichting: Markdown | None = Field(None, description="Hoe de agenda tot stand kwam, in Markdown.")
    bijeenkomsten: list[Meeting] = Field(default_factory=list, description="Interviews, werkconferenties en overleggen, met datum.")
    begeleiding: Text | None = Field(None, description="Wie het proces begeleidde: 'een extern adviesbureau'.")
    periode: Annotated[Planning, BeforeValidator(_parse_span), WithJsonSchema({"type": ["string", "integer"], "description": (
        "Een maand, jaar of reeks: 'februari tot en met juni 2021'")})] | None = Field(
        None, description="Wanneer de agenda geschreven werd: 'februari tot en met juni 2021', of één maand of jaar.")


class DocumentInfo(Model):
    """Facts about the agenda as a document."""

    datum: MomentField | None = Field(None, description="Datum van het document, of wat bekend is: de maand (april 2021), het jaar (2019), medio 2022.")
    auteurs: list[Text] = Field(default_factory=list, description="Wie het schreef, in rollen en organisaties: 'twee externe adviseurs'.")
    opdrachtgever: Text | None = Field(None, description="Voor wie het geschreven is: 'de stuurgroep LEA'.")
    bron: WebUrl | None = Field(None, description="Webadres van het document (pdf), beginnend met https://.")
    bijlagen: list[Appendix] = Field(default_factory=list, description="Bijlagen met titel, soort en link.")
    evaluatie: EvaluationPlan | None = Field(None, description="Evaluatieritme: eerste evaluatie en daarna elke zoveel jaar.")
    communicatie: list[Agreement] = Field(default_factory=list, description="Communicatieafspraken: wat gaat naar wie.")
    totstandkoming: Making | None = Field(None, description="Hoe de agenda tot stand kwam: bijeenkomsten, begeleiding.")


class Financing(Model):
    """How the agenda is paid for as a whole."""

    centraal_budget: YesNo = Field(True, description=(
        "false als de agenda geen centraal LEA-budget heeft; de site zegt dat en toont geen begrotingspagina's. "
        "Hoe de partners dan betalen, schrijft u in toelichting (de site voegt daar niets aan toe)."))
    toelichting: Markdown | None = Field(None, description="Hoe de financiering geregeld is.")
    bronnen: list[Funding] = Field(default_factory=list, description="Geldbronnen van de agenda: OAB, NPO, Regio Deal, met bedrag als bekend.")


_TERM = re.compile(r"[A-Za-z][A-Za-z-]{0,14}")  # a whole token to the glossary's marker (lea_site.terms)


def _parse_term(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"verwacht een afkorting of woord als tekst, kreeg {describe(value)}")
    if _TERM.fullmatch(value):
        return value
    if (message := odd_characters(value)):
        raise ValueError(message)
    odd = next((c for c in value if not (c.isascii() and (c.isalpha() or c == "-"))), None)
    why = ("is leeg" if not value else
           f"is te lang ({dutch_int(len(value))} tekens)" if len(value) > 15 else
           "begint met een streepje" if value[0] == "-" else
           "begint met een cijfer" if value[0].isdigit() else
           "bevat een spatie" if odd == " " else f"bevat '{odd}'" + ("" if odd is None else ", en dat is geen letter A-Z"))
    raise ValueError(f"'{clip(value)}' kan geen term zijn: het {why}; een term is 1 tot 15 letters (A-Z), "
                     "eventueel met een streepje, zoals VVE of Kind-centrum")


class GlossaryTerm(Model):
    """An abbreviation or word of the trade, with its meaning (for the glossary, see lea_site.glossary)."""

    term: Annotated[str, BeforeValidator(_parse_term), WithJsonSchema(
        {"type": "string", "pattern": f"^{_TERM.pattern}$", "description": "Afkorting of woord: letters en een streepje"})] = Field(
        description="De afkorting of het woord, bijvoorbeeld VVE.")
    uitleg: Text = Field(description="Wat het betekent, in eenvoudig Nederlands.")


class GlossaryWord(Model):
    """A word of the trade with its meaning, listed on the page Begrippen. Not an abbreviation: it is not explained
    beside the text (a phrase like 'warme overdracht' would clutter every sentence), only listed."""

    woord: Text = Field(description="Het woord of de woordgroep zoals de site het schrijft: 'warme overdracht', 'doorstroomtoets'.")
    uitleg: Text = Field(description="Wat het betekent, in eenvoudig Nederlands.")


# The licences a data set may carry, with the address data.overheid.nl's value list gives each.
LICENCES: dict[str, str] = {
    "CC0 1.0": "http://creativecommons.org/publicdomain/zero/1.0/deed.nl",
    "CC BY 4.0": "http://creativecommons.org/licenses/by/4.0/deed.nl",
}
_LICENCE_SPELLINGS = {re.sub(r"[^a-z0-9]", "", name.lower()): name for name in LICENCES} | {"cc0": "CC0 1.0", "ccby": "CC BY 4.0"}


def _parse_licence(value: Any) -> str:
    if isinstance(value, str) and (name := _LICENCE_SPELLINGS.get(re.sub(r"[^a-z0-9]", "", value.lower()))):
        return name
    shown = f"'{clip(value.strip())}'" if isinstance(value, str) else describe(value)
    raise ValueError(f"{shown} is geen licentie die de site kent; kies CC0 1.0 (geen voorwaarden, de norm voor open data "
                     "van de overheid) of CC BY 4.0 (hergebruik met naamsvermelding)")


# --- places, related agendas and the owners' word (issue 29 items 8, 9, 10, 12) ----------


class Priority(Model):
    """What a place gives priority to: in its own words, and the goal of the agenda it serves (if one)."""

    titel: Text = Field(description="De prioriteit in een paar woorden.")
    doel: Id | None = Field(None, description="Id van het doel (ambitie, actielijn) waar deze prioriteit onder valt.")
    toelichting: LongText | None = Field(None, description="Uitleg, in eenvoudig Nederlands.")

    _from_str = _shorthand("titel")


class Place(Model):
    """A village, neighbourhood, district or municipality of the agenda, with a page of its own ('in mijn wijk')."""

    id: PageId = Field(description="Uniek; wordt het webadres van de pagina (plaatsen/<id>/).")
    naam: Text = Field(description=(
        "De naam zoals acties hem in locatie noemen (gemeenten, wijken of locaties): een actie met deze naam "
        "in haar locatie staat op de pagina van deze plaats."))
    soort: Text | None = Field(None, description="Soort plaats in eigen woorden: gemeente, kern, dorp, wijk, buurt.")
    onder: Id | None = Field(None, description="Id van de plaats waar deze in ligt: een wijk in een gemeente.")
    samenvatting: LongText | None = Field(None, description="Wat de agenda hier doet, in eenvoudig Nederlands (B1), voor ouders.")
    prioriteiten: list[Priority] = Field(default_factory=list, description=(
        "Waar deze plaats voorrang aan geeft: een titel, eventueel met het doel (id) en een toelichting."))


class SharedGoal(Model):
    """A goal of this agenda that matches a goal of the related agenda (shared, continued or added)."""

    doel: Id = Field(description="Id van het doel in deze agenda.")
    daar: Text | None = Field(None, description="Het doel in de andere agenda, in haar eigen woorden.")
    url: WebUrl | None = Field(None, description="Webadres van dat doel in de andere agenda.")

    _from_str = _shorthand("doel")


RELATION_KINDS = {
    "voorganger": "Vorige agenda", "addendum": "Addendum",
    "regionaal": "Regionale agenda waar deze agenda bij hoort", "lokaal": "Lokale agenda binnen deze agenda",
    "beleid": "Verwant beleid",
}


class RelatedAgenda(Model):
    """Another agenda this one follows, is extended by, sits inside or holds, or a policy document it builds on
    (a reference: no network at build)."""

    soort: choice(Literal["voorganger", "addendum", "regionaal", "lokaal", "beleid"]) = Field(description=(
        "voorganger (de agenda die deze opvolgt), addendum (een aanvulling op deze agenda), "
        "regionaal (de regionale agenda waar deze bij hoort), lokaal (een lokale agenda binnen deze) of "
        "beleid (ander beleid waar de agenda op voortbouwt of bij aansluit, dat geen LEA is: een beleidsnota van de raad, "
        "een preventieakkoord, een landelijk programma)."))
    id: Id | None = Field(None, description="Korte id, voor een link naar dit onderdeel (#agenda-<id>) en vanuit de andere agenda.")
    titel: Text = Field(description="Titel van de andere agenda, het addendum of het beleidsstuk.")
    periode: Term | None = Field(None, description="Looptijd in jaren: van en tot.")
    vaststelling: Adoption | None = Field(None, description="Concept of vastgesteld, met datum en door wie.")
    url: WebUrl | None = Field(None, description="Webadres van de andere agenda (haar site of pdf), beginnend met https://.")
    toelichting: Markdown | None = Field(None, description="Wat er eerder was, wat het addendum toevoegt, of hoe de agenda's samenhangen.")
    wijzigingen: list[Text] = Field(default_factory=list, description=(
        "Wat er veranderde: bij een voorganger wat deze agenda anders doet, bij een addendum wat het verandert."))
    doelen: list[SharedGoal] = Field(default_factory=list, description=(
        "Doelen van deze agenda die bij de andere horen: gedeeld met de regionale of lokale agenda, voortgezet uit de "
        "voorganger, of toegevoegd of veranderd door het addendum; met het doel daar in eigen woorden."))


class AgendaInfo(Model):
    """The agenda as a whole: the `agenda:` section of the data."""

    titel: Text = Field(description="Titel van de agenda.")
    regio: Region = Field(description="Gemeente of regio met gemeenten.")
    periode: Term = Field(description="Looptijd in jaren: van en tot.")
    vaststelling: Adoption = Field(default_factory=lambda: Adoption(), description=(
        "Concept of vastgesteld, met datum en door wie; zonder (of zonder status): niet vermeld in het document."))
    voorbeeld: YesNo = Field(False, description="true voor fictieve voorbeelddata; de site toont dan een duidelijke melding.")
    samenvatting: LongText | None = Field(None, description="Wat deze agenda is, in eenvoudig Nederlands (B1).")
    visie: Markdown | None = Field(None, description="De gedeelde (kind)visie, in Markdown.")
    visie_inleiding: Markdown | None = Field(None, description="Inleiding op de visie en de leidende principes; staat er direct boven.")
    organisatie: Organisation | None = Field(None, description=(
        "De organisatie als geheel: vaststelling (bijvoorbeeld {status: concept} voor een eerste opzet) en toelichting."))
    principes: list[Principle] = Field(default_factory=list, description="Leidende principes van de samenwerking.")
    leeftijden: AgesField | None = Field(None, description="Leeftijden waarvoor de agenda geldt, bijvoorbeeld 0-23.")
    benaming: Naming = Field(
        default_factory=lambda: Naming(enkelvoud="ambitie", meervoud="ambities"),
        description="Het woord voor een doel van het hoogste niveau in deze agenda (ambitie, programma, thema, actielijn).",
    )
    niveaus: list[Naming] = Field(default_factory=list, max_length=4, description=(
        "Het woord voor elk niveau van doelen, van boven naar beneden, als de agenda doelen onder doelen heeft: "
        "[{enkelvoud: ambitie, meervoud: ambities}, {enkelvoud: actielijn, meervoud: actielijnen}]. "
        "Het eerste niveau vervangt benaming."))
    motto: Text | None = Field(None, description="Het motto of de slogan van de agenda.")
    hoofdstukken: list[Chapter] = Field(default_factory=list, description=(
        "De eigen hoofdstukken van het document, in volgorde: inleiding, context, analyse, totstandkoming, voorwoord."))
    document: DocumentInfo | None = Field(None, description="Feiten over het document: datum, auteurs, bron, bijlagen, evaluatie, communicatie.")
    financiering: Financing | None = Field(None, description="Hoe de agenda betaald wordt; zonder centraal budget: centraal_budget: false.")
    kerncijfers: list[Indicator] = Field(default_factory=list, description="Kerncijfers van de hele agenda (niet van één doel).")
    contact: Contact | None = Field(None, description="Contact voor vragen over de agenda: een rol.")
    website: WebUrl | None = Field(None, description="De website van de gemeente of regio, voor de voet van elke pagina.")
    huidig_schooljaar: SchoolYear | None = Field(None, description="Welk schooljaar de site als 'huidig' toont; standaard het schooljaar van vandaag.")
    licentie: Annotated[str, BeforeValidator(_parse_licence), WithJsonSchema(
        {"enum": list(LICENCES), "description": "CC0 1.0 of CC BY 4.0"})] | None = Field(None, description=(
        "Licentie van de gegevens als open data: CC0 1.0 (geen voorwaarden; de norm van de overheid voor open data, "
        "en wat lea init kiest) of CC BY 4.0 (hergebruik met naamsvermelding). Zonder: de site zegt dat er geen licentie is gekozen."))
    begrippen: list[GlossaryTerm] = Field(default_factory=list, description=(
        "Eigen afkortingen en begrippen, naast de standaardlijst (VVE, OAB, SWV, ...): term en uitleg. "
        "De site legt ze uit waar ze voor het eerst op een pagina staan, en toont ze op de pagina Begrippen."))
    woorden: list[GlossaryWord] = Field(default_factory=list, description=(
        "Vaktermen van de agenda zelf die geen afkorting zijn (warme overdracht, doorstroomtoets, thuiszitter): woord en uitleg. "
        "De pagina Begrippen toont ze onder 'Woorden'; in de tekst krijgen ze geen uitleg erachter."))
    # issue 29 items 8, 9, 10, 12
    plaatsen: list[Place] = Field(default_factory=list, description=(
        "Kernen, wijken of gemeenten met hun eigen prioriteiten; elke plaats krijgt een pagina (In mijn wijk) "
        "met wat er daar gebeurt."))
    verwant: list[RelatedAgenda] = Field(default_factory=list, description=(
        "Andere agenda's: de voorganger, addenda, de regionale agenda waar deze bij hoort, of lokale agenda's erbinnen; "
        "en verwant beleid (soort: beleid) dat geen LEA is."))
    benaming_interventie: Naming | None = Field(None, description=(
        "Het woord van de agenda voor een interventie (uit `interventies`), in koppen op de pagina's per plaats en leeftijd: "
        "{enkelvoud: aanpak, meervoud: aanpakken}. Zonder: programma, of interventie als de agenda haar doelen al programma noemt."))
    benaming_eigenaar: Naming | None = Field(None, description=(
        "Het woord van de agenda voor wie een doel trekt of het voortouw neemt (de eigenaars): "
        "{enkelvoud: trekker, meervoud: trekkers}. Zonder: eigenaar."))


class Agenda(BaseModel):
    """The whole validated agenda, assembled from all data files."""

    info: AgendaInfo
    _lookup: dict = PrivateAttr(default_factory=dict)
    _pictures: dict = PrivateAttr(default_factory=dict)  # a chapter's pictures: path as written -> checked file (load)
    partners: list[Partner] = []
    ambities: list[Ambition] = []
    jaarplannen: list[YearPlan] = []
    organen: list[Body] = []
    interventies: list[Intervention] = []
    rollen: list[Role] = []

    # lookups (indexed once: renderers ask them for every table cell) ---------
    def _index(self, name: str, items: list, attribute: str = "id") -> dict:
        cache = self._lookup
        key = (name, len(items), id(items))
        if key not in cache:
            cache[key] = {getattr(item, attribute): item for item in reversed(items)}  # first one wins
        return cache[key]

    def partner(self, pid: str) -> Partner | None:
        return self._index("partners", self.partners).get(pid)

    def ambition(self, aid: str) -> Ambition | None:
        return self._index("ambities", self.ambities).get(aid)

    def body(self, bid: str) -> Body | None:
        return self._index("organen", self.organen).get(bid)

    def year_plan(self, school_year: str) -> YearPlan | None:
        return self._index("jaarplannen", self.jaarplannen, "schooljaar").get(school_year)

    def indicators(self) -> list[tuple[Ambition, Indicator]]:
        return [(a, i) for a in self.ambities for i in a.indicatoren]

    # the goal tree ---------------------------------------------------------------
    def parent(self, ambition: Ambition) -> Ambition | None:
        return self.ambition(ambition.onder) if ambition.onder else None

    def children(self, ambition: Ambition | None) -> list[Ambition]:
        """The goals directly under ``ambition`` (under None: the top level), in the agenda's order."""
        key = ambition.id if ambition is not None else None
        return [a for a in self.ambities if a.onder == key]

    def also_serving(self, ambition: Ambition) -> list[Ambition]:
        """The goals that serve ``ambition`` besides their own parent (``ook_onder``): shown, not placed, under it."""
        return [a for a in self.ambities if ambition.id in a.ook_onder and a.onder != ambition.id]

    def other_parents(self, ambition: Ambition) -> list[Ambition]:
        """The goals one level higher that ``ambition`` also serves, besides its parent."""
        return [p for p in (self.ambition(pid) for pid in ambition.ook_onder) if p is not None and p.id != ambition.onder]

    def shared_results(self, ambition: Ambition) -> list[tuple[Ambition, Result]]:
        """Results written at another goal that name ``ambition`` in ``ook_voor``, with that goal."""
        return [(g, r) for g in self.ambities if g.id != ambition.id for r in g.resultaten if ambition.id in r.ook_voor]

    def owned_by_members(self, ambition: Ambition) -> list[tuple[Body, Member]]:
        """Members of bodies who are owners of ``ambition`` (``eigenaar_van``)."""
        return [(b, m) for b in self.organen for m in b.leden if ambition.id in m.eigenaar_van]

    def role(self, rid: str) -> Role | None:
        return self._index("rollen", self.rollen).get(rid)

    def level(self, ambition: Ambition) -> int:
        """0 for a top-level goal, 1 for one under it, ... (bounded: the load step refuses cycles)."""
        depth, current = 0, ambition
        while current.onder and depth < len(self.ambities):
            parent = self.ambition(current.onder)
            if parent is None:
                break
            depth, current = depth + 1, parent
        return depth

    def naming(self, level: int = 0) -> Naming:
        """The agenda's word for goals at ``level``."""
        names = self.info.niveaus or [self.info.benaming]
        if level < len(names):
            return names[level]
        return names[-1] if level == 0 else Naming(enkelvoud="doel", meervoud="doelen")

    def has_year_plans(self) -> bool:
        return bool(self.jaarplannen)

    def has_money(self) -> bool:
        """Whether anything in the agenda has an amount of money (else: no budget column, page or € 0)."""
        for plan in self.jaarplannen:
            if plan.budget is not None:
                return True
            for amb_plan in plan.ambities:
                if amb_plan.begroting and amb_plan.begroting.soort == "bedrag" and amb_plan.begroting.kosten is not None:
                    return True
                if any(a.begroting and a.begroting.soort == "bedrag" and a.begroting.kosten is not None for a in amb_plan.acties):
                    return True
        for ambition in self.ambities:
            if any(a.begroting and a.begroting.soort == "bedrag" and a.begroting.kosten is not None for a in ambition.activiteiten):
                return True
        return any(f.bedrag is not None for item in self.interventies for f in item.financiering)

    def year_plans_sorted(self) -> list[YearPlan]:
        return sorted(self.jaarplannen, key=lambda y: y.schooljaar)

    def current_school_year(self, today: date) -> str | None:
        """The year the site calls current: configured, else today's, clamped to the plans."""
        if self.info.huidig_schooljaar:
            return self.info.huidig_schooljaar
        years = [y.schooljaar for y in self.year_plans_sorted()]
        if not years:
            return None
        from .values import school_year_of

        today_year = school_year_of(today)
        if today_year in years:
            return today_year
        past = [y for y in years if y <= today_year]
        return past[-1] if past else years[0]

    # places and the owners' word (issue 29 items 8 and 12) ------------------------
    def place(self, pid: str) -> Place | None:
        return self._index("plaatsen", self.info.plaatsen).get(pid)

    def place_parent(self, place: Place) -> Place | None:
        return self.place(place.onder) if place.onder else None

    def place_children(self, place: Place) -> list[Place]:
        return [p for p in self.info.plaatsen if p.onder == place.id]

    def set_pictures(self, found: dict) -> None:
        self._pictures = dict(found)

    def pictures(self) -> dict:
        """The chapters' pictures that lea check passed: path in the data folder -> file (lea_site.richtext)."""
        return self._pictures

    def intervention_naming(self) -> Naming:
        """The agenda's word for an intervention: its own, else 'programma' unless its goals are already called so."""
        if self.info.benaming_interventie is not None:
            return self.info.benaming_interventie
        goal_words = {n.enkelvoud.casefold() for n in (self.info.niveaus or [self.info.benaming])}
        if "programma" in goal_words:
            return Naming(enkelvoud="interventie", meervoud="interventies")
        return Naming(enkelvoud="programma", meervoud="programma's")

    def interventions_for(self, ambition: Ambition) -> list[Intervention]:
        """The interventions that name ``ambition`` (``ambitie``): listed on its page."""
        return [i for i in self.interventies if i.ambitie == ambition.id]

    def owner_naming(self) -> Naming:
        """The agenda's word for whoever owns (leads) a goal: its own (trekker, voortouw), else eigenaar."""
        return self.info.benaming_eigenaar or Naming(enkelvoud="eigenaar", meervoud="eigenaars")


__all__ = [
    "Action", "Adoption", "AgeRange", "Amount", "Signatory", "Member", "Organisation", "Result", "Role", "Statement", "Agenda", "AgendaInfo", "Ambition", "AmbitionPlan", "Body", "Budget",
    "Contact", "Cost", "DimensionReport", "Evaluation", "ForParents", "Place", "Priority", "RelatedAgenda", "SharedGoal", "Funding", "Indicator", "Intervention", "Location", "Measurement", "Owner",
    "Partner", "Party", "Period", "Planning", "ProgressNote", "SignUp", "Target", "TargetGroup", "Venue", "YearBudget", "YearPlan",
]
