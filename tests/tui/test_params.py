"""Parameter values as typed: whole numbers, lists one item per line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.tui.params import ParamError, format_value, parse_value


def test_number_must_be_whole() -> None:
    assert parse_value("number", " 30 ") == 30
    for bad in ("3.5", "-2", "thirty", "1e3", "30 days"):
        with pytest.raises(ParamError, match="whole number"):
            parse_value("number", bad)


def test_blank_is_none_for_every_type() -> None:
    for ptype in ("text", "number", "list"):
        assert parse_value(ptype, "  ") is None


def test_list_is_one_item_per_line_and_commas_are_text() -> None:
    typed = "robbery under Section 29.02, Penal Code\r\ntheft; of services\n\n  \nloitering"
    assert parse_value("list", typed) == [
        "robbery under Section 29.02, Penal Code",
        "theft; of services",
        "loitering",
    ]


def test_text_is_kept_literally() -> None:
    assert parse_value("text", "  the [bold]circuit[/] court ") == "the [bold]circuit[/] court"


items = st.lists(
    st.text(alphabet=st.characters(blacklist_characters="\n\r", blacklist_categories=["Cs"]))
    .map(str.strip)
    .filter(bool),
    min_size=1,
    max_size=6,
)


@given(items)
def test_list_round_trips_through_the_input(values: list[str]) -> None:
    assert parse_value("list", format_value("list", values)) == values
