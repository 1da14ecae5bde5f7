"""`advise`: the changes that raise a law's grade most, with the language that makes them."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from drafter.cli._shared import (
    SOURCE_HELP,
    Subparsers,
    add_standard_flag,
    rubric_of,
    standards_of,
    write,
)
from drafter.errors import UserError

if TYPE_CHECKING:
    from drafter.criteria_eval import StandardStatus


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
    add_standard_flag(p, "--meet")
    p.set_defaults(handler=cmd_advise)


def _with_standards(data: dict[str, Any], statuses: list[StandardStatus]) -> dict[str, Any]:
    """The advice JSON with each `--meet` standard's status."""
    data["standards"] = [s.to_json() for s in statuses]
    return data


def cmd_advise(args: argparse.Namespace) -> int:
    from drafter.advice import advise
    from drafter.baseline import load_baseline, standard_status
    from drafter.jurisdiction import load_profile, profile_for
    from drafter.language import load_language
    from drafter.render import dumps
    from drafter.render.advice import advice_text
    from drafter.render.standards import meet_text
    from drafter.render.standing import NOT_LEGAL_ADVICE

    rubric = rubric_of(args)
    wanted = standards_of(args.meet, rubric)
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

        opened = open_categories(rubric, law, draft)
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
    statuses = [standard_status(s, rubric, base) for s in wanted]
    if law is None or law.status not in ("adults", "minors_only"):
        if args.json:
            write(dumps(_with_standards(advice.to_json(), statuses)))
        else:
            write(advice_text(advice, rubric, args.top) + meet_text(statuses, rubric, args.lock))
        return 0
    from drafter.advice import check_locks
    from drafter.advice_readings import qualify, without_open_locks
    from drafter.render.advice import ALL_AT_MAXIMUM, NOTHING_READ, readings_text

    advice = without_open_locks(advice, check_locks(rubric, args.lock))
    read = qualify(advice, rubric, law, language, draft)
    if args.json:
        write(dumps(_with_standards(read.to_json(), statuses)))
        return 0
    text = advice_text(advice, rubric, args.top)
    if read.open:
        text = text.replace(ALL_AT_MAXIMUM, NOTHING_READ)
    body, sep, tail = text.rpartition(NOT_LEGAL_ADVICE)
    meet = meet_text(statuses, rubric, args.lock)
    write(body + readings_text(read, args.top) + sep + tail + meet)
    return 0
