"""Rules for the wording of the "registers" style set (law-firm alerts, analysis,
blogs, relative dates): threats that state their own condition, warnings of a
step of one's own, "last December", weeks counted from an earlier day, rates
that "went to" a level step by step, and the nth weekday of a month. Each rule
is tested with a sentence of the set, sentences of our own, and cases where it
must not fire.
"""
import datetime as dt

from pipeline.extract import extract
from tests.documents import feed_document

D = dt.date
US_CN, CN_US = ("US", "CN"), ("CN", "US")


def doc(body, published):
    return feed_document(body, published, "doc_test16r", "https://example.test/r16r")


def rows(body, published, etype=None):
    return [(e.event_type, e.action, e.occurred_on, e.rate_pct, e.commodity, e.actors)
            for e in extract(doc(body, published)) if etype is None or e.event_type == etype]


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
