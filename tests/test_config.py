"""feeds.yaml and alerts.yaml: valid files load; a bad line is named by file and line."""
from __future__ import annotations

import ipaddress
from pathlib import Path

import pytest

from pipeline.config import ConfigError, FeedConfig, load_alerts, load_feeds
from pipeline.models import AlertRouting, Recipient

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(text)
    return path


def test_shipped_configs_load_without_problems():
    feeds = load_feeds(ROOT / "config" / "feeds.yaml")
    assert feeds.problems == ()
    assert len(feeds.feeds) >= 4 and all(f.url.startswith("http") for f in feeds.feeds)
    routing = load_alerts(ROOT / "config" / "alerts.yaml")
    assert routing == AlertRouting(sender="tradewatch@localhost", recipients=(
        Recipient("desk@example.com", None, "normal", "immediate"),))


def test_feeds_public_interface_example(tmp_path):
    cfg = load_feeds(write(tmp_path, "allow_networks: [127.0.0.0/8]\nfeeds:\n"
                                     "  - name: wire\n    url: http://127.0.0.1:8765/wire.xml\n"))
    assert cfg.feeds == (FeedConfig("wire", "http://127.0.0.1:8765/wire.xml"),)
    assert cfg.allow_networks == (ipaddress.ip_network("127.0.0.0/8"),)
    assert cfg.problems == ()


def test_a_bad_feed_entry_is_reported_with_its_line_and_the_others_kept(tmp_path):
    path = write(tmp_path, "feeds:\n"
                           "  - name: good\n    url: https://a.example/feed\n"
                           "  - name: bad\n    url: file:///etc/passwd\n"
                           "  - name: good\n    url: https://b.example/feed\n"
                           "  - url: https://c.example/feed\n")
    cfg = load_feeds(path)
    assert cfg.feeds == (FeedConfig("good", "https://a.example/feed"),)
    assert cfg.problems == (
        f"{path}:5: feed url 'file:///etc/passwd' must be http:// or https://",
        f"{path}:6: feed name 'good' is used twice",
        f"{path}:8: a feed needs both name and url",
    )


@pytest.mark.parametrize("text, message", [
    ("sender: tw@localhost\nrecipients:\n  - email: not-an-address\n", ":3: 'not-an-address' is not an email address"),
    ("sender: tw@localhost\nrecipients:\n  - email: a@b.example\n    min_priority: urgent\n",
     ":4: min_priority must be normal or high, not 'urgent'"),
    ("sender: tw@localhost\nrecipients:\n  - email: a@b.example\n    event_types: [tariff_change, tarif]\n",
     ":4: unknown event type(s) tarif"),
    ("sender: tw@localhost\nrecipients:\n  - email: a@b.example\n    colour: red\n",
     ":3: unknown recipient key(s): colour"),
    ("recipients: []\n", ":1: 'sender' is missing"),
    ("sender: [\n", ":2: not valid YAML"),
])
def test_an_invalid_alerts_file_names_file_line_and_problem(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_alerts(path)
    assert str(err.value).startswith(str(path) + message.split(":", 2)[0] + ":" + message.split(":", 2)[1])
    assert message.split(": ", 1)[1] in str(err.value)


def test_alert_routing_types_priority_and_digest(tmp_path):
    routing = load_alerts(write(tmp_path, "sender: tw@localhost\nrecipients:\n"
                                          "  - email: chief@example.com\n    event_types: [export_control]\n"
                                          "    min_priority: high\n    delivery: digest\n"))
    assert routing.recipients == (Recipient("chief@example.com", ("export_control",), "high", "digest"),)
