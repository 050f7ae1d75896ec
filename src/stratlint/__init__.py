"""stratlint: lint digital strategy documents against 'Building a digital strategy'."""
from .api import lint_paths, lint_text
from .findings import Finding, Severity

__version__ = "0.1.0"
__all__ = ["lint_text", "lint_paths", "Finding", "Severity", "__version__"]
