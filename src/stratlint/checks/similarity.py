"""similarity: stock phrases in one document, and passages shared between documents of a run.

This is a run-scope check: it sees every document checked together, so an assurance team
checking many organisations' strategies at once learns which ones share text.
"""
from __future__ import annotations

import base64
import re
import zlib
from array import array
from collections import Counter

from dataclasses import dataclass
from typing import Mapping

from . import CheckKind, Hit, with_defaults
from .occurrence import KIND as OCCURRENCE, OPTIONS as OCCURRENCE_OPTIONS, Occurrence
from .matching import phrase_schema

OPTIONS = {
    **{k: v for k, v in OCCURRENCE_OPTIONS.items() if k in ("max",)},
    "shingle-words": {"type": "integer", "minimum": 4, "default": 8,
                      "description": "length of the word runs compared between documents"},
    "min-shared-words": {"type": "integer", "minimum": 5, "default": 40,
                         "description": "how many words of shared text make a finding"},
}

# Matched case-blind on the text itself (lower-casing first can change its length, and
# then the offsets).
_WORD = re.compile(r"[a-z0-9']+", re.IGNORECASE | re.ASCII)
_SPAN = re.Match.span
_GROUP = re.Match.group


def _shingles(analysis, size: int) -> tuple[array, array]:
    """Every run of `size` words in the document's own prose, as a stable number, with the
    (start, end) of its first appearance; in document order. Written as whole-list
    operations: this runs once per word of every document."""
    keys: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    for block in analysis.prose_blocks:
        if block.quoted:
            continue
        found = list(_WORD.finditer(block.text))
        if len(found) < size:
            continue
        places = list(map(_SPAN, found))
        # crc32, not hash(), for each word: string hashes change from process to process,
        # and a summary may come from the results cache or another worker. A tuple of ints
        # then hashes the same everywhere.
        codes = list(map(zlib.crc32, map(str.encode, map(str.lower, map(_GROUP, found)))))
        keys.extend(map(hash, zip(*[codes[j:] for j in range(size)])))
        starts.extend(block.start + lo for lo, _hi in places[:len(places) - size + 1])
        ends.extend(block.start + hi for _lo, hi in places[size - 1:])
    # Key -> index of its first appearance: later duplicates are overwritten by earlier ones.
    first = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1)))
    order = sorted(first.values())
    spans = array("q", [0]) * (2 * len(order))
    spans[0::2] = array("q", map(starts.__getitem__, order))
    spans[1::2] = array("q", map(ends.__getitem__, order))
    return array("q", map(keys.__getitem__, order)), spans


def _pack(numbers: array) -> str:
    return base64.b64encode(numbers.tobytes()).decode("ascii")


def _unpack(text: str) -> array:
    numbers = array("q")
    numbers.frombytes(base64.b64decode(text))
    return numbers


def _passages(keys: array, spans: array, shared: set, size: int) -> list[tuple]:
    """Merge this document's overlapping shared runs into (start, end, words, runs)."""
    merged: list[list] = []
    last_end = -2
    for index in [i for i, key in enumerate(keys) if key in shared]:
        start, end = spans[2 * index], spans[2 * index + 1]
        if start <= last_end + 1:
            passage = merged[-1]
            passage[2] += 1
            passage[3].append(keys[index])
            if end > last_end:
                passage[1] = last_end = end
        else:
            merged.append([start, end, size, [keys[index]]])
            last_end = end
    return [tuple(item) for item in merged]


@dataclass(frozen=True)
class Similarity:
    stock_phrases: Occurrence
    size: int      # words in a compared run
    least: int     # shared words that make a finding

    @property
    def phrase_sets(self):
        return self.stock_phrases.phrase_sets

    def summarise(self, document, analysis) -> dict:
        """What compare() needs from one document, as plain data (it may be cached between
        runs): its stock-phrase hits and its numbered word runs (packed: one per word)."""
        phrases = [[hit.start, hit.end, dict(hit.args)]
                   for hit in self.stock_phrases.run(document, analysis)]
        keys, spans = _shingles(analysis, self.size)
        return {"phrases": phrases, "keys": _pack(keys), "spans": _pack(spans)}

    def compare(self, items):
        """items: list of (document, summary). Yields (path, Hit)."""
        return _compare(items, self.size, self.least)


def _compare(items, size: int, least: int):
    for document, summary in items:
        for start, end, args in summary["phrases"]:
            detail = f"stock phrase '{args['match']}' (one of {args['count']} here)"
            yield document.path, Hit(start, end, {**args, "detail": detail})
    if len(items) < 2:
        return
    keys = [_unpack(summary["keys"]) for _document, summary in items]
    # Counting every run once, then indexing only the runs held by more than one document,
    # keeps this linear in the total text (and cheap when little is shared).
    counts: Counter = Counter()
    for document_keys in keys:
        counts.update(document_keys)
    shared = {key for key, count in counts.items() if count > 1}
    holders: dict[int, list[int]] = {}
    mine_shared = []
    for index, document_keys in enumerate(keys):
        mine = shared.intersection(document_keys)
        mine_shared.append(mine)
        for key in mine:
            holders.setdefault(key, []).append(index)
    for i, (document, summary) in enumerate(items):
        if not mine_shared[i]:
            continue
        spans = _unpack(summary["spans"])
        for start, end, words, runs in _passages(keys[i], spans, mine_shared[i], size):
            if words < least:
                continue
            holding: set[int] = set()
            for key in runs:
                holding.update(holders[key])
            others = sorted({items[j][0].path for j in holding} - {document.path})
            if not others:
                continue
            more = f" and {len(others) - 1} other document{'s' if len(others) > 2 else ''}" \
                if len(others) > 1 else ""
            detail = f"about {words} words are the same as in {others[0]}{more}"
            yield document.path, Hit(start, end, {
                "detail": detail, "other": others[0], "others": len(others), "words": words,
                "match": document.text[start:end][:60]})


def compile(options: Mapping, trusted: bool) -> Similarity:
    phrase_options = {k: v for k, v in options.items()
                      if k not in ("shingle-words", "min-shared-words")}
    stock_phrases = OCCURRENCE.compile(
        with_defaults(OCCURRENCE.options_schema, phrase_options), trusted)
    return Similarity(stock_phrases, options["shingle-words"],
                      options["min-shared-words"])


KIND = CheckKind("similarity", options_schema=phrase_schema(OPTIONS), scope="run",
                 compile=compile)
