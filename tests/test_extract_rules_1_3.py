"""rules-1.3.0: anaphoric contact nouns, scheduled-meeting dates, extensions that
add to a running clock, global vs. country-named rates, pronoun subjects, and
the action of a step named only with a weak verb."""
import datetime as dt

from pipeline.extract import EXTRACTOR_VERSION, extract
from tests.documents import feed_document

D = dt.date


def doc(body, published):
    return feed_document(body, published, "doc_test13", "https://example.test/r13")


def events(body, published, etype=None):
    return [e for e in extract(doc(body, published)) if etype is None or e.event_type == etype]


def test_version():
    assert EXTRACTOR_VERSION.startswith("rules-1.")  # these rules hold from 1.3.0 on


# ---------------------------------------------------------------- 1. scheduled meetings, "the call" again

def test_the_call_later_in_the_sentence_is_the_same_call():
    body = ("Xi Jinping and Donald Trump spoke by phone on Tuesday and agreed to meet in person at a regional "
            "summit in Seoul in early December, Trump told reporters after the call.")
    lc = events(body, "2025-11-05T09:00", "leader_contact")
    calls = [e for e in lc if e.action == "call"]
    meetings = [e for e in lc if e.action == "meeting"]
    assert [e.occurred_on for e in calls] == [D(2025, 11, 4)]
    assert [e.occurred_on for e in meetings] == [D(2025, 12, 5)]


def test_agreed_on_day_to_meet_later_is_dated_by_the_meeting_period():
    body = "Trump and Xi agreed on Thursday to meet face to face later this month."
    meetings = [e for e in events(body, "2025-03-08T09:00", "leader_contact") if e.action == "meeting"]
    assert meetings, "the planned meeting is reported"
    for e in meetings:
        assert e.occurred_on != D(2025, 3, 6)
        assert D(2025, 3, 9) <= e.occurred_on <= D(2025, 3, 31)
        assert e.date_precision == "approx"


# ---------------------------------------------------------------- 2. "for a further N" adds to the running clock

def test_further_extension_runs_from_the_standing_deadline():
    body = ("Washington and Beijing have held their tariff truce in place since spring, and in June the truce was "
            "extended until Sept. 30.\n\n"
            "On Monday the two governments agreed to extend the truce for a further 60 days.")
    dl = events(body, "2025-09-16T09:00", "tariff_deadline")
    assert D(2025, 11, 29) in {e.deadline for e in dl}          # Sept. 30 + 60 days
    assert D(2025, 11, 14) not in {e.deadline for e in dl}      # not Sept. 15 + 60 days


def test_plain_duration_still_runs_from_the_step():
    body = ("The truce between the United States and China runs until Sept. 30. "
            "On Monday the two governments agreed to extend the truce for 60 days.")
    dl = events(body, "2025-09-16T09:00", "tariff_deadline")
    assert D(2025, 11, 14) in {e.deadline for e in dl}


# ---------------------------------------------------------------- 3. rates and actions of one step

def test_rate_for_everyone_gives_way_to_the_rate_named_for_china():
    body = ("On Monday the White House set a 15% universal tariff on almost all imports from its partners. "
            "Chinese goods were hit with 45%, effective next week.")
    tc = events(body, "2025-08-05T12:00", "tariff_change")
    assert [(e.actors, e.rate_pct) for e in tc] == [(("US", "CN"), 45.0)]


def test_rate_for_everyone_kept_when_no_country_rate_is_named():
    body = "On Monday the United States set a 15% tariff on almost all imports, including those from China."
    tc = events(body, "2025-08-05T12:00", "tariff_change")
    assert [e.rate_pct for e in tc] == [15.0]


def test_generic_aside_does_not_turn_an_imposition_into_a_raise():
    body = ("On May 5, 2025, the U.S. government announced the imposition of an additional 25% tariff on "
            "goods from China.\n\n"
            "Raising tariffs has never solved anything, the statement added.")
    tc = events(body, "2025-05-07T12:00", "tariff_change")
    assert [(e.action, e.occurred_on, e.rate_pct) for e in tc] == [("impose", D(2025, 5, 5), 25.0)]


# ---------------------------------------------------------------- 4. pronoun subjects

def test_it_takes_the_government_named_as_subject_before():
    body = ("Washington has so far kept its own chip rules unchanged. Beijing, by contrast, has moved quickly. "
            "It started requiring licences for graphite exports in July, and analysts expect more to follow.")
    ec = events(body, "2025-09-01T12:00", "export_control")
    assert ec and all(e.actors[0] == "CN" for e in ec)


def test_he_takes_the_leader_named_before():
    body = "Premier Li Qiang answered Washington's latest move on Wednesday. He set a 10% tariff on nearly all imports."
    tc = events(body, "2025-04-03T12:00", "tariff_change")
    assert tc and all(e.actors[0] == "CN" for e in tc)
