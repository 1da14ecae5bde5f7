"""The command palette (ctrl+p): go to any step, save, export, review, theme.

What it offers follows where the user is: the draft commands appear only
once a draft is open.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from drafter.tui.core import COVERAGE, DraftView

#: A palette entry: its name, what it does, and its help line.
Command = tuple[str, Callable[[], object], str]


class OwnCommands:
    """A screen with commands of its own (the facilitator's view): listed first."""

    def palette(self) -> list[Command]:
        """This screen's entries in the command palette (ctrl+p)."""
        return []


class DrafterCommands(Provider):
    """drafter's commands first, then Textual's system ones."""

    def _commands(self) -> list[Command]:
        from drafter.tui.app import DrafterApp

        app = self.app
        assert isinstance(app, DrafterApp)
        out: list[Command] = []
        if isinstance(self.screen, OwnCommands):
            out += self.screen.palette()
        if app.draft is not None:
            out += [
                ("Save draft", app.action_save, "Save the draft file (ctrl+s)"),
                ("Save draft as…", app.action_save_as, "Save the draft under a new name"),
                ("Export bill…", app.action_export, "txt, md, docx, xml, json, annotated (ctrl+e)"),
                ("Review the bill", app.action_review, "The whole bill, the score, what is left"),
            ]
            if app.session.current_law is not None:
                out.append(
                    (
                        "Export the amending bill, redline or card…",
                        app.action_export_amending,
                        f"Amend {app.session.current_law.name} in place (drafter amend)",
                    )
                )
            out += [
                ("Advice: what raises the grade", app.action_advice, "Ranked changes (a)"),
            ]
            view = app.view
            for index, step in enumerate(app.engine.steps):
                out.append(
                    (
                        f"Go to {index + 1}. {step.title}",
                        partial(app.goto, step.id),
                        _step_status(view, step.id) if view is not None else "",
                    )
                )
        out += [
            ("Switch theme: light / dark", app.action_toggle_dark, "Toggle light and dark"),
            ("New, open or recent draft…", app.action_start_screen, "The start screen"),
        ]
        # Textual's own (theme picker, keys, screenshot, quit) come last, from this
        # provider too: the palette lists providers in whatever order they answer.
        for command in app.get_system_commands(self.screen):
            if command.discover:
                out.append((command.title, command.callback, command.help))
        return out

    async def discover(self) -> Hits:
        for name, command, help_text in self._commands():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help_text in self._commands():
            match = matcher.match(name)
            if match > 0:
                yield Hit(match, matcher.highlight(name), command, help=help_text)


def _step_status(view: DraftView, step_id: str) -> str:
    """What a step holds now: its points, or that it is open."""
    if step_id == COVERAGE:
        return f"Coverage: {view.draft.coverage}"
    cat = view.card.category(step_id)
    if cat.open:
        return "Not answered yet"
    return f"{cat.tier_label}: {cat.points} of {cat.max} points"
