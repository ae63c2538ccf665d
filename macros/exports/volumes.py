"""A very large agenda as a PDF in parts (issue 24 class 10, issue 25 item 6).

Typst keeps every page it laid out in memory until the PDF is written: about 1.1 MB per page, so
the 1,587 pages of a valid 10 MB agenda took 1.8 GB in one process. An agenda whose document is
larger than :data:`VOLUME_BYTES` (as JSON; about 300 pages) is therefore typeset as parts of at most
that size, each a whole PDF of its own with a cover that says which part it is, what it holds and
which parts there are. The cut falls between chapters where it can, else between sections (goals,
school years), else between blocks; a chapter that goes on in the next part says "(vervolg)".
An agenda of ordinary size (the demo: 22 pages, 1,000 actions: 200 pages) stays one file.
"""

from __future__ import annotations

import json
from typing import Any

from ..render.paths import AGENDA_PDF as FIRST, part_number, volume_path  # noqa: F401 - the parts' paths live with the other paths
from .mdtree import Block

Document = dict[str, Any]

VOLUME_BYTES = 1_500_000  # about 300 pages, about 350 MB in Typst's process (benchmarks/RESULTS.md)


def _size(block: Block) -> int:
    return len(json.dumps(block, ensure_ascii=False, separators=(",", ":")))


def _split_table(block: Block, budget: int) -> list[Block]:
    """A table larger than a part (a list of thousands of partners) as tables of its rows, each with the head;
    the second and later say "(vervolg)" in their caption."""
    table = block["table"]
    pieces: list[list[Any]] = [[]]
    used = 0
    for row in table["rows"]:
        size = _size(row)
        if pieces[-1] and used + size > budget // 2:
            pieces.append([])
            used = 0
        pieces[-1].append(row)
        used += size
    return [{"table": {**table, "rows": rows, "foot": table["foot"] if k == len(pieces) - 1 else [],
                       "caption": table["caption"] + (" (vervolg)" if k else "")}} for k, rows in enumerate(pieces)]


def _blocks(body: list[Block], budget: int) -> list[Block]:
    """The body with every table larger than half a part split into tables of its rows (the other blocks are
    bounded by the model: a text has at most 20,000 characters)."""
    out: list[Block] = []
    for block in body:
        if "table" in block and _size(block) > budget // 2:
            out += _split_table(block, budget)
        else:
            out.append(block)
    return out


def _cut(body: list[Block], budget: int) -> list[list[Block]]:
    """The body in parts of at most ``budget`` (a single block larger than that is a part of its own)."""
    parts: list[list[tuple[Block, int, str | None]]] = [[]]  # each block with its size and the chapter it is in
    used = 0
    chapter: str | None = None
    for block in _blocks(body, budget):
        size = _size(block)
        if block.get("h") == 1:
            chapter = block.get("text")
        if parts[-1] and used + size > budget:
            # Cut before the last chapter or section that began in this part, if the part stays at least half full.
            part = parts[-1]
            at, before = len(part), used
            for k in range(len(part) - 1, 0, -1):
                before -= part[k][1]
                if before < budget / 2:
                    break
                if part[k][0].get("h") in (1, 2):
                    at = k
                    break
            parts[-1], carried = part[:at], part[at:]
            first, of = (carried[0][0], carried[0][2]) if carried else (block, chapter)
            if first.get("h") != 1 and of:
                heading = {"h": 1, "text": f"{of} (vervolg)"}
                carried.insert(0, (heading, _size(heading), of))
            parts.append(carried)
            used = sum(size for _, size, _ in carried)
        parts[-1].append((block, size, chapter))
        used += size
    return [[block for block, _, _ in part] for part in parts if part]


def _holds(part: list[Block]) -> str:
    """What a part holds, by its headings: 'Doelen (vervolg): Ambitie 3 tot en met Ambitie 5'."""
    chapters = [b["text"] for b in part if b.get("h") == 1]
    if len(chapters) != 1:
        return f"{chapters[0]} tot en met {chapters[-1]}" if chapters else "—"
    sections = [b["text"] for b in part if b.get("h") == 2]
    if not sections:
        return chapters[0]
    return f"{chapters[0]}: {sections[0]}" + (f" tot en met {sections[-1]}" if len(sections) > 1 else "")


def volumes(document: Document, budget: int | None = None) -> dict[str, Document]:
    """The agenda's document by path: one, or parts of at most ``budget`` (:data:`VOLUME_BYTES`) each."""
    budget = budget or VOLUME_BYTES
    if _size(document) <= budget:
        return {FIRST: document}
    parts = _cut(document["body"], budget)
    count = len(parts)
    names = [volume_path(n).rsplit("/", 1)[-1] for n in range(1, count + 1)]
    out: dict[str, Document] = {}
    for number, part in enumerate(parts, 1):
        holds = _holds(part)
        cover = dict(document["cover"])
        cover["kind"] = f"{cover['kind']} · deel {number} van {count}"
        cover["facts"] = [*cover["facts"], ["Dit deel", [holds]],
                          ["Alle delen", [x for n, name in enumerate(names, 1) for x in ([", "] if n > 1 else []) +
                                          [{"t": name, "href": name} if n != number else {"t": f"{name} (dit deel)", "b": 1}]]]]
        cover["note"] = (cover.get("note") or "") + (" " if cover.get("note") else "") + (
            f"De agenda is te groot voor één PDF en staat in {count} delen, elk met een eigen inhoudsopgave.")
        volume = {**document, "cover": cover, "body": part, "title": f"{document['title']} (deel {number} van {count})",
                  "running": f"{document['running']} · deel {number} van {count}"}
        if number > 1:
            volume.pop("lead", None)
        out[volume_path(number)] = volume
    return out
