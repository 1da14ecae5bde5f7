"""What segmenting a statute hands out: its provisions and sentences (with their
roles and offsets), and the compiled patterns that tell the roles apart.

drafter.reader.segment makes a Layout; drafter.reader.scope refines its roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from drafter.reader.match import _Branch

#: Roles whose words are evidence of a tier.
EVIDENCE_ROLES = frozenset({"operative", "definition"})
#: Roles whose words tell whether the text is a trafficking relief statute: a
#: defense beside the relief names whom the section is for ("a victim of human
#: trafficking is not criminally liable ... (c) ... may vacate the conviction").
GATE_ROLES = EVIDENCE_ROLES | {"defense"}


@dataclass(frozen=True, slots=True)
class LayoutRules:
    """The patterns that tell a sentence's role (compiled from the signals file)."""

    #: Words every operative sentence has one of and a heading has none of.
    verbs: re.Pattern[str]
    history: re.Pattern[str] | None = None
    commentary: re.Pattern[str] | None = None
    reference: re.Pattern[str] | None = None
    definition: re.Pattern[str] | None = None
    #: A sentence that opens a remedy (a person may petition to expunge ...), and
    #: what makes one the trafficking victims' own: a subsection with a remedy
    #: that never names the subject is another law's (role `other`).
    #: (Each compiled as branches found by their literals: searched on lower-cased text.)
    remedy: tuple[_Branch, ...] = ()
    subject: tuple[_Branch, ...] = ()
    #: A sentence that spares the survivor liability (immunity, an affirmative
    #: defense), and the words of record relief: a subsection with a defense and no
    #: relief, beside one with relief, is another remedy (role `defense`).
    defense: tuple[_Branch, ...] = ()
    relief: tuple[_Branch, ...] = ()
    #: A lead-in that offers its items as alternatives ("in any of the following
    #: circumstances:"): in a general law, the items that never name the subject
    #: are other routes (role `other`).
    alternatives: tuple[_Branch, ...] = ()
    #: history, reference and definition in one pattern (a group per role, in
    #: that order of precedence): one match per sentence, not three.
    roles: re.Pattern[str] | None = None
    #: What shows a text is an amending bill, what such a bill strikes (matched
    #: as written: a lower-case letter is one in the text, so a placeholder in
    #: capitals, "[COURT]", is not struck matter), and markup that strikes anywhere.
    bill: re.Pattern[str] | None = None
    struck: re.Pattern[str] | None = None
    struck_anywhere: re.Pattern[str] | None = None

    def __post_init__(self) -> None:
        named = [
            f"(?P<{role}>{p.pattern})"
            for role, p in (
                ("history", self.history),
                ("reference", self.reference),
                ("definition", self.definition),
            )
            if p is not None
        ]
        if named and self.roles is None:
            try:
                roles = re.compile("|".join(named), re.IGNORECASE)
            except re.error:  # a group name used twice: match role by role instead
                return
            object.__setattr__(self, "roles", roles)


class Provision(NamedTuple):
    """A section, subsection or paragraph: [start, end) in the original text.

    (A named tuple, as Sentence is: a statute has thousands, and a tuple is made
    several times faster than a frozen dataclass, which sets each field through
    object.__setattr__.)"""

    start: int
    end: int
    #: Its label path ("(b)(7)", "A.1."), with the section number in front when known.
    label: str
    #: Its heading or catchline, if it has one.
    heading: str = ""


class Sentence(NamedTuple):
    """A sentence of one role: [start, end) in the original text."""

    start: int
    end: int
    #: Index of its provision in Layout.provisions.
    provision: int
    role: str
    #: For a definition (and the paragraphs that continue it): the term it defines.
    term: str = ""


@dataclass(frozen=True)
class Layout:
    """A statute's provisions and sentences, in text order."""

    text: str
    provisions: tuple[Provision, ...]
    sentences: tuple[Sentence, ...]
    #: The periods of `text` that do not end a sentence (drafter.reader.text.
    #: continuing_periods), found as it was segmented: normalizing its evidence
    #: text starts from them (None: not known).
    continuing: frozenset[int] | None = field(default=None, repr=False, compare=False)

    def evidence_text(self, roles: frozenset[str] = EVIDENCE_ROLES) -> str:
        """The text with every sentence not of these roles blanked out (same length).

        A blanked stretch keeps its line breaks and ends in a period, so that no
        pattern's gap reaches across it from one sentence to another.
        """
        return self.blanked(roles)[0]

    def blanked(self, roles: frozenset[str]) -> tuple[str, list[tuple[int, int]]]:
        """`evidence_text(roles)`, and the stretches it blanked."""
        parts: list[str] = []
        blanks: list[tuple[int, int]] = []
        pos = 0
        for s in self.sentences:
            if s.role in roles:
                continue
            parts.append(self.text[pos : s.start])
            parts.append(_blank(self.text[s.start : s.end]))
            blanks.append((s.start, s.end))
            pos = s.end
        if not parts:
            return self.text, blanks
        parts.append(self.text[pos:])
        return "".join(parts), blanks


_NOT_A_BREAK = re.compile(r"[^\r\n]")


def _blank(chunk: str) -> str:
    # (a chunk with no line break is all spaces: no regex pass needed)
    breaks = "\n" in chunk or "\r" in chunk
    out = _NOT_A_BREAK.sub(" ", chunk) if breaks else " " * len(chunk)
    return out[:-1] + "." if out and out[-1] == " " else out


__all__ = ["EVIDENCE_ROLES", "GATE_ROLES", "Layout", "LayoutRules", "Provision", "Sentence"]
