"""Fetching a feed over HTTP(S): timeouts, a size cap, and no requests to private networks.

Never raises for a network problem: the result records what happened
(status, error, bytes, duration), like feedparser's `bozo`.
"""
from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

USER_AGENT = "TradeWatch/0.1 (+https://github.com/tradewatch; US-China trade-talk monitor)"
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(connect=5.0, read=10.0, write=5.0, pool=5.0)
TOTAL_SECONDS = 30.0


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    http_status: int | None
    body: bytes | None
    headers: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    duration_ms: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None and self.body is not None


class RefusedAddress(Exception):
    """The URL points somewhere TradeWatch must not fetch from."""


class Unresolvable(Exception):
    """The host name does not resolve (DNS failure, or no network)."""


def check_address(url: str, allow_networks=()) -> None:
    """Refuse non-http(s) schemes and private, loopback, link-local or reserved addresses.

    Checked after DNS resolution (every address the name resolves to), so a
    public name pointing at 127.0.0.1 is refused too, unless allowed.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise RefusedAddress(f"scheme {parts.scheme!r} refused: only http and https")
    host = parts.hostname
    if not host:
        raise RefusedAddress("no host in URL")
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise Unresolvable(f"cannot resolve {host}: {exc.strerror or exc}") from None
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%")[0])
        if any(addr in net for net in allow_networks):
            continue
        if (addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_multicast
                or addr.is_reserved or addr.is_unspecified):
            raise RefusedAddress(f"{host} resolves to {addr}, a non-public address not in allow_networks")


def fetch(url: str, allow_networks=(), max_bytes: int = MAX_BYTES,
          timeout: httpx.Timeout = TIMEOUT, total_seconds: float = TOTAL_SECONDS,
          extra_headers: dict[str, str] | None = None) -> FetchResult:
    started = time.monotonic()

    def done(**kw) -> FetchResult:
        return FetchResult(url=url, duration_ms=int((time.monotonic() - started) * 1000), **kw)

    current = url
    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, "
               "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5", "Accept-Encoding": "gzip, deflate"}
    headers.update(extra_headers or {})
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
            for _hop in range(MAX_REDIRECTS + 1):
                check_address(current, allow_networks)
                with client.stream("GET", current, headers=headers) as resp:
                    if resp.is_redirect and resp.headers.get("location"):
                        current = urljoin(current, resp.headers["location"])
                        continue
                    chunks, size = [], 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            return done(final_url=current, http_status=resp.status_code, body=None,
                                        error=f"body larger than {max_bytes} bytes: stopped reading")
                        if time.monotonic() - started > total_seconds:
                            return done(final_url=current, http_status=resp.status_code, body=None,
                                        error=f"took longer than {total_seconds:.0f} s: stopped reading")
                        chunks.append(chunk)
                    body = b"".join(chunks)
                    resp_headers = {k.lower(): v for k, v in resp.headers.items()}
                    if resp.status_code >= 400:
                        return done(final_url=current, http_status=resp.status_code, body=None,
                                    headers=resp_headers, error=f"HTTP {resp.status_code} {resp.reason_phrase}")
                    return done(final_url=current, http_status=resp.status_code, body=body,
                                headers=resp_headers)
            return done(final_url=current, http_status=None, body=None,
                        error=f"more than {MAX_REDIRECTS} redirects")
    except RefusedAddress as exc:
        return done(final_url=current, http_status=None, body=None, error=f"refused: {exc}")
    except Unresolvable as exc:
        return done(final_url=current, http_status=None, body=None, error=f"DNS: {exc}")
    except httpx.TimeoutException as exc:
        return done(final_url=current, http_status=None, body=None, error=f"timeout: {type(exc).__name__}")
    except httpx.DecodingError as exc:
        return done(final_url=current, http_status=None, body=None, error=f"undecodable body: {exc}")
    except (httpx.HTTPError, OSError) as exc:
        return done(final_url=current, http_status=None, body=None,
                    error=f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
