"""The YAML gate every file passes: limits, safety, encodings, atomic writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import write
from drafter.errors import UserError
from drafter.yamlio import MAX_FILE_BYTES, atomic_write, dump_yaml, load_yaml, parse_yaml


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"a: [1, 2\n", "not valid YAML"),
        (b"\x00\x01\x02binary", "binary"),
        (b"a: \xff\xfe\n", "not UTF-8"),
        (b"a: !!python/object:os.system {}\n", "not allowed"),
        (b"a: !!python/name:os.system\n", "not allowed"),
        (b"a: &x [1]\nb: *x\n", "aliases"),
        (b"a: 1\na: 2\n", "duplicate key 'a'"),
        (b"[" * 200 + b"]" * 200, "nested too deeply"),
        (b"a: " + b"{b: " * 40 + b"1" + b"}" * 40 + b"\n", "nested too deeply"),
        (b"a: !custom 3\n", "not allowed"),
    ],
)
def test_hostile_yaml_is_refused(tmp_path: Path, content: bytes, message: str) -> None:
    with pytest.raises(UserError) as info:
        load_yaml(write(tmp_path, "f.yaml", content))
    assert message in info.value.message


def test_alias_bomb_is_refused_before_expansion(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(UserError, match="aliases"):
        load_yaml(write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n"))


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(UserError, match="over the"):
        load_yaml(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such"):
        load_yaml(tmp_path / "nope.yaml")
    with pytest.raises(UserError, match="is a directory"):
        load_yaml(tmp_path)


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    doc = load_yaml(write(tmp_path, "f.yaml", b"\xef\xbb\xbfa: 1\r\nb:\r\n  c: two\r\n"))
    assert doc.data == {"a": 1, "b": {"c": "two"}}
    assert doc.line_of(("b", "c")) == 3


def test_lines_are_tracked_for_nested_values() -> None:
    doc = parse_yaml("top:\n  list:\n    - x\n    - y: 1\n", "mem")
    assert doc.line_of(("top", "list", 1, "y")) == 4
    assert doc.line_of(("top", "list", 0)) == 3
    assert doc.line_of(("top", "missing", "deeper")) == 1


def test_dump_uses_block_scalars_for_multiline() -> None:
    text = dump_yaml({"b": "one\ntwo\n", "a": 1})
    assert text.startswith("b: |\n  one\n  two\na: 1\n")


def test_atomic_write_replaces_whole_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    atomic_write(target, "new text")
    assert target.read_text() == "new text"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_atomic_write_refuses_to_overwrite_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(UserError, match="--force"):
        atomic_write(target, "new", overwrite=False)
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_atomic_write_into_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        atomic_write(tmp_path / "no" / "out.txt", "x")
