"""Where the fetcher may go: http(s) only, no private/loopback/link-local address unless
allowed, checked after DNS and on every redirect, and the connection made to the vetted IP."""
from __future__ import annotations

import ipaddress
import socket

import pytest

from pipeline.ingest import fetch
from tests.conftest import rss

LOOPBACK = [ipaddress.ip_network("127.0.0.0/8")]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/feed.xml", "gopher://127.0.0.1/"])
def test_only_http_and_https(url):
    result = fetch.fetch(url, LOOPBACK)
    assert result.error_kind == "refused" and "only http and https" in result.error


def test_loopback_refused_unless_allowed(feed_server):
    url = feed_server.serve("/a.xml", rss([{"title": "t"}]))
    refused = fetch.fetch(url)
    assert refused.error_kind == "refused" and "127.0.0.1" in refused.error and not feed_server.requests
    assert fetch.fetch(url, LOOPBACK).ok


@pytest.mark.parametrize("address", ["10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                                     "100.64.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "224.0.0.1"])
def test_non_public_addresses_are_refused(address):
    assert not fetch.address_allowed(ipaddress.ip_address(address))


def test_public_addresses_are_allowed():
    assert fetch.address_allowed(ipaddress.ip_address("93.184.216.34"))
    assert fetch.address_allowed(ipaddress.ip_address("2606:4700::1111"))


def test_a_redirect_to_a_refused_address_is_not_followed(feed_server):
    # Allowed: 127.0.0.1 only. The redirect goes to 127.0.0.2 (loopback, not allowed) and to
    # the link-local metadata address: both refused before any connection is made.
    only = [ipaddress.ip_network("127.0.0.1/32")]
    for target in ("http://127.0.0.2:9/feed.xml", "http://169.254.169.254/latest/meta-data/"):
        url = feed_server.serve("/r.xml", b"", status=302, Location=target)
        result = fetch.fetch(url, only)
        assert result.error_kind == "refused" and result.final_url == target


def test_dns_answer_is_vetted_and_the_connection_goes_to_the_vetted_ip(feed_server, monkeypatch):
    url = feed_server.serve("/feed.xml", rss([{"title": "pinned"}]))
    calls = []

    def fake_lookup(host, port, timeout):
        calls.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(fetch, "_getaddrinfo", fake_lookup)
    real = socket.getaddrinfo

    def no_second_lookup(host, *a, **k):  # a rebinding answer would come from here: it must not be asked
        assert host != "feeds.example", "the name was resolved again after vetting"
        return real(host, *a, **k)

    monkeypatch.setattr(socket, "getaddrinfo", no_second_lookup)
    named = url.replace("127.0.0.1", "feeds.example")
    result = fetch.fetch(named, LOOPBACK)
    assert result.ok and calls == ["feeds.example"]
    assert feed_server.requests[-1][1]["Host"] == f"feeds.example:{feed_server.port}"
    # The same name resolving to a private address is refused (no allow_networks).
    monkeypatch.setattr(fetch, "_getaddrinfo", lambda h, p, t: [(socket.AF_INET, socket.SOCK_STREAM, 6, "",
                                                                 ("10.0.0.5", p))])
    assert fetch.fetch(named).error_kind == "refused"


def test_unresolvable_host_is_a_dns_failure(monkeypatch):
    def fail(host, port, timeout):
        raise fetch.Unresolvable(f"cannot resolve {host}: Name or service not known")

    monkeypatch.setattr(fetch, "_getaddrinfo", fail)
    result = fetch.fetch("http://no-such-host.invalid/feed.xml")
    assert result.error_kind == "dns" and result.error.startswith("DNS: ")


def test_user_agent_encoding_and_conditional_headers_are_sent(feed_server):
    url = feed_server.serve("/feed.xml", rss([{"title": "t"}]))
    fetch.fetch(url, LOOPBACK, etag='"x"', last_modified="Thu, 09 Oct 2025 08:00:00 GMT")
    headers = feed_server.requests[-1][1]
    assert headers["User-Agent"].startswith("TradeWatch/") and "gzip" in headers["Accept-Encoding"]
    assert headers["If-None-Match"] == '"x"' and headers["If-Modified-Since"].startswith("Thu, 09 Oct 2025")


@pytest.mark.parametrize("coding,body", [
    ("gzip", __import__("gzip").compress(b"<rss>gz</rss>")),
    ("gzip", __import__("gzip").compress(b"<rss>a") + __import__("gzip").compress(b"b</rss>")),  # two members
    ("deflate", __import__("zlib").compress(b"<rss>zlib</rss>")),
    ("deflate", __import__("zlib").compress(b"<rss>raw</rss>")[2:-4]),  # raw deflate, no zlib header
    ("gzip", b"<rss>not compressed at all</rss>"),  # mislabelled: read as is, noted
])
def test_content_encodings(feed_server, coding, body):
    url = feed_server.serve("/c.xml", body, **{"Content-Encoding": coding})
    result = fetch.fetch(url, LOOPBACK)
    assert result.ok and result.body.startswith(b"<rss>") and result.body.endswith(b"</rss>")
    assert (result.note is not None) == (not body.startswith((b"\x1f\x8b", b"x")) and coding == "gzip")
