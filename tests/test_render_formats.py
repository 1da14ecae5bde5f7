"""The format table, file-name detection, and the import rule for renderers."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT
from drafter.errors import UserError
from drafter.render import BILL_FORMATS
from render_fixtures import sample_bill


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("bill.txt", "txt"),
        ("bill.md", "md"),
        ("out/Bill.DOCX", "docx"),
        ("bill.xml", "xml"),
        ("bill.akn", "xml"),
        ("bill.json", "json"),
        ("bill.annotated.md", "annotated.md"),
        ("bill.annotated.docx", "annotated.docx"),
        ("my.bill.md", "md"),
    ],
)
def test_format_for_path(path: str, fmt: str) -> None:
    assert BILL_FORMATS.for_path(path).name == fmt


@pytest.mark.parametrize("path", ["bill.pdf", "bill", ".md"])
def test_unknown_extension_is_a_user_error(path: str) -> None:
    with pytest.raises(UserError, match="cannot tell the format"):
        BILL_FORMATS.for_path(path)


@pytest.mark.parametrize("fmt", BILL_FORMATS.names)
def test_every_format_renders_and_names_the_rubric(fmt: str) -> None:
    out = BILL_FORMATS.render(sample_bill(name="missouri"), fmt)
    assert isinstance(out, bytes) == BILL_FORMATS[fmt].binary
    if isinstance(out, str):
        assert "polaris-2019" in out


def test_unknown_format() -> None:
    with pytest.raises(UserError, match="unknown format 'pdf' for a bill"):
        BILL_FORMATS.render(sample_bill(), "pdf")


def test_renderers_load_docx_and_lxml_only_when_used() -> None:
    code = (
        "import json, sys\n"
        "import drafter.render, drafter.render.text, drafter.render.markdown\n"
        "import drafter.render.docx, drafter.render.akn, drafter.render.annotated\n"
        "import drafter.render.json_tree, drafter.jurisdiction\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'textual', 'docx', 'lxml'})))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []
