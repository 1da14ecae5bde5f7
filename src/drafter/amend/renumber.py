"""Renumbering, only when it must: after a struck provision, or an insert made in place.

A state's practice may avoid renumbering (Missouri adds subsections at the
end, Texas inserts "(a-1)"), but a provision struck whole leaves a gap, and a
state that inserts where the provision belongs (form `inserts: in_place`)
pushes the ones after it down. Then each following sibling takes the label
its position now gives it: its number less the struck siblings before it,
plus the siblings inserted before it (so an excerpt's gaps stay gaps), its
children moving with it. The old label is shown struck and the new one added,
as the state marks any other change.

References inside the section to a provision whose label changes
("subsection 3 of this section", "paragraph (b)") are rewritten to the new
label, marked the same way; each provision whose label changes gets a warning
to check references from outside the section, which no bill of one section
can see. A reference left pointing at a struck provision is warned about.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from drafter.amend.model import Piece, Restated
from drafter.amend.references import core, find_references, resolve, written_like
from drafter.bill import Style, counter
from drafter.notice import Notice

Path = tuple[str, ...]
_SUB = re.compile(r"^(\(?)([A-Za-z]+|\d+)-(\d+)(\)?\.?)$")
_SIMPLE = re.compile(r"^(\(?)([A-Za-z]+|\d+)(\)?\.?)$")
_COUNTER = re.compile(r"\{([1aAiI])\}")
#: The labels a provision's line opens with ("(11)(a)": its parent's, then its own).
_LABELS = re.compile(r"(?:\([^()\s]{1,6}\))+")


def _kind(style: Style, level: int, label: str) -> str:
    """The counter a level counts in ("1", "a", "i" ...), checked against the label."""
    body = label.strip("().")
    if body.isdigit():
        return "1"
    pattern = style.ladder[level] if level < len(style.ladder) else ""
    m = _COUNTER.search(pattern)
    kind = m.group(1) if m else ("A" if body.isupper() else "a")
    if kind == "1":
        kind = "A" if body.isupper() else "a"
    if kind in "iI" and not re.fullmatch(r"[ivxlc]+", body, re.I):
        kind = kind.replace("i", "a").replace("I", "A")
    return kind


def ordinal(body: str, kind: str) -> int | None:
    """The position a label's core stands for under a counter kind ("c" -> 3)."""
    for n in range(1, 400):
        if counter(kind, n).casefold() == body.casefold():
            return n
    return None


def shifted(label: str, by: int, kind: str) -> str | None:
    """The label `by` places on ("3." by -1 -> "2."), in the same form; None if it cannot."""
    if by == 0:
        return label
    sub = _SUB.match(label)
    m = sub or _SIMPLE.match(label)
    if m is None:
        return None
    n = ordinal(m.group(2), kind)
    if n is None or n + by < 1:
        return None
    new = counter(kind, n + by)
    new = new.upper() if m.group(2).isupper() and not m.group(2).isdigit() else new
    if sub is not None:
        return f"{sub.group(1)}{new}-{sub.group(3)}{sub.group(4)}"
    return f"{m.group(1)}{new}{m.group(3)}"


def _struck(provisions: Sequence[Restated]) -> set[int]:
    """Today's provisions struck whole, with everything under them struck too."""
    out: set[int] = set()
    for i, r in enumerate(provisions):
        if r.action != "strike" or not r.path:
            continue
        under = [q for q in provisions if q.action != "insert" and q.path[: len(r.path)] == r.path]
        if all(q.action == "strike" for q in under):
            out.add(i)
    return out


def new_paths(
    provisions: Sequence[Restated], style: Style, gaps: bool = False
) -> list[Path | None]:
    """Each provision's path after renumbering, in order (None: struck). With `gaps`
    a struck provision leaves its label unused and moves nothing (Texas)."""
    struck = _struck(provisions)
    today = {r.path for r in provisions if r.action != "insert"}
    moved: dict[Path, Path | None] = {}
    out: list[Path | None] = [None] * len(provisions)
    done: set[Path] = set()
    for r in provisions:  # parents come before their children
        parent = r.path[:-1]
        if not r.path or parent in done:
            continue
        done.add(parent)
        base = moved.get(parent) if parent in today else parent
        shift = 0
        siblings = [i for i, s in enumerate(provisions) if s.path and s.path[:-1] == parent]
        for k, i in enumerate(siblings):
            s = provisions[i]
            if base is None or i in struck:
                shift -= 0 if gaps else 1
                moved.setdefault(s.path, None)
                continue
            kind = _kind(style, len(parent), s.path[-1])
            new = (*base, shifted(s.path[-1], shift, kind) or s.path[-1])
            out[i] = new
            if s.action != "insert":
                moved[s.path] = new
            elif any(
                provisions[j].action != "insert" and provisions[j].path == s.path
                for j in siblings[k + 1 :]
            ):
                shift += 1  # inserted in place: the ones after it move down
    for i, r in enumerate(provisions):
        if not r.path:
            out[i] = r.path
    return out


def _relabel(r: Restated, old: str, new: str) -> tuple[Piece, ...]:
    """The provision's pieces with its label changed (old struck, new added)."""
    pieces = list(r.pieces)
    if not pieces or not old:
        return tuple(pieces)
    first = pieces[0]
    if not first.text.startswith(old):
        return tuple(pieces)
    rest = first.text[len(old) :]
    if first.kind == "insert":
        return (Piece("insert", f"{new}{rest}"), *pieces[1:])
    head = [Piece("delete", old), Piece("insert", new)]
    if rest.strip():
        head.append(Piece(first.kind, rest.strip()))
    return (*head, *pieces[1:])


def _rewrite(
    piece: Piece,
    here: Path,
    paths: Sequence[Path],
    mapping: dict[Path, Path | None],
    style: Style,
    number: str,
    dangling: Callable[[Path], None],
) -> list[Piece]:
    """A piece with its references to renumbered provisions rewritten."""
    text = piece.text
    edits: list[tuple[int, int, str]] = []
    for ref in find_references(text, style.level_names, number):
        for chain in ref.chains:
            target = resolve(chain, paths, here)
            if target is None:
                continue
            new = mapping.get(target, target)
            if new is None:
                dangling(target)
                continue
            for t in chain:
                old_core, new_core = core(target[t.level]), core(new[t.level])
                if old_core != new_core:
                    edits.append((t.start, t.end, written_like(text[t.start : t.end], new_core)))
    if not edits:
        return [piece]
    if piece.kind == "insert":
        for s, e, new_text in sorted(set(edits), reverse=True):
            text = text[:s] + new_text + text[e:]
        return [Piece("insert", text)]
    out: list[Piece] = []
    pos = 0
    for s, e, new_text in sorted(set(edits)):
        if s < pos:
            continue
        if text[pos:s].strip():
            out.append(Piece("equal", text[pos:s].strip()))
        out += [Piece("delete", text[s:e]), Piece("insert", new_text)]
        pos = e
    if text[pos:].strip():
        out.append(Piece("equal", text[pos:].strip()))
    return out


def renumber(
    provisions: Sequence[Restated],
    style: Style,
    number: str,
    excerpt: bool = False,
    gaps: bool = False,
    repeal_depth: int | None = None,
) -> tuple[list[Restated], list[Notice]]:
    """The provisions renumbered where they must be, their internal references
    rewritten, and the warnings: each label changed (check outside references),
    each struck provision, each reference left pointing at a struck one. With
    `gaps` a struck provision renumbers nothing. With `repeal_depth` the form repeals
    units struck whole up to that depth in a section of their own, and the warning
    says "repealed" of those, as the bill will."""
    from drafter.amend.labels import reference
    from drafter.amend.repeal import repealed_before_renumbering

    after = new_paths(provisions, style, gaps)
    repealed = (
        set(repealed_before_renumbering(provisions, after, repeal_depth))
        if repeal_depth is not None
        else set()
    )
    mapping = {r.path: p for r, p in zip(provisions, after, strict=True) if r.action != "insert"}
    paths = [r.path for r in provisions if r.path and r.action != "insert"]
    plain = replace(style, ref_suffix="")
    where = f"section {number}" if number else "the section"
    warnings: list[Notice] = []
    dangling: dict[Path, None] = {}
    out: list[Restated] = []
    #: Provisions warned about: their children are not warned about again.
    told: set[Path] = set()
    #: parent -> its label, printed on the line of a first child struck ("(11)(a) The ...").
    carried = {
        r.path[:-1]: m.group().removesuffix(r.path[-1])
        for r in provisions
        if r.action == "strike"
        and len(r.path) > 1
        and (m := _LABELS.match(r.old_text)) is not None
        and m.group() != r.path[-1]
        and m.group().endswith(r.path[-1])
    }
    for r, new in zip(provisions, after, strict=True):
        moved = new is not None and new != r.path
        # (a child moved with its parent keeps its own label: "1." stays "1.")
        relabelled = moved and new is not None and new[-1] != r.label
        label = new[-1] if new else r.label
        if relabelled and r.path[:-1] in carried and r.action != "strike":
            # The new first child takes the parent's label its struck elder carried.
            label = carried.pop(r.path[:-1]) + label
        pieces = _relabel(r, r.label, label) if relabelled and new else r.pieces
        rewritten: list[Piece] = []
        for piece in pieces:
            if piece.kind == "delete":
                rewritten.append(piece)
            else:
                rewritten += _rewrite(
                    piece, r.path, paths, mapping, style, number, lambda p: dangling.setdefault(p)
                )
        out.append(
            replace(
                r,
                label=new[-1] if moved and new else r.label,
                path=new if moved and new is not None else r.path,
                pieces=tuple(_joined(rewritten)),
                old_path=r.path if moved and r.action != "insert" else r.old_path,
            )
        )
        if r.path[:-1] in told:
            told.add(r.path)  # said of its parent, "with everything under it"
        elif r.action == "strike" and r.path:
            told.add(r.path)
            warnings.append(
                Notice(
                    "outside_reference",
                    r.label,
                    f"{reference(r.path, plain)} of {where} is "
                    f"{'repealed' if r.path in repealed else 'struck'}: check the code for "
                    "references to it from outside the section",
                )
            )
        elif moved and new is not None and r.action != "insert":
            told.add(r.path)
            warnings.append(
                Notice(
                    "outside_reference",
                    r.label,
                    f"{reference(r.path, plain)} of {where} is renumbered "
                    f"{reference(new, plain)}: check the code for references to it from "
                    "outside the section",
                )
            )
    if excerpt and any(r.old_path for r in out):
        warnings.append(
            Notice(
                "excerpt",
                number or None,
                f"provisions of {where} are renumbered but the text is an excerpt: "
                "renumber the omitted provisions that follow them too",
            )
        )
    for target in dangling:
        warnings.append(
            Notice(
                "internal_reference",
                target[-1],
                f"a reference inside {where} to {reference(target, plain)}, which is "
                "struck, is left as it was: reword it",
            )
        )
    return out, warnings


def _joined(pieces: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for p in pieces:
        if out and out[-1].kind == p.kind:
            out[-1] = Piece(p.kind, out[-1].text + " " + p.text)
        else:
            out.append(p)
    return out


__all__ = ["new_paths", "ordinal", "renumber", "shifted"]
