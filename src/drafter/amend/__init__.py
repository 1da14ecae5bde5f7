"""Amending today's law in place: per provision keep, replace, strike or insert.

- `model`: the records (Amendment, Restated provisions of pieces, Change);
- `section`: today's section as the reader reads it (provisions, sentences, words);
- `clauses`: where a sentence is cut so an unchanged category's words stay;
- `fit`: the model language for a new tier, fitted to the section;
- `labels`: labels for new provisions that renumber nothing (or `in_place`);
- `today`: today's tiers (the profile's careful reading where it reads the text);
- `plan`: the planner, today's text and a draft in, an Amendment out;
- `restate`: today's provisions as pieces kept, struck and added, new ones placed;
- `references`, `renumber`: renumbering when it must, references kept pointing home;
- `bill`: the amending bill in the state's form around it;
- `source`: where a state's current text is (the shared atlas).

Pure Python; the documents are drafter.render.amendment.
"""

from drafter.amend.model import Action, Amendment, Change, Piece, Restated
from drafter.amend.plan import plan_amendment

__all__ = ["Action", "Amendment", "Change", "Piece", "Restated", "plan_amendment"]
