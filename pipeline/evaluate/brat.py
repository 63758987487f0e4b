"""Read brat standoff attributions (PolNeAR's ``.ann`` files) as plain data.

A PolNeAR folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``;
when an article has several annotator files the first in sorted order is used.

``T`` lines are text-bound spans (``T12<TAB>Content 115 150;160 290<TAB>text``),
``E`` lines link one attribution (``E3<TAB>Attribution:T9 Source:T10 Cue:T11
Content:T12``; extra roles are named ``Content2`` and so on, or repeated). Each
attribution becomes a dict ``{"source", "cue", "content"}`` of span lists
(``[(start, end), ...]``, sorted; empty when the role is absent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

Spans = list[tuple[int, int]]

#: Roles kept from an ``E`` line; ``Content2`` etc. fold into ``Content``.
ROLES = ("Source", "Cue", "Content")
_ROLE_RE = re.compile(r"^([A-Za-z]+?)\d*$")


@dataclass
class BratDocument:
    id: str
    text: str
    attributions: list[dict[str, Spans]] = field(default_factory=list)
    date: str | None = None


def parse_spans(value: str) -> Spans:
    """``"115 150;160 290"`` -> ``[(115, 150), (160, 290)]``."""
    spans = []
    for part in value.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return spans


def parse_ann(ann: str) -> list[dict[str, Spans]]:
    """The attributions of one ``.ann`` file's text, in ``E`` line order."""
    bound: dict[str, tuple[str, Spans]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.splitlines():
        if not line.strip():
            continue
        fields = line.split("\t")
        key = fields[0]
        if key.startswith("T") and len(fields) >= 2:
            label, _, offsets = fields[1].partition(" ")
            try:
                bound[key] = (label, parse_spans(offsets))
            except ValueError:
                continue
        elif key.startswith("E") and len(fields) >= 2:
            args = []
            for arg in fields[1].split()[1:]:
                role, _, ref = arg.partition(":")
                args.append((role, ref))
            events.append(args)
    attributions = []
    for args in events:
        item: dict[str, Spans] = {role.lower(): [] for role in ROLES}
        for role, ref in args:
            match = _ROLE_RE.match(role)
            role = match.group(1) if match else role
            if role in ROLES and ref in bound:
                item[role.lower()].extend(bound[ref][1])
        if not item["content"]:
            continue
        for role in item:
            item[role] = sorted(set(item[role]))
        attributions.append(item)
    return attributions


def read_polnear(folder: Path, *, metadata: Path | None = None) -> list[BratDocument]:
    """Every article of a PolNeAR split folder (``text/`` + ``attributions/``)."""
    folder = Path(folder)
    dates = _read_dates(metadata if metadata else folder.parent / "metadata.tsv")
    ann_files: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        name = path.stem.rsplit("_", 1)[0]
        ann_files.setdefault(name, path)
    documents = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        name = text_path.stem
        text = text_path.read_text(encoding="utf-8")
        ann_path = ann_files.get(name)
        ann = ann_path.read_text(encoding="utf-8") if ann_path else ""
        documents.append(
            BratDocument(id=name, text=text, attributions=parse_ann(ann), date=dates.get(name))
        )
    return documents


def _read_dates(path: Path) -> dict[str, str]:
    """``filename -> publication_date`` from PolNeAR's ``metadata.tsv`` (if present)."""
    if not path.is_file():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines:
        return {}
    header = lines[0].split("\t")
    if "filename" not in header or "publication_date" not in header:
        return {}
    name_col, date_col = header.index("filename"), header.index("publication_date")
    dates = {}
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) > max(name_col, date_col) and re.fullmatch(
            r"\d{4}-\d{2}-\d{2}", cells[date_col]
        ):
            dates[cells[name_col]] = cells[date_col]
    return dates
