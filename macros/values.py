"""The one place that turns lenient scalar input into typed values.

Editors write money, school years, plannings, periods and age ranges the way they
speak. Every such string is parsed here, once, into a small immutable value, or
rejected with a Dutch message that says what to write instead. The pydantic model
uses these parsers through ``Annotated`` types (see ``model.py``).
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Annotated, Any, get_args

from pydantic import BeforeValidator, WithJsonSchema

from .yamlsource import BIDI_CONTROLS, INVISIBLE, YamlFloat, clip, invisible_name

MONTHS_NL = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]
_MONTH_ABBR = {name[:3]: i + 1 for i, name in enumerate(MONTHS_NL)}
_MONTH_ABBR["sept"] = 9
_MONTH_ABBR["mrt"] = 3

WHOLE_YEAR = "hele schooljaar"

# Limits (the data comes from pull requests: every value is bounded).
MAX_AMOUNT = 1_000_000_000_000  # euro: more than any municipality's budget, well within Babel and float
MAX_NUMBER = 1_000_000_000_000  # a measured value, either sign
MAX_SHORT_VALUE = 100  # characters of a planning, period, school year or age range


def dutch_int(number: int) -> str:
    """1000000 as 1.000.000."""
    return f"{number:,}".replace(",", ".")


# Characters that look like nothing (or like a space) and come in from Word, web pages and PDFs,
# and the bidi controls: named in one place, yamlsource (which reports them in the files).
INVISIBLE_PATTERN = re.compile("[" + "".join(sorted({**INVISIBLE, **BIDI_CONTROLS})) + "]")


def odd_characters(text: str) -> str | None:
    """A message when ``text`` holds an invisible character or digits other than 0-9.

    Used where a value must be exact (ids, numbers, dates, periods): the editor cannot
    see the character, so the message names it and its place.
    """
    if text.isascii():
        return None
    found = INVISIBLE_PATTERN.search(text)
    if found:
        shown = INVISIBLE_PATTERN.sub("", text).strip()
        return (f"'{clip(shown)}' bevat {invisible_name(found.group())} op positie {found.start() + 1}; "
                "typ de waarde opnieuw (het teken is niet te zien, maar hoort er niet in)")
    return odd_digits(text)


def odd_digits(text: str) -> str | None:
    """A message when ``text`` has digits other than 0-9 (full-width ２, Arabic-Indic ٢, superscript ²).

    Python's ``int()`` and ``\\d`` accept them; we accept only 0-9, and say so.
    """
    if text.isascii():
        return None
    odd = list(dict.fromkeys(c for c in text if c.isdigit() and not c.isascii()))
    if not odd:
        return None
    shown = ", ".join(f"{c} (U+{ord(c):04X})" for c in odd[:5]) + (" …" if len(odd) > 5 else "")
    return f"'{clip(text)}' bevat cijfers die geen gewone cijfers 0-9 zijn: {shown}; typ de cijfers opnieuw als 0-9"


def _short(value: str, what: str, example: str) -> str:
    """``value`` if it is short enough to be a planning, period or age range; else a plain error."""
    if len(value) > MAX_SHORT_VALUE:
        raise ValueError(f"{what} is te lang: {dutch_int(len(value))} tekens, en de grens is {MAX_SHORT_VALUE}; "
                         f"schrijf bijvoorbeeld {example}")
    message = odd_characters(value)
    if message:
        raise ValueError(message)
    return value


def describe(value: Any) -> str:
    """Name a raw YAML value's type in plain Dutch, for error messages."""
    if value is None:
        return "niets (leeg)"
    if isinstance(value, bool):
        return f"ja/nee-waarde {str(value).lower()}"
    if isinstance(value, YamlFloat):
        return f"kommagetal {clip(value.raw)}"
    if isinstance(value, int):
        return f"getal {clip(str(value))}"
    if isinstance(value, float):
        return f"kommagetal {value}"
    if isinstance(value, str):
        return f"tekst '{clip(value)}'"
    if isinstance(value, dict):
        return "een groep velden"
    if isinstance(value, list):
        return "een lijst"
    return type(value).__name__


# --- fixed values and yes/no -------------------------------------------------

_QUOTES = "\"'“”‘’„‚«»"


def choice(literal: Any) -> Any:
    """A ``Literal`` of fixed values that also takes them in any case and between quotes:
    'Afgerond', 'AFGEROND' and '“afgerond”' are 'afgerond'; 'eigen uren' is 'eigen_uren'."""
    options = {re.sub(r"[\s_-]+", "_", str(o).lower()): o for o in get_args(literal)}

    def fold(value: Any) -> Any:
        if isinstance(value, str) and len(value) <= MAX_SHORT_VALUE:
            return options.get(re.sub(r"[\s_-]+", "_", value.strip().strip(_QUOTES).strip().lower()), value)
        return value

    return Annotated[literal, BeforeValidator(fold)]


_YES_NO = {"ja": True, "nee": False, "waar": True, "onwaar": False, "yes": True, "no": False, "true": True, "false": False}


def parse_yes_no(value: Any) -> Any:
    """ja/nee (and yes/no, true/false) in any case; anything else goes on to pydantic's bool."""
    if isinstance(value, str) and len(value) <= MAX_SHORT_VALUE:
        return _YES_NO.get(value.strip().strip(_QUOTES).lower(), value)
    return value


YesNo = Annotated[
    bool,
    BeforeValidator(parse_yes_no),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"type": "string", "enum": ["ja", "nee", "Ja", "Nee"]}],
                    "description": "ja of nee (true of false)"}),
]


# --- money -----------------------------------------------------------------

# Only ASCII digits ([0-9], never \d), and no two quantifiers that can match the same
# characters next to each other: every pattern here runs in linear time.
_DUTCH_AMOUNT = re.compile(r"(?:€|eur|euro)? ?-?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]{1,2}|,-)?", re.I)
_PLAIN_AMOUNT = re.compile(r"(?:€|eur|euro) ?-?[0-9]+(?:,[0-9]{1,2}|,-)?", re.I)
_DIGITS = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?")


def _digits(text: str) -> str:
    text = re.sub(r"^(?:€|eur|euro) ?", "", text, flags=re.I)
    return re.sub(r"(?:,[0-9]{1,2}|,-)$", "", text).replace(".", "")


def _amount_text(value: str) -> str:
    """An amount as written, with runs of spaces as one (so the patterns above need no \\s*)."""
    return " ".join(value.split()) if len(value) <= MAX_SHORT_VALUE else value


def _too_large(what: str, limit: int, value: Any) -> ValueError:
    shown = str(getattr(value, "raw", value))
    digits = sum(c.isdigit() for c in shown.split(".")[0])
    if digits == 0:  # !!float nan, !!float inf
        return ValueError(f"'{clip(shown)}' is geen {what}")
    shown = shown if len(shown) <= 20 else f"van {dutch_int(digits)} cijfers"
    unit = " euro" if what == "bedrag" else " (positief of negatief)"
    return ValueError(f"{what} {shown} is te groot; de grens is {dutch_int(limit)}{unit}")


_WRITTEN_AMOUNT = re.compile(r"(?:€ ?)?([0-9]{1,3}(?: [0-9]{3})+|[0-9]+)(?:[,.] ?([0-9]+))? ?(k|mln|miljoen|duizend)?\.?", re.I)
_FACTORS = {"k": 1000, "duizend": 1000, "mln": 1_000_000, "miljoen": 1_000_000}


def _meant_amount(text: str) -> int | None:
    """The whole euros meant by '12,5k', '12 500', '1,2 mln', '12,500' or '1000,50' (None if unclear)."""
    match = _WRITTEN_AMOUNT.fullmatch(text) if len(text) <= 30 else None
    if not match:
        return None
    whole, part, unit = match[1].replace(" ", ""), match[2] or "", (match[3] or "").lower()
    if unit:
        amount = (int(whole) * 10 ** len(part) + int(part or 0)) * _FACTORS[unit] // 10 ** len(part)
    elif len(part) == 3:  # 12,500: a thousands separator
        amount = int(whole + part)
    elif part:  # 1000,50: cents, rounded to whole euros
        amount = int(whole) + (1 if int(part.ljust(2, "0")) >= 50 else 0)
    elif " " in match[1]:
        amount = int(whole)
    else:
        return None
    return amount if amount <= MAX_AMOUNT else None


def parse_money(value: Any) -> int:
    """Whole euros as an exact int; catches Dutch notation that YAML misreads."""
    if isinstance(value, bool):
        raise ValueError(f"verwacht een bedrag in hele euro's, kreeg {describe(value)}")
    if isinstance(value, YamlFloat):
        if _DUTCH_AMOUNT.fullmatch(value.raw):
            raise ValueError(
                f"{value.raw} is een bedrag in Nederlandse notatie, maar YAML leest het als "
                f"{float(value)!r}; schrijf het zonder punt: {_digits(value.raw)}"
            )
        raise ValueError(f"verwacht een bedrag in hele euro's zonder cijfers achter de komma, kreeg {value.raw}")
    if isinstance(value, float):
        raise ValueError(f"verwacht een bedrag in hele euro's, kreeg kommagetal {value}")
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"een bedrag kan niet negatief zijn (kreeg {clip(str(value), 30)})")
        if value > MAX_AMOUNT:
            raise _too_large("bedrag", MAX_AMOUNT, value)
        return value
    if isinstance(value, str):
        text = _amount_text(value.strip())
        if (message := odd_characters(text)):
            raise ValueError(message)
        if _DIGITS.fullmatch(text):  # a number too long for YAML to read as one
            raise _too_large("bedrag", MAX_AMOUNT, text)
        if _DUTCH_AMOUNT.fullmatch(text) or _PLAIN_AMOUNT.fullmatch(text):
            raise ValueError(
                f"'{text}' is tekst; schrijf een bedrag als heel getal zonder euroteken of punt: "
                f"{_digits(text)}"
            )
        if (meant := _meant_amount(text)) is not None:
            raise ValueError(f"'{clip(text)}' is geen bedrag in hele euro's; schrijf het als heel getal, "
                             f"zonder komma, spatie, k of mln: {meant}")
        raise ValueError(f"verwacht een bedrag in hele euro's, kreeg {describe(value)}")
    raise ValueError(f"verwacht een bedrag in hele euro's, kreeg {describe(value)}")


Money = Annotated[
    int,
    BeforeValidator(parse_money),
    WithJsonSchema({"type": "integer", "minimum": 0, "maximum": MAX_AMOUNT, "description": "Bedrag in hele euro's, zonder punt of euroteken: 66650"}),
]


# --- numbers (indicator values) ---------------------------------------------


def parse_number(value: Any) -> float:
    """A measured value; a Dutch decimal comma gets a hint instead of a crash."""
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise ValueError(f"verwacht een getal, kreeg {describe(value)}")
    if isinstance(value, int):
        if abs(value) > MAX_NUMBER:  # before float(): an int of 310 digits does not fit in one
            raise _too_large("getal", MAX_NUMBER, value)
        return float(value)
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) > MAX_NUMBER:
            raise _too_large("getal", MAX_NUMBER, value)
        return float(value)
    text = str(value).strip()
    if (message := odd_characters(text)):
        raise ValueError(message)
    if _DIGITS.fullmatch(text):  # a number too long for YAML to read as one
        raise _too_large("getal", MAX_NUMBER, text)
    if re.fullmatch(r"-?[0-9]+,[0-9]+", text):
        raise ValueError(f"'{clip(text)}' is tekst; gebruik een punt als decimaalteken: {clip(text.replace(',', '.'))}")
    if re.fullmatch(r"-?[0-9]+(?:\.[0-9]+)? ?%", text):
        raise ValueError(f"'{text}' is tekst; laat het procentteken weg (de eenheid staat bij de indicator)")
    raise ValueError(f"verwacht een getal, kreeg {describe(value)}")


Number = Annotated[
    float,
    BeforeValidator(parse_number),
    WithJsonSchema({"type": "number", "minimum": -MAX_NUMBER, "maximum": MAX_NUMBER, "description": "Getal met een punt als decimaalteken: 25.5"}),
]


# --- school years ----------------------------------------------------------

_SCHOOL_YEAR = re.compile(r"([0-9]{4})-([0-9]{4})")


def parse_school_year(value: Any) -> str:
    """``2021-2022``: August 2021 to July 2022; the second year follows the first."""
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError(f"verwacht een schooljaar zoals {value}-{value + 1}, kreeg alleen het jaar {value}")
    if not isinstance(value, str):
        raise ValueError(f"verwacht een schooljaar zoals 2021-2022, kreeg {describe(value)}")
    text = _short(value, "schooljaar", "2021-2022").strip()
    alt = re.fullmatch(r"([0-9]{4}) ?[/–] ?([0-9]{4})|([0-9]{4}) - ([0-9]{4})", " ".join(text.split()))
    if alt:
        a, b = [g for g in alt.groups() if g]
        raise ValueError(f"schrijf een schooljaar als {a}-{b} (met een liggend streepje, zonder spaties)")
    match = _SCHOOL_YEAR.fullmatch(text)
    if not match:
        raise ValueError(f"verwacht een schooljaar zoals 2021-2022, kreeg '{text}'")
    first, second = int(match[1]), int(match[2])
    if second != first + 1:
        raise ValueError(
            f"schooljaar {text} bestaat niet: een schooljaar loopt van augustus tot juli, "
            f"dus na {first} komt {first + 1}"
        )
    if not 1990 <= first <= 2100:
        raise ValueError(f"schooljaar {text} ligt buiten het bereik 1990-2100")
    return text


SchoolYear = Annotated[
    str,
    BeforeValidator(parse_school_year),
    WithJsonSchema({"type": "string", "pattern": r"^[0-9]{4}-[0-9]{4}$", "description": "Schooljaar, bijvoorbeeld 2021-2022"}),
]


def school_year_bounds(school_year: str) -> tuple[date, date]:
    first = int(school_year[:4])
    return date(first, 8, 1), date(first + 1, 7, 31)


def school_year_of(day: date) -> str:
    first = day.year if day.month >= 8 else day.year - 1
    return f"{first}-{first + 1}"


# --- periods and plannings -------------------------------------------------


@dataclass(frozen=True, order=True)
class Period:
    """A span of the calendar named the way agendas name it.

    ``start`` and ``end`` are what the site computes with (sorting, 'is this late?'); ``text`` is
    what it shows. A rough period ('medio 2022', 'najaar 2021') keeps its words: its bounds are
    the README's reading of them, never shown as days (see :attr:`exact`)."""

    start: date
    end: date
    kind: str  # jaar, schooljaar, kwartaal, maand, dag; deel (begin/medio/eind, een helft), seizoen
    text: str  # canonical spelling

    def __str__(self) -> str:
        return self.text

    @property
    def exact(self) -> bool:
        """False for a rough period: its first and last day are a reading, not what the document says."""
        return self.kind not in ROUGH_KINDS

    @property
    def words(self) -> str:
        """The period in words: 'oktober 2021', '14 oktober 2021', 'Q4 2021', 'schooljaar 2021-2022', 'medio 2022'."""
        if self.kind == "maand":
            return f"{MONTHS_NL[self.start.month - 1]} {self.start.year}"
        if self.kind == "dag":
            return f"{self.start.day} {MONTHS_NL[self.start.month - 1]} {self.start.year}"
        if self.kind == "schooljaar":
            return f"schooljaar {self.text}"
        return self.text

    @property
    def at(self) -> str:
        """When something happens, with the right preposition: 'op 14 oktober 2021', 'in 2019',
        'in Q4 2021', 'medio 2022', 'in het najaar van 2021', 'in de eerste helft van 2022'."""
        if self.kind == "dag":
            return f"op {self.words}"
        if self.kind == "seizoen":
            season, _, rest = self.text.partition(" ")
            return f"in {'de' if season == 'zomer' else 'het'} {season} van {rest}"
        if self.text.startswith(("eerste helft ", "tweede helft ")):
            half, _, rest = self.text.partition(" helft ")
            return f"in de {half} helft van {rest}"
        if self.kind == "deel":
            return self.text  # 'medio 2022', 'eind schooljaar 2021-2022': no preposition
        return f"in {self.words}"


ROUGH_KINDS = ("deel", "seizoen")
KIND_WORDS = {"jaar": "een jaar", "schooljaar": "een schooljaar", "kwartaal": "een kwartaal", "maand": "een maand",
              "dag": "een datum", "deel": "een deel van een jaar", "seizoen": "een seizoen"}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


MIN_YEAR, MAX_YEAR = 1990, 2100  # the years any agenda can speak of (as for school years)


def _year(y: int, text: str) -> int:
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise ValueError(f"jaar {y} in '{text}' ligt buiten het bereik {MIN_YEAR}-{MAX_YEAR}; klopt het jaar?")
    return y


def _month_number(name: str) -> int | None:
    return MONTHS_NL.index(name) + 1 if name in MONTHS_NL else _MONTH_ABBR.get(name)


def _months_later(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


# Rough parts of a year or school year, as months from its start (start, end exclusive). Begin, medio
# and eind split it in three; a season is the weather's, in a calendar year only.
_THIRDS = {"begin": (0, 4), "start": (0, 4), "medio": (4, 8), "midden": (4, 8), "halverwege": (4, 8),
           "eind": (8, 12), "einde": (8, 12)}
_HALVES = {"eerste": (0, 6), "1e": (0, 6), "tweede": (6, 12), "2e": (6, 12)}
_SEASONS = {"voorjaar": (2, 5), "lente": (2, 5), "zomer": (5, 8), "najaar": (8, 11), "herfst": (8, 11)}
# The same seasons in a school year (from 1 August): its autumn comes first, its summer ends on 31 July.
_SCHOOL_SEASONS = {"voorjaar": (7, 10), "lente": (7, 10), "zomer": (10, 12), "najaar": (1, 4), "herfst": (1, 4)}
_QUARTER_WORDS = {"eerste": 1, "1e": 1, "tweede": 2, "2e": 2, "derde": 3, "3e": 3, "vierde": 4, "4e": 4}
_ROUGH = re.compile(r"([a-z0-9]+)(?: helft)?(?: van)?(?: het)? (schooljaar [0-9]{4}[-/][0-9]{4}|[0-9]{4}[-/][0-9]{4}|[0-9]{4})")


def _rough(t: str, text: str) -> Period | None:
    """'medio 2022', 'eind schooljaar 2021-2022', 'najaar 2021', 'eerste helft van 2022' (``t`` lower case)."""
    m = _ROUGH.fullmatch(t)
    if not m:
        return None
    word, rest = m[1], m[2]
    half = " helft" in t
    if word == "winter":
        y = int(rest[-4:]) - (1 if "-" in rest or "/" in rest else 0)  # the winter of school year 2021-2022 starts in 2021
        raise ValueError(f"'{text}' is niet eenduidig: de winter loopt over de jaarwisseling; schrijf de maanden, "
                         f"bijvoorbeeld 'december {y} t/m februari {y + 1}'")
    base = _parse_point(rest)
    if base is None:
        return None
    seasons = _SCHOOL_SEASONS if base.kind == "schooljaar" else _SEASONS
    months = _HALVES.get(word) if half else (_THIRDS.get(word) or seasons.get(word))
    if months is None:
        return None
    start = _months_later(base.start, months[0])
    end = _months_later(base.start, months[1]) - timedelta(days=1)
    shown = ("eerste" if word in ("eerste", "1e") else "tweede") + " helft" if half else word
    rest = f"schooljaar {base.text}" if base.kind == "schooljaar" else base.text
    return Period(start, end, "seizoen" if word in _SEASONS else "deel", f"{shown} {rest}")


def _parse_point(text: str) -> Period | None:
    """One period; ``text`` is short and has its runs of whitespace as one space (see ``_short``)."""
    t = text.strip().lower().rstrip(".")
    if m := re.fullmatch(r"(schooljaar )?([0-9]{4})/([0-9]{4})", t):  # 2021/2022, as agendas often write it
        t = f"{m[2]}-{m[3]}"
    if t.startswith("schooljaar "):  # 'schooljaar 2021-2022'
        t = t[len("schooljaar "):]
    if m := re.fullmatch(r"([0-9]{4})", t):
        y = _year(int(m[1]), text)
        return Period(date(y, 1, 1), date(y, 12, 31), "jaar", str(y))
    if m := _SCHOOL_YEAR.fullmatch(t):
        sy = parse_school_year(t)
        start, end = school_year_bounds(sy)
        return Period(start, end, "schooljaar", sy)
    if m := re.fullmatch(r"[qk]([1-4]) ?([0-9]{4})", t) or re.fullmatch(r"([a-z0-9]+) kwartaal(?: van)? ([0-9]{4})", t):
        q = int(m[1]) if m[1].isdigit() else _QUARTER_WORDS.get(m[1])
        if q is None:
            return None
        y = _year(int(m[2]), text)
        return Period(date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "kwartaal", f"Q{q} {y}")
    if m := re.fullmatch(r"([0-9]{4})-([0-9]{1,2})", t):
        y, mo = _year(int(m[1]), text), int(m[2])
        if not 1 <= mo <= 12:
            raise ValueError(f"maand {mo} bestaat niet in '{text}'")
        return Period(date(y, mo, 1), _month_end(y, mo), "maand", f"{y}-{mo:02d}")
    if m := re.fullmatch(r"([a-z]+)\.? ([0-9]{4})", t):
        mo = _month_number(m[1])
        if mo is None:
            return _rough(t, text)
        y = _year(int(m[2]), text)
        return Period(date(y, mo, 1), _month_end(y, mo), "maand", f"{y}-{mo:02d}")
    if m := re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", t):
        return _day(int(m[1]), int(m[2]), int(m[3]), text)
    if m := re.fullmatch(r"([0-9]{1,2})[-/]([0-9]{1,2})[-/]([0-9]{4})", t):  # 14-10-2021: day first, as in Dutch
        return _day(int(m[3]), int(m[2]), int(m[1]), text)
    if m := re.fullmatch(r"([0-9]{1,2}) ([a-z]+)\.? ([0-9]{4})", t):  # 14 oktober 2021, as the site writes it
        mo = _month_number(m[2])
        if mo is None:
            return None
        return _day(int(m[3]), mo, int(m[1]), text)
    return _rough(t, text)


def _day(y: int, mo: int, d: int, text: str) -> Period:
    _year(y, text)
    try:
        day = date(y, mo, d)
    except ValueError as err:
        raise ValueError(f"datum '{text}' bestaat niet: {_date_reason(err)}") from None
    return Period(day, day, "dag", day.isoformat())


def _date_reason(err: ValueError) -> str:
    msg = str(err)
    if "month must be" in msg:  # 'day is out of range for month' also names the month
        return "die maand bestaat niet"
    return "die dag bestaat niet in die maand"


PERIOD_HELP = ("een jaar (2022), schooljaar (2021-2022), kwartaal (Q4 2021), maand (oktober 2021 of 2021-10), "
               "datum (14 oktober 2021 of 2021-10-14) of een globale periode (begin, medio of eind 2022; voorjaar, "
               "zomer of najaar 2022; eerste helft 2022)")


def _period_text(value: Any, what: str) -> str:
    """The text of a period field: a year may come as a number, a day as a YAML date."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise ValueError(f"verwacht {PERIOD_HELP}; kreeg {describe(value)}")
    return " ".join(_short(value, what, "Q4 2021").split())


_ROUGH_WORDS = "|".join(sorted({*_THIRDS, *_SEASONS, *MONTHS_NL, "winter"}, key=len, reverse=True))
_WITHOUT_YEAR = re.compile(rf"(?:(?:vanaf|sinds|per|in) )?(?:(?:het|de) )?({_ROUGH_WORDS})(?: (?:van )?(?:het|dit|volgend) (?:jaar|schooljaar))?")


def _not_understood(text: str, what: str, help_text: str) -> ValueError:
    """'… is geen periode; schrijf …', with the year asked for when only that is missing ('vanaf het najaar')."""
    m = _WITHOUT_YEAR.fullmatch(text.lower())
    if m:
        year = "schooljaar 2021-2022" if "schooljaar" in text.lower() else "2022"
        return ValueError(f"'{clip(text)}' zegt niet welk jaar; noem het jaar erbij, bijvoorbeeld '{m[1]} {year}'")
    return ValueError(f"'{clip(text)}' is {what}; schrijf {help_text}")


def parse_period(value: Any) -> Period:
    """One period of any kind agendas use (see :data:`PERIOD_HELP`)."""
    if isinstance(value, Period):
        return value
    text = _period_text(value, "periode")
    point = _parse_point(text)
    if point is None:
        if _split_range(text) is not None:
            raise ValueError(f"'{text}' is een reeks; schrijf hier één periode: {PERIOD_HELP}")
        raise _not_understood(text, "geen periode", PERIOD_HELP)
    return point


# Words before a start: 'vanaf schooljaar 2021-2022', 'sinds 2019', 'per 1 januari 2022', 'met ingang van Q4 2021'.
_FROM = re.compile(r"(?:vanaf|sinds|per|met ingang van|m\.i\.v\.) ", re.I)


def parse_moment(value: Any) -> Period:
    """A point in time (a date of adoption, a start) as the document gives it: any one period, taken at
    its start for sorting and comparing, and shown as written ('2019', 'Q4 2021', 'medio 2022')."""
    if isinstance(value, Period):
        return value
    text = _period_text(value, "datum")
    bare = _FROM.sub("", text, count=1) if _FROM.match(text) else text
    point = _parse_point(bare)
    if point is None:
        if _split_range(bare) is not None:
            raise ValueError(f"'{text}' is een reeks; schrijf hier één moment, bijvoorbeeld het begin ervan: {PERIOD_HELP}")
        raise _not_understood(text, "geen datum of periode", PERIOD_HELP)
    return point


def parse_exact_day(value: Any) -> date:
    """A day where the site needs one (a progress note, a report of spending): every spelling of a day
    that the other date fields take, and a plain message for a month or a year."""
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):  # pydantic would read seconds since 1970
        raise ValueError(f"verwacht een datum als 2021-10-14, kreeg {describe(value)}")
    if not isinstance(value, str):
        raise ValueError(f"verwacht een datum als 2021-10-14, kreeg {describe(value)}")
    text = " ".join(_short(value, "datum", "2021-10-14").split())
    point = _parse_point(text)
    if point is None:
        raise ValueError(f"'{clip(text)}' is geen datum; schrijf een datum als 2021-10-14 of 14 oktober 2021")
    if point.kind != "dag":
        raise ValueError(f"'{clip(text)}' is {KIND_WORDS[point.kind]}; hier is één dag nodig, bijvoorbeeld "
                         "2021-10-14 of 14 oktober 2021")
    return point.start


PeriodField = Annotated[
    Period,
    BeforeValidator(parse_period),
    WithJsonSchema({"type": ["string", "integer"], "description": "Periode: " + PERIOD_HELP}),
]
MomentField = Annotated[
    Period,
    BeforeValidator(parse_moment),
    WithJsonSchema({"type": ["string", "integer"], "description": "Moment: " + PERIOD_HELP + "; 'vanaf' of 'sinds' mag ervoor"}),
]
DayField = Annotated[
    date,
    BeforeValidator(parse_exact_day),
    WithJsonSchema({"type": "string", "description": "Een dag: 2021-10-14 of 14 oktober 2021"}),
]


@dataclass(frozen=True)
class Planning:
    """When an action happens: one period, a range of them, or the whole school year."""

    first: Period | None  # None means the whole school year
    last: Period | None

    @property
    def whole_year(self) -> bool:
        return self.first is None

    def bounds(self, school_year: str) -> tuple[date, date]:
        if self.first is None or self.last is None:
            return school_year_bounds(school_year)
        return self.first.start, self.last.end

    def __str__(self) -> str:
        if self.first is None:
            return WHOLE_YEAR
        if self.last is None or self.last == self.first:
            return self.first.text
        return f"{self.first.text} t/m {self.last.text}"


PLANNING_HELP = (f"'{WHOLE_YEAR}', een kwartaal (Q4 2021), een maand (2021-10 of november 2021), een datum, een jaar, "
                 "een globale periode (medio 2022, najaar 2022) of een reeks ('Q2 2022 t/m Q3 2022')")


def parse_planning(value: Any) -> Planning:
    if isinstance(value, Planning):
        return value
    if isinstance(value, date):
        value = value.isoformat()
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise ValueError(f"verwacht een planning: {PLANNING_HELP}; kreeg {describe(value)}")
    return _planning(_short(str(value), "planning", "'Q2 2022 t/m Q3 2022'"))


# Between the two ends of a range: 't/m', 'tot en met' or 'tot' between spaces, or a dash
# with or without spaces ('Q4 2026-Q1 2027'); every way of splitting is tried, spaced words first.
_RANGE_WORD = re.compile(r" (?:t/m|tot en met|tot) |t/m")
_RANGE_DASH = re.compile(r" ?[-–] ?")
# An end without a year borrows it from the other end: 'september t/m december 2026', 'Q1 t/m Q3 2027'.
_NO_YEAR = re.compile(r"(?:[qk][1-4]|[a-z]+\.?)")


def _end(text: str, other: Period | None) -> Period | None:
    """One end of a range; without a year it takes the year of ``other`` (the year before, if it would come after it)."""
    point = _parse_point(text)
    if point is not None or other is None or other.kind not in ("maand", "kwartaal", *ROUGH_KINDS) or not _NO_YEAR.fullmatch(text.lower()):
        return point
    year = other.start.year
    point = _parse_point(f"{text} {year}")
    if point is not None and point.start > other.start:
        point = _parse_point(f"{text} {year - 1}")
    return point


def _split_range(text: str) -> tuple[Period, Period] | None:
    """The two ends of a range; if no split gives two periods, the first reason an end was refused, or None."""
    reason = None
    for pattern in (_RANGE_WORD, _RANGE_DASH):
        for sep in pattern.finditer(text):
            left, right = text[:sep.start()], text[sep.end():]
            if not left or not right:
                continue
            try:
                last = _parse_point(right)
                first = _end(left, last)
            except ValueError as err:  # 'Q4 2205 t/m Q1 2206': the year is the problem, say so
                reason = reason or err
                continue
            if first is not None and last is not None:
                return first, last
    if reason is not None:
        raise reason
    return None


@lru_cache(maxsize=4096)  # thousands of actions share a few dozen plannings; Planning is immutable
def _planning(value: str) -> Planning:
    text = " ".join(value.split())  # runs of whitespace as one space: the patterns need no \s+
    if text.lower() in (WHOLE_YEAR, "heel schooljaar", "schooljaar", "het hele schooljaar", "gehele schooljaar"):
        return Planning(None, None)
    point = _parse_point(text)  # one period; a ValueError here (2021-13) is the message
    if point is not None:
        return Planning(point, point)
    ends = _split_range(text)
    if ends is None:
        raise _not_understood(text, "geen planning", PLANNING_HELP)
    first, last = ends
    if last.end < first.start:
        raise ValueError(f"planning '{text}' eindigt ({last.text}) voordat hij begint ({first.text})")
    return Planning(first, last)


PlanningField = Annotated[
    Planning,
    BeforeValidator(parse_planning),
    WithJsonSchema({"type": ["string", "integer"], "description": "Planning: " + PLANNING_HELP}),
]


# --- age ranges ------------------------------------------------------------


@dataclass(frozen=True)
class AgeRange:
    """Ages in whole years (``low``/``high``, what the age groups compare); ``months`` keeps the bounds as written
    when a document counts in months, where -9 is nine months before birth ('-9 maanden t/m 6 jaar')."""

    low: int
    high: int
    months: tuple[int, int] | None = None

    def overlaps(self, other: "AgeRange") -> bool:
        return self.low <= other.high and other.low <= self.high

    def __str__(self) -> str:
        if self.months is not None:
            low, high = self.months
            if low == high:
                return _age_words(low)
            if low >= 0 and high % 12 != 0:
                return f"{low}-{high} maanden"
            if low >= 0 and low % 12 == 0:
                return f"{low // 12}-{high // 12} jaar"
            return f"{_age_words(low)} t/m {_age_words(high) if high else 'de geboorte'}"
        return f"{self.low}-{self.high} jaar" if self.low != self.high else f"{self.low} jaar"

    @property
    def data(self) -> str:
        """The range in the data's own spelling: '4-12', or '-9 maanden t/m 72 maanden' (parse_ages reads it back)."""
        if self.months is not None:
            return f"{self.months[0]} maanden t/m {self.months[1]} maanden"
        return f"{self.low}-{self.high}"


def _age_words(months: int) -> str:
    if months < 0:
        return f"{-months} maanden voor de geboorte"
    if months % 12 == 0 and months:
        return f"{months // 12} jaar"
    return f"{months} maanden"


def parse_ages(value: Any) -> AgeRange:
    if isinstance(value, AgeRange):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"verwacht een leeftijdsbereik zoals 4-12, kreeg {describe(value)}")
    return _ages(_short(value, "leeftijdsbereik", "4-12"))


_AGE_UNIT = r"(?: ?(?:jaar|jr|j)\.?)?"  # 4 jaar, 4 jr., 4 j
_AGES = re.compile(rf"([0-9]{{1,2}}){_AGE_UNIT} ?(?:-|–|t/m|tot en met|tot) ?([0-9]{{1,2}}){_AGE_UNIT}|([0-9]{{1,2}}){_AGE_UNIT}")
# Ages in months, or from before birth: '-9 maanden t/m 6 jaar', '0-18 maanden', '6 maanden tot 4 jaar'.
_UNIT = r"(?: ?(maanden|maand|mnd|jaar|jr|j)\.?)?"
_AGES_MONTHS = re.compile(rf"(-?[0-9]{{1,3}}){_UNIT}(?: ?(?:–|-|t/m|tot en met|tot) ?(-?[0-9]{{1,3}}){_UNIT})?")
MONTHS_BEFORE_BIRTH = 9  # a pregnancy: the earliest an agenda's work for a child can start


@lru_cache(maxsize=1024)
def _ages(value: str) -> AgeRange:
    text = " ".join(value.lower().split())  # runs of whitespace as one space: no \s* next to \s*
    m = _AGES.fullmatch(text)
    if not m:
        return _ages_in_months(value, text)
    low, high = (int(m[1]), int(m[2])) if m[1] else (int(m[3]), int(m[3]))
    if low > high:
        raise ValueError(f"leeftijdsbereik '{value}': de eerste leeftijd is hoger dan de tweede")
    if high > 30:
        raise ValueError(f"leeftijdsbereik '{value}': leeftijden boven 30 horen niet in een onderwijsagenda")
    return AgeRange(low, high)


def _ages_in_months(value: str, text: str) -> AgeRange:
    m = _AGES_MONTHS.fullmatch(text)
    in_months = m and (any(u in ("maanden", "maand", "mnd") for u in (m[2], m[4])) or m[1].startswith("-"))
    if not in_months:
        raise ValueError(f"verwacht een leeftijdsbereik zoals 4-12 (in jaren) of -9 maanden t/m 6 jaar (in maanden), kreeg '{value}'")

    def months(number: str, unit: str | None) -> int:
        return int(number) * (1 if unit in ("maanden", "maand", "mnd") else 12)

    # a bound without a unit takes the other's: '0-18 maanden' is 0 to 18 months
    low = months(m[1], m[2] or m[4])
    high = months(m[3], m[4] or m[2]) if m[3] else low
    if low > high:
        raise ValueError(f"leeftijdsbereik '{value}': de eerste leeftijd is hoger dan de tweede")
    if low < -MONTHS_BEFORE_BIRTH:
        raise ValueError(f"leeftijdsbereik '{value}': vóór de geboorte kan hoogstens {MONTHS_BEFORE_BIRTH} maanden zijn (-9 maanden)")
    if high > 30 * 12:
        raise ValueError(f"leeftijdsbereik '{value}': leeftijden boven 30 horen niet in een onderwijsagenda")
    # whole years for the age groups: from the year the range starts in (0 before birth) to the year it reaches
    return AgeRange(max(0, low // 12), max(0, math.ceil(high / 12)), (low, high))


_AGES_SCHEMA = (r"^ *-?[0-9]{1,3}( *([Jj]aar|[Jj]r|[Jj]|[Mm]aanden|[Mm]aand|[Mm]nd)\.?)?"
                r"( *(-|–|t/m|tot en met|tot) *-?[0-9]{1,3}( *([Jj]aar|[Jj]r|[Jj]|[Mm]aanden|[Mm]aand|[Mm]nd)\.?)?)? *$")
AgesField = Annotated[
    AgeRange,
    BeforeValidator(parse_ages),
    WithJsonSchema({"type": ["string", "integer"], "pattern": _AGES_SCHEMA, "maxLength": MAX_SHORT_VALUE, "description": (
        "Leeftijden in jaren, bijvoorbeeld 0-23, 4-12, 4 t/m 12 jaar of 0 tot 4 jaar; of in maanden, ook van vóór de geboorte: "
        "-9 maanden t/m 6 jaar, 0-18 maanden")}),
]


def shift_period(p: Period, years: int) -> str:
    """The same period ``years`` later, in canonical spelling (for scaffolding the next year)."""
    if p.kind == "jaar":
        return str(p.start.year + years)
    if p.kind == "schooljaar":
        return f"{p.start.year + years}-{p.start.year + years + 1}"
    if p.kind == "kwartaal":
        return f"Q{(p.start.month - 1) // 3 + 1} {p.start.year + years}"
    if p.kind == "maand":
        return f"{p.start.year + years}-{p.start.month:02d}"
    if p.kind in ROUGH_KINDS:  # 'medio 2022', 'eind schooljaar 2021-2022': every year in the words moves
        return re.sub(r"[0-9]{4}", lambda m: str(int(m[0]) + years), p.text)
    day = p.start.replace(year=p.start.year + years) if not (p.start.month == 2 and p.start.day == 29) else p.start.replace(year=p.start.year + years, day=28)
    return day.isoformat()


def shift_planning(p: Planning, years: int) -> str:
    if p.first is None or p.last is None:
        return WHOLE_YEAR
    if p.last == p.first:
        return shift_period(p.first, years)
    return f"{shift_period(p.first, years)} t/m {shift_period(p.last, years)}"
