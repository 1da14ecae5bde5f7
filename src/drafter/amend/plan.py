"""Planning an amendment: today's section and a draft in, per provision what to do.

The reader splits today's text into provisions and sentences and finds, per
category, the words that earn its tier (drafter.reader). A category whose tier
the draft changes is edited where those words are: the smallest clause that
carries it alone is struck (drafter.amend.clauses), so a sentence that also
carries an unchanged category keeps that category's words, and the new tier's
model language (drafter.amend.fit) follows the sentence. A category the text
does not address in words gets a new provision, labelled so that nothing is
renumbered (drafter.amend.labels). Every other provision stays word for word.
"""

from __future__ import annotations

import re

from drafter.amend.clauses import Span, strike_spans
from drafter.amend.fit import Fitted, Fitter, person_term
from drafter.amend.labels import InsertAt, Placed, place_inserts, reference
from drafter.amend.model import Action, Amendment, Change, Piece, Restated, joined
from drafter.amend.renumber import renumber
from drafter.amend.section import Provision, category_spans, read_provisions
from drafter.draft import Draft
from drafter.errors import UserError
from drafter.jurisdiction import Profile
from drafter.language import Language
from drafter.notice import Notice
from drafter.reader.analyze import analyze, signals_for
from drafter.reader.findings import Analysis
from drafter.reader.segment import segment
from drafter.rubric import COVERAGE, CoverageRule, Rubric

#: A line that marks a gap in an excerpt.
_GAP = re.compile(r"^[ \t]*(?:\.{3}|…|\*(?:[ \t]*\*){2})[ \t]*$", re.M)


def plan_amendment(
    text: str,
    draft: Draft,
    rubric: Rubric,
    language: Language,
    profile: Profile,
    analysis: Analysis | None = None,
) -> Amendment:
    """What the draft does to today's section, provision by provision. Pure."""
    signals = signals_for(rubric)
    if signals.layout is None:
        raise UserError(None, "the rubric's signals file has no provisions: block to split by")
    layout = segment(text, signals.layout)
    reading = analysis if analysis is not None else analyze(text, rubric, signals)
    number, heading, provisions = read_provisions(layout)
    if not any(p.sentences for p in provisions):
        raise UserError(None, "no statute text to amend: the file holds no provisions")
    spans, own = category_spans(text, layout, reading)
    for cat, cat_spans in spans.items():
        for p in provisions:
            if any(_inside(s, sentence) for s in cat_spans for sentence in p.sentences):
                p.categories.add(cat)

    fitter = Fitter(language, profile, draft, person_term(text))
    old = reading.tiers()
    new: dict[str, str | None] = {COVERAGE: draft.coverage, **draft.choices}
    changed = [
        c for c in (COVERAGE, *rubric.category_ids) if new.get(c) and new.get(c) != old.get(c)
    ]
    struck_cats = [c for c in changed if spans.get(c) and not _silent(language, c, old.get(c))]
    inserted_cats = [c for c in changed if c not in struck_cats]

    slot_of = dict(language.category_slots)
    slot_order = {s: i for i, s in enumerate(language.frame.slots)}
    inserts: list[tuple[str, Fitted | None]] = []
    labels_of: dict[str, tuple[str, ...]] = {}
    style = profile.style()

    def ref(slot: str) -> str:
        where = labels_of.get(slot)
        if where is None:
            for cat, s in slot_of.items():
                found = next((p for p in provisions if s == slot and cat in p.categories), None)
                if found is not None and found.path:
                    where = found.path
                    break
        return reference(where, style) if where else "this section"

    fitted: dict[str, Fitted | None] = {}
    for cat in changed:
        tier = new[cat]
        assert tier is not None
        fitted[cat] = fitter.tier(cat, tier, ref)
    inserts = [(c, fitted[c]) for c in inserted_cats if fitted[c] is not None]
    inserts.sort(key=lambda cf: slot_order.get(cf[1].slot if cf[1] else "", 99))

    # Strike the changed categories' words, clause by clause; the new words follow.
    for p in provisions:
        for sentence in p.sentences:
            mine = [c for c in struck_cats if _any_in(spans[c], sentence)]
            if not mine:
                continue
            cut = [s for c in mine for s in spans[c] if _inside(s, sentence)]
            # The words of the other categories stay (a tier earned by silence has none).
            keep = [
                s
                for c, cs in own.items()
                if c not in mine and not _silent(language, c, old.get(c))
                for s in cs
                if _inside(s, sentence)
            ]
            p.strikes.extend(strike_spans(text, sentence, cut, keep))
            for c in mine:
                if c in p.edited_by:
                    continue
                p.edited_by[c] = None
                words = fitted[c]
                if words is not None and not any(
                    c in q.edited_by for q in provisions if q is not p
                ):
                    p.additions.setdefault(sentence[1], []).extend(words.texts)

    # Terms the new words use that today's section does not define.
    terms = [t for f in fitted.values() if f is not None for t in f.terms]
    definitions = fitter.definitions(terms, lambda term: _defines(text, term))

    placed = place_inserts(
        [(f.slot, f.texts, c) for c, f in inserts if f is not None],
        definitions,
        [(p.path, p.categories) for p in provisions],
        {c: slot_of.get(c, "") for c in spans},
        slot_order,
        _insert_at(profile),
    )
    for item in placed:
        if item.category:
            labels_of[slot_of.get(item.category, "")] = item.path
    # Words with cross-references are fitted again now the new labels are known.
    if labels_of:
        for cat in changed:
            tier = new[cat]
            assert tier is not None
            fitted[cat] = fitter.tier(cat, tier, ref)

    excerpt = bool(_GAP.search(text))
    restated, relabelled = renumber(_restate(text, provisions, placed), style, number, excerpt)
    changes = _changes(rubric, changed, old, new, restated, struck_cats, fitted)
    warnings = _warnings(text, number, changes) + relabelled
    return Amendment(number, heading, tuple(restated), tuple(changes), excerpt, tuple(warnings))


def _silent(language: Language, category: str, tier: str | None) -> bool:
    """Whether a tier is earned by silence (so no words of today's text stand for it)."""
    lang = language.tier(category, tier) if tier else None
    return lang is None or lang.absent


def _inside(span: Span, sentence: Span) -> bool:
    return sentence[0] <= span[0] and span[1] <= sentence[1]


def _any_in(spans: list[Span], sentence: Span) -> bool:
    return any(_inside(s, sentence) for s in spans)


def _defines(text: str, term: str) -> bool:
    """Whether today's text defines the term ('"Movant" means', '"movant",')."""
    return re.search(r"[\"“]" + re.escape(term) + r"[\"”]", text, re.I) is not None


def _insert_at(profile: Profile) -> InsertAt:
    form = profile.forms.amending
    return form.inserts if form is not None else "end"


def _restate(
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
    return _merge_inserts(out, placed)


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


def _changes(
    rubric: Rubric,
    changed: list[str],
    old: dict[str, str | None],
    new: dict[str, str | None],
    restated: list[Restated],
    struck: list[str],
    fitted: dict[str, Fitted | None],
) -> list[Change]:
    out = []
    for cat in changed:
        before, after = old.get(cat), new[cat]
        assert after is not None
        where = tuple(r.label or "(text)" for r in restated if cat in r.categories)
        if cat in struck:
            action: Action = "replace" if fitted.get(cat) is not None else "strike"
        else:
            action = "insert"
        if cat == COVERAGE:
            title = "Coverage"
            rules: dict[str, CoverageRule] = {str(k): v for k, v in rubric.coverage.items()}
            old_label = rules[before].label if before in rules else "not read"
            new_label = rules[after].label
            old_points = new_points = 0
        else:
            category = rubric.category(cat)
            assert category is not None
            title = category.title
            t_old = category.tier(before) if before else None
            t_new = category.tier(after)
            assert t_new is not None
            old_label = t_old.label if t_old is not None else "not read"
            new_label = t_new.label
            old_points = t_old.points if t_old is not None else 0
            new_points = t_new.points
        out.append(
            Change(
                cat,
                title,
                before,
                after,
                old_label,
                new_label,
                old_points,
                new_points,
                action,
                where,
            )
        )
    return out


def _warnings(text: str, number: str, changes: list[Change]) -> list[Notice]:
    out = []
    where = f"section {number}" if number else "the section"
    if _GAP.search(text):
        out.append(
            Notice(
                "excerpt",
                number or None,
                f"the current text of {where} is an excerpt: only the provisions present are "
                "amended; the omitted ones stand as they are",
            )
        )
    for c in changes:
        if not c.provisions:
            out.append(
                Notice(
                    "unplaced_change",
                    c.category,
                    f"{c.category}: {c.new_label} has no words to add and none to strike here",
                )
            )
    return out
