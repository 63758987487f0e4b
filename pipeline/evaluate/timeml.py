"""TimeML reader: the text of ``<TEXT>`` with tags removed, its TIMEX3 items and the DCT.

Pure functions on strings, so that tests can feed hand-written snippets.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<DCT>\s*<TIMEX3([^>]*)>", re.S)


@dataclass
class TimeMLDoc:
    id: str
    text: str
    dct: str | None
    timexes: list[dict] = field(default_factory=list)


def _attrs(raw: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(raw)}


def parse_timeml(source: str, *, doc_id: str = "doc") -> TimeMLDoc:
    """Parse a TimeML document: text of ``<TEXT>`` (tags removed, entities decoded),
    TIMEX3 items as ``{"start","end","text","type","value","mod"}`` and the DCT value."""
    dct = None
    match = _DCT.search(source)
    if match:
        value = _attrs(match.group(1)).get("value")
        dct = value[:10] if value else None
    body = _TEXT.search(source)
    raw = body.group(1) if body else ""
    parts: list[str] = []
    length = 0
    timexes: list[dict] = []
    stack: list[dict] = []
    pos = 0
    for tag in _TAG.finditer(raw):
        chunk = html.unescape(raw[pos : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name, attrs, selfclosing = tag.groups()
        if name != "TIMEX3":
            continue
        if closing:
            if stack:
                item = stack.pop()
                item["end"] = length
                timexes.append(item)
        elif not selfclosing:
            a = _attrs(attrs)
            stack.append(
                {
                    "start": length,
                    "type": a.get("type"),
                    "value": a.get("value"),
                    "mod": a.get("mod") or None,
                    "tid": a.get("tid"),
                }
            )
    chunk = html.unescape(raw[pos:])
    parts.append(chunk)
    text = "".join(parts)
    for item in timexes:
        item["text"] = text[item["start"] : item["end"]]
    timexes.sort(key=lambda t: (t["start"], t["end"]))
    return TimeMLDoc(id=doc_id, text=text, dct=dct, timexes=timexes)


def read_timeml(path: Path) -> TimeMLDoc:
    return parse_timeml(Path(path).read_text(encoding="utf-8"), doc_id=Path(path).stem)


def read_timeml_dir(path: Path) -> list[TimeMLDoc]:
    """All ``*.tml`` files under ``path`` (or the one file), in sorted order."""
    path = Path(path)
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    return [read_timeml(f) for f in files]
