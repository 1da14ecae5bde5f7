"""What in a statute's text is not this statute's law: roles set after segmenting.

- `unused`: a definition of a term the operative text never uses (nor any
  definition it does use): a neighbouring statute's glossary;
- `other`: a subsection that opens a remedy of its own and never names the
  subject (trafficking), in a statute that has a remedy for trafficking
  victims: a general expungement law around the trafficking paragraph;
- `defense`: a subsection that spares the survivor liability (immunity, an
  affirmative defense) and grants no record relief, beside one that does: its
  nexus ("a direct result of") and offenses are the defense's, not the relief's.

None is evidence of a tier (drafter.reader.layout.EVIDENCE_ROLES); a defense
still tells whom the statute is for (GATE_ROLES). Defenses are marked on the
normalized text (`defenses`), the others on the layout alone (`scoped`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache

from drafter.reader.layout import EVIDENCE_ROLES, Layout, LayoutRules, Provision, Sentence
from drafter.reader.match import Literals, _Branch
from drafter.reader.text import Normalized


def scoped(layout: Layout) -> Layout:
    """The layout with unused definitions marked (other laws' remedies are
    marked on the normalized text: `other_remedies`)."""
    body, members = _definition_bodies(list(layout.provisions), list(layout.sentences))
    return replace(layout, sentences=_unused_definitions(layout.text, body, members))


# The term a definition defines: quoted ('"Covered offense" means'), or the words before "means".
_QUOTED_TERM = re.compile(
    r"[\"“]([^\"”]{1,100})[\"”],?(?:\s+or\s+[\"“][^\"”]{1,100}[\"”],?)?\s+"
    r"(?:also\s+)?(?:means|includes|is\s+an?|has\s+the\s+(?:same\s+)?meaning)\b",
    re.I,
)
_LEAD = re.compile(r"^(?:the )?(?:terms? )?(?:the )?")
# A sentence that goes on defining the term before it ("The term includes a person
# who is now an adult.", "Such term does not include ..."): not a term of its own.
_ANAPHOR = re.compile(
    r"(?:the|such|this|that)\s+terms?\s+(?:also\s+)?(?:means|includes?|does\s+not)\b", re.I
)
_BARE_TERM = re.compile(
    r"([\w\-'’]+(?:\s+[\w\-'’]+){0,5})\s+(?:means|includes|has\s+the\s+(?:same\s+)?meaning)\b",
    re.I,
)


def _definition_bodies(
    provisions: list[Provision], sentences: list[Sentence]
) -> tuple[list[Sentence], dict[int, list[int]]]:
    """A definition's text runs through its provision and the paragraphs under it
    ("(11) 'Criminal history' means ...", then "(11)(a) The history shall include ...",
    "(11)(b) A conviction may be removed ..."): those sentences define, they are not
    law of their own. Returns the sentences and, for each definition, the
    sentences that continue it (its term decides whether the statute uses them)."""
    out = list(sentences)
    members: dict[int, list[int]] = {}
    i = 0
    while i < len(out):
        s = out[i]
        if s.role != "definition":
            i += 1
            continue
        label = provisions[s.provision].label if s.provision < len(provisions) else ""
        if not _path_of(label):
            i += 1
            continue
        j = i + 1
        while j < len(out):
            t = out[j]
            own = provisions[t.provision].label if t.provision < len(provisions) else ""
            if t.role == "definition" and t.provision != s.provision:
                break  # the next term's own definition
            if t.provision != s.provision and not (own.startswith(label) and len(own) > len(label)):
                break
            if t.role == "operative":
                out[j] = Sentence(t.start, t.end, t.provision, "definition")
                members.setdefault(i, []).append(j)
            j += 1
        i = j
    return out, members


def _path_of(label: str) -> str:
    """A provision label's path without its section number ("12 (9)(a)" is "(9)(a)")."""
    return label.rpartition(" ")[2] if " " in label else label


def _unused_definitions(
    text: str, sentences: list[Sentence], members: dict[int, list[int]]
) -> tuple[Sentence, ...]:
    """Mark definitions whose term neither the operative text nor a used definition
    uses (with the paragraphs that continue them, `members`)."""
    defined: dict[int, str] = {}
    continues = {j for js in members.values() for j in js}
    last = -1  # the definition before: "The term includes ..." goes on with it
    for i, s in enumerate(sentences):
        if s.role == "definition" and i not in continues:
            chunk = text[s.start : s.end]
            if last >= 0 and _ANAPHOR.match(chunk):
                members.setdefault(last, []).append(i)
                continue
            m = _QUOTED_TERM.search(chunk) or _BARE_TERM.match(chunk)
            if m is not None:
                term = " ".join(m.group(1).lower().split())
                defined[i] = _LEAD.sub("", term) or term
                last = i
    if not defined:
        return tuple(sentences)
    # One pass over the operative text for every term, then the closure through
    # the (short) texts of the definitions found used.
    terms = sorted(set(defined.values()), key=len, reverse=True)
    finder = term_finder(tuple(terms))
    # (lower-cased once; the finder takes any run of whitespace for a term's space)
    operative = " ".join(text[s.start : s.end] for s in sentences if s.role == "operative").lower()
    used_terms = {" ".join(found.split()) for found in finder.findall(operative)}
    by_term: dict[str, list[int]] = {}
    for i, term in defined.items():
        by_term.setdefault(term, []).append(i)
    todo = list(used_terms)
    while todo:
        term = todo.pop()
        for i in by_term.get(term, ()):
            own = " ".join(
                " ".join(text[s.start : s.end].lower().split())
                for s in (sentences[k] for k in (i, *members.get(i, ())))
            ).replace(term, " ")
            for other in finder.findall(own):
                if other not in used_terms:
                    used_terms.add(other)
                    todo.append(other)
    out = list(sentences)
    for i, term in defined.items():
        role = "definition" if term in used_terms else "unused"
        for k in (i, *members.get(i, ())):
            s = sentences[k]
            out[k] = Sentence(s.start, s.end, s.provision, role, term)
    return tuple(out)


@lru_cache(maxsize=256)
def term_finder(terms: tuple[str, ...]) -> re.Pattern[str]:
    """The terms (lower-cased, single-spaced) found where a word starts: what
    r"\b(?:" + _trie(terms) + ")" finds in the text with its whitespace
    collapsed, found in the text as it is (a space of a term matches any run of
    whitespace). The word boundary is checked after a term's first two
    characters (its first, when a space or the term's end follows it), so the
    pattern opens on the set of first characters, which the engine skips ahead
    to instead of trying the trie at every place, and the check runs only where
    two characters of a term are there, not at every letter that starts one."""
    # (cached: bills built from the same language define the same terms)
    return re.compile(_trie(list(terms), spaces=r"\s+", boundary=_at_boundary))


def _at_boundary(start: str) -> str:
    """That the term whose first characters `start` were just matched began at a
    word boundary (a lookbehind as wide as they are, and the character before)."""
    own = re.escape(start)
    word = start[0].isalnum() or start[0] == "_"
    return f"(?<!\\w{own})" if word else f"(?<=\\w{own})"


def _trie(terms: list[str], spaces: str = " ", boundary: Callable[[str], str] | None = None) -> str:
    """The terms as one regex that branches a character at a time (a trie).

    It finds what the longest-first alternation ("victim of trafficking|victim")
    finds: every term matching at a place is a prefix of the text there, so the
    greedy descent ends at the longest. But the engine tries one branch per
    character instead of every term at every position: many times faster on a
    long text with a large glossary. `boundary`, given a term's first characters,
    is what checks that the term starts a word (see term_finder).
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for term in terms:
        node = root
        for c in term:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict, path: str = "", checked: bool = boundary is None) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = []
        for c, child in sorted(node.items()):
            if not c:
                continue
            own = spaces if c == " " else re.escape(c)
            here = checked
            if not checked and (len(path) == 1 or "" in child or " " in child):
                assert boundary is not None
                own += boundary(path + c)  # (a space never comes first, nor second unchecked)
                here = True
            branches.append(own + emit(child, path + c, here))
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return emit(root)


def other_remedies(
    layout: Layout, rules: LayoutRules, norm: Normalized, literals: dict[str, int] | None = None
) -> Layout:
    """Other laws' remedies set aside (role `other`): a subsection that opens a
    remedy of its own and never names the subject (`_other_laws`), and the items of
    a general law's list of alternative routes that never name it (`_other_routes`)."""
    marked = _other_laws(layout, rules, norm, literals)
    return _other_routes(marked, rules, norm, literals)


def _other_routes(
    layout: Layout, rules: LayoutRules, norm: Normalized, literals: dict[str, int] | None
) -> Layout:
    """A remedy whose lead-in offers its items as alternatives ("may file a petition
    ... in any of the following circumstances:") and never names the subject is a
    general law; the items that never name it (a dismissed charge and 90 days, a
    completed diversion program) are other routes, whose waits and conditions are
    not the survivors'. Items of a lead-in that names the subject are its own."""
    if not rules.alternatives or not rules.subject:
        return layout
    sentences = layout.sentences
    starts = [s.start for s in sentences]
    leads = sorted(
        {
            k
            for k in _placing(rules.alternatives, norm, sentences, starts, literals)
            if sentences[k].role in EVIDENCE_ROLES
        }
    )
    if not leads:
        return layout
    named = {
        k
        for k in _placing(rules.subject, norm, sentences, starts, literals)
        if sentences[k].role in EVIDENCE_ROLES
    }
    labels = [
        layout.provisions[s.provision].label if s.provision < len(layout.provisions) else ""
        for s in sentences
    ]
    others: set[int] = set()
    for i in leads:
        lead = labels[i]
        if i in named or not lead:
            continue
        # (the items follow their lead-in: read on until a provision outside it)
        groups: dict[str, list[int]] = {}
        for j in range(i + 1, len(sentences)):
            label = labels[j]
            if not label.startswith(lead):
                break
            if len(label) > len(lead):
                first = _FIRST_LABEL.match(label, len(lead))
                if first is not None:
                    groups.setdefault(first.group(), []).append(j)
        with_subject = {key for key, js in groups.items() if any(j in named for j in js)}
        if len(groups) < 2 or not with_subject or len(with_subject) == len(groups):
            continue
        others.update(j for key, js in groups.items() if key not in with_subject for j in js)
    if not others:
        return layout
    marked = tuple(
        Sentence(s.start, s.end, s.provision, "other", s.term)
        if i in others and s.role in EVIDENCE_ROLES
        else s
        for i, s in enumerate(sentences)
    )
    return replace(layout, sentences=marked)


def _other_laws(
    layout: Layout, rules: LayoutRules, norm: Normalized, literals: dict[str, int] | None = None
) -> Layout:
    """In a statute with a remedy for trafficking victims, a subsection that opens
    another remedy (a petition anyone may file) and never names trafficking is
    another law: its words are not evidence (role `other`).

    Searched, as `defenses` is, on the normalized text `norm` of the layout's
    evidence, so a phrase broken across lines ("may" / "file") is still found.
    `literals`: the literals' first places in `norm` (drafter.reader.match.Literals),
    shared with the text's other searches."""
    if not rules.remedy or not rules.subject:
        return layout
    text = layout.text
    sentences = layout.sentences
    keys = [_subsection_of(p.label) for p in layout.provisions]
    key_of = [keys[s.provision] if s.provision < len(keys) else "" for s in sentences]
    starts = [s.start for s in sentences]

    def groups_of(branches: tuple[_Branch, ...]) -> set[str]:
        return {
            key_of[k]
            for k in _placing(branches, norm, sentences, starts, literals)
            if sentences[k].role in EVIDENCE_ROLES
        }

    named = groups_of(rules.subject)
    if not named:
        return layout
    remedies = groups_of(rules.remedy)
    if not remedies & named:
        return layout
    # A remedy that points at the survivors' subsection ("an application under
    # section 1(3) may be filed at any time") is part of theirs, not another law.
    labels = {key.rpartition(" ")[2] for key in named}
    candidates = remedies - named
    by_key: dict[str, list[Sentence]] = {}
    for i, s in enumerate(sentences):
        if key_of[i] in candidates:
            by_key.setdefault(key_of[i], []).append(s)
    others = {
        key
        for key in candidates
        if not any(
            ref in labels
            for s in by_key.get(key, ())
            for ref in _POINTS_AT.findall(text, s.start, s.end)
        )
    }
    if not others:
        return layout
    marked = tuple(
        Sentence(s.start, s.end, s.provision, "other", s.term)
        if key_of[i] in others and s.role in EVIDENCE_ROLES
        else s
        for i, s in enumerate(sentences)
    )
    return replace(layout, sentences=marked)


# A remedy made under a labelled subsection ("an application under section 1(3)"):
# that subsection's first label. ("Subsection (a) notwithstanding" is no such pointer.)
_POINTS_AT = re.compile(
    r"\b(?:under|pursuant to)\s+(?:section|subsection)s?\s+[\w.\-]*?(\(\w{1,4}\))", re.I
)
_FIRST_LABEL = re.compile(r"\([^)]*\)|[A-Za-z0-9]{1,4}\.")


def _placing(
    branches: tuple[_Branch, ...],
    norm: Normalized,
    sentences: tuple[Sentence, ...] | list[Sentence],
    starts: list[int],
    found: dict[str, int] | None = None,
) -> Iterator[int]:
    """The sentences (indexes) in which one of the branches matches in `norm`, as they
    are found: branch by branch, a sentence again for each branch that matches in
    it (once a sentence is placed, the branch's other matches inside it are passed
    over); a caller that knows enough stops early. `found`: the literals' first
    places in `norm`, kept for the next search (each literal looked for once); when
    it is the text's Literals, the placements are kept there too, and the next
    search of the same branches in the same text replays them, reading on only
    past where the last one stopped (the sentences' places never change for one
    text: setting roles aside changes roles only)."""
    if isinstance(found, Literals):
        placed = found.placed.get(id(branches))
        if placed is None or placed[0] is not branches:
            placed = found.placed[id(branches)] = (
                branches,
                _Placed(_placings(branches, norm, sentences, starts, found)),
            )
        return iter(placed[1])
    return _placings(branches, norm, sentences, starts, found if found is not None else {})


def _placings(
    branches: tuple[_Branch, ...],
    norm: Normalized,
    sentences: tuple[Sentence, ...] | list[Sentence],
    starts: list[int],
    found: dict[str, int],
) -> Iterator[int]:
    for branch in branches:
        rest = [0]
        for m in branch.candidates(norm.text, found=found, floor=rest):
            at = norm.start_of(m.start())
            k = bisect_right(starts, at) - 1
            if k >= 0 and sentences[k].end > at:
                rest[0] = norm.index_of(sentences[k].end)
                yield k


class _Placed:
    """One search's placements as far as they were read, for the searches after it."""

    __slots__ = ("_more", "_seen")

    def __init__(self, more: Iterator[int]) -> None:
        self._seen: list[int] = []
        self._more: Iterator[int] | None = more

    def __iter__(self) -> Iterator[int]:
        seen = self._seen
        i = 0
        while True:
            if i < len(seen):
                yield seen[i]
                i += 1
                continue
            if self._more is None:
                return
            k = next(self._more, None)
            if k is None:
                self._more = None
                return
            seen.append(k)


@lru_cache(maxsize=8192)
def _subsection_of(label: str) -> str:
    """A provision's section number and first label ("12 (9)(a)" is "12 (9)")."""
    number, _, path = label.rpartition(" ") if " " in label else ("", "", label)
    first = _FIRST_LABEL.match(path)
    return f"{number} {first.group() if first else path}"


def defenses(
    layout: Layout, rules: LayoutRules, norm: Normalized, literals: dict[str, int] | None = None
) -> Layout:
    """A subsection that spares the survivor liability and grants no record
    relief, in a text where another subsection grants relief, is a defense
    (role `defense`): the categories of relief are read from the relief.

    Searched on the normalized text `norm` of the layout's evidence (line breaks
    and hyphenation undone), whose map gives the original's offsets; `literals`, as
    for `other_remedies`.
    """
    if not rules.defense or not rules.relief:
        return layout
    sentences = layout.sentences
    starts = [s.start for s in sentences]

    def operative_at(branches: tuple[_Branch, ...]) -> set[int]:
        """The provisions of operative sentences where one of these matches."""
        return {
            sentences[k].provision
            for k in _placing(branches, norm, sentences, starts, literals)
            if sentences[k].role == "operative"
        }

    hits = operative_at(rules.defense)
    if not hits:
        return layout
    keys = [_subsection_of(p.label) for p in layout.provisions]
    found = {keys[k] for k in hits}
    # Relief is looked for until it shows in a subsection without a defense and
    # in every one with one (then no defense stands alone), or the text ends.
    only = set(found)  # the defenses' subsections relief has not shown in
    elsewhere = False  # whether relief shows in a subsection without a defense
    for k in _placing(rules.relief, norm, sentences, starts, literals):
        if sentences[k].role == "operative":
            key = keys[sentences[k].provision]
            only.discard(key)
            elsewhere = elsewhere or key not in found
            if elsewhere and not only:
                break
    # A defense said in a sentence of its own inside the relief's subsection ("In a
    # prosecution ... it is an affirmative defense that he was under duress ... A
    # victim ... may motion the court to expunge the record"): that sentence is the
    # defense's too, when it has no words of relief.
    alone: set[int] = set()
    if only != found:
        with_relief = set(_placing(rules.relief, norm, sentences, starts, literals))
        alone = {
            k
            for k in _placing(rules.defense, norm, sentences, starts, literals)
            if sentences[k].role == "operative"
            and keys[sentences[k].provision] not in only
            and k not in with_relief
        }
    if not elsewhere and not alone:
        return layout
    marked = tuple(
        Sentence(s.start, s.end, s.provision, "defense", s.term)
        if s.role == "operative" and ((elsewhere and keys[s.provision] in only) or i in alone)
        else s
        for i, s in enumerate(sentences)
    )
    return replace(layout, sentences=marked)
