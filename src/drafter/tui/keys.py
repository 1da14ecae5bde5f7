"""The wizard's key model, in one place.

Letters and digits are commands only where there is nothing to type: the
outline and the tier list carry those bindings, so inside a step's form (its
fields and buttons) every printable key is text or nothing. Everywhere,
commands stay reachable by ctrl keys that reach the app in tmux and in
browsers (ctrl+n, ctrl+t and ctrl+w belong to the browser; ctrl+b to tmux),
and by the palette (ctrl+p).
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import ActiveBinding, Binding

#: On the outline and the tier cards: a printable key per command.
LETTER_COMMANDS: list[Binding] = [
    Binding("n", "screen.next", "Next"),
    Binding("p", "screen.prev", "Prev"),
    # One footer entry for all digits; the screen shows its key as "1-N".
    Binding("1", "screen.choose(0)", "Choose"),
    *[Binding(str(i + 1), f"screen.choose({i})", "Choose", show=False) for i in range(1, 9)],
    Binding("s", "screen.toggle_side", "Score"),
    Binding("r", "screen.review", "Review"),
    # In the palette and the README, not the footer: at 80 columns the footer
    # would otherwise push out ^e Export.
    Binding("a", "app.advice", "Advice", show=False),
]

#: On the wizard screen: the same commands by ctrl keys, from anywhere.
CTRL_COMMANDS: list[Binding] = [
    Binding("ctrl+down", "next", "Next", key_display="^↓", priority=True),
    Binding("ctrl+up", "prev", "Prev", key_display="^↑", priority=True),
    Binding("ctrl+r", "review", "Review", priority=True),
    Binding("ctrl+g", "app.advice", "Advice", show=False, priority=True),
]


def bare(action: str) -> str:
    """An action without its namespace: `screen.next` and `next` are one command."""
    return action.removeprefix("screen.").removeprefix("app.")


#: The footer's order, whichever widget's bindings come first in the chain.
FOOTER_FIRST = (
    *("escape", "n", "p", "1", "s", "r"),
    *("ctrl+down", "ctrl+up", "ctrl+r", "ctrl+s", "ctrl+e"),
)


def footer_bindings(bindings: dict[str, ActiveBinding], choose: str) -> dict[str, ActiveBinding]:
    """The wizard's footer: one key per command, the one that works here.

    Where a letter is a command (outline, tier list) the footer shows the
    letter; in the form, the ctrl key. The digits read as `choose` ("1-N").
    """
    letters = {bare(b.binding.action) for key, b in bindings.items() if len(key) == 1}
    shown: dict[str, ActiveBinding] = {}
    for key, active in bindings.items():
        binding = active.binding
        if key.startswith("ctrl+") and bare(binding.action) in letters:
            binding = replace(binding, show=False)
        elif binding.action == "screen.choose(0)":
            binding = replace(binding, key_display=choose)
        shown[key] = active._replace(binding=binding)
    # The way out of the form first, then the commands, then save and export.
    first = [k for k in FOOTER_FIRST if k in shown]
    return {k: shown[k] for k in [*first, *(k for k in shown if k not in first)]}
