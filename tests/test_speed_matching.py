"""iter_matches skips blocks that hold none of a phrase list's first words: it must never
skip a block the phrases' pattern matches in."""
from hypothesis import given, settings
from hypothesis import strategies as st

from stratlint.analysis import Analysis
from stratlint.analysis.terms import compile_phrases, phrase_words
from stratlint.checks.matching import _may_hold
from stratlint.readers import read_text

PHRASES = ("leverage", "world-class", "trust's plan", "server*", "AI", "big data",
           "large language model*", "it", "so far we have", "e-mail", "100 days")
# Letters that match ASCII letters under re.IGNORECASE in other ways (Kelvin sign, long s,
# dotted capital I, dotless i), and word characters beyond ASCII.
ALPHABET = "aeiklmorstvwAEIKLS-' \n\u212a\u017f\u0130\u0131\u00e9\u2019_01"


def _analysis(text: str) -> Analysis:
    return Analysis(read_text(text, "x.md"))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40),
       st.lists(st.sampled_from(PHRASES), min_size=1, max_size=4, unique=True))
def test_skipped_texts_never_match(text, phrases):
    needed = phrase_words(tuple(phrases))
    assert needed is not None
    for ignore_case in (True, False):
        regex = compile_phrases(tuple(phrases), ignore_case)
        if regex.search(text):
            assert _may_hold(_analysis("x").word_runs(text), needed), (text, phrases)


def test_known_words_and_stems():
    needed = phrase_words(PHRASES)
    runs = _analysis("x").word_runs
    assert _may_hold(runs("We will LEVERAGE it"), needed)
    assert _may_hold(runs("two Servers"), needed)
    assert _may_hold(runs("the Trust\u2019s plan"), needed)
    assert _may_hold(runs("a caf\u00e9 here"), needed)     # a word not in ASCII: searched
    assert not _may_hold(runs("nothing to see here"), needed)
    assert not _may_hold(runs("observers of trusts"), needed)


def test_phrases_the_filter_cannot_describe():
    assert phrase_words(("caf\u00e9",)) is None
    assert phrase_words(("*",)) is None
    assert phrase_words(("'s plan",)) is None


PATTERNS = (r"\bwe(?:'ve| have) (?:already )?(?:launched|built)\b",
            r"\b(?:trust|council)(?:'s|\u2019s) (?:[\w-]+ ){0,2}plan\b",
            r"(?-i:(?<![\w-])(?:[A-Z]\w+\s+){1,3}Strategy)",
            r"\btargets?\s*(?::|of\b)|\bsav(?:e|ed)\b[^.]{0,30}?\u00a3\s?\d",
            r"[^.]*\bskipped?\b")
FRAGMENTS = ("we have", "we've", "We", "already", "launched", "built", "trust's",
             "council\u2019s", "digital", "plan", "Digital Strategy", "strategy", "targets:",
             "target of", "saved", "\u00a35", "skip", "skipped", ".", "ok")
# Letters that match ASCII ones under re.IGNORECASE (Kelvin sign, long s, dotted capital I,
# dotless i), for some fragments to be spelt with.
ODD_LETTERS = str.maketrans({"k": "\u212a", "s": "\u017f", "i": "\u0131", "I": "\u0130"})
SPELLINGS = (str, str.upper, str.title, lambda f: f.translate(ODD_LETTERS))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SPELLINGS)), max_size=8),
       st.lists(st.sampled_from(PATTERNS), min_size=1, max_size=5, unique=True))
def test_patterns_left_out_never_change_matches(fragments, patterns):
    from stratlint.analysis.terms import compile_patterns, fold, pattern_texts, trust
    from stratlint.checks.matching import _patterns_for

    text = " ".join(spell(fragment) for fragment, spell in fragments)
    trust(patterns)
    for ignore_case in (True, False):
        texts = pattern_texts(tuple(patterns), ignore_case)
        assert texts is not None
        every = compile_patterns(tuple(patterns), ignore_case)
        some = _patterns_for(fold(text), tuple(patterns), texts, ignore_case)
        found = [(m.span(), m.group()) for m in every.finditer(text)]
        assert found == ([] if some is None else
                         [(m.span(), m.group()) for m in some.finditer(text)]), text


def test_patterns_that_are_searched_everywhere():
    from stratlint.analysis.terms import pattern_texts, trust

    trust([r"(a)\1", r"\d+", "x"])
    assert pattern_texts((r"(a)\1", "x")) is None    # group numbers change without "x"
    assert pattern_texts((r"\d+", "x"))[0] is None    # no text it must hold
    assert pattern_texts(("untrusted pattern",)) is None


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=60))
def test_ascii_sentence_word_bound(text):
    """metric's long-sentence check skips counting words in short ASCII sentences."""
    from stratlint.analysis.sentences import _WORD

    assert len(_WORD.findall(text)) <= (len(text) + 1) // 2


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("AIUKSsx.-_ (),:\n1&\u00c9\u2013or known as called"), max_size=40))
def test_acronyms_found_as_before(text):
    """acronyms: the look back moved after the first capital, definitions searched only
    where their literal text is, capitals counted by bytes in ASCII text."""
    import re

    from stratlint.checks import acronyms

    before = re.compile(r"(?<![\w.-])([A-Z][A-Z0-9&]*[A-Z0-9])s?(?![\w-])(?!\.\w)")
    assert ([m.span(1) for m in acronyms._ACRONYM.finditer(text)]
            == [m.span(1) for m in before.finditer(text)])
    assert acronyms._defined.__wrapped__(text) == frozenset(
        m.group(1) for pattern, _ in acronyms._DEFINITIONS for m in pattern.finditer(text))
    letters = "".join(filter(str.isalpha, text))
    assert acronyms._mostly_capitals.__wrapped__(text) == (
        bool(letters) and sum(map(str.isupper, letters)) > 0.6 * len(letters))
