"""Work already delivered, told in the past tense with any verb.

"We have migrated 40 systems", "Last year the council rolled out ...", "In 2020, agencies
nominated 61 staff for a pilot": the subject, a time or "have", and a verb in its past form.
Which verbs report delivery is read from word forms (see lemmas), not from a list of verbs,
so "we've digitised", "we decommissioned" and "we onboarded" count alike.
"""
from __future__ import annotations

import re

from . import lemmas

# The words after "our" name the subject; a modal among them ("our website should have
# answered") makes what follows something that did not happen.
_SUBJECT = (r"(?:we|we've|our [\w-]+(?: (?!(?:should|would|could|might|must|may|can|will)\b)"
            r"[\w-]+){0,2}|the (?:trust|council|university|college|"
            r"agency|department|board|service|team|programme|partnership|organisation|"
            r"organization|authority|hospital|federation|office)(?:'s [\w-]+)?)")
# "We have (already) migrated", "the council has rolled out".
_PERFECT = re.compile(r"\b" + _SUBJECT + r"\s+(?:have|has|'ve)\s+(?:already |now |recently |"
                      r"successfully |also |since |together )?([a-z]+)\b", re.IGNORECASE)
# "In 2023 we launched", "Last year the council moved", "In 2020, agencies nominated".
_DATED = re.compile(r"\b(?:(?:in|during|since|by|between|from|over) (?:(?:early|late|mid|the end "
                    r"of|spring|summer|autumn|winter|[a-z]+ )?(?:19|20)\d\d(?:/\d\d)?|the (?:last|"
                    r"past) (?:year|\w+ years|\d+ (?:months|years)))|last (?:year|spring|summer|"
                    r"autumn|winter|month))\b,?", re.IGNORECASE)
_WORDS = re.compile(r"\s*([A-Za-z'-]+)")
# Words that make what follows a promise or a present state ("By 2030, checks are done
# automatically"), not a record.
_FUTURE = frozenset({"will", "shall", "would", "could", "should", "may", "might", "must", "to",
                     "can", "plan", "plans", "aim", "aims", "expect", "expects", "intend",
                     "is", "are", "am"})
# "We launched the app", "We replaced the paging system".
_SIMPLE = re.compile(r"\bwe (?:also |then |recently |successfully )?([a-z]+)\b", re.IGNORECASE)


def _verb_after(sentence: str, at: int, words: int = 5) -> re.Match | None:
    """The first of the next few words that is a verb of delivery in its past form."""
    for _ in range(words):
        word = _WORDS.match(sentence, at)
        if word is None:
            return None
        if word.group(1).lower() in _FUTURE:
            return None   # "By 2026 we will have moved ...": a promise, not a record
        if lemmas.delivered_verb(word.group(1)):
            return word
        at = word.end()
    return None


# Work on the strategy itself ("the vision we have developed", "we have prepared this
# paper") is not delivery to users.
_ABOUT_STRATEGY = re.compile(r"\b(?:strategy|strategies|vision|principles|plan|framework|"
                             r"approach|priorities|values|ambitions?|paper|document|roadmap|"
                             r"mission|objectives|drafts?)\b", re.IGNORECASE)


def _about_strategy(sentence: str, start: int, end: int) -> bool:
    return bool(_ABOUT_STRATEGY.search(sentence, max(0, start - 30), min(len(sentence), end + 30)))


# "Until ... we have completed a review": a condition still to be met, not a record.
_CONDITION = re.compile(r"\b(?:until|once|unless|if|when|whenever|after|as soon as)\b",
                        re.IGNORECASE)


_INFINITIVE = re.compile(r"\s+to\s+[a-z]", re.IGNORECASE)
_TO_VERBS = frozenset({"tended", "had", "needed", "tried", "wanted", "sought", "aimed", "hoped",
                       "planned", "struggled", "failed", "agreed", "committed", "decided",
                       "chosen", "continued", "begun", "started"})
# "Setting out what we have delivered": a report promised, not a record.
_EMBEDDED = re.compile(r"\b(?:what|how much|how far|whether)\s+$", re.IGNORECASE)


def conditional(sentence: str, offset: int) -> bool:
    """Whether the words at `offset` are a condition still to be met ("until ... we have
    completed a review") or the object of a report still to come ("what we have
    delivered")."""
    return bool(_CONDITION.search(sentence, 0, offset)
                or _EMBEDDED.search(sentence, max(0, offset - 20), offset))


def delivery(sentence: str) -> tuple[int, int] | None:
    """Where a sentence states delivered work (start, end), or None."""
    for pattern in (_PERFECT, _SIMPLE):
        for match in pattern.finditer(sentence):
            # "When we launched the app" is a record; "until we have completed" is not.
            pending = conditional(sentence, match.start()) if pattern is _PERFECT else \
                _EMBEDDED.search(sentence, max(0, match.start() - 20), match.start())
            # "We have tended to invest in fixes", "we have had to": a habit or a need.
            pending = pending or (pattern is _PERFECT and match.group(1).lower() in _TO_VERBS
                                  and _INFINITIVE.match(sentence, match.end()))
            if lemmas.delivered_verb(match.group(1)) and not pending \
                    and not _about_strategy(sentence, match.start(), match.end()):
                return match.start(), match.end()
    for match in _DATED.finditer(sentence):
        verb = _verb_after(sentence, match.end())
        if verb is not None and not _about_strategy(sentence, match.start(), verb.end()):
            return match.start(), verb.end()
    return None
