"""iter_matches skips blocks that hold none of a phrase list's first words: it must never
skip a block the phrases' pattern matches in."""
from hypothesis import given, settings
from hypothesis import strategies as st

from stratlint.analysis import Analysis
from stratlint.analysis.terms import compile_phrases, phrase_words
from stratlint.readers import read_text

PHRASES = ("leverage", "world-class", "trust's plan", "server*", "AI", "big data",
           "large language model*", "it", "so far we have", "e-mail", "100 days")
# Letters that match ASCII letters under re.IGNORECASE in other ways (Kelvin sign, long s,
# dotted capital I, dotless i), and word characters beyond ASCII.
ALPHABET = "aeiklmorstvwAEIKLS-' \n\u212a\u017f\u0130\u0131\u00e9\u2019_01"


def _analysis(text: str) -> Analysis:
    return Analysis(read_text(f"# Title\n\n{text}\n", "x.md"))


def _searched(text: str, phrases) -> list[str]:
    """The block texts of a document holding `text` that a phrase rule searches."""
    analysis = _analysis(text)
    unmatched = analysis.texts_without(*phrase_words(tuple(phrases)))
    return [b.text for b in analysis.document.blocks if b.text not in unmatched]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40),
       st.lists(st.sampled_from(PHRASES), min_size=1, max_size=4, unique=True))
def test_skipped_texts_never_match(text, phrases):
    assert phrase_words(tuple(phrases)) is not None
    searched = _searched(text, phrases)
    for block in _analysis(text).document.blocks:
        for ignore_case in (True, False):
            if compile_phrases(tuple(phrases), ignore_case).search(block.text):
                assert block.text in searched, (block.text, phrases)


def test_known_words_and_stems():
    assert _searched("We will LEVERAGE it", PHRASES)
    assert _searched("two Servers", PHRASES)
    assert _searched("the Trust\u2019s plan", PHRASES)
    assert _searched("a caf\u00e9 here", ["leverage"])     # a word not in ASCII: searched
    assert not _searched("nothing to see here", PHRASES)
    assert not _searched("observers of trusts", PHRASES)


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


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("ab '\u2019\u2018\u201c\u201d\"\n.-"), max_size=40))
def test_quotes_found_as_before(text):
    """quotes: the look back before a single quotation mark moved after it."""
    import re

    from stratlint.analysis.quotes import _QUOTED

    before = re.compile(
        "\u201c[^\u201d]{1,600}?\u201d"
        '|"[^"]{1,600}?"'
        "|(?<![\\w\u2019'])[\u2018'](?=[^\\s'\u2019])(?:[^'\u2019]|['\u2019](?=\\w)){1,600}?"
        "(?<=\\S)['\u2019](?!\\w)")
    assert [m.span() for m in _QUOTED.finditer(text)] == [m.span() for m in before.finditer(text)]
