"""Follow-up and context-heavy stories (rules 1.6, follow-ups set): the day a
relative date counts from ("the next day" after a sentence that only refers back
to an earlier measure), "the same evening", "the weekend of Oct. 25-26", "six
months ago today", "Within a week"; denials and "is likely"; a future step
reported in the past; an agreement's terms listed under "What they agreed:";
what a round of days produced; enumerations ("The first ... The second ...") and
documents named again ("The orders implement ..."); correction notes; pauses of
fees; participle phrases; and trigger words news uses for these steps ("placed
an extra 10% on", "rose to 84%", "ended with a framework", "a joint statement
came", "add 50 percentage points", "lifted the curbs"). Sentences come from the
follow-ups style set and from this test.
"""
import datetime as dt

from pipeline.extract import EXTRACTOR_VERSION, extract
from tests.documents import feed_document, extracted_rows as rows

D = dt.date
US_CN, CN_US = ("US", "CN"), ("CN", "US")


def doc(body, published):
    return feed_document(body, published, "doc_test16f", "https://example.test/r16f")


def test_version():
    # the three rules-1.6.0 files (follow-ups, formats, registers) test this version
    assert EXTRACTOR_VERSION == "rules-1.6.0"


# ------------------------------------------------- relative dates

def test_the_next_day_counts_from_the_story_not_from_a_measure_referred_back_to():
    # "Washington's Sept. 29 rule" names an earlier measure: "the next day" is Oct. 10
    assert rows("On the 9th, China's commerce ministry unveiled its broadest rare-earth controls yet. "
                "Beijing presented the package as a reply to Washington's Sept. 29 \"affiliates rule,\" "
                "which extended entity-list restrictions to companies at least 50% owned by listed firms. "
                "The next day President Trump threatened an additional 100% tariff on Chinese goods "
                "from Nov. 1.", "2025-11-01T09:00", "tariff_change") == [
        ("tariff_change", "threaten", D(2025, 10, 10), 100.0, None, US_CN)]


def test_the_same_afternoon_skips_a_date_inside_a_relative_clause():
    assert rows("China said on Friday (Apr 4) that an additional 34% duty will apply to all goods "
                "imported from the United States. The figure mirrors the 34% rate on Chinese products "
                "that Trump unveiled in the Rose Garden on Wednesday (Apr 2). In a separate notice the "
                "same afternoon, the commerce ministry placed export controls on seven rare earths.",
                "2025-04-05T09:00", "export_control") == [
        ("export_control", "impose", D(2025, 4, 4), None, "rare_earths", CN_US)]


def test_a_sentence_of_the_story_still_anchors_the_next_day():
    assert rows("Trump raised the tariff on Chinese goods to 125% on Wednesday. The next day the "
                "commerce ministry placed export controls on seven rare earths.",
                "2025-04-14T09:00", "export_control") == [
        ("export_control", "impose", D(2025, 4, 10), None, "rare_earths", CN_US)]


def test_the_same_evening_is_a_day():
    assert rows("Washington announced its cut on Monday. Beijing confirmed its side of the bargain the "
                "same evening. China's Customs Tariff Commission said the duty on American goods would "
                "also drop to 10% from 14 May.", "2025-05-13T09:00") == [
        ("tariff_change", "lower", D(2025, 5, 12), 10.0, None, CN_US)]


def test_the_weekend_of_a_date_is_that_date():
    assert rows("Negotiators led by Treasury Secretary Scott Bessent and Vice Premier He Lifeng met in "
                "Kuala Lumpur over the weekend of Oct. 25-26.", "2025-11-01T09:00") == [
        ("talks", "hold", D(2025, 10, 25), None, None, US_CN)]
    assert rows("U.S. and Chinese officials held talks in Geneva over the weekend of May 10-11, both "
                "governments said.", "2025-05-20T09:00") == [
        ("talks", "hold", D(2025, 5, 10), None, None, US_CN)]
    # a bare "the weekend" is still the last one before publication
    assert rows("U.S. and Chinese officials held talks in Geneva over the weekend, both governments "
                "said.", "2025-05-13T09:00") == [
        ("talks", "hold", D(2025, 5, 10), None, None, US_CN)]


# ------------------------------------------------- denials

def test_a_denial_is_not_an_event():
    assert rows("A Chinese embassy spokesperson said on Monday that Beijing had \"never\" refused "
                "dialogue, but denied that any negotiations were under way.", "2025-03-11T09:00") == []
    assert rows("The commerce ministry denied reports that talks with Washington had been held in "
                "Geneva on Monday.", "2025-03-11T09:00") == []
    # the same talks asserted are an event
    assert rows("The commerce ministry said on Monday that talks with Washington had been held in "
                "Geneva.", "2025-03-11T09:00") == [
        ("talks", "hold", D(2025, 3, 10), None, None, CN_US)]


# ------------------------------------------------- a future step reported in the past

def test_a_future_step_reported_in_the_past_takes_the_paragraphs_date():
    assert rows("The commerce ministry spoke on Wednesday. It said China would lift its tariffs on "
                "U.S. farm goods from Nov. 10.", "2025-11-07T09:00") == [
        ("tariff_change", "remove", D(2025, 11, 5), None, None, CN_US)]


def test_a_future_step_reported_with_no_date_before_it_is_the_days_news():
    # no sentence before it: the day of publication
    assert rows("The commerce ministry said China would lift its tariffs on U.S. farm goods from "
                "Nov. 10.", "2025-11-07T09:00") == [
        ("tariff_change", "remove", D(2025, 11, 7), None, None, CN_US)]
    # another paragraph's date does not carry over
    assert rows("Beijing responded on Wednesday.\n\nThe commerce ministry said China would lift its "
                "tariffs on U.S. farm goods from Nov. 10.", "2025-11-07T09:00") == [
        ("tariff_change", "remove", D(2025, 11, 7), None, None, CN_US)]


# ------------------------------------------------- an agreement's terms as a list

def test_the_terms_listed_under_what_was_agreed_take_the_agreements_day():
    assert rows("On Thursday, Oct. 30, Trump and Xi Jinping met for about 100 minutes at an air base "
                "in Busan.\n\nWhat they agreed, according to both governments:\n"
                "- The U.S. will cut the fentanyl-related tariff to 10% from 20%.\n"
                "- China will suspend the rare-earth export controls it announced on Oct. 9 for one year.\n"
                "- The U.S. will suspend the affiliates rule for a year.", "2025-11-01T09:00") == [
        ("leader_contact", "meeting", D(2025, 10, 30), None, None, US_CN),
        ("tariff_change", "lower", D(2025, 10, 30), 10.0, None, US_CN),
        ("export_control", "impose", D(2025, 10, 9), None, "rare_earths", CN_US),
        ("export_control", "suspend", D(2025, 10, 30), None, "rare_earths", CN_US),
        ("export_control", "suspend", D(2025, 10, 30), None, "technology", US_CN)]


def test_listed_terms_stay_separate_steps():
    assert rows("Trump and Xi Jinping shook hands in Busan on Thursday.\n\nUnder the deal, China will:\n"
                "- Suspend its rare-earth export controls for a year.\n"
                "- Issue general licences for exports of rare earths and gallium.", "2025-11-03T09:00",
                "export_control") == [
        ("export_control", "suspend", D(2025, 10, 30), None, "rare_earths", CN_US),
        ("export_control", "ease", D(2025, 10, 30), None, "rare_earths", CN_US),
        ("export_control", "ease", D(2025, 10, 30), None, "critical_minerals", CN_US)]


def test_a_dated_lead_line_dates_its_terms():
    assert rows("Trump and Xi Jinping shook hands in Busan on Thursday.\n\nUnder the deal struck on "
                "Oct. 29, the United States will:\n- Cut the fentanyl tariff on Chinese goods to 10%.",
                "2025-11-03T09:00", "tariff_change") == [
        ("tariff_change", "lower", D(2025, 10, 29), 10.0, None, US_CN)]


def test_a_list_that_is_not_an_agreements_terms_is_the_days_news():
    assert rows("Trump and Xi Jinping shook hands in Busan on Thursday.\n\nWhat to watch this month:\n"
                "- China will suspend its rare-earth export controls for a year.", "2025-11-03T09:00",
                "export_control") == [
        ("export_control", "suspend", D(2025, 11, 3), None, "rare_earths", CN_US)]


# ------------------------------------------------- what a round of several days produced

def test_what_a_round_of_days_produced_comes_on_its_last_day():
    # the talks are dated by their first day, the framework they produced by the last
    assert rows("Negotiators led by Treasury Secretary Scott Bessent and Vice Premier He Lifeng met in "
                "Kuala Lumpur over the weekend of Oct. 25-26 and produced a framework for the leaders.",
                "2025-11-01T09:00") == [
        ("agreement", "propose", D(2025, 10, 26), None, None, US_CN),
        ("talks", "hold", D(2025, 10, 25), None, None, US_CN)]
    assert rows("U.S. and Chinese negotiators reached an agreement in Geneva on May 10-11 to cut tariffs.",
                "2025-05-14T09:00", "agreement") == [
        ("agreement", "reach", D(2025, 5, 11), None, None, US_CN)]


def test_an_agreement_of_one_day_keeps_it():
    assert rows("U.S. and Chinese negotiators reached an agreement in Geneva on May 11 to cut tariffs.",
                "2025-05-14T09:00", "agreement") == [
        ("agreement", "reach", D(2025, 5, 11), None, None, US_CN)]


# ------------------------------------------------- "is likely" after the happening

def test_a_happening_the_clause_calls_only_likely_is_not_an_event():
    assert rows("The White House says a meeting on the sidelines of the APEC summit in South Korea at "
                "the end of October is likely.", "2025-10-02T09:00") == []
    assert rows("A meeting between Trump and Xi is now possible, officials in Washington and Beijing "
                "said.", "2025-10-02T09:00") == []


def test_likely_in_a_relative_clause_or_another_clause_leaves_the_happening():
    assert rows("U.S. and Chinese negotiators held talks in Madrid on Sunday that are likely to resume "
                "next month.", "2025-09-16T09:00") == [
        ("talks", "hold", D(2025, 9, 14), None, None, US_CN)]
    assert rows("U.S. and Chinese negotiators held talks in Madrid on Sunday, and a deal on tariffs is "
                "likely.", "2025-09-16T09:00") == [
        ("talks", "hold", D(2025, 9, 14), None, None, US_CN)]


# ------------------------------------------------- "took effect ..., days after X announced them"

def effect_rows(body, published):
    return [(e.event_type, e.action, e.occurred_on, e.effective_on, e.rate_pct, e.actors)
            for e in extract(doc(body, published))]


def test_a_measure_taking_effect_after_its_announcement_is_one_step():
    assert effect_rows("China's retaliatory duties on American energy and machinery took effect on Monday, "
                       "six days after Beijing announced them.", "2025-02-10T09:00") == [
        ("tariff_change", "impose", D(2025, 2, 4), D(2025, 2, 10), None, CN_US)]
    assert effect_rows("China's 125% tariff on U.S. goods took effect on Saturday, a day after the Customs "
                       "Tariff Commission announced it.", "2025-04-12T09:00") == [
        ("tariff_change", "impose", D(2025, 4, 11), D(2025, 4, 12), 125.0, CN_US)]


# ------------------------------------------------- "signed two orders on Tuesday. The first ... The second ..."

def deadline_rows(body, published):
    return [(e.event_type, e.action, e.occurred_on, e.deadline, e.actors)
            for e in extract(doc(body, published)) if e.event_type == "tariff_deadline"]


def test_the_items_of_an_enumeration_take_the_day_and_actor_of_the_sentence_that_introduced_them():
    body = ("President Trump signed two executive orders on Tuesday. The first cuts the tariff he imposed "
            "on Chinese goods over fentanyl - doubled to 20% in March - to 10%, effective 12:01 a.m. on "
            "Nov. 10. The second keeps the 24-point portion of the \"reciprocal\" tariff suspended until "
            "Nov. 10, 2026, a year longer than planned.")
    assert rows(body, "2025-11-06T09:00", "tariff_change") == [
        ("tariff_change", "impose", D(2025, 3, 16), None, None, US_CN),
        ("tariff_change", "lower", D(2025, 11, 4), None, None, US_CN)]
    assert deadline_rows(body, "2025-11-06T09:00") == [
        ("tariff_deadline", "set", D(2025, 11, 4), D(2026, 11, 10), US_CN)]


def test_an_enumeration_of_notices():
    assert rows("China's commerce ministry issued two notices on Thursday in answer to Washington. The "
                "first adds five rare earths to its export control list. The other imposes export "
                "controls on lithium batteries.", "2025-10-14T09:00") == [
        ("export_control", "impose", D(2025, 10, 9), None, "rare_earths", CN_US),
        ("export_control", "impose", D(2025, 10, 9), None, "critical_minerals", CN_US)]


def test_a_date_inside_a_dashed_aside_belongs_to_the_aside():
    # the present-tense cut is the day's news; March dates only the aside's doubling
    assert rows("The order cuts the tariff Trump imposed on Chinese goods over fentanyl - doubled to 20% "
                "in March - to 10%.", "2025-11-06T09:00") == [
        ("tariff_change", "impose", D(2025, 3, 16), None, None, US_CN),
        ("tariff_change", "lower", D(2025, 11, 6), None, None, US_CN)]


# ------------------------------------------------- correction notes

def test_what_an_earlier_version_of_the_story_said_is_not_an_event():
    assert rows("Correction: An earlier version of this story, published Wednesday, said China would "
                "suspend its tariffs on U.S. farm goods from Nov. 1.", "2025-11-06T09:00") == []
    # an earlier version of a government's statement is not a correction note
    assert rows("The commerce ministry said on Wednesday that China would suspend its tariffs on U.S. "
                "farm goods, according to an earlier version of its statement.", "2025-11-06T09:00") == [
        ("tariff_change", "suspend", D(2025, 11, 5), None, None, CN_US)]


# ------------------------------------------------- pauses of what is no tariff

def test_a_pause_of_port_fees_sets_no_tariff_deadline():
    assert rows("Trump and Xi Jinping met in Busan on Thursday. Both sides will pause their port fees "
                "for a year.", "2025-11-01T09:00") == [
        ("leader_contact", "meeting", D(2025, 10, 30), None, None, US_CN)]


def test_a_pause_of_fees_and_a_tariff_is_a_tariff_deadline():
    assert [r[:3] for r in rows("Trump and Xi Jinping met in Busan on Thursday. Both sides agreed to pause "
                                "port fees and the 24% tariff for a year.", "2025-11-01T09:00",
                                "tariff_deadline")] == [
        ("tariff_deadline", "set", D(2025, 10, 30))]


# ------------------------------------------------- a measure named by a participle phrase

def test_a_modal_after_the_participle_phrase_is_the_main_clauses():
    assert rows("Washington cut its tariff on Monday. A spokesman for China's commerce ministry would not "
                "say whether the rare-earth licensing introduced on 4 April would be relaxed.",
                "2025-05-13T09:00", "export_control") == [
        ("export_control", "impose", D(2025, 4, 4), None, "rare_earths", CN_US)]


def test_a_cue_inside_the_participle_phrase_still_blocks_it():
    assert rows("Washington cut its tariff on Monday. China said the rare-earth licensing introduced if "
                "talks fail would be strict.", "2025-05-13T09:00", "export_control") == []


# ------------------------------------------------- talks that ended with a framework

def test_talks_that_ended_with_a_framework_produced_it():
    assert rows("Two days of talks between U.S. and Chinese negotiators at Lancaster House ended late on "
                "Tuesday with what Commerce Secretary Howard Lutnick called \"a framework to implement the "
                "Geneva consensus\".", "2025-06-13T09:00") == [
        ("agreement", "propose", D(2025, 6, 10), None, None, US_CN),
        ("talks", "hold", D(2025, 6, 9), None, None, US_CN)]


def test_talks_that_ended_with_no_deal_or_a_truce_that_ended_produced_none():
    assert rows("Talks between U.S. and Chinese negotiators in Geneva ended on Sunday with no deal.",
                "2025-05-13T09:00") == [
        ("talks", "hold", D(2025, 5, 11), None, None, US_CN)]
    assert rows("The truce ended on Sunday with the Chinese side raising tariffs.", "2025-05-13T09:00",
                "agreement") == []


# ------------------------------------------------- "Beijing's package also ..."

def test_also_continues_the_actors_own_step_past_the_other_sides():
    assert rows("China's retaliatory duties on American energy took effect on Monday, six days after "
                "Beijing announced them. U.S. coal now pays an extra 15%. The levies answer the additional "
                "10% tariff on all Chinese goods that President Trump ordered on Feb. 1. Beijing's package "
                "also put export controls on tungsten and indium.", "2025-02-10T09:00", "export_control") == [
        ("export_control", "impose", D(2025, 2, 4), None, "critical_minerals", CN_US)]


# ------------------------------------------------- "placed an extra 10% on"

def test_placing_a_rate_or_a_tariff_on_goods_imposes_it():
    assert rows("President Trump placed an extra 10% on all imports from China in February, citing the "
                "flow of fentanyl.", "2025-03-11T09:00") == [
        ("tariff_change", "impose", D(2025, 2, 14), 10.0, None, US_CN)]
    assert rows("Beijing placed retaliatory tariffs on American farm goods on March 4.",
                "2025-03-11T09:00") == [
        ("tariff_change", "impose", D(2025, 3, 4), None, None, CN_US)]


def test_placing_a_tariff_at_a_level_is_an_estimate():
    assert rows("Analysts placed the effective tariff on Chinese goods at 45% on Monday.",
                "2025-03-11T09:00") == []


def test_a_tariff_kept_in_place_is_not_placed():
    assert [r[1] for r in rows("The United States will keep its 30% tariff on Chinese batteries in place and "
                               "lower its duty on Chinese toys to 5%, the White House said on Monday.",
                               "2025-09-22T12:00")] == ["lower"]


# ------------------------------------------------- "the tariff rose to 84%"

def test_a_tariff_that_rose_to_a_rate_was_raised():
    assert rows("The \"reciprocal\" tariff on Chinese goods rose to 84% at 12:01 a.m., after the White House "
                "confirmed the increase on Tuesday.", "2025-04-09T23:40") == [
        ("tariff_change", "raise", D(2025, 4, 8), 84.0, None, US_CN)]
    assert rows("The U.S. tariff on Chinese goods jumped to 125% on Wednesday.", "2025-04-10T09:00") == [
        ("tariff_change", "raise", D(2025, 4, 9), 125.0, None, US_CN)]


def test_revenue_or_trade_that_rose_is_no_tariff_step():
    assert rows("Tariff revenue jumped to 20 billion dollars in April, Treasury data show, as China shipped "
                "less.", "2025-04-09T23:40") == []


# ------------------------------------------------- old and new deadline in one clause

def test_an_extension_sets_the_deadline_after_it_not_the_one_before():
    assert deadline_rows("President Trump signed an executive order on Monday, hours before the pause with China "
                         "was due to expire at 12:01 a.m. on Aug. 12, keeping the suspended portion of his "
                         "\"reciprocal\" tariff on hold until Nov. 10.", "2025-08-12T10:15") == [
        ("tariff_deadline", "set", D(2025, 8, 11), D(2025, 8, 12), US_CN),
        ("tariff_deadline", "extend", D(2025, 8, 11), D(2025, 11, 10), US_CN)]
    assert deadline_rows("The Aug. 12 deadline for the tariff truce with China was extended on Monday to Nov. 10.",
                         "2025-08-12T10:15") == [
        ("tariff_deadline", "extend", D(2025, 8, 11), D(2025, 11, 10), US_CN)]


# ------------------------------------------------- "agreed to seek a further 90-day rollover"

def test_agreeing_to_seek_a_rollover_proposes_an_agreement_at_the_rounds_end():
    assert rows("The extension follows the latest round of talks, held in Stockholm on July 28 and 29, where "
                "Treasury Secretary Scott Bessent and Vice Premier He Lifeng agreed to seek a further 90-day "
                "rollover but left the final word to Trump.", "2025-08-12T10:15") == [
        ("agreement", "propose", D(2025, 7, 29), None, None, US_CN),
        ("talks", "hold", D(2025, 7, 28), None, None, US_CN)]


def test_agreeing_to_roll_over_something_else_is_no_agreement():
    assert rows("U.S. and Chinese negotiators agreed on Tuesday to roll over their debate to next week.",
                "2025-08-12T10:15") == []


# ------------------------------------------------- anniversary pieces: "six months ago today", "within a week"

def test_months_ago_today_is_that_calendar_day():
    assert rows("Six months ago today, President Trump held up a chart in the Rose Garden and announced a 34% "
                "\"reciprocal\" tariff on goods from China.", "2025-10-02T09:00") == [
        ("tariff_change", "impose", D(2025, 4, 2), 34.0, None, US_CN)]
    # without "today" it stays a rough month
    assert rows("Six months ago, President Trump announced a 34% \"reciprocal\" tariff on goods from China.",
                "2025-10-02T09:00") == [
        ("tariff_change", "impose", D(2025, 4, 5), 34.0, None, US_CN)]


def test_within_a_week_is_the_week_after_the_happening_before():
    # Apr 3-9, dated by its middle; "had reached 125%" raised the rate
    assert rows("Six months ago today, President Trump announced a 34% \"reciprocal\" tariff on goods from "
                "China. Within a week the rate had reached 125%.", "2025-10-02T09:00") == [
        ("tariff_change", "impose", D(2025, 4, 2), 34.0, None, US_CN),
        ("tariff_change", "raise", D(2025, 4, 6), 125.0, None, US_CN)]
    assert rows("Trump raised the tariff on Chinese goods to 125% on April 9. Within three days, Beijing "
                "imposed export controls on seven rare earths.", "2025-04-20T09:00", "export_control") == [
        ("export_control", "impose", D(2025, 4, 11), None, "rare_earths", CN_US)]


def test_a_rate_that_could_reach_a_level_is_no_step():
    assert rows("Analysts said the U.S. tariff on Chinese goods could reach 200% by June.",
                "2025-04-20T09:00") == []


# ------------------------------------------------- "extended controls to rare-earth ... technology"

def test_controls_extended_to_a_commodity_are_export_controls():
    assert rows("Last Thursday the paperwork got heavier. China's commerce ministry added five more elements - "
                "holmium, erbium, thulium, europium and ytterbium - to the list, extended controls to "
                "rare-earth mining, smelting and magnet-making technology, and for the first time claimed "
                "jurisdiction over products made abroad. Washington reacted on Friday.", "2025-10-14T09:00") == [
        ("export_control", "tighten", D(2025, 10, 9), None, "rare_earths", CN_US)]
    assert rows("On Monday the Commerce Department expanded its restrictions to subsidiaries of Chinese chip "
                "firms, officials in Beijing said.", "2025-10-01T09:00") == [
        ("export_control", "tighten", D(2025, 9, 29), None, "semiconductors", US_CN)]


def test_controls_extended_to_no_controlled_good_are_none():
    assert rows("On Monday China extended its tariff controls to Washington's farm goods.",
                "2025-10-01T09:00") == []


def test_every_trigger_pattern_keeps_its_word_prefix_gate():
    # an alternative whose first three letters cannot be read ("r(?:ose|ises)")
    # ungates its whole action: the regex then runs over every sentence
    from pipeline.extract.rules import _compiled
    c = _compiled()
    for etype in ("tariff_change", "export_control", "agreement", "talks"):
        assert c[etype]["anchor"].gate is not None
        for action, rx in c[etype]["actions"]:
            assert rx.gate is not None, (etype, action)
            assert rx.pieces is not None or (etype, action) == ("tariff_change", "threaten"), (etype, action)


# ------------------------------------------------- "Since April, when Beijing put ..."

def test_a_when_clause_after_a_since_date_happened_then():
    assert rows("Exporters in China have filled in forms for Washington buyers for months. Since April, when "
                "Beijing put seven medium and heavy rare earths, dysprosium and terbium among them, under "
                "export licensing, every shipment has needed a permit.", "2025-10-14T09:00") == [
        ("export_control", "impose", D(2025, 4, 15), None, "rare_earths", CN_US)]


def test_a_step_past_the_when_clause_keeps_its_own_date():
    assert rows("Exporters in China have filled in forms for Washington buyers since April, when the rules "
                "changed, and Beijing put seven rare earths under export licensing on Thursday.",
                "2025-10-14T09:00") == [
        ("export_control", "impose", D(2025, 10, 9), None, "rare_earths", CN_US)]
    assert rows("Since April, China has kept seven rare earths under export licensing, and Washington has "
                "complained.", "2025-10-14T09:00") == [
        ("export_control", "impose", D(2025, 10, 14), None, "rare_earths", CN_US)]


# ------------------------------------------------- "the lower rate", "cancelled orders"

def test_the_lower_rate_is_a_level_not_a_step():
    assert rows("The lower rate on Chinese goods applies from Nov. 10, U.S. officials said.",
                "2025-11-06T09:00") == []
    assert rows("The United States lowered its tariff on Chinese goods to 10% on Tuesday.",
                "2025-11-06T09:00") == [
        ("tariff_change", "lower", D(2025, 11, 4), 10.0, None, US_CN)]


def test_buyers_cancelling_orders_remove_no_tariff():
    assert rows("After Washington lifted its reciprocal levy on China to 125% in early April, on top of a 20% "
                "fentanyl-related charge, US buyers cancelled or froze orders almost overnight.",
                "2025-05-20T09:00") == [
        ("tariff_change", "raise", D(2025, 4, 5), None, None, US_CN)]
    assert rows("China cancelled its retaliatory tariffs on U.S. farm goods on Monday.", "2025-05-20T09:00") == [
        ("tariff_change", "remove", D(2025, 5, 19), None, None, CN_US)]


# ------------------------------------------------- "the 34% tariff Trump unveiled"

def test_a_measure_named_by_its_relative_clause_has_its_own_nouns_rate():
    assert rows("The 84% rate replaces the 34% tariff Trump unveiled in the Rose Garden on April 2 for China.",
                "2025-04-09T23:40") == [
        ("tariff_change", "impose", D(2025, 4, 2), 34.0, None, US_CN)]
    assert [r[:4] for r in rows("The 125% rate replaces the 34% duty that Beijing announced on April 4 against "
                                "U.S. goods.", "2025-04-12T09:00")] == [
        ("tariff_change", "impose", D(2025, 4, 4), 34.0)]


def test_a_step_with_a_result_rate_keeps_it():
    assert rows("Trump on Wednesday raised the 34% tariff he imposed on Chinese goods in early April to 125%.",
                "2025-04-12T09:00") == [
        ("tariff_change", "raise", D(2025, 4, 9), 125.0, None, US_CN)]


# ------------------------------------------------- "The orders implement ..."

def test_a_present_step_of_documents_reported_before_takes_their_day():
    assert rows("President Trump signed two executive orders on Tuesday. The first cuts the fentanyl tariff on "
                "Chinese goods to 10%. Beijing followed on Wednesday. The orders implement the agreement Trump "
                "and Xi Jinping reached in Busan on Oct. 30.", "2025-11-06T09:00", "agreement") == [
        ("agreement", "reach", D(2025, 10, 30), None, None, US_CN),
        ("agreement", "implement", D(2025, 11, 4), None, None, US_CN)]


def test_documents_not_reported_before_leave_the_present_step_on_the_day_of_publication():
    assert rows("President Trump signed two executive orders on Tuesday. Beijing followed on Wednesday. The "
                "statements implement the agreement Trump and Xi Jinping reached in Busan on Oct. 30.",
                "2025-11-06T09:00", "agreement") == [
        ("agreement", "reach", D(2025, 10, 30), None, None, US_CN),
        ("agreement", "implement", D(2025, 11, 6), None, None, US_CN)]


# ------------------------------------------------- timelines in the present: "talks ... produce a framework"

def test_talks_that_produce_a_framework_in_a_timeline_item():
    assert rows("HOW WE GOT HERE\n\nJune 9-10 - Talks between U.S. and Chinese negotiators in London produce "
                "a framework to restore rare-earth shipments.", "2025-09-16T08:00") == [
        ("agreement", "propose", D(2025, 6, 10), None, None, US_CN),
        ("talks", "hold", D(2025, 6, 9), None, None, US_CN)]


def test_producing_goods_is_no_agreement():
    assert rows("China produces most of the world's rare earths, and the framework agreed with Washington in "
                "June did not change that.", "2025-09-16T08:00", "agreement") == [
        ("agreement", "reach", D(2025, 6, 15), None, None, CN_US)]


# ------------------------------------------------- "when the joint statement came on 12 May"

def test_a_joint_statement_that_came_or_cut_rates_is_an_agreement():
    assert rows("When the joint statement came on 12 May, the numbers were larger than most in the room had "
                "expected, U.S. and Chinese officials said.", "2025-05-13T09:30") == [
        ("agreement", "reach", D(2025, 5, 12), None, None, US_CN)]
    assert rows("HOW WE GOT HERE\n\nMay 10-11 - Talks in Geneva between U.S. and Chinese negotiators. On May 12 "
                "a joint statement cuts both sides' reciprocal rates to 10% for 90 days from May 14.",
                "2025-09-16T08:00", "agreement") == [
        ("agreement", "reach", D(2025, 5, 12), None, None, US_CN)]


def test_a_ministrys_statement_is_no_agreement():
    assert rows("The commerce ministry's statement came on Monday, and China said it would study the U.S. "
                "offer.", "2025-05-13T09:30") == []


# ------------------------------------------------- "a threat to add 50 percentage points"

def test_a_threat_to_add_percentage_points_is_a_tariff_threat():
    assert rows("China raised its tariff to 34% on Friday. The move makes good on President Trump's Monday "
                "threat to add 50 percentage points unless Beijing withdrew its retaliation.",
                "2025-04-09T23:40") == [
        ("tariff_change", "raise", D(2025, 4, 4), 34.0, None, CN_US),
        ("tariff_change", "threaten", D(2025, 4, 7), None, None, US_CN)]


def test_points_added_to_inflation_are_no_tariff():
    assert rows("U.S. officials said on Monday that the move would add 2 percentage points to inflation in "
                "China.", "2025-04-09T23:40") == []


# ------------------------------------------------- "lifted the curbs"

def test_lifting_the_curbs_is_an_export_control_step_when_the_sentence_names_the_good():
    # "the curbs" alone, right after a verb that lifts or eases them; the good is
    # named elsewhere in the sentence
    assert rows("Chinese chip designers rely on American design software, and on Thursday the Commerce "
                "Department lifted the curbs, officials in Beijing said.", "2025-07-10T06:00") == [
        ("export_control", "lift", D(2025, 7, 10), None, "technology", US_CN)]


def test_curbs_on_something_else_are_no_export_control():
    assert rows("Beijing lifted the curbs on foreign banks on Monday, officials in Washington said.",
                "2025-10-02T06:00") == []
