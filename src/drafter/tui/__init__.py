"""The Textual app. The only part of drafter that imports textual."""

from __future__ import annotations


def run_app(
    mode: str,
    path: str | None = None,
    jurisdiction: str | None = None,
    rubric_path: str | None = None,
    served: bool = False,
) -> int:
    """Run the wizard: mode is "start", "new" or "open" (with `path`).

    `served` marks a browser session of `drafter serve`: exports reach the user
    as downloads and no file path reaches outside the session's own folder.
    """
    from drafter.tui.app import DrafterApp

    app = DrafterApp(mode=mode, path=path, jurisdiction=jurisdiction, rubric_path=rubric_path)
    app.served = served
    app.run()
    return app.return_code or 0
