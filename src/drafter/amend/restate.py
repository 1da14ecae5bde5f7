"""Today's provisions restated: the plan's strikes and additions as pieces, new ones placed.

Each provision of today's text becomes a run of pieces (words kept, struck and
added); one struck whole takes its label with it. The new provisions the plan
placed (drafter.amend.labels) go after the provision they follow, in order, or
at the end.
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafter.amend.labels import Placed
from drafter.amend.model import Action, Piece, Restated, joined
from drafter.amend.section import Provision


def restate(
    text: str,
    provisions: list[Provision],
    placed: list[Placed],
) -> list[Restated]:
    out: list[Restated] = []
    for p in provisions:
        pieces: list[Piece] = []
        if p.label_span is not None:
            pieces.append(Piece("equal", text[p.label_span[0] : p.label_span[1]]))
        strikes = sorted(set(p.strikes))
        for start, end in p.sentences:
            pos = start
            for s, e in strikes:
                if e <= pos or s >= end:
                    continue
                s, e = max(s, pos), min(e, end)
                if s > pos:
                    pieces.append(Piece("equal", text[pos:s]))
                pieces.append(Piece("delete", text[s:e]))
                pos = e
            if pos < end:
                pieces.append(Piece("equal", text[pos:end]))
            for added in p.additions.get(end, []):
                pieces.append(Piece("insert", added))
        pieces = _tidy(pieces)
        kept = "".join(x.text for x in pieces if x.kind == "equal")
        label = text[p.label_span[0] : p.label_span[1]] if p.label_span else ""
        action: Action = "keep"
        if any(x.kind != "equal" for x in pieces):
            adds = any(x.kind == "insert" for x in pieces)
            gone = not kept.replace(label, "").strip(" .;,")
            action = "strike" if gone and not adds else "replace"
            if action == "strike":
                # Struck whole: its label goes with it.
                pieces = [Piece("delete", joined(x.text for x in pieces))]
        out.append(Restated(p.label, p.path, action, tuple(pieces), tuple(p.edited_by)))
    return _merge_inserts(_orphans_struck(out), placed)


#: A lead-in that its children complete ("... is confidential and exempt from ...:").
_LEAD_IN = re.compile(r"(?:\bthat|:|—)\s*$")


def _orphans_struck(out: list[Restated]) -> list[Restated]:
    """A lead-in struck whole takes the items that complete it: kept, "1. Any
    information that reveals ..." would finish no sentence."""
    gone: list[tuple[str, ...]] = [
        r.path for r in out if r.action == "strike" and r.path and _LEAD_IN.search(r.old_text)
    ]
    result = []
    for r in out:
        if any(r.path[: len(g)] == g and r.path != g for g in gone) and r.action != "strike":
            r = replace(r, action="strike", pieces=(Piece("delete", r.old_text),))
        result.append(r)
    return result


def _merge_inserts(out: list[Restated], placed: list[Placed]) -> list[Restated]:
    result = list(out)
    #: The new provisions placed after each anchor so far (they keep their order).
    last: dict[tuple[str, ...], Restated] = {}
    for item in placed:
        new = Restated(
            item.path[-1],
            item.path,
            "insert",
            (Piece("insert", f"{item.path[-1]} {item.text}"),),
            (item.category,) if item.category else (),
        )
        if item.after is None:
            result.append(new)
            continue
        before = last.get(item.after)
        if before is not None:
            idx = next(i for i, r in enumerate(result) if r is before)
        else:
            # After the anchor and everything under it.
            idx = max(i for i, r in enumerate(result) if r.path[: len(item.after)] == item.after)
        result.insert(idx + 1, new)
        last[item.after] = new
    return result


def _tidy(pieces: list[Piece]) -> list[Piece]:
    """Pieces with their own spacing collapsed and neighbours of a kind joined."""
    out: list[Piece] = []
    for piece in pieces:
        words = " ".join(piece.text.split())
        if not words:
            continue
        if out and out[-1].kind == piece.kind:
            out[-1] = Piece(piece.kind, out[-1].text + " " + words)
        else:
            out.append(Piece(piece.kind, words))
    return out


__all__ = ["restate"]
