"""Render stored alerts to files a person opens in a browser: an index page, each
alert's HTML part, and the whole message as .eml (as the editor's mail client gets it).
"""
from __future__ import annotations

import html
from pathlib import Path

from pipeline.alerts.render import build_message


def write_preview(alerts: list[dict], out: Path) -> Path:
    """Write the preview of `alerts` (outbox rows plus status) under `out`; return the index path."""
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for alert in alerts:
        stem = alert["alert_id"]
        (out / f"{stem}.html").write_text(alert["body_html"], encoding="utf-8")
        (out / f"{stem}.eml").write_bytes(bytes(build_message(alert)))
        rows.append(
            "<tr>"
            f"<td>{html.escape(str(alert['created_at'])[:19])}</td>"
            f"<td>{html.escape(alert.get('status') or '')}</td>"
            f"<td>{html.escape(alert['priority'])}</td>"
            f"<td>{html.escape(alert['recipient'])}</td>"
            f"<td><a href=\"{html.escape(stem)}.html\">{html.escape(alert['subject'])}</a>"
            f" (<a href=\"{html.escape(stem)}.eml\">.eml</a>)</td>"
            "</tr>")
    index = out / "index.html"
    index.write_text(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>TradeWatch alert preview</title>"
        "<style>body{font-family:sans-serif}td,th{padding:4px 8px;text-align:left}</style></head><body>"
        f"<h1>TradeWatch alert preview</h1><p>{len(alerts)} latest alerts, newest first.</p>"
        "<table><tr><th>created</th><th>status</th><th>priority</th><th>recipient</th><th>subject</th></tr>"
        + "".join(rows) + "</table></body></html>", encoding="utf-8")
    return index
