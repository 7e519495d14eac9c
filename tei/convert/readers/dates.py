"""Reading the archive's dates ("May 7th, 1978", "8 June 1967", "October 1948") into ISO 8601.

dateutil does the parsing; what we add is telling a full date from a month or a year, which
dateutil silently completes from its default: parsing twice with two different defaults shows
which fields the text really gave.
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime
from functools import lru_cache

from babel import Locale
from dateutil import parser as dateparser

from ...core.dates import DateValue
from ..model import Block, DateSpan, EditorialMark, Inline, Text

_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2004, 12, 28)
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)(?:\b|(?=[年년]))")
_BRACKETED = re.compile(r"\[[^\]]*\]")
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


#: A dash each side of a dateline's date (`- April 5 1972 -`, `– 5 April 1972 –`), as a typed page
#: sets it off: the dashes are not the date's.
DASHES_AROUND = re.compile(r"^[-–—]+[ \t\u00a0]*(?P<inside>[^-–—\s](?:.*[^-–—\s])?)[ \t\u00a0]*[-–—]+$")


def parse_date(text: str) -> DateValue | None:
    """Read a date line; None when the text is not a date on its own.

    Bracketed words (`[date left blank]`) are ignored; the rest must be a date and nothing else.
    """
    cleaned = _BRACKETED.sub(" ", text).strip(" \t\u00a0.,;:")
    cleaned = re.sub(r"^(?:Date|Dated)\s*:\s*", "", cleaned, flags=re.IGNORECASE)
    cleaned = DASHES_AROUND.sub(r"\g<inside>", cleaned)
    if not cleaned or not _YEAR.search(cleaned) or len(cleaned) > 60:
        return None
    # a line of its own is a period after `to` too (`3 to 17 May 1958`), not after `and` unless
    # `between` leads it; `from` or `between` written before it belongs to it
    lead = _PERIOD_LEAD.match(cleaned)
    period = _PERIOD.fullmatch(cleaned, lead.end() if lead else 0)
    period = period and _from_period(text, period, lead=lead[1].lower() if lead else "from")
    if period:
        return period
    if len(cleaned) > 40:
        return None
    if _ISO.match(cleaned):
        return _from_iso(text, cleaned)
    roman = _ROMAN_MONTH_DATE.match(cleaned)
    if roman:
        return _from_roman(text, roman)
    year_first = _NUMERIC_YEAR_FIRST.fullmatch(cleaned)
    if year_first:
        return _numeric_day(text, year_first)
    parsed = _parse_twice(cleaned)
    if parsed is None:
        return _from_foreign(text, cleaned)
    a, b = parsed
    if a.year != b.year or str(a.year) not in re.findall(r"(?<!\d)\d{4}(?!\d)", cleaned):
        # a year the text does not write is dateutil's guess from other numbers (`16/17 August
        # 1957` read as 2016): no reading
        return None
    if a.month != b.month:
        return DateValue(text, not_before=f"{a.year:04d}-01-01", not_after=f"{a.year:04d}-12-31")
    if a.day != b.day:
        last = calendar.monthrange(a.year, a.month)[1]
        return DateValue(text, not_before=f"{a.year:04d}-{a.month:02d}-01",
                       not_after=f"{a.year:04d}-{a.month:02d}-{last:02d}")
    numeric = _DAY_MONTH.match(cleaned)
    swappable = numeric and int(numeric.group(1)) <= 12 and int(numeric.group(2)) <= 12 and numeric.group(1) != numeric.group(2)
    return DateValue(text, when=a.date().isoformat(), cert="low" if swappable else "")


def _from_period(text: str, found: re.Match, lead: str) -> DateValue | None:
    """A period with both ends (`16 February through 24 March 1960`, `from 3 to 17 May 1958`,
    `16/17 August 1957`, `from 28 December 1960 to 3 January 1961`, `December 1960 - January 1961`):
    a start without a year takes the end's year (the year before when its month is later, across a
    New Year: `from 28 December to 3 January 1961`), and its month when it gives none. None unless
    both ends are days (or both months) and the start comes first, or unless the words around it
    make it a period (`and` after `between`, `to` after `from` or `period`: `on 1 and 5 June` is two days;
    a spaced dash after a bare number only after one of them; a slash only between two bare days,
    and in running text only between two days in a row or after one of them: `No. 12/16 February`)."""
    spaced = found["joint"] or found["joint_after"] or found["joint_months"]
    joint = spaced.strip().lower()
    if joint == "and" and lead != "between" or joint in ("to", "till", "until") and lead not in ("from", "period"):
        return None
    if found["last"] and not found["first_month"] and not lead and spaced != joint and joint in "-–—":
        return None  # `No. 12 - 16 February 1960`: a number and a day, unlike `16-17 August 1957`
    if found["last_month_only"]:
        return _from_month_period(text, found)
    bare_days = found["last"] and not found["first_month"] or found["last_after"] and not found["last_month_before"]
    if joint == "/" and (not bare_days or spaced != joint) or found["first_year_after"] and not found["last_month_before"]:
        return None  # `May 3, 1958 - 17, 1958`: no period
    year = found["year"] or found["year_after"]
    if found["last"]:
        last_month, first_month = found["last_month"], found["first_month"] or found["last_month"]
        first_year = found["first_year"]
        start_day = f"{found['first']} {first_month} {{}}".format
        last = f"{found['last']} {last_month} {year}"
    else:
        first_month, last_month = found["first_month_before"], found["last_month_before"] or found["first_month_before"]
        first_year = found["first_year_after"]
        start_day = f"{first_month} {found['first_after']}, {{}}".format
        last = f"{last_month} {found['last_after']}, {year}"
    start, end = parse_date(start_day(first_year or year)), parse_date(last)
    if not first_year and start and end and start.when and end.when and start.when[5:7] > end.when[5:7]:
        # `from 28 December to 3 January 1961`: a start without its year in a later month than
        # the end's is in the year before, for a period of less than half a year (`from 24 March
        # to 16 February 1960` is a slip, not eleven months)
        before = parse_date(start_day(int(year) - 1))
        if before and before.when and (datetime.fromisoformat(end.when) - datetime.fromisoformat(before.when)).days < 183:
            start = before
    if start is None or end is None or not start.when or not end.when or not start.when < end.when:
        return None
    if joint == "/" and not lead and (datetime.fromisoformat(end.when) - datetime.fromisoformat(start.when)).days != 1:
        return None
    return DateValue(text, from_=start.when, to=end.when)


def _from_month_period(text: str, found: re.Match) -> DateValue | None:
    """A period of whole months, each with its year (`December 1960 - January 1961`), from the
    first month to the last (ISO year-months); None unless the first comes first."""
    start = parse_date(f"{found['first_month_only']} {found['first_year_only']}")
    end = parse_date(f"{found['last_month_only']} {found['year_only']}")
    if start is None or end is None or not start.not_before or not end.not_before:
        return None
    first, last = start.not_before[:7], end.not_before[:7]
    return DateValue(text, from_=first, to=last) if first < last else None


#: the months' English names, January first (not calendar.month_name, which follows the locale)
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
_MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, 1)}
#: "May 4, 1988" and "4 May 1988", the archive's usual full dates, which dateutil reads as that day
_MONTH_DAY_YEAR = re.compile(r"^(?P<month>[A-Z][a-z]+) (?P<day>\d{1,2}), (?P<year>\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+) (?P<year>\d{4})$")


@lru_cache(maxsize=4096)
def _parse_twice(cleaned: str) -> tuple[datetime, datetime] | None:
    """The text read by dateutil with each default (None: not a date). An archive repeats its
    dates, and dateutil takes some 0.1 ms a reading: a full date in one of the usual forms is
    read directly (tests/convert/test_dates_in_text.py checks it against dateutil), the rest once per process."""
    found = _MONTH_DAY_YEAR.match(cleaned) or _DAY_MONTH_YEAR.match(cleaned)
    if found and found["month"] in _MONTHS:
        try:
            day = datetime(int(found["year"]), _MONTHS[found["month"]], int(found["day"]))
        except ValueError:
            pass  # "February 30, 1988": as dateutil decides
        else:
            return day, day
    try:
        return dateparser.parse(cleaned, default=_DEFAULT_A), dateparser.parse(cleaned, default=_DEFAULT_B)
    except (ValueError, OverflowError):
        return None


#: a numeric date with the year last (`05.04.1973`): day and month are told apart only when one is over 12
_DAY_MONTH = re.compile(r"^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*\d{4}\b")


#: a day, a month in Roman numerals and a year (`17.XII.1947`, `5 IV 1953`): central and eastern
#: European usage, which dateutil does not read; the month cannot be confused with the day
_ROMAN_MONTHS = {name: number for number, name in enumerate(
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"], 1)}
_ROMAN_MONTH_DATE = re.compile(r"^(?P<day>\d{1,2})\s*[./ -]\s*(?P<month>[IVX]{1,4})\s*[./ -]\s*(?P<year>\d{4})$")


#: a numeric date with the year first (`1961.3.29`, `1961/03/29`): how the Chinese and other East
#: Asian records write it; year, month, day in every convention, so never ambiguous
_NUMERIC_YEAR_FIRST = re.compile(r"(?P<year>1[5-9]\d\d|20\d\d)(?P<sep>[./])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})")
_NUMERIC_YEAR_FIRST_IN_TEXT = re.compile(rf"(?<![\w.,/]){_NUMERIC_YEAR_FIRST.pattern}(?![\w/]|[.,]\d)")


def calendar_day(text: str, year: int, month: int, day: int) -> DateValue | None:
    """The day `text` names, as a date value of that year, month and day; None where the calendar
    has no such day (`31 February`), so a number that only looks like a date is left text."""
    try:
        return DateValue(text, when=datetime(year, month, day).date().isoformat())
    except ValueError:
        return None


def _numeric_day(text: str, found: re.Match) -> DateValue | None:
    return calendar_day(text, int(found["year"]), int(found["month"]), int(found["day"]))


def _from_roman(text: str, found: re.Match) -> DateValue | None:
    month = _ROMAN_MONTHS.get(found["month"])
    if month is None:
        return None
    return calendar_day(text, int(found["year"]), month, int(found["day"]))


#: Languages of the documents the archive translates (its "Original Language" values), whose
#: written-out dates a page gives untranslated: an original's dateline (`Bonn, den 18. März 1991`,
#: `Москва, 5 марта 1953 г.`) or a transcript's date line.
_DATE_LOCALES = ("de", "fr", "es", "it", "pt", "ru", "uk", "be", "bg", "pl", "cs", "sk", "hu", "ro", "sr",
                 "sr_Latn", "hr", "bs", "sl", "mk", "nl", "sv", "da", "nb", "fi", "et", "lv", "lt", "el", "tr",
                 "sq", "ca")


@lru_cache(maxsize=1)
def _foreign_months() -> dict[str, int]:
    """Month names and abbreviations of `_DATE_LOCALES` (from the CLDR through babel, in every form
    a day takes: `März`, `марта`, `sept`), lower case, to their month. A name two languages give
    different months (`listopad`: November in Polish and Czech, October in Croatian) is left out:
    such a date stays unread rather than guessed. Made on first need: the CLDR's locales take a
    third of a second to load, which a translation without such a date never pays."""
    months: dict[str, set[int]] = {}
    for tag in _DATE_LOCALES:
        locale = Locale.parse(tag)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    name = name.lower().rstrip(".")
                    if len(name) >= 3:
                        months.setdefault(name, set()).add(number)
    return {name: numbers.pop() for name, numbers in months.items() if len(numbers) == 1}

#: `18. März 1991`, `den 18. März 1991`, `le 5 mars 1953`, `5 de marzo de 1953`, `5 марта 1953 г.`
_FOREIGN_DAY_MONTH_YEAR = re.compile(
    r"^(?:den |le |el |il |dnia |am )?(?P<day>\d{1,2})\.?\s+(?:de\s+)?(?P<month>[^\W\d_]{3,})\.?,?\s+(?:de\s+)?"
    r"(?P<year>\d{4})(?:\s*(?:г|гг|год|года|r|roku|m)\.?)?$", re.IGNORECASE)
#: year first, as Hungarian, Lithuanian and East Asian dates are written: `1991. március 18.`,
#: `1991年3月18日`, `1991년 3월 18일`
_YEAR_FIRST = re.compile(
    r"^(?P<year>\d{4})\.?\s*(?:m\.\s*)?(?P<month>[^\W\d_]{3,})\s+(?P<day>\d{1,2})\.?(?:\s*d\.)?$"
    r"|^(?P<cyear>\d{4})\s*[年년]\s*(?P<cmonth>\d{1,2})\s*[月월]\s*(?P<cday>\d{1,2})\s*[日일]$", re.IGNORECASE)


def _from_foreign(text: str, cleaned: str) -> DateValue | None:
    """A full date in one of the archive's original languages (None: not one)."""
    found = _FOREIGN_DAY_MONTH_YEAR.match(cleaned) or _YEAR_FIRST.match(cleaned)
    return None if found is None else _foreign_day(text, found)


def _foreign_day(text: str, found: re.Match) -> DateValue | None:
    """The day a match of a foreign date's pattern gives (groups day, month, year; or the East
    Asian form's cyear, cmonth, cday); None for a month no language names alone, or no such day."""
    if "cyear" in found.re.groupindex and found["cyear"]:
        year, month, day = int(found["cyear"]), int(found["cmonth"]), int(found["cday"])
    else:
        month = _foreign_months().get(found["month"].lower())
        if month is None:
            return None
        year, day = int(found["year"]), int(found["day"])
    return calendar_day(text, year, month, day)


def _from_iso(text: str, iso: str) -> DateValue | None:
    parts = [int(p) for p in iso.split("-")]
    try:
        if len(parts) == 3:
            return DateValue(text, when=datetime(*parts).date().isoformat())
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return DateValue(text, not_before=f"{iso}-01", not_after=f"{iso}-{last:02d}")
    except ValueError:
        return None
    return DateValue(text, not_before=f"{iso}-01-01", not_after=f"{iso}-12-31")


#: a Roman-numeral month in running text (`on 19 X 56.`, `Date: 31.X 1962`, `5.XI.62`): the day 1-31,
#: the year of four digits or two (`short_year`); spaces around the month alone only where the
#: words around make it a date (`_stands_as_date`), never after a chapter's or an item's word
_ROMAN_DATE_IN_TEXT = re.compile(
    r"(?<![\w./-])(?P<day>0?[1-9]|[12]\d|3[01])(?P<first>\s*\.\s*| )(?P<month>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
    r"(?P<second>\s*\.\s*| )(?P<year>1[5-9]\d\d|20\d\d|\d\d)(?![\w/]|[.,]\d)")
#: a numeric date with the year last, of two digits (`29.5.63`, `10/14/50`) as telegrams write it, or
#: of four (`29.11.1960`, `11/29/1960`)
_NUMERIC_DATE_IN_TEXT = re.compile(
    r"(?<![\w./-])(?P<first>\d{1,2})(?P<sep>[./])(?P<second>\d{1,2})(?P=sep)(?P<year>1[5-9]\d\d|20\d\d|\d\d)"
    r"(?![\w/]|[.,]\d)")
#: the words before a number that make it a chapter's, an item's or a page's, not a day
_NUMBERING_WORD = re.compile(
    r"(?i:\b(?:chapter|chap|part|section|sect|article|art|item|point|paragraph|para|table|page|pp?|vol|volume|no|nr|"
    r"number|fig|figure|annex|appendix|file|folder|fond|opis|delo|list|case|copy))\.?\s*$|[№§#]\s*$")
#: what may stand before a date that opens nothing else: a line's start (after a `Date:` label
#: too), a preposition of time, a comma or a bracket
_DATE_LEAD = re.compile(r"(?:^\s*(?:[^\W\d_][\w ]{0,30}:\s*)?|(?i:\b(?:on|of|dated|from|since|until|till|to|by|before|after)\s+)|[,(]\s*)$")
#: what may follow it: the line's end, a punctuation mark, a time (`5.XI 62 at 18.55`)
_DATE_TRAIL = re.compile(r"\s*(?:$|[.,;:!?)\]]|(?i:at\s+)?\d{1,2}[.:]\d\d\b|(?i:at)\b)")


#: more than the longest word or `Label:` _NUMBERING_WORD and _DATE_LEAD look for before a date
_LEAD_WIDTH = 80
_NOT_SPACE = re.compile(r"\S")


def _stands_as_date(text: str, start: int, end: int) -> bool:
    """Whether the numbers at text[start:end] are a date by where they stand: after a line's start, a
    preposition of time or a comma, or before the line's end, a punctuation mark or a time; never
    after a word that numbers things (`Chapter 5 X 56`, `No. 12.5.63`). Only the words just before
    the date are searched (the spaces before it, then _LEAD_WIDTH; from the line's start where only
    spaces stand before that): searching all the text before every date took quadratic time."""
    words_end = start
    while words_end > 0 and text[words_end - 1].isspace():
        words_end -= 1
    window = max(0, words_end - _LEAD_WIDTH)
    if window and not _NOT_SPACE.search(text, 0, window):
        window = 0
    if _NUMBERING_WORD.search(text, window, start):
        return False
    return bool(_DATE_LEAD.search(text, window, start) or _DATE_TRAIL.match(text, end))


def short_year(year: str, page_date: DateValue | None) -> int | None:
    """The year of a date's `year` digits: four as written; two only where the page's date has the
    same two (it alone gives the century: `56` is 1956 on a page dated 1956), else None."""
    if len(year) == 4:
        return int(year)
    page = page_date.when if page_date is not None else ""
    return int(page[:4]) if len(page) >= 4 and page[2:4] == year else None


def _roman_date_in_text(text: str, found: re.Match, page_date: DateValue | None) -> DateValue | None:
    spaced = found["first"] == " " and found["second"] == " "
    if (spaced or len(found["year"]) == 2) and not _stands_as_date(text, found.start(), found.end()):
        return None
    year = short_year(found["year"], page_date)
    return None if year is None else calendar_day(found.group(0), year, _ROMAN_MONTHS[found["month"]], int(found["day"]))


def _numeric_date(text: str, found: re.Match, page_date: DateValue | None) -> DateValue | None:
    """`29.5.63`, `10/14/50`, `11.29.1960`: read where the year is sure (four digits, or two and the
    page's date gives the century) and the order of day and month is: one number over 12 (day first,
    as the archive's originals write it, or month first where the second is over 12), or the page's
    date is one of the two readings. A two-digit year only where the words around make it a date
    (`_stands_as_date`): four digits and two stops are a date's shape wherever they stand."""
    year = short_year(found["year"], page_date)
    if year is None or (len(found["year"]) == 2 and not _stands_as_date(text, found.start(), found.end())):
        return None
    first, second = int(found["first"]), int(found["second"])
    readings = [r for r in (calendar_day(found.group(0), year, second, first), calendar_day(found.group(0), year, first, second)) if r]
    if first > 12 or second > 12:
        return readings[0] if len(readings) == 1 else None
    if first == second:
        return readings[0] if readings else None
    page = [r for r in readings if page_date is not None and r.when == page_date.when]
    return page[0] if len(page) == 1 else None


#: a day in quotation marks before its month and year, as Soviet forms print it: `“15” January 1963`,
#: `«15» января 1963 г.`; the marks belong to the date
_QUOTED_DAY = re.compile(r"[“\"«„](?P<day>\d{1,2})[”\"»“]\s*")
_QUOTED_DAY_DATE_IN_TEXT = re.compile(
    rf"(?<!\w){_QUOTED_DAY.pattern}(?P<month>[^\W\d_]{{3,}})\.?,?\s+(?P<year>\d{{4}})(?!\d)(?:\s*(?:г|r|m)\.)?")


def _quoted_day_date(found: re.Match) -> DateValue | None:
    if found["month"] in _MONTHS:
        return calendar_day(found.group(0), int(found["year"]), _MONTHS[found["month"]], int(found["day"]))
    return _foreign_day(found.group(0), found)


_DIGIT = re.compile(r"\d")


class _Taken:
    """The characters of a text the dates found so far take: whether a match overlaps one of them
    is a scan of the match's own characters, not of every date found before it (which took
    quadratic time in a long line of dates)."""

    __slots__ = ("found", "_marks")

    def __init__(self, text: str):
        self.found: list[tuple[int, int, DateValue]] = []
        self._marks = bytearray(len(text))

    def overlaps(self, start: int, end: int) -> bool:
        return self._marks.find(1, start, end) != -1

    def add(self, start: int, end: int, date: DateValue) -> None:
        self.found.append((start, end, date))
        self._marks[start:end] = b"\x01" * (end - start)


def find_dates(text: str, page_date: DateValue | None = None) -> list[tuple[int, int, DateValue]]:
    """Dates written out inside running text, as (start, end, date); a period (`from 3 to 17 May
    1958`) is one date, not its last day. `page_date`, the date the archive's page gives, is what
    gives a two-digit year its century."""
    if _DIGIT.search(text) is None:  # every date has one: the seven patterns below need not scan the text
        return []
    taken = _Taken(text)
    for match in _QUOTED_DAY_DATE_IN_TEXT.finditer(text) if _QUOTED_DAY.search(text) else ():
        date = _quoted_day_date(match)
        if date is not None:
            taken.add(match.start(), match.end(), date)
    for match in _PERIOD_IN_TEXT.finditer(text) if _YEAR.search(text) else ():
        date = _from_period(match.group("period"), match, (match["lead"] or "").lower())
        if date is not None and not taken.overlaps(match.start(), match.end()):
            taken.add(match.start("period"), match.end(), date)
    for match in _DATE_IN_TEXT.finditer(text):
        if taken.overlaps(match.start(), match.end()):
            continue
        date = parse_date(match.group(0))
        if date is not None and date.known:
            taken.add(match.start(), match.end(), date)
    for match in _NUMERIC_YEAR_FIRST_IN_TEXT.finditer(text):
        date = _numeric_day(match.group(0), match)
        if date is not None:
            taken.add(match.start(), match.end(), date)
    for match in _ROMAN_DATE_IN_TEXT.finditer(text) if "I" in text or "V" in text or "X" in text else ():
        date = _roman_date_in_text(text, match, page_date)
        if date is not None and not taken.overlaps(match.start(), match.end()):
            taken.add(match.start(), match.end(), date)
    for match in _NUMERIC_DATE_IN_TEXT.finditer(text):
        date = _numeric_date(text, match, page_date)
        if date is not None and not taken.overlaps(match.start(), match.end()):
            taken.add(match.start(), match.end(), date)
    if _FOREIGN_DATE_HINT.search(text):
        for match in _FOREIGN_DATE_IN_TEXT.finditer(text):
            if match.group("month") in _MONTHS or taken.overlaps(match.start(), match.end()):
                continue
            date = _foreign_day(match.group(0), match)
            if date is not None:
                taken.add(match.start(), match.end(), date)
    found = taken.found
    found.sort(key=lambda item: item[0])
    return found


#: An English month's name in a pattern, whole or abbreviated as the archive's translations write it
#: (`September`, `Sept.`): the date readers' and the citation splitter's.
MONTH_PATTERN = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
                 r"|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_JOINT = r"(?P<joint>\s+(?:through|thru|to|till|until|and)\s+|\s*[-–—/]\s*)"
#: a period with both ends and the year written at its end, and at its start too where it crosses
#: a year: `16 February through 24 March 1960`, `3 to 17 May 1958`, `16/17 August 1957`, `February
#: 16 - March 24, 1960`, `28 December 1960 to 3 January 1961`, `December 1960 - January 1961`
_PERIOD = re.compile(
    rf"(?:(?P<first>{_DAY})(?:\s+(?P<first_month>{MONTH_PATTERN})(?:,?\s+(?P<first_year>\d{{4}}))?)?{_JOINT}"
    rf"(?P<last>{_DAY})\s+(?P<last_month>{MONTH_PATTERN}),?\s+(?P<year>\d{{4}})"
    rf"|(?P<first_month_before>{MONTH_PATTERN})\s+(?P<first_after>{_DAY})(?:,?\s+(?P<first_year_after>\d{{4}}))?"
    rf"{_JOINT.replace('joint', 'joint_after')}(?:(?P<last_month_before>{MONTH_PATTERN})\s+)?(?P<last_after>{_DAY}),?\s+"
    rf"(?P<year_after>\d{{4}})"
    rf"|(?P<first_month_only>{MONTH_PATTERN})\s+(?P<first_year_only>\d{{4}}){_JOINT.replace('joint', 'joint_months')}"
    rf"(?P<last_month_only>{MONTH_PATTERN})\s+(?P<year_only>\d{{4}}))")
#: the word before a period that tells it from two days (`from 3 to 17 May`, `between 1 and 5 June`)
_PERIOD_LEAD = re.compile(r"(?i:(from|between))\s+")
#: the same in running text, with the word before it that tells a period from two days
_PERIOD_IN_TEXT = re.compile(rf"(?:\b(?P<lead>(?i:from|between|period))\s+)?(?<![\w/.])(?P<period>{_PERIOD.pattern})(?!\d)")
_DATE_IN_TEXT = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN}\s+\d{{4}}"
    rf"|{MONTH_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{MONTH_PATTERN}\s+\d{{4}})\b"
)

#: a written-out date of another language in running text (`den 18. März 1991`, `5 марта 1953 г.`):
#: its month must be one of `_foreign_months()`; the cheap hint (a day, a word, a year) spares the
#: translations' text the full pattern
_FOREIGN_DATE_HINT = re.compile(r"\d\.?\s+\S{3,}\s+(?:de\s+)?\d{4}")
_FOREIGN_DATE_IN_TEXT = re.compile(
    r"(?<![\w.])(?P<day>\d{1,2})\.?\s+(?:de\s+)?(?P<month>[^\W\d_]{3,})\.?,?\s+(?:de\s+)?(?P<year>\d{4})(?!\d)"
    r"(?:\s*(?:г|r|m)\.)?")


#: Marks whose own words are not read for dates: a word marked [sic], an expansion, a romanised
#: variant, an original-language term, an unclear reading. Marks inside them are read.
UNDATED_MARKS = frozenset({"sic", "unclear", "expansion", "variant-form", "original-term"})


def text_with_dates(text: str, page_date: DateValue | None = None) -> str:
    """The text as a `Text` holding the dates written out in it, line by line; unchanged without any."""
    spans: list[DateSpan] = []
    offset = 0
    for line in text.split("\n"):
        spans += [DateSpan(offset + start, offset + end, date) for start, end, date in find_dates(line, page_date)]
        offset += len(line) + 1
    return Text(text, spans) if spans else text


def read_dates(items: list[Inline], own_text: bool = True, page_date: DateValue | None = None) -> None:
    """Record the dates of inline content in place (`own_text`: whether its strings are read)."""
    for index, item in enumerate(items):
        if isinstance(item, EditorialMark):
            read_dates(item.content, item.kind not in UNDATED_MARKS, page_date)
        elif own_text:
            items[index] = text_with_dates(item, page_date)


def read_block_dates(blocks: list[Block], page_date: DateValue | None = None) -> None:
    """Record the dates of running text in every block, its children's included; `page_date` gives
    a two-digit year its century."""
    for block in blocks:
        read_dates(block.content, page_date=page_date)
        read_block_dates(block.children, page_date)
