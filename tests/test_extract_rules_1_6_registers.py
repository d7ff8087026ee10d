"""Rules for the wording of the "registers" style set (law-firm alerts, analysis,
blogs, relative dates): threats that state their own condition, warnings of a
step of one's own, "last December", weeks counted from an earlier day, rates
that "went to" a level step by step, and the nth weekday of a month. Each rule
is tested with a sentence of the set, sentences of our own, and cases where it
must not fire.
"""
import datetime as dt

from pipeline.extract.dates import find_dates
from tests.documents import extracted_rows as rows, extracted_fields as fields

D = dt.date
US_CN, CN_US = ("US", "CN"), ("CN", "US")


# ------------------------------------------------- threats state their own condition

def test_a_threat_with_an_if_clause_is_still_a_threat():
    assert rows("On April 7, Trump warned that he would add a further 50% if Beijing did not withdraw "
                "its retaliation.", "2025-12-02T09:00") == [
        ("tariff_change", "threaten", D(2025, 4, 7), 50.0, None, US_CN)]
    assert rows("On Oct. 10, Trump threatened an extra 100% tariff on Chinese goods if Beijing kept "
                "its new rare-earth rules.", "2025-10-14T09:00") == [
        ("tariff_change", "threaten", D(2025, 10, 10), 100.0, None, US_CN)]


def test_an_if_clause_still_blocks_a_step_that_is_no_threat():
    assert rows("On Monday, Washington raised the tariff to 50% if Beijing did not withdraw its "
                "retaliation.", "2025-12-02T09:00") == []


def test_a_warning_of_ones_own_step_is_a_threat():
    assert rows("On Monday, Trump warned he would impose an additional 50% tariff on Chinese goods.",
                "2025-04-09T09:00") == [
        ("tariff_change", "threaten", D(2025, 4, 7), 50.0, None, US_CN)]


def test_a_warning_of_anything_but_ones_own_tariff_step_is_no_threat():
    assert rows("On Monday, Trump warned that a trade war would hurt China, but he did not announce "
                "a new tariff.", "2025-04-09T09:00") == []
    # an "if" before the threatened measure still makes the threat itself conditional
    assert rows("On Monday, Trump said he would threaten, if talks failed, a 50% tariff on Chinese "
                "goods.", "2025-04-09T09:00") == []


# ------------------------------------------------- "last December", "next March"

def test_last_month_name_is_the_latest_such_month_before_this_one():
    # a December story: "last December" is the December of the year before
    assert rows("On Nov. 9 it also suspended its ban on exports of gallium, germanium and antimony to "
                "the United States, imposed last December.", "2025-12-02T09:00") == [
        ("export_control", "suspend", D(2025, 11, 9), None, "critical_minerals", CN_US),
        ("export_control", "impose", D(2024, 12, 16), None, "critical_minerals", CN_US)]
    assert rows("China imposed export controls on graphite last March.", "2025-03-02T09:00") == [
        ("export_control", "impose", D(2024, 3, 16), None, "critical_minerals", CN_US)]
    assert rows("China imposed export controls on graphite last March.", "2025-06-02T09:00") == [
        ("export_control", "impose", D(2025, 3, 16), None, "critical_minerals", CN_US)]


def test_month_names_without_last_or_next_keep_their_year():
    assert [(d.text, d.lo, d.hi) for d in find_dates("the controls imposed in December", D(2025, 12, 2))] == [
        ("December", D(2025, 12, 1), D(2025, 12, 31))]
    assert [(d.text, d.lo, d.hi) for d in find_dates("Trump may visit China next April", D(2025, 10, 31))] == [
        ("next April", D(2026, 4, 1), D(2026, 4, 30))]
    assert [(d.text, d.lo, d.hi) for d in find_dates("Trump may visit China next December", D(2025, 11, 1))] == [
        ("next December", D(2025, 12, 1), D(2025, 12, 31))]


# ------------------------------------------------- a rate that "went to" a level

def test_a_rate_that_goes_to_a_level_is_a_raise():
    assert rows("On April 7, Trump warned that he would add a further 50% if Beijing did not withdraw "
                "its retaliation. That specific threat was overtaken within days, as the reciprocal rate "
                "went to 84% on April 8 and to 125% on April 9.", "2025-12-02T09:00") == [
        ("tariff_change", "threaten", D(2025, 4, 7), 50.0, None, US_CN),
        ("tariff_change", "raise", D(2025, 4, 8), 84.0, None, US_CN),
        ("tariff_change", "raise", D(2025, 4, 9), 125.0, None, US_CN)]
    assert rows("Washington's reciprocal rate on China went to 84% on April 8 and to 125% on April 9, "
                "while Beijing matched each step.", "2025-04-12T09:00") == [
        ("tariff_change", "raise", D(2025, 4, 8), 84.0, None, US_CN),
        ("tariff_change", "raise", D(2025, 4, 9), 125.0, None, US_CN)]
    assert rows("China's levy on American goods climbed to 125% on Friday.", "2025-04-12T09:00") == [
        ("tariff_change", "raise", D(2025, 4, 11), 125.0, None, CN_US)]


def test_a_rate_that_rises_is_no_tariff_unless_a_tariff_is_what_rises():
    assert rows("China's jobless rate went to 5.3% in April as US tariffs bit.", "2025-05-12T09:00") == []
    assert rows("In China, the unemployment rate rose to 5.3% in April, while US tariffs stayed high.",
                "2025-05-12T09:00") == []
    assert rows("Chinese exports to the US rose to $40 billion in March despite the tariffs.",
                "2025-05-12T09:00") == []


# ------------------------------------------------- "that evening", "the same afternoon"

def test_that_evening_is_the_day_last_mentioned():
    assert rows("On Tuesday, Beijing said it would fight to the end. The White House confirmed that "
                "evening that the reciprocal rate on Chinese goods would go to 84% at midnight.",
                "2025-04-12T09:00") == [
        ("tariff_change", "raise", D(2025, 4, 8), 84.0, None, US_CN)]
    assert rows("On Tuesday, China hit back at the US. In a separate notice the same afternoon, the "
                "commerce ministry placed export controls on seven rare earths.", "2025-04-12T09:00") == [
        ("export_control", "impose", D(2025, 4, 8), None, "rare_earths", CN_US)]


def test_that_with_a_time_of_day_needs_an_earlier_day():
    # no day before it: nothing to count from, so no date (and an undated step is dropped)
    assert [d.text for d in find_dates("The ministry said that evening it would respond.", D(2025, 4, 12))] == []
    assert [(d.text, d.value) for d in find_dates("On Tuesday the White House said so, and later that day "
                                                   "Beijing replied.", D(2025, 4, 12))] == [
        ("Tuesday", D(2025, 4, 8)), ("later that day", D(2025, 4, 8))]


# ------------------------------------------------- "Trump and Xi spoke"

def test_the_two_leaders_as_one_subject_of_speak_is_a_call():
    assert rows("Trump and Xi will speak on Friday. Trump said so himself on Truth Social on Monday.",
                "2025-09-16T09:00") == [
        ("leader_contact", "call", D(2025, 9, 19), None, None, US_CN)]
    assert rows("President Donald Trump and Chinese President Xi Jinping talked on Thursday for 90 "
                "minutes, the White House said.", "2025-09-16T09:00") == [
        ("leader_contact", "call", D(2025, 9, 11), None, None, US_CN)]
    # "spoke by phone ... after the call" stays one call
    assert rows("President Donald Trump and Chinese President Xi Jinping spoke by phone on Friday, "
                "Trump said after the call.", "2025-09-20T09:00") == [
        ("leader_contact", "call", D(2025, 9, 19), None, None, US_CN)]


def test_leaders_who_speak_apart_or_about_something_make_no_call():
    assert rows("Trump and Xi spoke about tariffs at separate events on Thursday.", "2025-09-16T09:00") == []
    assert rows("Trump spoke on Thursday about Xi and the tariffs.", "2025-09-16T09:00") == []
    assert rows("Trump and Xi are expected to speak on Friday.", "2025-09-16T09:00") == []


# ------------------------------------------------- "three weeks earlier"

def test_weeks_counted_from_the_day_last_mentioned():
    assert [(d.text, d.value) for d in find_dates("The leaders met on Oct. 30; Beijing had unveiled the "
                                                   "controls three weeks earlier.", D(2025, 10, 31))] == [
        ("Oct. 30", D(2025, 10, 30)), ("three weeks earlier", D(2025, 10, 9))]
    assert [(d.text, d.value) for d in find_dates("China cut its tariff on May 14, and two weeks later "
                                                   "Washington followed.", D(2025, 6, 30))] == [
        ("May 14", D(2025, 5, 14)), ("two weeks later", D(2025, 5, 28))]
    assert rows("Trump and Xi met on Thursday in Busan. China agreed to suspend for one year the "
                "rare-earth export controls it unveiled three weeks earlier.", "2025-10-31T09:00",
                "export_control") == [
        ("export_control", "tighten", D(2025, 10, 9), None, "rare_earths", CN_US),
        ("export_control", "suspend", D(2025, 10, 30), None, "rare_earths", CN_US)]


def test_weeks_with_nothing_to_count_from_are_no_date():
    assert [d.text for d in find_dates("The controls were unveiled three weeks earlier.", D(2025, 10, 31))] == []
    # a duration, not a day: "for two weeks"
    assert [d.text for d in find_dates("On Monday the pause was extended for two weeks.", D(2025, 10, 31))] == [
        "Monday"]


# ------------------------------------------------- "the last Monday of last month"

def test_a_weekday_counted_within_a_month():
    got = [(d.text, d.value) for d in find_dates(
        "Washington would suspend the rule, issued on the last Monday of last month, that extends US "
        "export blacklists.", D(2025, 10, 31))]
    assert got == [("the last Monday of last month", D(2025, 9, 29))]
    assert [(d.text, d.value) for d in find_dates("The talks opened on the first Friday of March.",
                                                   D(2025, 6, 10))] == [
        ("the first Friday of March", D(2025, 3, 7))]
    assert [(d.text, d.value, d.role) for d in find_dates("The pause ends on the second Tuesday of next month.",
                                                           D(2025, 10, 31))] == [
        ("the second Tuesday of next month", D(2025, 11, 11), "deadline")]
    assert rows("Washington suspended on Thursday the affiliates rule it issued on the last Monday of last "
                "month.", "2025-10-31T09:00") == [
        ("export_control", "suspend", D(2025, 10, 30), None, "technology", US_CN),
        ("export_control", "impose", D(2025, 9, 29), None, "technology", US_CN)]


def test_last_weekday_and_last_month_apart_stay_two_dates():
    assert [(d.text, d.value) for d in find_dates("Beijing acted last Monday, after talks last month.",
                                                   D(2025, 10, 31))] == [
        ("last Monday", D(2025, 10, 27)), ("last month", D(2025, 9, 15))]


# ------------------------------------------------- "after twenty hours of talks spread over two days"

def test_talks_over_two_days_that_ended_by_a_day_start_the_day_before():
    assert rows("LONDON – The two delegations emerged from Lancaster House shortly before midnight on "
                "Tuesday, after nearly twenty hours of talks spread over two days, to say that US and "
                "Chinese negotiators had agreed a framework.", "2025-06-11T09:00", "talks") == [
        ("talks", "hold", D(2025, 6, 9), None, None, US_CN)]
    assert rows("KUALA LUMPUR, 26 October - Chinese and American negotiators said on Sunday they had reached "
                "a preliminary consensus after two days of talks in the Malaysian capital.",
                "2025-10-27T09:00", "talks") == [
        ("talks", "hold", D(2025, 10, 25), None, None, US_CN)]


def test_talks_whose_start_or_span_is_given_keep_it():
    assert rows("Bessent said on Monday the US and China had agreed a framework after two days of talks in "
                "Madrid that began on Sunday.", "2025-09-16T09:00", "talks") == [
        ("talks", "hold", D(2025, 9, 14), None, None, US_CN)]
    assert rows("Under a joint statement issued after two days of talks in Geneva over the weekend, "
                "Washington will cut its additional tariff on Chinese goods to 30%.", "2025-05-13T09:00",
                "talks") == [
        ("talks", "hold", D(2025, 5, 10), None, None, US_CN)]


# ------------------------------------------------- a package of measures is no deal

def test_a_package_of_measures_is_no_agreement():
    assert rows("On export controls, Beijing's big October rare-earth package was announced on Oct. 9 but "
                "mostly never enforced against the United States.", "2025-12-02T09:00") == [
        ("export_control", "impose", D(2025, 10, 9), None, "rare_earths", CN_US)]
    assert rows("Washington's tariff package was announced on April 2 against China.", "2025-12-02T09:00",
                "agreement") == []


def test_a_trade_package_the_two_sides_agree_is_still_a_deal():
    assert rows("On Monday the United States and China reached a package deal in Geneva.",
                "2025-05-14T09:00", "agreement") == [
        ("agreement", "reach", D(2025, 5, 12), None, None, US_CN)]


# ------------------------------------------------- one measure's announcement and effect

def test_the_effect_of_a_measure_announced_in_the_same_noun_phrase_is_no_second_measure():
    assert rows("Not a single US LNG cargo has discharged at a Chinese terminal since the 15% duty Beijing "
                "announced on 4 February took effect on 10 February.", "2025-03-06T09:00") == [
        ("tariff_change", "impose", D(2025, 2, 4), 15.0, None, CN_US)]


def test_two_measures_of_two_governments_each_taking_effect_stay_two():
    assert rows("Washington imposed a 10% tariff on Chinese goods on Saturday, and China's 15% duty on US "
                "coal took effect on Monday.", "2025-02-11T09:00") == [
        ("tariff_change", "impose", D(2025, 2, 8), 10.0, None, US_CN),
        ("tariff_change", "impose", D(2025, 2, 10), 15.0, None, CN_US)]


# ------------------------------------------------- the antecedent of "which" acts

def test_the_antecedent_of_a_relative_clause_is_its_subject():
    assert rows("The farm duties were Beijing's reply to Washington, which lifted its fentanyl-linked duty "
                "on all Chinese goods to 20% on Tuesday.", "2025-03-06T09:00") == [
        ("tariff_change", "raise", D(2025, 3, 4), 20.0, None, US_CN)]
    assert rows("Beijing blamed the United States, which had raised its tariff on Chinese goods "
                "to 125% on Wednesday.", "2025-04-12T09:00") == [
        ("tariff_change", "raise", D(2025, 4, 9), 125.0, None, US_CN)]


def test_a_relative_clause_on_a_non_party_keeps_the_clause_subject():
    assert rows("On Friday China raised its tariff on US goods to 125%, a move which surprised markets.",
                "2025-04-12T09:00") == [
        ("tariff_change", "raise", D(2025, 4, 11), 125.0, None, CN_US)]


# ------------------------------------------------- venues listed with their months

def test_venues_listed_with_their_months_are_rounds_each():
    assert rows("Treasury Secretary Scott Bessent faced Vice Premier He Lifeng in Madrid on Sunday. It was "
                "the fourth round since the spring, after Geneva in May, London in June and Stockholm in July.",
                "2025-09-16T09:00") == [
        ("talks", "hold", D(2025, 5, 16), None, None, US_CN),
        ("talks", "hold", D(2025, 6, 15), None, None, US_CN),
        ("talks", "hold", D(2025, 7, 16), None, None, US_CN)]


def test_a_city_and_its_country_stay_one_venue():
    assert rows("Bessent and He Lifeng held talks in Geneva, Switzerland, in May.", "2025-09-16T09:00") == [
        ("talks", "hold", D(2025, 5, 16), None, None, US_CN)]


# ------------------------------------------------- "Beijing matches: 34% on all U.S. goods"

def test_a_colon_after_the_verb_introduces_the_measure():
    assert rows("APRIL 4 - Beijing matches: 34% on all U.S. goods. Licences now needed for seven rare earths.",
                "2025-05-12T09:00") == [
        ("tariff_change", "impose", D(2025, 4, 4), 34.0, None, CN_US),
        ("export_control", "impose", D(2025, 4, 4), None, "rare_earths", CN_US)]
    assert rows("On Friday Beijing hit back: a 34% tariff on all US goods from April 10.", "2025-04-07T09:00") == [
        ("tariff_change", "impose", D(2025, 4, 4), 34.0, None, CN_US)]


def test_a_colon_after_anything_but_the_verb_links_nothing():
    assert rows("On Friday Beijing hit back at the US tariffs on Chinese goods.", "2025-04-07T09:00") == []
    assert rows("On Friday Beijing matched Washington's rhetoric in one respect: the 34% US tariff on "
                "Chinese goods was called bullying.", "2025-04-07T09:00") == []


# ------------------------------------------------- "in force for about six weeks before being suspended in November"

def test_a_hedged_span_of_weeks_is_no_date_and_a_later_verb_keeps_its_date():
    assert [(d.text, d.role) for d in find_dates(
        "Washington's affiliates rule, issued on Sept. 29, was in force for about six weeks before being "
        "suspended for a year in November.", D(2025, 12, 2))] == [
        ("Sept. 29", "occurred"), ("November", "occurred")]
    assert rows("Washington's affiliates rule, issued on Sept. 29, was in force for about six weeks before "
                "being suspended for a year in November, China's ministry noted.", "2025-12-02T09:00") == [
        ("export_control", "suspend", D(2025, 11, 15), None, "technology", US_CN),
        ("export_control", "impose", D(2025, 9, 29), None, "technology", US_CN)]


def test_an_effect_cue_still_gives_its_date_the_effective_role():
    # (and "two weeks after it was announced" counts back from that day to the announcement)
    assert [(d.text, d.role, d.value) for d in find_dates("The duty came into force on Tuesday, two weeks after "
                                                           "it was announced.", D(2025, 12, 2))] == [
        ("Tuesday", "effective", D(2025, 12, 2)), ("two weeks after", "occurred", D(2025, 11, 18))]
    assert [(d.text, d.role) for d in find_dates("The rule has been in force since it was issued in "
                                                  "September.", D(2025, 12, 2))][-1] == ("September", "effective")


# ------------------------------------------------- "he and President Xi"

def test_he_and_xi_are_the_two_leaders():
    assert rows("On November 4, 2025, the President signed two executive orders implementing the trade and "
                "security arrangement that he and President Xi Jinping reached at their meeting in Busan, "
                "Republic of Korea, on October 30, 2025.", "2025-11-06T09:00", "leader_contact") == [
        ("leader_contact", "meeting", D(2025, 10, 30), None, None, CN_US)]


def test_he_and_someone_of_xis_is_no_leaders_pair():
    assert rows("Bessent said he and Xi's top trade envoy held a meeting in Madrid on Sunday.",
                "2025-09-16T09:00", "leader_contact") == []


def test_a_rate_that_rises_or_reaches_a_level_in_words_is_a_raise():
    assert rows("Beijing had already answered. Also yesterday, China said its own tariff on American goods "
                "would rise to eighty-four percent.", "2025-04-10T09:00") == [
        ("tariff_change", "raise", D(2025, 4, 9), 84.0, None, CN_US)]
    assert rows("On Wednesday the US tariff on Chinese goods reached 125%.", "2025-04-12T09:00") == [
        ("tariff_change", "raise", D(2025, 4, 9), 125.0, None, US_CN)]


def test_a_deal_or_a_number_that_is_reached_is_no_raise():
    assert rows("On Wednesday the two sides reached a deal on tariffs.", "2025-05-14T09:00",
                "tariff_change") == []
    assert rows("On Wednesday China's exports to the US reached 40 billion dollars despite the tariffs.",
                "2025-05-14T09:00") == []


# ------------------------------------------------- "the curbs it had imposed in late May on sales of ..."

def test_a_relative_clause_between_curbs_and_their_object():
    assert rows("Last week the US Commerce Department lifted the curbs it had imposed in late May on sales of "
                "chip-design software to Chinese customers, and it also dropped restrictions on shipments of "
                "ethane to China.", "2025-07-08T09:00") == [
        ("export_control", "lift", D(2025, 7, 3), None, "technology", US_CN),
        ("export_control", "impose", D(2025, 5, 26), None, "technology", US_CN),
        ("export_control", "lift", D(2025, 7, 3), None, "energy", US_CN)]
    assert rows("On Wednesday Washington scrapped the restrictions that it placed in May on exports of "
                "chip-design software to China.", "2025-07-04T09:00") == [
        ("export_control", "lift", D(2025, 7, 2), None, "technology", US_CN),
        ("export_control", "impose", D(2025, 5, 16), None, "technology", US_CN)]


def test_curbs_with_a_clause_about_something_else_are_no_export_control():
    assert rows("On Wednesday China said the curbs it criticised on Monday hurt sales of its cars in the US.",
                "2025-07-04T09:00", "export_control") == []


# ------------------------------------------------- "a sweetener for the talks"

def test_the_talks_named_as_a_purpose_take_no_date_of_another_verb():
    assert rows("US and Chinese negotiators met in Stockholm on 28-29 July. The Commerce Department's "
                "decision in mid-July to let Nvidia resume H20 sales to China looked like a sweetener for "
                "the talks, and licences actually started going out last week.", "2025-08-13T09:00",
                "talks") == [
        ("talks", "hold", D(2025, 7, 28), None, None, US_CN)]


def test_the_talks_with_their_own_day_are_still_dated():
    assert rows("Ahead of the talks in Geneva on Saturday, US and Chinese officials traded barbs.",
                "2025-05-12T09:00", "talks") == [
        ("talks", "hold", D(2025, 5, 10), None, None, US_CN)]


# ------------------------------------------------- a decision reported in the past is dated by the report

def test_a_decision_reported_in_the_past_takes_the_day_of_the_report():
    assert rows("Beijing's commerce ministry followed on Thursday evening. It said that China would suspend "
                "for one year its rare-earth export controls on the United States.", "2025-10-31T09:00") == [
        ("export_control", "suspend", D(2025, 10, 30), None, "rare_earths", CN_US)]


def test_a_decision_reported_now_or_long_ago_keeps_its_own_dating():
    # a report in the present is news of the day of publication
    assert rows("Beijing's commerce ministry met US officials on Thursday. It says that China will suspend "
                "its rare-earth export controls on the United States.", "2025-10-31T09:00",
                "export_control") == [
        ("export_control", "suspend", D(2025, 10, 31), None, "rare_earths", CN_US)]
    # a day long before publication is no day of the report
    assert rows("The two sides met in Geneva on May 10. Beijing said it would suspend its rare-earth export "
                "controls on the United States.", "2025-10-31T09:00", "export_control") == [
        ("export_control", "suspend", D(2025, 10, 31), None, "rare_earths", CN_US)]


# ------------------------------------------------- "Trump extended it on Aug. 11 to Nov. 10"

def test_a_tariff_pause_extended_as_it():
    assert rows("The reciprocal pause was due to lapse on Aug. 12; it never did. Trump extended it on Aug. 11 "
                "to Nov. 10, and the order he signed on Nov. 4 pushed it to Nov. 10, 2026.",
                "2025-12-02T09:00", "tariff_deadline") == [
        ("tariff_deadline", "extend", D(2025, 8, 11), None, None, US_CN),
        ("tariff_deadline", "extend", D(2025, 11, 4), None, None, US_CN)]
    assert fields("The reciprocal pause was due to lapse on Aug. 12; it never did. Trump extended it on Aug. 11 "
                  "to Nov. 10, and the order he signed on Nov. 4 pushed it to Nov. 10, 2026.",
                  "2025-12-02T09:00", ("deadline",), "tariff_deadline") == [(D(2025, 11, 10),), (D(2026, 11, 10),)]


def test_it_extended_after_no_tariff_pause_is_no_tariff_deadline():
    assert rows("The TikTok deadline was due on Sept. 17. Trump extended it on Tuesday to Dec. 16 as US and "
                "Chinese officials negotiated.", "2025-09-20T09:00") == []
    # the tariff pause named only in another paragraph: its own deadline, no extension
    assert rows("The tariff pause runs to Nov. 10.\n\nThe TikTok sale was due on Sept. 17. Trump extended it "
                "on Tuesday to Dec. 16, US and Chinese officials said.", "2025-09-20T09:00",
                "tariff_deadline") == [("tariff_deadline", "set", D(2025, 9, 20), None, None, US_CN)]


def test_a_tariff_sum_that_rises_is_no_raise():
    # a level is a percentage; tariff revenue in dollars is no rate
    assert rows("On Monday US tariff revenue from China rose to 30 billion dollars, the Treasury said.",
                "2025-05-12T09:00") == []


# ------------------------------------------------- "extending its own pause by the same 90 days"

def test_an_extension_by_the_same_days_has_its_own_deadline():
    assert fields("President Trump signed an order on Monday keeping the 24-point slice of the reciprocal tariff "
                  "suspended until November 10. Beijing mirrored it on Tuesday, extending its own pause by the "
                  "same 90 days.", "2025-08-13T09:00", ("action", "occurred_on", "deadline", "actors"),
                  "tariff_deadline") == [
        ("extend", D(2025, 8, 11), D(2025, 11, 10), US_CN),
        ("extend", D(2025, 8, 12), D(2025, 11, 10), CN_US)]


def test_the_same_period_of_a_new_pause_still_adds_no_deadline():
    # "for the same 90-day period" names the period stated before
    assert fields("Washington suspended 24 points of its tariff for 90 days from May 14. China, for its part, "
                  "suspended 24 points of its counter-tariff for the same 90-day period.", "2025-05-12T12:00",
                  ("deadline",), "tariff_deadline") == [(D(2025, 8, 12),)]
