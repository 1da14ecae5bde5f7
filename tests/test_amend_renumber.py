"""Renumbering when it must: consecutive labels, internal references kept pointing home."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.amend.model import Piece, Restated
from drafter.amend.references import find_references, resolve
from drafter.amend.renumber import renumber, shifted
from drafter.bill import counter
from drafter.jurisdiction import load_profile

MISSOURI = load_profile("Missouri").style()
NEW_YORK = load_profile("New York").style()

Path = tuple[str, ...]


def _top(n: int) -> str:
    return f"{n}."


def _sub(n: int) -> str:
    return f"({n})"


def _ref(target: Path, here: Path, form: int) -> str:
    """A reference to `target` from `here`, in one of the forms Missouri's text uses."""
    top = target[0].rstrip(".")
    if len(target) == 1:
        return f"subsection {top} of this section" if form % 2 else f"subsection {top}"
    if here[:1] == target[:1] and form % 3 == 0:
        return f"subdivision {target[1]}"  # relative: within the same subsection
    return f"subdivision {target[1]} of subsection {top} of this section"


@st.composite
def sections(draw: st.DrawFn) -> tuple[list[Restated], dict[int, list[int]]]:
    """A Missouri-style section: subsections with subdivisions, some struck, some
    inserted in place, each provision referring to others. Returns the provisions
    and, per provision index, the indexes its references name (in order)."""
    tops = draw(st.integers(1, 6))
    shape = [draw(st.integers(0, 3)) for _ in range(tops)]
    paths: list[Path] = []
    for i, kids in enumerate(shape, 1):
        paths.append((_top(i),))
        paths.extend((_top(i), _sub(k)) for k in range(1, kids + 1))
    struck = draw(st.sets(st.sampled_from(range(len(paths))), max_size=len(paths) - 1))
    # A struck subsection takes its subdivisions with it.
    struck |= {
        j for i in struck for j, p in enumerate(paths) if len(paths[i]) == 1 and p[:1] == paths[i]
    }
    targets: dict[int, list[int]] = {}
    out: list[Restated] = []
    for i, path in enumerate(paths):
        refs = draw(st.lists(st.sampled_from(range(len(paths))), max_size=3))
        forms = [draw(st.integers(0, 5)) for _ in refs]
        words = "; ".join(
            f"the court applies {_ref(paths[t], path, f)}" for t, f in zip(refs, forms, strict=True)
        )
        body = f"{path[-1]} Text of {'.'.join(path)} {words or 'with no reference'}."
        if i in struck:
            out.append(Restated(path[-1], path, "strike", (Piece("delete", body),)))
        else:
            out.append(Restated(path[-1], path, "keep", (Piece("equal", body),)))
        targets[len(out) - 1] = refs
    # New subsections inserted in place: each takes the label of the one it comes before.
    inserts = draw(st.sets(st.sampled_from(range(1, tops + 1)), max_size=2))
    for top in sorted(inserts, reverse=True):
        at = next(i for i, r in enumerate(out) if r.path == (_top(top),))
        new = Restated(_top(top), (_top(top),), "insert", (Piece("insert", f"{top}. New text."),))
        out.insert(at, new)
        targets = {(k + 1 if k >= at else k): v for k, v in targets.items()}
        targets = {k: [t + 1 if t >= at else t for t in v] for k, v in targets.items()}
    return out, targets


@settings(max_examples=150, deadline=None)
@given(sections())
def test_labels_are_consecutive_and_references_point_home(
    case: tuple[list[Restated], dict[int, list[int]]],
) -> None:
    before, targets = case
    after, warnings = renumber(before, MISSOURI, "610.131")
    assert len(after) == len(before)
    live = [r for r in after if r.action != "strike"]
    # Labels consecutive from 1 at every level.
    groups: dict[Path, list[str]] = {}
    for r in live:
        groups.setdefault(r.path[:-1], []).append(r.path[-1].strip("().").rstrip("."))
    for labels in groups.values():
        assert labels == [str(n) for n in range(1, len(labels) + 1)], groups
    # Every reference names the provision it named before.
    # (a struck provision keeps its old label, shown struck: not a place a reference can name)
    new_paths = [r.path if r.action != "strike" else ("struck",) for r in after]
    for i, r in enumerate(after):
        if r.action == "strike" or not targets.get(i):
            continue
        found = [
            resolve(chain, new_paths, r.path)
            for ref in find_references(r.new_text, MISSOURI.level_names, "610.131")
            for chain in ref.chains
        ]
        assert len(found) == len(targets[i])
        for path, t in zip(found, targets[i], strict=True):
            if before[t].action == "strike":
                # Left as it was, and said.
                assert any(w.kind == "internal_reference" for w in warnings)
                continue
            assert path is not None
            assert after[new_paths.index(path)] is after[t], (r.new_text, path, before[t].path)
    # A warning for every label that changes, naming the old label (a child that moves
    # with its parent is said with it).
    moved = {r.old_path for r in after if r.old_path and r.action != "insert"}
    said = {w.subject for w in warnings if w.kind == "outside_reference"}
    assert {p[-1] for p in moved if p[:-1] not in moved} <= said


def test_nothing_struck_renumbers_nothing() -> None:
    provisions = [
        Restated("1.", ("1.",), "keep", (Piece("equal", "1. See subsection 2 of this section."),)),
        Restated("2.", ("2.",), "replace", (Piece("equal", "2. Text."), Piece("insert", "More."))),
    ]
    after, warnings = renumber(provisions, MISSOURI, "610.131")
    assert after == provisions and warnings == []


def test_missouri_struck_subsection_marks_the_new_label_and_reference() -> None:
    provisions = [
        Restated("1.", ("1.",), "strike", (Piece("delete", "1. Old text."),)),
        Restated("2.", ("2.",), "keep", (Piece("equal", "2. Text under subsection 3."),)),
        Restated(
            "3.",
            ("3.",),
            "keep",
            (Piece("equal", "3. As subsection 2 of this section and section 610.140 say."),),
        ),
    ]
    after, warnings = renumber(provisions, MISSOURI, "610.131")
    assert after[1].pieces[:2] == (Piece("delete", "2."), Piece("insert", "1."))
    assert after[1].old_path == ("2.",) and after[1].path == ("1.",)
    assert after[2].new_text == "2. As subsection 1 of this section and section 610.140 say."
    assert after[2].old_text == "3. As subsection 2 of this section and section 610.140 say."
    assert [w.kind for w in warnings] == ["outside_reference"] * 3
    assert "subsection 2 of section 610.131 is renumbered subsection 1" in warnings[1].text


def test_references_to_other_sections_stay() -> None:
    provisions = [
        Restated("1.", ("1.",), "strike", (Piece("delete", "1. Old."),)),
        Restated(
            "2.",
            ("2.",),
            "keep",
            (
                Piece(
                    "equal",
                    "2. Under subsection 2 of section 610.140 or subsection 3 of this chapter.",
                ),
            ),
        ),
    ]
    after, _ = renumber(provisions, MISSOURI, "610.131")
    assert after[1].new_text.endswith(
        "subsection 2 of section 610.140 or subsection 3 of this chapter."
    )


def test_new_york_spelled_numbers_and_nested_references() -> None:
    provisions = [
        Restated("1.", ("1.",), "keep", (Piece("equal", "1. The grounds."),)),
        Restated("2.", ("2.",), "strike", (Piece("delete", "2. Gone."),)),
        Restated("3.", ("3.",), "keep", (Piece("equal", "3. Notwithstanding subdivision three,"),)),
        Restated(
            "4.",
            ("4.",),
            "keep",
            (Piece("equal", "4. Under paragraph (a) of subdivision three of this section."),),
        ),
        Restated("(a)", ("4.", "(a)"), "keep", (Piece("equal", "(a) Text."),)),
    ]
    provisions.insert(3, Restated("(a)", ("3.", "(a)"), "keep", (Piece("equal", "(a) A."),)))
    after, _ = renumber(provisions, NEW_YORK, "440.10")
    assert after[2].new_text == "2. Notwithstanding subdivision two,"
    assert after[4].new_text == "3. Under paragraph (a) of subdivision two of this section."
    assert after[5].path == ("3.", "(a)")


def test_shifted_keeps_the_form() -> None:
    assert shifted("(c)", -1, "a") == "(b)"
    assert shifted("3.", 1, "1") == "4."
    assert shifted("(ii)", -1, "i") == "(i)"
    assert shifted("(b-1)", -1, "a") == "(a-1)"
    assert shifted("(a)", -1, "a") is None
    assert counter("a", 27) == shifted("(z)", 1, "a").strip("()")  # type: ignore[union-attr]
