"""horizon: the period a strategy covers is too long for technology plans."""
from __future__ import annotations

from . import CheckKind, Hit

OPTIONS = {
    "max-horizon-years": {"type": "integer", "minimum": 1, "default": 5,
                          "description": "the longest period a digital strategy should cover"},
}


def run(document, analysis, options):
    period = analysis.period
    limit = options.get("max-horizon-years", 5)
    if period is not None and period.years > limit:
        yield Hit(period.start, period.end, {"years": period.years, "limit": limit,
                                             "match": period.evidence})


KIND = CheckKind("horizon", run, {"type": "object", "properties": OPTIONS,
                                  "additionalProperties": False})
