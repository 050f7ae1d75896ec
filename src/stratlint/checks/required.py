"""required: evidence that must appear somewhere, as a section heading or in the text."""
from __future__ import annotations

from ..analysis.terms import compile_patterns, compile_phrases
from ..document import HEADING
from ..structured import filled, is_structured
from . import CheckKind, Hit
from .matching import iter_matches

OPTIONS = {
    "headings": {"type": "array", "items": {"type": "string", "minLength": 1},
                 "description": "phrases that satisfy the rule when they appear in a heading"},
    "heading-patterns": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "phrases": {"type": "array", "items": {"type": "string", "minLength": 1},
                "description": "phrases that satisfy the rule when they appear in the text"},
    "patterns": {"type": "array", "items": {"type": "string", "minLength": 1},
                 "description": "regular expressions that satisfy the rule in the text"},
    "min-matches": {"type": "integer", "minimum": 1, "default": 1,
                    "description": "how many text matches count as evidence"},
    "fields": {"type": "array", "items": {"type": "string"},
               "description": "front matter or structured fields that satisfy it when filled"},
    "evidence": {"type": "string",
                 "description": "what would satisfy the rule, for the message ({evidence})"},
    "exceptions": {"type": "array", "items": {"type": "string", "minLength": 1},
                   "description": "phrases that contain an evidence phrase but are not evidence"},
    "ignore-case": {"type": "boolean", "default": True},
    "include-quotes": {"type": "boolean", "default": False},
    "skip-negated": {"type": "boolean", "default": False},
}


def _has_field(document, fields) -> bool:
    for source in (document.front_matter, document.data):
        if isinstance(source, dict) and any(filled(source.get(f)) for f in fields):
            return True
    return False


def _first_text(value) -> str:
    """The first text in a field's value: a string, a list's first entry, or a mapping's
    first string (its name, risk, what ...), for quoting as evidence."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return _first_text(value[0]) if value else ""
    if isinstance(value, dict):
        return next((text for text in map(_first_text, value.values()) if text), "")
    return "" if value is None else str(value)


def _exact(document, options) -> bool:
    """A structured strategy with fields named: the fields alone decide, not the prose."""
    return bool(options.get("fields")) and is_structured(document)


def _written_headings(document, analysis) -> list:
    """Headings whose section holds more than placeholders: an unwritten section such as
    '## What we will not do' over '[TODO: ...]' is not evidence yet."""
    headings = []
    for section in document.sections:
        heading = section.heading
        if heading is None or heading.quoted:
            continue
        if analysis.placeholder_spans and analysis.only_placeholders(document.subtree(section)):
            continue
        headings.append(heading)
    return headings


def _heading_patterns(options) -> list:
    """The compiled heading phrases and heading patterns of a rule's options."""
    ignore_case = options.get("ignore-case", True)
    return [r for r in (
        compile_phrases(tuple(options.get("headings", ())), ignore_case),
        compile_patterns(tuple(options.get("heading-patterns", ())), ignore_case),
    ) if r is not None]


def satisfied(document, analysis, options) -> bool:
    """Whether the document holds the evidence the options ask for."""
    if _exact(document, options):
        return _has_field(document, options["fields"])
    if _has_field(document, options.get("fields", ())):
        return True
    heading_res = _heading_patterns(options)
    for block in _written_headings(document, analysis):
        if any(r.search(block.text) for r in heading_res):
            return True
    if not (options.get("phrases") or options.get("patterns")):
        return False
    body = [b for b in analysis.text_blocks if b.kind != HEADING]
    need = options.get("min-matches", 1)
    found = 0
    # Only the number of matches counts, so the cheap phrases are counted first: they
    # often settle it before the pack's slower patterns run on a single block.
    for only in ({"tokens": options.get("phrases", ()), "patterns": ()}, {"tokens": ()}):
        for _ in iter_matches(document, analysis, {**options, **only}, blocks=body):
            found += 1
            if found >= need:
                return True
    return False


def run(document, analysis, options):
    if not analysis.text_blocks or satisfied(document, analysis, options):
        return
    start, end = analysis.title_span
    evidence = options.get("evidence", "a section on this")
    if _exact(document, options):
        # A field that is there but empty ("not_doing: []") is pointed at; a missing one is
        # reported at the top, like missing prose.
        node = next((document.nodes.get((f,)) for f in options["fields"]
                     if (f,) in document.nodes), None)
        if node is not None:
            start, end = node.key_start, node.key_end
        evidence = f"{evidence} (in the '{options['fields'][0]}' field)"
    yield Hit(start, end, {"evidence": evidence})


KIND = CheckKind("required", run, {
    "type": "object", "properties": OPTIONS, "additionalProperties": False,
    "anyOf": [{"required": ["headings"]}, {"required": ["phrases"]},
              {"required": ["patterns"]}, {"required": ["heading-patterns"]},
              {"required": ["fields"]}],
})


def locate(document, analysis, options, limit: int = 1) -> list[tuple[str, int, int, str]]:
    """Where the evidence the options ask for is, for reports that quote it.

    Returns up to `limit` (kind, start, end, text) tuples, kind being "field", "heading" or
    "text", looked for in the same order and with the same matching as `satisfied`: a filled
    front matter or structured field, then a heading, then phrases and patterns in the text
    (text matches are returned only when there are at least min-matches of them).
    """
    found: list[tuple[str, int, int, str]] = []
    for source in (document.front_matter, document.data):
        if not isinstance(source, dict):
            continue
        for name in options.get("fields", ()):
            value = source.get(name)
            if not filled(value) or len(found) >= limit:
                continue
            shown = _first_text(value)
            label = f"{name} ({len(value)} entries)" if isinstance(value, (list, dict)) \
                and len(value) > 1 else name
            # Point at the first entry of a list, else at the field's key.
            node = document.nodes.get((name, 0)) or document.nodes.get((name,))
            at = (node.start if (name, 0) in document.nodes else node.key_start) if node \
                else max(document.text.find(f"{name}:"), 0)
            found.append(("field", at, at + len(name), f"{label}: {shown}" if shown else label))
    if found or _exact(document, options):
        return found
    heading_res = _heading_patterns(options)
    for block in _written_headings(document, analysis):
        if any(r.search(block.text) for r in heading_res):
            found.append(("heading", block.start, block.end, block.title))
            if len(found) >= limit:
                return found
    if found or not (options.get("phrases") or options.get("patterns")):
        return found
    body = [b for b in analysis.text_blocks if b.kind != HEADING]
    need = options.get("min-matches", 1)
    count = 0
    for block, start, _end, _text in iter_matches(
            document, analysis, {**options, "tokens": options.get("phrases", ())}, blocks=body):
        count += 1
        sentence = analysis.sentence_at(start)
        if sentence is not None:
            span = ("text", sentence.start, sentence.end, " ".join(sentence.text.split()))
        else:
            span = ("text", block.start, block.end, block.title)
        if len(found) < limit and all(f[1] != span[1] for f in found):
            found.append(span)
        if count >= need and len(found) >= limit:
            break
    return found if count >= need else []
