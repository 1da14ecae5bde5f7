"""A statute as the reader searches it: its normalized text with what is not
evidence blanked out, one view per set of sentence roles (each with its
scanner), and which provision an offset stands in.

Other laws' remedies and defenses are set aside here (drafter.reader.scope
finds them in the normalized evidence); later views leave them out by blanking
the normalized text, so the text is normalized once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace

from drafter.reader.findings import Evidence
from drafter.reader.layout import EVIDENCE_ROLES, GATE_ROLES, Layout, LayoutRules
from drafter.reader.match import Scanner
from drafter.reader.scope import defenses, other_remedies
from drafter.reader.text import Normalized, continuing_after_blanks, normalize

#: Other laws' remedies: set aside from every view once found.
_OTHER = frozenset({"other"})


class StatuteText:
    """One statute as the reader searches it: the text with what is not
    evidence blanked out (per set of sentence roles), and where each provision is."""

    def __init__(self, text: str, layout: Layout | None) -> None:
        self.text = text
        self.layout = layout
        self._views: dict[tuple[frozenset[str], str], tuple[Normalized, Scanner]] = {}
        starts = layout.provisions if layout is not None else ()
        self._starts = [p.start for p in starts]
        self._defense = False
        #: The normalized evidence before other laws' remedies were set aside.
        self._base: Normalized | None = None
        #: The scanner of `_base` itself, once the gate view has left more out:
        #: the gate view's text is `_base` blanked, so its literals' places bound
        #: the gate view's (drafter.reader.match.Literals).
        self._prior: Scanner | None = None

    def mark_other_remedies(self, rules: LayoutRules) -> None:
        """Set aside other laws' remedies (drafter.reader.scope.other_remedies),
        found in the normalized evidence; the views then leave them out."""
        if self.layout is None:
            return
        norm, scan = self.view(GATE_ROLES)
        marked = other_remedies(self.layout, rules, norm, scan.found)
        if marked is not self.layout:
            self.layout = marked
            self._views.clear()
            if norm is self._base:
                self._prior = scan

    def mark_defenses(self, rules: LayoutRules) -> None:
        """Mark defense provisions (drafter.reader.scope.defenses) from the gate
        view, whose text they stay in; the categories' views leave them out."""
        if self.layout is None:
            return
        norm, scan = self.view(GATE_ROLES)
        marked = defenses(self.layout, rules, norm, scan.found)
        if marked is not self.layout:
            self.layout = marked
            self._defense = True

    def view(
        self, roles: frozenset[str] = EVIDENCE_ROLES, terms: re.Pattern[str] | None = None
    ) -> tuple[Normalized, Scanner]:
        """The normalized text in which only sentences of these roles show (and of
        definitions, only those of terms `terms` matches), and its scanner."""
        key = (roles, terms.pattern if terms is not None else "")
        found = self._views.get(key)
        if found is not None:
            return found
        if self.layout is None:
            norm = normalize(self.text)
        elif roles == GATE_ROLES and terms is None:
            if self._base is None:
                # Blanked text keeps its length, so offsets hold; quotes come from the original.
                text, blanks = self.layout.blanked(GATE_ROLES)
                known = self.layout.continuing
                periods = None if known is None else continuing_after_blanks(text, known, blanks)
                base = normalize(text, continuing=periods)
                self._base = replace(base, original=self.text)
            # Other laws' remedies set aside since: blanked in the normalized text.
            norm = self._blanked(self._base, _OTHER)
            prior = self._prior
            if prior is not None:
                # (none blanked after all: the text is the one `prior` scanned)
                scan = prior if norm is self._base else Scanner(norm.text, prior)
                found = self._views[key] = (norm, scan)
                return found
        elif roles == EVIDENCE_ROLES and terms is None and not self._defense:
            found = self._views[key] = self.view(GATE_ROLES)
            return found
        else:
            # Fewer roles: blank more of the gate view's normalized text (no second pass).
            base, gate = self.view(GATE_ROLES)
            norm = self._blanked(base, GATE_ROLES - roles, terms)
            if norm is base:
                # Nothing of the left-out roles here: the gate view serves, scanned once.
                found = self._views[key] = self.view(GATE_ROLES)
                return found
            # (the gate view's literals bound this one's: it is the gate view, blanked)
            found = self._views[key] = (norm, Scanner(norm.text, gate))
            return found
        found = self._views[key] = (norm, Scanner(norm.text))
        return found

    def _blanked(
        self, base: Normalized, out: frozenset[str], terms: re.Pattern[str] | None = None
    ) -> Normalized:
        """`base` with the sentences of the roles `out` blanked, and the definitions
        of terms `terms` does not match (same length, ending in a period, as
        Layout.evidence_text blanks); `base` itself when none is."""
        assert self.layout is not None
        text = base.text
        parts: list[str] = []
        pos = 0
        for s in self.layout.sentences:
            role = s.role
            if role in out or (
                terms is not None and role == "definition" and terms.search(s.term) is None
            ):
                a, b = base.index_of(s.start), base.index_of(s.end)
                if a >= pos and b > a:
                    parts += [text[pos:a], " " * (b - a - 1), "."]
                    pos = b
        if not parts:
            return base
        parts.append(text[pos:])
        return replace(base, text="".join(parts))

    def provision_at(self, offset: int) -> str:
        k = bisect_right(self._starts, offset) - 1
        if k < 0 or self.layout is None:
            return ""
        return self.layout.provisions[k].label.strip()

    def evidence(
        self, norm: Normalized, tier: str, spans: Iterable[tuple[int, int, str]], role: str
    ) -> list[Evidence]:
        out = []
        seen: set[tuple[int, int]] = set()
        for s, e, _ in spans:
            span = norm.span(s, e)
            if (span.start, span.end) in seen or span.start == span.end:
                continue
            seen.add((span.start, span.end))
            where = self.provision_at(span.start)
            out.append(Evidence(tier, span.start, span.end, span.text, role, where))
        return out
