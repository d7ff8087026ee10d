"""Event extraction: each type, the not-an-event cases, merging and evidence offsets."""
import datetime as dt
import re

from pipeline.extract import EXTRACTOR_VERSION, extract
from pipeline.ids import content_hash
from pipeline.models import Document

D = dt.date


def doc(body, published="2025-06-10T12:00"):
    return Document(
        document_id="doc_test", source_kind="feed", source_uri="https://example.test/a", feed_url=None,
        feed_name=None, title=None,
        published_at=dt.datetime.fromisoformat(published).replace(tzinfo=dt.timezone.utc),
        published_at_source="text", body=body, content_hash=content_hash(body))


def rows(body, published="2025-06-10T12:00"):
    return sorted(
        (e.event_type, e.action, e.occurred_on, e.deadline, e.commodity, e.rate_pct, e.actors)
        for e in extract(doc(body, published)))


def types(body, published="2025-06-10T12:00"):
    return sorted(e.event_type for e in extract(doc(body, published)))


# ---------------------------------------------------------------- tariff_change

def test_tariff_raise_with_rate_and_weekday():
    body = ("The United States doubled its fentanyl-related tariff on Chinese imports to 20% on Tuesday, "
            "and China retaliated within hours with duties of up to 15% on a long list of American farm products.")
    assert rows(body, "2025-03-04T15:00") == [
        ("tariff_change", "impose", D(2025, 3, 4), None, None, 15.0, ("CN", "US")),
        ("tariff_change", "raise", D(2025, 3, 4), None, None, 20.0, ("US", "CN")),
    ]


def test_tariff_rate_is_the_measures_own_not_the_total():
    body = ("President Donald Trump on Wednesday singled out China for a sharp increase, raising the "
            "reciprocal rate on Chinese goods to 125% with immediate effect.")
    assert rows(body, "2025-04-10T14:00") == [
        ("tariff_change", "raise", D(2025, 4, 9), None, None, 125.0, ("US", "CN"))]


def test_tariff_relative_clause_keeps_its_own_date():
    body = ("- Suspend all of the retaliatory tariffs on American goods that it imposed in March, "
            "including duties on chicken, wheat and corn.")
    assert rows(body, "2025-11-01T16:00") == [
        ("tariff_change", "impose", D(2025, 3, 16), None, None, None, ("CN", "US")),
        ("tariff_change", "suspend", D(2025, 11, 1), None, None, None, ("CN", "US")),
    ]


def test_tariff_threat_is_an_event():
    body = ("President Donald Trump threatened on Friday to add a 100% tariff to Chinese goods from Nov. 1, "
            "in retaliation for Beijing's new restrictions.")
    (e,) = extract(doc(body, "2025-10-10T22:00"))
    assert (e.event_type, e.action, e.occurred_on, e.effective_on, e.rate_pct, e.actors) == (
        "tariff_change", "threaten", D(2025, 10, 10), D(2025, 11, 1), 100.0, ("US", "CN"))


# ---------------------------------------------------------------- tariff_deadline

def test_deadline_from_duration_and_start_day():
    body = ("Under the deal announced on Monday, Washington and Beijing each cut their additional tariffs "
            "by 115 percentage points for 90 days starting Wednesday.")
    got = [r for r in rows(body, "2025-05-12T20:30") if r[0] == "tariff_deadline"]
    assert got == [("tariff_deadline", "set", D(2025, 5, 12), D(2025, 8, 12), None, None, ("US", "CN"))]


def test_deadline_statement_and_extension():
    assert [r[:4] for r in rows("The truce with China is set to expire on Aug. 12.", "2025-07-29T19:00")] == [
        ("tariff_deadline", "set", D(2025, 7, 29), D(2025, 8, 12))]
    body = ("President Donald Trump on Monday signed an executive order extending the tariff truce with China "
            "for another 90 days, keeping the additional reciprocal tariff on Chinese goods at 10% until Nov. 10.")
    assert [r for r in rows(body, "2025-08-12T05:00") if r[0] != "tariff_change"] == [
        ("agreement", "extend", D(2025, 8, 11), None, None, None, ("US", "CN")),
        ("tariff_deadline", "extend", D(2025, 8, 11), D(2025, 11, 10), None, None, ("US", "CN")),
    ]


# ---------------------------------------------------------------- export_control

def test_export_control_commodities_split_and_merge():
    body = ("- Issue general licenses for exports of rare earths, gallium, germanium, antimony and graphite, "
            "for the benefit of end users in the United States, China's commerce ministry said on Saturday.")
    assert rows(body, "2025-11-02T10:00") == [
        ("export_control", "ease", D(2025, 11, 1), None, "critical_minerals", None, ("CN", "US")),
        ("export_control", "ease", D(2025, 11, 1), None, "rare_earths", None, ("CN", "US")),
    ]


def test_export_control_rare_earths_background():
    body = ("China added seven medium and heavy rare earths to its export control list on April 4, "
            "requiring a licence for every shipment.")
    assert rows(body, "2025-06-27T16:00") == [
        ("export_control", "impose", D(2025, 4, 4), None, "rare_earths", None, ("CN", "US"))]


def test_export_control_us_technology_rule():
    body = ("The U.S. Department of Commerce's Bureau of Industry and Security on Monday issued an interim final "
            "rule that extends the export restrictions on the Entity List to affiliates. Chinese firms are the "
            "most affected.")
    assert rows(body, "2025-09-30T14:00") == [
        ("export_control", "impose", D(2025, 9, 29), None, "technology", None, ("US", "CN"))]


# ---------------------------------------------------------------- talks, leader_contact, agreement

def test_talks_first_day_and_location():
    body = ("U.S. and Chinese negotiators wrapped up two days of talks in Kuala Lumpur on Sunday, "
            "officials from both sides said.")
    (e,) = extract(doc(body, "2025-10-26T13:00"))
    assert (e.event_type, e.action, e.occurred_on, e.location, e.date_precision) == (
        "talks", "conclude", D(2025, 10, 25), "Kuala Lumpur", "day")


def test_leader_call_and_scheduled_meeting():
    body = ("President Donald Trump and Chinese President Xi Jinping spoke by phone on Friday and agreed to "
            "meet in person at the APEC summit in Gyeongju, South Korea, in late October.")
    assert [(e.event_type, e.action, e.occurred_on, e.date_precision) for e in extract(doc(body, "2025-09-20T02:00"))] == [
        ("leader_contact", "call", D(2025, 9, 19), "day"),
        ("leader_contact", "meeting", D(2025, 10, 26), "approx"),
    ]


def test_agreement_reached():
    body = "The United States and China agreed on Monday on a framework for the future of TikTok's U.S. operations."
    assert rows(body, "2025-09-15T19:30") == [
        ("agreement", "reach", D(2025, 9, 15), None, None, None, ("US", "CN"))]


# ---------------------------------------------------------------- not events

def test_conditionals_speculation_negation_are_not_events():
    pub = "2025-06-10T12:00"
    assert types("The tariffs on Chinese goods could be lifted if Beijing speeds up rare-earth exports.", pub) == []
    assert types("Washington might reinstate the 125% tariff on Chinese goods on Friday.", pub) == []
    assert types("China has not lifted its export controls on rare earths, officials said on Monday.", pub) == []
    assert types("Analysts expect Beijing to ease rare-earth export controls next month.", pub) == []
    assert types("Without an extension, the suspended tariffs on Chinese goods would return on Aug. 12.", pub) == []
    assert types("A leaders' call or a summit later in the year might lock in a broader bargain.", pub) == []
    assert types("They hope to get President Trump's approval to lower the tariff on Chinese goods on Monday.", pub) == []


def test_opinion_is_not_an_event():
    assert types("Washington should cut its tariffs on Chinese goods this week.", "2025-06-10T12:00") == []


def test_third_country_events_are_not_us_china_events():
    pub = "2025-07-23T08:00"
    assert types("The United States and Japan reached a trade agreement on Tuesday that sets a 15% tariff "
                 "on Japanese goods.", pub) == []
    assert types("The new vice minister at the Commerce Ministry stressed Jakarta's commitment on Monday "
                 "to continue progressing with the agreement.", pub) == []
    assert types("Parallel tariff orders aimed at Canada and Mexico were put on hold for 30 days on Monday.", pub) == []


def test_undated_background_is_dropped():
    assert types("Beijing retaliated with duties on American coal.", "2025-06-10T12:00") == []


# ---------------------------------------------------------------- merging, evidence, ids

SEED_LIKE = (
    "Pictured above, on Tuesday, June 10, 2025, Commerce Secretary Howard Lutnick takes questions at "
    "Lancaster House in London.\n"
    "In parallel, last week, Chinese state media was trying to get ahead of the damage done by the call "
    "between Trump and Xi. This call emphasizes the importance of their negotiations.\n"
    "U.S.-China talks extended late into the afternoon on Tuesday, according to Chinese state media. "
    "This is a result of an earlier meeting that occurred in Switzerland in mid-May. At that meeting, the "
    "officials from both countries agreed to suspend the reciprocal tariffs levied in mid-April for 90 days.")


def test_seed_like_document_end_to_end():
    assert [(e.event_type, e.action, e.occurred_on, e.deadline, e.date_precision)
            for e in extract(doc(SEED_LIKE))] == [
        ("leader_contact", "call", D(2025, 6, 5), None, "week"),
        ("talks", "hold", D(2025, 6, 10), None, "day"),
        ("talks", "hold", D(2025, 5, 15), None, "approx"),
        ("tariff_change", "impose", D(2025, 4, 15), None, "approx"),
        ("tariff_change", "suspend", D(2025, 5, 15), None, "approx"),
        ("agreement", "reach", D(2025, 5, 15), None, "approx"),
        ("tariff_deadline", "set", D(2025, 5, 15), D(2025, 8, 13), "approx"),
    ]


def test_mentions_of_one_happening_merge_with_every_evidence_sentence():
    body = ("Trump and Xi spoke by phone on Thursday, the White House said. "
            "The call between the two presidents lasted about an hour, and Trump called it very positive.")
    (e,) = extract(doc(body, "2025-06-07T09:00"))
    assert (e.event_type, e.action, e.occurred_on) == ("leader_contact", "call", D(2025, 6, 5))
    assert [ev.text for ev in e.evidence] == [
        "Trump and Xi spoke by phone on Thursday, the White House said.",
        "The call between the two presidents lasted about an hour, and Trump called it very positive."]


def test_evidence_offsets_point_into_the_body():
    d = doc(SEED_LIKE)
    for e in extract(d):
        assert e.evidence
        for ev in e.evidence:
            assert d.body[ev.start:ev.end] == ev.text
        assert 0 < e.confidence <= 1
        assert e.extractor_version == EXTRACTOR_VERSION


def test_deterministic_ids_and_version():
    assert re.fullmatch(r"rules-\d+\.\d+\.\d+", EXTRACTOR_VERSION)
    a, b = extract(doc(SEED_LIKE)), extract(doc(SEED_LIKE))
    assert a == b
    assert len({e.event_id for e in a}) == len(a)
    assert all(e.event_id.startswith("ev_") for e in a)


def test_empty_and_irrelevant_documents():
    assert extract(doc("")) == []
    assert extract(doc("China's economy expanded faster than expected in the first three months of the year, "
                       "official data showed on Wednesday.")) == []
