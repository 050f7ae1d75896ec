"""metric: a number measured per sentence, section or document, held to a threshold."""
from __future__ import annotations

import re

from ..patterns import compile_phrases
from ..document import LIST_ITEM, PARAGRAPH
from . import CheckKind, Hit

OPTIONS = {
    "measure": {"enum": ["words", "sentence-words", "reading-ease", "grade-level"],
                "description": "words: word count; sentence-words: words in one sentence; "
                               "reading-ease: Flesch reading ease (higher is easier); "
                               "grade-level: Flesch-Kincaid grade"},
    "scope": {"enum": ["sentence", "section", "document"], "default": "document"},
    "max": {"type": "number", "description": "fire when the value is above this"},
    "min": {"type": "number", "description": "fire when the value is below this"},
    "min-words": {"type": "integer", "minimum": 0, "default": 0,
                  "description": "ignore sections or documents shorter than this"},
    "skip-sections": {"type": "array", "items": {"type": "string"}, "default": [],
                      "description": "headings of sections not to measure (glossaries, references)"},
}

_ENDS_SENTENCE = re.compile(r"[.!?:;]['\")\u201d\u2019]*$")


def _prose_text(blocks) -> str:
    """Own paragraphs and list items, each ending as a sentence so lists are not run on."""
    parts = []
    for block in blocks:
        if block.kind in (PARAGRAPH, LIST_ITEM) and not block.quoted:
            text = " ".join(block.text.split())
            parts.append(text if _ENDS_SENTENCE.search(text) else text + ".")
    return " ".join(parts)


def _readability(measure: str, text: str) -> float:
    if measure == "reading-ease":
        from ..analysis.readability import reading_ease

        return round(reading_ease(text), 1)
    import textstat  # costs a noticeable fraction of a second: only load it when needed

    return round(textstat.flesch_kincaid_grade(text), 1)


def _value(measure: str, analysis, blocks) -> tuple[float, int]:
    text = _prose_text(blocks)
    words = len(analysis.words(text))
    if measure == "words":
        return words, words
    return _readability(measure, text), words


def _judge(value, options) -> dict | None:
    if options.get("max") is not None and value > options["max"]:
        return {"limit": options["max"]}
    if options.get("min") is not None and value < options["min"]:
        return {"limit": options["min"]}
    return None


def run(document, analysis, options):
    measure = options["measure"]
    scope = options["scope"]
    min_words = options["min-words"]
    if scope == "sentence":
        counting = measure in ("words", "sentence-words")
        most, least = options.get("max"), options.get("min")
        # In ASCII text a word is followed by a character that starts none, so a sentence
        # of n characters has at most (n + 1) // 2 words: short ones need no count.
        bounded = counting and least is None and most is not None
        for sentence in analysis.sentences:
            if sentence.block.quoted or (bounded and sentence.text.isascii()
                                         and (len(sentence.text) + 1) // 2 <= most):
                continue
            count = len(sentence.words)
            value = count if counting else _readability(measure, sentence.text)
            # Most sentences are within the limits: judged before the quote look-up.
            if (most is None or value <= most) and (least is None or value >= least):
                continue
            verdict = _judge(value, options)
            if verdict and count >= min_words \
                    and not analysis.in_quote(sentence.start, sentence.end):
                yield Hit(sentence.start, sentence.end,
                          {"value": value, "words": count, **verdict})
        return
    if scope == "document":
        value, words = (analysis.word_count, analysis.word_count) if measure == "words" else \
            _value(measure, analysis, analysis.prose_blocks)
        verdict = _judge(value, options)
        if verdict and words >= min_words:
            start, end = analysis.title_span
            yield Hit(start, end, {"value": value, "words": words, **verdict})
        return
    skip = compile_phrases(tuple(options["skip-sections"]))
    for section in document.sections:
        if skip is not None and skip.search(section.title):
            continue
        # Sections too short to measure are left before their readability is worked out.
        text = _prose_text(section.blocks)
        words = len(analysis.words(text))
        if words == 0 or words < min_words:
            continue
        value = words if measure == "words" else _readability(measure, text)
        verdict = _judge(value, options)
        if verdict:
            anchor = section.heading or section.blocks[0]
            end = anchor.start + len(anchor.text.split("\n")[0])
            yield Hit(anchor.start, end, {"value": value, "words": words,
                                          "section": section.title or "(untitled)", **verdict})


KIND = CheckKind("metric", run, {
    "type": "object", "properties": OPTIONS, "additionalProperties": False,
    "required": ["measure"], "anyOf": [{"required": ["max"]}, {"required": ["min"]}],
})
