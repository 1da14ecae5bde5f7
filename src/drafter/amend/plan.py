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

from drafter.amend.antecedents import restore_antecedents
from drafter.amend.clauses import Span, strike_spans
from drafter.amend.fit import Fitted, Fitter, person_term, request_term
from drafter.amend.labels import InsertAt, place_inserts, reference
from drafter.amend.model import Action, Amendment, Change, Restated
from drafter.amend.renumber import renumber
from drafter.amend.restate import restate
from drafter.amend.section import category_spans, read_provisions
from drafter.amend.series import fix_series
from drafter.amend.today import Today, quote_spans
from drafter.draft import Draft
from drafter.errors import UserError
from drafter.jurisdiction import Profile
from drafter.language import Language
from drafter.notice import Notice
from drafter.reader.analyze import analyze, signals_for
from drafter.reader.findings import Analysis
from drafter.reader.segment import segment
from drafter.rubric import COVERAGE, CoverageRule, Rubric

#: A sentence that ends opening a list ("...; provided that", "as follows:").
_LEAD_IN = re.compile(r"(?:\bthat|:|—)\s*$")
#: A line that marks a gap in an excerpt.
_GAP = re.compile(r"^[ \t]*(?:\.{3}|…|\*(?:[ \t]*\*){2})[ \t]*$", re.M)


def plan_amendment(
    text: str,
    draft: Draft,
    rubric: Rubric,
    language: Language,
    profile: Profile,
    analysis: Analysis | None = None,
    today: Today | None = None,
) -> Amendment:
    """What the draft does to today's section, provision by provision. Pure.

    `today` gives today's tiers (drafter.amend.today: the profile's careful
    reading where it has one); without it, the reader's."""
    signals = signals_for(rubric)
    if signals.layout is None:
        raise UserError(None, "the rubric's signals file has no provisions: block to split by")
    layout = segment(text, signals.layout)
    reading = analysis if analysis is not None else analyze(text, rubric, signals)
    number, heading, provisions = read_provisions(layout)
    if not any(p.sentences for p in provisions):
        raise UserError(None, "no statute text to amend: the file holds no provisions")
    spans, own = category_spans(text, layout, reading)
    if today is not None:
        # The reader's words for a category it reads otherwise do not earn today's tier:
        # a change to it adds words and strikes none of them.
        for cat in today.differs:
            spans.pop(cat, None)
    # The profile's decisive words for each category, to keep when another changes
    # (unless they hold the changed words themselves).
    quoted = {
        cat: quote_spans(text, quote) for cat, quote in (today.quotes if today else {}).items()
    }
    for cat, cat_spans in spans.items():
        for p in provisions:
            if any(_inside(s, sentence) for s in cat_spans for sentence in p.sentences):
                p.categories.add(cat)

    fitter = Fitter(language, profile, draft, person_term(text), request_term(text))
    old = today.tiers if today is not None else reading.tiers()
    new: dict[str, str | None] = {COVERAGE: draft.coverage, **draft.choices}
    changed = [
        c for c in (COVERAGE, *rubric.category_ids) if new.get(c) and new.get(c) != old.get(c)
    ]
    # A draft started from the reader's reading keeps its tier where the profile reads
    # better: that is no request to narrow the law (said, and left as it is).
    readers = [c for c in changed if today is not None and _readers_own(rubric, today, c, new[c])]
    changed = [c for c in changed if c not in readers]
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
    #: category -> the provision where some of its words could not be struck alone.
    tangled: dict[str, str] = {}
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
            keep += [
                s
                for c, cs in quoted.items()
                if c not in mine and not _silent(language, c, old.get(c))
                for s in cs
                if _inside(s, sentence) and not any(a < s[1] and s[0] < b for a, b in cut)
            ]
            struck = strike_spans(text, sentence, cut, keep, words=False)
            p.strikes.extend(struck)
            for c in mine:
                if not any(_inside(s, x) for s in spans[c] if _inside(s, sentence) for x in struck):
                    tangled.setdefault(c, p.label or "the section")
                if c in p.edited_by:
                    continue
                p.edited_by[c] = None
                words = fitted[c]
                if words is None or any(c in q.edited_by for q in provisions if q is not p):
                    continue
                if _LEAD_IN.search(text, sentence[0], sentence[1]):
                    # "...; provided that" opens a list: new words cannot follow it.
                    inserts.append((c, words))
                else:
                    p.additions.setdefault(sentence[1], []).extend(words.texts)

    inserts.sort(key=lambda cf: slot_order.get(cf[1].slot if cf[1] else "", 99))
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
        _last_label(profile) if _GAP.search(text) else None,
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
    # Kept words that point back at struck ones ("such person") get their noun back.
    # and a series with an item struck or added keeps its "and" and its semicolons.
    kept = fix_series(restore_antecedents(restate(text, provisions, placed)))
    form = profile.forms.amending
    gaps = form is not None and form.struck == "gap"
    repeal_depth = form.depth if form is not None and form.repeals_apart else None
    restated, relabelled = renumber(kept, style, number, excerpt, gaps, repeal_depth)
    changes = _changes(rubric, changed, old, new, restated, struck_cats, fitted)
    warnings = _warnings(text, number, changes) + relabelled
    ends = [r.label for r in restated if r.action == "insert" and len(r.path) == 1]
    if excerpt and ends and _last_label(profile) is None:
        warnings.append(
            Notice(
                "excerpt",
                number or None,
                f"the text is an excerpt, so the labels of new provisions ({', '.join(ends)}) "
                "follow the last one shown: check the section's last label in the code",
            )
        )
    warnings += [
        Notice(
            "reading_differs",
            cat,
            f"{cat}: the draft keeps drafter analyze's reading ({new[cat]}) where the "
            f"profile reads today's law as {old.get(cat)}, which earns as much or more: "
            "left as it is",
        )
        for cat in readers
    ]
    warnings += [
        Notice(
            "kept_words",
            cat,
            f"{cat}: some of today's words for it in {where} are kept (struck alone they "
            "would break the sentence): check they agree with the new words",
        )
        for cat, where in tangled.items()
    ]
    return Amendment(number, heading, tuple(restated), tuple(changes), excerpt, tuple(warnings))


def _readers_own(rubric: Rubric, today: Today, category: str, tier: str | None) -> bool:
    """Whether `tier` is the reader's reading of a category the profile reads otherwise,
    and earns no more than the profile's (so asking for it narrows nothing on purpose)."""
    if category not in today.differs or category == COVERAGE:
        return False
    profile_tier, reader_tier = today.differs[category]
    cat = rubric.category(category)
    if tier is None or tier != reader_tier or cat is None or profile_tier is None:
        return False
    ours, theirs = cat.tier(tier), cat.tier(profile_tier)
    return ours is not None and theirs is not None and ours.points <= theirs.points


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


def _last_label(profile: Profile) -> str | None:
    form = profile.forms.amending
    return form.last_label.text if form is not None and form.last_label is not None else None


def _insert_at(profile: Profile) -> InsertAt:
    form = profile.forms.amending
    return form.inserts if form is not None else "end"


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
