"""rules-1.5.0: measures named by anaphora or by a date inside their noun phrase
("the Oct. 9 controls", "licensing, in place since April 4"), export controls
named by their commodity ("rare-earth controls", "export blacklist"), factbox
lines with no verb, "a day after" clauses, dates that stop at a comma, threats
bound to the measure they name, and the modality and actor cues that ordinary
news uses ("no countermeasure has been announced", "would 'probably' speak",
"told reporters that China would ..."). Every sentence is written for this test.
"""
import datetime as dt

from pipeline.extract import EXTRACTOR_VERSION
from tests.documents import extracted_rows as rows, extracted_fields as fields

D = dt.date
US_CN, CN_US = ("US", "CN"), ("CN", "US")


def test_version():
    # rules-1.5.0's cases hold in later versions too
    major, minor, _ = (int(x) for x in EXTRACTOR_VERSION.removeprefix("rules-").split("."))
    assert (major, minor) >= (1, 5)


# ------------------------------------------------- export controls by commodity

def test_export_controls_named_by_their_commodity():
    assert rows("Beijing paused its rare-earth controls on Thursday, the commerce ministry said.",
                "2025-11-03T09:00") == [
        ("export_control", "suspend", D(2025, 10, 30), None, "rare_earths", CN_US)]


def test_an_export_blacklist_is_an_export_control():
    assert rows("On Sept. 29 the Commerce Department extended its export blacklist to companies "
                "at least 50% owned by listed entities.", "2025-10-01T09:00") == [
        ("export_control", "tighten", D(2025, 9, 29), None, "technology", US_CN)]


# ------------------------------------------------- a date inside the noun phrase

def test_a_date_inside_the_object_names_an_earlier_measure():
    # the suspension is Thursday's step; "the Oct. 9 controls" are a step of their own
    assert rows("The commerce ministry said on Thursday that China would suspend the Oct. 9 "
                "rare-earth controls for a year.", "2025-11-03T09:00") == [
        ("export_control", "suspend", D(2025, 10, 30), None, "rare_earths", CN_US),
        ("export_control", "impose", D(2025, 10, 9), None, "rare_earths", CN_US)]


def test_measure_of_a_day_and_measure_in_place_since_a_day():
    assert rows("Beijing lifted the rare-earth rules of 9 October last week, officials in Washington "
                "confirmed.", "2025-11-03T09:00") == [
        ("export_control", "lift", D(2025, 10, 30), None, "rare_earths", CN_US),
        ("export_control", "impose", D(2025, 10, 9), None, "rare_earths", CN_US)]
    assert rows("China's controls on seven rare earths, in place since April 4, have left American "
                "magnet buyers short of supply.", "2025-04-24T09:00") == [
        ("export_control", "impose", D(2025, 4, 4), None, "rare_earths", CN_US)]


def test_rates_of_a_month_are_a_level_not_a_step():
    assert rows("If talks stall, Washington could go further and restore something like the "
                "triple-digit rates of April on Chinese goods.", "2025-05-20T09:00") == []


def test_a_relative_clause_dates_a_named_measure():
    assert rows("China said on Sunday it was suspending its ban on exports of gallium to the United "
                "States, which it imposed in December 2024.", "2025-11-10T09:00") == [
        ("export_control", "suspend", D(2025, 11, 9), None, "critical_minerals", CN_US),
        ("export_control", "impose", D(2024, 12, 16), None, "critical_minerals", CN_US)]


# ------------------------------------------------- "a day after", threats

def test_a_day_after_counted_from_a_later_date_dates_the_main_clause():
    assert rows("A day after Beijing unveiled its sweeping rare-earth controls on October 9, Trump "
                "threatened China with more tariffs.", "2025-10-15T09:00") == [
        ("tariff_change", "threaten", D(2025, 10, 10), None, None, US_CN),
        ("export_control", "tighten", D(2025, 10, 9), None, "rare_earths", CN_US)]


def test_a_day_after_counted_from_an_earlier_date_dates_its_complement():
    # the threat is not an export control, and "new" before "rare-earth controls" is no tariff
    assert rows("On October 10 Trump threatened an extra 100 percent tariff on Chinese goods from "
                "November 1, a day after Beijing had unveiled new rare-earth controls on October 9.",
                "2025-11-11T09:00") == [
        ("tariff_change", "threaten", D(2025, 10, 10), 100.0, None, US_CN),
        ("export_control", "tighten", D(2025, 10, 9), None, "rare_earths", CN_US)]


# ------------------------------------------------- dates and commas

def test_a_date_closing_a_phrase_is_not_claimed_past_a_comma():
    # "April" dates the tariffs imposed, not the statement released after the comma, nor
    # the talks (undated here, so only roughly dated to the day of publication)
    got = rows("The United States and China agreed on Monday to roll back most of the tariffs they "
               "imposed on each other in April, according to a joint statement released after two "
               "days of talks in Geneva.", "2025-05-13T09:00")
    assert [r for r in got if r[0] != "talks"] == [
        ("tariff_change", "impose", D(2025, 4, 15), None, None, US_CN),
        ("tariff_change", "lower", D(2025, 5, 12), None, None, US_CN),
        ("agreement", "reach", D(2025, 5, 12), None, None, US_CN)]
    assert [r[2] for r in got if r[0] == "talks"] != [D(2025, 4, 15)]


def test_a_date_opening_a_verb_group_dates_that_verb():
    assert rows("U.S. and Chinese negotiators met in Geneva on May 10 and 11 and on May 12 announced a "
                "deal: both sides cut their reciprocal rates to 10%.", "2025-05-13T09:00") == [
        ("tariff_change", "lower", D(2025, 5, 12), 10.0, None, CN_US),
        ("agreement", "reach", D(2025, 5, 12), None, None, US_CN),
        ("talks", "hold", D(2025, 5, 10), None, None, US_CN)]


def test_comma_joined_clauses_have_their_own_subjects():
    assert rows("Under the deal, the U.S. cut the fentanyl tariff on Chinese goods to 10% on Nov. 10, "
                "Beijing suspended its rare-earth rules for a year, and Washington did the same with "
                "its affiliates rule.", "2025-12-29T09:00") == [
        ("tariff_change", "lower", D(2025, 11, 10), 10.0, None, US_CN),
        ("export_control", "suspend", D(2025, 11, 10), None, "rare_earths", CN_US)]


# ------------------------------------------------- factbox lines without verbs

def test_verbless_factbox_lines_are_dated_by_their_heading():
    body = ("Key dates in the dispute:\n\n"
            "FEB 4 - Beijing responds. 15% on U.S. coal, LNG. Same day: export controls on tungsten and indium.\n\n"
            "APRIL 4 - Beijing matches. Licences now needed for seven rare earths.\n")
    assert rows(body, "2025-05-12T09:00") == [
        ("tariff_change", "impose", D(2025, 2, 4), 15.0, None, CN_US),
        ("export_control", "impose", D(2025, 2, 4), None, "critical_minerals", CN_US),
        ("export_control", "impose", D(2025, 4, 4), None, "rare_earths", CN_US)]


def test_verbless_measures_without_a_date_are_standing_ones():
    assert rows("Analysts noted that 15% on U.S. coal remains a burden for exporters. "
                "Export controls on tungsten remain.", "2025-05-12T09:00") == []


# ------------------------------------------------- wording of tariff steps

def test_responded_with_added_levies_followed_with():
    assert rows("Beijing responded on March 4 with duties on American farm goods. Many Chinese goods "
                "now face at least 54% in added tariffs.", "2025-03-10T09:00") == [
        ("tariff_change", "impose", D(2025, 3, 4), None, None, CN_US)]
    assert rows("Tariffs climbed all spring. China followed with 84% on April 9.", "2025-12-29T09:00") == [
        ("tariff_change", "impose", D(2025, 4, 9), 84.0, None, CN_US)]
    assert rows("Growers stopped booking new-crop beans after Beijing put tariffs of 10 and 15 percent "
                "on American farm goods in March.", "2025-11-02T09:00", "tariff_change") == [
        ("tariff_change", "impose", D(2025, 3, 16), 15.0, None, CN_US)]


def test_deadline_wording_is_not_a_tariff_change():
    assert rows("On Tuesday, Beijing's tariff commission said it would keep suspending 24 percentage "
                "points of its additional tariff on U.S. goods for another 90 days.", "2025-08-13T09:00") == [
        ("tariff_deadline", "extend", D(2025, 8, 12), None, None, CN_US)]
    assert rows("Monday's executive order pushed the deadline for the tariff pause on Chinese goods "
                "to Nov. 10.", "2025-08-13T09:00") == [
        ("tariff_deadline", "extend", D(2025, 8, 11), None, None, US_CN)]
    assert rows("China's trade negotiator said both sides would push to extend the suspension of the "
                "24% tariff on each other's goods.", "2025-07-30T09:00") == []
    assert rows("Beijing said on Tuesday it would keep its suspension of the 24% tariff on U.S. goods "
                "in place for another 90 days.", "2025-08-13T09:00") == [
        ("tariff_deadline", "extend", D(2025, 8, 12), None, None, CN_US)]


def test_a_third_party_near_the_trigger_only():
    got = rows("On Wednesday afternoon, the same day he paused most of his new tariffs on everyone "
               "else for 90 days, Trump singled out China and raised the rate on Chinese goods again, "
               "to 125%.", "2025-04-12T09:00", "tariff_change")
    assert ("tariff_change", "raise", D(2025, 4, 9), 125.0, None, US_CN) in got


# ------------------------------------------------- not events

def test_a_measure_with_no_before_it_is_denied():
    assert rows("Washington widened its entity list on Monday. No specific countermeasure has been "
                "announced by Beijing.", "2025-10-01T09:00") == [
        ("export_control", "tighten", D(2025, 9, 29), None, "technology", US_CN)]


def test_speculation_cues():
    assert rows("Trump told reporters on Monday he would \"probably\" speak with Chinese President Xi "
                "Jinping within 24 hours.", "2025-02-04T09:00") == []
    assert rows("The relaxation of the U.S. software restrictions on China is now widely expected to "
                "follow.", "2025-06-28T09:00") == []


def test_talks_with_a_country_are_not_a_leaders_call():
    assert rows("Treasury Secretary Scott Bessent said on Thursday the talks with China were stalled "
                "and that a call between the two leaders might be needed.", "2025-05-29T09:00",
                "leader_contact") == []


def test_a_meeting_named_after_since_the_is_not_reported():
    assert rows("Chinese state buyers have booked several cargoes of U.S. soybeans since the Busan "
                "meeting.", "2025-11-06T09:00") == []


# ------------------------------------------------- leaders, actors, relative days

def test_a_hyphenated_leader_pair_and_a_call_on_a_date():
    assert rows("A Trump-Xi phone call on Sept. 19 kept the channels open.", "2025-09-22T09:00") == [
        ("leader_contact", "call", D(2025, 9, 19), None, None, CN_US)]


def test_reported_that_clause_names_its_agent_and_titles_open_sentences():
    assert rows("The Vice Premier told reporters on Monday that China would cut its tariff on U.S. "
                "goods to 10%.", "2025-05-13T09:00") == [
        ("tariff_change", "lower", D(2025, 5, 12), 10.0, None, CN_US)]


def test_the_same_evening():
    got = rows("Trump and Xi met in Busan on Thursday. Beijing's commerce ministry followed the same "
               "evening, saying it had suspended its rare-earth export controls for a year.",
               "2025-10-31T09:00")
    assert got == [
        ("leader_contact", "meeting", D(2025, 10, 30), None, None, US_CN),
        ("export_control", "suspend", D(2025, 10, 30), None, "rare_earths", CN_US)]


# ------------------------------------------------- later additions to rules-1.5.0

def test_a_date_in_a_since_phrase_does_not_date_the_trigger_before_it():
    assert rows("President Trump and Chinese President Xi Jinping spoke by phone for about 90 minutes on "
                "Thursday, their first confirmed call since Trump returned to the White House in January.",
                "2025-06-05T15:40") == [
        ("leader_contact", "call", D(2025, 6, 5), None, None, US_CN)]


def test_also_takes_the_actors_own_last_step_and_the_unreliable_entity_list_is_not_an_export_control():
    body = ("China said Tuesday it will put a 15% tariff on U.S. coal and liquefied natural gas from Feb. 10. "
            "The move came minutes after a 10% U.S. tariff on all Chinese goods, ordered by President Trump on "
            "Saturday, took effect. Beijing also placed export controls on tungsten and indium, and added two "
            "U.S. companies to its unreliable entity list.")
    assert rows(body, "2025-02-04T16:00") == [
        ("tariff_change", "impose", D(2025, 2, 4), 15.0, None, CN_US),
        ("tariff_change", "impose", D(2025, 2, 1), 10.0, None, US_CN),
        ("export_control", "impose", D(2025, 2, 4), None, "critical_minerals", CN_US)]


def test_a_scheduled_day_anchors_no_relative_day():
    # "the same day" after a date still to come is not that day
    assert rows("The new elements fall under licensing on Nov. 8. The same day, the ministry announced "
                "export curbs on high-end lithium batteries.", "2025-10-14T09:00") == []


def test_timeline_lines_with_ordered_replies_and_coordinated_export_controls():
    body = ("Feb. 1 - Trump orders an extra 10% tariff on all Chinese imports over fentanyl, in force Feb. 4.\n\n"
            "Feb. 4 - Beijing replies with 10-15% duties on U.S. energy, cars and farm machinery, and export "
            "controls on tungsten and four other metals.\n")
    assert rows(body, "2025-09-16T09:00") == [
        ("tariff_change", "impose", D(2025, 2, 1), 10.0, None, US_CN),
        ("tariff_change", "impose", D(2025, 2, 4), None, None, CN_US),
        ("export_control", "impose", D(2025, 2, 4), None, "critical_minerals", CN_US)]


def test_a_sentence_can_end_with_am_and_the_effect_folds_into_the_step():
    body = ("The increase came barely 13 hours after an 84% reciprocal rate on Chinese goods took effect at "
            "12:01 a.m. The White House had said on Tuesday that it would lift the levy on Chinese goods to 84% "
            "from 34%.")
    assert rows(body, "2025-04-10T09:00") == [
        ("tariff_change", "raise", D(2025, 4, 8), 84.0, None, US_CN)]


def test_an_effect_told_before_its_step_folds_into_it():
    body = ("7:15 a.m. - Beijing answers with 84%\n"
            "China's tariff commission said it would raise its additional tariff on all U.S. imports to 84% "
            "from 34%, effective Thursday.\n\n"
            "11:40 p.m. - Where things stand\n"
            "China's 84% tariff on American goods takes effect at 12:01 p.m. Thursday, Beijing time.\n")
    assert rows(body, "2025-04-09T23:50") == [
        ("tariff_change", "impose", D(2025, 4, 9), 84.0, None, CN_US)]


def test_negation_of_the_clause_leaves_a_measure_named_by_a_participle():
    got = rows("Washington and Beijing agreed a framework this week. The statement did not touch the "
               "rare-earth licensing introduced on 4 April.", "2025-06-13T09:00", "export_control")
    assert [(r[0], r[1], r[2], r[4]) for r in got] == [("export_control", "impose", D(2025, 4, 4), "rare_earths")]


def test_a_period_runs_from_the_day_its_step_applies():
    body = ("Washington and Beijing agreed on Monday to cut their reciprocal tariffs to 10% from May 14. "
            "Each side will keep 24 percentage points suspended for an initial period of 90 days.")
    got = fields(body, "2025-05-12T18:00", ("event_type", "occurred_on", "deadline"), "tariff_deadline")
    assert got == [("tariff_deadline", D(2025, 5, 12), D(2025, 8, 12))]


def test_a_truce_that_runs_to_a_day_states_its_deadline():
    body = "Washington and Beijing met in Geneva on May 10. The tariff truce runs to Nov. 10."
    got = fields(body, "2025-08-12T18:00", ("event_type", "action", "deadline"), "tariff_deadline")
    assert got == [("tariff_deadline", "set", D(2025, 11, 10))]


def test_rates_each_on_their_own_goods_stay_one_step():
    # one announcement listing two rates is one development for the desk (TAXONOMY's
    # identity keys would make two alerts of two events with different rates); the
    # style sets' gold lists them apart, which costs a little recall
    assert rows("China said Tuesday it will put a 15% tariff on U.S. coal and liquefied natural gas, and 10% on "
                "crude oil, farm machinery and large-engine cars, from Feb. 10.", "2025-02-04T16:00") == [
        ("tariff_change", "impose", D(2025, 2, 4), None, None, CN_US)]


def test_a_dated_deal_in_a_noun_phrase():
    assert rows("Officials said the Geneva deal of May 12 still holds for China and the United States.",
                "2025-06-13T09:00") == [("agreement", "reach", D(2025, 5, 12), None, None, US_CN)]


def test_a_step_whose_own_target_is_a_third_country_is_out_of_scope():
    assert rows("Trump last week imposed an extra 25% on India over its purchases of Russian oil, and officials "
                "have not ruled out similar steps against China.", "2025-08-12T09:00") == []


def test_an_orders_steps_share_its_date():
    got = rows("Trump's order of Nov. 4 cut the fentanyl-related tariff on Chinese goods to 10% from Monday and "
               "extended the suspension of the 24 points until Nov. 10, 2026.", "2025-11-12T09:00")
    assert [(r[0], r[2]) for r in got] == [("tariff_change", D(2025, 11, 4)), ("tariff_deadline", D(2025, 11, 4))]


def test_a_central_bank_cash_rate_is_not_a_tariff():
    assert rows("Trump extended the truce with China on Monday. Separately, the Reserve Bank cut the cash rate by "
                "25 basis points to 3.6 per cent on Tuesday.", "2025-08-12T09:00", "tariff_change") == []


def test_a_pause_for_other_partners_is_out_of_scope_but_a_global_step_including_china_is_not():
    got = rows("President Donald Trump raised the tariff on Chinese imports to 125% on Wednesday, even as he paused "
               "steeper duties on dozens of other trading partners for 90 days.", "2025-04-10T09:00")
    assert got == [("tariff_change", "raise", D(2025, 4, 9), 125.0, None, US_CN)]
    got = rows("On April 2, President Donald Trump announced reciprocal tariffs on dozens of countries, including a "
               "34% rate for China.", "2025-04-14T09:00")
    assert got == [("tariff_change", "impose", D(2025, 4, 2), 34.0, None, US_CN)]


def test_a_period_starts_with_its_sentences_own_step():
    body = ("In April, the U.S. and China raised tariffs on each other's goods to triple-digit levels. Negotiators "
            "met in Geneva on May 10 and 11 and on May 12 announced a deal: both sides cut their reciprocal rates to "
            "10% for 90 days.")
    got = fields(body, "2025-08-12T09:00", ("event_type", "occurred_on"), "tariff_deadline")
    assert got == [("tariff_deadline", D(2025, 5, 12))]


def test_a_multilateral_leaders_meeting_and_a_priced_in_meeting_are_not_the_two_leaders_meeting():
    assert rows("Xi is scheduled to attend the APEC leaders' meeting in Gyeongju on Friday and Saturday, officials "
                "in Beijing and Washington said.", "2025-10-28T09:00", "leader_contact") == []
    assert rows("\"Markets are starting to price in a Trump-Xi meeting later in the year,\" an analyst in Sydney "
                "said.", "2025-08-12T09:00", "leader_contact") == []


def test_standing_states_are_not_steps():
    got = rows("Trump extended the truce with China on Monday. The reciprocal rate on Chinese goods stays at 10%, "
               "with the remaining 24 points still suspended.", "2025-08-12T09:00", "tariff_change")
    assert got == []
    assert rows("And there will be a next time: China's rare-earth regime remains in place, and Washington knows it.",
                "2025-07-16T09:00", "export_control") == []


def test_a_step_announced_for_the_future_takes_its_governments_news_day():
    # a morning-after story: Washington's news is Monday's, though the tariff step is told in the future
    body = ("WASHINGTON - The U.S. Commerce Department on Monday added 23 Chinese companies to its entity list. "
            "The White House said the United States will raise its tariff on Chinese steel to 50 per cent.")
    got = fields(body, "2025-09-16T06:00", ("event_type", "action", "occurred_on"))
    assert got == [("export_control", "impose", D(2025, 9, 15)), ("tariff_change", "raise", D(2025, 9, 15))]


def test_a_date_naming_an_expiry_is_the_deadline_not_the_day_it_was_set():
    body = "Washington and Beijing met in Geneva on May 10. Importers are preparing for the Aug. 12 expiry of the tariff truce."
    got = fields(body, "2025-08-05T09:00", ("event_type", "action", "occurred_on", "deadline"), "tariff_deadline")
    assert got == [("tariff_deadline", "set", D(2025, 8, 5), D(2025, 8, 12))]
