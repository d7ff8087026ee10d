"""Delivering outbox alerts: SMTP when a server is configured, else .eml files.

Each attempt is an outcome, never an exception: `sent`, `retry` (the server
was down, answered 4xx or dropped the connection: try again on a later cycle,
with backoff) or `failed` (a 5xx refusal twice, or too many attempts).

Delivery is at-least-once across a crash between the server's 250 and the
delivery record being appended; the deterministic Message-ID lets mail
systems and editors recognise such a repeat.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import smtplib
import socket
import ssl
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from pipeline.alerts.render import build_message

MAX_ATTEMPTS = 5            # transient failures (down, 4xx, dropped connection)
BACKOFF_BASE_SECONDS = 60  # 1, 2, 4, 8 minutes between attempts
SMTP_TIMEOUT = 30


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 25
    login: str | None = None
    password: str | None = None
    starttls: bool = False
    ssl: bool = False
    timeout: float = SMTP_TIMEOUT

    @classmethod
    def from_uri(cls, uri: str) -> "SmtpSettings":
        """Parse an Airflow connection URI such as ``smtp://user:pw@host:587?starttls=true``."""
        parts = urlsplit(uri)
        if not parts.hostname:
            raise ValueError(f"SMTP connection URI has no host: {uri!r}")
        extra = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        truthy = lambda v: str(v).lower() in ("1", "true", "yes", "on")  # noqa: E731
        use_ssl = parts.scheme in ("smtps",) or truthy(extra.get("ssl", "false"))
        return cls(
            host=parts.hostname, port=parts.port or (465 if use_ssl else 25),
            login=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            starttls=truthy(extra.get("starttls", extra.get("use_tls", "false"))),
            ssl=use_ssl, timeout=float(extra.get("timeout", SMTP_TIMEOUT)),
        )

    @classmethod
    def from_connection(cls, conn) -> "SmtpSettings":
        """From an Airflow Connection object (host, port, login, password, extra)."""
        extra = conn.extra_dejson if hasattr(conn, "extra_dejson") else {}
        truthy = lambda v: str(v).lower() in ("1", "true", "yes", "on")  # noqa: E731
        use_ssl = truthy(extra.get("ssl", extra.get("use_ssl", False)))
        return cls(host=conn.host, port=int(conn.port or (465 if use_ssl else 25)),
                   login=conn.login or None, password=conn.password or None,
                   starttls=truthy(extra.get("starttls", extra.get("use_tls", False))),
                   ssl=use_ssl, timeout=float(extra.get("timeout", SMTP_TIMEOUT)))


def smtp_from_environment() -> SmtpSettings | None:
    """The CLI honours AIRFLOW_CONN_SMTP_DEFAULT (a URI, or Airflow's JSON form)."""
    raw = os.environ.get("AIRFLOW_CONN_SMTP_DEFAULT", "").strip()
    if not raw:
        return None
    if raw.startswith("{"):
        import json

        data = json.loads(raw)
        extra = data.get("extra") or {}
        if isinstance(extra, str):
            extra = json.loads(extra)

        class _Conn:
            host = data.get("host")
            port = data.get("port")
            login = data.get("login")
            password = data.get("password")
            extra_dejson = extra

        return SmtpSettings.from_connection(_Conn)
    return SmtpSettings.from_uri(raw)


def smtp_from_airflow(conn_id: str = "smtp_default") -> SmtpSettings | None:
    """SmtpSettings from an Airflow connection (inside a task), or None when it is not defined."""
    from airflow.sdk import BaseHook

    try:
        conn = BaseHook.get_connection(conn_id)
    except Exception:  # AirflowNotFoundException and kin: mail goes to .eml files
        return None
    return SmtpSettings.from_connection(conn) if conn.host else None


@dataclass(frozen=True)
class Attempt:
    outcome: str  # "sent" | "retry" (transient) | "permanent" (a 5xx answer)
    transport: str  # "smtp" | "eml"
    detail: str | None


def send_smtp(alert: dict, settings: SmtpSettings) -> Attempt:
    msg = build_message(alert)
    try:
        if settings.ssl:
            client = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                      context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        with client:
            if settings.starttls and not settings.ssl:
                client.starttls(context=ssl.create_default_context())
            if settings.login:
                client.login(settings.login, settings.password or "")
            refused = client.send_message(msg, from_addr=alert["sender"], to_addrs=[alert["recipient"]])
        if refused:
            code, reason = next(iter(refused.values()))
            return _refusal(code, reason)
        return Attempt("sent", "smtp", f"{settings.host}:{settings.port}")
    except smtplib.SMTPResponseException as exc:
        return _refusal(exc.smtp_code, exc.smtp_error)
    except smtplib.SMTPRecipientsRefused as exc:
        code, reason = next(iter(exc.recipients.values()))
        return _refusal(code, reason)
    except (smtplib.SMTPServerDisconnected, smtplib.SMTPException, OSError, socket.timeout) as exc:
        return Attempt("retry", "smtp", f"{type(exc).__name__}: {exc}"[:500])


def _refusal(code: int, reason) -> Attempt:
    text = reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
    outcome = "permanent" if 500 <= int(code) < 600 else "retry"
    return Attempt(outcome, "smtp", f"SMTP {code} {text}"[:500])


def final_outcome(attempt: Attempt, attempt_no: int, previous_detail: str | None = None) -> str:
    """What to record for attempt number `attempt_no`: sent, retry (stays pending) or failed.

    A 5xx answer fails the alert when the previous attempt got a 5xx too; any
    failure fails it once MAX_ATTEMPTS attempts have been made.
    """
    if attempt.outcome == "sent":
        return "sent"
    if attempt_no >= MAX_ATTEMPTS:
        return "failed"
    if attempt.outcome == "permanent" and re.match(r"SMTP 5\d\d", previous_detail or ""):
        return "failed"
    return "retry"


def write_eml(alert: dict, outbox: Path) -> Attempt:
    """Write the message to OUTBOX/<alert_id>.eml atomically (a re-run overwrites nothing new)."""
    try:
        outbox.mkdir(parents=True, exist_ok=True)
        target = outbox / f"{alert['alert_id']}.eml"
        tmp = target.with_suffix(".eml.tmp")
        tmp.write_bytes(bytes(build_message(alert)))
        tmp.replace(target)
        return Attempt("sent", "eml", str(target))
    except OSError as exc:
        return Attempt("retry", "eml", f"{type(exc).__name__}: {exc}")


def due(attempts: int, last_attempt_at: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether a pending alert may be tried now (exponential backoff after failures)."""
    if attempts == 0 or last_attempt_at is None:
        return True
    wait = dt.timedelta(seconds=BACKOFF_BASE_SECONDS * 2 ** (attempts - 1))
    return now >= last_attempt_at + wait
