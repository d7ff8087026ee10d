"""The extractor's speed paths give the same answers as the plain regexes they replace."""
import datetime as dt

from pipeline.extract import extract
from pipeline.extract.actors import _compiled as actor_regex
from pipeline.extract.actors import gazetteer_actors
from pipeline.extract.resources import reset_caches
from pipeline.extract.rules import _compiled
from pipeline.ids import content_hash, stable_id
from pipeline.models import Document

SENTENCES = [
    "WASHINGTON (Newswire) - The United States on Wednesday raised the additional tariff on Chinese imports to 125%.",
    "China's commerce ministry said it would impose an 84% duty on all American goods from April 10.",
    "Commerce Secretary Howard Lutnick told reporters the administration would not lift the tariffs.",
    "The ministry placed seven rare earth elements, including samarium, under export controls last Friday.",
    "Both sides agreed to suspend 24 percentage points of the duty for an initial period of 90 days.",
    "10:40 BST - U.S.-China talks ran late; Xi-Trump call expected, officials said: nothing was signed.",
    "President Trump and President Xi spoke by phone for about 90 minutes, their first call since January.",
    "Washington's 50% affiliates rule was suspended for one year, and H20 chip licences were approved.",
    "Beijing could reinstate the counter-tariffs if the truce collapses, but neither side wants that.",
    "The two leaders will meet face-to-face in Busan, South Korea, after negotiators met in Kuala Lumpur.",
    "Über-cautious exporters said the İstanbul route's ban on exports of gallium was lifted.",
    "cross-border re-exports; self-imposed non-tariff curbs and anti-dumping duties were scrapped.",
]


def test_gated_patterns_match_like_their_reference_regexes():
    c = _compiled()
    gated = [c[t]["anchor"] for t in ("tariff_change", "export_control", "agreement", "talks")]
    gated += [rx for t in ("tariff_change", "export_control", "agreement", "talks") for _, rx in c[t]["actions"]]
    gated += list(c["leader_contact"].values()) + list(c["tariff_deadline"].values())
    gated += [rx for _, rx in c["commodities"]]
    for s in SENTENCES:
        reset_caches()
        for g in gated:
            want = [(m.start(), m.end()) for m in g.rx.finditer(s)]
            got = [(m.start(), m.end()) for m in g.finditer(s)]
            assert got == want, (g.rx.pattern[:60], s)
            # with a sub-range, as the rules use for clauses
            want = [(m.start(), m.end()) for m in g.rx.finditer(s, 10, len(s) - 5)]
            got = [(m.start(), m.end()) for m in g.finditer(s, 10, len(s) - 5)]
            assert got == want, (g.rx.pattern[:60], s)


def test_tense_cue_window_search_matches_the_whole_sentence_spans():
    from pipeline.extract.resources import has_span, lower, spans
    from pipeline.extract.rules import _FUTURE, _PAST_VERB, _PRESENT, _has_token_match
    extra = ["He'll raise it; plans to act", "Duties_ed walked is about to", "It is set to"]
    for s in SENTENCES + extra:
        reset_caches()
        low = lower(s)
        for rx in (_FUTURE, _PAST_VERB, _PRESENT):
            for lo in range(0, len(low) + 2):
                for hi in range(lo, len(low) + 3):
                    assert _has_token_match(rx, low, lo, hi) == has_span(spans(rx, low), lo, hi), (rx.pattern[:20], s, lo, hi)


def test_actor_lookup_matches_the_gazetteer_regex():
    rx, _ = actor_regex()
    for s in SENTENCES:
        reset_caches()
        assert [(a.start, a.end, a.text) for a in gazetteer_actors(s)] == [
            (m.start(), m.end(), m.group(0)) for m in rx.finditer(s)]


def _doc(name, body, day):
    return Document(document_id=stable_id("doc", name), source_kind="feed", source_uri=name, feed_url=None,
                    feed_name=None, title=name, published_at=dt.datetime(2025, *day, tzinfo=dt.timezone.utc),
                    published_at_source="text", body=body, content_hash=content_hash(body))


def test_results_do_not_depend_on_documents_extracted_before():
    a = _doc("a", " ".join(SENTENCES[:5]), (4, 10))
    b = _doc("b", " ".join(SENTENCES[4:]), (10, 30))
    first = extract(a)
    extract(b)
    assert extract(a) == first


def test_actor_mentions_built_without_init_equal_the_constructors():
    import dataclasses

    from pipeline.extract.actors import ActorMention, _mention
    for fields in ((0, 7, "Beijing", "CN", "capital"), (4, 10, "Geneva", None, "location"), (0, 3, "EU", "EU", "bloc")):
        fast, slow = _mention(*fields), ActorMention(*fields)
        assert type(fast) is ActorMention and fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
        assert fast.is_party == slow.is_party  # (the slow one's first read caches it in its __dict__)
        assert vars(fast) == vars(slow) and list(vars(fast)) == list(vars(slow))
        try:
            fast.code = "US"
        except dataclasses.FrozenInstanceError:
            pass
        else:
            raise AssertionError("an ActorMention must stay frozen")
