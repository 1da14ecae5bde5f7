"""The committee-file companion: each provision beside the rubric tier it earns.

Staff hand this to a committee with the bill: a table of provisions with their
category, tier, points, why and source; the tiers earned by saying nothing; the
points per category, totalling the printed score; the provisions every bill
carries, with why and source; the drafter's notes and what is still to settle.
The rows come from `Node.provenance` (every provision that earns, or under
minors-only coverage would earn, a tier), `Bill.silent` and `Node.basis`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from drafter.bill import Basis, Bill, Node, Provenance, walk
from drafter.render.layout import Numbering, clean, rubric_name, rubric_note, score_line


@dataclass(frozen=True, slots=True)
class Row:
    provision: str
    text: str
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class CategoryTotal:
    title: str
    tier_label: str
    points: int
    max: int


def _where(numbering: Numbering, number: str, node: Node) -> str:
    # The provision in words, as a cross-reference would name it, minus the
    # "of this section" a reference inside the statute needs.
    words = numbering.text(f"{{ref:{node.key}}}")
    return f"{number}, {words}" if number else words


#: The provision column of a tier earned by the absence of language.
SILENT = "(no provision: earned by saying nothing)"


@dataclass(frozen=True, slots=True)
class FrameRow:
    provision: str
    text: str
    basis: Basis


def why(p: Provenance) -> str:
    """A tier's note and source, as one cell."""
    detail = " ".join(x for x in (p.note, f"Source: {p.source}" if p.source else "") if x)
    return f"{p.tier_label} ({detail})" if detail else p.tier_label


def _provisions(bill: Bill) -> Iterator[tuple[str, str, Node]]:
    """Each statute provision as (where, its text, node), in reading order."""
    numbering = Numbering(bill)
    # References here stand outside the section, so drop the style's suffix.
    numbering.style = replace(bill.style, ref_suffix="")
    for section in bill.sections:
        statute = section.statute
        if statute is None:
            continue
        number = clean(statute.number)
        for node in walk(statute.body):
            if node.provenance or node.basis:
                yield _where(numbering, number, node), numbering.text(node.text), node


def rows(bill: Bill) -> list[Row]:
    """One row per (provision, tier) pair, in reading order, then the silent tiers."""
    out = [Row(where, text, p) for where, text, node in _provisions(bill) for p in node.provenance]
    out.extend(Row(SILENT, "", prov) for prov in bill.silent)
    return out


def frame_rows(bill: Bill) -> list[FrameRow]:
    """The provisions every bill carries (no tier), each with why and source."""
    return [FrameRow(where, text, b) for where, text, node in _provisions(bill) for b in node.basis]


def category_totals(found: list[Row]) -> list[CategoryTotal]:
    """Each category once (first provision wins), in the order the bill reaches it."""
    seen: dict[str, CategoryTotal] = {}
    for row in found:
        p = row.provenance
        if p.category not in seen:
            seen[p.category] = CategoryTotal(p.category_title, p.tier_label, p.points, p.max)
    return list(seen.values())


def _heading(bill: Bill) -> str:
    name = bill.short_title or "Bill"
    return f"Committee file: {name}" + (f" ({bill.jurisdiction})" if bill.jurisdiction else "")


def render_annotated_markdown(bill: Bill) -> str:
    """The companion as Markdown tables."""
    from drafter.render.markdown import escape, escape_inline

    found = rows(bill)
    totals = category_totals(found)
    lines = [
        f"# {escape_inline(_heading(bill))}",
        "",
        f"Scored against **{escape_inline(rubric_name(bill))}**"
        + (f": **{escape_inline(score_line(bill))}**." if bill.score is not None else "."),
        "",
        "## Provisions and the tiers they earn",
        "",
    ]
    if found:
        lines += ["| Provision | Text | Category | Tier | Points |", "|---|---|---|---|---|"]
        for row in found:
            p = row.provenance
            tier = escape_inline(why(p))
            lines.append(
                f"| {escape_inline(row.provision)} | {escape_inline(row.text)} "
                f"| {escape_inline(p.category_title)} | {tier} | {p.points} / {p.max} |"
            )
    else:
        lines.append("No provision in this bill is linked to a rubric tier.")
    lines += ["", "## Points by category", ""]
    if totals:
        lines += ["| Category | Tier | Points |", "|---|---|---|"]
        for t in totals:
            lines.append(
                f"| {escape_inline(t.title)} | {escape_inline(t.tier_label)} "
                f"| {t.points} / {t.max} |"
            )
        # Tiers earned by silence are rows too, so this totals the printed score.
        lines.append(f"| **Total** | | **{sum(t.points for t in totals)}** |")
    if bill.score is not None:
        lines += ["", f"Score on the whole rubric: **{escape_inline(score_line(bill))}**"]
    frame = frame_rows(bill)
    if frame:
        lines += ["", "## Provisions in every bill", ""]
        lines += ["| Provision | Text | Why | Source |", "|---|---|---|---|"]
        for r in frame:
            lines.append(
                f"| {escape_inline(r.provision)} | {escape_inline(r.text)} "
                f"| {escape_inline(r.basis.note)} | {escape_inline(r.basis.source)} |"
            )
    if bill.notes:
        lines += ["", "## Drafter's notes", ""]
        lines += [f"- {escape(n)}" for n in bill.notes]
    if bill.warnings:
        lines += ["", "## Still to settle", ""]
        lines += [f"- {escape(w.text)}" for w in bill.warnings]
    lines += ["", "---", "", f"*{escape(rubric_note(bill))}*", ""]
    return "\n".join(lines)


def render_annotated_docx(bill: Bill) -> bytes:
    """The companion as a Word document with tables."""
    from docx.shared import Pt

    from drafter.render.docx import new_document, set_properties, to_bytes
    from drafter.render.layout import xml_safe

    found = rows(bill)
    totals = category_totals(found)
    document = new_document()
    set_properties(document, bill, title=_heading(bill))
    document.add_heading(xml_safe(_heading(bill)), level=1)
    summary = f"Scored against {rubric_name(bill)}"
    summary += f": {score_line(bill)}." if bill.score is not None else "."
    document.add_paragraph(xml_safe(summary))

    def table(header: list[str], body: list[list[str]]) -> None:
        grid = document.add_table(rows=1, cols=len(header))
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, header, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(text).bold = True
        for values in body:
            cells = grid.add_row().cells
            for cell, text in zip(cells, values, strict=True):
                cell.text = xml_safe(text)
        for row in grid.rows:
            for cell in row.cells:
                for para in cell.paragraphs:
                    for run in para.runs:
                        run.font.size = Pt(10)

    document.add_heading("Provisions and the tiers they earn", level=2)
    if found:
        table(
            ["Provision", "Text", "Category", "Tier", "Points"],
            [
                [
                    r.provision,
                    r.text,
                    r.provenance.category_title,
                    why(r.provenance),
                    f"{r.provenance.points} / {r.provenance.max}",
                ]
                for r in found
            ],
        )
    else:
        document.add_paragraph("No provision in this bill is linked to a rubric tier.")
    document.add_heading("Points by category", level=2)
    if totals:
        table(
            ["Category", "Tier", "Points"],
            [[t.title, t.tier_label, f"{t.points} / {t.max}"] for t in totals]
            + [["Total", "", str(sum(t.points for t in totals))]],
        )
    if bill.score is not None:
        document.add_paragraph(xml_safe(f"Score on the whole rubric: {score_line(bill)}"))
    frame = frame_rows(bill)
    if frame:
        document.add_heading("Provisions in every bill", level=2)
        table(
            ["Provision", "Text", "Why", "Source"],
            [[r.provision, r.text, r.basis.note, r.basis.source] for r in frame],
        )
    if bill.notes:
        document.add_heading("Drafter's notes", level=2)
        for text in bill.notes:
            document.add_paragraph(xml_safe(clean(text)), style="List Bullet")
    if bill.warnings:
        document.add_heading("Still to settle", level=2)
        for warning in bill.warnings:
            document.add_paragraph(xml_safe(clean(warning.text)), style="List Bullet")
    closing = document.add_paragraph()
    closing.add_run(xml_safe(rubric_note(bill))).italic = True
    return to_bytes(document)
