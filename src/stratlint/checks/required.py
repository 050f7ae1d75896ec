"""required: evidence that must appear somewhere, as a section heading or in the text."""
from __future__ import annotations

from ..analysis.terms import compile_patterns, compile_phrases
from ..document import HEADING
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


def _filled(value) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)


def _has_field(document, fields) -> bool:
    for source in (document.front_matter, document.data):
        if isinstance(source, dict) and any(_filled(source.get(f)) for f in fields):
            return True
    return False


def satisfied(document, analysis, options) -> bool:
    """Whether the document holds the evidence the options ask for."""
    if _has_field(document, options.get("fields", ())):
        return True
    ignore_case = options.get("ignore-case", True)
    heading_res = [r for r in (
        compile_phrases(tuple(options.get("headings", ())), ignore_case),
        compile_patterns(tuple(options.get("heading-patterns", ())), ignore_case),
    ) if r is not None]
    for block in analysis.text_blocks:
        if block.kind == HEADING and not block.quoted:
            if any(r.search(block.text) for r in heading_res):
                return True
    if not (options.get("phrases") or options.get("patterns")):
        return False
    body = [b for b in analysis.text_blocks if b.kind != HEADING]
    need = options.get("min-matches", 1)
    found = 0
    for _ in iter_matches(document, analysis,
                          {**options, "tokens": options.get("phrases", ())}, blocks=body):
        found += 1
        if found >= need:
            return True
    return False


def run(document, analysis, options):
    if not analysis.text_blocks or satisfied(document, analysis, options):
        return
    start, end = analysis.title_span
    yield Hit(start, end, {"evidence": options.get("evidence", "a section on this")})


KIND = CheckKind("required", run, {
    "type": "object", "properties": OPTIONS, "additionalProperties": False,
    "anyOf": [{"required": ["headings"]}, {"required": ["phrases"]},
              {"required": ["patterns"]}, {"required": ["heading-patterns"]},
              {"required": ["fields"]}],
})
