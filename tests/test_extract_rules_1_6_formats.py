"""rules-1.6 (formats style set): wording that unusual formats share with ordinary
news -- briefs, transcripts, policy briefs, Q&As and timelines. Sentences are
taken from the formats style set or written for this test; "not an event" cases
check that each rule stays inside its wording.
"""
import datetime as dt

from tests.documents import extracted_rows as rows, extracted_fields as fields

D = dt.date
US_CN, CN_US = ("US", "CN"), ("CN", "US")


DEADLINE = ("event_type", "action", "occurred_on", "deadline", "actors")


# ------------------------------------------------- "extended ... by 90 days"

def test_an_extension_by_a_duration_sets_the_deadline():
    # formats m11: the flash brief's dated line
    assert fields("- 12.08.2025, Beijing (Tuesday): China's tariff commission extends its own 24-pt "
                  "suspension by 90 days; 10% stays.", "2025-08-12T16:40", DEADLINE) == [
        ("tariff_deadline", "extend", D(2025, 8, 12), D(2025, 11, 10), CN_US)]
    assert fields("Beijing on Tuesday extended the suspension of its 24% duty by 90 days.",
                  "2025-08-12T16:40", DEADLINE) == [
        ("tariff_deadline", "extend", D(2025, 8, 12), D(2025, 11, 10), CN_US)]
    assert fields("Washington on Monday extended the tariff truce by three months.",
                  "2025-08-12T16:40", DEADLINE, "tariff_deadline") == [
        ("tariff_deadline", "extend", D(2025, 8, 11), D(2025, 11, 11), US_CN)]


def test_a_delay_by_a_duration_is_no_deadline():
    assert rows("Shipments were delayed by 90 days after the tariff hike.", "2025-08-12T16:40") == []


# ------------------------------------------------- "considering cutting"

def test_considering_a_step_floats_it():
    # formats m12: a newspaper report of a step under consideration
    assert rows("The confusion began on Wednesday with a newspaper report that the White House was "
                "considering cutting its tariffs on Chinese goods to somewhere between 50 and 65 "
                "percent.", "2025-04-24T09:00") == []
    assert rows("Officials are considering raising the tariff on Chinese goods to 50 percent.",
                "2025-04-24T09:00") == []


def test_considering_before_a_comma_leaves_the_step_asserted():
    assert rows("On Wednesday the White House, after considering several options, cut its tariffs on "
                "Chinese goods to 65 percent.", "2025-04-24T09:00") == [
        ("tariff_change", "lower", D(2025, 4, 23), 65.0, None, US_CN)]


# ------------------------------------------------- "on 12 September, two days before ..."

def test_a_day_counted_from_the_date_before_it_is_no_second_day_of_the_step():
    # formats m14: the apposition dates the talks in its complement, not a second listing
    assert rows("On 12 September, two days before the delegations sat down, the Commerce Department "
                "added 23 Chinese entities to its Entity List.", "2025-09-22T09:00", "export_control") == [
        ("export_control", "impose", D(2025, 9, 12), None, "technology", US_CN)]
    assert rows("Beijing put export licences on graphite on 3 October, a week before the talks opened.",
                "2025-10-20T09:00", "export_control") == [
        ("export_control", "impose", D(2025, 10, 3), None, "critical_minerals", CN_US)]


def test_coordinated_days_still_give_one_step_each():
    assert rows("China imposed export controls on gallium on 3 July and 4 August.", "2025-09-22T09:00") == [
        ("export_control", "impose", D(2025, 7, 3), None, "critical_minerals", CN_US),
        ("export_control", "impose", D(2025, 8, 4), None, "critical_minerals", CN_US)]


# ------------------------------------------------- "a telephone call on 19 September"

def test_a_telephone_call_on_a_day_is_a_call():
    # ("call on" alone is "urge"; "telephone call" is the noun, like "phone call")
    assert rows("Trump and Xi held a telephone call on 19 September.", "2025-09-22T09:00") == [
        ("leader_contact", "call", D(2025, 9, 19), None, None, US_CN)]
    assert rows("Trump and Xi held a phone call on Friday.", "2025-09-22T09:00") == [
        ("leader_contact", "call", D(2025, 9, 19), None, None, US_CN)]


def test_to_call_on_someone_is_no_call():
    assert rows("Trump said he would call on Xi to lift the rare-earth controls.", "2025-09-22T09:00",
                "leader_contact") == []


# ------------------------------------------------- "ROUND 2 (Mar 4)." heads its paragraph

def test_month_abbreviations_without_a_point_are_dates():
    # formats m03: scorecards and tables write "Mar 4", "Sep 29"
    assert rows("The US doubled the fentanyl levy to 20% on Mar 4.", "2025-10-12T08:00") == [
        ("tariff_change", "raise", D(2025, 3, 4), 20.0, None, US_CN)]
    assert rows("On Sep 29 the Commerce Department extended its export blacklist to affiliates.",
                "2025-10-12T08:00") == [
        ("export_control", "tighten", D(2025, 9, 29), None, "technology", US_CN)]


def test_a_month_abbreviation_inside_a_word_or_in_lower_case_is_no_date():
    from pipeline.extract.dates import find_dates
    assert find_dates("Guard Omar 4 scored twice; we sep 29 items.", D(2025, 10, 12)) == []
    assert [d.value for d in find_dates("ROUND 2 (Mar 4).", D(2025, 10, 12))] == [D(2025, 3, 4)]


def test_a_label_and_date_line_heads_its_paragraph():
    # formats m03: the round's date governs the steps told in the present under it
    assert fields("ROUND 5 (Aug 11). USA extends the pause on the suspended tariffs to Nov 10.",
                  "2025-10-12T08:00", DEADLINE, "tariff_deadline") == [
        ("tariff_deadline", "extend", D(2025, 8, 11), D(2025, 11, 10), US_CN)]
    assert rows("ROUND 2 (Mar 4). USA doubles the fentanyl levy to 20%.", "2025-10-12T08:00") == [
        ("tariff_change", "raise", D(2025, 3, 4), 20.0, None, US_CN)]
    assert rows("Wednesday. Beijing raises its rate on US goods to 84%.", "2025-10-12T08:00") == [
        ("tariff_change", "raise", D(2025, 10, 8), 84.0, None, CN_US)]


def test_a_sentence_with_a_verb_heads_nothing_and_a_heading_does_not_date_a_future_step():
    assert fields("Talks ended on Aug 11. The US extends the pause on the suspended tariffs to Nov 10.",
                  "2025-10-12T08:00", DEADLINE, "tariff_deadline") == [
        ("tariff_deadline", "extend", D(2025, 10, 12), D(2025, 11, 10), US_CN)]
    assert rows("Phase one (Sep 29). Washington will widen its export blacklist to affiliates.",
                "2025-10-12T08:00") == [
        ("export_control", "tighten", D(2025, 10, 12), None, "technology", US_CN)]


# ------------------------------------------------- "the suspended tariffs" names a standing measure

def test_the_suspended_tariffs_name_a_standing_pause_not_a_new_one():
    # formats m07: the extension is a deadline step; "the suspended tariffs" suspends nothing anew
    assert fields("On Monday the administration pushed the deadline on the suspended tariffs out another "
                  "90 days, to November 10.", "2025-08-14T09:00", ("event_type", "action", "occurred_on", "deadline")) == [
        ("tariff_deadline", "extend", D(2025, 8, 11), D(2025, 11, 10))]
    assert fields("ROUND 5 (Aug 11). USA extends the pause on the suspended tariffs to Nov 10.",
                  "2025-10-12T08:00", ("event_type", "action", "occurred_on", "deadline")) == [
        ("tariff_deadline", "extend", D(2025, 8, 11), D(2025, 11, 10))]


def test_a_government_that_suspended_tariffs_still_suspends():
    assert rows("On Monday the White House suspended tariffs on Chinese goods for 90 days.",
                "2025-10-12T08:00", "tariff_change") == [
        ("tariff_change", "suspend", D(2025, 10, 6), None, None, US_CN)]


# ------------------------------------------------- vocabulary: "took the tariff to", "stretched"

def test_taking_a_tariff_to_a_rate_raises_it():
    # formats m07 and m03: "took the China tariff to 145 percent", "takes its reciprocal rate to 125%"
    assert rows("China and the US. When Washington took the China tariff to 145 percent in April, we "
                "stopped shipping.", "2025-08-14T09:00") == [
        ("tariff_change", "raise", D(2025, 4, 15), 145.0, None, US_CN)]
    assert rows("USA takes its reciprocal rate to 125% on Apr 9; CHINA replies with 125% on Apr 11.",
                "2025-10-12T08:00") == [
        ("tariff_change", "raise", D(2025, 4, 9), 125.0, None, US_CN),
        ("tariff_change", "impose", D(2025, 4, 11), 125.0, None, CN_US)]


def test_taking_time_to_cut_a_tariff_is_no_raise():
    assert rows("China and the US. It took the administration three weeks to cut tariffs to 10% in May.",
                "2025-08-14T09:00") == [
        ("tariff_change", "lower", D(2025, 5, 16), 10.0, None, US_CN)]


def test_stretching_export_blacklists_tightens_them():
    # formats m03: the affiliates rule "stretches export blacklists to any company 50% owned"
    assert rows("On Sept. 29 the Commerce Department's affiliates rule stretched export blacklists to any "
                "company 50% owned by a listed firm.", "2025-10-12T08:00") == [
        ("export_control", "tighten", D(2025, 9, 29), None, "technology", US_CN)]


# ------------------------------------------------- a question presupposes the measure it names

def test_a_question_presupposes_a_measure_named_in_its_noun_phrase():
    # formats m06: a transcript's question names the threat as background
    assert rows("China and the US. And the 100 percent tariff he threatened earlier this month?",
                "2025-10-30T19:00") == [
        ("tariff_change", "threaten", D(2025, 10, 15), 100.0, None, US_CN)]
    assert rows("China and the US. Will the tariffs Washington imposed in April be lifted?",
                "2025-10-30T19:00") == [
        ("tariff_change", "impose", D(2025, 4, 15), None, None, US_CN)]


def test_a_question_asserts_no_step_of_its_own():
    assert rows("China and the US. Will Washington impose new tariffs in April?", "2025-10-30T19:00") == []
    assert rows("China and the US. Will the tariffs imposed on Chinese goods be lifted?",
                "2025-10-30T19:00") == []


# ------------------------------------------------- "reached ... when the two leaders met ... on October 30"

def test_a_when_clause_dates_the_step_it_follows():
    # formats m04: the press release dates the deal only through the meeting
    assert rows("\"We thank President Trump and his team for the agreement the President reached with "
                "President Xi Jinping when the two leaders met in Busan on October 30.\"",
                "2025-11-06T09:00") == [
        ("agreement", "reach", D(2025, 10, 30), None, None, US_CN),
        ("leader_contact", "meeting", D(2025, 10, 30), None, None, US_CN)]
    assert rows("China and the US reached a deal on tariffs when their negotiators met in Geneva on May 12.",
                "2025-11-06T09:00") == [
        ("agreement", "reach", D(2025, 5, 12), None, None, CN_US),
        ("talks", "hold", D(2025, 5, 12), None, None, CN_US)]


def test_a_when_clause_does_not_date_a_future_step():
    assert rows("China and the US will sign the deal when Trump and Xi meet in Busan on October 30.",
                "2025-10-20T09:00") == [
        ("leader_contact", "meeting", D(2025, 10, 30), None, None, CN_US)]


# ------------------------------------------------- "the joint statement issued on 12 May"

def test_issuing_a_joint_statement_reaches_the_agreement():
    # formats m02: the policy brief dates the Geneva deal by its joint statement
    assert rows("China and the US. In the joint statement issued on 12 May, each side undertook to reduce "
                "its reciprocal rate from 125 to 10 per cent.", "2025-05-19T09:00") == [
        ("agreement", "reach", D(2025, 5, 12), None, None, US_CN),
        ("tariff_change", "lower", D(2025, 5, 12), 10.0, None, US_CN)]
    assert rows("The US and China issued a joint statement on 12 May.", "2025-05-19T09:00") == [
        ("agreement", "reach", D(2025, 5, 12), None, None, US_CN)]


def test_issuing_a_statement_or_fact_sheet_on_a_deal_reaches_nothing():
    assert rows("China and the US. Beijing issued a statement on the deal on Friday.", "2025-05-19T09:00") == []
    assert rows("China and the US. The White House issued a fact sheet on the agreement on Friday.",
                "2025-05-19T09:00") == []


# ------------------------------------------------- "announced it would remove ..."

def test_steps_announced_for_later_take_the_reports_date_and_announced_is_no_measure():
    # formats m10: the paragraph opens with the day it tells of
    assert fields("Rewind to Wednesday, November 5. China's tariff commission announced it would remove the "
                  "retaliatory tariffs of up to 15 percent on U.S. farm goods and keep suspending its 24 "
                  "percent additional duty for another year, to November 10, 2026.", "2025-11-11T09:00",
                  ("event_type", "action", "occurred_on", "deadline", "rate_pct", "actors")) == [
        ("tariff_change", "remove", D(2025, 11, 5), None, 15.0, CN_US),
        ("tariff_deadline", "extend", D(2025, 11, 5), D(2026, 11, 10), None, CN_US)]
    assert rows("China's tariff commission announced it would remove the retaliatory tariffs on U.S. farm "
                "goods.", "2025-11-11T09:00") == [
        ("tariff_change", "remove", D(2025, 11, 11), None, None, CN_US)]


def test_a_step_announced_with_its_own_date_keeps_it():
    assert rows("Beijing said on Friday it would impose a 15% tariff on US coal from Monday.",
                "2025-11-11T09:00") == [
        ("tariff_change", "impose", D(2025, 11, 7), 15.0, None, CN_US)]


# ------------------------------------------------- officials who met are no leaders' meeting

def test_officials_meeting_is_talks_not_a_leaders_meeting():
    # formats m10: "the two presidents" are named, but as approving the outline
    assert rows("Treasury Secretary Scott Bessent and Vice Premier He Lifeng met there on October 25 and 26 "
                "and produced the outline the two presidents approved.", "2025-11-11T09:00") == [
        ("talks", "hold", D(2025, 10, 25), None, None, US_CN)]


def test_leaders_who_met_still_meet_whoever_reports_it():
    assert rows("Trump and Xi Jinping met in Busan on October 30.", "2025-11-11T09:00") == [
        ("leader_contact", "meeting", D(2025, 10, 30), None, None, US_CN)]
    assert rows("Bessent said the two leaders met in Busan on October 30.", "2025-11-11T09:00") == [
        ("leader_contact", "meeting", D(2025, 10, 30), None, None, US_CN)]


# ------------------------------------------------- "as soon as possible" floats nothing

def test_as_soon_as_possible_is_no_speculation():
    # formats m05: the call named in a long translated answer is asserted
    assert rows("Answer: We urge the US side to correct its wrong practices as soon as possible, to follow "
                "the guidance given by the two heads of state in their telephone call of 19 September, and "
                "to resolve concerns through dialogue with China.", "2025-10-12T09:00") == [
        ("leader_contact", "call", D(2025, 9, 19), None, None, US_CN)]


def test_possibly_and_it_is_possible_still_float_a_step():
    assert rows("Trump and Xi could possibly speak by phone on Friday.", "2025-10-12T09:00") == []
    assert rows("It is possible that Trump and Xi will hold a phone call on Friday.", "2025-10-12T09:00") == []


# ------------------------------------------------- ", and today ..." opens a clause; "his team met"

def test_and_today_opens_a_clause_of_its_own():
    # formats m06: the talks keep their own "last weekend"; the team's meeting is no leaders' meeting
    assert rows("That was already the message from Treasury Secretary Bessent after his team met the Chinese "
                "side in Kuala Lumpur last weekend, and today the two leaders reached an agreement.",
                "2025-10-30T19:00") == [
        ("agreement", "reach", D(2025, 10, 30), None, None, CN_US),
        ("talks", "hold", D(2025, 10, 25), None, None, US_CN)]
    assert rows("China and the US held talks in Geneva last weekend, and yesterday they signed a deal.",
                "2025-10-30T19:00") == [
        ("agreement", "sign", D(2025, 10, 29), None, None, US_CN),
        ("talks", "hold", D(2025, 10, 25), None, None, CN_US)]


def test_leaders_meeting_beside_their_teams_meeting_stays():
    assert rows("Trump said the two leaders met in Busan on Thursday while their teams met in a separate room.",
                "2025-10-30T19:00") == [
        ("leader_contact", "meeting", D(2025, 10, 30), None, None, US_CN)]


# ------------------------------------------------- "on the second day" of a stated range

def test_a_step_on_the_second_day_of_a_range_takes_that_day():
    # formats m14: one long sentence gives the round's days and then the day of the deal
    assert rows("It would be easy to read the events of the past ten days, in which American and Chinese "
                "negotiators spent 14 and 15 September in the Palacio de Santa Cruz in Madrid, emerged on the "
                "second day with a framework under which TikTok's American operations would pass to a "
                "consortium.", "2025-09-22T09:00") == [
        ("agreement", "reach", D(2025, 9, 15), None, None, CN_US)]
    assert rows("American and Chinese negotiators met in Geneva on May 10 and 11 and on the final day agreed "
                "a truce.", "2025-09-22T09:00") == [
        ("agreement", "reach", D(2025, 5, 11), None, None, CN_US),
        ("talks", "hold", D(2025, 5, 10), None, None, CN_US)]


def test_a_deal_after_a_range_without_a_day_named_takes_its_last_day():
    # what a round of several days produced comes at its end (the follow-ups rule)
    assert rows("China and the US met in Geneva on May 10 and 11 and agreed a truce.", "2025-09-22T09:00") == [
        ("agreement", "reach", D(2025, 5, 11), None, None, CN_US)]


# ------------------------------------------------- a gerund subject names an activity

def test_a_gerund_subject_is_an_activity_not_a_step():
    # formats m05: the ministry's maxim threatens nothing
    assert rows("China and the US. Threatening high tariffs at every turn is not the right way to deal with "
                "China.", "2025-10-12T09:00") == []
    assert rows("China and the US. Raising tariffs does not solve the trade deficit.", "2025-10-12T09:00") == []


def test_a_participle_clause_before_its_subject_still_reports_a_step():
    assert rows("Threatening new tariffs, Trump said on Friday he would impose 100% on China.",
                "2025-10-12T09:00") == [
        ("tariff_change", "threaten", D(2025, 10, 10), 100.0, None, US_CN)]
    assert rows("Raising its tariff to 125% on Wednesday, Washington said the move was final.",
                "2025-10-12T09:00") == [
        ("tariff_change", "raise", D(2025, 10, 8), 125.0, None, US_CN)]


# ------------------------------------------------- a pause for other partners after its period

def test_a_pause_whose_partners_follow_its_period_sets_no_deadline():
    # newsrooms: the 9 April pause for everyone else, once its item's "Wednesday." dates it
    assert rows("Wednesday. The 84% took effect. Then, in the early afternoon, Trump paused most reciprocal "
                "tariffs for 90 days for dozens of other countries while raising the rate on China to 125%, "
                "effective immediately.", "2025-04-11T09:00", "tariff_deadline") == []


def test_a_pause_on_chinese_goods_still_sets_its_deadline():
    assert fields("On Wednesday Trump paused the tariffs on Chinese goods for 90 days.", "2025-04-11T09:00",
                  DEADLINE, "tariff_deadline") == [
        ("tariff_deadline", "set", D(2025, 4, 9), D(2025, 7, 8), US_CN)]
