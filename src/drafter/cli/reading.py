"""Reading today's law: `analyze` a statute's text, `baseline` a law as a draft file."""

from __future__ import annotations

import argparse

from drafter.cli._output import save_draft
from drafter.cli._shared import SOURCE_HELP, Subparsers, rubric_of, write
from drafter.output import refuse_existing
from drafter.statute_kinds import STATUTE_ENDINGS


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "analyze",
        parents=[common],
        help="read a statute's text: the tier each category reads as, with evidence",
        description=(
            "Read a statute's text against the rubric: for each category the tier it reads "
            "as, the quoted evidence (with character offsets), and a confidence (clear, "
            "ambiguous, by absence, not found); then the score the findings imply. Offline; "
            "the rules are data in the rubric's signals file."
        ),
    )
    p.add_argument(
        "file", metavar="STATUTE", help=f"the statute ({STATUTE_ENDINGS}), or - for stdin"
    )
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.add_argument(
        "--save",
        "--draft-out",
        dest="save",
        metavar="DRAFT",
        help="also write a draft file from the findings (not-found categories left open)",
    )
    p.add_argument(
        "--jurisdiction",
        metavar="NAME",
        help="the jurisdiction to name in the draft; its profile's name for the prosecutor "
        "is read as the prosecutor too",
    )
    p.add_argument("--force", action="store_true", help="overwrite DRAFT if it exists")
    p.add_argument("--signals", metavar="PATH", help="a signals file to read with instead")
    p.set_defaults(handler=cmd_analyze)

    p = sub.add_parser(
        "baseline",
        parents=[common],
        help="today's law as a draft file, from a profile or a statute's text",
        description=(
            "Turn a jurisdiction profile's recorded current law, or a statute's text "
            "(analyzed), into a draft file you can score, advise on and edit."
        ),
    )
    p.add_argument("file", metavar="SOURCE", help=SOURCE_HELP)
    p.add_argument("--save", metavar="DRAFT", help="write the draft here (default: print it)")
    p.add_argument("--force", action="store_true", help="overwrite DRAFT if it exists")
    p.set_defaults(handler=cmd_baseline)


def cmd_analyze(args: argparse.Namespace) -> int:
    from drafter.reader import analyze_file, signals_for
    from drafter.render import dumps
    from drafter.render.analysis import analysis_text
    from drafter.render.scorecard import card_json
    from drafter.scoring import score

    rubric = rubric_of(args)
    refuse_existing(args.save, args.force)
    prosecutor = None
    if args.jurisdiction:
        from drafter.jurisdiction import profile_for

        form = profile_for(args.jurisdiction)[0].forms.prosecutor
        prosecutor = form.text if form is not None else None
    signals = signals_for(rubric, args.signals, prosecutor)
    analysis = analyze_file(args.file, rubric, signals)
    draft = analysis.draft(rubric, jurisdiction=args.jurisdiction)
    if args.json:
        data = analysis.to_json(rubric)
        data["score"] = card_json(score(rubric, draft), rubric)
        write(dumps(data))
    else:
        write(analysis_text(analysis, rubric))
    if args.save:
        save_draft(draft, args.save, rubric, args.force)
    return 0


def cmd_baseline(args: argparse.Namespace) -> int:
    from drafter.baseline import load_baseline
    from drafter.draft import draft_to_yaml

    rubric = rubric_of(args)
    refuse_existing(args.save, args.force)
    base = load_baseline(args.file, rubric)
    draft = base.draft
    if not draft.jurisdiction and base.kind == "profile":
        draft = draft.model_copy(update={"jurisdiction": base.name})
    if args.save:
        save_draft(draft, args.save, rubric, args.force)
    else:
        write(draft_to_yaml(draft, rubric))
    return 0
