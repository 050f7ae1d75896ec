"""commitments: count the strategy's commitments and test each for the parts of a good one."""
from __future__ import annotations

from ..patterns import compile_phrases
from ..document import HEADING, PARAGRAPH
from . import CheckKind, Hit

OPTIONS = {
    "aspect": {"enum": ["count", "measure", "date", "owner", "solution", "priorities"],
               "description": "count: too many commitments; measure/date/owner: a commitment "
                              "lacks that part; solution: it names a product or technology; "
                              "priorities: many commitments and no sign of choosing"},
    "max-commitments": {"type": "integer", "minimum": 1, "default": 12},
    "min-commitments": {"type": "integer", "minimum": 1, "default": 10,
                        "description": "for aspect priorities: how many make a long list"},
    "solution-terms": {"type": "array", "items": {"type": "string"}, "default": [],
                       "description": "products and technologies a commitment should not name"},
    "priority-phrases": {"type": "array", "items": {"type": "string"}, "default": [],
                         "description": "words that show the list has been prioritised"},
    "max-item-findings": {"type": "integer", "minimum": 0, "default": 5,
                          "description": "for aspects measure, date and owner: above this many "
                                         "commitments lacking the part, one finding for the "
                                         "document counts them instead"},
}

_MISSING = {"measure": "has_measure", "date": "has_date", "owner": "has_owner"}


def run(document, analysis, options):
    aspect = options["aspect"]
    found = analysis.commitments
    if aspect == "count":
        from ..analysis.commitments import stated_count

        limit = options["max-commitments"]
        count = max(len(found), stated_count(analysis))
        if count > limit:
            yield _whole(document, analysis, found, {"count": count, "limit": limit})
        return
    if aspect == "priorities":
        if len(found) >= options["min-commitments"] and not _prioritised(
                document, analysis, found, options):
            yield _whole(document, analysis, found, {"count": len(found)})
        return
    if aspect == "solution":
        terms = compile_phrases(tuple(options["solution-terms"]), True)
        if terms is None:
            return
        for commitment in found:
            for lo, hi in commitment.parts or ((commitment.start, commitment.end),):
                match = terms.search(document.text, lo, hi)
                if match:
                    yield Hit(match.start(), match.end(),
                              {"match": match.group(0), "commitment": commitment.summary})
                    break
        return
    yield from _gaps(document, analysis, found, aspect, options)


# What each part is called in messages, in the order they are named.
_PART_NAMES = {"measure": "a measure or target", "date": "a date or timescale",
               "owner": "a named owner"}


def _lacks(commitment) -> list[str]:
    return [name for part, name in _PART_NAMES.items()
            if not getattr(commitment, _MISSING[part])]


def _gaps(document, analysis, found, aspect, options):
    """One finding per commitment lacking this part, naming every part it lacks (so the
    engine keeps one of the identical findings of the three part rules); or, when many
    lack it, one finding for the document that counts them and says where the first are."""
    attribute = _MISSING[aspect]
    lacking = [c for c in found if not getattr(c, attribute)]
    if not lacking:
        return
    if len(lacking) > options["max-item-findings"]:
        lines = [document.position(c.start)[0] for c in lacking]
        shown = ", ".join(map(str, lines[:5])) + (", ..." if len(lines) > 5 else "")
        hit = _whole(document, analysis, found, {
            "subject": f"{len(lacking)} of {len(found)} commitments (lines {shown})",
            "lacks": f"have no {_PART_NAMES[aspect][2:]}", "commitment": lacking[0].summary,
            "match": lacking[0].summary})
        yield hit
        return
    for commitment in lacking:
        lacks = _lacks(commitment)
        said = (f"has no {lacks[0][2:]}" if len(lacks) == 1
                else "lacks " + ", ".join(lacks[:-1]) + " and " + lacks[-1])
        yield Hit(commitment.start, commitment.end, {
            "subject": f"Commitment '{commitment.summary}'", "lacks": said,
            "commitment": commitment.summary, "match": commitment.summary})


def _prioritised(document, analysis, found, options) -> bool:
    """A long list shows priorities when most items are dated at different times, when a heading says
    how it is ordered or what is left out, or when the commitments themselves say so.
    Priority words elsewhere in the text are too common to count."""
    dated = [c.when for c in found if c.when]
    if len(dated) >= len(found) / 2 and len(set(dated)) >= 2:
        return True   # phased: most items dated, and not all to one deadline
    phrases = compile_phrases(tuple(options["priority-phrases"]))
    if phrases is None:
        return False
    headings = [b.text for b in analysis.text_blocks if b.kind == HEADING and not b.quoted]
    sections = {c.section for c in found if c.section}
    lead_ins = [b.text for s in document.sections if s.title in sections for b in s.blocks
                if b.kind == PARAGRAPH]
    texts = headings + lead_ins + [c.text for c in found]
    return any(phrases.search(text) for text in texts)


def _whole(document, analysis, found, args) -> Hit:
    """Point at the commitments section's heading when there is one, else the title."""
    section = found[0].section if found else ""
    for candidate in document.sections:
        if section and candidate.title == section and candidate.heading is not None:
            heading = candidate.heading
            return Hit(heading.start, heading.end, args)
    start, end = analysis.title_span
    return Hit(start, end, args)


_UNIT = ("A commitment is one top-level item: a structured commitment, an 'Action 3: ...' "
         "heading, a bulleted or numbered item or table row in a section named for "
         "commitments, actions or a roadmap (else under 'Priority 1' or 'Mission 2' headings, "
         "or in a list of instructions), or, where there is none of these, a 'we will' "
         "sentence of the author's own outside the vision, values, principles and outcomes. "
         "A sentence saying how many actions this document sets out counts too.")
_PARTS = {"measure": "a number, a percentage, a from-and-to, 'every ward' or a named "
                     "measure; an item number ('1.2') or '5 enablers' is not one",
          "date": "a month and year, a quarter, a financial year or a timescale",
          "owner": "a named role, team or person ('Owner: Director of Operations', 'led by "
                   "the Chief Nurse'); the lead named for a theme or workstream owns its items"}


def describe(options) -> str:
    aspect = options["aspect"]
    if aspect in _PARTS:
        limit = options["max-item-findings"]
        return (f"{_UNIT} The part looked for is {_PARTS[aspect]}. It may sit in the item, "
                "the headings above it ('By March 2026'), a lead line under those headings, "
                "its lead-in sentence or its table row. Each commitment gets one finding "
                f"naming everything it lacks; when more than {limit} lack this part, one "
                "finding counts them and gives the first lines.")
    if aspect == "count":
        return f"{_UNIT} Fires when there are more than max-commitments."
    if aspect == "priorities":
        return (f"{_UNIT} A long list shows its priorities when most items are dated at "
                "different times, or a heading or the items say how they are ordered.")
    return f"{_UNIT} Fires when a commitment names a product or technology from the list."


KIND = CheckKind("commitments", run, {"type": "object", "properties": OPTIONS,
                                      "additionalProperties": False, "required": ["aspect"]},
                 describe=describe)
