"""rules-1.4.0: wording the dev set does not use. Timelines headed by dates,
questions, rates written in words or "per cent", nominalised steps, passive
agents, verb-object export bans, rounds of talks over several days, meetings
no government attends, a sentence that only says when a measure applies, and
interest rates that are not tariffs. Every sentence here is written for this
test, in the styles of held-out articles (explainers, British papers, briefings).
"""
import datetime as dt

from pipeline.extract import EXTRACTOR_VERSION, extract
from tests.documents import feed_document, extracted_rows as rows

D = dt.date


def doc(body, published):
    return feed_document(body, published, "doc_test14", "https://example.test/r14")


def test_version():
    # rules-1.4.0's cases hold in later versions too
    major, minor, _ = (int(x) for x in EXTRACTOR_VERSION.removeprefix("rules-").split("."))
    assert (major, minor) >= (1, 4)


# ---------------------------------------------------------------- timelines

def test_timeline_items_are_dated_by_their_heading():
    body = ("A chronology of the dispute.\n\n"
            "- Mar. 3: Washington doubles its fentanyl levy on Chinese goods to 20%.\n\n"
            "- Apr. 2: \"Liberation Day.\" A 34% reciprocal tariff on China is announced.\n\n"
            "- Apr. 4: China matches with 34% on all US goods and restricts exports of seven rare earths.\n\n"
            "- Apr. 9: China raises its own rate on US goods to 84%. Hours later Trump lifts the US tariff to 125%.\n")
    assert rows(body, "2025-04-14T08:00") == [
        ("tariff_change", "raise", D(2025, 3, 3), 20.0, None, ("US", "CN")),
        ("tariff_change", "impose", D(2025, 4, 2), 34.0, None, ("US", "CN")),
        ("tariff_change", "impose", D(2025, 4, 4), 34.0, None, ("CN", "US")),
        ("export_control", "impose", D(2025, 4, 4), None, "rare_earths", ("CN", "US")),
        ("tariff_change", "raise", D(2025, 4, 9), 84.0, None, ("CN", "US")),
        ("tariff_change", "raise", D(2025, 4, 9), 125.0, None, ("US", "CN")),
    ]


def test_a_future_step_under_a_heading_keeps_its_own_time():
    body = "- Apr. 11: China raises its tariff to 125% and says it will ignore any further US increases.\n"
    assert rows(body, "2025-04-14T08:00") == [("tariff_change", "raise", D(2025, 4, 11), 125.0, None, ("CN", "US"))]


def test_a_threat_named_only_by_its_rate():
    assert rows("- Apr. 7: Trump threatens a further 50% unless Beijing backs down.", "2025-04-14T08:00") == [
        ("tariff_change", "threaten", D(2025, 4, 7), 50.0, None, ("US", "CN"))]


# ---------------------------------------------------------------- not events

def test_a_question_asserts_nothing():
    assert rows("Will Mr Trump and Mr Xi meet at the summit in Gyeongju next month?", "2025-10-01T08:00") == []
    assert rows("Did Beijing really lift its export controls on gallium last week?", "2025-10-01T08:00") == []


def test_the_possibility_of_a_meeting_is_not_a_meeting():
    body = "The possibility of a meeting between the two presidents in November was raised by officials on Monday."
    assert rows(body, "2025-10-01T08:00") == []


def test_a_meeting_no_government_attends_is_not_talks():
    body = ("President Trump and Xi Jinping met in Busan last week. The county grain cooperative will host "
            "an open meeting on Nov. 12 for growers worried about exports.")
    assert [r[:3] for r in rows(body, "2025-11-03T08:00")] == [("leader_contact", "meeting", D(2025, 10, 30))]


def test_interest_rates_are_not_tariffs():
    body = ("China cut its tariff on American goods to 10% on Monday, while the central bank, which cut rates last "
            "week, held borrowing costs steady.")
    assert rows(body, "2025-05-14T08:00") == [("tariff_change", "lower", D(2025, 5, 12), 10.0, None, ("CN", "US"))]


def test_non_tariff_countermeasures_are_not_tariffs():
    body = "On Tuesday Beijing also removed the non-tariff countermeasures it had taken against US firms."
    assert rows(body, "2025-05-14T08:00", "tariff_change") == []


# ---------------------------------------------------------------- wording

def test_rates_in_words_and_per_cent():
    body = ("President Trump signed an order on Monday doubling the duty on Chinese imports from ten per cent "
            "to twenty per cent.")
    assert rows(body, "2025-03-05T08:00") == [("tariff_change", "raise", D(2025, 3, 3), 20.0, None, ("US", "CN"))]
    body = "Under the statement, America lowered its levy on Chinese goods from 125 per cent to 10 per cent on Monday."
    assert rows(body, "2025-05-13T08:00") == [("tariff_change", "lower", D(2025, 5, 12), 10.0, None, ("US", "CN"))]


def test_a_bound_is_not_a_rate():
    body = ("Economists say the step on Wednesday raised the average US tariff on Chinese goods above forty per cent.")
    assert rows(body, "2025-11-06T08:00") == [("tariff_change", "raise", D(2025, 11, 5), None, None, ("US", "CN"))]


def test_nominalised_steps_and_passive_agents():
    body = ("The imposition of licence requirements on chip-design software sales to China by the US Commerce "
            "Department on May 23 angered Beijing.")
    assert rows(body, "2025-06-28T08:00") == [
        ("export_control", "impose", D(2025, 5, 23), None, "technology", ("US", "CN"))]
    body = "Buyers still wait for licences under the rare-earth export controls introduced by China on 4 April."
    assert rows(body, "2025-06-28T08:00") == [
        ("export_control", "impose", D(2025, 4, 4), None, "rare_earths", ("CN", "US"))]


def test_verb_object_export_bans_and_regimes():
    body = "On Tuesday China banned exports of gallium and germanium to the United States."
    assert rows(body, "2024-12-04T08:00") == [
        ("export_control", "impose", D(2024, 12, 3), None, "critical_minerals", ("CN", "US"))]
    body = "On 9 October the commerce ministry widened its rare-earth regime to cover foreign-made magnets."
    assert rows(body, "2025-10-14T08:00") == [
        ("export_control", "tighten", D(2025, 10, 9), None, "rare_earths", ("CN", "US"))]


def test_the_name_right_before_the_verb_is_its_subject():
    body = ("Earlier this month Beijing unveiled sweeping new rules on rare-earth exports, and the next day "
            "Mr Trump threatened an additional 100% tariff on Chinese goods.")
    threats = [r for r in rows(body, "2025-10-28T08:00", "tariff_change") if r[1] == "threaten"]
    assert [(r[3], r[5]) for r in threats] == [(100.0, ("US", "CN"))]


def test_coordinated_subjects_act_jointly():
    body = "The United States and China agreed on Monday on a framework for TikTok."
    assert rows(body, "2025-09-16T08:00") == [("agreement", "reach", D(2025, 9, 15), None, None, ("US", "CN"))]


def test_agreed_to_take_measures_is_an_agreement():
    body = "On Monday the United States and China agreed to take the following measures by May 14."
    assert [r[:3] for r in rows(body, "2025-05-13T08:00")] == [("agreement", "reach", D(2025, 5, 12))]


def test_pushing_back_an_expiry_is_an_extension():
    body = "On Monday Washington and Beijing pushed back the expiry of their tariff truce to November 10."
    got = [(e.event_type, e.action, e.occurred_on, e.deadline) for e in extract(doc(body, "2025-08-13T08:00"))]
    assert ("tariff_deadline", "extend", D(2025, 8, 11), D(2025, 11, 10)) in got


def test_relative_dates_written_differently():
    pub = "2025-12-03T08:00"
    body = "A year ago today, China's commerce ministry banned exports of gallium and germanium to the United States."
    assert rows(body, pub) == [("export_control", "impose", D(2024, 12, 3), None, "critical_minerals", ("CN", "US"))]
    body = ("On Tuesday the US and China extended their truce, which now runs out in thirteen days. "
            "The same day Beijing placed export controls on tungsten.")
    got = [(e.event_type, e.occurred_on, e.deadline) for e in extract(doc(body, "2025-10-28T08:00"))]
    assert ("tariff_deadline", D(2025, 10, 28), D(2025, 11, 10)) in got
    assert ("export_control", D(2025, 10, 28), None) in got


def test_effect_dates_with_a_time_of_day():
    body = "The United States raised its tariff on Chinese goods to 125% on Wednesday; the rate takes effect at 12:01 a.m. on Thursday."
    got = [(e.event_type, e.occurred_on, e.effective_on, e.rate_pct) for e in extract(doc(body, "2025-04-09T18:00"))]
    assert got == [("tariff_change", D(2025, 4, 9), D(2025, 4, 10), 125.0)]


# ---------------------------------------------------------------- dates

def test_a_round_over_consecutive_days_is_dated_by_its_first_day():
    body = "US and Chinese negotiators held two days of talks in Geneva on Saturday and Sunday."
    assert [r[:3] for r in rows(body, "2025-05-13T08:00")] == [("talks", "hold", D(2025, 5, 10))]


def test_an_undated_step_takes_the_day_of_the_sentence_s_dated_happening():
    body = ("After Thursday's meeting between President Trump and President Xi in Busan, Trump told reporters the "
            "two sides had reached an agreement on a range of issues.")
    assert sorted(r[:3] for r in rows(body, "2025-11-02T08:00")) == [
        ("agreement", "reach", D(2025, 10, 30)), ("leader_contact", "meeting", D(2025, 10, 30))]


def test_a_sentence_that_only_says_when_the_measure_applies():
    body = ("The United States on Wednesday raised the tariff on Chinese imports to 125%. Officials said the "
            "higher rate takes effect on Thursday.")
    got = [(e.event_type, e.action, e.occurred_on, e.rate_pct) for e in extract(doc(body, "2025-04-09T18:00"))]
    assert got == [("tariff_change", "raise", D(2025, 4, 9), 125.0)]


def test_a_happening_the_clause_denies_or_only_floats():
    pub = "2025-03-05T08:00"
    body = "A call between the two presidents that was widely expected last month has not taken place."
    assert rows(body, pub) == []
    body = "A meeting between Mr Trump and Xi Jinping has been floated for later in the year."
    assert rows(body, pub) == []
    body = "A meeting between the two leaders would then be unlikely to happen at all."
    assert rows(body, pub) == []


def test_a_denial_past_a_relative_clause_is_the_main_clause_s():
    body = ("An extension of the 90-day tariff pause, which is due to lapse on 12 August, has not been "
            "discussed by Washington and Beijing.")
    got = [(e.event_type, e.action, e.deadline) for e in extract(doc(body, "2025-06-28T08:00"))]
    assert got == [("tariff_deadline", "set", D(2025, 8, 12))]


def test_a_chronology_in_the_present_tense_recounts_the_past():
    body = "Feb. 1: Trump signs an order adding 10% to tariffs on all Chinese imports, citing fentanyl."
    assert rows(body, "2025-11-12T12:00") == [("tariff_change", "impose", D(2025, 2, 1), 10.0, None, ("US", "CN"))]


def test_loose_talk_is_not_an_event():
    # (the cue reaches 90 characters: a longer coordination escapes it)
    body = "There is loose talk of a Trump-Xi summit in the autumn, and of another extension of the tariff pause."
    assert rows(body, "2025-09-17T08:00") == []


def test_the_two_sides_met_is_talks_even_beside_the_leaders():
    body = "The two sides met in Madrid on Sept. 14, and Trump and Xi spoke by phone on Sept. 19."
    got = sorted((r[0], r[1], r[2]) for r in rows(body, "2025-10-01T08:00"))
    assert got == [("leader_contact", "call", D(2025, 9, 19)), ("talks", "hold", D(2025, 9, 14))]


def test_a_leader_s_would_add_reported_with_he_said_is_a_threat():
    body = ("Looming over the talks is the threat Trump issued on Oct. 10, when he said he would add a 100% "
            "tariff on Chinese goods.")
    assert rows(body, "2025-10-24T08:00", "tariff_change") == [
        ("tariff_change", "threaten", D(2025, 10, 10), 100.0, None, ("US", "CN"))]


def test_numeric_dates():
    body = "On 12.05.2025 the United States and China agreed to cut their tariffs to 10%."
    assert sorted(r[:3] for r in rows(body, "2025-06-01T08:00")) == [
        ("agreement", "reach", D(2025, 5, 12)), ("tariff_change", "lower", D(2025, 5, 12))]
    body = "Washington raised its tariff on Chinese goods to 125% on 4/9/2025."
    assert [r[:3] for r in rows(body, "2025-06-01T08:00")] == [("tariff_change", "raise", D(2025, 4, 9))]


def test_a_scorecard_round_is_not_talks():
    body = "ROUND 3 (Apr 2). Trump announces a 34% tariff on Chinese goods. Round to USA, 10-9."
    assert [r[0] for r in rows(body, "2025-10-12T08:00")] == ["tariff_change"]


def test_pushing_the_deadline_out_to_a_date():
    body = ("We were relieved that on Monday the administration pushed the deadline on the tariffs suspended for "
            "China out another 90 days to November 10.")
    got = [(e.event_type, e.occurred_on, e.deadline) for e in extract(doc(body, "2025-08-13T08:00"))]
    assert ("tariff_deadline", D(2025, 8, 11), D(2025, 11, 10)) in got
    assert all(e[1] != D(2024, 11, 10) for e in got)


def test_to_be_levied_from_is_the_same_measure_s_start():
    body = ("China on Friday announced a 34 per cent additional duty on all goods imported from the United States, "
            "to be levied from April 10, leaving exporters recalculating their margins over the weekend.")
    got = [(e.event_type, e.action, e.occurred_on, e.effective_on, e.rate_pct) for e in extract(doc(body, "2025-04-05T07:40"))]
    assert got == [("tariff_change", "impose", D(2025, 4, 4), D(2025, 4, 10), 34.0)]
