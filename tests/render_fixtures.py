"""Bills built by hand, so the renderers can be developed and tested on their own.

`sample_bill(profile)` is a realistic vacatur bill in a profile's style: a new
section with alphabetized definitions, nine headed subsections (one with
paragraphs and subparagraphs), cross-references, provenance, and closing bill
sections. `bills()` is a hypothesis strategy for random Bills (depth <= 3, text
with markup-like characters) for the property tests.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from drafter.bill import Bill, BillSection, Node, Provenance, StatuteSection, Style
from drafter.jurisdiction import Profile, load_profile
from drafter.notice import Notice
from drafter.scoring import Standing
from drafter.wording import Wording

SECTION_NUMBERS = {
    "missouri": ("610.132", "610"),
    "texas": ("55A.0101", "55A"),
    "new-york": ("440.65", "440"),
    "generic": ("[SECTION]", "[CHAPTER]"),
}


def _prov(category: str, title: str, tier: str, label: str, points: int, top: int) -> Provenance:
    return Provenance(category, title, tier, label, points, top)


RANGE = _prov(
    "range_of_relief", "Range of Relief", "vacatur_on_merits", "Vacatur on the merits", 10, 10
)
ARRESTS = _prov(
    "arrests_and_adjudications",
    "Arrests and Adjudications Relief",
    "comprehensive",
    "Arrests, adjudications and other records",
    10,
    10,
)
OFFENSES = _prov("offenses_covered", "Offenses Covered", "all_offenses", "All offenses", 30, 30)
NEXUS = _prov(
    "nexus_to_trafficking", "Nexus to Trafficking", "as_a_result", '"as a result"', 10, 10
)
TIME = _prov("time_limits", "Time Limits and Wait Times", "no_limit", "No time limit", 8, 8)
HEARING = _prov(
    "hearing_requirement",
    "Hearing Requirement",
    "opposed_waivable",
    "Only if opposed, presence waivable",
    4,
    5,
)
BURDEN = _prov(
    "burden_of_proof", "Burden of Proof", "preponderance", "Preponderance of the evidence", 5, 5
)
DOCS = _prov(
    "official_documentation",
    "Official Documentation",
    "presumption",
    "Presumption of eligibility",
    5,
    5,
)
CONFIDENTIAL = _prov(
    "confidentiality", "Confidentiality", "express", "Express confidentiality", 5, 5
)
DISCRETION = _prov(
    "judicial_discretion",
    "Judicial Discretion",
    "additional_action",
    "Over objection, and additional action",
    10,
    10,
)


def statute_body(style: Style, lead: str | None = None) -> tuple[Node, ...]:
    """The enacted section: definitions first (alphabetized), then the procedure."""
    definitions = Node(
        "definitions",
        lead or style.definitions_lead,
        heading="Definitions",
        children=(
            Node(
                "definitions.human_trafficking",
                '"Human trafficking" means conduct prohibited by [TRAFFICKING_STATUTE] or by '
                "the federal Trafficking Victims Protection Act, 22 U.S.C. 7101 et seq.",
            ),
            Node(
                "definitions.official_documentation",
                '"Official documentation" means a record from a federal, state, tribal or local '
                "government agency, or a sworn statement from a victim service provider, "
                "stating that the movant was a victim of human trafficking.",
            ),
            Node(
                "definitions.trafficking_survivor",
                '"Trafficking survivor" means a person who was a victim of human trafficking, '
                "whatever the person's age at the time.",
            ),
        ),
    )
    return (
        definitions,
        Node(
            "motion",
            "A person arrested for, charged with, adjudicated for or convicted of an offense "
            "may move the court in which the matter was heard, or the circuit court, to vacate "
            "the arrest, charge, adjudication or conviction if the person's participation in "
            "the offense was a result of having been a trafficking survivor.",
            heading="Motion to vacate",
            provenance=(ARRESTS, NEXUS),
        ),
        Node(
            "offenses",
            "A motion under {ref:motion} may be made for any offense.",
            heading="Offenses covered",
            provenance=(OFFENSES,),
        ),
        Node(
            "time",
            "A motion under this section may be made at any time, and no waiting period applies.",
            heading="Time of motion",
            provenance=(TIME,),
        ),
        Node(
            "contents",
            "The motion shall:",
            heading="Contents of motion",
            children=(
                Node("contents.writing", "be in writing and signed by the movant;"),
                Node(
                    "contents.grounds",
                    "describe the offense and the grounds for relief; and",
                ),
                Node(
                    "contents.documentation",
                    "be accompanied by any official documentation the movant has, as defined "
                    "in {ref:definitions.official_documentation}.",
                ),
            ),
        ),
        Node(
            "documentation",
            "Official documentation creates a presumption that the movant's participation in "
            "the offense was a result of having been a trafficking survivor. Official "
            "documentation is not required to obtain relief under this section.",
            heading="Official documentation",
            provenance=(DOCS,),
        ),
        Node(
            "hearing",
            "The court may grant a motion without a hearing. If the prosecuting attorney "
            "opposes the motion within thirty days after it is served, the court shall hold a "
            "hearing, at which the movant may appear by counsel or by remote means.",
            heading="Hearing",
            provenance=(HEARING,),
        ),
        Node(
            "burden",
            "The movant shall prove the grounds for relief by a preponderance of the evidence.",
            heading="Standard of proof",
            provenance=(BURDEN,),
        ),
        Node(
            "relief",
            "If the court finds that the movant has met the requirements of {ref:motion}, the "
            "court shall:",
            heading="Relief",
            provenance=(RANGE, DISCRETION),
            children=(
                Node("relief.vacate", "vacate the conviction, adjudication or arrest;"),
                Node(
                    "relief.records",
                    "order every agency holding a record of the matter to:",
                    children=(
                        Node("relief.records.seal", "seal the record; and"),
                        Node(
                            "relief.records.notify",
                            "notify the court that it has done so within sixty days; and",
                        ),
                    ),
                ),
                Node(
                    "relief.other",
                    "grant any other relief needed to restore the movant, including relief "
                    "described in {ref:relief.records.seal}.",
                ),
            ),
            tail="An order under this subsection is a final, appealable order.",
        ),
        Node(
            "confidentiality",
            "The motion, any official documentation and every record of a proceeding under "
            "this section are confidential and shall not be open to the public. <Records> "
            "[bold] & the like are sealed under {ref:relief}.",
            heading="Confidentiality",
            provenance=(CONFIDENTIAL,),
        ),
    )


def sample_bill(profile: Profile | None = None, name: str | None = None) -> Bill:
    """A realistic bill in `profile`'s style (the generic profile by default)."""
    profile = profile or load_profile(name)
    style = profile.style()
    number, chapter = SECTION_NUMBERS.get(profile.id, ("[SECTION]", "[CHAPTER]"))
    code = profile.defaults.get("code", "[CODE]")
    unit = profile.unit(code)
    # As the assembler does: an article of Texas's Code of Criminal Procedure
    # is headed "Art.", a section of any other code "Sec.".
    heading_format = profile.style_spec.unit_heading_formats.get(unit)
    if heading_format:
        style = replace(style, section_heading_format=heading_format)
    values = {
        "unit": unit.capitalize(),
        "history": "[HISTORY]",
        "subject": "criminal record relief for survivors of human trafficking",
        "section": number,
        "chapter": chapter,
        "code": profile.defaults.get("code", "[CODE]"),
        "state": profile.state if "{" not in profile.state else "[STATE]",
        "year": profile.defaults.get("year", "[YEAR]"),
        "effective_date": "[EFFECTIVE_DATE]",
    }
    sections = [
        BillSection(
            "enact",
            profile.instruction.new.format(**values),
            StatuteSection(
                number,
                "Vacatur for survivors of human trafficking",
                statute_body(style, Wording(unit=unit).statute(style.definitions_lead)),
            ),
        ),
        BillSection(
            "applicability",
            "This act applies to an arrest, charge, adjudication or conviction that occurred "
            "before, on or after its effective date.",
        ),
    ]
    if profile.closing.severability and profile.closing.severability_text:
        sections.append(BillSection("severability", profile.closing.severability_text))
    if profile.closing.effective_date:
        sections.append(
            BillSection("effective_date", profile.closing.effective_date.format(**values))
        )
    warnings = (
        Notice(
            "unfilled_parameter",
            "trafficking_statute",
            "The parameter trafficking_statute is empty; the bill shows [TRAFFICKING_STATUTE].",
        ),
    )
    return Bill(
        jurisdiction=profile.name,
        country=profile.country,
        style=style,
        title=tuple(line.format(**values) for line in profile.title.new),
        enacting_clause=profile.enacting_clause.format(**values),
        sections=tuple(sections),
        rubric_id="polaris-2019",
        rubric_title="Polaris 2019",
        score=Standing(97, 100, "A", True, False),
        warnings=warnings,
        short_title="Criminal record relief for survivors of human trafficking",
        date="2026-11-25",
        page=profile.page,
    )


# --- random bills for property tests -----------------------------------------

# Markup-like characters on purpose: brackets, angle brackets, ampersands,
# asterisks, braces and backslashes must reach every format as plain text.
_ALPHABET = st.sampled_from(list("abcdefghij klmnop ABC XYZ 0123 .,;:'\"()[]{}<>&*_#|\\/-—§é\n\t"))
_TEXT = st.text(_ALPHABET, min_size=0, max_size=80)
_WORDY = st.one_of(
    _TEXT,
    st.sampled_from(["[bold]", "<&>", "**not bold**", "<b>x</b>", "&amp;", "{x}", "`code`"]),
)


@st.composite
def texts(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(_WORDY, min_size=0, max_size=4)))


@st.composite
def _nodes(draw: st.DrawFn, prefix: str, depth: int, keys: list[str]) -> tuple[Node, ...]:
    count = draw(st.integers(min_value=1, max_value=4))
    out = []
    for i in range(count):
        key = f"{prefix}n{i}"
        keys.append(key)
        children: tuple[Node, ...] = ()
        if depth < 3 and draw(st.booleans()):
            children = draw(_nodes(f"{key}.", depth + 1, keys))
        text = draw(texts())
        if keys and draw(st.booleans()):
            # A reference to any node numbered so far (siblings, parents, cousins).
            text += " under {ref:" + draw(st.sampled_from(keys)) + "}"
        heading = draw(st.one_of(st.none(), texts()))
        tail = draw(texts()) if children and draw(st.booleans()) else ""
        provenance = (NEXUS,) if draw(st.booleans()) else ()
        out.append(Node(key, text, heading, children, tail, provenance))
    return tuple(out)


@st.composite
def bills(draw: st.DrawFn, profiles: list[Profile] | None = None) -> Bill:
    """A random Bill: random tree, random text, any shipped profile's style."""
    from drafter.jurisdiction import list_profiles

    profile = draw(st.sampled_from(profiles or list_profiles()))
    keys: list[str] = []
    body = draw(_nodes("", 0, keys))
    heading = draw(texts().filter(lambda t: t.strip() != ""))
    sections = [
        BillSection("enact", draw(texts()), StatuteSection(draw(texts()) or "1", heading, body))
    ]
    for i in range(draw(st.integers(0, 3))):
        sections.append(BillSection(f"extra{i}", draw(texts())))
    return Bill(
        jurisdiction=profile.name,
        country=profile.country,
        style=profile.style(),
        title=tuple(draw(st.lists(texts(), min_size=1, max_size=3))),
        enacting_clause=draw(texts()),
        sections=tuple(sections),
        rubric_id="polaris-2019",
        rubric_title=draw(texts()),
        score=Standing(
            draw(st.integers(0, 100)), 100, draw(texts()), draw(st.booleans()), draw(st.booleans())
        ),
        warnings=tuple(
            Notice("unfilled_parameter", None, text) for text in draw(st.lists(texts(), max_size=2))
        ),
        short_title=draw(texts()),
        date=draw(st.sampled_from(["", "2026-11-25"])),
    )
