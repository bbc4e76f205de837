"""claimcheck: an offline fact-check and claim consistency checker.

``from checker import check``: see :func:`checker.api.check`. Imported on first use, so that
``import checker`` (and ``claimcheck --version``) stays cheap.
"""

__version__ = "0.1.0"

__all__ = ["__version__", "check"]


def __getattr__(name: str):
    if name == "check":
        from .api import check

        return check
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
