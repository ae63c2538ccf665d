"""Dutch formatting of money, dates, periods and plannings, through Babel.

Quarters are written ``Q4 2021`` as Dutch agendas do, although CLDR's Dutch
quarter abbreviation is ``K4``; everything else is Babel's ``nl_NL`` locale.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from ..values import Period, Planning

LOCALE = "nl_NL"


def capital(text: str) -> str:
    """The first letter upper case, the rest as written (str.capitalize would make 'GKA' 'Gka')."""
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=4096)  # Babel's formatting is slow and amounts repeat
def money(amount: int) -> str:
    """``€ 66.650``: whole euros, as the agendas write them."""
    return format_currency(amount, "EUR", locale=LOCALE, format="¤ #,##0;¤ -#,##0", currency_digits=False)


@lru_cache(maxsize=1024)
def price(amount: float) -> str:
    """``€ 2,50`` or ``€ 15``: what something costs a parent, with cents only when there are any."""
    whole = float(amount).is_integer()
    return format_currency(int(amount) if whole else amount, "EUR", locale=LOCALE,
                           format="¤ #,##0" if whole else "¤ #,##0.00", currency_digits=False)


@lru_cache(maxsize=4096)  # amounts and values repeat (Babel takes 30 µs a call)
def number(value: float) -> str:
    """``25,5`` or ``1.234``: no trailing ``,0`` for whole numbers."""
    return format_decimal(int(value) if float(value).is_integer() else value, locale=LOCALE)


def percent(fraction: float) -> str:
    return format_percent(fraction, locale=LOCALE)


def size(n_bytes: int) -> str:
    """``412 kB``, ``1,2 MB``: a file's size as a download says it (1 kB is 1000 bytes), the number and
    its unit joined by a no-break space (never one at the end of a line and the other on the next)."""
    if n_bytes < 999_500:
        return f"{max(1, round(n_bytes / 1000))}\u00a0kB"
    return f"{format_decimal(round(n_bytes / 1_000_000, 1), format='#,##0.0', locale=LOCALE)}\u00a0MB"


@lru_cache(maxsize=4096)
def day(d: date) -> str:
    """``14 oktober 2021``."""
    return format_date(d, "d MMMM y", locale=LOCALE)


@lru_cache(maxsize=1024)
def month(d: date) -> str:
    """``oktober 2021``."""
    return format_date(d, "MMMM y", locale=LOCALE)


def school_year(sy: str) -> str:
    return f"schooljaar {sy}"


def period(p: Period) -> str:
    if p.kind == "maand":
        return month(p.start)
    if p.kind == "dag":
        return day(p.start)
    return p.text  # 2022, 2021-2022, Q4 2021


def whole_area(agenda) -> str:
    """'hele gemeente Lindeveen', 'hele regio Veenland': where 'everywhere' is, by the name the data gives it
    (never a vague 'hele gemeente of regio'); for the site and the PDFs alike."""
    towns = agenda.info.regio.gemeenten
    return f"hele gemeente {towns[0]}" if len(towns) == 1 else f"hele regio {agenda.info.regio.naam}"


def where(agenda, location) -> str:
    """A location in words: the whole area by its name, then the places the data names."""
    return ", ".join(([whole_area(agenda)] if location.hele_gemeente else []) + location.names())


def for_ages(ages) -> str:
    """'voor kinderen van', 'voor jongeren van' or 'voor kinderen en jongeren van': babies are no jongeren; work that
    starts before birth is also for the parents-to-be."""
    if ages.months is not None and ages.months[0] < 0:
        return "voor aanstaande ouders en kinderen van"
    if ages.high <= 12:
        return "voor kinderen van"
    if ages.low >= 12:
        return "voor jongeren van"
    return "voor kinderen en jongeren van"


def adoption(a, agenda=None) -> str:
    """'vastgesteld op 26 juni 2025 door de gemeenteraad', 'vastgesteld in april 2021', 'concept (nog niet vastgesteld)',
    or 'niet vermeld' when the document does not say (never a guess). Signatories each with their own date and place:
    'ondertekend door de wethouder (Gemeente X) op 20 juni 2022 in X en ...'; an agreement names its parties first.
    ``agenda`` turns partner ids into names."""
    if a.status is None:
        return "niet vermeld"
    if a.status != "vastgesteld":
        return "concept (nog niet vastgesteld)"
    parts = []
    if a.door or a.datum is not None:
        parts.append(f"vastgesteld{_when(a.datum)}" + (f" door {a.door}" if a.door else ""))
    if a.ondertekenaars:
        signed = [_signer(s, agenda) + _when(s.datum) + (f" in {s.plaats}" if s.plaats else "") for s in a.ondertekenaars]
        parts.append("ondertekend door " + and_list(signed))
    text = "; ".join(parts)
    if a.overeenkomst:
        text = f"een overeenkomst tussen {and_list([_partner_name(p, agenda) for p in a.parties()])}, {text}"
    return text


def _when(day) -> str:
    return "" if day is None else " " + day.at  # 'op 14 oktober 2021', 'in 2019', 'medio 2022' (lea_site.values)


def _partner_name(pid: str, agenda) -> str:
    partner = agenda.partner(pid) if agenda is not None else None
    return partner.naam if partner else pid


def _signer(s, agenda) -> str:
    """A signatory as 'de wethouder onderwijs (Gemeente Veenhoven)': the role, on behalf of whom."""
    whom = [_partner_name(s.partner, agenda)] if s.partner else []
    if s.orgaan:
        body = agenda.body(s.orgaan) if agenda is not None else None
        whom.append(body.naam if body else s.orgaan)
    if s.rol:
        return s.rol + (f" ({', '.join(whom)})" if whom else "")
    return ", ".join(whom)


def and_list(items: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1] if items else ""


def amount(a) -> str:
    """An Amount as the document gives it: '€ 32.000', 'ca. € 120.000 per locatie per jaar'; without an amount only
    what it is per ('bedrag per jaar niet bekend'), else ''."""
    if a.bedrag is None:
        return f"bedrag per {a.per} niet bekend" if a.per else ""
    return ("ca. " if a.circa else "") + money(a.bedrag) + (f" per {a.per}" if a.per else "")


FUNDING_NO_PERIOD = "periode niet vermeld"


def funding(f, unstated: bool = False) -> str:
    """A source of money in words: 'GKA, voor coördinatie: ca. € 68.000 per jaar (2022-2024)'. With ``unstated``
    (an intervention, which runs for years or 'doorlopend'), an amount neither per year nor for a period says so:
    '€ 10.000' alone read as a yearly figure next to the year plans' coverage, or as a total."""
    text = f.bron + (f", voor {f.doel}" if f.doel else "")
    shown = amount(f)
    when = f.periode or (FUNDING_NO_PERIOD if unstated and f.bedrag is not None and not f.per else None)
    return text + (f": {shown}" if shown else "") + (f" ({when})" if when else "")


# An action without a planning: the document does not say when, which is not 'not planned yet'.
NO_PLANNING = "planning niet vermeld"


def planning(p: Planning | None, missing: str = NO_PLANNING) -> str:
    """A planning in words; ``missing`` when the data gives none ('niet vermeld' after a label 'Planning:')."""
    if p is None:
        return missing
    if p.first is None:
        return "hele schooljaar"
    if p.last is None or p.last == p.first:
        return period(p.first)
    return f"{period(p.first)} t/m {period(p.last)}"


# Dutch area codes of two digits after the 0 (010, 020 ...; 085, 088, 091 are national numbers of the same shape);
# every other area code has three (0111, 0999): the subscriber's part is then 7 or 6 digits.
_SHORT_AREAS = frozenset("10 13 15 20 23 24 26 30 33 35 36 38 40 43 45 46 50 53 55 58 70 71 72 73 74 75 76 77 78 79 "
                         "85 88 91".split())
_SERVICE = ("0800", "0900", "0906", "0909")  # free and paid information numbers: 0800 1234, 0900 123 4567


def _national(text: str) -> str | None:
    """The number's digits in national form ('0999200300', '140999'), or None for a number abroad."""
    digits = "".join(c for c in text if c.isdigit())
    if text.lstrip().startswith("+"):
        return "0" + digits[2:] if digits.startswith("31") else None
    if digits.startswith("0031"):
        return "0" + digits[4:]
    return digits


def _grouped(national: str) -> str | None:
    """A Dutch number in national form, grouped as every page writes it; None for a length no Dutch number has."""
    if national.startswith("140") and 5 <= len(national) <= 7:
        return f"14 {national[2:]}"
    if national.startswith(_SERVICE) and len(national) in (8, 11):
        rest = national[4:]
        return f"{national[:4]} {rest}" if len(rest) == 4 else f"{national[:4]} {rest[:3]} {rest[3:]}"
    if len(national) == 10 and national.startswith("0") and not national.startswith("00"):
        if national[1:3] in _SHORT_AREAS:
            return f"{national[:3]} {national[3:6]} {national[6:]}"
        return f"{national[:4]} {national[4:7]} {national[7:]}"
    return None


def phone(text: str) -> str:
    """A Dutch phone number as every page writes it, in national form: '0999 200 300', '010 123 4567',
    '14 0999' (14 and the municipality's area code), '0800 1234'. A number abroad, or of a length no Dutch
    number has, keeps its own writing (spaces tidied): a wrong grouping would suggest a number that is not there."""
    written = " ".join(text.split())
    national = _national(written)
    return (_grouped(national) if national is not None else None) or written


def phone_has_a_dutch_shape(text: str) -> bool:
    """Whether a number is one a Dutch phone can dial as written (a number abroad counts as such): lea check
    warns for the others, which the site shows as written (a digit too many or too few is a wrong number)."""
    national = _national(" ".join(text.split()))
    return national is None or _grouped(national) is not None


def phone_dial(text: str) -> str:
    """What a tel: link dials: a Dutch number in international form, which works from any phone ('+31999200300');
    a 14 number or a service number only from the Netherlands ('140999'); a number abroad with its own +."""
    national = _national(text)
    if national is None:
        return "+" + "".join(c for c in text if c.isdigit())
    if len(national) == 10 and national.startswith("0") and not national.startswith(("00", *_SERVICE)):
        return "+31" + national[1:]
    return national
