"""JSON export: the tree with resolved labels and references."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings

from drafter.bill import Bill
from drafter.render.json_tree import render_json
from render_fixtures import bills, sample_bill


def test_sample_bill_json() -> None:
    data = json.loads(render_json(sample_bill(name="missouri")))
    assert data["format"] == "drafter/bill@2"
    assert data["rubric"] == {"id": "polaris-2019", "title": "Polaris 2019"}
    assert data["score"] == "97 / 100, A"
    assert data["country"] == "us-mo"
    first = data["sections"][0]
    assert first["label"] == "Section A."
    statute = first["statute"]
    assert statute["heading_line"] == "610.132."  # Missouri bills print no catchline
    body = statute["body"]
    assert [n["label"] for n in body][:3] == ["1.", "2.", "3."]
    assert body[0]["children"][1]["label"] == "(2)"
    # Headings stay in the tree even where the printed law omits them.
    assert body[1]["heading"] == "Motion to vacate"
    assert (
        body[2]["text"]
        == "A motion under subsection 2 of this section may be made for any offense."
    )
    assert body[1]["provenance"][0]["category"] == "arrests_and_adjudications"
    assert data["sections"][1]["statute"] is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bills())
def test_property_json_parses(bill: Bill) -> None:
    out = render_json(bill)
    data = json.loads(out)
    assert data["format"] == "drafter/bill@2"
    assert "{ref:" not in out
    assert len(data["sections"]) == len(bill.sections)
