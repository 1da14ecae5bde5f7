"""The advocates' commands: analyze, advise, card, redline, baseline, rank with profiles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, write
from drafter.draft import load_draft
from drafter.rubric import load_rubric

CORPUS = ROOT / "tests" / "corpus"
# Statute-like texts of our own (real law is read from ../shared, never copied).
CT = str(CORPUS / "R21-discretion-heard-no-veto.txt")
MO_TEXT = str(CORPUS / "R20-rsmo-minors-expungement.txt")
MISSOURI = str(EXAMPLES / "missouri-2019.yaml")
STRONG = str(EXAMPLES / "strong-b.yaml")


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("drafter: error: ")
    return lines[0]


# --- analyze ---------------------------------------------------------------------------


def test_analyze_prints_findings_and_the_implied_score(run_cli) -> None:
    r = run_cli("analyze", CT)
    assert r.code == 0
    assert "Relief statute: yes" in r.out
    assert "Vacatur" in r.out and "clear" in r.out and "by absence" in r.out
    assert "IMPLIED SCORE" in r.out
    assert re.search(r'"[^"\n]+" \[\d+:\d+\]', r.out)  # a quote with its offsets


def test_analyze_json(run_cli) -> None:
    r = run_cli("analyze", CT, "--json")
    data = json.loads(r.out)
    assert data["format"] == "drafter/analysis@1"
    assert len(data["findings"]) == 11
    text = Path(CT).read_text(encoding="utf-8")
    for f in data["findings"]:
        assert f["confidence"] in ("clear", "ambiguous", "by absence", "not found")
        for e in f["evidence"]:
            assert text[e["start"] : e["end"]] == e["quote"]
    assert data["score"]["format"] == "drafter/score@2"
    assert data["coverage"]["tier"] == "adults"


def test_analyze_save_writes_a_draft_and_never_overwrites(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "ct.yaml"
    r = run_cli("analyze", CT, "--save", str(out), "--jurisdiction", "Connecticut")
    assert r.code == 0 and out.is_file()
    draft = load_draft(out, load_rubric())
    assert draft.jurisdiction == "Connecticut"
    assert draft.choices["range_of_relief"] == "vacatur"
    assert "hearing_requirement" not in draft.choices  # not found: left open
    before = out.read_text(encoding="utf-8")
    r = run_cli("analyze", CT, "--save", str(out))
    assert r.code == 2
    assert "already exists; use --force" in one_error_line(r.err)
    assert out.read_text(encoding="utf-8") == before
    assert run_cli("analyze", MO_TEXT, "--draft-out", str(out), "--force").code == 0
    assert load_draft(out, load_rubric()).coverage == "minors_only"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such"),
        ("law.pdf", b"%PDF", "cannot read .pdf"),
        ("law.docx", b"nope", "not a Word .docx file"),
        ("law.txt", b"\x00\x00", "binary"),
    ],
)
def test_analyze_errors_are_one_line(run_cli, tmp_path: Path, name, content, message) -> None:
    path = tmp_path / name if content is None else write(tmp_path, name, content)
    r = run_cli("analyze", str(path))
    assert r.code == 2
    assert message in one_error_line(r.err)


def test_analyze_reads_standard_input(monkeypatch, run_cli) -> None:
    import io
    import sys

    text = Path(MO_TEXT).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    r = run_cli("analyze", "-")
    assert r.code == 0
    assert "pasted text" in r.out and "minors" in r.out


# --- advise ------------------------------------------------------------------------------


def test_advise_missouri_to_b(run_cli) -> None:
    r = run_cli("advise", MISSOURI, "--target", "B")
    assert r.code == 0
    assert r.out.index("FIRST: extend relief") < r.out.index("THEN")
    assert "TARGET B (80+): 7 changes, reaching 80 (B)" in r.out
    plan = r.out[r.out.index("TARGET") :]
    assert plan.splitlines()[1].strip().startswith("1. Coverage")


def test_advise_json_and_locks(run_cli) -> None:
    r = run_cli(
        "advise", MISSOURI, "--target", "D", "--lock", "offenses_covered", "--lock",
        "nexus_to_trafficking", "--json",
    )  # fmt: skip
    data = json.loads(r.out)
    assert data["locked"] == ["offenses_covered", "nexus_to_trafficking"]
    proposed = {c["category"] for c in data["changes"]} | {
        c["category"] for c in data["plan"]["changes"]
    }
    assert not proposed & {"offenses_covered", "nexus_to_trafficking"}
    assert data["plan"]["changes"][0]["category"] == "coverage"


def test_advise_from_a_profile_and_a_statute(run_cli) -> None:
    r = run_cli("advise", "Missouri", "--target", "C", "--top", "2")
    assert r.code == 0 and r.out.startswith("Missouri: 0 / 100")
    assert "more (leave out --top" in r.out
    r = run_cli("advise", MO_TEXT, "--json")
    assert json.loads(r.out)["coverage"]["from"] == "minors_only"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lock", "nexus"], "cannot lock 'nexus'"),
        (["--target", "Q"], "unknown target grade 'Q'"),
        (["--top", "0"], "--top must be 1 or more"),
    ],
)
def test_advise_user_errors(run_cli, args, message) -> None:
    r = run_cli("advise", MISSOURI, *args)
    assert r.code == 2
    assert message in one_error_line(r.err)


def test_advise_unknown_source_and_profile_without_law(run_cli, tmp_path: Path) -> None:
    r = run_cli("advise", "Atlantis")
    assert r.code == 2 and "not a jurisdiction profile" in one_error_line(r.err)
    r = run_cli("advise", "generic")
    assert r.code == 2 and "no current law recorded" in one_error_line(r.err)


# --- card ----------------------------------------------------------------------------------


def test_card_to_stdout_and_files(run_cli, tmp_path: Path) -> None:
    r = run_cli("card", MISSOURI)
    assert r.code == 0 and r.out.startswith("Missouri\n") and "AWARDED POINTS" in r.out
    out = tmp_path / "card.md"
    r = run_cli("card", STRONG, "--baseline", "missouri", "-o", str(out))
    assert r.code == 0
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Missouri") and "| Category | Current | Proposed | Change |" in md
    r = run_cli("card", STRONG, "-o", str(out))
    assert r.code == 2 and "already exists" in one_error_line(r.err)
    assert run_cli("card", STRONG, "-o", str(out), "--force").code == 0
    r = run_cli("card", STRONG, "-o", str(tmp_path / "card.pdf"))
    assert r.code == 2 and "cannot tell the format" in one_error_line(r.err)
    r = run_cli("card", STRONG, "--format", "md")
    assert r.out.startswith("# Draft")


def test_card_with_a_statute_baseline(run_cli) -> None:
    r = run_cli("card", STRONG, "--baseline", MO_TEXT)
    assert r.code == 0 and "CURRENT" in r.out and "PROPOSED" in r.out


@pytest.mark.parametrize("command", ["advise", "card"])
def test_a_missing_web_page_is_a_missing_file_not_a_jurisdiction(run_cli, command) -> None:
    # A statute saved as a web page is read like any statute file (drafter.statute_kinds),
    # so a wrong path says the page is missing rather than that no state has that name.
    args = (
        [command, "nope.html"]
        if command == "advise"
        else [command, STRONG, "--baseline", "nope.html"]
    )
    r = run_cli(*args)
    assert r.code == 2
    assert "no such web page" in one_error_line(r.err)


def test_the_no_such_file_hint_names_every_statute_ending(run_cli) -> None:
    r = run_cli("advise", "nope")
    assert r.code == 2
    line = one_error_line(r.err)
    assert "not a jurisdiction profile's name" in line
    for ending in (".txt", ".md", ".docx", ".html"):
        assert ending in line


# --- redline -------------------------------------------------------------------------------


@pytest.fixture
def proposal(tmp_path: Path) -> Path:
    choices = "\n".join(f"  {c.id}: {c.statute_tiers[-1].id}" for c in load_rubric().categories)
    return write(
        tmp_path,
        "mo.yaml",
        "format: drafter/1\njurisdiction: Missouri\nbill: {action: reenact, section: '610.131', "
        f"chapter: '610'}}\ncoverage: adults\nchoices:\n{choices}\nparameters: {{}}\n",
    )


@pytest.mark.parametrize("ext", ["md", "txt", "docx"])
def test_redline_writes_each_format(run_cli, tmp_path: Path, proposal: Path, ext: str) -> None:
    out = tmp_path / f"red.{ext}"
    r = run_cli("redline", MO_TEXT, str(proposal), "-o", str(out))
    assert r.code == 0, r.err
    data = out.read_bytes()
    if ext == "md":
        assert b"**\\[" in data and b"bold brackets" in data
    elif ext == "txt":
        assert b"{+" in data
    else:
        assert data[:2] == b"PK"
    r = run_cli("redline", MO_TEXT, str(proposal), "-o", str(out))
    assert r.code == 2 and "already exists" in one_error_line(r.err)


def test_redline_errors(run_cli, tmp_path: Path, proposal: Path) -> None:
    r = run_cli("redline", str(tmp_path / "none.txt"), str(proposal), "-o", "-")
    assert r.code == 2 and "no such" in one_error_line(r.err)
    r = run_cli("redline", MO_TEXT, str(proposal), "-o", "-", "--format", "docx")
    assert r.code == 2 and "binary format" in one_error_line(r.err)
    r = run_cli("redline", MO_TEXT, str(proposal), "-o", str(tmp_path / "x.rtf"))
    assert r.code == 2 and "cannot tell the format" in one_error_line(r.err)
    r = run_cli("redline", MO_TEXT, str(proposal), "-o", "-")
    assert r.code == 0 and "Section A." in r.out


# --- baseline and rank --------------------------------------------------------------------


def test_baseline_prints_or_saves_the_current_law(run_cli, tmp_path: Path) -> None:
    r = run_cli("baseline", "new-york")
    assert r.code == 0
    assert "jurisdiction: New York" in r.out and "nexus_to_trafficking: as_a_result" in r.out
    out = tmp_path / "ne.yaml"
    any_offense = str(CORPUS / "R19-broken-lines-any-offense.txt")
    assert run_cli("baseline", any_offense, "--save", str(out)).code == 0
    assert load_draft(out, load_rubric()).choices["offenses_covered"] == "all_offenses"


def test_rank_accepts_profiles_and_keeps_draft_errors(run_cli) -> None:
    r = run_cli("rank", STRONG, "missouri", "New York")
    assert r.code == 0
    lines = r.out.splitlines()
    # New York's full reading (90) now ranks above the strong draft (89).
    assert lines[1].split()[:3] == ["1", "New", "York"]
    assert lines[2].split()[:2] == ["2", "strong-b"]
    assert lines[3].startswith("*") and "Missouri" in lines[3]
    r = run_cli("rank", STRONG, "missing.yaml")
    assert r.code == 2
    assert (
        one_error_line(r.err) == "drafter: error: missing.yaml: no such draft file; check the path"
    )
