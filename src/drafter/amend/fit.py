"""New words for a changed category: the model language, fitted to today's section.

The tier's provisions are filled with the draft's parameters (and the
profile's defaults), put in the state's word forms (drafter.wording), their
lists run inline with the section's next label ("(1)", "(a)"), and their
cross-references pointed at the provision of today's section that carries the
category referred to ("subsection 1 of this section"), or at "this section".
Terms the new words use and the section does not define get definitions in
the state's form; where the section already names the person who asks
("the defendant", "the petitioner"), the new words use its word for "movant",
and where it names what is filed only "petition" (or "application"), its word
for "motion".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from drafter.assembly import bill_wording
from drafter.bill import label_for
from drafter.draft import Draft
from drafter.jurisdiction import Profile
from drafter.language import Language, item_texts, punctuate_items, run_in
from drafter.wording import Wording

_REF = re.compile(r"\{ref:([a-z0-9_.]+)\}")
_MOVANT = re.compile(r"\b([Mm])ovant\b")
#: The words a section may already use for the person who asks for relief.
_PERSON = re.compile(r"\bthe (defendant|petitioner|applicant)\b", re.I)


def person_term(text: str) -> str | None:
    """The section's own word for the person who asks ("defendant", "petitioner"), if it
    uses one at least twice; the model language's "movant" then becomes it."""
    counts: dict[str, int] = {}
    for m in _PERSON.finditer(text):
        word = m.group(1).lower()
        counts[word] = counts.get(word, 0) + 1
    best = max(counts.items(), key=lambda kv: kv[1], default=None)
    return best[0] if best is not None and best[1] >= 2 else None


_ASKING = re.compile(r"\b(petition|application|motion)s?\b", re.I)
#: "a motion" in the model language, and the word alone.
_MOTION = re.compile(r"\b(?:([Aa]n?) )?([Mm])otion(s?)\b")


def request_term(text: str) -> str | None:
    """The section's own word for what is filed ("petition", "application"), when it
    uses it at least twice and never says "motion"; the new words then use it."""
    counts: dict[str, int] = {}
    for m in _ASKING.finditer(text):
        word = m.group(1).lower()
        counts[word] = counts.get(word, 0) + 1
    if counts.get("motion"):
        return None
    best = max(counts.items(), key=lambda kv: kv[1], default=None)
    return best[0] if best is not None and best[1] >= 2 else None


def _requested(text: str, word: str) -> str:
    """The model language's "motion" as the section's own word ("a motion" -> "an
    application", "Motions" -> "Petitions")."""

    def sub(m: re.Match[str]) -> str:
        own = (word[0].upper() if m.group(2) == "M" else word[0]) + word[1:] + m.group(3)
        if not m.group(1):
            return own
        article = "an" if word[0] in "aeiou" else "a"
        article = article.capitalize() if m.group(1)[0] == "A" else article
        return f"{article} {own}"

    return _MOTION.sub(sub, text)


@dataclass(frozen=True, slots=True)
class Fitted:
    """A tier's words, ready to put into today's section."""

    category: str
    tier: str
    #: The frame slot the words belong to (orders inserted provisions).
    slot: str
    #: One text per provision of the tier (sentences, lists inline).
    texts: tuple[str, ...]
    #: The defined terms the words use.
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Definitions:
    """New definitions: one sentence, or a lead-in and one labelled item per term (each
    its own provision, as the codes print them)."""

    lead: str
    #: (label, text) per term; empty when `lead` is the whole definition.
    items: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        """All on one line (for a section with no labelled provisions)."""
        return " ".join([self.lead, *(f"{label} {t}" for label, t in self.items)])


class Fitter:
    """Fits model language to one draft, one profile and one section."""

    def __init__(
        self,
        language: Language,
        profile: Profile,
        draft: Draft,
        person: str | None = None,
        request: str | None = None,
    ) -> None:
        self.language = language
        #: The section's own word for the movant, when it has one.
        self.person = person
        #: The section's own word for the motion ("petition"), when it has one.
        self.request = request
        self.profile = profile
        self.params = profile.parameters_for(draft)
        self.values = language.values(self.params)
        self.wording: Wording = bill_wording(draft, profile)
        self.style = profile.style()

    def tier(self, category: str, tier: str, ref: Callable[[str], str]) -> Fitted | None:
        """The tier's fitted words; None for a tier earned by silence (no words)."""
        lang = self.language.tier(category, tier)
        if lang is None or lang.absent:
            return None
        texts: list[str] = []
        terms: dict[str, None] = {}
        slot = ""
        for p in lang.provisions:
            if not p.applies(self.params, self.language.parameters):
                continue
            slot = slot or p.slot
            text = self.wording.statute(p.text.fill(self.values))
            items = punctuate_items(
                item_texts(p, self.params, self.values, self.language.parameters), p
            )
            if len(items) == 1:
                text = run_in(text, items[0])
            elif items:
                pattern = self.style.ladder[min(1, len(self.style.ladder) - 1)]
                text += " " + " ".join(
                    f"{label_for(pattern, i)} {self.wording.statute(t)}"
                    for i, t in enumerate(items, 1)
                )
            text = _REF.sub(lambda m: ref(m.group(1)), text)
            if self.person:
                text = _MOVANT.sub(self._person, text)
            if self.request:
                text = _requested(text, self.request)
            texts.append(text)
            terms.update(dict.fromkeys(t for t in p.terms if not (self.person and t == "movant")))
        if not texts:
            return None
        return Fitted(category, tier, slot, tuple(texts), tuple(terms))

    def _person(self, m: re.Match[str]) -> str:
        word = self.person or "movant"
        return (word[0].upper() if m.group(1) == "M" else word[0]) + word[1:]

    def definitions(
        self, terms: Iterable[str], defined: Callable[[str], bool]
    ) -> Definitions | None:
        """Definitions of the terms (and the terms they use) the section lacks, or None."""
        frame = self.language.frame
        wanted: set[str] = set()
        stack = list(terms)
        while stack:
            term = stack.pop()
            if term in wanted or term not in frame.definitions:
                continue
            wanted.add(term)
            stack.extend(frame.definitions[term].terms)
        missing = sorted(t for t in wanted if not defined(t))
        if not missing:
            return None
        texts = [
            self.wording.definition(self.language.definitions[t].fill(self.values).strip())
            for t in missing
        ]
        if self.request:
            # ("Movant" means a person who files a petition under this section.)
            texts = [_requested(t, self.request) for t in texts]
        texts.sort(key=lambda t: t.lstrip('"').casefold())
        if len(texts) == 1:
            return Definitions(self.wording.statute("As used in this section, ") + texts[0] + ".")
        spec = self.profile.style_spec
        lead = self.wording.statute(spec.definitions_lead)
        pattern = self.style.ladder[min(1, len(self.style.ladder) - 1)]
        ends = [spec.definition_end] * (len(texts) - 1) + ["."]
        items = tuple(
            (label_for(pattern, i), f"{t}{end}")
            for i, (t, end) in enumerate(zip(texts, ends, strict=True), 1)
        )
        return Definitions(lead, items)
