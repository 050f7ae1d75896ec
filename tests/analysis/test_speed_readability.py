"""The fast sentence count and reading ease agree with textstat's own."""
from hypothesis import given, settings
from hypothesis import strategies as st

from stratlint.analysis.readability import count_sentences, reading_ease
from _budget import examples  # noqa: E402

SAMPLES = [
    "", "   ", "...", "Hello.", "We will. Do it now! Why? Yes.",
    "It's the users' needs, isn't it? They'd say 'no' -- twice.",
    "A b. C d e. F g h i. J.\nK l m n o p.",
    "Über café naïve. Résumé done! ½ £5 £10m 2024-2026.",
    "e.g. the N.H.S. and i.e. what's next?? 'quoted' “curly” don’t",
    "\u00a0non\u2009breaking\u3000spaces. Tab\tseparated\twords here.",
]

CHARS = st.sampled_from(list("abcXYZ '\u2019.!?-,;:\"()\n\t\u00a0é1_"))


def _textstat(text):
    from textstat.backend.counts import count_sentences as slow_count

    return slow_count(text)


def _textstat_ease(text):
    from textstat.backend.counts import count_sentences as slow_count, count_words
    from textstat.backend.selections import list_words
    from stratlint.analysis.readability import syllables

    words, sentences = count_words(text), slow_count(text)
    if not words or not sentences:
        return 0.0
    total = sum(syllables(w) for w in list_words(text, lowercase=True))
    if not total:
        return 0.0
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (total / words)


def test_samples_match_textstat():
    for text in SAMPLES:
        assert count_sentences(text) == _textstat(text), text
        assert reading_ease(text) == _textstat_ease(text), text


@settings(max_examples=examples(300), deadline=None)
@given(st.text(CHARS, max_size=80))
def test_sentence_count_matches_textstat(text):
    assert count_sentences(text) == _textstat(text)
    assert reading_ease(text) == _textstat_ease(text)
