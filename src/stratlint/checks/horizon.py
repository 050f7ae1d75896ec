"""horizon: the period a strategy covers is too long for technology plans."""
from __future__ import annotations

from . import CheckKind, Hit

OPTIONS = {
    "max-horizon-years": {"type": "integer", "minimum": 1, "default": 5,
                          "description": "the longest period a digital strategy should cover"},
}


def run(document, analysis, options):
    period = analysis.period
    limit = options["max-horizon-years"]
    if period is not None and period.years > limit:
        yield Hit(period.start, period.end, {"years": period.years, "limit": limit,
                                             "match": period.evidence})


def describe(options) -> str:
    limit = options["max-horizon-years"]
    return ("The period the strategy covers: a period field or the title ('2025 to 2028'); a "
            "year range or length in a sentence naming this plan, anywhere in the text "
            "('our Digital Strategy 2025-2035', 'a 10-year digital journey'); 'by 2035' in a "
            "sentence about this plan; and the furthest year a vision or ambition is set for "
            "('Vision 2035'), counted from the document's own year. Whichever reaches "
            f"furthest decides; more than {limit} years fires. A forecast about the world "
            "('over the next decade demand will grow') and another body's plan ('the NHS Long "
            "Term Plan') are not this plan's period.")


KIND = CheckKind("horizon", run, {"type": "object", "properties": OPTIONS,
                                  "additionalProperties": False}, describe=describe)
