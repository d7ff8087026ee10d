"""Rule-based event extractor: a Document in, its trade-talk Events out.

Pure and deterministic: the same document and EXTRACTOR_VERSION always give
the same events with the same ids. Data files (gazetteer, lexicon) are loaded
once and cached.
"""
from __future__ import annotations

import datetime as dt
import re

from ..ids import stable_id
from ..models import Document, Event, Evidence
from . import dates as D
from .actors import find_actors
from .merge import merge_mentions
from .resources import reset_caches, word_keys
from .rules import _PAST_VERB, DIRECTION, Mention, find_commodities, may_state_event, sentence_mentions
from .sentences import split_sentences

EXTRACTOR_VERSION = "rules-1.6.0"

__all__ = ["EXTRACTOR_VERSION", "extract"]

_TITLE = re.compile(r"\b(?:headlined?|headline\s+reading|titled|entitled|under\s+the\s+title)\s*[:,]?\s*[\"“]([^\"”]+)[\"”]", re.I)
_WEAK_TRIGGER = re.compile(r"(?i)took\s+effect|takes\s+effect|came\s+into\s+force|comes\s+into\s+force|kick(?:ed|s)\s+in|announc\w*|issu\w*|introduc\w*|unveil\w*|put|puts|putting|plac\w*|adopt\w*|implement\w*|new|levied|impos\w*")
_UNSET = object()  # a value not looked up yet
_EFFECT_TRIGGER = ("took effect", "takes effect", "came into force", "comes into force", "kicked in", "kicks in")


def extract(document: Document) -> list[Event]:
    reset_caches()
    body = document.body or ""
    pub = document.published_at.date()
    sentences = split_sentences(body)
    # Actors are looked up first in the sentences that may state an event; the
    # others are only read until both governments have been seen (the
    # document is then bilateral, whatever the rest says).
    candidates = [i for i, s in enumerate(sentences) if may_state_event(s.text)]
    sent_actors: list = [None] * len(sentences)
    codes: set = set()
    for i in candidates:
        sent_actors[i] = find_actors(sentences[i].text)
        codes.update(a.code for a in sent_actors[i] if a.is_party)
    if not {"US", "CN"} <= codes:
        for i, s in enumerate(sentences):
            if sent_actors[i] is None:
                sent_actors[i] = find_actors(s.text)
                codes.update(a.code for a in sent_actors[i] if a.is_party)
                if {"US", "CN"} <= codes:
                    break
    bilateral = {"US", "CN"} <= codes
    is_candidate = set(candidates)

    # Dates are parsed lazily: only for sentences that may state an event, and
    # for the sentences before them that supply a relative date's anchor
    # ("the previous day") or a mention's inherited date.
    dates_of: list = [None] * len(sentences)

    def dates(i: int) -> list:
        got = dates_of[i]
        if got is None:
            got = dates_of[i] = D.find_dates(sentences[i].text, pub, lambda: anchor_before(i))
        return got

    def last_occurred(i: int):
        # a day after publication ("fall under licensing on Nov. 8") is a
        # scheduled one: it anchors neither "the same day" nor an undated step
        occ = [d for d in dates(i) if d.role == "occurred" and d.lo <= pub]
        return occ[-1] if occ else None

    def anchor_before(i: int):
        # "the next day", "the same afternoon" count from the story's own last
        # dated step, not from an earlier measure a sentence only refers back
        # to ("a reply to Washington's Sept. 29 'affiliates rule'"): such a
        # date anchors only when no earlier sentence has a date of its own
        background = None
        for j in range(i - 1, -1, -1):
            d = last_occurred(j)
            if d is None:
                continue
            if not _background_date(sentences[j].text, d):
                return d.value
            own = [x for x in dates(j) if x.role == "occurred" and x.lo <= pub
                   and not _background_date(sentences[j].text, x)]
            if own:
                return own[-1].value
            if background is None:
                background = d.value
        return background

    def heading_date(i: int):
        """The date that heads sentence ``i``'s paragraph in a timeline ("- Apr. 9:
        China raises ... Hours later Trump lifts ..."): every step of the item
        happened that day unless the text dates it otherwise."""
        j = i
        while j > 0 and "\n" not in body[sentences[j - 1].end:sentences[j].start]:
            j -= 1
        head = sentences[j].text
        if not D.HEADING_START.match(head):
            return None
        ds = dates(j)
        if not ds or ds[0].role != "occurred":
            return None
        m = D.HEADING_START.match(head)
        if ds[0].start == m.end() and D.HEADING_BREAK.match(head, ds[0].end):
            return ds[0]
        if j < i and ds[0].start <= 40 and _LABEL_BEFORE_DATE.fullmatch(head, 0, ds[0].start) and _LABEL_AFTER_DATE.fullmatch(head, ds[0].end):
            # a line of its own that is only a label and a date ("ROUND 2 (Mar 4).",
            # "April 2, 2025.") heads the paragraph it opens in the same way
            return ds[0]
        return None

    mentions: list[Mention] = []
    pending: list = []
    for si, s in enumerate(sentences):
        if si not in is_candidate:
            continue
        if "version" in s.text and _CORRECTION_NOTE.search(s.text):
            continue  # "An earlier version of this story ... said ...": what it wrongly said
        here = dates(si)
        ms = sentence_mentions(s.text, si, pub, None, bilateral, here, sent_actors[si])
        if not ms:
            continue
        if '"' in s.text or "“" in s.text:
            # a quoted headline or title names a story, it does not report anew
            titles = [(t.start(1), t.end(1)) for t in _TITLE.finditer(s.text)]
            if titles:
                ms = [m for m in ms if not any(a <= m.t_start < b for a, b in titles)]
        ms = _fold_effect_mentions(s.text, ms)
        if " would " in s.text and ("announced " in s.text or "said " in s.text or "confirmed " in s.text):
            ms = _reported_would(s.text, ms)
        ms = [m for m in ms if not _unattached_talks(m, sent_actors[si], s.text)
              and not _export_pause(m, s.text)
              and not (m.extra.get("pronoun_object") and not _names_tariff_pause(sentences, si, m.t_start, body))]
        has_when = "when" in s.text
        if has_when:
            for m in ms:
                if m.occurred is None:
                    _date_from_since_when(m, s.text, here)
        ordered = []
        for m in ms:
            if m.occurred is None:
                _date_from_subject_order(m, s.text, here)
                if m.occurred is not None:
                    ordered.append(m)
        for m in ms:
            # "Trump's order of Nov. 4 cut the tariff ... and extended the
            # suspension ...": the order's steps share its date
            if m.occurred is None and any(o.clause == m.clause and o.t_end <= m.t_start for o in ordered) \
                    and _AND_VERB.search(s.text, max(0, m.t_start - 12), m.t_start):
                m.occurred = next(o.occurred for o in ordered if o.clause == m.clause)
        dated_here = [x for x in ms if x.occurred is not None and x.date_source == "text"
                      and x.occurred.precision == "day" and x.occurred.hi <= pub
                      and not x.extra.get("reference")]  # "the measures it announced on Oct. 9" dates only them
        for m in ms:
            before = [x for x in dated_here if x.t_end <= m.t_start]  # "After Thursday's meeting ..., agreed"
            if m.occurred is None and not before and has_when:
                # "the agreement the President reached with Xi when the two leaders
                # met in Busan on October 30": a when-clause's happening dates the step
                before = [x for x in dated_here if x.t_start >= m.t_end
                          and _WHEN_BETWEEN.fullmatch(s.text, m.t_end, x.t_start)][:1]
            if (m.occurred is None and before and not m.extra.get("reference")
                    and not _WEAK_TRIGGER.fullmatch(s.text, m.t_start, m.t_end)):
                # "After Thursday's meeting ..., Trump told reporters the two sides
                # had reached an agreement": the sentence's own dated happening
                # is the weakest clue to an undated one's day
                m.extra["sibling"] = _day_after(max(before, key=lambda x: x.t_end))
                m.extra["past_verb"] = _PAST_VERB.fullmatch(s.text[m.t_start:m.t_end].lower()) is not None
        for m in ms:
            if m.event_type == "talks":
                _first_day_of_round(m, s.text)
            else:
                if m.occurred is not None and m.occurred.last is not None:
                    _day_of_range(m, s.text)  # "emerged on the second day with a framework"
                if m.event_type == "agreement":
                    _last_day_of_round(m)  # what a round of several days produced comes at its end
        if _LIST_ITEM.match(s.text):
            _inherit_lead_actor(ms, s.text, sent_actors[si], _lead_actor(sentences, si, sent_actors))
            if any(m.occurred is None for m in ms):
                # the commitments listed under "What they agreed, according to
                # both governments:" ("- The U.S. will cut ...") are steps of the
                # agreement: its day is the lead line's, else that of the
                # sentence just before it ("On Thursday, Oct. 30, Trump and Xi met")
                lead = _lead_line(sentences, si)
                if lead is not None and _TERMS_LEAD.search(sentences[lead].text):
                    day = last_occurred(lead) or (last_occurred(lead - 1) if lead > 0 else None)
                    if day is not None:
                        for m in ms:
                            if m.occurred is None and not m.extra.get("reference"):
                                m.extra["terms_of"] = day
        elif any(m.extra.get("bare") for m in ms):
            # a verbless line ("15% on U.S. coal, LNG.") acts for the government
            # its line opened with ("FEB 4 - Beijing responds.")
            _inherit_lead_actor([m for m in ms if m.extra.get("bare")], s.text, sent_actors[si],
                                _line_actor(body, sentences, si, sent_actors))
        same_paragraph = si > 0 and "\n" not in body[sentences[si - 1].end:s.start]
        # A mention inherits the last date of the sentence before in its
        # paragraph, read only by merge_mentions and only for a mention it cannot
        # date otherwise: the date is looked up there, on need ("inherit_from"),
        # so the sentence before, when no candidate itself, is seldom parsed for
        # dates (they are the same whenever parsed: an anchor is looked up on demand).
        prev_last = _UNSET if same_paragraph else None
        # (the heading date is only given to an undated mention: not looked up,
        # nor its line parsed for dates, when every mention has a date)
        heading = heading_date(si) if any(m.occurred is None for m in ms) else None
        # "Trump signed two executive orders on Tuesday. The first cuts ... The
        # second keeps ...": the items' steps are dated by the sentence that
        # introduced them, past any earlier item of the same enumeration
        enumerated = None
        if same_paragraph and _ENUMERATED.match(s.text) and any(m.occurred is None for m in ms):
            j = si - 1
            while j > 0 and _ENUMERATED.match(sentences[j].text) and "\n" not in body[sentences[j - 1].end:sentences[j].start]:
                j -= 1
            if not _ENUMERATED.match(sentences[j].text):
                enumerated = j
        for m in ms:
            if same_paragraph:
                also = m.occurred is None and m.actor is not None and _ALSO.search(s.text, 0, m.t_start)
                if also and prev_last is _UNSET:
                    # the actor's own step below is looked for only when the
                    # sentence before has a date: that needs the date now
                    prev_last = last_occurred(si - 1)
                if prev_last is _UNSET:
                    m.extra["inherit_from"] = si - 1
                elif prev_last is not None:
                    m.extra["inherit"] = prev_last
                    if also:
                        # "China said Tuesday it will ... The move came after a U.S.
                        # tariff ordered on Saturday ... Beijing also placed export
                        # controls ...": the actor's own last dated step in the three
                        # sentences before (a brief's lead, its detail and the other
                        # side's step in between: "duties took effect on Monday, six
                        # days after Beijing announced them. U.S. coal ... pay 15%.
                        # The levies answer the tariff Trump ordered on Feb. 1.
                        # Beijing's package also put export controls on tungsten"),
                        # not the last date of the sentence before
                        own = next((x.occurred for x in reversed(mentions) if x.sent >= si - 3 and x.actor == m.actor
                                    and x.occurred is not None and x.date_source == "text"
                                    and x.occurred.role == "occurred" and x.occurred.hi <= pub), None)
                        if own is not None:
                            m.extra["inherit"] = own
            if (enumerated is None and m.occurred is None and m.tense == "present"
                    and (anaphor := _DOCUMENT_ANAPHOR.match(s.text)) is not None and anaphor.end() <= m.t_start):
                # "President Trump signed two executive orders on Tuesday. ...
                # The orders implement the agreement": the day of the sentence
                # that introduced the orders (up to six sentences back)
                noun = re.compile(r"\b" + anaphor["noun"] + r"\b", re.I)
                for j in range(si - 1, max(-1, si - 7), -1):
                    if noun.search(sentences[j].text):
                        day = last_occurred(j)
                        if day is not None:
                            m.extra.pop("inherit_from", None)
                            m.extra["inherit"] = day
                            m.extra["dated_by_antecedent"] = True
                        break
            if enumerated is not None and m.occurred is None:
                m.extra.pop("inherit", None)
                m.extra["inherit_from"] = enumerated
                m.extra["dated_by_antecedent"] = True
                if m.actor is None:
                    # "The second keeps ... suspended": the signer of the orders
                    codes = _subject_codes(sentences, enumerated, sent_actors)
                    if len(codes) == 1:
                        m.actor = codes.pop()
            if heading is not None and m.occurred is None:
                m.extra["heading"] = heading
            if m.extra.get("bare") and m.occurred is None and heading is None:
                continue  # a verbless measure with no date is a standing one
            trig = s.text[m.t_start:m.t_end].lower()
            if m.occurred is None and m.effective is not None and trig in _EFFECT_TRIGGER:
                m.occurred = m.effective
            if m.event_type == "export_control" and m.commodity is None:
                comms = []
                if si > 0:
                    prev = sentences[si - 1].text
                    comms = find_commodities(prev, (0, len(prev)), 0, word_keys(prev))
                if len(comms) != 1:
                    pending.append((m, here))
                    continue
                m.commodity = comms[0]
                m.confidence = 0.6
            mentions.append(m)

    # "suspend the export control measures it announced on Oct. 9": the measure
    # is the one the document dates to that day elsewhere, with its commodity
    for m, here in pending:
        days = {(d.lo, d.hi) for d in here if d.role in ("occurred", "attributive")}
        known = {x.commodity for x in mentions
                 if x.event_type == "export_control" and x.commodity and x.occurred is not None
                 and (x.occurred.lo, x.occurred.hi) in days and (not m.actor or not x.actor or x.actor == m.actor)}
        if len(known) == 1:
            m.commodity = known.pop()
            m.confidence = 0.55
            mentions.append(m)

    mentions = [m for m in mentions if not (m.event_type == "export_control" and m.commodity is None)]
    _resolve_pronoun_subjects(mentions, sentences, sent_actors)
    mentions = _fold_effect_sentences(mentions, sentences)
    _country_rates(mentions, sentences, body)
    news_days = _news_days(mentions, pub)
    if news_days:
        for m in mentions:
            if m.actor in news_days:
                m.extra["news_day"] = news_days[m.actor]
    groups = merge_mentions(mentions, pub, last_occurred)
    events = [_event(document, g, sentences) for g in groups]
    events = [e for e in events if e is not None]
    # deterministic order, unique ids
    seen, out = set(), []
    for e in events:
        if e.event_id in seen:
            continue
        seen.add(e.event_id)
        out.append(e)
    return out


# a date that names a measure reported before rather than a step of the story:
# a possessive's ("Washington's Sept. 29 rule") or a relative clause's ("the
# rate ... that Trump unveiled in the Rose Garden on Wednesday (Apr 2)")
_BACKGROUND_DATE_BEFORE = re.compile(
    r"[A-Za-z]['’]s\s+$|\b(?:that|which)\s+(?:[\w.'’-]+\s+){0,5}?(?:had\s+|has\s+)?(?:unveiled|announced|imposed|"
    r"introduced|issued|placed|put|adopted|levied|ordered|signed)\b[^,;:()]*(?:\(\s*)?$")


def _background_date(text: str, d) -> bool:
    """Whether date ``d`` of ``text`` only names a measure reported before."""
    return _BACKGROUND_DATE_BEFORE.search(text, max(0, d.start - 120), d.start) is not None


# a paragraph's opening line that is a label and a date only: "ROUND 2 (Mar 4).",
# "Phase one (Jan. 15):", "TIMEOUT (Geneva, May 10-11).", "April 2, 2025."
_LABEL_BEFORE_DATE = re.compile(r"[\s\-•*–—]*(?:[A-Z][\w'’-]*(?:\s+\d{1,2})?[\s,]+){0,2}\(?\s*")
_LABEL_AFTER_DATE = re.compile(r"(?:,?\s+\d{4})?\s*\)?\s*[.:]?\s*")
_ROUND_DAYS = re.compile(r"\s*(?:-|–|and|to|through)\s*(?:on\s+)?")


def _first_day_of_round(m: Mention, text: str) -> None:
    """"talks in Geneva on Saturday and Sunday", "met on July 28 and 29": a round
    of talks held over consecutive days is dated by its first day."""
    days = sorted((d for d in m.extra.get("all_dates") or () if d.precision == "day"), key=lambda d: d.start)
    if len(days) < 2 or m.occurred not in days:
        return
    run = [days[0]]
    for d in days[1:]:
        if _ROUND_DAYS.fullmatch(text, run[-1].end, d.start) and 0 < (d.value - run[-1].value).days <= 2:
            run.append(d)
        else:
            break
    if len(run) >= 2 and m.occurred in run:
        m.occurred = run[0]


def _last_day_of_round(m: Mention) -> None:
    """"met in Kuala Lumpur over the weekend of Oct. 25-26 and produced a
    framework": what a round of several days produced comes at its end, the
    last day of the span that dates it."""
    occ = m.occurred
    if occ is not None and occ.last is not None and occ.precision == "day" and occ.last != occ.value:
        m.occurred = D.DateMention(occ.start, occ.end, occ.text, occ.last, occ.last, occ.last, "day", occ.role)

_NTH_DAY = re.compile(r"\bon\s+the\s+(?P<n>second|final|last|closing)\s+day\b", re.I)


def _day_of_range(m: Mention, text: str) -> None:
    """"negotiators spent 14 and 15 September in Madrid, emerged on the second day
    with a framework": a step told as happening on the second (or last) day of a
    stated range of days is dated by that day, not by the range's first."""
    d = m.occurred
    if d.precision != "day" or d.end > m.t_start:
        return
    nth = _NTH_DAY.search(text, d.end, m.t_end)
    if nth is None:
        return
    day = d.lo + dt.timedelta(days=1) if nth["n"].lower() == "second" else d.last
    if day > d.last:
        return
    m.occurred = D.DateMention(d.start, d.end, d.text, day, day, day, "day", d.role)


def _day_after(x: Mention):
    """The day a happening in the sentence gives to an undated step beside it: a
    round of talks gives its last day ("After talks in Geneva on May 10 and 11,
    the two sides agreed ..."), not the first day it is dated by."""
    if x.event_type != "talks":
        return x.occurred
    days = [d for d in x.extra.get("all_dates") or () if d.precision == "day"] or [x.occurred]
    last = max(days, key=lambda d: d.last or d.value)
    if last.last is not None:
        last = D.DateMention(last.start, last.end, last.text, last.last, last.last, last.last, "day", last.role)
    return last


# a correction note retracting what an earlier version said
_CORRECTION_NOTE = re.compile(r"^\W*(?:[\w ,.]{0,40}:\s*)?(?:An?|The)\s+(?:earlier|previous|original|first)\s+version\s+of\s+"
                              r"this\s+(?:story|article|report|piece|item)\b")
# a sentence whose subject names documents reported before: "The orders implement ..."
_DOCUMENT_ANAPHOR = re.compile(r"\s*(?:The|These|Those|Both)\s+(?:two\s+|new\s+)?(?P<noun>orders|notices|decrees|announcements|statements)\b")
# a sentence opening with an item of what the sentence before enumerated
_ENUMERATED = re.compile(r"\s*(?:The|the)\s+(?:first|second|third|fourth|other|former|latter)\b"
                         r"(?!\s+(?:time|day|week|month|year|round|half|quarter|since|of|to)\b)")
_WHEN_AFTER = re.compile(r",?\s+when\b")


def _date_from_since_when(m: Mention, text: str, dates) -> None:
    """"Since April, when Beijing put seven rare earths ... under export
    licensing": the step the when-clause tells happened at the date the
    since-phrase gives (inside the when-clause's own clause, within 160
    characters)."""
    for d in dates:
        if d.role != "since" or d.end > m.t_start:
            continue
        w = _WHEN_AFTER.match(text, d.end)
        if w is not None and m.clause[0] <= w.start() and m.t_start - w.end() <= 160:
            m.occurred = D.DateMention(d.start, d.end, d.text, d.value, d.lo, d.hi, d.precision, "occurred", d.last)
            return


_WHEN_BETWEEN = re.compile(r"[^.;:,]{0,60}?\bwhen\s+(?:[\w.'’-]+\s+){0,6}?")
_AND_VERB = re.compile(r"\band\s+(?:also\s+|then\s+)?$")
_SUBJECT_ORDER = re.compile(r"^(?:,?\s*\d{4})?,?\s+(?:(?:also|then|further|had|has)\s+)?$")


def _date_from_subject_order(m: Mention, text: str, dates) -> None:
    """"Executive Order 14195 of February 1, 2025 imposed a 10% duty": the order
    that is the step's subject dates the step (the attributive date is the
    order's own)."""
    for d in dates:
        if d.role == "attributive" and d.end <= m.t_start and m.clause[0] <= d.start \
                and _SUBJECT_ORDER.match(text[d.end:m.t_start]):
            m.occurred = d
            return


_TARIFF_WORDS = re.compile(r"\b(?:tariffs?|dut(?:y|ies)|levy|levies|rates?|surcharges?|counter-?tariffs?|points)\b", re.I)
# what else a pause may stop: export controls, and fees that are no tariff
# ("Both sides will pause their port fees for a year")
_EXPORT_WORDS = re.compile(r"\b(?:export|licen[cs]\w*|rare[- ]earths?|controls?|fees?)\b", re.I)


def _export_pause(m: Mention, text: str) -> bool:
    """"China will pause for one year the sweeping rare-earth export controls",
    "will pause their port fees for a year": a pause of export controls or of
    fees sets no tariff deadline."""
    if m.event_type != "tariff_deadline":
        return False
    clause = text[m.clause[0]:m.clause[1]]
    return not _TARIFF_WORDS.search(clause) and _EXPORT_WORDS.search(clause) is not None


_TARIFF_PAUSE = re.compile(r"\b(?:pause|truce|suspension|reprieve)\b", re.I)
_TARIFF_WORD = re.compile(r"\b(?:tariffs?|dut(?:y|ies)|levy|levies|reciprocal|points)\b", re.I)


def _names_tariff_pause(sentences, si: int, upto: int, body: str) -> bool:
    """Whether "it" in "Trump extended it on Aug. 11 to Nov. 10" can be a tariff pause: the
    text before it in its sentence, or the sentence before in its paragraph, names one
    ("The reciprocal pause was due to lapse on Aug. 12"), not a TikTok or other deadline."""
    texts = [sentences[si].text[:upto]]
    if si > 0 and "\n" not in body[sentences[si - 1].end:sentences[si].start]:
        texts.append(sentences[si - 1].text)
    return any(_TARIFF_PAUSE.search(t) and _TARIFF_WORD.search(t) for t in texts)


def _unattached_talks(m: Mention, actors, text: str) -> bool:
    """A meeting no government takes part in ("the county farm bureau will host
    a meeting on Nov. 12"): no party named in the sentence, no bilateral
    wording, no talks venue."""
    if m.event_type != "talks" or m.location:
        return False
    if text[m.t_start:m.t_end].lower() in ("round", "rounds", "session", "sessions"):
        # "ROUND 1 (Feb 4).", "a fifth straight session": a round of talks says so
        return not (_BILATERAL_WORDS.search(text) or _TALKS_WORDS.search(text))
    if m.parties:
        return False
    if not _INDEFINITE.search(text, max(0, m.t_start - 30), m.t_start):
        return False  # "the talks opened on Monday": the round the story is about
    if any(a.is_party for a in actors or ()):
        return False
    return not _BILATERAL_WORDS.search(text)


_TALKS_WORDS = re.compile(r"\b(?:talks|negotiat\w*|met|meet|meeting|officials|delegates)\b", re.I)
_INDEFINITE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$", re.I)
_BILATERAL_WORDS = re.compile(r"\b(?:negotiators?|delegations?|both\s+sides|the\s+two\s+sides|trade\s+talks|bilateral|"
                              r"envoys?|counterparts?)\b", re.I)


_PRONOUN_SUBJ = re.compile(r"^[\W\d]*(?:(?:and|but|so|then|yet|while|since|when)\s+)?(?:[\w,]+\s+){0,4}?"
                           r"(?P<p>he|she|it|the\s+(?:ministry|commission|department|agency|regulator))\s+(?:[\w'’-]+\s+){0,4}$", re.I)
_PERSON_KINDS = ("leader", "official")


def _resolve_pronoun_subjects(mentions, sentences, sent_actors) -> None:
    """A clause whose subject is a pronoun ("It began licensing ...", "He set
    a 10% baseline ...") and that names no government of its own acts for the
    government most recently named as a subject before it: the first
    non-target party of the nearest previous sentence (up to three back) that
    names one of the right kind: "he"/"she" a leader or official, "it" a
    country, capital or agency."""
    from .rules import _is_target
    for m in mentions:
        if m.actor is not None:
            continue
        text = sentences[m.sent].text
        pm = _PRONOUN_SUBJ.match(text, m.clause[0], m.t_start)
        if pm is None:
            continue
        person = pm["p"].lower() in ("he", "she")
        for j in range(m.sent - 1, max(-1, m.sent - 4), -1):
            acts = sent_actors[j]
            if acts is None:
                acts = sent_actors[j] = find_actors(sentences[j].text)
            subj = [a for a in acts if a.is_party and a.code in ("US", "CN") and not _is_target(sentences[j].text, a)
                    and ((a.kind in _PERSON_KINDS) == person)]
            if subj:
                m.actor = subj[0].code
                m.extra["actor_from"] = "pronoun"
                break


_PCT_N = r"(\d+(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)"
# a rate said to cover everyone: "a 10% baseline tariff on nearly all imports",
# "10% on all trading partners", "a universal 10% levy"
_GLOBAL_AFTER = re.compile(r"^[^.;,]{0,40}?\b(?:on|for|to|across)\s+(?:(?:nearly|almost|virtually|practically|essentially)\s+)?"
                           r"(?:all|every|most)\b(?:\s+(?:of\s+)?(?:its|their|the)\s+)?[^.;,]{0,20}?\b(?:imports|goods|countries|"
                           r"trading\s+partners|partners|nations|economies)\b", re.I)
_PCT_N_RX = re.compile(_PCT_N, re.I)
_GLOBAL_BEFORE = re.compile(r"\b(?:universal|across-the-board|blanket|global|worldwide)\s+$", re.I)
_GLOBAL_NOUN_AFTER = re.compile(r"^\s*(?:\w+\s+){0,1}?(?:baseline|universal|across-the-board|blanket)\b", re.I)
_TARGETS = {"US": r"(?:China|Beijing|Chinese\s+(?:goods|imports|products|exports))",
            "CN": r"(?:the\s+United\s+States|the\s+U\.S\.|Washington|America|(?:U\.S\.|US|American)\s+(?:goods|imports|products|exports))"}


def _country_rate_rx(target: str):
    """A rate tied to one country by name: "China was assigned 34%", "Chinese
    goods were hit with 34%", "China faces 34%", "34% on China", "a 34% rate
    for Chinese goods"."""
    return re.compile(
        rf"\b{target}\s+(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|will\s+be|would\s+be|gets?|got)\s+)?"
        rf"(?:assigned|given|handed|hit\s+with|slapped\s+with|charged|faces?|faced|will\s+face|now\s+faces?)\s+"
        rf"(?:an?\s+|the\s+)?(?:(?:rate|tariff|duty|levy)\s+of\s+)?{_PCT_N}"
        rf"|{_PCT_N}\s+(?:(?:rate|tariff|duty|levy)\s+)?(?:on|for)\s+(?:(?:goods|imports|products)\s+from\s+)?{target}\b", re.I)


def _country_rates(mentions, sentences, body: str) -> None:
    """A rate said to apply to all (or nearly all) imports or trading partners
    is a baseline for every country, not the rate on the other party, when
    the same sentence or a neighbouring one in its paragraph gives a rate tied
    to the other party by name ("He set a 10% baseline on nearly all imports
    ... China was assigned 34%"): the named rate is the event's."""
    for m in mentions:
        if m.event_type != "tariff_change" or m.rate is None or m.actor not in _TARGETS:
            continue
        text = sentences[m.sent].text
        pos = [p for v, p in m.extra.get("rates", ()) if v == m.rate]
        if not pos:
            continue
        p = pos[0]
        pm = _PCT_N_RX.match(text, p)
        end = pm.end() if pm else p
        if not (_GLOBAL_AFTER.search(text[end:end + 80]) or _GLOBAL_BEFORE.search(text, max(0, p - 25), p)
                or _GLOBAL_NOUN_AFTER.match(text[end:end + 30])):
            continue
        rx = _country_rate_rx(_TARGETS[m.actor])
        named = None
        for j in (m.sent, m.sent + 1, m.sent - 1):
            if not 0 <= j < len(sentences):
                continue
            if j != m.sent:
                lo, hi = sorted((sentences[j].end, sentences[m.sent].start)) if j < m.sent else (sentences[m.sent].end, sentences[j].start)
                if "\n" in body[lo:hi]:
                    continue  # another paragraph
            hit = rx.search(sentences[j].text)
            if hit is not None:
                named = float(next(g for g in hit.groups() if g is not None))
                break
        if named is not None and named != m.rate:
            m.rate = named
            m.extra["rate_from"] = "named_country"


_LIST_ITEM = re.compile(r"\s*(?:[-•*–]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+\S")
_LEAD_LINE = re.compile(r":\s*$")


def _lead_line(sentences, si: int) -> int | None:
    """The index of the line ending in a colon that opens the bulleted list
    item ``si`` belongs to, if the list has one."""
    for j in range(si - 1, max(-1, si - 30), -1):
        text = sentences[j].text
        if _LIST_ITEM.match(text):
            continue
        return j if _LEAD_LINE.search(text) else None
    return None


def _lead_actor(sentences, si: int, sent_actors) -> str | None:
    """The government a bulleted list speaks for: the one named in the lead
    line that opens the list ("Under the deal, China will:", "The United States
    commits to the following:"), when it names exactly one."""
    j = _lead_line(sentences, si)
    if j is None:
        return None
    codes = _subject_codes(sentences, j, sent_actors)
    return codes.pop() if len(codes) == 1 else None


# a lead line that introduces an agreement's terms: "What they agreed:",
# "Under the deal, China will:", "The terms of the truce:"
_TERMS_LEAD = re.compile(r"\b(?:agree[ds]?|agreement|deal|consensus|truce|accord|pact|terms)\b", re.I)


def _subject_codes(sentences, j: int, sent_actors) -> set:
    """The governments sentence ``j`` names as agents, not as targets."""
    from .rules import _is_target
    text = sentences[j].text
    acts = sent_actors[j] if sent_actors[j] is not None else find_actors(text)
    return {a.code for a in acts if a.is_party and not _is_target(text, a)}


_ALSO = re.compile(r"\balso\b")


def _news_days(mentions, pub: dt.date) -> dict:
    """Per government, the day its news in the document happened: the latest date
    of a step of its that the first two sentences report, when at most three
    days before publication (a morning-after story of "agreed on Monday" is
    published on Tuesday)."""
    out: dict = {}
    for m in mentions:
        if (m.sent <= 1 and m.actor is not None and m.occurred is not None and m.date_source == "text"
                and m.event_type not in ("talks", "leader_contact")  # the meeting comes before its news
                and m.occurred.precision == "day" and m.occurred.role == "occurred"
                and m.occurred.hi <= pub and (pub - m.occurred.lo).days <= 3 and not m.extra.get("reference")):
            if m.actor not in out or m.occurred.lo > out[m.actor].lo:
                out[m.actor] = m.occurred
    return out


def _line_actor(body: str, sentences, si: int, sent_actors) -> str | None:
    """The one government named as a subject by the nearest earlier sentence of
    the same line or paragraph (at most three back), if it names exactly one."""
    for j in range(si - 1, max(-1, si - 4), -1):
        if "\n" in body[sentences[j].end:sentences[j + 1].start]:
            return None
        codes = _subject_codes(sentences, j, sent_actors)
        if codes:
            return codes.pop() if len(codes) == 1 else None
    return None


def _inherit_lead_actor(ms: list[Mention], text: str, actors, lead: str | None) -> None:
    """A list item with no subject of its own ("- Suspend the controls it
    announced ...") has the lead line's government as its subject, and so do
    the measures it names ("the rule issued on ...": its own measure)."""
    if lead is None:
        return
    from .rules import _is_target
    for m in ms:
        own = [a for a in (actors or ()) if a.is_party and a.end <= m.t_start and not _is_target(text, a)
               and m.clause[0] <= a.start]
        if not own:
            m.actor = lead


# what comes right before " would " in "announced it would", "said that Beijing would"
_REPORTED_BEFORE = re.compile(r"\b(?:announced|said|confirmed)\s+(?:that\s+)?(?:it|they|Beijing|Washington|China)$")


def _reported_would(text: str, ms: list[Mention]) -> list[Mention]:
    """"China's tariff commission announced it would remove the retaliatory tariffs
    ... and keep suspending its 24 percent duty": the steps announced in the past
    for later are marked ``reported_past`` (dated, when undated, like the
    report's sentence, not by the day of publication), and the weak "announced"
    that governs them is no measure of its own."""
    i = text.find(" would ")
    while i >= 0:
        end = i + 7
        rw = _REPORTED_BEFORE.search(text, max(0, i - 40), i) if any(m.t_start >= end for m in ms) else None
        if rw is not None:
            after = [m for m in ms if m.t_start >= end and m.clause[0] <= rw.start() < m.clause[1]]
            for m in after:
                m.extra["reported_past"] = True
            kinds = {m.event_type for m in after}
            ms = [m for m in ms if not (rw.start() <= m.t_start < end and m.event_type in kinds
                                        and m.occurred is None and _WEAK_TRIGGER.fullmatch(text, m.t_start, m.t_end))]
        i = text.find(" would ", end - 1)
    return ms


_TO_BE = re.compile(r"\bto\s+be\s+$")


def _fold_effect_mentions(text: str, ms: list[Mention]) -> list[Mention]:
    """"said it would raise its duty to 84%, a step that took effect on Thursday":
    the "took effect" is the day the raise applies, not a second measure."""
    if "effect" not in text and "force" not in text and "kick" not in text and "to be " not in text:
        return ms
    from .rules import DIRECTION
    # "announced a 34% duty ..., to be levied from April 10": the same measure's start
    effects = [m for m in ms if text[m.t_start:m.t_end].lower() in _EFFECT_TRIGGER
               or (m.effective is not None and _TO_BE.search(text, max(0, m.t_start - 8), m.t_start))]
    if not effects:
        return ms
    out = []
    for m in ms:
        if m in effects:
            # (one anchor noun is one measure, whatever government each trigger found:
            # "the 15% duty Beijing announced on 4 February took effect on 10 February")
            sib = [x for x in ms if x not in effects and x.event_type == m.event_type
                   and DIRECTION.get(x.action) == DIRECTION.get(m.action)
                   and (not x.actor or not m.actor or x.actor == m.actor or x.extra.get("anchor") == m.extra.get("anchor"))
                   and x.t_start < m.t_start]
            if sib:
                x = sib[-1]
                if x.effective is None:
                    x.effective = m.effective or m.occurred
                if x.occurred is None:  # "the increase to 84% took effect early Wednesday"
                    x.occurred = m.occurred or m.effective
                if x.rate is None and x.extra.get("anchor") == m.extra.get("anchor"):
                    x.rate = m.rate  # the one measure's rate ("the 15% duty ... took effect")
                continue
            # "China's retaliatory duties took effect on Monday, six days after
            # Beijing announced them": the later step whose object is the
            # measure itself is its announcement, the effect its start
            later = [x for x in ms if x not in effects and x.event_type == m.event_type
                     and DIRECTION.get(x.action) == DIRECTION.get(m.action)
                     and (not x.actor or not m.actor or x.actor == m.actor) and x.t_start > m.t_end
                     and _PRONOUN_OBJECT.match(text, x.t_end)]
            if later:
                x = later[0]
                if x.effective is None:
                    x.effective = m.effective or m.occurred
                continue
        out.append(m)
    return out


_PRONOUN_OBJECT = re.compile(r"\s+(?:them|it)\b(?!\s+(?:would|will|was|is|had|has)\b)")


# "the higher rate", "the new duties", "these controls": a definite noun phrase
# that names a measure already reported
_ANAPHORIC_MEASURE = re.compile(
    r"\b(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+){0,3}?(?:rates?|tariffs?|dut(?:y|ies)|levy|levies|"
    r"increases?|hikes?|measures?|controls?|restrictions?|rules?|bans?|curbs?|licen[cs]ing|requirements?)\s+$", re.I)


def _fold_effect_sentences(mentions: list[Mention], sentences) -> list[Mention]:
    """"The United States raised the tariff to 125%. Treasury officials said the
    higher rate takes effect on Thursday.": a sentence that only says when an
    already reported measure applies gives that measure its effective date; it
    is not a second measure. The measure is the nearest earlier mention of the
    same type in the two sentences before, by a compatible government."""
    out: list[Mention] = []
    for m in mentions:
        text = sentences[m.sent].text
        if (text[m.t_start:m.t_end].lower() in _EFFECT_TRIGGER and m.rate is None
                and _ANAPHORIC_MEASURE.search(text, m.clause[0], m.t_start)):
            earlier = [x for x in out if x.event_type == m.event_type and m.sent - 2 <= x.sent < m.sent
                       and x.action != "threaten" and (not x.actor or not m.actor or x.actor == m.actor)
                       and (m.commodity is None or x.commodity == m.commodity)]
            if earlier:
                x = earlier[-1]
                if x.effective is None:
                    x.effective = m.effective or m.occurred
                continue
        out.append(m)
    # "China's 84% tariff takes effect at 12:01 p.m. Thursday" on top of a live
    # page whose 7:15 a.m. entry reports the rise to 84%: a rate names the
    # measure wherever in the document it is reported
    is_effect = {id(x): sentences[x.sent].text[x.t_start:x.t_end].lower() in _EFFECT_TRIGGER
                 for x in out if x.event_type == "tariff_change"}
    effects = [m for m in out if m.rate is not None and is_effect.get(id(m))]
    for m in effects:
        same = [x for x in out if x is not m and x.event_type == m.event_type and x.rate == m.rate
                and x.action in ("impose", "raise") and (not x.actor or not m.actor or x.actor == m.actor)
                and not is_effect[id(x)]]
        if same:
            x = min(same, key=lambda x: abs(x.sent - m.sent))
            if x.effective is None:
                x.effective = m.effective or m.occurred
            out.remove(m)
    return out


def _event(document: Document, group: list[Mention], sentences) -> Event | None:
    # One pass over the group finds the head (the best-dated mention: the first
    # with the least key, as min() picks it) and the first value of each field a
    # mention may supply, where a generator per field and a key lambda per
    # mention cost more than the reading itself (every event is built here).
    head = head_key = None
    effective = rate = commodity = location = first_actor = None
    confidence = group[0].confidence
    sents = set()
    for m in group:
        occ = m.occurred
        if occ is not None:
            key = (m.date_source != "text", D_RANK[occ.precision], (occ.hi - occ.lo).days, m.sent)
            if head is None or key < head_key:
                head, head_key = m, key
        if effective is None and m.effective is not None:
            effective = m.effective.value
        if rate is None and m.rate is not None:
            rate = m.rate
        if commodity is None and m.commodity:
            commodity = m.commodity
        if location is None and m.location:
            location = m.location
        if first_actor is None and m.actor:
            first_actor = m.actor
        if m.confidence > confidence:
            confidence = m.confidence
        sents.add(m.sent)
    if head is None:
        head = group[0]
    etype = head.event_type
    occurred = head.occurred.value if head.occurred else None
    precision = head.occurred.precision if head.occurred else None
    deadline = None
    if etype == "tariff_deadline":
        # a stated deadline wins over one computed from a duration
        deadline = next((m.deadline for m in sorted(group, key=lambda m: bool(m.extra.get("computed")))
                         if m.deadline is not None), None)
        if deadline is None:
            for m in group:
                dur = m.extra.get("duration")
                if dur is not None and occurred is not None:
                    deadline = D.add_duration(occurred, dur)
                    break
        if deadline is None:
            return None
    if etype != "tariff_change":
        rate = None
    if etype == "export_control" and commodity is None:
        return None
    if etype not in ("talks", "leader_contact"):
        location = None
    actor = head.actor or first_actor
    if actor in ("US", "CN"):
        actors = (actor, "CN" if actor == "US" else "US")
    elif actor:
        actors = (actor,)
    else:
        actors = ("US", "CN")
    action = head.action
    if etype in ("export_control", "tariff_change") and _WEAK_TRIGGER.fullmatch(
            sentences[head.sent].text[head.t_start:head.t_end]):
        # "the controls it announced on Oct. 9" only re-reports; a mention of the
        # same happening with a verb that says what was done names the action
        # only a mention the text itself dates (or one in the head's sentence):
        # an undated generic aside ("raising tariffs does not solve ...") that
        # merged in by compatibility says nothing about this step's action
        better = [m for m in group if m is not head and DIRECTION.get(m.action) == DIRECTION.get(action)
                  and ((m.occurred is not None and m.date_source == "text") or m.sent == head.sent)
                  and not _WEAK_TRIGGER.fullmatch(sentences[m.sent].text[m.t_start:m.t_end])]
        if better:
            action = better[0].action
    idxs = sorted(sents)
    evidence = tuple([Evidence(sentences[i].text, sentences[i].start, sentences[i].end) for i in idxs])
    conf = confidence + 0.05 * (len(idxs) - 1)
    conf = round(min(0.95, conf), 3)
    version = EXTRACTOR_VERSION
    event_id = stable_id("ev", document.document_id, version, etype, action, occurred, deadline,
                         commodity, rate, actors)
    return Event(
        event_id=event_id,
        document_id=document.document_id,
        extractor_version=version,
        event_type=etype,
        action=action,
        occurred_on=occurred,
        effective_on=effective,
        deadline=deadline,
        commodity=commodity,
        rate_pct=rate,
        actors=actors,
        location=location,
        date_precision=precision,
        evidence=evidence,
        confidence=conf,
    )


D_RANK = {"day": 0, "week": 1, "month": 2, "approx": 3}
