"""The board assurance report: a lint run's RunResult turned into a scorecard per document.

Pure functions over a RunResult made with ``keep_documents=True`` (see ``api.assess_paths``):
nothing here reads a file or runs a rule. Each document gets

- the ten questions for boards from the guide, each rated red, amber or green (see
  RATING_RULE) with the evidence found (quoted, with line or page numbers) and the findings
  behind the rating;
- the guide's good and bad signs, each rated (see SIGN_RULE);
- its commitments, each checked for being tangible, measurable, outcome-focused,
  time-bound and owned (see COMMITMENT_RULE).

Text shared between documents (cookie-cutter findings that say "same as in") is collected
across the run.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ...findings import Finding

RED, AMBER, GREEN, UNRATED = "red", "amber", "green", "unrated"
RATINGS = (RED, AMBER, GREEN, UNRATED)
RATING_LABELS = {RED: "Red", AMBER: "Amber", GREEN: "Green", UNRATED: "Not rated"}

RATING_RULE = (
    "Each question has evidence rules (the evidence the question asks for) and supporting "
    "rules. Red: an evidence rule fired, so the evidence is missing; for question 6, no "
    "commitments were found or at least half of them lack a measure, a date or an owner. "
    "Amber: the evidence is there but a supporting rule fired, or (question 6) fewer than half "
    "of the commitments have a problem, or the question's evidence rules were switched off. "
    "Green: the evidence is there and none of the question's rules fired. Not rated: the "
    "document could not be read, or all of the question's rules were switched off."
)
SIGN_RULE = (
    "Good signs: green when the evidence is there, red when its rule fired. Bad signs: green "
    "when not seen; red when a whole-document rule fired (IT-driven, too long-term, wish list), "
    "when text is the same as in another document, or when a phrase rule fired 3 or more "
    "times; amber when a phrase rule fired once or twice."
)
COMMITMENT_RULE = (
    "Tangible: no vague wording or stock phrase in it, and not a tentative promise (explore, "
    "consider, investigate, aim to). Measurable: a number, a percentage, a from-and-to or a "
    "stated measure. Outcome-focused: names no product or technology from the "
    "solution-terms list. Time-bound: a date, a quarter or a timescale. Owned: a named role or "
    "person."
)

# A whole-document bad sign is one verdict; phrase signs are counted.
PHRASE_SIGN_RED_AT = 3
SHARED_MARKER = "same as in"
QUOTE_LIMIT = 240


@dataclass(frozen=True)
class Question:
    number: int
    key: str
    text: str
    looks_for: str
    evidence_rules: tuple[str, ...]
    supporting_rules: tuple[str, ...] = ()
    short: str = ""     # a column heading for comparison tables

    @property
    def rules(self) -> tuple[str, ...]:
        return self.evidence_rules + self.supporting_rules


# The guide's ten questions for boards, as the report asks them. Which rules answer each is
# data in the rule pack (each rule's `board` field), read by board_questions().
QUESTIONS: tuple[Question, ...] = (
    Question(1, "integrated", "How integrated are the digital and business strategies?",
             "Names the organisation's own strategy, clinical or business plans and how digital "
             "serves them.", (), short="Integrated"),
    Question(2, "mission", "Is there a succinct mission that people across the organisation "
             "can understand?", "A short mission statement, one sentence people can repeat.",
             (), short="Mission"),
    Question(3, "users", "Does it show an understanding of users and their biggest needs?",
             "Research, feedback or complaints from patients, service users and staff, and the "
             "needs they point to.", (), short="Users"),
    Question(4, "services", "Does it show which digital services are run and how they "
             "perform?", "The main services with their volumes, cost per use and digital "
             "take-up.", (), short="Services"),
    Question(5, "not-prioritising", "What is it not prioritising?",
             "Work being stopped, deferred or left to others, and how work is chosen.",
             (), short="Not doing"),
    Question(6, "actions", "Has it committed to realistic and tangible actions?",
             "A short list of commitments, each with a measure, a date and an owner.",
             (), short="Actions"),
    Question(7, "working", "How will you know if it is working?",
             "Indicators with baselines and targets, and a regular review cycle.",
             (), short="Working"),
    Question(8, "system", "Does it explain how it aligns with the system strategy?",
             "Links to the integrated care system, shared records and partners' plans.",
             (), short="System"),
    Question(9, "organisation-change", "How will the organisation change to enable it?",
             "Changes to planning, funding, governance, skills and ways of working.",
             (), short="Change"),
    Question(10, "risks", "What could go wrong?",
             "The main risks (delivery failure, cyber security, outages) and how each is reduced.",
             (), short="Risks"),
)


def board_questions(rules: dict) -> tuple[Question, ...]:
    """The ten questions with the rules that answer each, from the rules' `board` fields
    (in code order): evidence rules say the evidence is missing, supporting rules add a
    further problem."""
    ordered = sorted(rules.values(), key=lambda rule: rule.code)

    def named(number: int, role: str) -> tuple[str, ...]:
        return tuple(r.name for r in ordered
                     if r.board.get("question") == number and r.board.get("role") == role)

    return tuple(dataclasses.replace(q, evidence_rules=named(q.number, "evidence"),
                                     supporting_rules=named(q.number, "supporting"))
                 for q in QUESTIONS)


@dataclass(frozen=True)
class Sign:
    kind: str          # "good" or "bad"
    name: str
    rule: str
    meaning: str
    whole_document: bool = False   # bad signs only: one finding is the verdict


def board_signs(rules: dict) -> tuple[Sign, ...]:
    """The guide's good signs, then its bad ones, from the rules' `sign` fields (in code
    order)."""
    ordered = sorted(rules.values(), key=lambda rule: rule.code)
    return tuple(Sign(r.sign["kind"], r.sign["name"], r.name, r.sign["meaning"],
                      bool(r.sign.get("whole-document", False)))
                 for kind in ("good", "bad") for r in ordered if r.sign.get("kind") == kind)


NOT_TANGIBLE_RULES = ("vague-language", "cookie-cutter")
# Checks whose finding on the title line is about the whole document.
VERDICT_CHECKS = ("required", "balance", "mission")


@dataclass(frozen=True)
class Evidence:
    rule: str
    where: str          # "heading", "text", "field", "commitments", "mission"
    line: int
    text: str
    page: int | None = None
    page_line: int | None = None

    @property
    def location(self) -> str:
        if self.page is not None:
            return f"page {self.page}, line {self.page_line}"
        return f"line {self.line}"


@dataclass
class QuestionResult:
    question: Question
    rating: str
    reason: str
    evidence: list[Evidence] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class SignResult:
    sign: Sign
    rating: str
    reason: str
    evidence: list[Evidence] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class CommitmentRow:
    number: int
    line: int
    text: str
    section: str
    when: str
    tangible: bool
    measurable: bool
    outcome_focused: bool | None   # None when the solution-terms rule did not run
    time_bound: bool
    owned: bool
    solution: str = ""             # the product or technology named, if any
    page: int | None = None
    page_line: int | None = None

    @property
    def checks(self) -> dict[str, bool | None]:
        return {"tangible": self.tangible, "measurable": self.measurable,
                "outcome_focused": self.outcome_focused, "time_bound": self.time_bound,
                "owned": self.owned}

    @property
    def complete(self) -> bool:
        return all(v is not False for v in self.checks.values())


@dataclass
class Scorecard:
    path: str
    title: str
    organisation: str
    readable: bool = True
    problem: str = ""
    questions: list[QuestionResult] = field(default_factory=list)
    signs: list[SignResult] = field(default_factory=list)
    commitments: list[CommitmentRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    title_line: int = 0
    # Rules whose finding on the title line is a verdict on the whole document ("no risks
    # section"), not a problem with the title itself.
    verdict_rules: frozenset = frozenset()

    def about_whole_document(self, finding: Finding) -> bool:
        return finding.rule in self.verdict_rules and finding.line == self.title_line

    def counts(self) -> dict[str, int]:
        counts = {rating: 0 for rating in RATINGS}
        for result in self.questions:
            counts[result.rating] += 1
        return counts

    def rating(self, number: int) -> str:
        return next(r.rating for r in self.questions if r.question.number == number)


@dataclass(frozen=True)
class SharedText:
    path: str
    line: int
    end_line: int
    other: str
    message: str
    text: str


@dataclass
class Assessment:
    scorecards: list[Scorecard]
    shared: list[SharedText]
    files: int
    errors: list[str] = field(default_factory=list)


# --- helpers -------------------------------------------------------------------------------

def _quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


def _evidence(document, rule: str, where: str, start: int, text: str) -> Evidence:
    line, _column = document.position(start)
    page, page_line = document.page_position(line) or (None, None)
    return Evidence(rule, where, line, _quote(text), page, page_line)


def _lines_of(document, start: int, end: int) -> tuple[int, int]:
    return document.position(start)[0], document.position(max(start, end - 1))[0]


def organisation_of(document) -> str:
    """The organisation's name: a front matter or structured field, else from the title."""
    for source in (document.front_matter, document.data):
        if isinstance(source, dict):
            for key in ("organisation", "organization", "org"):
                value = source.get(key)
                if isinstance(value, str) and value.strip():
                    return _quote(value, 120)
                if isinstance(value, dict) and isinstance(value.get("name"), str):
                    return _quote(value["name"], 120)
    title = title_of(document)
    cut = re.split(r"\s*(?:[\u2014\u2013:|]|\s-\s)\s*|\s+(?=(?:digital|data|technology|ict|it)"
                   r"\s+(?:and\s+\w+\s+)?strategy\b)", title, maxsplit=1, flags=re.IGNORECASE)
    name = cut[0].strip() if cut and cut[0].strip() else title
    if not _names_someone(name):
        name = title   # "Our Digital Strategy" names no one: show the whole title
    return _quote(name, 120) or document.path


# Words that cannot end an organisation's name, and names that are too general to be one.
_DANGLING = re.compile(r"\b(?:our|the|a|an|to|of|for|and|update|new|my|your|their|its)\W*$",
                       re.IGNORECASE)
_GENERAL = frozenset({"government", "federal", "national", "council", "trust", "digital",
                      "it", "ict", "data", "technology", "presented to parliament"})


def _names_someone(name: str) -> bool:
    """Whether text cut from a title can stand as the organisation's name."""
    return bool(name) and not _DANGLING.search(name) \
        and " ".join(name.lower().split()) not in _GENERAL


def title_of(document) -> str:
    for source in (document.front_matter, document.data):
        if isinstance(source, dict) and isinstance(source.get("title"), str):
            return _quote(source["title"], 160)
    block = document.title_block
    return _quote(block.title, 160) if block is not None else document.path


def _required_evidence(document, analysis, rule, limit: int = 2) -> list[Evidence]:
    return [_evidence(document, rule.name, item.kind, item.start, item.text)
            for item in rule.compiled.locate(document, analysis, limit)]


def _mission_evidence(document, analysis, rule) -> list[Evidence]:
    from ...patterns import compile_phrases
    from ...checks import mission

    for source in (document.front_matter, document.data):
        if isinstance(source, dict):
            for name in rule.options.get("fields", ()):
                value = source.get(name)
                if isinstance(value, str) and value.strip():
                    at = max(document.text.find(value[:40]), 0)
                    return [_evidence(document, rule.name, "field", at, value)]
    headings = compile_phrases(tuple(rule.options.get("headings", ())))
    if headings is None:
        return []
    found = mission._statement(document, analysis, headings)
    if found is None:
        return []
    start, _end, text = found
    sentence = analysis.sentence_at(start)   # quote the whole sentence, not its tail
    if sentence is not None:
        start, text = sentence.start, sentence.text
    return [_evidence(document, rule.name, "mission", start, text)]


def evidence_for(document, analysis, rule) -> list[Evidence]:
    """Quotes of what satisfied a rule, for the rules whose check can say so."""
    if rule.check == "required":
        return _required_evidence(document, analysis, rule)
    if rule.check == "mission":
        return _mission_evidence(document, analysis, rule)
    return []


def _commitments_evidence(document, analysis) -> list[Evidence]:
    """The heading of the commitments section, where there is one, and the first commitment."""
    first = analysis.commitments[0]
    found = []
    heading = next((section.heading for section in document.sections
                    if first.section and section.title == first.section
                    and section.heading is not None), None)
    if heading is not None:
        found.append(_evidence(document, "commitments", "heading", heading.start, heading.title))
    found.append(_evidence(document, "commitments", "commitments", first.start, first.text))
    return found


def commitment_rows(document, analysis, findings: list[Finding],
                    rules: dict) -> list[CommitmentRow]:
    """Every commitment, checked for the five parts of a good one."""
    from ...patterns import compile_phrases

    solution_rule = rules.get("commitment-names-solution")
    terms = (compile_phrases(tuple(solution_rule.options.get("solution-terms", ())), True)
             if solution_rule is not None else None)
    untangible = [f for f in findings if f.rule in NOT_TANGIBLE_RULES]
    rows = []
    for number, commitment in enumerate(analysis.commitments, 1):
        line, end_line = _lines_of(document, commitment.start, commitment.end)
        match = terms.search(document.text, commitment.start, commitment.end) if terms else None
        vague = any(line <= f.line <= end_line for f in untangible)
        page, page_line = document.page_position(line) or (None, None)
        rows.append(CommitmentRow(
            number=number, line=line, text=_quote(commitment.text), section=commitment.section,
            when=commitment.when, tangible=not vague and not commitment.tentative,
            measurable=commitment.has_measure,
            outcome_focused=None if solution_rule is None else match is None,
            time_bound=commitment.has_date, owned=commitment.has_owner,
            solution=match.group(0) if match else "", page=page, page_line=page_line))
    return rows


# --- rating --------------------------------------------------------------------------------

# A commitments rule's aspect, and the column of CommitmentRow.checks it judges.
_ASPECT_CHECKS = {"measure": "measurable", "date": "time_bound", "owner": "owned"}


def gap_checks(question: Question, rules: dict, ran: frozenset) -> tuple[str, ...]:
    """The commitment checks that the question's evidence rules (those that ran) judge."""
    return tuple(_ASPECT_CHECKS[rule.options["aspect"]] for name in question.evidence_rules
                 if name in ran and (rule := rules.get(name)) is not None
                 and rule.check == "commitments"
                 and rule.options.get("aspect") in _ASPECT_CHECKS)


def rate_question(question: Question, findings: list[Finding], ran: frozenset,
                  commitments: list[CommitmentRow] | None = None,
                  checks: tuple[str, ...] = ()) -> tuple[str, str]:
    """(rating, reason) for one question, from the findings of its rules (see RATING_RULE).
    `checks` are the commitment checks its rules judge (see gap_checks)."""
    evidence_ran = [r for r in question.evidence_rules if r in ran]
    if not any(r in ran for r in question.rules):
        return UNRATED, "the rules for this question were switched off"
    evidence = [f for f in findings if f.rule in question.evidence_rules]
    supporting = [f for f in findings if f.rule in question.supporting_rules]
    if question.key == "actions" and commitments is not None:
        if evidence_ran and not commitments:
            return RED, "no commitments found"
        # The commitments lacking a part whose rule ran: the same items the rules judged,
        # whether they reported each one or counted them in one finding.
        failing = {row.number for row in commitments
                   if any(row.checks[check] is False for check in checks)}
        if evidence_ran and len(failing) * 2 >= len(commitments) and failing:
            return RED, (f"{len(failing)} of {len(commitments)} commitments lack a measure, "
                         f"a date or an owner")
        if evidence or supporting:
            parts = []
            if failing:
                parts.append(f"{len(failing)} of {len(commitments)} commitments lack a measure, "
                             f"a date or an owner")
            if supporting:
                parts.append(f"{len(supporting)} further problem"
                             f"{'s' if len(supporting) != 1 else ''}")
            return AMBER, "; ".join(parts)
    elif evidence:
        return RED, "no evidence found"
    elif supporting:
        return AMBER, (f"evidence found, but {len(supporting)} further "
                       f"problem{'s' if len(supporting) != 1 else ''}")
    if not evidence_ran:
        return AMBER, f"not checked: {', '.join(question.evidence_rules)} switched off"
    if question.key == "actions" and commitments is not None:
        return GREEN, (f"{len(commitments)} commitment{'s' if len(commitments) != 1 else ''}, "
                       f"each with a measure, a date and an owner")
    return GREEN, "evidence found"


def rate_sign(sign: Sign, findings: list[Finding], ran: frozenset) -> tuple[str, str]:
    """(rating, reason) for one good or bad sign (see SIGN_RULE)."""
    if sign.rule not in ran:
        return UNRATED, f"{sign.rule} was switched off"
    mine = [f for f in findings if f.rule == sign.rule]
    if sign.kind == "good":
        return (RED, "no evidence found") if mine else (GREEN, "evidence found")
    if not mine:
        return GREEN, "not seen"
    shared = [f for f in mine if SHARED_MARKER in f.message]
    count = f"{len(mine)} finding{'s' if len(mine) != 1 else ''}"
    if shared:
        return RED, f"{count}, {len(shared)} of text shared with another document"
    if sign.whole_document or len(mine) >= PHRASE_SIGN_RED_AT:
        return RED, count
    return AMBER, count


# --- assembling ----------------------------------------------------------------------------

def scorecard(path: str, document, analysis, ran: frozenset, findings: list[Finding],
              rules: dict) -> Scorecard:
    """The scorecard of one readable document."""
    title_block = document.title_block
    card = Scorecard(path=path, title=title_of(document), organisation=organisation_of(document),
                     findings=findings,
                     title_line=document.position(title_block.start)[0] if title_block else 0,
                     verdict_rules=frozenset(name for name, rule in rules.items()
                                             if rule.check in VERDICT_CHECKS))
    card.commitments = commitment_rows(document, analysis, findings, rules)
    for question in board_questions(rules):
        mine = [f for f in findings if f.rule in question.rules]
        rating, reason = rate_question(question, mine, ran, card.commitments,
                                       gap_checks(question, rules, ran))
        evidence: list[Evidence] = []
        fired = {f.rule for f in mine}
        for name in question.rules:
            rule = rules.get(name)
            if rule is not None and name in ran and name not in fired:
                evidence.extend(evidence_for(document, analysis, rule))
        if question.key == "actions" and analysis.commitments:
            evidence[:0] = _commitments_evidence(document, analysis)
        card.questions.append(QuestionResult(question, rating, reason, evidence, mine))
    for sign in board_signs(rules):
        mine = [f for f in findings if f.rule == sign.rule]
        rating, reason = rate_sign(sign, mine, ran)
        evidence = []
        if sign.kind == "good" and not mine and sign.rule in rules and sign.rule in ran:
            evidence = evidence_for(document, analysis, rules[sign.rule])[:1]
        card.signs.append(SignResult(sign, rating, reason, evidence, mine))
    return card


def unreadable_scorecard(path: str, findings: list[Finding], rules: dict) -> Scorecard:
    problem = next((f.message for f in findings if f.rule == "unreadable-file"),
                   "could not be read")
    card = Scorecard(path=path, title=path, organisation=path, readable=False, problem=problem,
                     findings=findings)
    reason = f"the document could not be read ({problem})"
    card.questions = [QuestionResult(q, UNRATED, reason) for q in board_questions(rules)]
    card.signs = [SignResult(s, UNRATED, reason) for s in board_signs(rules)]
    return card


_SHARED_WITH = re.compile(re.escape(SHARED_MARKER) + r"\s+(.+?)(?:;|$)")


def shared_text(report) -> list[SharedText]:
    """Cookie-cutter findings for text that is the same as in another document of the run."""
    found = []
    for finding in report.findings:
        if finding.rule != "cookie-cutter" or SHARED_MARKER not in finding.message:
            continue
        match = _SHARED_WITH.search(finding.message)
        other = match.group(1).strip() if match else ""
        text = finding.excerpt
        entry = report.documents.get(finding.path)
        if entry is not None:
            document = entry.document
            starts = document.line_starts
            start = starts[finding.line - 1] + finding.column - 1
            end_index = min(finding.end_line, len(starts)) - 1
            end = starts[end_index] + finding.end_column - 1
            text = document.text[start:end] or text
        found.append(SharedText(finding.path, finding.line, finding.end_line, other,
                                finding.message, _quote(text, 400)))
    return found


def assess(report) -> Assessment:
    """Scorecards for every file of a RunResult made with keep_documents=True."""
    by_path: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_path.setdefault(finding.path, []).append(finding)
    cards = []
    for path in report.paths:
        findings = by_path.get(path, [])
        entry = report.documents.get(path)
        if entry is None:
            cards.append(unreadable_scorecard(path, findings, report.rules))
            continue
        cards.append(scorecard(path, entry.document, entry.analysis, entry.rule_names,
                               findings, report.rules))
    return Assessment(cards, shared_text(report), report.files, list(report.errors))
