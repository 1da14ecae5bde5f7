"""A series of items kept joined: its semicolons and its "and"/"or" after a strike or insert.

Items of a list end with a semicolon, the next to last with "; and" (or
"; or"), the last with the series' own ending (a period, or "; or" where the
list is itself an item of a longer one). Strike the next to last item and the
one before it must take the "and"; strike the last and the new last takes its
ending; insert an item and the endings move along. The conjunction and the last
ending are today's; each item whose ending changes is marked like any other
change ("this paragraph; [and]").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from drafter.amend.model import Piece, Restated

#: How an item ends: its mark and the conjunction after it ("; and", ";", ".").
_ENDING = re.compile(r"([;,.:])(?:\s+(and|or))?\s*$")


@dataclass(frozen=True, slots=True)
class Ending:
    mark: str
    conjunction: str = ""

    @property
    def text(self) -> str:
        return f"{self.mark} {self.conjunction}" if self.conjunction else self.mark


def ending(text: str) -> Ending | None:
    m = _ENDING.search(text)
    return Ending(m.group(1), m.group(2) or "") if m else None


def fix_series(provisions: Sequence[Restated]) -> list[Restated]:
    """The provisions with each series' endings set right for the items left in it."""
    out = list(provisions)
    groups: dict[tuple[str, ...], list[int]] = {}
    for i, r in enumerate(out):
        if r.path:
            groups.setdefault((r.old_path or r.path)[:-1], []).append(i)
    for members in groups.values():
        today = [i for i in members if out[i].action != "insert"]
        ends = [ending(out[i].old_text) for i in today]
        if len(today) < 2 or any(e is None or e.mark != ";" for e in ends[:-1]):
            continue
        last = ends[-1]
        conjunction = next((e.conjunction for e in reversed(ends[:-1]) if e and e.conjunction), "")
        if last is None or not conjunction:
            continue
        left = [i for i in members if out[i].action != "strike" and out[i].new_text.strip()]
        for k, i in enumerate(left):
            if k == len(left) - 1:
                want = last
            elif k == len(left) - 2:
                want = Ending(";", conjunction)
            else:
                want = Ending(";")
            out[i] = _ended(out[i], want)
    return out


def _ended(r: Restated, want: Ending) -> Restated:
    """The item with its ending changed to `want` (marked), or as it is."""
    have = ending(r.new_text)
    if have is None or have == want or not r.pieces or r.pieces[-1].kind == "delete":
        return r
    *rest, tail = r.pieces
    m = _ENDING.search(tail.text)
    if m is None:
        return r
    if tail.kind == "insert":
        return replace(r, pieces=(*rest, Piece("insert", tail.text[: m.start()] + want.text)))
    body = tail.text[: m.start()]
    if have.mark == want.mark:
        # Only the conjunction changes: "this paragraph; [and]", "this paragraph; AND".
        new = [Piece("equal", body + have.mark)]
        if have.conjunction:
            new.append(Piece("delete", have.conjunction))
        if want.conjunction:
            new.append(Piece("insert", want.conjunction))
    else:
        new = [Piece("equal", body), Piece("delete", have.text), Piece("insert", want.text)]
    pieces = (*rest, *(p for p in new if p.text.strip()))
    return replace(r, pieces=pieces)


__all__ = ["Ending", "ending", "fix_series"]
