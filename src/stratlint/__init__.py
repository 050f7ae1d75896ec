"""stratlint: lint digital strategy documents against 'Building a digital strategy'."""
from .findings import Finding, Severity

__version__ = "0.1.0"
__all__ = ["lint_text", "lint_paths", "Finding", "Severity", "__version__"]


def __getattr__(name: str):
    # The API loads the engine, readers and rules: only import it when it is used, so that
    # `stratlint --version` and `stratlint rules` start quickly.
    if name in ("lint_text", "lint_paths"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'stratlint' has no attribute {name!r}")
