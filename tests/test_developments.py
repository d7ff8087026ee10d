"""Developments: TAXONOMY.md's identity rules, as a pure fold over events."""
from __future__ import annotations

import datetime as dt

from pipeline.developments import date_span, priority, resolve, same_development
from pipeline.models import Event, Evidence

D = dt.date


def ev(event_id, event_type, action, occurred_on=None, *, actors=("US", "CN"), deadline=None,
       commodity=None, rate_pct=None, location=None, precision="day", effective_on=None):
    return Event(event_id=event_id, document_id="doc", extractor_version="t", event_type=event_type,
                 action=action, occurred_on=occurred_on, effective_on=effective_on, deadline=deadline,
                 commodity=commodity, rate_pct=rate_pct, actors=actors, location=location,
                 date_precision=precision, evidence=(Evidence("x" * 12, 0, 12),), confidence=0.9)


def test_geneva_cut_and_suspend_are_one_development_easing_direction():
    cut = ev("a", "tariff_change", "lower", D(2025, 5, 12), rate_pct=10)
    suspend = ev("b", "tariff_change", "suspend", D(2025, 5, 14))
    assert same_development(suspend, cut)


def test_tariff_change_needs_same_actor_direction_rate_and_seven_days():
    base = ev("a", "tariff_change", "raise", D(2025, 4, 9), rate_pct=125)
    assert not same_development(ev("b", "tariff_change", "raise", D(2025, 4, 10), rate_pct=84), base)
    assert not same_development(ev("c", "tariff_change", "raise", D(2025, 4, 10), actors=("CN", "US"),
                                   rate_pct=125), base)
    assert not same_development(ev("d", "tariff_change", "lower", D(2025, 4, 10), rate_pct=125), base)
    assert not same_development(ev("e", "tariff_change", "raise", D(2025, 4, 17), rate_pct=125), base)
    assert same_development(ev("f", "tariff_change", "impose", D(2025, 4, 16), rate_pct=125), base)


def test_deadlines_within_three_days_are_one_development_whatever_the_action():
    aug12 = ev("a", "tariff_deadline", "set", deadline=D(2025, 8, 12))
    assert same_development(ev("b", "tariff_deadline", "extend", deadline=D(2025, 8, 14)), aug12)
    assert not same_development(ev("c", "tariff_deadline", "extend", deadline=D(2025, 11, 10)), aug12)


def test_week_and_month_precision_widen_the_tolerance():
    assert date_span(D(2025, 6, 4), "week") == (D(2025, 6, 2), D(2025, 6, 8))
    assert date_span(D(2025, 5, 15), "month") == (D(2025, 5, 1), D(2025, 5, 31))
    call_last_week = ev("a", "leader_contact", "call", D(2025, 6, 5), precision="week")
    assert same_development(ev("b", "leader_contact", "call", D(2025, 6, 11)), call_last_week)
    assert not same_development(ev("c", "leader_contact", "meeting", D(2025, 6, 5)), call_last_week)


def test_talks_match_on_location_or_dates():
    london = ev("a", "talks", "hold", D(2025, 6, 9), location="London")
    assert same_development(ev("b", "talks", "conclude", D(2025, 6, 11), location="london"), london)
    assert not same_development(ev("c", "talks", "hold", D(2025, 6, 9), location="Geneva"), london)
    assert same_development(ev("d", "talks", "schedule", D(2025, 6, 10)), london)


def test_resolve_folds_history_then_new_events_and_reports_first_mentions():
    history = [ev("e1", "tariff_deadline", "set", deadline=D(2025, 8, 12))]
    new = [ev("e2", "tariff_deadline", "set", deadline=D(2025, 8, 14)),
           ev("e3", "tariff_deadline", "extend", deadline=D(2025, 11, 10)),
           ev("e4", "tariff_deadline", "extend", deadline=D(2025, 11, 10))]
    resolutions, developments = resolve(history, {"e1": "e1"}, new)
    assert [(r.event.event_id, r.development_id, r.is_first) for r in resolutions] == [
        ("e2", "e1", False), ("e3", "e3", True), ("e4", "e3", False)]
    assert sorted(developments) == ["e1", "e3"]


def test_comparison_is_against_every_mention_not_only_the_first():
    # Kuala Lumpur (Oct 26) -> Busan (Oct 30) -> orders (Nov 4): one agreement development.
    history = [ev("kl", "agreement", "propose", D(2025, 10, 26)),
               ev("busan", "agreement", "reach", D(2025, 10, 30))]
    resolutions, _ = resolve(history, {"kl": "kl", "busan": "kl"},
                             [ev("orders", "agreement", "implement", D(2025, 11, 4))])
    assert [(r.development_id, r.is_first) for r in resolutions] == [("kl", False)]


def test_default_priorities():
    assert priority(ev("a", "export_control", "impose", commodity="rare_earths")) == "high"
    assert priority(ev("a", "export_control", "impose", commodity="technology")) == "normal"
    assert priority(ev("a", "tariff_deadline", "extend", deadline=D(2025, 11, 10))) == "high"
    assert priority(ev("a", "talks", "hold", D(2025, 6, 9))) == "normal"
    assert priority(ev("a", "leader_contact", "call", D(2025, 6, 5))) == "normal"
