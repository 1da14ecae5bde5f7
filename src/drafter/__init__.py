"""drafter: draft criminal record relief statutes for survivors of human trafficking."""

__version__ = "0.1.0"
