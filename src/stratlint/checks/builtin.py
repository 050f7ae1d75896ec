"""builtin: rules whose findings the engine itself raises (unreadable files, schema errors,
unused suppressions). Declaring them in the pack gives them a code, severity and rationale."""
from __future__ import annotations

from . import CheckKind


def run(document, analysis, options):
    return ()


KIND = CheckKind("builtin", run, {"type": "object", "additionalProperties": False,
                                   "properties": {}})
