"""What changed: a new development told against the store's history; threading keys."""
from __future__ import annotations

import datetime as dt

from pipeline.alerts.changes import story_key, what_changed
from pipeline.developments import resolve
from pipeline.models import Event, Evidence

D = dt.date


def ev(event_id, event_type, action, occurred_on=None, *, actors=("US", "CN"), deadline=None,
       commodity=None, rate_pct=None, evidence="The measure was announced."):
    return Event(event_id=event_id, document_id="doc", extractor_version="t", event_type=event_type,
                 action=action, occurred_on=occurred_on, effective_on=None, deadline=deadline,
                 commodity=commodity, rate_pct=rate_pct, actors=actors, location=None,
                 date_precision="day", evidence=(Evidence(evidence, 0, len(evidence)),), confidence=0.9)


def told(history, new):
    resolutions, developments = resolve(history, {e.event_id: e.event_id for e in history}, [new])
    [r] = resolutions
    assert r.is_first
    return what_changed(new, developments, r.development_id)


def test_deadline_moved():
    history = [ev("a", "tariff_deadline", "set", D(2025, 5, 12), deadline=D(2025, 8, 12))]
    new = ev("b", "tariff_deadline", "extend", D(2025, 8, 11), deadline=D(2025, 11, 10))
    assert told(history, new) == "deadline moved from 2025-08-12 to 2025-11-10"


def test_named_tariff_lowered_from_its_previous_rate():
    history = [ev("a", "tariff_change", "raise", D(2025, 3, 4), rate_pct=20,
                  evidence="Washington doubled its fentanyl-related tariff on Chinese imports to 20%.")]
    new = ev("b", "tariff_change", "lower", D(2025, 10, 30), rate_pct=10,
             evidence="The White House cut the fentanyl tariff on Chinese goods to 10%.")
    assert told(history, new) == "US fentanyl tariff lowered from 20% to 10%"


def test_no_claim_when_the_measure_is_not_named():
    history = [ev("a", "tariff_change", "raise", D(2025, 3, 4), rate_pct=20)]
    assert told(history, ev("b", "tariff_change", "lower", D(2025, 10, 30), rate_pct=10)) is None


def test_export_controls_suspended_names_the_controls_they_undo():
    history = [ev("a", "export_control", "tighten", D(2025, 10, 9), actors=("CN", "US"), commodity="rare_earths")]
    new = ev("b", "export_control", "suspend", D(2025, 10, 30), actors=("CN", "US"), commodity="rare_earths")
    assert told(history, new) == "rare-earth controls of 9 October suspended"


def test_story_keys_thread_related_alerts():
    fentanyl = ev("a", "tariff_change", "raise", rate_pct=20, evidence="the fentanyl tariff rose to 20%")
    assert story_key(fentanyl) == "tariff_change:US:fentanyl"
    assert story_key(ev("b", "tariff_deadline", "extend", deadline=D(2025, 11, 10))) == "tariff_deadline"
    assert story_key(ev("c", "export_control", "impose", actors=("CN",), commodity="rare_earths")) == \
        "export_control:CN:rare_earths"
    assert story_key(ev("d", "talks", "hold")) == story_key(ev("e", "agreement", "reach")) == "talks"
