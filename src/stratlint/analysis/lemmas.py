"""Word forms, from lemminflect's tables (its data ships in its wheel: nothing downloaded).

Strategies say the same thing with many verbs and forms: "we rolled out", "we've migrated",
"Publish ...". Asking for a word's form is sturdier than listing every verb.
"""
from __future__ import annotations

from functools import lru_cache

# Words that open list items often but are not instructions, though they can be verbs.
_NOT_INSTRUCTIONS = frozenset({"digital", "data", "our", "better", "more", "less", "open",
                               "clear", "secure", "safe", "simple", "smart", "well", "people",
                               "staff", "patients", "users", "services", "service", "the", "a",
                               "an", "all", "every", "each", "one", "new", "single", "joined",
                               "shared", "modern", "good", "best", "high", "low", "right",
                               "customer", "user", "patient", "citizen", "public", "cloud",
                               "online", "mobile", "local", "national", "value", "values"})


@lru_cache(maxsize=4096)
def is_base_verb(word: str) -> bool:
    """A verb in its plain form, such as "Publish" or "Identify" (not "Data" or "Better")."""
    lower = word.lower()
    if lower in _NOT_INSTRUCTIONS or len(lower) < 3:
        return False
    from lemminflect import getAllLemmas

    found = getAllLemmas(lower)
    # "Share of calls", "Cost per use": a word that is a noun too opens a noun phrase as
    # often as an instruction, so only plain verbs count.
    return lower in found.get("VERB", ()) and "NOUN" not in found and "ADJ" not in found


_MODALS = frozenset({"must", "can", "could", "should", "would", "might", "may", "shall",
                     "will", "need", "ought", "dare"})


@lru_cache(maxsize=4096)
def is_past_participle(word: str) -> bool:
    """A verb's past form that differs from its plain form, such as "rolled", "migrated" or
    "built" (not "put" or "set", which read as the present too)."""
    lower = word.lower()
    if len(lower) < 3 or lower in _MODALS:
        return False
    from lemminflect import getAllInflections, getAllLemmas

    known = getAllLemmas(lower)
    if not known:
        # A word the tables lack ("onboarded", "reskilled"): a regular past form.
        return lower.endswith("ed") and len(lower) > 5
    for lemma in known.get("VERB", ()):
        if lemma == lower:
            continue
        forms = getAllInflections(lemma, upos="VERB")
        if lower in forms.get("VBN", ()) or lower in forms.get("VBD", ()):
            return True
    return False


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


def delivered_verb(word: str) -> bool:
    """A verb in its past form that reports work done ("rolled", "migrated", "built")."""
    lower = word.lower()
    if not is_past_participle(lower):
        return False
    from lemminflect import getAllLemmas

    from lemminflect import getAllLemmasOOV

    lemmas_found = (getAllLemmas(lower, upos="VERB").get("VERB", ())
                    or getAllLemmasOOV(lower, upos="VERB").get("VERB", ()))
    return not (set(lemmas_found) & _NOT_DELIVERY)
