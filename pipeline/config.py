"""Loading feeds.yaml and alerts.yaml, with errors that name the file, line and problem.

A bad feed entry is reported and skipped (the other feeds still run); a bad
alerts file is an error, since routing mail on half a config would mislead.
"""
from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pipeline.models import EVENT_TYPES, AlertRouting, Recipient

_FEED_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_EMAIL = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+$")


class ConfigError(ValueError):
    """A configuration problem, with where it is: ``file:line: problem``."""


@dataclass(frozen=True)
class FeedConfig:
    name: str
    url: str
    full_text: bool = False


@dataclass(frozen=True)
class FeedsConfig:
    feeds: tuple[FeedConfig, ...]
    allow_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    problems: tuple[str, ...] = field(default_factory=tuple)  # "file:line: problem"


def _compose(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError(f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None


def _line(path: Path, node) -> str:
    return f"{path}:{node.start_mark.line + 1}"


def _mapping(node) -> dict:
    """A YAML mapping node as {key: value node}."""
    return {k.value: v for k, v in node.value}


def _scalar(path: Path, node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.value in ("", None):
        raise ConfigError(f"{_line(path, node)}: {what} must be a non-empty text value")
    return str(node.value)


def load_feeds(path: str | Path) -> FeedsConfig:
    path = Path(path)
    root = _compose(path)
    if root is None:
        return FeedsConfig(feeds=(), problems=(f"{path}:1: the file is empty: no feeds",))
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError(f"{_line(path, root)}: expected a mapping with a 'feeds' list")
    top = _mapping(root)
    allow = []
    problems = []
    if "allow_networks" in top:
        node = top["allow_networks"]
        if not isinstance(node, yaml.SequenceNode):
            raise ConfigError(f"{_line(path, node)}: allow_networks must be a list of CIDR ranges")
        for item in node.value:
            try:
                allow.append(ipaddress.ip_network(str(item.value), strict=False))
            except ValueError as exc:
                raise ConfigError(f"{_line(path, item)}: allow_networks: {exc}") from None
    feeds_node = top.get("feeds")
    if feeds_node is None or not isinstance(feeds_node, yaml.SequenceNode):
        where = _line(path, feeds_node or root)
        raise ConfigError(f"{where}: 'feeds' must be a list of {{name, url}} entries")
    feeds, names = [], set()
    for item in feeds_node.value:
        try:
            if not isinstance(item, yaml.MappingNode):
                raise ConfigError(f"{_line(path, item)}: a feed must be a mapping with name and url")
            entry = _mapping(item)
            unknown = set(entry) - {"name", "url", "full_text"}
            if unknown:
                raise ConfigError(f"{_line(path, item)}: unknown feed key(s): {', '.join(sorted(unknown))}")
            if "name" not in entry or "url" not in entry:
                raise ConfigError(f"{_line(path, item)}: a feed needs both name and url")
            name = _scalar(path, entry["name"], "name")
            url = _scalar(path, entry["url"], "url")
            if not _FEED_NAME.match(name):
                raise ConfigError(f"{_line(path, entry['name'])}: feed name {name!r} must be short: letters, digits, _ . -")
            if name in names:
                raise ConfigError(f"{_line(path, entry['name'])}: feed name {name!r} is used twice")
            if not re.match(r"^https?://[^\s/]+", url):
                raise ConfigError(f"{_line(path, entry['url'])}: feed url {url!r} must be http:// or https://")
            full_text = False
            if "full_text" in entry:
                full_text = yaml.safe_load(entry["full_text"].value) is True if isinstance(entry["full_text"], yaml.ScalarNode) else False
            names.add(name)
            feeds.append(FeedConfig(name=name, url=url, full_text=full_text))
        except ConfigError as exc:
            problems.append(str(exc))
    return FeedsConfig(feeds=tuple(feeds), allow_networks=tuple(allow), problems=tuple(problems))


def load_alerts(path: str | Path) -> AlertRouting:
    path = Path(path)
    root = _compose(path)
    if root is None or not isinstance(root, yaml.MappingNode):
        raise ConfigError(f"{path}:1: expected a mapping with 'sender' and 'recipients'")
    top = _mapping(root)
    unknown = set(top) - {"sender", "recipients"}
    if unknown:
        raise ConfigError(f"{_line(path, root)}: unknown key(s): {', '.join(sorted(unknown))}")
    if "sender" not in top:
        raise ConfigError(f"{_line(path, root)}: 'sender' is missing")
    sender = _scalar(path, top["sender"], "sender")
    if not _EMAIL.match(sender):
        raise ConfigError(f"{_line(path, top['sender'])}: sender {sender!r} is not an email address")
    rec_node = top.get("recipients")
    if rec_node is None or not isinstance(rec_node, yaml.SequenceNode):
        raise ConfigError(f"{_line(path, rec_node or root)}: 'recipients' must be a list")
    recipients = []
    for item in rec_node.value:
        if not isinstance(item, yaml.MappingNode):
            raise ConfigError(f"{_line(path, item)}: a recipient must be a mapping with an email")
        entry = _mapping(item)
        unknown = set(entry) - {"email", "event_types", "min_priority", "delivery"}
        if unknown:
            raise ConfigError(f"{_line(path, item)}: unknown recipient key(s): {', '.join(sorted(unknown))}")
        if "email" not in entry:
            raise ConfigError(f"{_line(path, item)}: a recipient needs an email")
        email = _scalar(path, entry["email"], "email")
        if not _EMAIL.match(email):
            raise ConfigError(f"{_line(path, entry['email'])}: {email!r} is not an email address")
        types: tuple[str, ...] | None = None
        if "event_types" in entry:
            node = entry["event_types"]
            if isinstance(node, yaml.ScalarNode) and node.value == "all":
                types = None
            elif isinstance(node, yaml.SequenceNode):
                types = tuple(str(n.value) for n in node.value)
                bad = [t for t in types if t not in EVENT_TYPES]
                if bad:
                    raise ConfigError(f"{_line(path, node)}: unknown event type(s) {', '.join(bad)}; "
                                      f"known: {', '.join(EVENT_TYPES)}")
            else:
                raise ConfigError(f"{_line(path, node)}: event_types must be 'all' or a list of event types")
        priority = "normal"
        if "min_priority" in entry:
            priority = _scalar(path, entry["min_priority"], "min_priority")
            if priority not in ("normal", "high"):
                raise ConfigError(f"{_line(path, entry['min_priority'])}: min_priority must be normal or high, not {priority!r}")
        delivery = "immediate"
        if "delivery" in entry:
            delivery = _scalar(path, entry["delivery"], "delivery")
            if delivery not in ("immediate", "digest"):
                raise ConfigError(f"{_line(path, entry['delivery'])}: delivery must be immediate or digest, not {delivery!r}")
        recipients.append(Recipient(email=email, event_types=types, min_priority=priority, delivery=delivery))
    return AlertRouting(sender=sender, recipients=tuple(recipients))
