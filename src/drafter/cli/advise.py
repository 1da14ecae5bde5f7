"""`advise`: the changes that raise a law's grade most, with the language that makes them."""

from __future__ import annotations

import argparse

from drafter.cli._shared import SOURCE_HELP, Subparsers, rubric_of, write
from drafter.errors import UserError


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "advise",
        parents=[common],
        help="the changes that raise a law's grade most, with the language that makes them",
        description=(
            "From a law (or any draft): coverage first when the law reaches only minors or "
            "there is none, then every single change with the points and grade it gains, best "
            "first, with the model language; with --target, the fewest changes that reach the "
            "grade (ties: fewest points beyond it, then the card's category order). Locked "
            "categories are never proposed."
        ),
    )
    p.add_argument("file", metavar="SOURCE", help=SOURCE_HELP)
    p.add_argument("--target", metavar="GRADE", help="a grade to reach, e.g. B")
    p.add_argument(
        "--lock",
        metavar="ID",
        nargs="+",
        action="extend",
        default=[],
        help="categories never to propose (ids as in `drafter rubric`; coverage too)",
    )
    p.add_argument("--json", action="store_true", help="print the advice as JSON")
    p.add_argument("--top", metavar="N", type=int, help="show only the N best single changes")
    p.add_argument("--language", metavar="DIR", help="a model language folder to use instead")
    p.set_defaults(handler=cmd_advise)


def cmd_advise(args: argparse.Namespace) -> int:
    from drafter.advice import advise
    from drafter.baseline import load_baseline
    from drafter.jurisdiction import load_profile, profile_for
    from drafter.language import load_language
    from drafter.render import dumps
    from drafter.render.advice import advice_text
    from drafter.render.standing import NOT_LEGAL_ADVICE

    rubric = rubric_of(args)
    if args.top is not None and args.top < 1:
        raise UserError(None, "--top must be 1 or more")
    base = load_baseline(args.file, rubric)
    draft = base.draft
    if not draft.jurisdiction and base.kind != "draft":
        draft = draft.model_copy(update={"jurisdiction": base.name})
    language = load_language(args.language)
    law = base.profile.law if base.profile is not None else None
    # An open category of a recorded law is not points to gain: it is advised apart.
    opened: tuple[str, ...] = ()
    if law is not None and law.status in ("adults", "minors_only"):
        from drafter.advice_readings import open_categories

        opened = open_categories(rubric, law)
    try:
        profile = profile_for(draft.jurisdiction)[0]
    except UserError:
        # The previews still read in the generic style when a profile will not load.
        profile = load_profile(None)
    advice = advise(
        rubric,
        draft,
        target=args.target,
        locks=[*args.lock, *opened],
        language=language,
        parameters=profile.parameters_for(draft),
    )
    if law is None or law.status not in ("adults", "minors_only"):
        write(dumps(advice.to_json()) if args.json else advice_text(advice, rubric, args.top))
        return 0
    from drafter.advice import check_locks
    from drafter.advice_readings import (
        ALL_AT_MAXIMUM,
        NOTHING_READ,
        qualify,
        readings_text,
        without_open_locks,
    )

    advice = without_open_locks(advice, check_locks(rubric, args.lock))
    read = qualify(advice, rubric, law, language)
    if args.json:
        write(dumps(read.to_json()))
        return 0
    text = advice_text(advice, rubric, args.top)
    if read.open:
        text = text.replace(ALL_AT_MAXIMUM, NOTHING_READ)
    body, sep, tail = text.rpartition(NOT_LEGAL_ADVICE)
    write(body + readings_text(read, args.top) + sep + tail)
    return 0
