"""Event extraction: each type, the not-an-event cases, merging and evidence offsets."""
import datetime as dt
import re

from pipeline.extract import EXTRACTOR_VERSION, extract
from tests.documents import feed_document

D = dt.date


def doc(body, published="2025-06-10T12:00"):
    return feed_document(body, published, "doc_test", "https://example.test/a")


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
        ("export_control", "tighten", D(2025, 9, 29), None, "technology", None, ("US", "CN"))]  # "extends": tighten


# ---------------------------------------------------------------- talks, leader_contact, agreement

def test_talks_first_day_and_location():
    body = ("U.S. and Chinese negotiators wrapped up two days of talks in Kuala Lumpur on Sunday, "
            "officials from both sides said.")
    (e,) = extract(doc(body, "2025-10-26T13:00"))
    assert (e.event_type, e.action, e.occurred_on, e.location, e.date_precision) == (
        "talks", "hold", D(2025, 10, 25), "Kuala Lumpur", "day")  # a round that took place is `hold`


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


# ---------------------------------------------------------------- rules-1.1.0: general rules, other styles

def ev(body, published):
    return [(e.event_type, e.action, e.occurred_on, e.deadline, e.commodity, e.rate_pct, e.actors[:1], e.location)
            for e in extract(doc(body, published))]


def test_talks_plural_rounds_with_a_list_of_venues_and_dates():
    # explainer: "rounds" is a talks noun; each venue takes the date that follows it
    body = "U.S. and Chinese negotiators held rounds in Geneva in May and London in early June before the summer break."
    got = sorted((e.location, e.occurred_on.month, e.action) for e in extract(doc(body, "2025-09-01T09:00"))
                 if e.event_type == "talks")
    assert got == [("Geneva", 5, "hold"), ("London", 6, "hold")]
    # wire: rounds of tariffs are not talks
    assert types("Washington announced two rounds of tariffs on Chinese goods in April.", "2025-09-01T09:00") \
        == ["tariff_change"]


def test_talks_goods_of_a_third_country_do_not_make_it_other_talks():
    # the subject matter (Russian oil) is not a party to the talks
    body = ("Bessent said on Monday he would meet a Chinese delegation in Madrid next Sunday to discuss "
            "tariffs and Chinese purchases of Russian oil.")
    (t,) = [e for e in extract(doc(body, "2025-09-08T16:00")) if e.event_type == "talks"]
    assert (t.action, t.occurred_on, t.location) == ("schedule", D(2025, 9, 14), "Madrid")


def test_scheduled_talks_take_the_meeting_day_not_the_day_of_the_report():
    body = "Greer told reporters on Wednesday he would meet a Chinese delegation in Geneva on Saturday."
    (t,) = [e for e in extract(doc(body, "2025-05-08T09:00")) if e.event_type == "talks"]
    assert (t.action, t.occurred_on, t.location) == ("schedule", D(2025, 5, 10), "Geneva")


def test_weekend_talks_after_a_modal_are_still_asserted():
    # market news: "hope" governs the rally, not the talks that came before it
    body = ("Shares jumped more than traders had dared to hope for after the weekend talks in Geneva "
            "between U.S. and Chinese officials.")
    (t,) = [e for e in extract(doc(body, "2025-05-12T21:00")) if e.event_type == "talks"]
    assert (t.action, t.location) == ("hold", "Geneva")
    assert D(2025, 5, 10) <= t.occurred_on <= D(2025, 5, 11)


def test_talks_ending_on_the_day_of_the_clauses_other_event():
    body = ("U.S. and Chinese officials reached a consensus on Sunday at the end of three days of talks in "
            "Kuala Lumpur, the ministry said.")
    (t,) = [e for e in extract(doc(body, "2025-10-27T08:00")) if e.event_type == "talks"]
    assert (t.action, t.occurred_on, t.location) == ("hold", D(2025, 10, 24), "Kuala Lumpur")


def test_named_round_without_a_date_is_kept_roughly_dated():
    body = "U.S. and Chinese officials said the Stockholm round had been constructive."
    (t,) = extract(doc(body, "2025-08-01T10:00"))
    assert (t.event_type, t.action, t.location, t.date_precision) == ("talks", "hold", "Stockholm", "approx")


def test_leader_meeting_dated_through_two_attached_phrases():
    # live blog and market news
    body = "10:05 KST - Trump says his meeting with Xi in Busan on Thursday will go ahead."
    (m,) = [e for e in extract(doc(body, "2025-10-27T01:00")) if e.event_type == "leader_contact"]
    assert (m.action, m.occurred_on, m.location) == ("meeting", D(2025, 10, 30), "Busan")
    body = "Markets are watching whether the summit between Trump and Xi planned for next month goes ahead."
    (m,) = [e for e in extract(doc(body, "2025-10-13T21:00")) if e.event_type == "leader_contact"]
    assert (m.action, m.occurred_on.month) == ("meeting", 11)


def test_quoted_headline_of_a_corrected_story_is_not_an_event():
    body = ('CORRECTION: A story published on Monday under the headline "U.S. raises tariffs on Chinese '
            'steel to 50%" misstated the effective date.')
    assert extract(doc(body, "2025-06-11T08:00")) == []


def test_expiry_needs_a_stated_date():
    pub = "2025-07-01T12:00"
    assert types("The 90-day pause on Chinese goods runs out soon, traders said.", pub) == []
    # a colon introduces the date ...
    assert [r[:4] for r in rows("The suspension of U.S. tariffs on Chinese goods has an expiry date: November 10.", pub)] == [
        ("tariff_deadline", "set", D(2025, 7, 1), D(2025, 11, 10))]
    # ... and an "unless" clause qualifies the statement, it does not negate it
    assert [r[:4] for r in rows("The pause on Chinese tariffs expires on December 5, 2026, unless extended.", pub)] == [
        ("tariff_deadline", "set", D(2025, 7, 1), D(2026, 12, 5))]


def test_aimed_for_extension_is_not_an_extension():
    body = "The two sides will seek to keep the suspension of the tariffs in place for a further 90 days."
    assert types(body, "2025-07-29T12:00") == []


def test_keep_suspended_for_a_further_period_is_an_extension():
    # press release with a hyphenated object ("U.S.-origin goods")
    body = ("The Customs Tariff Commission announced on Tuesday that it will keep 24 percentage points of the "
            "counter-tariffs on U.S.-origin goods suspended for a further 90 days.")
    got = [r for r in ev(body, "2025-08-12T10:00") if r[0] == "tariff_deadline"]
    assert got == [("tariff_deadline", "extend", D(2025, 8, 12), D(2025, 11, 10), None, None, ("CN",), None)]


def test_each_governments_extension_is_its_own_deadline_event():
    body = ("Washington on Monday extended the suspension of its higher tariffs until Nov. 10. "
            "Beijing on Tuesday also extended the suspension of its own counter-tariffs until Nov. 10.")
    got = sorted((e.actors[0], e.occurred_on) for e in extract(doc(body, "2025-08-13T08:00"))
                 if e.event_type == "tariff_deadline")
    assert got == [("CN", D(2025, 8, 12)), ("US", D(2025, 8, 11))]


def test_the_same_period_adds_no_second_deadline():
    body = ("Washington suspended 24 points of its tariff for 90 days from May 14. China, for its part, "
            "suspended 24 points of its counter-tariff for the same 90-day period.")
    got = [e.deadline for e in extract(doc(body, "2025-05-12T12:00")) if e.event_type == "tariff_deadline"]
    assert got == [D(2025, 8, 12)]


def test_future_step_is_not_dated_by_the_measure_it_undoes():
    body = "Beijing will lift the export ban on gallium for U.S. buyers that it imposed in March."
    got = sorted((e.action, e.occurred_on, e.commodity) for e in extract(doc(body, "2025-11-09T12:00")))
    assert got == [("impose", D(2025, 3, 16), "critical_minerals"), ("lift", D(2025, 11, 9), "critical_minerals")]


def test_commodity_of_a_measure_named_by_its_date():
    body = ("On Oct. 9 Beijing tightened its export controls on rare earths.\n\n"
            "Under the deal, China will suspend for one year the export control measures it introduced on Oct. 9.")
    got = sorted((e.action, e.occurred_on, e.commodity) for e in extract(doc(body, "2025-10-30T12:00")))
    assert ("suspend", D(2025, 10, 30), "rare_earths") in got
    assert ("tighten", D(2025, 10, 9), "rare_earths") in got


def test_specific_verb_names_the_action_of_a_re_reported_measure():
    body = "Beijing announced on Thursday new curbs that broaden export controls on graphite."
    assert [r[:2] + r[4:5] for r in rows(body, "2025-10-10T08:00")] == [
        ("export_control", "tighten", "critical_minerals")]


def test_listed_easing_steps_stay_apart():
    # fact sheet: two easing steps on one commodity, one list item each
    body = ("China will take these steps for U.S. end users:\n- Suspend the export controls on rare earths.\n"
            "- Issue general licences for exports of rare earths.")
    got = sorted(e.action for e in extract(doc(body, "2025-11-01T12:00")))
    assert got == ["ease", "suspend"]


def test_provided_clause_qualifies_an_approval():
    body = ("Beijing said on Friday it would approve export licences for rare earths, provided applicants "
            "comply with the law.")
    assert [r[:3] + r[4:5] for r in rows(body, "2025-06-28T08:00")] == [
        ("export_control", "approve", D(2025, 6, 27), "rare_earths")]


def test_a_leaders_would_impose_is_a_threat_a_ministrys_is_a_step():
    got = ev("Trump wrote on social media on Sunday that the U.S. would impose a 50% tariff on Chinese cars.",
             "2025-10-13T08:00")
    assert [(r[1], r[2], r[5]) for r in got] == [("threaten", D(2025, 10, 12), 50.0)]
    got = ev("China's commerce ministry said on Sunday it would impose a 15% tariff on U.S. coal.", "2025-10-13T08:00")
    assert [(r[1], r[2], r[5], r[6]) for r in got] == [("impose", D(2025, 10, 12), 15.0, ("CN",))]


def test_took_effect_is_when_the_step_applies_not_a_second_step():
    body = "Beijing said on Friday it would raise its tariff on U.S. goods to 125%, a measure that takes effect on Saturday."
    (e,) = extract(doc(body, "2025-04-12T08:00"))
    assert (e.action, e.occurred_on, e.effective_on, e.rate_pct, e.actors[0]) == (
        "raise", D(2025, 4, 11), D(2025, 4, 12), 125.0, "CN")
    (e,) = extract(doc("The U.S. increase to 84% took effect early Wednesday.", "2025-04-10T08:00"))
    assert (e.event_type, e.action, e.occurred_on, e.rate_pct) == ("tariff_change", "raise", D(2025, 4, 9), 84.0)


def test_object_of_a_transitive_verb_is_not_the_acting_party():
    # a clause with an elided subject: the government after "singled out" is the target
    body = "The White House on Tuesday spared most partners, but singled out China, raising its tariff to 50%."
    assert [(r[1], r[5], r[6]) for r in ev(body, "2025-03-12T08:00")] == [("raise", 50.0, ("US",))]


def test_deadline_from_duration_counted_from_a_stated_start():
    # press release: "for 90 days from May 14" -> Aug. 12; a one-year suspension from Nov. 10
    body = "Washington and Beijing will suspend 24 percentage points of their tariffs for 90 days from May 14."
    got = [r for r in rows(body, "2025-05-12T10:00") if r[0] == "tariff_deadline"]
    assert [(r[1], r[3]) for r in got] == [("set", D(2025, 8, 12))]
    body = ("The United States will keep the higher reciprocal tariffs on Chinese goods suspended for one year "
            "beginning November 10, 2025.")
    got = [r for r in rows(body, "2025-11-01T10:00") if r[0] == "tariff_deadline"]
    assert [(r[1], r[3]) for r in got] == [("extend", D(2026, 11, 10))]


def test_unresolvable_start_gives_no_deadline():
    # a duration with nothing to count from, in a past-tense background sentence
    assert types("Earlier, the two sides had paused some tariffs for 90 days.", "2025-06-10T12:00") == []


def test_present_tense_report_is_dated_by_publication_not_by_the_sentence_before():
    # live blog: the previous sentence's month belongs to another measure
    body = ("14:05 KST - The U.S. rule on Chinese chip firms was adopted in September. "
            "The ministry says the two sides reached consensus on tariff cuts.")
    got = [(e.action, e.occurred_on) for e in extract(doc(body, "2025-10-30T08:00")) if e.event_type == "agreement"]
    assert got == [("reach", D(2025, 10, 30))]


# ---------------------------------------------------------------- rules-1.2.0: identity fields of re-reports

def test_participle_inside_noun_phrase_is_not_the_action():
    # the clause's main verb ("will cut") is the step; "charged" only names the levy
    body = "Washington will cut the levy charged on Chinese steel since the spring to 15%, officials said on Thursday."
    assert rows(body, "2025-07-11T12:00") == [
        ("tariff_change", "lower", D(2025, 7, 10), None, None, 15.0, ("US", "CN"))]


def test_possessor_is_the_agent_of_a_nominalised_step():
    body = "Soybean futures rose on Thursday in reaction to Washington's tightening of chip export controls on Wednesday."
    assert [(r[0], r[1], r[6][0]) for r in rows(body, "2025-09-12T12:00")] == [("export_control", "tighten", "US")]
    body = "Markets slid on Tuesday after Beijing's broadening of rare-earth export controls on Monday."
    assert [(r[0], r[1], r[4], r[6][0]) for r in rows(body, "2025-09-16T12:00")] == [
        ("export_control", "tighten", "rare_earths", "CN")]


def test_list_items_inherit_the_lead_lines_government():
    body = ("Under the agreement, the United States commits to the following:\n"
            "- Remove the duties on Chinese solar panels that it imposed in May.\n"
            "- Suspend for six months the chip export controls it announced on July 2.")
    got = rows(body, "2025-09-20T12:00")
    assert got and all(r[6][0] == "US" for r in got)
    assert ("tariff_change", "remove", D(2025, 9, 20), None, None, None, ("US", "CN")) in got
    assert any(r[0] == "export_control" and r[1] == "suspend" for r in got)


def test_reported_speech_acting_party_is_the_complement_subject():
    body = "China's foreign ministry said on Friday that the American side would scrap the 25% duty on Chinese cranes."
    assert [(r[1], r[6][0]) for r in rows(body, "2025-09-19T12:00")] == [("remove", "US")]


def test_standing_rate_is_not_the_rate_a_step_sets():
    body = ("The United States will keep its 30% tariff on Chinese batteries in place and lower its duty on "
            "Chinese toys to 5%, the White House said on Monday.")
    assert [(r[1], r[5]) for r in rows(body, "2025-09-22T12:00")] == [("lower", 5.0)]
    body = "China cut its tariff on U.S. wheat to 5% on Monday, with the 10% levy on U.S. corn still in place."
    assert [(r[1], r[5]) for r in rows(body, "2025-09-23T12:00")] == [("lower", 5.0)]


def test_removal_names_the_measures_rate_but_sets_none():
    assert [(r[1], r[5]) for r in rows("China removed the 12% tariffs on U.S. beef on Tuesday.", "2025-09-24T12:00")] == [
        ("remove", None)]


def test_coordinated_dates_stay_with_their_trigger():
    body = "The further increases China announced on April 9 and April 11 will be rolled back, officials said on Monday."
    got = rows(body, "2025-05-12T12:00")
    easing = [r for r in got if r[1] in ("lower", "remove", "suspend")]
    assert [r[2] for r in easing] == [D(2025, 5, 12)]
