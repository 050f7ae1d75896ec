"""The assurance report as Markdown, for a pull request, a wiki or a board paper draft.

Text from documents and findings is escaped twice over: HTML special characters become
entities (so a renderer never turns them into markup) and Markdown punctuation is
backslash-escaped (so quoted text cannot become a link, an image or a table cell).
"""
from __future__ import annotations

import html
import re

from ._common import grouped
from .assess import (AMBER, COMMITMENT_RULE, GREEN, QUESTIONS, RATING_LABELS, RATING_RULE,
                     RED, SIGN_RULE, UNRATED)

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md(value) -> str:
    """Escape text for Markdown: one line, no markup, no table breaks."""
    text = " ".join(str(value).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _rating(rating: str) -> str:
    return f"**{RATING_LABELS[rating]}**"


def _evidence(evidence) -> list[str]:
    return [f"  - {item.location}: \u201c{md(item.text)}\u201d" for item in evidence]


def _findings(card, findings) -> list[str]:
    lines = []
    for rule, count, place, message in grouped(card, findings):
        lead = "for example: " if count > 1 else ""
        lines.append(f"  - {lead}{md(message)} ({place}) `{rule}`")
    return lines


def _tick(value) -> str:
    return "n/a" if value is None else ("yes" if value else "**no**")


def _document(card) -> list[str]:
    out = [f"## {md(card.organisation)}", "", f"{md(card.title)} (`{card.path.replace('`', '')}`)",
           ""]
    if not card.readable:
        return out + [f"This document could not be read: {md(card.problem)}. None of the "
                      "questions could be rated.", ""]
    counts = card.counts()
    out += [f"**{counts[RED]} red, {counts[AMBER]} amber and {counts[GREEN]} green** of the ten "
            "questions" + (f", {counts[UNRATED]} not rated" if counts[UNRATED] else "")
            + f"; {len(card.findings)} findings in all.", "",
            "| # | Question for the board | Rating |", "|---|---|---|"]
    out += [f"| {r.question.number} | {md(r.question.text)} | {_rating(r.rating)} |"
            for r in card.questions]
    out.append("")
    out += ["### Questions for boards", ""]
    for result in card.questions:
        q = result.question
        out += [f"#### {q.number}. {md(q.text)} ({RATING_LABELS[result.rating]})", "",
                f"{md(result.reason.capitalize())}. Looks for: {md(q.looks_for)}", ""]
        if result.evidence:
            out += ["- Evidence found:"] + _evidence(result.evidence)
        else:
            out.append("- Evidence found: none.")
        if result.findings:
            out += ["- Findings behind the rating:"] + _findings(card, result.findings)
        out.append("")
    out += ["### Good and bad signs", "", "| Sign | Kind | Rating | What was found |",
            "|---|---|---|---|"]
    for result in card.signs:
        if result.evidence:
            detail = "; ".join(f"{ev.location}: \u201c{md(ev.text)}\u201d"
                               for ev in result.evidence)
        else:
            detail = md(result.reason)
        out.append(f"| {md(result.sign.name)} | {result.sign.kind} | {_rating(result.rating)} | "
                   f"{detail} |")
    out += ["", "### Commitments", ""]
    if not card.commitments:
        out += ["No commitments found.", ""]
        return out
    complete = sum(1 for c in card.commitments if c.complete)
    out += [f"{complete} of {len(card.commitments)} commitments pass all five checks.", "",
            "| # | Line | Commitment | Tangible | Measurable | Outcome-focused | Time-bound | "
            "Owned |", "|---|---|---|---|---|---|---|---|"]
    for c in card.commitments:
        where = f"p. {c.page}, line {c.page_line}" if c.page is not None else str(c.line)
        out.append(f"| {c.number} | {where} | {md(c.text)} | {_tick(c.tangible)} | "
                   f"{_tick(c.measurable)} | {_tick(c.outcome_focused)} | "
                   f"{_tick(c.time_bound)} | {_tick(c.owned)} |")
    out.append("")
    return out


def render(assessment) -> str:
    from ... import __version__

    cards = assessment.scorecards
    noun = "document" if len(cards) == 1 else "documents"
    out = ["# Digital strategy assurance report", "",
           f"{len(cards)} {noun} checked against the questions for boards in *Building a "
           "digital strategy* (NHS Providers and Public Digital, 2021).", "",
           "Green: the evidence is there and no rule fired. Amber: the evidence is there, but a "
           "supporting rule fired. Red: the evidence the question asks for is missing.", ""]
    for error in assessment.errors:
        out.append(f"> Some checks failed, so this report may be incomplete: {md(error)}")
    if assessment.errors:
        out.append("")
    if len(cards) > 1:
        out += ["## Comparison", "",
                "| Organisation | " + " | ".join(f"{q.number} {q.short}" for q in QUESTIONS)
                + " |", "|---|" + "---|" * len(QUESTIONS)]
        for card in cards:
            out.append(f"| {md(card.organisation)} | "
                       + " | ".join(RATING_LABELS[r.rating] for r in card.questions) + " |")
        out += ["", "### Text shared between documents", ""]
        if assessment.shared:
            for item in assessment.shared:
                lines = (f"line {item.line}" if item.line == item.end_line
                         else f"lines {item.line}\u2013{item.end_line}")
                out.append(f"- `{item.path.replace('`', '')}` {lines}, the same as in "
                           f"`{item.other.replace('`', '')}`: \u201c{md(item.text)}\u201d")
        else:
            out.append("No long passages are shared between these documents.")
        out.append("")
    if not cards:
        out += ["No documents found.", ""]
    for card in cards:
        out += _document(card)
    out += ["## How the ratings are worked out", "", f"**Questions.** {md(RATING_RULE)}", "",
            f"**Signs.** {md(SIGN_RULE)}", "", f"**Commitments.** {md(COMMITMENT_RULE)}", "",
            f"Made by stratlint {__version__}.", ""]
    return "\n".join(out)
