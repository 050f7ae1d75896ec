"""The assurance report as JSON, described by schemas/report.schema.json."""
from __future__ import annotations

import json

from .assess import COMMITMENT_RULE, RATING_RULE, SIGN_RULE


def _evidence(item) -> dict:
    return {"rule": item.rule, "where": item.where, "line": item.line, "page": item.page,
            "page_line": item.page_line, "text": item.text}


def _document(card) -> dict:
    return {
        "path": card.path,
        "title": card.title,
        "organisation": card.organisation,
        "readable": card.readable,
        "problem": card.problem,
        "summary": card.counts(),
        "questions": [{
            "number": r.question.number, "key": r.question.key, "question": r.question.text,
            "looks_for": r.question.looks_for,
            "evidence_rules": list(r.question.evidence_rules),
            "supporting_rules": list(r.question.supporting_rules),
            "rating": r.rating, "reason": r.reason,
            "evidence": [_evidence(e) for e in r.evidence],
            "findings": [f.to_dict() for f in r.findings],
        } for r in card.questions],
        "signs": [{
            "kind": s.sign.kind, "name": s.sign.name, "rule": s.sign.rule,
            "meaning": s.sign.meaning, "rating": s.rating, "reason": s.reason,
            "evidence": [_evidence(e) for e in s.evidence],
            "findings": [f.to_dict() for f in s.findings],
        } for s in card.signs],
        "commitments": [{
            "number": c.number, "line": c.line, "page": c.page, "page_line": c.page_line,
            "text": c.text, "section": c.section, "when": c.when, "tangible": c.tangible,
            "measurable": c.measurable, "outcome_focused": c.outcome_focused,
            "time_bound": c.time_bound, "owned": c.owned, "solution": c.solution,
        } for c in card.commitments],
        "findings_total": len(card.findings),
    }


def as_data(assessment) -> dict:
    from ... import __version__

    return {
        "tool": "stratlint",
        "version": __version__,
        "report": "assurance",
        "files_checked": assessment.files,
        "rating_rules": {"questions": RATING_RULE, "signs": SIGN_RULE,
                         "commitments": COMMITMENT_RULE},
        "documents": [_document(card) for card in assessment.scorecards],
        "shared_text": [{"path": s.path, "line": s.line, "end_line": s.end_line,
                         "other": s.other, "message": s.message, "text": s.text}
                        for s in assessment.shared],
        "errors": list(assessment.errors),
    }


def render(assessment) -> str:
    return json.dumps(as_data(assessment), indent=2, ensure_ascii=False) + "\n"
