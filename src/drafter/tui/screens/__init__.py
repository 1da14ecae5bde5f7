"""The wizard's screens: start, wizard, review, and the dialogs."""
