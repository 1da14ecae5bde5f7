"""`atlas`: every jurisdiction's law today, read against the rubric, or one jurisdiction's."""

from __future__ import annotations

import argparse

from drafter.cli._shared import Subparsers, rubric_of, write


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "atlas",
        parents=[common],
        help="today's law in every state, DC, federal and the territories, with sources",
        description=(
            "The report card, today: every jurisdiction's trafficking-specific relief law "
            "with its status, citations, official source, latest amendment shown, and the "
            "score and grade drafter's reading of its text implies (provisional while any "
            "category is open), ranked among the states and DC whose reading is complete. "
            "With STATE, that jurisdiction's reading: each category's tier, confidence, "
            "pinpoint, decisive words and why, and its drafting forms."
        ),
    )
    p.add_argument(
        "state",
        metavar="STATE",
        nargs="?",
        help="a jurisdiction: its name, USPS code, DC, federal, or a territory",
    )
    p.add_argument("--json", action="store_true", help="print the atlas as JSON")
    p.set_defaults(handler=cmd_atlas)


def cmd_atlas(args: argparse.Namespace) -> int:
    from drafter.atlas import build_rows, row_for
    from drafter.atlas_standards import row_standards
    from drafter.errors import UserError
    from drafter.jurisdiction import load_profile
    from drafter.render import dumps
    from drafter.render.atlas import atlas_json, atlas_text, state_json, state_text
    from drafter.standards import shipped_criteria_for

    rubric = rubric_of(args)
    # The criteria standards that read this rubric's tiers: the federal preference.
    standards = shipped_criteria_for(rubric)
    if args.state is None:
        rows = build_rows(rubric)
        standings = {r.profile.id: row_standards(r, standards, rubric) for r in rows}
        out = atlas_json(rows, rubric, standings) if args.json else None
        write(dumps(out) if out is not None else atlas_text(rows, rubric, standings))
        return 0
    profile = load_profile(args.state)
    if profile.is_generic or profile.law is None:
        raise UserError(
            None, f"{profile.name} records no law; give a state, DC, federal or a territory"
        )
    row = row_for(rubric, profile)
    one = {row.profile.id: row_standards(row, standards, rubric)}
    write(dumps(state_json(row, rubric, one)) if args.json else state_text(row, rubric, one))
    return 0
