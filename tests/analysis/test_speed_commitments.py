"""The faster ways of matching in the commitments analysis give exactly the slow ways' answers."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from stratlint.analysis import commitments as C
from stratlint import patterns as terms
from stratlint.patterns import FOLD_TO_ASCII, fold

ROOT = Path(__file__).resolve().parents[2]


def _texts():
    """Sentences and lines from the examples and the test corpus, in several casings, plus
    a few made-up edge cases."""
    lines = []
    for folder in (ROOT / "examples", ROOT / "tests" / "corpus"):
        for path in sorted(folder.rglob("*.md"))[:60]:
            text = path.read_text(encoding="utf-8", errors="replace")
            lines += [s for s in re.split(r"(?<=[.!?])\s+|\n", text) if s.strip()]
    extra = ["Owned by Sam, by Q3 2025", "LED BY THE DIGITAL TEAM IN Q1 2026", "Dr. smith",
             "within TWO WEEKS", "Phase 2 of 10", "\u212aPI target \u017fame day", "GPs 3 per cent",
             "Led by the İnformation team", "by end of The Year", "50% by 2027/28",
             "This Strategy CONTAINS 14 Actions", "We Will not", "WE'LL deliver",
             "We\u2019ll deliver", "Our \u017ftrategy has 12 actions"]
    return lines + extra + [t.upper() for t in lines[:2000]] + [t.title() for t in lines[:2000]]


FOLDED = ["MEASURE", "DATE", "OWNER", "PROMISE", "STATED_COUNT"]


@pytest.mark.parametrize("name", FOLDED)
def test_folded_search_finds_the_same_spans(name):
    folded = getattr(C, name)
    for text in _texts():
        # Typographic quotes and dashes are matched as their plain twins (terms.plain).
        plain = terms.plain(text)
        fast, slow = folded.search(text), folded.regex.search(plain)
        assert (fast and fast.span()) == (slow and slow.span()), text
        if fast:
            assert fast.group(0).lower() == slow.group(0).lower(), text
        fast = [(m.span(), m.groups()) for m in folded.finditer(text)]
        assert fast == [(m.span(), m.groups()) for m in folded.regex.finditer(plain)], text


def test_folded_sources_have_no_capitals():
    # A capital letter would never match the lowered text.
    for folded in (getattr(C, name) for name in FOLDED):
        assert not re.search(r"[A-Z]", folded.regex.pattern)


def test_owner_split_matches_the_one_pattern():
    whole = re.compile(f"{C.OWNER.regex.pattern}|{C.LED_BY.pattern}", re.IGNORECASE)
    for text in _texts():
        assert C._has_owner(text) == bool(whole.search(text) or C.OWNER_NAMED.search(text)), text


def test_ascii_twins_are_all_the_letters_case_matching_finds_beyond_ascii():
    letter = re.compile("[a-z]", re.IGNORECASE)
    twins = {c for c in range(128, 0x110000) if letter.match(chr(c))}
    # terms.fold makes these ASCII; the Kelvin sign lower-cases to "k" by itself.
    assert twins == set(FOLD_TO_ASCII) | {0x212A}
    for code in twins:
        ascii_letter = fold(chr(code))
        assert ascii_letter.isascii()
        assert re.fullmatch(ascii_letter, chr(code), re.IGNORECASE)


def test_needs_hold_in_the_fold_of_every_match():
    for name in FOLDED:
        folded = getattr(C, name)
        odd = [t.replace("i", "\u0130").replace("s", "\u017f") for t in _texts()[:3000]]
        for text in _texts() + odd:
            for match in folded.regex.finditer(text):
                assert folded.may_match(fold(match.group(0))), (name, text)
