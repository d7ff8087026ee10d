"""Plain text from feed HTML, and the publication date a text states about itself."""
from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "pre", "tr", "table", "section", "article", "header", "footer"}
_SKIP = {"script", "style", "noscript", "template", "iframe", "object", "svg", "math"}


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment, one paragraph a line; scripts and styles dropped."""
    if "<" not in markup and "&" not in markup:
        text = markup
    else:
        parser = _TextExtractor()
        try:
            parser.feed(markup)
            parser.close()
            text = "".join(parser.parts)
        except Exception:  # a broken fragment: fall back to dropping tags
            text = html.unescape(re.sub(r"<[^>]*>", " ", markup))
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], 1)}
_MONTH_ABBR = {k[:3]: v for k, v in _MONTHS.items()} | {"sept": 9}
_STATED_DATE = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,\s+(\d{4})\b"
)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def stated_publication_date(text: str) -> dt.date | None:
    """The first full calendar date (with a year) the text states, if any.

    Seed files carry no metadata; the seed says "on Tuesday, June 10, 2025".
    """
    candidates = []
    for m in _STATED_DATE.finditer(text):
        name = m.group(1).lower()
        month = _MONTHS.get(name) or _MONTH_ABBR.get(name[:4] if name.startswith("sept") else name[:3])
        try:
            candidates.append((m.start(), dt.date(int(m.group(3)), month, int(m.group(2)))))
        except (TypeError, ValueError):
            continue
    for m in _ISO_DATE.finditer(text):
        try:
            candidates.append((m.start(), dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))))
        except ValueError:
            continue
    return min(candidates)[1] if candidates else None
