"""claimclf: therapeutic vs purely cosmetic, read from a claim's justification."""

__version__ = "0.1.0"
