"""The `drafter` command: the wizard with no arguments, headless subcommands otherwise.

The headless path imports no textual: `drafter score` must start fast and work
where no terminal UI can.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from drafter import __version__
from drafter.errors import UserError, format_for_cli

EXAMPLES = """\
examples:
  drafter                                          the wizard: start screen
  drafter open examples/best-practice.yaml         open a draft in the wizard
  drafter new --jurisdiction Missouri              a new draft in Missouri's style
  drafter score examples/missouri-2019.yaml        a scorecard: 0, cannot be ranked
  drafter score examples/best-practice.yaml --json the same, machine-readable
  drafter rank examples/*.yaml                     rank drafts by total
  drafter build examples/best-practice.yaml -o bill.docx   the bill, for Word
  drafter build examples/strong-b.yaml -o -        the bill as text, on stdout
  drafter validate                                 check rubric, language, profiles
  drafter train --text                             practise scoring provisions
  drafter rubric                                   the rubric as a table
  drafter score --rubric my-rubric.yaml DRAFT.yaml score against another rubric

Scores follow the 2019 Polaris / Survivor Reentry Project rubric. The letter-grade
cut-offs are drafter's default reading. drafter informs drafting; it is not legal advice.
"""

Handler = Callable[[argparse.Namespace], int]


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--rubric",
        metavar="PATH",
        help="score against this rubric file instead of the shipped polaris-2019",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="drafter",
        description=(
            "Draft criminal record relief statutes for survivors of human trafficking, "
            "scored on the 2019 Polaris / Survivor Reentry Project rubric."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"drafter {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = _common()

    p = sub.add_parser(
        "score", parents=[common], help="print a draft's scorecard", description="Score a draft."
    )
    p.add_argument("file", metavar="FILE", help="a draft file (YAML)")
    p.add_argument("--json", action="store_true", help="print the scorecard as JSON")
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
        "build",
        parents=[common],
        help="assemble a draft's bill and write it out",
        description=(
            "Assemble the bill a draft describes and write it as text, Markdown, Word, "
            "Akoma Ntoso XML, JSON, or an annotated companion for the committee file."
        ),
    )
    p.add_argument("file", metavar="DRAFT", help="a draft file (YAML)")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help="where to write (.txt .md .docx .xml .json .annotated.md .annotated.docx); "
        "- for stdout",
    )
    p.add_argument("--format", metavar="FMT", help="the format, when the extension does not say")
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    p.add_argument("--language", metavar="DIR", help="a model language folder to use instead")
    p.set_defaults(handler=cmd_build)

    p = sub.add_parser(
        "validate",
        parents=[common],
        help="check the rubric, model language, jurisdictions and draft files",
        description=(
            "Check the shipped (or given) rubric, model language and jurisdiction profiles: "
            "every tier has language, every placeholder is declared, every cross-reference "
            "resolves, and every tier's signals read back from its own language only. "
            "Draft files given as arguments are checked too."
        ),
    )
    p.add_argument(
        "files",
        metavar="FILE",
        nargs="*",
        help="draft files, exercise sets or lessons files to check as well",
    )
    p.add_argument("--language", metavar="DIR", help="a model language folder to check")
    p.add_argument("--signals", metavar="PATH", help="a signals file to check")
    p.set_defaults(handler=cmd_validate)

    p = sub.add_parser(
        "serve",
        parents=[common],
        help="serve the app to browsers (training rooms)",
        description=(
            "Serve drafter to web browsers with textual-serve. Each browser tab is its own "
            "session with its own drafts and autosave; exports arrive as downloads. Binds "
            "to loopback unless told otherwise."
        ),
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to bind (default 8000)")
    p.set_defaults(handler=cmd_serve)

    p = sub.add_parser(
        "new",
        parents=[common],
        help="open the wizard on a new draft",
        description="Open the wizard on a new draft.",
    )
    p.add_argument("--jurisdiction", metavar="NAME", help="a jurisdiction profile, e.g. Missouri")
    p.set_defaults(handler=cmd_new)

    p = sub.add_parser(
        "open",
        parents=[common],
        help="open a draft file in the wizard",
        description="Open a draft file in the wizard.",
    )
    p.add_argument("file", metavar="FILE", help="a draft file (YAML)")
    p.set_defaults(handler=cmd_open)

    p = sub.add_parser(
        "rubric", parents=[common], help="show the rubric", description="Show the rubric."
    )
    p.add_argument("--json", action="store_true", help="print the rubric as JSON")
    p.set_defaults(handler=cmd_rubric)

    p = sub.add_parser(
        "train",
        parents=[common],
        help="practise scoring provisions with an exercise set",
        description=(
            "Practise scoring provisions: read each provision of an exercise set, pick the "
            "tier it earns, and get feedback quoting the decisive words; a summary per "
            "category ends the session. Exercise sets are YAML files a trainer can write "
            "(see exercises/README.md)."
        ),
    )
    p.add_argument(
        "file",
        metavar="SET",
        nargs="?",
        help="an exercise set (YAML); default: the set shipped for the rubric",
    )
    p.add_argument(
        "--text",
        action="store_true",
        help="a plain terminal quiz (type the tier's number) instead of the app",
    )
    p.add_argument(
        "--category",
        metavar="ID",
        action="append",
        help="only this category's exercises (repeatable); ids as in `drafter rubric`",
    )
    p.add_argument(
        "--lessons",
        action="store_true",
        help="print the lessons as plain text (each tier's wording, what changes) and stop",
    )
    p.add_argument(
        "--present",
        action="store_true",
        help="the facilitator view for a projector: one category at a time, large, "
        "high contrast (n/p move)",
    )
    p.set_defaults(handler=cmd_train)
    _add_advocate_commands(sub, common)
    return parser


def _rubric(args: argparse.Namespace):  # -> Rubric, imported lazily for startup
    from drafter.rubric import load_rubric

    return load_rubric(args.rubric)


def _write(text: str) -> None:
    sys.stdout.write(text)


def cmd_score(args: argparse.Namespace) -> int:
    from drafter.draft import load_draft
    from drafter.report import card_json, card_text, dumps
    from drafter.scoring import score

    rubric = _rubric(args)
    card = score(rubric, load_draft(args.file, rubric))
    _write(dumps(card_json(card, rubric)) if args.json else card_text(card, rubric))
    return 0


def cmd_rank(args: argparse.Namespace) -> int:
    from drafter.draft import load_draft
    from drafter.report import dumps, ranking_json, ranking_text
    from drafter.scoring import rank, score

    rubric = _rubric(args)
    entries = []
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
    _write(dumps(ranking_json(ranked, rubric)) if args.json else ranking_text(ranked))
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from drafter.draft import load_draft
    from drafter.export import build_bill, export_to, resolve_format
    from drafter.language import load_language

    rubric = _rubric(args)
    draft = load_draft(args.file, rubric)
    fmt = resolve_format(args.output, args.format)
    if args.output != "-" and Path(args.output).exists() and not args.force:
        raise UserError(args.output, "already exists; use --force to overwrite it")
    try:
        bill = build_bill(draft, rubric, load_language(args.language))
    except UserError as exc:
        if exc.where is None:
            exc = UserError(args.file, exc.message)
        raise exc from None
    for warning in bill.warnings:
        print(f"drafter: warning: {args.file}: {warning}", file=sys.stderr)
    export_to(bill, args.output, fmt, force=args.force)
    if args.output != "-":
        print(f"drafter: wrote {args.output} ({fmt}; {bill.score_summary})", file=sys.stderr)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from drafter.checks import check_all

    rubric = _rubric(args)
    problems, summary = check_all(rubric, args.language, args.signals, args.files)
    for problem in problems:
        print(format_for_cli(problem), file=sys.stderr)
    if problems:
        return 2
    _write(summary)
    return 0


def cmd_rubric(args: argparse.Namespace) -> int:
    from drafter.report import dumps, rubric_json, rubric_text

    rubric = _rubric(args)
    _write(dumps(rubric_json(rubric)) if args.json else rubric_text(rubric))
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from drafter.training import Session, default_set_path, load_exercise_set, run_text_quiz

    rubric = _rubric(args)
    if args.lessons:
        from drafter.language import load_language
        from drafter.lessons import build_lessons, lesson_text

        lessons = build_lessons(rubric, load_language())
        wanted = set(args.category or rubric.category_ids)
        unknown = sorted(wanted - set(rubric.category_ids))
        if unknown:
            raise UserError(
                None,
                f"unknown category {unknown[0]!r}; one of: {', '.join(rubric.category_ids)}",
            )
        _write("\n".join(lesson_text(x) for x in lessons if x.category in wanted))
        return 0
    if getattr(args, "present", False):
        from drafter.tui import run_app

        if args.category:
            unknown = sorted(set(args.category) - set(rubric.category_ids))
            if unknown:
                raise UserError(
                    None,
                    f"unknown category {unknown[0]!r}; one of: {', '.join(rubric.category_ids)}",
                )
        return run_app(mode="present", rubric_path=args.rubric, categories=args.category)
    path = args.file
    if path is None:
        path = default_set_path(rubric)
        if not path.is_file():
            raise UserError(
                None,
                f"no exercise set ships for rubric {rubric.id!r}; give one: drafter train SET.yaml",
            )
    session = Session(load_exercise_set(path, rubric), categories=args.category)
    if not args.text:
        # The app's training screens, when the app has them; else the text quiz.
        import drafter.tui as tui

        if "train" in getattr(tui, "MODES", ()):
            return tui.run_app(
                mode="train", path=str(path), rubric_path=args.rubric, categories=args.category
            )
        print(
            "drafter: note: the training app is not available yet; running the text quiz (--text)",
            file=sys.stderr,
        )
    return run_text_quiz(session, echo=not sys.stdin.isatty())


def _wizard(args: argparse.Namespace, mode: str) -> int:
    # The only place the CLI reaches the UI, so headless commands never load textual.
    from drafter.tui import run_app

    return run_app(
        mode=mode,
        path=getattr(args, "file", None),
        jurisdiction=getattr(args, "jurisdiction", None),
        rubric_path=getattr(args, "rubric", None),
    )


def cmd_start(args: argparse.Namespace) -> int:
    return _wizard(args, "start")


def cmd_serve(args: argparse.Namespace) -> int:
    from drafter.serve import serve

    return serve(args.host, args.port, args.rubric)


def cmd_new(args: argparse.Namespace) -> int:
    return _wizard(args, "new")


def cmd_open(args: argparse.Namespace) -> int:
    return _wizard(args, "open")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        args.rubric = None
        handler = cmd_start
    try:
        return handler(args)
    except UserError as exc:
        print(format_for_cli(exc), file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `drafter score ... | head` closing the pipe early is not an error.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


# --- advocates: analyze a statute, start from today's law, advise, cards, redlines ----


def _add_advocate_commands(sub, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    source_help = (
        "a draft file (.yaml), a statute's text (.txt .md .docx, or - for standard input), "
        "or a jurisdiction profile (name such as Missouri, or its .yaml file) whose current "
        "law is recorded"
    )
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
    p.add_argument("file", metavar="STATUTE", help="the statute (.txt .md .docx), or - for stdin")
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.add_argument(
        "--save",
        "--draft-out",
        dest="save",
        metavar="DRAFT",
        help="also write a draft file from the findings (not-found categories left open)",
    )
    p.add_argument("--jurisdiction", metavar="NAME", help="the jurisdiction to name in the draft")
    p.add_argument("--force", action="store_true", help="overwrite DRAFT if it exists")
    p.add_argument("--signals", metavar="PATH", help="a signals file to read with instead")
    p.set_defaults(handler=cmd_analyze)

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
    p.add_argument("file", metavar="SOURCE", help=source_help)
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
    p.add_argument("file", metavar="DRAFT", help=source_help)
    p.add_argument(
        "--baseline", metavar="SOURCE", help="today's law to compare with: " + source_help
    )
    p.add_argument("--format", metavar="FMT", choices=("md", "txt"), help="md or txt")
    p.add_argument("-o", "--output", metavar="OUT", help="write here (.md .txt); default stdout")
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    p.set_defaults(handler=cmd_card)

    p = sub.add_parser(
        "redline",
        parents=[common],
        help="current statute text vs the draft's bill, word by word, in the state's style",
        description=(
            "Compare the current statute's text with the section the draft would enact, word "
            "by word, and mark new and omitted matter in the jurisdiction's convention "
            "(Missouri: new bold, omitted in bold brackets; Texas: underlined, bracketed and "
            "struck). Markdown, Word, or plain text."
        ),
    )
    p.add_argument("old", metavar="OLD", help="the current statute (.txt .md .docx)")
    p.add_argument("file", metavar="DRAFT", help="a draft file (YAML)")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help="where to write (.md .txt .docx); - for stdout",
    )
    p.add_argument("--format", metavar="FMT", choices=("md", "txt", "docx"), help="md, txt or docx")
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    p.add_argument("--language", metavar="DIR", help="a model language folder to use instead")
    p.set_defaults(handler=cmd_redline)

    p = sub.add_parser(
        "baseline",
        parents=[common],
        help="today's law as a draft file, from a profile or a statute's text",
        description=(
            "Turn a jurisdiction profile's recorded current law, or a statute's text "
            "(analyzed), into a draft file you can score, advise on and edit."
        ),
    )
    p.add_argument("file", metavar="SOURCE", help=source_help)
    p.add_argument("--save", metavar="DRAFT", help="write the draft here (default: print it)")
    p.add_argument("--force", action="store_true", help="overwrite DRAFT if it exists")
    p.set_defaults(handler=cmd_baseline)


def _profile_entry(arg: str) -> str | None:
    """The profile name when `arg` names a profile (not a draft), else None."""
    path = Path(arg)
    if path.suffix.casefold() in (".yaml", ".yml") and path.is_file():
        try:
            head = path.read_text(encoding="utf-8", errors="replace")[:4000]
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


def _refuse_overwrite(path: str, force: bool) -> None:
    if path != "-" and Path(path).exists() and not force:
        raise UserError(path, "already exists; use --force to overwrite it")


def _save_draft(draft, path: str, rubric, force: bool) -> None:  # type: ignore[no-untyped-def]
    from drafter.draft import draft_to_yaml
    from drafter.yamlio import atomic_write

    _refuse_overwrite(path, force)
    atomic_write(path, draft_to_yaml(draft, rubric), overwrite=force)
    print(f"drafter: wrote {path}", file=sys.stderr)


def cmd_analyze(args: argparse.Namespace) -> int:
    from drafter.analysis import analysis_text, analyze_file, signals_for
    from drafter.report import card_json, dumps
    from drafter.scoring import score

    rubric = _rubric(args)
    if args.save:
        _refuse_overwrite(args.save, args.force)
    analysis = analyze_file(args.file, rubric, signals_for(rubric, args.signals))
    draft = analysis.draft(rubric, jurisdiction=args.jurisdiction)
    if args.json:
        data = analysis.to_json(rubric)
        data["score"] = card_json(score(rubric, draft), rubric)
        _write(dumps(data))
    else:
        _write(analysis_text(analysis, rubric))
    if args.save:
        _save_draft(draft, args.save, rubric, args.force)
    return 0


def _language_params(draft):  # type: ignore[no-untyped-def]
    """Parameter values for previews: the jurisdiction's defaults, then the draft's."""
    from drafter.jurisdiction import load_profile

    try:
        profile = load_profile(draft.jurisdiction)
    except UserError:
        profile = load_profile(None)
    return {**profile.parameter_defaults(), **draft.parameters}


def cmd_advise(args: argparse.Namespace) -> int:
    from drafter.advice import advice_text, advise
    from drafter.baseline import load_baseline
    from drafter.language import load_language
    from drafter.report import dumps

    rubric = _rubric(args)
    if args.top is not None and args.top < 1:
        raise UserError(None, "--top must be 1 or more")
    base = load_baseline(args.file, rubric)
    draft = base.draft
    if not draft.jurisdiction and base.kind != "draft":
        draft = draft.model_copy(update={"jurisdiction": base.name})
    advice = advise(
        rubric,
        draft,
        target=args.target,
        locks=args.lock,
        language=load_language(args.language),
        parameters=_language_params(draft),
    )
    _write(dumps(advice.to_json()) if args.json else advice_text(advice, rubric, args.top))
    return 0


def _output_format(output: str | None, fmt: str | None, allowed: tuple[str, ...]) -> str:
    if fmt:
        return fmt
    if output in (None, "-"):
        return "txt"
    suffix = Path(output).suffix.casefold()
    found = {".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt", ".docx": "docx"}.get(
        suffix
    )
    if found is None or found not in allowed:
        ends = " ".join(f".{a}" for a in allowed)
        raise UserError(
            output, f"cannot tell the format from this name; end it in {ends} or give --format"
        )
    return found


def _emit(data: str | bytes, output: str | None, fmt: str, force: bool) -> None:
    from drafter.yamlio import atomic_write

    if output in (None, "-"):
        if isinstance(data, bytes):
            raise UserError(None, f"{fmt} is a binary format; write it to a file with -o FILE")
        _write(data)
        return
    _refuse_overwrite(output, force)
    atomic_write(output, data, overwrite=force)
    print(f"drafter: wrote {output} ({fmt})", file=sys.stderr)


def cmd_card(args: argparse.Namespace) -> int:
    from drafter.baseline import load_baseline
    from drafter.card import render_card
    from drafter.scoring import score

    rubric = _rubric(args)
    fmt = _output_format(args.output, args.format, ("md", "txt"))
    if args.output not in (None, "-"):
        _refuse_overwrite(args.output, args.force)
    proposed = load_baseline(args.file, rubric)
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
    _emit(render_card(fmt, card, rubric, baseline_card, name), args.output, fmt, args.force)
    return 0


def cmd_redline(args: argparse.Namespace) -> int:
    from drafter.analysis import read_statute
    from drafter.draft import load_draft
    from drafter.export import build_bill
    from drafter.language import load_language
    from drafter.redline import redline, render_redline

    rubric = _rubric(args)
    fmt = _output_format(args.output, args.format, ("md", "txt", "docx"))
    _refuse_overwrite(args.output, args.force)
    old = read_statute(args.old)
    draft = load_draft(args.file, rubric)
    try:
        bill = build_bill(draft, rubric, load_language(args.language))
    except UserError as exc:
        if exc.where is None:
            exc = UserError(args.file, exc.message)
        raise exc from None
    red = redline(old, bill)
    _emit(render_redline(red, fmt), args.output, fmt, args.force)
    return 0


def cmd_baseline(args: argparse.Namespace) -> int:
    from drafter.baseline import load_baseline
    from drafter.draft import draft_to_yaml

    rubric = _rubric(args)
    if args.save:
        _refuse_overwrite(args.save, args.force)
    base = load_baseline(args.file, rubric)
    draft = base.draft
    if not draft.jurisdiction and base.kind == "profile":
        draft = draft.model_copy(update={"jurisdiction": base.name})
    if args.save:
        _save_draft(draft, args.save, rubric, args.force)
    else:
        _write(draft_to_yaml(draft, rubric))
    return 0
