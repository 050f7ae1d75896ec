"""Word forms: is a word a verb's plain form, or its past form, and of which verb?

Strategies say the same thing with many verbs and forms: "we rolled out", "we've migrated",
"Publish ...". Asking for a word's form is sturdier than listing every verb. The answers
come from lemminflect's tables, written once to data/word_forms.txt by
scripts/build_word_forms.py (a test checks the file is current), so a run does not pay
the second it takes to load lemminflect.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_TABLE = Path(__file__).resolve().parents[1] / "data" / "word_forms.txt"

# Words that open list items often but are not instructions, though they can be verbs.
_NOT_INSTRUCTIONS = frozenset({"digital", "data", "our", "better", "more", "less", "open",
                               "clear", "secure", "safe", "simple", "smart", "well", "people",
                               "staff", "patients", "users", "services", "service", "the", "a",
                               "an", "all", "every", "each", "one", "new", "single", "joined",
                               "shared", "modern", "good", "best", "high", "low", "right",
                               "customer", "user", "patient", "citizen", "public", "cloud",
                               "online", "mobile", "local", "national", "value", "values"})
_MODALS = frozenset({"must", "can", "could", "should", "would", "might", "may", "shall",
                     "will", "need", "ought", "dare"})

# Verbs whose past form reports what was seen, heard or felt, not work delivered.
_NOT_DELIVERY = frozenset({"be", "have", "see", "hear", "face", "know", "say", "tell", "notice",
                           "experience", "ask", "want", "need", "try", "struggle", "feel",
                           "think", "believe", "find", "learn", "become", "get", "grow",
                           "rise", "fall", "increase", "decrease", "change", "show", "suggest",
                           "expect", "hope", "plan", "intend", "aim", "propose", "consider",
                           "receive", "lose", "miss", "fail", "use", "write", "publish",
                           "prepare", "lay", "outline", "describe", "announce", "come", "go",
                           "embrace", "continue", "start", "begin", "mean", "call", "set",
                           "look", "hold", "decide", "agree", "note", "welcome", "commit",
                           # Research is evidence of users' needs, not of delivery.
                           "survey", "interview", "consult", "speak", "talk", "meet", "visit",
                           "engage", "listen", "analyse", "analyze", "review", "research",
                           "study", "explore", "map", "assess", "run", "hear", "spend"})


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], dict[str, tuple[str, ...]], frozenset[str]]:
    """(plain verbs that are not nouns or adjectives, past form -> its verbs, known words
    ending in -ed that are not past forms)."""
    base: set[str] = set()
    past: dict[str, tuple[str, ...]] = {}
    not_past: set[str] = set()
    section = ""
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line
        elif section == "[base-verbs]":
            base.add(line)
        elif section == "[past-forms]":
            word, *lemmas = line.split()
            past[word] = tuple(lemmas)
        elif section == "[not-past-forms]":
            not_past.add(line)
    return frozenset(base), past, frozenset(not_past)


def is_base_verb(word: str) -> bool:
    """A verb in its plain form, such as "Publish" or "Identify" (not "Data", "Share" or
    "Better", which open noun phrases as often as instructions)."""
    lower = word.lower()
    if lower in _NOT_INSTRUCTIONS or len(lower) < 3:
        return False
    return lower in _tables()[0]


def past_verbs(word: str) -> tuple[str, ...]:
    """The verbs whose past form `word` is ("built" -> build), differing from the plain
    form. A word the tables lack that ends in -ed ("onboarded") is taken as a regular past
    form of an unknown verb, given as ("?",)."""
    lower = word.lower()
    if len(lower) < 3 or lower in _MODALS or not lower.isalpha():
        return ()   # "SAS-based", "cloud-hosted": compounds are adjectives
    found = _tables()[1].get(lower)
    if found is not None:
        return found
    if lower.endswith("ed") and len(lower) > 5 and lower not in _tables()[2]:
        return ("?",)
    return ()


def is_past_participle(word: str) -> bool:
    """A verb's past form that differs from its plain form, such as "rolled", "migrated"
    or "built" (not "put" or "set", which read as the present too)."""
    return bool(past_verbs(word))


def delivered_verb(word: str) -> bool:
    """A verb in its past form that reports work done ("rolled", "migrated", "built")."""
    verbs = past_verbs(word)
    return bool(verbs) and not (set(verbs) & _NOT_DELIVERY)
