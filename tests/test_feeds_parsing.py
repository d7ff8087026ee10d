"""Parsing hostile and odd feeds: entities never expanded, bozo feeds still yield their items,
field lengths capped, item identity (guid, canonical link, content hash) and versions."""
from __future__ import annotations

import datetime as dt

from pipeline.ingest.feeds import MAX_BODY, MAX_TITLE, canonical_link, neutralise_doctype, parse_feed

NOW = dt.datetime(2025, 10, 9, 12, 0, tzinfo=dt.timezone.utc)
FEED = "http://127.0.0.1/feed.xml"


def parse(body: bytes | str, headers=None):
    if isinstance(body, str):
        body = body.encode("utf-8")
    return parse_feed(body, headers or {"content-type": "application/rss+xml"}, "f", FEED, NOW, base_url=FEED)


def item_feed(items: str, prolog: str = "") -> str:
    return f'<?xml version="1.0"?>{prolog}<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'


LAUGHS = ('<!DOCTYPE rss [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
          + "]>")


def test_billion_laughs_is_not_expanded():
    parsed = parse(item_feed("<item><title>a &lol9; b</title><description>text</description></item>", LAUGHS))
    assert len(parsed.documents) == 1
    assert "lollol" not in (parsed.documents[0].title or "")
    assert "DOCTYPE removed" in parsed.bozo_reason and "ENTITY" in parsed.bozo_reason


def test_quadratic_blowup_is_not_expanded():
    prolog = '<!DOCTYPE rss [<!ENTITY big "' + "x" * 100_000 + '">]>'
    parsed = parse(item_feed("<item><title>t</title><description>" + "&big;" * 20_000 + "</description></item>", prolog))
    assert len(parsed.documents) == 1
    assert len(parsed.documents[0].body) < 200_000  # expanded it would be 2 GB


def test_external_entities_are_not_fetched_or_read():
    prolog = '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]>'
    parsed = parse(item_feed("<item><title>&xxe;</title><description>d</description></item>", prolog))
    assert all("root:" not in d.body and "root:" not in (d.title or "") for d in parsed.documents)
    assert len(parsed.documents) == 1


def test_doctype_in_utf16_is_removed_too():
    body = item_feed("<item><title>a &lol9;</title><description>d</description></item>", LAUGHS)
    body = body.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-16"?>').encode("utf-16")
    cleaned, note = neutralise_doctype(body)
    assert b"E\x00N\x00T\x00I\x00T\x00Y" not in cleaned and "DOCTYPE removed" in note
    parsed = parse_feed(body, {}, "f", FEED, NOW)
    assert len(parsed.documents) == 1 and "lollol" not in (parsed.documents[0].title or "")


def test_neutralising_is_linear_on_hostile_input():
    for hostile in (b"<!DOCTYPE [ '" * 100_000, b"<!DOCTYPE x [" * 100_000, b"<![CDATA[<!ENTITY" * 100_000):
        cleaned, _ = neutralise_doctype(b"<rss>" + hostile)  # would take minutes if quadratic
        assert len(cleaned) <= len(hostile) + 5


def test_quoted_doctype_in_an_article_is_left_alone():
    body = item_feed("<item><description><![CDATA[ see <!DOCTYPE html> ]]></description></item>")
    assert neutralise_doctype(body.encode()) == (body.encode(), None)


def test_bozo_feed_still_yields_every_item_and_the_reason():
    body = ("<rss><channel><item><title>one & two</title><link>https://a.example/1</link></item>"
            "<item><title>three</title><link>https://a.example/2</link>")  # bad &, unclosed
    parsed = parse(body)
    assert [d.title for d in parsed.documents] == ["one & two", "three"]
    assert parsed.bozo_reason.startswith("bozo: ")


def test_items_with_only_a_link_or_nothing_are_still_stored():
    parsed = parse(item_feed("<item><link>https://a.example/only-link</link></item><item><author>x</author></item>"))
    assert len(parsed.documents) == 2 and parsed.items_seen == 2
    assert parsed.documents[0].source_uri == "https://a.example/only-link"
    assert parsed.documents[1].source_uri.startswith(FEED + "#")


def test_field_lengths_are_capped():
    parsed = parse(item_feed(f"<item><title>{'t' * 50_000}</title><link>https://a.example/{'l' * 50_000}</link>"
                             f"<guid>{'g' * 50_000}</guid><description>{'word ' * 100_000}</description></item>"))
    doc = parsed.documents[0]
    assert len(doc.title) == MAX_TITLE and len(doc.body) <= MAX_BODY
    assert len(doc.guid) <= 2_000 and len(doc.source_uri) <= 2_000 + len(FEED) + 1


def test_identity_is_guid_else_canonical_link_else_content_hash():
    def one(item: str):
        return parse(item_feed(item)).documents[0]

    by_guid = one("<item><guid>g1</guid><link>https://a.example/x</link><description>v1</description></item>")
    same_guid_other_link = one("<item><guid>g1</guid><link>https://a.example/y</link><description>v1</description></item>")
    assert by_guid.document_id != same_guid_other_link.document_id  # content (link) changed: a new version
    assert by_guid.guid == same_guid_other_link.guid == "g1"

    tracked = one("<item><link>HTTPS://A.example:443/x?utm_source=rss&amp;id=3#top</link><description>v</description></item>")
    clean = one("<item><link>https://a.example/x?id=3</link><description>v</description></item>")
    assert canonical_link("HTTPS://A.example:443/x?utm_source=rss&id=3#top") == "https://a.example/x?id=3"
    assert tracked.document_id == clean.document_id  # tracking parameters make no new version

    v1 = one("<item><title>no id</title><description>first text</description></item>")
    v1_again = one("<item><title>no id</title><description>first text</description></item>")
    v2 = one("<item><title>no id</title><description>second text</description></item>")
    assert v1.document_id == v1_again.document_id != v2.document_id


def test_relative_links_resolve_against_the_feed_url_and_guids_stay_as_written():
    doc = parse(item_feed("<item><guid>story-7</guid><link>/news/7</link><description>d</description></item>")).documents[0]
    assert doc.source_uri == "http://127.0.0.1/news/7" and doc.guid == "story-7"


def test_dates_outside_any_sane_range_fall_back_to_the_fetch_time():
    doc = parse(item_feed("<item><title>x</title><pubDate>Thu, 01 Jan 9999 00:00:00 GMT</pubDate></item>")).documents[0]
    assert (doc.published_at, doc.published_at_source) == (NOW, "fetched")
