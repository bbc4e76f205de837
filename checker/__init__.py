"""claimcheck: an offline fact-check and claim consistency checker."""

__version__ = "0.1.0"
