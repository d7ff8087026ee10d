"""Fetching a feed (or a linked page) over HTTP(S) that survives the real web.

httpx is the client; below it, a guarded network backend:

* only http and https; every host is resolved here (DNS bounded in time) and
  every address vetted (private, loopback, link-local, reserved... refused
  unless in the feeds config's ``allow_networks``) on the first request and on
  every redirect; the connection then goes to the vetted IP itself, so a DNS
  answer that changes between the check and the connect (rebinding) cannot
  swap it; TLS still verifies the certificate against the host name;
* connect and read timeouts per socket operation, and a total deadline that
  is enforced at the socket: every read and write waits at most the time left,
  so a server trickling one byte a second (headers or body) is cut off;
* the body is read raw and decompressed here (gzip, deflate) with a cap on
  both the bytes received and the bytes decoded (a gzip bomb stops at the cap);
* redirects followed by hand, a bounded number of times;
* conditional GET (If-None-Match / If-Modified-Since) when validators are
  given: a 304 carries no body and costs no parsing;
* Retry-After read from the answer (seconds or an HTTP date).

Never raises for a network problem: the result records what happened
(status, error and its kind, bytes, duration), like feedparser's ``bozo``.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import ipaddress
import math
import socket
import threading
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpcore
import httpx

USER_AGENT = ("TradeWatch/0.2 (US-China trade-talk monitor; feed reader; "
              "+https://github.com/tradewatch/tradewatch)")
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
               "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
MAX_RETRY_AFTER = 24 * 3600  # a longer Retry-After is honoured for a day, then retried


@dataclass(frozen=True)
class Limits:
    """What one fetch may cost. The total deadline covers DNS, every redirect and the body."""

    connect: float = 5.0          # seconds for one TCP connect / TLS handshake
    read: float = 10.0            # seconds one socket read may wait
    total: float = 30.0           # seconds for the whole fetch, enforced at every socket wait
    dns: float = 5.0              # seconds for one DNS lookup
    max_bytes: int = 10 * 1024 * 1024  # bytes received, and bytes after decompression
    max_redirects: int = 5


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    http_status: int | None        # None when no answer came
    body: bytes | None             # decoded body of a 2xx answer; None otherwise
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    error: str | None = None       # None on success (a 304 is a success)
    error_kind: str | None = None  # refused | dns | connect | timeout | deadline | too_large |
    #                                http | redirects | decode | protocol | invalid_url
    duration_ms: int = 0
    bytes_received: int = 0        # bytes read from the wire (before decompression)
    retry_after_s: int | None = None
    note: str | None = None        # something odd but survivable (e.g. a mislabelled encoding)

    @property
    def ok(self) -> bool:
        return self.error is None and self.body is not None

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.http_status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag") or None

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified") or None


class RefusedAddress(Exception):
    """The URL points somewhere TradeWatch must not fetch from."""


class Unresolvable(Exception):
    """The host name does not resolve (DNS failure, no network, or too slow)."""


class TooLarge(Exception):
    """The body is larger than the cap."""


class Undecodable(Exception):
    """The body does not decode with its Content-Encoding."""


class DeadlineExceeded(httpcore.ReadTimeout):
    """The fetch's total deadline passed while waiting on the network."""


# -- addresses -----------------------------------------------------------------------


def _non_public(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return (not addr.is_global or addr.is_multicast or addr.is_private or addr.is_loopback
            or addr.is_link_local or addr.is_reserved or addr.is_unspecified)


def address_allowed(addr, allow_networks=()) -> bool:
    if any(addr in net for net in allow_networks):
        return True
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        if any(addr.ipv4_mapped in net for net in allow_networks):
            return True
    return not _non_public(addr)


def _getaddrinfo(host: str, port: int, timeout: float) -> list:
    """socket.getaddrinfo bounded in time (a stuck resolver is left behind in a daemon thread)."""
    box: dict = {}
    done = threading.Event()

    def lookup():
        try:
            box["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except Exception as exc:  # noqa: BLE001 - reported below
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=lookup, name=f"dns-{host}", daemon=True).start()
    if not done.wait(max(0.0, timeout)):
        raise Unresolvable(f"DNS lookup of {host} took longer than {timeout:.1f} s")
    if "error" in box:
        exc = box["error"]
        raise Unresolvable(f"cannot resolve {host}: {getattr(exc, 'strerror', None) or exc}")
    return box["infos"]


def vet(url: str, allow_networks=(), dns_timeout: float = DEFAULT_LIMITS.dns) -> tuple[str, int, str]:
    """(host, port, ip to connect to) for a URL, or RefusedAddress / Unresolvable.

    Only http and https. The host is resolved here, every address it resolves
    to is vetted, and the first acceptable one (IPv4 first) is returned: the
    caller connects to that IP and nowhere else.
    """
    try:
        parts = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise RefusedAddress(f"invalid URL: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise RefusedAddress(f"scheme {parts.scheme!r} refused: only http and https")
    host = parts.raw_host.decode("ascii", "replace")
    if not host:
        raise RefusedAddress("no host in URL")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        addrs = [literal]
    else:
        infos = _getaddrinfo(host, port, dns_timeout)
        addrs = []
        for info in infos:
            try:
                addr = ipaddress.ip_address(info[4][0].split("%")[0])
            except ValueError:
                continue
            if addr not in addrs:
                addrs.append(addr)
        if not addrs:
            raise Unresolvable(f"cannot resolve {host}: no address")
    allowed = sorted((a for a in addrs if address_allowed(a, allow_networks)), key=lambda a: a.version)
    if not allowed:
        raise RefusedAddress(f"{host} resolves to {addrs[0]}, a non-public address not in allow_networks")
    return host, port, str(allowed[0])


# -- the guarded network backend under httpx ---------------------------------------------


def _left(deadline: float) -> float:
    return deadline - time.monotonic()


def _clamp(timeout: float | None, deadline: float) -> float:
    left = _left(deadline)
    if left <= 0:
        raise DeadlineExceeded("total deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every wait is cut to the time left before the deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: float):
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _clamp(timeout, self._deadline))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _clamp(timeout, self._deadline))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname,
                                                     _clamp(timeout, self._deadline)), self._deadline)

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)


class _PinnedBackend(httpcore.NetworkBackend):
    """Connects only to addresses vetted by :func:`vet`, and only before the deadline."""

    def __init__(self, deadline: float):
        self.deadline = deadline
        self.pinned: dict[tuple[str, int], str] = {}
        self._sync = httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        ip = self.pinned.get((host, port))
        if ip is None:  # never connect anywhere that was not vetted
            raise httpcore.ConnectError(f"{host}:{port} was not vetted: connection refused")
        stream = self._sync.connect_tcp(ip, port, _clamp(timeout, self.deadline), local_address,
                                        socket_options)
        return _DeadlineStream(stream, self.deadline)

    def connect_unix_socket(self, path, timeout=None, socket_options=None):  # pragma: no cover
        raise httpcore.ConnectError("unix sockets are refused")

    def sleep(self, seconds: float) -> None:  # pragma: no cover
        time.sleep(min(seconds, max(0.0, _left(self.deadline))))


def _httpx_error(exc: Exception) -> Exception:
    for cls in type(exc).__mro__:
        target = getattr(httpx, cls.__name__, None)
        if isinstance(target, type) and issubclass(target, httpx.TransportError):
            mapped = target(str(exc) or cls.__name__)
            mapped.deadline = isinstance(exc, DeadlineExceeded)
            return mapped
    return httpx.TransportError(str(exc))


@contextlib.contextmanager
def _mapped():
    try:
        yield
    except httpcore.TimeoutException as exc:
        raise _httpx_error(exc) from exc
    except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol) as exc:
        raise _httpx_error(exc) from exc


class _ResponseStream(httpx.SyncByteStream):
    def __init__(self, stream):
        self._stream = stream

    def __iter__(self):
        with _mapped():
            yield from self._stream

    def close(self) -> None:
        if hasattr(self._stream, "close"):
            self._stream.close()


class _GuardedTransport(httpx.BaseTransport):
    """httpx transport over an httpcore pool that uses the pinned, deadline-bound backend."""

    _ssl_context = None

    def __init__(self, backend: _PinnedBackend):
        if _GuardedTransport._ssl_context is None:
            _GuardedTransport._ssl_context = httpx.create_ssl_context()
        self._pool = httpcore.ConnectionPool(ssl_context=_GuardedTransport._ssl_context,
                                             max_connections=2, http1=True, http2=False,
                                             retries=0, network_backend=backend)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        req = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host,
                             port=request.url.port, target=request.url.raw_path),
            headers=request.headers.raw, content=request.stream, extensions=request.extensions)
        with _mapped():
            resp = self._pool.handle_request(req)
        return httpx.Response(status_code=resp.status, headers=resp.headers,
                              stream=_ResponseStream(resp.stream), extensions=resp.extensions)

    def close(self) -> None:
        self._pool.close()


# -- the body -------------------------------------------------------------------------------


class _Decoder:
    """Content-Encoding decoding with bounded output (identity, gzip, deflate).

    A body labelled gzip or deflate that is not compressed at all (no gzip or
    zlib header, no raw deflate either) is read as is, as feedparser does; a
    compressed body that is corrupt is an error.
    """

    def __init__(self, encoding: str, limit: int):
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1:
            raise Undecodable(f"Content-Encoding {encoding!r}: stacked encodings not supported")
        self.coding = {"x-gzip": "gzip"}.get(codings[0], codings[0]) if codings else "identity"
        if self.coding not in ("identity", "gzip", "deflate"):
            raise Undecodable(f"Content-Encoding {self.coding!r} not supported")
        self.limit = limit
        self.out = bytearray()
        self.note: str | None = None
        self._z = None
        self._raw_head = bytearray()  # raw bytes kept until the first decoded byte (for the fallback)
        self._tried_raw_deflate = False

    def _grow(self, data: bytes) -> None:
        self.out += data
        if len(self.out) > self.limit:
            raise TooLarge(f"body larger than {self.limit} bytes once decompressed: stopped reading")

    def _fallback(self, why: str) -> None:
        self.note = f"Content-Encoding {self.coding} but the body is not {self.coding}-compressed " \
                    f"({why}): read as is"
        self.coding = "identity"
        self._grow(bytes(self._raw_head))
        self._raw_head = bytearray()

    def feed(self, chunk: bytes) -> None:
        if self.coding == "identity":
            self._grow(chunk)
            return
        if not self.out and self._raw_head is not None:
            self._raw_head += chunk
        if self._z is None:
            head = bytes(self._raw_head)
            if self.coding == "gzip":
                if len(head) < 2:
                    return  # wait for the magic bytes
                if head[:2] != b"\x1f\x8b":
                    self._fallback("no gzip header")
                    return
                self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
            else:
                if len(head) < 2:
                    return
                zlib_header = (head[0] & 0x0F) == 8 and (head[0] * 256 + head[1]) % 31 == 0
                self._z = zlib.decompressobj(zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS)
                self._tried_raw_deflate = not zlib_header
            chunk = head
        self._inflate(chunk)

    def _inflate(self, data: bytes) -> None:
        while data:
            before = len(self.out)
            try:
                piece = self._z.decompress(data, self.limit - len(self.out) + 1)
            except zlib.error as exc:
                if not self.out:
                    if self.coding == "deflate" and not self._tried_raw_deflate:
                        self._tried_raw_deflate = True
                        self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                        data = bytes(self._raw_head)
                        continue
                    if self.coding == "deflate":
                        self._fallback(str(exc))
                        return
                raise Undecodable(f"{self.coding} body is corrupt: {exc}") from None
            self._grow(piece)
            if len(self.out) > before and self._raw_head:
                self._raw_head = bytearray()
            data = self._z.unconsumed_tail
            if self._z.eof:
                rest = self._z.unused_data
                if self.coding == "gzip" and rest[:2] == b"\x1f\x8b":  # another gzip member
                    self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    data = rest
                    continue
                return

    def finish(self) -> bytes:
        if self.coding != "identity":
            if self._z is None:
                if self._raw_head:
                    self._fallback("too short")
            elif not self._z.eof:
                if self.coding == "gzip" or not self.out:
                    raise Undecodable(f"{self.coding} body is truncated")
                self._grow(self._z.flush())
        return bytes(self.out)


def _retry_after(value: str | None, now: dt.datetime | None = None) -> int | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(int(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    seconds = (when - (now or dt.datetime.now(dt.timezone.utc))).total_seconds()
    return max(0, min(int(math.ceil(seconds)), MAX_RETRY_AFTER))


def fetch(url: str, allow_networks=(), limits: Limits = DEFAULT_LIMITS, *,
          etag: str | None = None, last_modified: str | None = None,
          accept: str = FEED_ACCEPT, deadline: float | None = None) -> FetchResult:
    """GET a URL within the limits; ``deadline`` (time.monotonic) can cut the total shorter."""
    started = time.monotonic()
    deadline = min(started + limits.total, deadline if deadline is not None else math.inf)
    received = 0
    current = url
    status: int | None = None

    def done(**kw) -> FetchResult:
        kw.setdefault("http_status", status)
        kw.setdefault("body", None)
        return FetchResult(url=url, final_url=current, bytes_received=received,
                           duration_ms=int((time.monotonic() - started) * 1000), **kw)

    headers = {"User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    backend = _PinnedBackend(deadline)
    timeout = httpx.Timeout(connect=limits.connect, read=limits.read, write=limits.read, pool=limits.connect)
    try:
        with httpx.Client(transport=_GuardedTransport(backend), timeout=timeout,
                          follow_redirects=False, trust_env=False) as client:
            for _hop in range(limits.max_redirects + 1):
                host, port, ip = vet(current, allow_networks, min(limits.dns, max(0.0, _left(deadline))))
                backend.pinned[(host, port)] = ip
                with client.stream("GET", current, headers=headers) as resp:
                    status = resp.status_code
                    resp_headers = {k.lower(): v for k, v in resp.headers.items()}
                    if status in REDIRECT_STATUSES:
                        location = (resp.headers.get("location") or "").strip()
                        if not location:
                            return done(headers=resp_headers, error=f"HTTP {status} redirect without a Location",
                                        error_kind="http")
                        current = urljoin(current, location)
                        continue
                    retry_after = _retry_after(resp.headers.get("retry-after"))
                    if status == 304:
                        return done(headers=resp_headers, retry_after_s=retry_after)
                    if not 200 <= status < 300:
                        return done(headers=resp_headers, retry_after_s=retry_after,
                                    error=f"HTTP {status} {resp.reason_phrase}".strip(), error_kind="http")
                    length = resp.headers.get("content-length", "")
                    if length.isdigit() and int(length) > limits.max_bytes:
                        return done(headers=resp_headers, error=f"body of {int(length)} bytes announced, "
                                    f"more than the {limits.max_bytes} bytes allowed: not read",
                                    error_kind="too_large")
                    decoder = _Decoder(resp.headers.get("content-encoding", ""), limits.max_bytes)
                    for chunk in resp.iter_raw():
                        received += len(chunk)
                        if received > limits.max_bytes:
                            raise TooLarge(f"body larger than {limits.max_bytes} bytes: stopped reading")
                        if _left(deadline) <= 0:
                            raise DeadlineExceeded("total deadline passed")
                        decoder.feed(chunk)
                    body = decoder.finish()
                    return done(headers=resp_headers, body=body, note=decoder.note)
            return done(error=f"more than {limits.max_redirects} redirects", error_kind="redirects")
    except RefusedAddress as exc:
        return done(error=f"refused: {exc}", error_kind="refused")
    except Unresolvable as exc:
        return done(error=f"DNS: {exc}", error_kind="dns")
    except TooLarge as exc:
        return done(error=str(exc), error_kind="too_large")
    except Undecodable as exc:
        return done(error=f"undecodable body: {exc}", error_kind="decode")
    except (DeadlineExceeded, httpx.TimeoutException) as exc:
        if isinstance(exc, DeadlineExceeded) or getattr(exc, "deadline", False) or _left(deadline) <= 0.05:
            return done(error=f"took longer than the {limits.total:g} s allowed: stopped", error_kind="deadline")
        return done(error=f"timeout: {type(exc).__name__}", error_kind="timeout")
    except httpx.ConnectError as exc:
        return done(error=f"ConnectError: {exc}" if str(exc) else "ConnectError", error_kind="connect")
    except (httpx.RemoteProtocolError, httpx.LocalProtocolError) as exc:
        return done(error=f"{type(exc).__name__}: {exc}", error_kind="protocol")
    except httpx.InvalidURL as exc:
        return done(error=f"invalid URL: {exc}", error_kind="invalid_url")
    except (httpx.HTTPError, OSError) as exc:
        return done(error=f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__,
                    error_kind="connect")
