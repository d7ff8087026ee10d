"""Date expressions resolved against a publication date, with precision.

Every expression becomes an interval ``[lo, hi]`` with a representative
``value`` (the stated day, or the interval midpoint) and a precision:
``day`` (a stated or computed calendar day), ``week``, ``month`` or ``approx``.
A role says what the date is for, from the words right before it:
``occurred`` (default), ``effective`` ("from", "starting", "took effect"),
``deadline`` ("until", "expires", "by"), ``attributive`` ("the order of April 2"),
``since`` and ``window`` ("between").
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from .resources import DIGIT_KEY, lower, per_document_cache, text_index, word_keys

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90, "several": None, "few": None,
}

# Numbers written in words, up to "two hundred and ninety-nine" (rates: "twenty-five per cent")
_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS = (r"(?:(?:one|a|two)\s+hundred(?:\s+and)?\s+)?(?:(?:" + "|".join(_TENS) + r")(?:-(?:" + "|".join(_UNITS[1:10]) +
              r"))?|" + "|".join(sorted(_UNITS[1:], key=len, reverse=True)) + r")|(?:one|a|two)\s+hundred")


def number_value(text: str) -> float:
    """``"125"``, ``"twenty-five"``, ``"one hundred and twenty-five"`` -> a number."""
    text = text.lower()
    if text[0].isdigit():
        return float(text)
    total = 0
    m = re.match(r"(one|a|two)\s+hundred(?:\s+and)?\s*", text)
    if m:
        total = 100 * (2 if m.group(1) == "two" else 1)
        text = text[m.end():]
    if text:
        tens, _, unit = text.partition("-")
        if tens in _TENS:
            total += _TENS[tens] + (_UNITS.index(unit) if unit else 0)
        else:
            total += _UNITS.index(tens)
    return float(total)


# Month names are matched case-sensitively (capitalised) so "may" the verb is not May.
_MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December"
        # (abbreviations with or without a point, as tables and scorecards write
        # them: "ROUND 2 (Mar 4)", "Sep 29")
        r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?"
        # headlines and factboxes: "FEB 4 - Beijing responds"
        r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
        r"|JAN\.?|FEB\.?|MAR\.?|APR\.?|JUN\.?|JUL\.?|AUG\.?|SEPT\.?|SEP\.?|OCT\.?|NOV\.?|DEC\.?)")
_ORD = r"(?:st|nd|rd|th)?"
_RE_MONTH_DAY = re.compile(
    _MON + r"\s+(?P<d1>\d{1,2})" + _ORD + r"(?![\d%])"
    r"(?:\s*(?:-|–|—|to|and)\s*(?P<d2>\d{1,2})" + _ORD + r"(?![\d%:])(?!\s*(?:percent|per\s+cent)))?"
    r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?\b")
_RE_DAY_MONTH = re.compile(
    r"\b(?P<d1>\d{1,2})" + _ORD + r"(?:\s*(?:-|–|and)\s*(?P<d2>\d{1,2})" + _ORD + r")?\s+(?:of\s+)?" + _MON +
    r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?\b")
_RE_ISO = re.compile(r"\b(?P<year>20\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b")
# "12.05.2025" (day first, as written outside the US) and "5/12/2025" (month first)
_RE_DOTTED = re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<year>20\d{2})\b")
_RE_SLASHED = re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<year>20\d{2})\b")
_MON_ALONE = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December"
              r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)")
_RE_MONTH = re.compile(
    r"(?:\b(?P<mod>early|mid|late|the\s+end\s+of|end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of|"
    r"the\s+(?:first|second|third|fourth|last|final)\s+(?:week|half)\s+of)[\s-]+|(?<![\w-]))"
    + _MON_ALONE + r"(?![\w-])(?:,?\s+(?P<year>(?:19|20)\d{2})\b)?")
_RE_WEEKDAY = re.compile(
    r"(?:\b(?P<mod>(?i:last|next|this|coming|early|late|on|this\s+past))\s+)?"
    r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?\b")
_RE_NTH_WEEKDAY = re.compile(
    r"\b(?i:the)\s+(?P<nth>(?i:first|second|third|fourth|last|final))\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"\s+of\s+(?:(?P<rel>(?i:last|this|next|the\s+previous|the\s+following))\s+month\b|" + _MON_ALONE + r"(?![\w-]))")
_RE_ORDINAL_DAY = re.compile(r"\bthe\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:century|round|time|anniversary|floor|largest|biggest))")
_RE_RELATIVE = re.compile(
    r"\b(?:(?P<today>today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|(?P<yesterday>yesterday|last\s+night)"
    r"|(?P<tomorrow>tomorrow)"
    r"|(?P<wk>(?:(?:earlier|later|early|late)\s+)?(?:last|this|next|the\s+past|the\s+previous|the\s+coming)\s+week(?:end)?(?!\s+of\s)|(?:over\s+)?the\s+weekend(?!\s+of\s)|(?:earlier|later)\s+in\s+the\s+week)"
    r"|(?P<mo>(?:(?:earlier|later|early|late|mid)[\s-]+)?(?:last|this|next|the\s+previous|the\s+past)\s+month)"
    r"|(?P<yr>(?:(?:earlier|later|early|late)\s+)?(?:last|this|next)\s+year)"
    r"|(?P<ago>(?P<agon>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen)\s+(?P<agou>days?|weeks?|months?|years?)\s+ago(?P<agotoday>\s+today)?)"
    r"|(?P<rel>(?:the\s+)?(?P<reln>previous|following|next|preceding)\s+day|the\s+day\s+(?P<relb>before|after)|(?P<same>(?:the|that)\s+same\s+(?:day|evening|morning|afternoon|night)|(?:later\s+)?that\s+(?:evening|morning|afternoon|night)|later\s+that\s+day)"
    r"|(?P<reln2>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<relu>days?|weeks?)\s+(?P<reld>later|earlier|after|before)))\b",
    re.I)

# the same, matched case-sensitively on lower-cased text (much faster than re.I)
_RE_RELATIVE_LOW = re.compile(_RE_RELATIVE.pattern)

_FUTURE_CUES = re.compile(
    r"\b(?:will|would|'ll|shall|is\s+to|are\s+to|due|scheduled|set\s+to|plans?\s+to|planned|going\s+to|next|"
    r"upcoming|expires?|expiring|runs?\s+(?:out|until)|"
    r"when\s+they|to\s+meet|to\s+visit|to\s+take\s+effect|takes\s+effect)\b|'ll\b", re.I)
_IMMEDIATE_FUTURE = re.compile(r"\b(?:from|starting|beginning|effective|until|till|through|by|as\s+of)\s+(?:on\s+)?$", re.I)
_PAST_CUES = re.compile(
    r"\b(?:\w{3,}ed|was|were|had|did|said|met|held|spoke|began|took|came|struck|drew|told|ago|last|"
    r"earlier|since|ran|won|lost|fell|rose|hit|cut|put|set|went|made|gave|sent|bought|sold|began|saw|"
    r"wrote|thought|brought|sought|got|left|led|chose|stood|became|knew|shook|broke|spent|paid|kept)\b", re.I)
_ROLE_EFFECTIVE_NEAR = re.compile(
    r"(?:\bfrom|\bstarting(?:\s+on|\s+from)?|\bbeginning(?:\s+on)?|\beffective(?:\s+on|\s+from)?|\bwith\s+effect\s+from|"
    r"\bas\s+of|\bappl(?:y|ies|ied)\s+from|\btakes?\s+effect(?:\s+on|\s+from|\s+by)?|\btake\s+effect(?:\s+on|\s+from|\s+by)?)"
    r"(?:\s+(?:at\s+)?(?:12:01|midnight|\d{1,2}:\d{2})(?:\s*[ap]\.m\.)?(?:\s+\w+\s+time)?\s+on)?\s*$", re.I)
_ROLE_EFFECTIVE_FAR = re.compile(
    r"\b(?:took\s+effect|takes?\s+effect|came\s+into\s+force|comes?\s+into\s+force|kick(?:ed|s)?\s+in|went\s+into\s+effect|"
    r"goes\s+into\s+effect|in\s+force|applied)\b"
    # ("was in force for six weeks before being suspended in November": the later verb's date)
    r"(?:(?!\b(?:before|after|until)\s+(?:being|it\s+was|they\s+were)\b)(?:[^.;,]|[ap]\.m\.)){0,70}$", re.I)
_ROLE_DEADLINE = re.compile(
    r"(?:\buntil|\btill|\bthrough|\bexpires?(?:\s+on)?|\bexpiring(?:\s+on)?|\bexpired(?:\s+on)?|\bruns?\s+out\s+on|"
    r"\bran\s+out\s+on|\blapses?\s+on|\bno\s+later\s+than|\bby|\bbefore|\bdeadline\s+of|\bdue\s+(?:on|by)|"
    r"\bexpire\s+on|\bexpiry\s+date:?|\bends?\s+on|\bruns?\s+until|\bruns?\s+(?:to|into)|\b(?:extended|extend|extending|extends|suspend(?:s|ed|ing)?|keep(?:s|ing)?|kept)\b[^.;]{0,60}?\bto|"
    r"\b(?:push(?:ed|es|ing)?|moved|postponed|delayed)\b[^.;]{0,90}?\bto|"
    r"\b(?:due\s+to\s+(?:close|end|expire|lapse|run\s+out)|closes?|ends?|expires?|lapses?)\s+(?:at\s+)?"
    r"(?:12:01|midnight|noon|\d{1,2}(?:[:.]\d{2})?)(?:\s*[ap]\.?m\.?)?(?:\s+\w+\s+time)?\s+on|\bruns?\s+out|"
    r"\bpause\s+(?:\w+\s+){0,3}to)\s*$", re.I)
_ROLE_ATTR = re.compile(r"(?:\b(?:order|rule|statement|announcement|measures?|agreement|deal|letter)s?\s+(?:of|dated)|\bdated"
                        r"|\b(?:story|article|report|column|piece|edition|version|dispatch)\s+(?:that\s+was\s+|first\s+)?"
                        r"(?:published|printed|posted|run|ran|distributed|filed)\s+(?:on\s+|in\s+)?)\s*$", re.I)
# "since", and a level compared with a time ("above the level prevailing in January")
_ROLE_SINCE = re.compile(r"\bsince\s*$|\b(?:prevailing|seen|levels?)\s+(?:in|at|on|of)\s*$", re.I)


# "extended it on Aug. 11 to Nov. 10": _ROLE_DEADLINE's "extended ... to" read past an
# abbreviation's full stop (tried, on lower-cased text, only where that one fails)
_DEADLINE_TO_PAST_ABBR = re.compile(r"\b(?:extend(?:s|ed|ing)?|suspend(?:s|ed|ing)?|keep(?:s|ing)?|kept|push(?:ed|es|ing)?|moved|"
                                    r"postponed|delayed)\b(?:[^.;]|\.(?=\s\d)){0,90}?\bto\s*$")
_ROLE_WINDOW = re.compile(r"\bbetween\s*$|\bbetween\s[^.;]{0,40}\band\s*$", re.I)
_ROLES = (_ROLE_ATTR, _ROLE_SINCE, _ROLE_EFFECTIVE_NEAR, _ROLE_DEADLINE, _ROLE_WINDOW, _ROLE_EFFECTIVE_FAR)


def _case_free(rx: re.Pattern) -> re.Pattern:
    """``rx`` (an all-lower-case, re.I pattern) compiled to run case-sensitively on lower-cased text."""
    return re.compile(rx.pattern, rx.flags & ~re.I)


_ROLES_L = tuple(_case_free(r) for r in _ROLES)
_IMMEDIATE_FUTURE_L = _case_free(_IMMEDIATE_FUTURE)
_FUTURE_CUES_L = _case_free(_FUTURE_CUES)
_PAST_CUES_L = _case_free(_PAST_CUES)
_HAS_DIGIT = re.compile(r"\d")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_TOKENS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
                 "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_RELATIVE_TOKENS = ("today", "tonight", "this morning", "this afternoon", "this evening", "yesterday",
                    "last night", "tomorrow", "week", "month", "year", " ago", " day")

# ------------------------------------------------------------------ fast scanning
# The patterns above mostly start with ``\b`` or an optional group, so ``finditer``
# makes the regex engine try every offset of the sentence. The helpers below give the
# same matches while trying a pattern only where one can start. ``finditer`` returns
# the leftmost match at or after the end of the previous one (none of these patterns
# can match the empty string), so trying the pattern at a superset of the possible
# start offsets, in ascending order, yields exactly the same matches.

# "any(t in text for t in tokens)", one C-level scan each (they start with capitals)
_MONTH_TOKEN = re.compile("|".join(_MONTH_TOKENS))
_WEEKDAY_NAME = re.compile("|".join(_WEEKDAY_NAMES))
# patterns find_dates used to pass to re.search / re.match as strings
_WEEKDAY_BEFORE = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s*$")
_MAY_VERB = re.compile(r"\s+(?:be|have|take|not|also|well|need|come|want)\b")
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:its|their|the|his|this)\s+$")
_ATTRIBUTIVE_AFTER = re.compile(r"\s+[a-z]")

# Finders: relaxations of a pattern (its leading ``\b`` dropped, its tail cut) that begin
# with a literal, which ``re`` searches for quickly. Wherever the pattern matches, its
# finder matches too, so the pattern is only tried where the finder matched.
_ISO_AT = re.compile(r"20\d\d-\d\d-\d\d")  # _RE_ISO
_ORDINAL_AT = re.compile(r"the\s+\d")      # _RE_ORDINAL_DAY
# _RE_DAY_MONTH: the day, then what must follow it ("\d\d?" rather than "\d{1,2}" lets
# re skip ahead to a digit); most numbers in a sentence are rates or years, not days
_DAY_MONTH_AT = re.compile(r"\d\d?(?:st|nd|rd|th)?[\s\-–a]")
# _RE_DOTTED and _RE_SLASHED have a digit, "." or "/", a digit: a sentence's full stop
# alone cannot start one
_NUMERIC_AT = re.compile(r"\d[./]\d")


def _has_relative_token(low: str) -> bool:
    """``any(t in low for t in _RELATIVE_TOKENS)``, testing a word common to several tokens first."""
    return (("day" in low and ("today" in low or "yesterday" in low or " day" in low))
            or ("night" in low and ("tonight" in low or "last night" in low))
            or ("this " in low and ("this morning" in low or "this afternoon" in low or "this evening" in low))
            or "tomorrow" in low or "week" in low or "month" in low or "year" in low or " ago" in low
            # "the same evening", "that afternoon": the day of the happening last mentioned
            or (("same " in low or "that " in low)
                and ("evening" in low or "morning" in low or "afternoon" in low or "night" in low)))


def _keys(*words: str) -> frozenset:
    """The word-index keys (first three letters) of ``words``."""
    return frozenset(w[:3] for w in words)


# Word-start gates, for ``resources.text_index``: the keys of the words a match can
# start with. A match starts at a word boundary with an ASCII letter (or digit) of a
# literal word, so in the lower-cased text it starts an ``[a-z0-9]+`` run, indexed
# under its first three characters (numbers also under DIGIT_KEY). Two-letter words
# ("a", "an", "on") are always followed by white space in these patterns, so their
# run is the word itself.
_RELATIVE_KEYS = _keys(
    "today", "tonight", "this", "yesterday", "last", "tomorrow", "earlier", "later", "early", "late",
    "next", "the", "that", "over", "mid", "previous", "following", "preceding",
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fourteen", "fifteen") | {DIGIT_KEY}
_WEEKDAY_KEYS = _keys("last", "next", "this", "coming", "early", "late", "on", *WEEKDAYS)
_MONTH_KEYS = _keys("early", "mid", "late", "the", "end", *MONTHS)
# Whole-sentence gates from the same index (see find_dates): words every match of a
# kind contains, each at a word start. A month name alone starts a word (after
# "(?<![\w-])" or "[\s-]"); a weekday name follows "\b"; every relative expression
# holds one of these head words, after white space, a hyphen or "\b" (a unit before
# "ago" is one: "day", "week", "month", "year"); and every pattern with a day number
# has a "\d" right after "\b" or white space.
_MONTH_NAME_KEYS = _keys(*MONTHS)
_WEEKDAY_NAME_KEYS = _keys(*WEEKDAYS)
# Dotted, slashed and ISO dates end or start with a year "20\d\d" (a word of its own,
# after "\b", "." or "/"); an ordinal day is a word of one or two digits and a suffix
_YEAR_KEYS = frozenset(f"20{d}" for d in range(10))
_ORDINAL_KEYS = frozenset((day + suffix)[:3] for day in [*map(str, range(10)), *(f"{n:02d}" for n in range(100))]
                          for suffix in ("st", "nd", "rd", "th"))
# the keys of the ordinal words the test before _RE_NTH_WEEKDAY looks for (" last ",
# " first ", ...): a sentence with none of them, or without the key "of", fails that test
_NTH_KEYS = _keys("last", "first", "second", "third", "fourth", "final")
_RELATIVE_HEAD_KEYS = _keys("today", "tonight", "morning", "afternoon", "evening", "yesterday", "night",
                            "tomorrow", "week", "month", "year", "day")
# a sentence with none of these words holds no date (ISO, dotted and ordinal dates have a number)
_DATE_KEYS = _MONTH_NAME_KEYS | _WEEKDAY_NAME_KEYS | _RELATIVE_HEAD_KEYS | {DIGIT_KEY}
# Offsets are only comparable when lower-casing keeps the length, and the index misses
# starts at a non-ASCII decimal digit (``\d``) and, under re.I, at "ı" (matches "i") or
# "ſ" (matches "s"), which stay non-ASCII when lower-cased; such texts are scanned fully.
_NON_ASCII_DIGIT = re.compile(r"[^\x00-\x7f\D]")


def _indexable(text: str, low: str) -> bool:
    """Whether every match of the patterns here starts at a word of ``text_index(text)``."""
    if len(low) != len(text):
        return False
    if text.isascii():
        return True
    return "ı" not in text and "ſ" not in text and _NON_ASCII_DIGIT.search(text) is None


def _starts(text: str, keys: frozenset) -> list[int]:
    """Ascending offsets of the words of ``text_index(text)`` whose key is in ``keys``."""
    hit = keys & word_keys(text)  # memoised per document, like the index
    if not hit:
        return []
    idx = text_index(text)[1]
    if len(hit) == 1:
        return idx[next(iter(hit))]
    out: list[int] = []
    for k in hit:
        out += idx[k]
    out.sort()
    return out


def _matches_at(rx: re.Pattern, s: str, starts) -> list[re.Match]:
    """``list(rx.finditer(s))`` when every match starts at one of ``starts`` (ascending)."""
    out = []
    end = 0
    match = rx.match
    for i in starts:
        if i >= end:
            m = match(s, i)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


def _matches_found(rx: re.Pattern, finder: re.Pattern, s: str) -> list[re.Match]:
    """``list(rx.finditer(s))``, trying ``rx`` only where ``finder`` (a relaxation) matches."""
    out = []
    pos = 0
    search, match = finder.search, rx.match
    while True:
        f = search(s, pos)
        if f is None:
            return out
        i = f.start()
        m = match(s, i)
        if m is None:
            pos = i + 1
        else:
            out.append(m)
            pos = m.end()


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: dt.date
    lo: dt.date
    hi: dt.date
    precision: str
    role: str = "occurred"
    last: dt.date | None = None  # last day of a stated day range ("June 9-10")


_new_object = object.__new__


def _date_mention(start: int, end: int, text: str, value: dt.date, lo: dt.date, hi: dt.date, precision: str,
                  role: str, last: dt.date | None) -> DateMention:
    """``DateMention(start, end, ...)``, the same object at about a third of the cost
    (find_dates makes one per date): a frozen dataclass's ``__init__`` sets each field
    through a call of ``object.__setattr__``; here the new instance's dict is filled
    in one update. Equality, hashing and repr read the fields only."""
    m = _new_object(DateMention)
    m.__dict__.update({"start": start, "end": end, "text": text, "value": value, "lo": lo, "hi": hi,
                       "precision": precision, "role": role, "last": last})
    return m


@dataclass(frozen=True)
class Duration:
    start: int
    end: int
    text: str
    days: int = 0
    months: int = 0
    years: int = 0


_RE_DURATION = re.compile(
    r"\b(?:(?P<for>for)\s+)?(?:(?P<q>another|a\s+further|an\s+additional|further|an\s+initial\s+period\s+of|a\s+period\s+of|the\s+same|a|an)\s+)?"
    r"(?P<n>\d+|one|two|three|six|nine|twelve|ninety|sixty|thirty)?[\s-]?(?P<unit>days?|weeks?|months?|years?)\b"
    r"(?P<noun>\s+(?:pause|truce|suspension|window|period|reprieve|extension|delay|timetable))?", re.I)
# Word-start gate (see _RELATIVE_KEYS): "for", a quantifier, a number or the unit itself;
# with none of them, the match may also start one character (``[\s-]``) before the unit.
_DURATION_KEYS = _keys("for", "another", "a", "an", "further", "the",
                       "one", "two", "three", "six", "nine", "twelve", "ninety", "sixty", "thirty") | {DIGIT_KEY}
_UNIT_KEYS = _keys("days", "weeks", "months", "years")


def _mid(lo: dt.date, hi: dt.date) -> dt.date:
    return lo + dt.timedelta(days=(hi - lo).days // 2)


@functools.lru_cache(maxsize=4096)
def _month_end(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _month_key(tok: str) -> int:
    return MONTHS[tok.lower().rstrip(".")]


def _lowered(text: str) -> tuple[str, bool]:
    """The lower-cased text and whether the fast lower-case patterns apply to it."""
    low = lower(text)
    return (low, True) if len(low) == len(text) else (text, False)


# Patterns anchored by "\s*$" can only match a window whose text, once trailing white
# space is stripped (str.rstrip and str.split use exactly what \s matches), ends with the
# last word of one of their alternatives: the whole last white-space-separated chunk when
# the pattern has \s+ before that word, else its end (after a \b). The regexes are only
# run on windows that pass these tests.
_IMMEDIATE_LAST = ("from", "starting", "beginning", "effective", "until", "till", "through", "by", "of", "on")
_ATTR_VERBS = ("published", "printed", "posted", "run", "ran", "distributed", "filed")
_ATTR_NOUNS = ("order", "rule", "statement", "announcement", "measure", "agreement", "deal", "letter")
_NEAR_END = ("from", "starting", "beginning", "effective", "effect")
_NEAR_BEFORE_ON = ("starting", "beginning", "effective", "effect", "midnight", "a.m.", "p.m.", "time")
_DEADLINE_END = ("until", "till", "through", "expire", "expires", "expiring", "expired", "by", "before", "date",
                 "date:")
_DEADLINE_BEFORE_ON = ("expire", "expires", "expiring", "expired", "lapse", "lapses", "due", "end", "ends")


def _role_fast(before: str) -> str:
    """``_role`` on lower-cased text (``_ROLES_L``): the same tests in the same order, each
    regex only searched when the last two words allow it to match."""
    attr, since, near, deadline, window, far = _ROLES_L
    words = before.rsplit(None, 2)
    w1 = words[-1] if words else ""
    w2 = words[-2] if len(words) > 1 else ""
    if (w1.endswith("dated") or w1 in _ATTR_VERBS or (w1 == "of" and w2.rstrip("s").endswith(_ATTR_NOUNS))
            or (w1 in ("on", "in") and w2 in _ATTR_VERBS)) and attr.search(before):
        return "attributive"
    if (w1.endswith("since") or (w1 in ("in", "at", "on", "of") and w2 in ("prevailing", "seen", "level", "levels"))) \
            and since.search(before):
        return "since"
    if (w1.endswith(_NEAR_END) or (w1 == "of" and w2.endswith("as")) or (w1 == "by" and w2 == "effect")
            or (w1 == "on" and (w2.endswith(_NEAR_BEFORE_ON) or w2[-1:].isdecimal()))) and near.search(before):
        return "effective"
    if (w1.endswith(_DEADLINE_END) or w1 == "than"
            or (w1.endswith("to") and ("extend" in before or "pause" in before or "push" in before
                                         or "suspend" in before or "keep" in before or "kept" in before
                                         or "moved" in before or "postponed" in before or "delayed" in before))
            or (w1 == "on" and w2 in ("a.m.", "p.m.", "midnight", "noon", "time") or w2[-1:].isdecimal())
            or (w1 == "on" and w2.endswith(("am", "pm", "a.m", "p.m")))
            or (w1 in ("to", "into") and w2 in ("run", "runs"))
            or (w1 == "out" and w2.startswith("run"))
            or (w1 == "of" and w2.endswith("deadline"))
            or (w1 == "on" and (w2 == "out" or w2.endswith(_DEADLINE_BEFORE_ON)))) and deadline.search(before):
        return "deadline"
    if (w1.endswith("to") and ". " in before and ("extend" in before or "push" in before or "suspend" in before
                                                  or "keep" in before or "kept" in before or "moved" in before
                                                  or "postponed" in before or "delayed" in before)
            and _DEADLINE_TO_PAST_ABBR.search(before)):
        return "deadline"
    if (w1.endswith("between") or (w1.endswith("and") and "between" in before)) and window.search(before):
        return "window"
    # _ROLE_EFFECTIVE_FAR's phrases contain one of these words
    if ("effect" in before or "force" in before or "kick" in before or "applied" in before) and far.search(before):
        return "effective"
    return "occurred"


# Cue words, for the word index (see _RELATIVE_KEYS). A future cue starts with "'ll" or
# at one of these words ("is" and "to" are followed by white space); a past cue is one
# whole word (every alternative is word characters between \b's): a listed word, or a
# word of five or more characters ending in "ed".
_FUTURE_KEYS = _keys("will", "would", "shall", "is", "are", "due", "scheduled", "set", "plans", "planned",
                     "going", "next", "upcoming", "expires", "runs", "when", "to", "takes")
_PAST_WORDS = _PAST_CUES.pattern[len(r"\b(?:\w{3,}ed|"):-len(r")\b")].split("|")
assert _PAST_CUES.pattern == r"\b(?:\w{3,}ed|" + "|".join(_PAST_WORDS) + r")\b" and all(
    w.isalpha() and w.islower() and len(w) >= 3 for w in _PAST_WORDS)
_PAST_KEYS = _keys(*_PAST_WORDS)
_ED_WORD_END = re.compile(r"\w{3}ed\b")  # the end of a past cue of the "\w{3,}ed" kind
# every future cue starts with one of these characters
_FUTURE_CUES_LA = re.compile(r"(?=[wsiadpgnuert'])(?:" + _FUTURE_CUES_L.pattern + ")")
_CUE_STARTS: dict[str, tuple[list[int], list[int]]] = per_document_cache({})


def _cue_starts(source: str) -> tuple[list[int], list[int]]:
    """Offsets of the words of ``lower(source)`` a future cue, or a listed past cue, may start at."""
    got = _CUE_STARTS.get(source)
    if got is None:
        if len(_CUE_STARTS) > 2048:
            _CUE_STARTS.clear()
        got = _CUE_STARTS[source] = (_starts(source, _FUTURE_KEYS), _starts(source, _PAST_KEYS))
    return got


def _in_window(cands: list[int], lo: int, hi: int) -> list[int]:
    """``cands`` inside ``[lo, hi)`` as offsets from ``lo``, with 0 first: the window's first
    word may be cut from a longer word, so it is not an indexed start."""
    return [0, *[c - lo for c in cands[bisect.bisect_right(cands, lo):bisect.bisect_left(cands, hi)]]]


def _last_cues(source: str, window: str, lo: int) -> tuple[int, int]:
    """The end of the last future cue and of the last past cue in ``window``
    (``lower(source)[lo:...]``), -1 when none: what ``finditer`` gives with
    ``_FUTURE_CUES_L`` and ``_PAST_CUES_L``."""
    fut_cands, past_cands = _cue_starts(source)
    starts = _in_window(fut_cands, lo, lo + len(window))
    k = window.find("'ll")
    if k >= 0:
        while k >= 0:
            starts.append(k)
            k = window.find("'ll", k + 1)
        starts.sort()
    fut_end = -1
    for m in _matches_at(_FUTURE_CUES_L, window, starts):
        fut_end = m.end()
    # Past cues are disjoint whole words, so the last one ends last: the last "ed" word...
    past_end = -1
    k = window.rfind("ed")
    while k >= 3:
        if _ED_WORD_END.match(window, k - 3):
            past_end = k + 2
            break
        k = window.rfind("ed", 0, k + 1)
    # ... or a listed word after it
    match = _PAST_CUES_L.match
    for i in reversed(_in_window(past_cands, lo, lo + len(window))):
        if i < past_end:
            break
        m = match(window, i)
        if m is not None:
            past_end = m.end()
            break
    return fut_end, past_end


def _tense(text: str, pos: int, end: int) -> str | None:
    """'future', 'past' or None from the nearest tense cue before ``pos`` (else after ``end``)."""
    source = text
    text, fast = _lowered(text)
    lo = max(0, pos - 90)
    window = text[lo:pos]
    if fast:
        if window.rstrip().endswith(_IMMEDIATE_LAST) and _IMMEDIATE_FUTURE_L.search(window):
            return "future"
        fut, past = _FUTURE_CUES_LA, _PAST_CUES_L
        # the nearest cue wins, a future one on a tie (as in the loops below)
        fut_end, past_end = _last_cues(source, window, lo)
        if past_end > fut_end:
            return "past"
        if fut_end >= 0:
            return "future"
    else:
        fut, past = _FUTURE_CUES, _PAST_CUES
        if _IMMEDIATE_FUTURE.search(window):
            return "future"
        best, best_pos = None, -1
        for m in fut.finditer(window):
            if m.end() >= best_pos:
                best, best_pos = "future", m.end()
        for m in past.finditer(window):
            if m.end() > best_pos:
                best, best_pos = "past", m.end()
        if best:
            return best
    after = text[end:end + 60]
    f = fut.search(after)
    p = past.search(after)
    if f and (not p or f.start() < p.start()):
        return "future"
    if p:
        return "past"
    return None


@functools.lru_cache(maxsize=4096)  # a pure function of its arguments
def _pick_year(pub: dt.date, month: int, day: int | None, tense: str | None) -> int:
    cands = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        d = day if day is not None else 1
        d = min(d, _month_end(y, month))
        first = dt.date(y, month, d)
        last = dt.date(y, month, d if day is not None else _month_end(y, month))
        cands.append((y, first, last))
    if tense == "future":
        ok = [c for c in cands if c[2] >= pub and (c[1] - pub).days <= 330]
        if ok:
            return ok[0][0]
    if tense == "past":
        ok = [c for c in cands if c[1] <= pub and (pub - c[1]).days <= 330]
        if ok:
            return ok[-1][0]
    if tense is None:
        # no tense cue: news reports what happened, so a day in the past year wins
        # over one more than two months ahead ("Feb. 1: Trump signs an order ..."
        # in a November chronology)
        past = [c for c in cands if c[1] <= pub and (pub - c[1]).days <= 330]
        ahead = [c for c in cands if c[1] > pub]
        if past and (not ahead or (ahead[0][1] - pub).days > 60):
            return past[-1][0]
    # nearest plausible
    return min(cands, key=lambda c: min(abs((c[1] - pub).days), abs((c[2] - pub).days)))[0]


def _role(text: str, start: int) -> str:
    text, fast = _lowered(text)
    attr, since, near, deadline, window, far = _ROLES_L if fast else _ROLES
    before = text[max(0, start - 100):start]
    if fast:
        return _role_fast(before)
    if attr.search(before):
        return "attributive"
    if since.search(before):
        return "since"
    if near.search(before):
        return "effective"
    if deadline.search(before) or _DEADLINE_TO_PAST_ABBR.search(before.lower()):
        return "deadline"
    if window.search(before):
        return "window"
    if far.search(before):
        return "effective"
    return "occurred"


def _modded_month(y: int, m: int, mod: str | None) -> tuple[dt.date, dt.date, str]:
    end = _month_end(y, m)
    mod = " ".join((mod or "").lower().split())
    if mod.endswith(" week of"):  # "the first week of July": days 1-7, ..., "the last week": its last 7
        nth = mod.split()[1]
        if nth in ("last", "final"):
            return dt.date(y, m, end - 6), dt.date(y, m, end), "week"
        k = ("first", "second", "third", "fourth").index(nth)
        return dt.date(y, m, 1 + 7 * k), dt.date(y, m, 7 + 7 * k), "week"
    if mod.endswith(" half of"):  # "the second half of May"
        if mod.split()[1] == "first":
            return dt.date(y, m, 1), dt.date(y, m, 15), "approx"
        return dt.date(y, m, 16), dt.date(y, m, end), "approx"
    if mod == "early" or "start" in mod or "beginning" in mod:
        return dt.date(y, m, 1), dt.date(y, m, 10), "approx"
    if mod in ("mid", "the middle of"):
        return dt.date(y, m, 10), dt.date(y, m, 20), "approx"
    if mod == "late" or "end" in mod:
        return dt.date(y, m, 21), dt.date(y, m, end), "approx"
    return dt.date(y, m, 1), dt.date(y, m, end), "month"


def _weekday(pub: dt.date, wd: int, mod: str | None, tense: str | None) -> dt.date:
    mod = (mod or "").lower()
    back = (pub.weekday() - wd) % 7
    fwd = (wd - pub.weekday()) % 7
    if mod in ("last", "this past"):
        return pub - dt.timedelta(days=back or 7)
    if mod in ("next", "coming"):
        return pub + dt.timedelta(days=fwd or 7)
    if tense == "future":
        return pub + dt.timedelta(days=fwd)
    return pub - dt.timedelta(days=back)


def _num(tok: str | None) -> int | None:
    if tok is None:
        return None
    tok = tok.lower()
    if tok.isdigit():
        return int(tok)
    return NUMBERS.get(tok)


# "runs out in thirteen days": counted from the publication day
_RE_IN_DAYS = re.compile(r"\bin\s+(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                         r"fourteen|fifteen|twenty|thirty)\s+(?P<unit>days?|weeks?)\b", re.I)
# a sentence that opens with a span after the last dated happening: "Within a
# week", "Within days", "In less than a week"
_RE_WITHIN_START = re.compile(r"(?:[Ww]ithin|[Ii]n\s+less\s+than)\s+(?:(?:a|one)\s+(?P<unit>week)|(?:(?P<n>\d|two|three|four|five|six|seven|a\s+few)\s+)?(?P<unit2>days))\b(?!\s+of\b)")
# ("in force for about six weeks before being suspended": a span, however hedged)
_DURATION_BEFORE = re.compile(r"\b(?:for|within|over)\s+(?:(?:about|around|roughly|nearly|almost|some|just|only|barely|"
                              r"more\s+than|less\s+than|over|under)\s+)?$", re.I)
# A timeline heading: bullets, the date (its year, a part of the day), then a colon
# or dash ("- Apr. 9: ...", "FEB 4 - ...", "Tuesday morning: ..."); used here and by
# the extractor, which dates the heading's steps by it
HEADING_START = re.compile(r"[\s\-•*–—]*(?:On\s+)?")
HEADING_BREAK = re.compile(r"(?:,?\s+\d{4})?(?:\s+(?:morning|afternoon|evening|night))?\s*(?::|\s[-–—]\s|[–—])")


def find_dates(text: str, pub: dt.date, anchor: dt.date | None = None) -> list[DateMention]:
    """All date expressions in ``text`` (one sentence), resolved against ``pub``.

    ``anchor`` (a date, or a function returning one, evaluated only when
    needed) is the last date mentioned before this sentence; relative
    expressions such as "the previous day" resolve against it when the sentence
    itself gives none.
    """
    low, idx = text_index(text)
    if len(low) == len(text) and (text.isascii() or _indexable(text, low)):
        # Most sentences hold no date: the word index (built for every sentence
        # before its dates are looked for) says which kinds of date may occur in a
        # few set look-ups, where each test below scans the whole text. A kind whose
        # words are missing (see _MONTH_NAME_KEYS) cannot match; the scans then
        # decide as before.
        keys = idx.keys
        if _DATE_KEYS.isdisjoint(keys):
            return []
        digits = DIGIT_KEY in keys
        month_words = not _MONTH_NAME_KEYS.isdisjoint(keys)
        # a month with a day number may start inside a word ("XMay 5"): not gated
        # on the month's key, but on the number's
        has_month = (digits or month_words) and _MONTH_TOKEN.search(text) is not None
        has_weekday = (not _WEEKDAY_NAME_KEYS.isdisjoint(keys) and "day" in text
                       and _WEEKDAY_NAME.search(text) is not None)
        has_relative = not _RELATIVE_HEAD_KEYS.isdisjoint(keys) and _has_relative_token(low)
    else:
        idx = None
        digits = month_words = True
        has_month = _MONTH_TOKEN.search(text) is not None
        # the weekday pattern only matches capitalised names
        has_weekday = "day" in text and _WEEKDAY_NAME.search(text) is not None
        has_relative = _has_relative_token(low)
    # The patterns that need a digit (ISO, month-day, day-month, ordinal) are not gated on
    # _HAS_DIGIT: without a digit they find nothing, and their finders cost less than \d.
    if idx is None:
        years = ordinals = True
    else:
        years = digits and not _YEAR_KEYS.isdisjoint(keys)
        ordinals = digits and not _ORDINAL_KEYS.isdisjoint(keys)
    iso = _matches_found(_RE_ISO, _ISO_AT, text) if years else ()
    ordinal = _matches_found(_RE_ORDINAL_DAY, _ORDINAL_AT, text) if ordinals else ()
    dotted = years and _NUMERIC_AT.search(text) is not None
    out: list[DateMention] = []
    if not (has_month or has_weekday or has_relative or iso or ordinal or dotted):
        return out
    taken: list[tuple[int, int]] = []
    rel_pending = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    # _role(text, i), without its look-up of the lower-cased text (known here)
    role_fast = len(low) == len(text)

    def role_at(i: int) -> str:
        return _role_fast(low[max(0, i - 100):i]) if role_fast else _role(text, i)

    def add(m_start, m_end, lo, hi, prec, value=None, last=None, role=None):
        taken.append((m_start, m_end))
        out.append(_date_mention(m_start, m_end, text[m_start:m_end], value or _mid(lo, hi), lo, hi, prec,
                                 role or role_at(m_start), last))

    numeric = iso
    if dotted:
        numeric = sorted(list(iso) + list(_RE_DOTTED.finditer(text)) + list(_RE_SLASHED.finditer(text)),
                         key=lambda m: m.start())
    for m in numeric:
        try:
            d = dt.date(int(m["year"]), int(m["m"]), int(m["d"]))
        except ValueError:
            continue
        if not free(m.start(), m.end()):
            continue
        add(m.start(), m.end(), d, d, "day", d)

    for rx in ((_RE_MONTH_DAY, _RE_DAY_MONTH) if has_month and digits else ()):
        # _RE_MONTH_DAY starts with a capital letter, which re skips to; _RE_DAY_MONTH with a
        # number, at a word start (the index has them all)
        for m in (rx.finditer(text) if rx is _RE_MONTH_DAY else _matches_found(rx, _DAY_MONTH_AT, text)
                  if idx is None else _matches_at(rx, text, idx.at[DIGIT_KEY])):
            if not free(m.start(), m.end()):
                continue
            month = _month_key(m["mon"])
            d1 = int(m["d1"])
            d2 = int(m["d2"]) if m["d2"] else None
            role = role_at(m.start())
            if m["year"]:
                year = int(m["year"])
            elif role in ("deadline", "effective"):
                year = next(y for y in (pub.year - 1, pub.year, pub.year + 1)
                            if dt.date(y, month, min(d1, _month_end(y, month))) >= pub - dt.timedelta(days=183))
            elif HEADING_START.fullmatch(text, 0, m.start()) and HEADING_BREAK.match(text, m.end()):
                # a timeline's heading ("Feb. 4: The duty takes effect."): the
                # item's tense is narration, not the date's
                year = _pick_year(pub, month, d1, None)
            else:
                year = _pick_year(pub, month, d1, _tense(text, m.start(), m.end()))
            try:
                first = dt.date(year, month, d1)
                last = dt.date(year, month, d2) if d2 and d2 > d1 else None
            except ValueError:
                continue
            start = m.start()
            # "Tuesday, June 10" - fold the weekday into the date
            wm = _WEEKDAY_BEFORE.search(text[max(0, start - 12):start])
            if wm:
                start = start - (len(text[max(0, start - 12):start]) - wm.start())
            add(start, m.end(), first, last or first, "day", first, last, role if start == m.start() else None)

    if has_weekday and (idx is None or ("of" in keys and not _NTH_KEYS.isdisjoint(keys))) \
            and " of " in text and (" last " in low or " first " in low or " second " in low or " third " in low
                                           or " fourth " in low or " final " in low):
        # "the last Monday of last month", "the first Friday of March": a weekday
        # counted within a month (before "last month" is read as the whole month)
        for m in _RE_NTH_WEEKDAY.finditer(text):
            if not free(m.start(), m.end()):
                continue
            if m["rel"]:
                y, mo = pub.year, pub.month
                shift = {"last": -1, "previous": -1, "this": 0, "next": 1, "following": 1}[m["rel"].split()[-1].lower()]
                mo += shift
                y, mo = y + (mo - 1) // 12, (mo - 1) % 12 + 1
            else:
                mo = _month_key(m["mon"])
                y = _pick_year(pub, mo, None, _tense(text, m.start(), m.end()))
            wd = WEEKDAYS[m["wd"].lower()]
            first = dt.date(y, mo, 1)
            first_wd = first + dt.timedelta(days=(wd - first.weekday()) % 7)
            nth = m["nth"].lower()
            if nth in ("last", "final"):
                d = dt.date(y, mo, _month_end(y, mo))
                d -= dt.timedelta(days=(d.weekday() - wd) % 7)
            else:
                d = first_wd + dt.timedelta(days=7 * ("first", "second", "third", "fourth").index(nth))
            add(m.start(), m.end(), d, d, "day", d)

    if not has_relative:
        rel_iter = ()
    elif len(low) != len(text):
        rel_iter = _RE_RELATIVE.finditer(text)
    elif idx is None:
        rel_iter = _RE_RELATIVE_LOW.finditer(low)
    else:
        rel_iter = _matches_at(_RE_RELATIVE_LOW, low, _starts(text, _RELATIVE_KEYS))
    for m in rel_iter:
        if not free(m.start(), m.end()):
            continue
        s = m.group(0).lower()
        if m["today"]:
            add(m.start(), m.end(), pub, pub, "day", pub)
        elif m["yesterday"]:
            d = pub - dt.timedelta(days=1)
            add(m.start(), m.end(), d, d, "day", d)
        elif m["tomorrow"]:
            d = pub + dt.timedelta(days=1)
            add(m.start(), m.end(), d, d, "day", d)
        elif m["wk"]:
            monday = pub - dt.timedelta(days=pub.weekday())
            if "weekend" in s:
                if "next" in s or "coming" in s:
                    sat = monday + dt.timedelta(days=5 if pub.weekday() < 5 else 12)
                elif "last" in s or "past" in s or "previous" in s:
                    sat = monday - dt.timedelta(days=2)
                    if pub.weekday() == 6 and "last" not in s:
                        sat = monday + dt.timedelta(days=5)
                else:  # "the weekend", "this weekend": the most recent one
                    sat = monday + dt.timedelta(days=5) if pub.weekday() >= 5 else monday - dt.timedelta(days=2)
                add(m.start(), m.end(), sat, sat + dt.timedelta(days=1), "week")
                continue
            if "last" in s or "past" in s or "previous" in s:
                lo, hi = monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
            elif "next" in s or "coming" in s:
                lo, hi = monday + dt.timedelta(days=7), monday + dt.timedelta(days=13)
            elif "earlier" in s:
                lo, hi = monday, pub
            elif "later" in s:
                lo, hi = min(pub + dt.timedelta(days=1), monday + dt.timedelta(days=6)), monday + dt.timedelta(days=6)
            else:
                lo, hi = monday, monday + dt.timedelta(days=6)
            add(m.start(), m.end(), lo, hi, "week")
        elif m["mo"]:
            y, mo = pub.year, pub.month
            if "last" in s or "previous" in s or "past" in s:
                y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
            elif "next" in s:
                y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
            end = _month_end(y, mo)
            lo, hi = dt.date(y, mo, 1), dt.date(y, mo, end)
            prec = "month"
            if s.startswith("earlier"):
                lo, hi, prec = lo, max(lo, pub - dt.timedelta(days=1)), "approx"
            elif s.startswith("later"):
                lo, hi, prec = min(hi, pub + dt.timedelta(days=1)), hi, "approx"
            elif s.startswith("early"):
                hi, prec = dt.date(y, mo, 10), "approx"
            elif s.startswith("mid"):
                lo, hi, prec = dt.date(y, mo, 10), dt.date(y, mo, 20), "approx"
            elif s.startswith("late"):
                lo, prec = dt.date(y, mo, 21), "approx"
            add(m.start(), m.end(), lo, hi, prec)
        elif m["yr"]:
            y = pub.year - 1 if "last" in s else pub.year + 1 if "next" in s else pub.year
            lo, hi = dt.date(y, 1, 1), dt.date(y, 12, 31)
            if s.startswith("earlier"):
                hi = pub
            elif s.startswith("later"):
                lo = pub + dt.timedelta(days=1)
            elif s.startswith("early"):
                hi = dt.date(y, 4, 30)
            elif s.startswith("late"):
                lo = dt.date(y, 9, 1)
            add(m.start(), m.end(), lo, hi, "approx")
        elif m["ago"]:
            n = _num(m["agon"]) or 1
            unit = m["agou"].lower()
            if unit.startswith("day"):
                d = pub - dt.timedelta(days=n)
                add(m.start(), m.end(), d, d, "day", d)
            elif unit.startswith("week"):
                d = pub - dt.timedelta(days=7 * n)
                add(m.start(), m.end(), d - dt.timedelta(days=3), d + dt.timedelta(days=3), "week", d)
            elif unit.startswith("year"):
                y = pub.year - n
                d = dt.date(y, pub.month, min(pub.day, _month_end(y, pub.month)))
                if m["agotoday"]:  # "a year ago today": the same calendar day
                    add(m.start(), m.end(), d, d, "day", d)
                else:
                    add(m.start(), m.end(), d - dt.timedelta(days=15), d + dt.timedelta(days=15), "approx", d)
            elif m["agotoday"]:
                # "Six months ago today": the same calendar day that many months back
                y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
                mo += 1
                d = dt.date(y, mo, min(pub.day, _month_end(y, mo)))
                add(m.start(), m.end(), d, d, "day", d)
            else:
                d = pub - dt.timedelta(days=30 * n)
                add(m.start(), m.end(), d - dt.timedelta(days=15), d + dt.timedelta(days=15), "approx", d)
        elif m["rel"]:
            rel_pending.append(m)

    # "in" is a word of its own, so the pattern is only tried at the index's "in"s
    for m in (() if not ("in " in low and (" day" in low or " week" in low)) else _RE_IN_DAYS.finditer(text)
              if idx is None else _matches_at(_RE_IN_DAYS, text, idx.at.get("in", ()))):
        if not free(m.start(), m.end()):
            continue
        n = _num(m["n"]) or 1
        if m["unit"].lower().startswith("day"):
            d = pub + dt.timedelta(days=n)
            add(m.start(), m.end(), d, d, "day", d)
        else:
            d = pub + dt.timedelta(days=7 * n)
            add(m.start(), m.end(), d - dt.timedelta(days=3), d + dt.timedelta(days=3), "week", d)

    for m in (() if not has_weekday else _RE_WEEKDAY.finditer(text) if idx is None else
              _matches_at(_RE_WEEKDAY, text, _starts(text, _WEEKDAY_KEYS))):
        ws = m.start("wd")
        if not free(ws, m.end()):
            continue
        wd = WEEKDAYS[m["wd"].lower()]
        mod = m["mod"]
        start = m.start() if mod and mod.lower() in ("last", "next", "this", "coming", "this past") else ws
        d = _weekday(pub, wd, mod, _tense(text, start, m.end()))
        add(start, m.end(), d, d, "day", d)

    for m in (() if not (has_month and month_words) else _RE_MONTH.finditer(text) if idx is None else
              _matches_at(_RE_MONTH, text, _starts(text, _MONTH_KEYS))):
        if not free(m.start(), m.end()):
            continue
        mon_tok = m["mon"]
        if mon_tok == "May" and _MAY_VERB.match(text[m.end():]):
            continue
        month = _month_key(mon_tok)
        # "its September rule": an attributive month names a past measure
        attributive = _ATTRIBUTIVE_BEFORE.search(text[max(0, m.start() - 8):m.start()]) and \
            _ATTRIBUTIVE_AFTER.match(text[m.end():m.end() + 3])
        tense = None if attributive else _tense(text, m.start(), m.end())
        start = m.start()
        if m["year"]:
            year = int(m["year"])
        elif m["mod"] is None and text.endswith(("last ", "Last ", "next ", "Next "), 0, start):
            # "imposed last December" in a December story is the December before;
            # "next March" is the first March after this month
            start -= 5
            if text[start] in "lL":
                year = pub.year if month < pub.month else pub.year - 1
            else:
                year = pub.year if month > pub.month else pub.year + 1
        else:
            year = _pick_year(pub, month, None, tense)
        lo, hi, prec = _modded_month(year, month, m["mod"])
        add(start, m.end(), lo, hi, prec)

    for m in ordinal:
        if not free(m.start(), m.end()):
            continue
        day = int(m["d1"])
        y, mo = pub.year, pub.month
        tense = _tense(text, m.start(), m.end())
        if day > pub.day and (tense == "past" or (tense is None and day - pub.day > 15)):
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        elif day < pub.day and tense == "future":
            y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
        try:
            d = dt.date(y, mo, day)
        except ValueError:
            continue
        add(m.start(), m.end(), d, d, "day", d)

    if len(out) > 1:
        out.sort(key=lambda o: o.start)
    if low.startswith(("within ", "in less than ")) and not out:
        # "Within a week the rate had reached 125%": the days after the
        # happening the sentence before dates
        m = _RE_WITHIN_START.match(text)
        base_d = (anchor() if callable(anchor) else anchor) if m is not None else None
        if base_d is not None:
            n = 7 if m["unit"] is not None else (_num(m["n"]) if m["n"] else 7) or 7
            add(m.start(), m.end(), base_d + dt.timedelta(days=1), base_d + dt.timedelta(days=n), "week")
    for m in rel_pending:
        if not free(m.start(), m.end()):
            continue
        if m["reln2"] and _DURATION_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "put on hold for 30 days after the concessions": a duration, not a day
        prior = [o for o in out if o.end <= m.start() and (o.role == "occurred" or not m["same"])]
        if m["reld"] and m["reld"].lower() in ("after", "before"):
            # "threatened on October 10 a tariff from November 1, a day after
            # ...": counted from the happening's day, not from an effective day
            prior = [o for o in prior if o.role == "occurred"] or prior
        later = [o for o in out if o.start >= m.end()]
        base_d = prior[-1].value if prior else (anchor() if callable(anchor) else anchor)
        if m["same"]:
            delta = 0  # "the same day": the day of the happening last mentioned (not a deadline)
        elif m["reln"]:
            delta = -1 if m["reln"].lower() in ("previous", "preceding") else 1
        elif m["relb"]:
            delta = -1 if m["relb"].lower() == "before" else 1
        else:
            n = _num(m["reln2"]) or 1
            if m["relu"].lower().startswith("week"):
                n *= 7  # "the controls it unveiled three weeks earlier"
            word = m["reld"].lower()
            if word in ("after", "before") and later and later[0].start - m.end() < 60 and not prior:
                # "came a day after ... on Thursday": the subject's day is Thursday + n
                base_d, delta = later[0].value, (n if word == "after" else -n)
            elif word == "after":
                delta = -n   # "said on Friday, a day after a call": the call came first
            elif word == "before":
                delta = n
            else:
                delta = n if word == "later" else -n
        if base_d is None:
            continue
        d = base_d + dt.timedelta(days=delta)
        add(m.start(), m.end(), d, d, "day", d)
    if len(out) > 1:
        out.sort(key=lambda o: o.start)
    return out


def find_durations(text: str) -> list[Duration]:
    """Durations such as "for 90 days", "a 90-day pause", "for another year"."""
    out = []
    low = text.lower()
    if not ("day" in low or "week" in low or "month" in low or "year" in low):
        return out
    for m in _duration_matches(text, low):
        unit = m["unit"].lower()
        n = _num(m["n"]) if m["n"] else None
        by = False
        if not (m["for"] or m["noun"] or (m["q"] and m["q"].lower() in ("another", "a further", "an additional", "further"))):
            # "extends its suspension by 90 days": a duration after "by" is one as
            # after "for" (the word after "by" is a start anyway, so "by" is no
            # start key of its own; the duration is widened to take it in)
            if not low.endswith("by ", 0, m.start()):
                continue
            by = True
        if m["n"] is None and not m["q"]:
            continue
        if n is None:
            if m["n"] is not None:
                continue
            n = 1
        if by:
            start, got = m.start() - 3, text[m.start() - 3:m.end()]
        else:
            start, got = m.start(), m.group(0)
        if unit.startswith("day"):
            out.append(Duration(start, m.end(), got, days=n))
        elif unit.startswith("week"):
            out.append(Duration(start, m.end(), got, days=7 * n))
        elif unit.startswith("month"):
            out.append(Duration(start, m.end(), got, months=n))
        else:
            out.append(Duration(start, m.end(), got, years=n))
    return out


def _duration_matches(text: str, low: str):
    """``_RE_DURATION.finditer(text)``, tried only where a duration can start (see _DURATION_KEYS)."""
    if not _indexable(text, low):
        return _RE_DURATION.finditer(text)
    starts = _starts(text, _DURATION_KEYS)
    units = _starts(text, _UNIT_KEYS)
    if units:
        # the unit, or the space or hyphen before it
        starts = sorted([*starts, *units, *[i - 1 for i in units if i]])
    return _matches_at(_RE_DURATION, text, starts)


def add_duration(d: dt.date, dur: Duration) -> dt.date:
    """``d`` plus ``dur`` (calendar months/years, clamped to the month's end)."""
    y, m = d.year + dur.years, d.month + dur.months
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    day = min(d.day, _month_end(y, m))
    return dt.date(y, m, day) + dt.timedelta(days=dur.days)


def shift(mention: DateMention, days: int) -> DateMention:
    """The same mention moved by ``days`` (used for "two days of talks ended on Tuesday")."""
    delta = dt.timedelta(days=days)
    return replace(mention, value=mention.value + delta, lo=mention.lo + delta, hi=mention.hi + delta)
