"""Repealed and renumbered units, for a form that restates only the units it amends.

Texas and New York bills restate the subsections (paragraphs) they amend. A
unit struck whole is not restated struck through: a bill section of its own
repeals it ("Section 411.0728(c), Government Code, is repealed."; New York:
"Subdivision 3 of section 440.10 of the criminal procedure law is REPEALED").
Where the state renumbers what follows (New York), the same bill section says
so ("... and subdivisions 4 and 5 are renumbered subdivisions 3 and 4"); a
unit whose only change is its label is named there and not restated. Texas
leaves the gap (its form's `struck: gap`), so nothing after it moves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from drafter.amend.labels import reference
from drafter.amend.model import Amendment, Piece, Restated
from drafter.bill import Style, ref_label
from drafter.language import series
from drafter.law import AmendingForm

Path = tuple[str, ...]


def _under(path: Path, unit: Path) -> bool:
    return path[: len(unit)] == unit


def _relabelled_only(r: Restated) -> bool:
    """Whether a provision's only change is its own label."""
    return r.action == "keep" and r.new_text.replace(r.label, r.old_label, 1) == r.old_text


def repeals(amendment: Amendment, depth: int) -> tuple[list[Path], list[Path], list[Path]]:
    """The units struck whole, the units renumbered, and of those the ones whose only
    change is their label (today's paths, highest first, at most `depth` deep)."""
    provisions = [r for r in amendment.provisions if r.action != "insert" and r.path]
    return _units([(r.old_path_or_path, r, bool(r.old_path)) for r in provisions], depth)


def repealed_before_renumbering(
    provisions: Sequence[Restated], after: Sequence[Path | None], depth: int
) -> list[Path]:
    """The units a repeal section will repeal, known before renumbering: `after` holds
    each provision's new path (None where it goes), as renumbering will give them."""
    rows = [
        (r.path, r, new is not None and new != r.path)
        for r, new in zip(provisions, after, strict=True)
        if r.action != "insert" and r.path
    ]
    return _units(rows, depth)[0]


def _units(
    rows: Sequence[tuple[Path, Restated, bool]], depth: int
) -> tuple[list[Path], list[Path], list[Path]]:
    """Repealed, moved and label-only units among (today's path, provision, moves)."""
    repealed: list[Path] = []
    moved: list[Path] = []
    only: list[Path] = []
    for today, r, moves in rows:
        if len(today) > depth or any(_under(today, u) for u in repealed + moved):
            continue
        subtree = [q for path, q, _ in rows if _under(path, today)]
        if r.action == "strike" and all(q.action == "strike" for q in subtree):
            repealed.append(today)
        elif moves and r.action != "strike":
            moved.append(today)
            if _relabelled_only(r) and all(q is r or q.new_text == q.old_text for q in subtree):
                only.append(today)
    return repealed, moved, only


def as_renumbered(r: Restated) -> Restated:
    """A provision restated after a bill section renumbered it: its new label printed
    as it then stands, not marked again ("3.", not "[4.] 3.")."""
    pieces = r.pieces
    if (
        r.old_path
        and len(pieces) >= 2
        and pieces[0] == Piece("delete", r.old_label)
        and pieces[1].kind == "insert"
        and pieces[1].text.endswith(r.label)
    ):
        return replace(r, pieces=(Piece("equal", pieces[1].text), *pieces[2:]))
    return r


def _named(paths: list[Path], style: Style) -> str:
    """Units named as a clause names them: "subdivision 3", "subdivisions 4 and 5",
    "paragraphs (b) and (c) of subdivision 3"."""
    plain = replace(style, ref_suffix="")
    if len(paths) == 1:
        return reference(paths[0], plain)
    parent = paths[0][:-1]
    if all(p[:-1] == parent for p in paths) and not style.ref_joined:
        names = style.level_names
        name = names[min(len(parent), len(names) - 1)]
        labels = series(ref_label(p[-1]) for p in paths)
        own = f"{name}s {labels}"
        return f"{own} of {reference(parent, plain)}" if parent else own
    return series(reference(p, plain) for p in paths)


def repeal_fields(
    amendment: Amendment,
    repealed: list[Path],
    moved: list[Path],
    style: Style,
    form: AmendingForm,
    unit: str,
    section: str,
) -> dict[str, str]:
    """{repealed}, {Repealed}, {cited}, {verb} and {renumbered} for the repeal clause."""
    named = _named(repealed, style)
    labels = ["".join(ref_label(x) for x in p) for p in repealed]
    cited = f"{unit}{'s' if len(repealed) > 1 else ''} {section}{series(labels)}"
    renumbered = ""
    if moved:
        after = {r.old_path_or_path: r.path for r in amendment.provisions if r.action != "insert"}
        numbers = all(p[-1].strip("().").isdigit() for p in moved)
        renumbered = form.renumber_words.format(
            moved=_named(moved, style),
            verb="are" if len(moved) > 1 else "is",
            renumbered="renumbered" if numbers else "relettered",
            moved_to=_named([after[p] for p in moved], style),
        )
    return {
        "repealed": named,
        "Repealed": named[:1].upper() + named[1:],
        "cited": cited,
        "verb": "are" if len(repealed) > 1 else "is",
        "renumbered": renumbered,
    }


__all__ = ["as_renumbered", "repeal_fields", "repealed_before_renumbering", "repeals"]
