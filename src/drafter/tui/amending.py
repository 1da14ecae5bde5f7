"""After "Start from today's law": the amending bill, the redline and the card as exports.

The app keeps the statute text the session started from (CurrentLaw); the
export dialog and the command palette then offer, beside the bill, the bill
that amends that text in place, the provision-aligned redline, and the report
card with today's law beside the proposal. Everything is built by the same
code as `drafter amend`, `drafter redline` and `drafter card`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.tui.core import ExportFormat

if TYPE_CHECKING:
    from drafter.draft import Draft, StartsFrom
    from drafter.jurisdiction import Profile
    from drafter.law import Law
    from drafter.tui.core import Engine

#: Export names for these documents start so: "amend:docx", "redline:md", "card:md".
AMEND, REDLINE, CARD = "amend:", "redline:", "card:"


@dataclass(frozen=True)
class CurrentLaw:
    """The statute text a session started from, and what to call it."""

    text: str
    name: str


def atlas_law(profile: Profile, served: bool) -> CurrentLaw | None:
    """The state's current text from the shared atlas (never in a served session)."""
    from drafter.amend.source import atlas_text
    from drafter.errors import UserError
    from drafter.reader import read_statute

    path = None if served else atlas_text(profile)
    if path is None:
        return None
    try:
        return CurrentLaw(read_statute(path), path.name)
    except UserError:
        return None


def statute_record(source: str, served: bool) -> str:
    """How a draft file records the statute file it was analyzed from.

    Absolute on a terminal (the draft may be reopened from any folder); in a
    served session, as the session named it (inside its own folder, which a
    draft file never shows).
    """
    return source if served else str(Path(source).resolve())


def restore_start(starts: StartsFrom, served: bool) -> tuple[CurrentLaw | None, Law | None, str]:
    """What a reopened draft started from: the statute text it amends, the recorded
    law it advises from, and (when something is missing) what to tell the user."""
    from drafter.errors import UserError
    from drafter.reader import read_statute
    from drafter.tui.served import confined_path

    if starts.law is not None:
        from drafter.baseline import started_profile

        profile = started_profile(starts)
        if profile is None:
            return (
                None,
                None,
                (
                    f"This draft started from {starts.law}'s law, for which this drafter has "
                    "no profile now: advice reads the draft as it stands."
                ),
            )
        return atlas_law(profile, served), profile.law, ""
    assert starts.statute is not None
    name = Path(starts.statute).name
    try:
        path = confined_path(starts.statute) if served else Path(starts.statute)
        return CurrentLaw(read_statute(path), name), None, ""
    except UserError as exc:
        return (
            None,
            None,
            (
                f"This draft started from the statute {name}, which cannot be read now "
                f"({exc.message}); to export the bill amending it, open it again from "
                "Today's law."
            ),
        )


def amend_formats() -> tuple[ExportFormat, ...]:
    from drafter.render import AMEND_FORMATS, CARD_FORMATS, REDLINE_FORMATS

    # (".amend.notes.md" for the companion: the dialog's column holds 16 characters)
    out = [
        ExportFormat(
            AMEND + f.name,
            ".amend" + f.extension.replace(".annotated", ".notes"),
            "amending bill: " + f.description,
        )
        for f in AMEND_FORMATS
    ]
    out += [
        ExportFormat(REDLINE + f.name, ".redline" + f.extension, "redline: " + f.description)
        for f in REDLINE_FORMATS
    ]
    out += [
        ExportFormat(
            CARD + f.name, ".card" + f.extension, "card, today vs proposed: " + f.description
        )
        for f in CARD_FORMATS
    ]
    return tuple(out)


def is_amend_format(name: str) -> bool:
    return name.startswith((AMEND, REDLINE, CARD))


def render_amending(engine: Engine, draft: Draft, law: CurrentLaw, fmt: str) -> str | bytes:
    """One of these documents, in format `fmt` ("amend:docx", "redline:md", "card:txt")."""
    from drafter.amend.bill import build_amending_bill
    from drafter.redline import aligned
    from drafter.render import AMEND_FORMATS, CARD_FORMATS, REDLINE_FORMATS, CardDocument
    from drafter.scoring import score

    kind, name = fmt.split(":", 1)
    if kind + ":" == CARD:
        # Today's law as the amending bill reads it (the profile's careful reading
        # where it has one), so the card and the bill agree.
        from drafter.amend.today import today_tiers
        from drafter.jurisdiction import profile_for
        from drafter.reader import analyze

        rubric = engine.rubric
        profile, _ = profile_for(draft.jurisdiction)
        read = today_tiers(analyze(law.text, rubric), profile, law.text)
        today = read.draft(rubric, jurisdiction=draft.jurisdiction)
        doc = CardDocument(score(rubric, draft), rubric, score(rubric, today), draft.jurisdiction)
        return CARD_FORMATS.get(name).render(doc)
    ab = build_amending_bill(law.text, draft, engine.rubric, engine.language)
    if kind + ":" == REDLINE:
        return REDLINE_FORMATS.get(name).render(aligned(ab))
    return AMEND_FORMATS.get(name).render(ab)


def export_amending(
    engine: Engine, draft: Draft, law: CurrentLaw, path: Path, fmt: str, force: bool
) -> None:
    """Write it through the one output path (raises OutputExists unless `force`)."""
    from drafter.output import refuse_existing, write_output

    refuse_existing(path, force)
    write_output(render_amending(engine, draft, law, fmt), path, fmt=fmt.split(":")[1], force=force)
