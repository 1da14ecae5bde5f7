"""Scorecards: `score`, `rank`, `rubric` and `card`."""

from __future__ import annotations

import argparse
from pathlib import Path

from drafter.cli._output import emit
from drafter.cli._shared import (
    SOURCE_HELP,
    Subparsers,
    add_standard_flag,
    or_list,
    rubric_of,
    standards_of,
    write,
)
from drafter.output import refuse_existing
from drafter.render import CARD_FORMATS


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "score", parents=[common], help="print a draft's scorecard", description="Score a draft."
    )
    p.add_argument("file", metavar="FILE", help="a draft file (YAML)")
    p.add_argument("--json", action="store_true", help="print the scorecard as JSON")
    add_standard_flag(p)
    p.set_defaults(handler=cmd_score)

    p = sub.add_parser(
        "rank",
        parents=[common],
        help="rank drafts by total",
        description="Rank drafts by total; equal totals share a rank.",
    )
    p.add_argument("files", metavar="FILE", nargs="+", help="draft files")
    p.add_argument("--json", action="store_true", help="print the ranking as JSON")
    p.set_defaults(handler=cmd_rank)

    p = sub.add_parser(
        "rubric",
        parents=[common],
        help="show the rubric, or list every standard",
        description=(
            "Show the points rubric; with --list, every shipped standard (the points rubric "
            "and the criteria standards such as federal-10381c3); with --standard ID, one "
            "criteria standard's criteria."
        ),
    )
    p.add_argument("--json", action="store_true", help="print it as JSON")
    p.add_argument("--list", action="store_true", help="list every shipped standard")
    p.add_argument("--standard", metavar="ID", help="show this criteria standard instead")
    p.set_defaults(handler=cmd_rubric)

    p = sub.add_parser(
        "card",
        parents=[common],
        help="a scorecard in the report's layout, against a baseline if given",
        description=(
            "A scorecard in the layout of the 2019 report cards: jurisdiction, overall score, "
            "grade or ranking, a short reading of it, the category table and the total; with "
            "--baseline, current and proposed points side by side."
        ),
    )
    p.add_argument("file", metavar="DRAFT", help=SOURCE_HELP)
    p.add_argument(
        "--baseline", metavar="SOURCE", help="today's law to compare with: " + SOURCE_HELP
    )
    p.add_argument(
        "--format", metavar="FMT", choices=CARD_FORMATS.names, help=or_list(CARD_FORMATS.names)
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help=f"write here ({CARD_FORMATS.extensions_text()}); default stdout",
    )
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    add_standard_flag(p)
    p.set_defaults(handler=cmd_card)


def cmd_score(args: argparse.Namespace) -> int:
    from drafter.criteria_eval import evaluate_draft
    from drafter.draft import load_draft
    from drafter.render import dumps
    from drafter.render.scorecard import card_json, card_text
    from drafter.render.standards import standards_text
    from drafter.scoring import score

    rubric = rubric_of(args)
    wanted = standards_of(args.standard, rubric)
    draft = load_draft(args.file, rubric)
    card = score(rubric, draft)
    statuses = [evaluate_draft(s, rubric, draft) for s in wanted]
    if args.json:
        write(dumps(card_json(card, rubric, statuses)))
    else:
        write(card_text(card, rubric) + standards_text(statuses, rubric))
    return 0


def cmd_rank(args: argparse.Namespace) -> int:
    from drafter.draft import load_draft
    from drafter.render import dumps
    from drafter.render.scorecard import ranking_json, ranking_text
    from drafter.scoring import Scorecard, rank, score

    rubric = rubric_of(args)
    entries: list[tuple[str, Scorecard]] = []
    for file in args.files:
        profile_name = _profile_entry(file)
        if profile_name is not None:
            # A jurisdiction profile (by name or file): its recorded current law.
            from drafter.baseline import load_baseline

            draft = load_baseline(file, rubric).draft
            entries.append((draft.jurisdiction or profile_name, score(rubric, draft)))
            continue
        draft = load_draft(file, rubric)
        entries.append((draft.jurisdiction or Path(file).stem, score(rubric, draft)))
    ranked = rank(entries)
    write(dumps(ranking_json(ranked, rubric)) if args.json else ranking_text(ranked))
    return 0


def _profile_entry(arg: str) -> str | None:
    """The profile name when `arg` names a profile (not a draft), else None."""
    path = Path(arg)
    if path.suffix.casefold() in (".yaml", ".yml") and path.is_file():
        try:
            # Only the head: a profile says its format at the top, and a huge
            # or endless file (/dev/zero by a link) is never read whole here.
            with path.open("rb") as handle:
                head = handle.read(4000).decode("utf-8", errors="replace")
        except OSError:
            return None
        return path.stem if "drafter-jurisdiction/" in head else None
    if path.exists() or "/" in arg or "\\" in arg or path.suffix:
        return None
    from drafter.jurisdiction import list_profiles

    for profile in list_profiles():
        if profile.matches(arg):
            return profile.name
    return None


def cmd_rubric(args: argparse.Namespace) -> int:
    from drafter.render import dumps
    from drafter.render.scorecard import rubric_json, rubric_text

    rubric = rubric_of(args)
    if args.list:
        from drafter.render.standards import standards_list_json, standards_list_text
        from drafter.standards import list_standards

        listed = list_standards()
        write(dumps(standards_list_json(listed)) if args.json else standards_list_text(listed))
        return 0
    if args.standard:
        from drafter.render.standards import criteria_json, criteria_text

        standard = standards_of([args.standard], rubric)[0]
        write(dumps(criteria_json(standard)) if args.json else criteria_text(standard, rubric))
        return 0
    write(dumps(rubric_json(rubric)) if args.json else rubric_text(rubric))
    return 0


def cmd_card(args: argparse.Namespace) -> int:
    from drafter.baseline import load_baseline, standard_status
    from drafter.render import CardDocument
    from drafter.render.standards import standards_markdown, standards_text
    from drafter.scoring import score

    rubric = rubric_of(args)
    fmt = CARD_FORMATS.resolve(args.output, args.format)
    refuse_existing(args.output, args.force)
    wanted = standards_of(args.standard, rubric)
    proposed = load_baseline(args.file, rubric)
    statuses = [standard_status(s, rubric, proposed) for s in wanted]
    card = score(rubric, proposed.draft)
    baseline_card = None
    name = proposed.draft.jurisdiction or (proposed.name if proposed.kind != "draft" else None)
    if args.baseline:
        current = load_baseline(args.baseline, rubric)
        baseline_card = score(rubric, current.draft)
        name = (
            name
            or current.draft.jurisdiction
            or (current.name if current.kind == "profile" else None)
        )
    document = fmt.render(CardDocument(card, rubric, baseline_card, name))
    # The standards' status follows the card, in the card's own format.
    if isinstance(document, str):
        more = standards_markdown if fmt.name == "md" else standards_text
        document += more(statuses, rubric)
    emit(document, args.output, fmt.name, args.force)
    return 0
