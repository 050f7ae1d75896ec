"""similarity: stock phrases in one document, and passages shared between documents of a run.

This is a run-scope check: it sees every document checked together, so an assurance team
checking many organisations' strategies at once learns which ones share text.
"""
from __future__ import annotations

import re
import zlib

from . import CheckKind, Hit
from .occurrence import OPTIONS as OCCURRENCE_OPTIONS, run as run_occurrence
from .matching import phrase_schema

OPTIONS = {
    **{k: v for k, v in OCCURRENCE_OPTIONS.items() if k in ("max",)},
    "shingle-words": {"type": "integer", "minimum": 4, "default": 8,
                      "description": "length of the word runs compared between documents"},
    "min-shared-words": {"type": "integer", "minimum": 5, "default": 40,
                         "description": "how many words of shared text make a finding"},
}

_WORD = re.compile(r"[a-z0-9']+")


def _word_code(word: str) -> int:
    # crc32, not hash(): string hashes change from process to process, and a document's
    # summary may come from the results cache or from another worker.
    return zlib.crc32(word.encode("utf-8"))


def _shingles(analysis, size: int) -> dict[int, tuple[int, int]]:
    """Every run of `size` words in the document's own prose, as a stable number mapped to
    the span of its first appearance."""
    runs: dict[int, tuple[int, int]] = {}
    for block in analysis.prose_blocks:
        if block.quoted:
            continue
        words = [(_word_code(m.group(0)), m.start(), m.end())
                 for m in _WORD.finditer(block.text.lower())]
        codes = [code for code, _, _ in words]
        for i in range(len(words) - size + 1):
            # A tuple of ints hashes the same in every process (only str hashing is salted).
            key = hash(tuple(codes[i:i + size]))
            runs.setdefault(key, (block.start + words[i][1], block.start + words[i + size - 1][2]))
    return runs


def _shared_spans(mine: dict, shared: set, size: int) -> list[tuple[int, int, int, list]]:
    """Merge overlapping shared runs into (start, end, words, runs) passages."""
    spans = sorted((mine[key], key) for key in shared)
    merged: list[list] = []
    for (start, end), key in spans:
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] += 1
            merged[-1][3].append(key)
        else:
            merged.append([start, end, size, [key]])
    return [tuple(item) for item in merged]


def _phrase_options(options):
    return {k: v for k, v in options.items() if k not in ("shingle-words", "min-shared-words")}


def prepare(document, analysis, options) -> dict:
    """What run() needs from one document, as plain data (it may be cached between runs):
    its stock-phrase hits and its numbered word runs."""
    phrases = [[hit.start, hit.end, dict(hit.args)]
               for hit in run_occurrence(document, analysis, _phrase_options(options))]
    runs = _shingles(analysis, options.get("shingle-words", 8))
    return {"phrases": phrases, "shingles": [[key, start, end]
                                             for key, (start, end) in runs.items()]}


def run(items, options):
    """items: list of (document, prepare()'s summary). Yields (path, Hit)."""
    for document, summary in items:
        for start, end, args in summary["phrases"]:
            detail = f"stock phrase '{args['match']}' (one of {args['count']} here)"
            yield document.path, Hit(start, end, {**args, "detail": detail})
    size = options.get("shingle-words", 8)
    least = options.get("min-shared-words", 40)
    if len(items) < 2:
        return
    shingles = [{key: (start, end) for key, start, end in summary["shingles"]}
                for _document, summary in items]
    # One index from each word run to the documents holding it keeps this linear in the
    # total text: each document's shared passages are found once, not once per other file.
    holders: dict[int, list[int]] = {}
    for index, runs in enumerate(shingles):
        for key in runs:
            holders.setdefault(key, []).append(index)
    for i, (document, _summary) in enumerate(items):
        shared = {key for key in shingles[i] if len(holders[key]) > 1}
        for start, end, words, keys in _shared_spans(shingles[i], shared, size):
            if words < least:
                continue
            others = sorted({items[j][0].path for key in keys for j in holders[key] if j != i}
                            - {document.path})
            if not others:
                continue
            more = f" and {len(others) - 1} other document{'s' if len(others) > 2 else ''}" \
                if len(others) > 1 else ""
            detail = f"about {words} words are the same as in {others[0]}{more}"
            yield document.path, Hit(start, end, {
                "detail": detail, "other": others[0], "others": len(others), "words": words,
                "match": document.text[start:end][:60]})


KIND = CheckKind("similarity", run, {
    **phrase_schema(OPTIONS),
}, scope="run", prepare=prepare)
