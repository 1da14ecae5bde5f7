"""No blanket error handling in src/: only errors a user can cause become messages.

A handler for Exception/BaseException (or a bare except) is allowed only when
it re-raises (cleanup on the way out, as atomic_write does).
"""

from __future__ import annotations

import ast

from conftest import ROOT

BLANKET = {"Exception", "BaseException"}


def _blanket(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(n, ast.Name) and n.id in BLANKET for n in names)


def test_no_blanket_except_hides_a_bug() -> None:
    offenders = []
    for path in sorted((ROOT / "src" / "drafter").rglob("*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ExceptHandler) and _blanket(node):
                reraises = any(isinstance(n, ast.Raise) and n.exc is None for n in node.body)
                if not reraises:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
