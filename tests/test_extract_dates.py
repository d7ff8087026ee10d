"""Date expressions resolved against the publication date, with precision."""
import datetime as dt

from pipeline.extract.dates import add_duration, find_dates, find_durations

D = dt.date


def resolved(text, pub):
    return [(m.text, m.value, m.lo, m.hi, m.precision, m.role) for m in find_dates(text, pub)]


def test_weekday_is_most_recent_on_or_before_publication():
    # Tuesday 10 June 2025
    assert resolved("U.S.-China talks extended late into the afternoon on Tuesday.", D(2025, 6, 10)) == [
        ("Tuesday", D(2025, 6, 10), D(2025, 6, 10), D(2025, 6, 10), "day", "occurred")]
    assert resolved("President Donald Trump signed the order on Saturday.", D(2025, 2, 4)) == [
        ("Saturday", D(2025, 2, 1), D(2025, 2, 1), D(2025, 2, 1), "day", "occurred")]


def test_weekday_in_future_tense_and_next_weekday():
    pub = D(2025, 6, 7)  # a Saturday
    assert resolved("Bessent will meet a Chinese delegation in London on Monday.", pub) == [
        ("Monday", D(2025, 6, 9), D(2025, 6, 9), D(2025, 6, 9), "day", "occurred")]
    assert resolved("He would meet He Lifeng in Stockholm next Monday.", D(2025, 7, 23)) == [
        ("next Monday", D(2025, 7, 28), D(2025, 7, 28), D(2025, 7, 28), "day", "occurred")]
    assert resolved("Last Friday the commerce ministry placed seven rare earths under export controls.",
                    D(2025, 4, 10)) == [
        ("Last Friday", D(2025, 4, 4), D(2025, 4, 4), D(2025, 4, 4), "day", "occurred")]


def test_spoke_by_phone_is_past_not_future():
    assert resolved("Trump and Xi spoke by phone on Friday.", D(2025, 9, 20))[0][1] == D(2025, 9, 19)


def test_last_week_and_weekend():
    pub = D(2025, 6, 10)
    assert resolved("last week, Chinese state media", pub) == [
        ("last week", D(2025, 6, 5), D(2025, 6, 2), D(2025, 6, 8), "week", "occurred")]
    assert resolved("The negotiators then met in Kuala Lumpur last weekend.", D(2025, 10, 30)) == [
        ("last weekend", D(2025, 10, 25), D(2025, 10, 25), D(2025, 10, 26), "week", "occurred")]
    assert resolved("Washington's move earlier this week", D(2025, 4, 11)) == [
        ("earlier this week", D(2025, 4, 9), D(2025, 4, 7), D(2025, 4, 11), "week", "occurred")]


def test_month_relative_expressions():
    pub = D(2025, 7, 29)
    assert resolved("Earlier this month Washington lifted the licence requirements.", pub) == [
        ("Earlier this month", D(2025, 7, 14), D(2025, 7, 1), D(2025, 7, 28), "approx", "occurred")]
    assert resolved("the talks held in Stockholm late last month", D(2025, 8, 12)) == [
        ("late last month", D(2025, 7, 26), D(2025, 7, 21), D(2025, 7, 31), "approx", "occurred")]
    assert resolved("the meeting planned for later this month", D(2025, 10, 13)) == [
        ("later this month", D(2025, 10, 22), D(2025, 10, 14), D(2025, 10, 31), "approx", "occurred")]
    assert resolved("the truce agreed in Geneva last month", D(2025, 6, 7)) == [
        ("last month", D(2025, 5, 16), D(2025, 5, 1), D(2025, 5, 31), "month", "occurred")]


def test_part_of_month_and_whole_month():
    pub = D(2025, 6, 10)
    assert resolved("an earlier meeting that occurred in Switzerland in mid-May", pub) == [
        ("mid-May", D(2025, 5, 15), D(2025, 5, 10), D(2025, 5, 20), "approx", "occurred")]
    assert resolved("since it put seven of them under licensing in early April", pub) == [
        ("early April", D(2025, 4, 5), D(2025, 4, 1), D(2025, 4, 10), "approx", "occurred")]
    assert resolved("At talks in Geneva in May, both sides agreed.", D(2025, 9, 3)) == [
        ("May", D(2025, 5, 16), D(2025, 5, 1), D(2025, 5, 31), "month", "occurred")]
    assert resolved("the ban it imposed in December 2024", D(2025, 11, 10)) == [
        ("December 2024", D(2024, 12, 16), D(2024, 12, 1), D(2024, 12, 31), "month", "occurred")]


def test_month_year_inference_uses_tense():
    pub = D(2025, 10, 30)
    assert resolved("Trump says he will visit China in April.", pub)[0][1:3] == (D(2026, 4, 15), D(2026, 4, 1))
    assert resolved("In February, Washington imposed a 10% tariff.", D(2025, 9, 3))[0][2] == D(2025, 2, 1)
    # an attributive month names a past measure even in a future sentence
    assert resolved("The U.S. will suspend for one year its September rule.", pub)[0][2] == D(2025, 9, 1)


def test_month_day_forms():
    pub = D(2025, 6, 27)
    for text in ("the pause expires on Aug. 12", "the pause expires on August 12th",
                 "the pause expires on 12 August", "the pause expires on August 12, 2025"):
        (m,) = find_dates(text, pub)
        assert (m.value, m.precision, m.role) == (D(2025, 8, 12), "day", "deadline"), text


def test_ordinal_day_of_the_month():
    assert resolved("the talks resume on the 12th", D(2025, 6, 10)) == [
        ("the 12th", D(2025, 6, 12), D(2025, 6, 12), D(2025, 6, 12), "day", "occurred")]


def test_explicit_dates_years_and_roles():
    pub = D(2025, 4, 4)
    assert resolved("From 12:01 on April 10, 2025, an additional tariff of 34% shall be imposed", pub) == [
        ("April 10, 2025", D(2025, 4, 10), D(2025, 4, 10), D(2025, 4, 10), "day", "effective")]
    assert resolved("the reciprocal tariff order of April 2, 2025", D(2025, 5, 12)) == [
        ("April 2, 2025", D(2025, 4, 2), D(2025, 4, 2), D(2025, 4, 2), "day", "attributive")]
    assert resolved("extending the suspension until Nov. 10, 2026", D(2025, 11, 5)) == [
        ("Nov. 10, 2026", D(2026, 11, 10), D(2026, 11, 10), D(2026, 11, 10), "day", "deadline")]
    # a deadline with no year lies ahead of the publication date
    assert resolved("extended the pause for another 90 days, to Nov. 10", D(2025, 9, 3))[0][1] == D(2025, 11, 10)


def test_weekday_folded_into_explicit_date():
    assert resolved("on Tuesday, June 10, 2025, Commerce Secretary Howard Lutnick", D(2025, 6, 10)) == [
        ("Tuesday, June 10, 2025", D(2025, 6, 10), D(2025, 6, 10), D(2025, 6, 10), "day", "occurred")]


def test_day_range():
    (m,) = find_dates("talks in London on June 9-10", D(2025, 6, 12))
    assert (m.value, m.lo, m.hi, m.last, m.precision) == (D(2025, 6, 9), D(2025, 6, 9), D(2025, 6, 10),
                                                          D(2025, 6, 10), "day")


def test_relative_days():
    pub = D(2025, 6, 7)
    assert resolved("Trump said on Friday, a day after a phone call with Xi", pub) == [
        ("Friday", D(2025, 6, 6), D(2025, 6, 6), D(2025, 6, 6), "day", "occurred"),
        ("a day after", D(2025, 6, 5), D(2025, 6, 5), D(2025, 6, 5), "day", "occurred")]
    assert resolved("Eight days ago Washington and Beijing stepped back.", D(2025, 5, 20)) == [
        ("Eight days ago", D(2025, 5, 12), D(2025, 5, 12), D(2025, 5, 12), "day", "occurred")]
    assert resolved("On April 2, Trump announced a tariff, and China matched it two days later.",
                    D(2025, 9, 3))[1][1] == D(2025, 4, 4)


def test_deadline_by_part_of_month():
    assert resolved("a decision is due by mid-August", D(2025, 7, 1)) == [
        ("mid-August", D(2025, 8, 15), D(2025, 8, 10), D(2025, 8, 20), "approx", "deadline")]


def test_durations_and_deadline_arithmetic():
    durs = find_durations("suspend for 90 days, a 90-day pause, for another year, for a further 90 days")
    assert [(d.text, d.days, d.years) for d in durs] == [
        ("for 90 days", 90, 0), ("a 90-day pause", 90, 0), ("for another year", 0, 1),
        ("for a further 90 days", 90, 0)]
    assert find_durations("two days of talks, its biggest one-day gain in years") == []
    (dur,) = find_durations("for 90 days")
    assert add_duration(D(2025, 5, 14), dur) == D(2025, 8, 12)
    (year,) = find_durations("for one year")
    assert add_duration(D(2025, 11, 10), year) == D(2026, 11, 10)


def test_unresolvable_dates_are_left_out():
    assert find_dates("The truce has held for a while and may hold a while longer.", D(2025, 6, 10)) == []
    # "the previous day" with nothing to count from stays unresolved
    assert find_dates("They had signed an agreement the previous day.", D(2025, 6, 10)) == []


# ---------------------------------------------------------------- rules-1.1.0

def test_next_weekday_and_weekend_forms():
    pub = D(2025, 6, 3)  # a Tuesday
    assert resolved("the delegations meet again next Tuesday", pub)[0][1:5] == (
        D(2025, 6, 10), D(2025, 6, 10), D(2025, 6, 10), "day")
    (m,) = find_dates("Officials met over the weekend in Geneva.", D(2025, 5, 12))
    assert (m.lo, m.hi, m.precision) == (D(2025, 5, 10), D(2025, 5, 11), "week")


def test_day_month_and_month_day_as_deadlines():
    pub = D(2025, 7, 1)
    for text in ("the suspension runs until 12 August", "a decision is due by Aug. 12",
                 "the truce expires on August 12th"):
        (m,) = find_dates(text, pub)
        assert (m.value, m.precision, m.role) == (D(2025, 8, 12), "day", "deadline"), text


def test_date_of_a_published_story_is_attributive():
    (m,) = find_dates("In a story published on Friday, June 27, the agency misstated the date.", D(2025, 6, 28))
    assert (m.value, m.role) == (D(2025, 6, 27), "attributive")


def test_past_month_in_a_relative_clause_of_a_future_sentence():
    # "will lift ... that it imposed in March": the month is past
    (m,) = find_dates("Beijing will lift the ban that it imposed in March.", D(2025, 11, 9))
    assert (m.lo, m.hi, m.precision) == (D(2025, 3, 1), D(2025, 3, 31), "month")


def test_irregular_past_verb_sets_the_weekday_back():
    (m,) = find_dates("Trump wrote on Sunday that the U.S. would impose new tariffs.", D(2025, 10, 13))
    assert m.value == D(2025, 10, 12)


def test_weeks_and_halves_of_a_month():
    pub = D(2025, 10, 15)
    assert resolved("Commerce rescinded the requirement in the first week of July.", pub) == [
        ("the first week of July", D(2025, 7, 4), D(2025, 7, 1), D(2025, 7, 7), "week", "occurred")]
    assert resolved("They met in the last week of June.", pub) == [
        ("the last week of June", D(2025, 6, 27), D(2025, 6, 24), D(2025, 6, 30), "week", "occurred")]
    assert resolved("It happened in the second half of May.", pub) == [
        ("the second half of May", D(2025, 5, 23), D(2025, 5, 16), D(2025, 5, 31), "approx", "occurred")]
    # "the last week of talks" is not last week
    assert resolved("The last week of talks went well.", pub) == []


def test_a_level_compared_with_a_month_and_a_suspension_running_to_a_day():
    assert [r[5] for r in resolved("still well above the level prevailing in January", D(2025, 5, 19))] == ["since"]
    assert [r[5] for r in resolved("keep suspending its 24 percent duty for another year, to November 10, 2026",
                                   D(2025, 11, 11))] == ["deadline"]
    assert [r[5] for r in resolved("The tariff truce runs to Nov. 10.", D(2025, 8, 12))] == ["deadline"]
    assert [r[5] for r in resolved("China's 84% tariff takes effect at 12:01 p.m. Thursday, Beijing time.",
                                   D(2025, 4, 9))] == ["effective"]


def test_fast_built_mention_is_the_dataclass_instance():
    import dataclasses
    import pickle

    from pipeline.extract.dates import DateMention, _date_mention
    fields = (3, 10, "June 10", D(2025, 6, 10), D(2025, 6, 1), D(2025, 6, 30), "month", "deadline", None)
    fast, slow = _date_mention(*fields), DateMention(*fields)
    assert type(fast) is DateMention and fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert vars(fast) == vars(slow) and list(vars(fast)) == list(vars(slow))
    assert dataclasses.replace(fast, role="occurred") == dataclasses.replace(slow, role="occurred")
    assert pickle.loads(pickle.dumps(fast)) == slow
    try:
        fast.role = "occurred"
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("a DateMention must stay frozen")
