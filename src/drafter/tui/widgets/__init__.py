"""The wizard's pieces, one module each."""
