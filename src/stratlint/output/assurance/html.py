"""The assurance report as one self-contained HTML file, for screens and A4 board packs.

No script, no external assets: styles are inline, charts are inline SVG, and every piece of
text that comes from a document, a finding or a path goes through ``html.escape``. A
Content-Security-Policy meta tag forbids scripts and remote loads as a second line of defence.
"""
from __future__ import annotations

import html

from ._common import grouped
from .assess import (AMBER, COMMITMENT_RULE, GREEN, QUESTIONS, RATING_LABELS, RATING_RULE,
                     RED, SIGN_RULE, UNRATED)

# Fill and text colours, with a letter so ratings survive black-and-white printing.
COLOURS = {RED: ("#c4261b", "#ffffff", "R"), AMBER: ("#f4a21a", "#1a1a1a", "A"),
           GREEN: ("#00703c", "#ffffff", "G"), UNRATED: ("#b1b4b6", "#1a1a1a", "?")}

CSS = """
:root { --red:#c4261b; --amber:#f4a21a; --green:#00703c; --grey:#b1b4b6; --ink:#1a1a1a;
        --muted:#505a5f; --rule:#d0d4d6; --tint:#f3f2f1; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 1120px; padding: 24px 28px 48px; color: var(--ink);
       font-family: Arial, "Helvetica Neue", Helvetica, "Liberation Sans", sans-serif;
       font-size: 16px; line-height: 1.45; background: #fff; }
h1 { font-size: 30px; line-height: 1.15; margin: 0 0 6px; }
h2 { font-size: 24px; margin: 36px 0 8px; padding-top: 10px; border-top: 4px solid var(--ink); }
h3 { font-size: 19px; margin: 26px 0 8px; }
p { margin: 0 0 10px; }
.lede { font-size: 18px; color: var(--muted); margin-bottom: 16px; }
.meta { color: var(--muted); font-size: 14px; }
.path { font-family: Consolas, "Liberation Mono", Menlo, monospace; font-size: 0.88em;
        overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 16px; font-size: 15px; }
th, td { text-align: left; vertical-align: top; padding: 8px;
         border-bottom: 1px solid var(--rule); }
th { background: var(--tint); font-weight: bold; border-bottom: 2px solid var(--ink); }
tbody th { background: transparent; border-bottom: 1px solid var(--rule); }
td.num, th.num { width: 2.4em; text-align: right; color: var(--muted); }
.rag { display: inline-block; min-width: 4.6em; padding: 2px 8px; border-radius: 3px;
       font-weight: bold; text-align: center; font-size: 14px; white-space: nowrap; }
.rag-red { background: var(--red); color: #fff; }
.rag-amber { background: var(--amber); color: var(--ink); }
.rag-green { background: var(--green); color: #fff; }
.rag-unrated { background: var(--grey); color: var(--ink); }
.comparison td.cell { text-align: center; padding: 6px 4px; }
.comparison th.q { text-align: center; font-size: 13px; padding: 6px 4px; }
.comparison .rag { min-width: 0; width: 100%; font-size: 13px; padding: 3px 2px; }
.question-text { font-weight: bold; }
.looks-for { color: var(--muted); font-size: 14px; margin-top: 2px; }
.reason { font-size: 14px; margin-top: 4px; }
.quote { border-left: 4px solid var(--rule); padding: 1px 0 1px 8px; margin: 0 0 6px; }
.loc { display: inline-block; color: var(--muted); font-size: 13px; white-space: nowrap;
       margin-right: 4px; }
.none { color: var(--muted); font-style: italic; }
ul.findings { margin: 0; padding-left: 18px; font-size: 14px; }
ul.findings li { margin-bottom: 4px; }
.rule-name { font-family: Consolas, "Liberation Mono", Menlo, monospace; font-size: 12px;
             color: var(--muted); white-space: nowrap; }
.where { color: var(--muted); }
.words { font-size: 14px; margin: 0; }
tr.group th { background: transparent; border-bottom: 2px solid var(--ink); padding-top: 14px;
              font-size: 15px; }
.summary-line { font-size: 18px; margin: 6px 0 4px; }
.chart { margin: 6px 0 12px; max-width: 100%; height: auto; }
.yes { color: var(--green); font-weight: bold; }
.no { color: var(--red); font-weight: bold; }
.na { color: var(--muted); }
td.yes { background: #e6f2ec; } td.no { background: #fbe9e7; }
.commitments td.check { text-align: center; white-space: nowrap; width: 5.6em; }
.commitments th.check { text-align: center; font-size: 13px; width: 5.6em; }
.key { display: flex; flex-wrap: wrap; gap: 8px 22px; margin: 8px 0 4px; font-size: 14px; }
.key span.rag { min-width: 4.6em; }
.notice { border-left: 6px solid var(--red); background: #fbe9e7; padding: 10px 14px; }
.method { font-size: 14px; color: var(--muted); }
.method p { margin-bottom: 8px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h1 { font-size: 20pt; } h2 { font-size: 15pt; margin-top: 0; } h3 { font-size: 12pt; }
  .lede { font-size: 11pt; }
  table { font-size: 9pt; } .rag { font-size: 8.5pt; }
  ul.findings, .reason, .looks-for, .loc, .words { font-size: 8.5pt; }
  tr.group th { font-size: 10pt; }
  .comparison th.q { font-size: 7.5pt; padding: 4px 1px; }
  .comparison .rag { font-size: 7.5pt; padding: 2px 0; }
  .comparison tbody th { width: 22%; font-size: 9pt; }
  section.document { break-before: page; }
  tr, .quote, .chart, .key { break-inside: avoid; }
  thead { display: table-header-group; }
  h2, h3 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def e(value) -> str:
    """Escape anything for HTML text or attribute values."""
    return html.escape(str(value), quote=True)


def badge(rating: str) -> str:
    return f'<span class="rag rag-{e(rating)}">{e(RATING_LABELS[rating])}</span>'


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


def _quotes(evidence) -> str:
    if not evidence:
        return '<p class="none">None found.</p>'
    return "".join(f'<div class="quote"><span class="loc">{e(item.location)}</span> '
                   f'\u201c{e(item.text)}\u201d</div>' for item in evidence)


def _findings(card, findings) -> str:
    """Findings grouped by rule: the message, where it is, and the rule's name."""
    if not findings:
        return ""
    items = []
    for rule, count, place, message in grouped(card, findings):
        lead = "For example: " if count > 1 else ""
        items.append(f'<li>{lead}{e(message)} <span class="where">({e(place)})</span> '
                     f'<span class="rule-name">{e(rule)}</span></li>')
    return f'<ul class="findings">{"".join(items)}</ul>'


def _bar_chart(cards) -> str:
    """One stacked bar per document: how many questions are red, amber, green, not rated."""
    label_w, bar_w, row_h, top = 290, 430, 34, 8
    width = label_w + bar_w + 200
    axis_y = top + row_h * len(cards) + 4
    height = axis_y + 36
    step = bar_w / len(QUESTIONS)
    parts = [f'<svg class="chart" role="img" xmlns="http://www.w3.org/2000/svg" '
             f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'aria-labelledby="bar-title"><title id="bar-title">Ratings of the ten questions '
             f'for each document</title>']
    for n in range(0, len(QUESTIONS) + 1, 2):
        x = label_w + step * n
        parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{axis_y}" '
                     f'stroke="#d0d4d6" stroke-width="1"/>')
        parts.append(f'<text x="{x:.1f}" y="{axis_y + 16}" text-anchor="middle" font-size="12" '
                     f'fill="#505a5f">{n}</text>')
    parts.append(f'<text x="{label_w + bar_w / 2:.1f}" y="{axis_y + 30}" text-anchor="middle" '
                 f'font-size="12" fill="#505a5f">number of questions</text>')
    for index, card in enumerate(cards):
        y = top + index * row_h
        counts = card.counts()
        name = _truncate(card.organisation, 42)
        parts.append(f'<text x="{label_w - 10}" y="{y + 21}" text-anchor="end" '
                     f'font-size="14" fill="#1a1a1a">{e(name)}</text>')
        x = label_w
        for rating in (GREEN, AMBER, RED, UNRATED):
            count = counts[rating]
            if not count:
                continue
            fill, ink, _letter = COLOURS[rating]
            w = step * count
            parts.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" '
                         f'fill="{fill}" stroke="#ffffff" stroke-width="1"><title>'
                         f'{count} {e(RATING_LABELS[rating].lower())}</title></rect>')
            parts.append(f'<text x="{x + w / 2:.1f}" y="{y + 22}" text-anchor="middle" '
                         f'font-size="14" font-weight="bold" fill="{ink}">{count}</text>')
            x += w
        summary = f"{counts[GREEN]} green, {counts[AMBER]} amber, {counts[RED]} red"
        parts.append(f'<text x="{label_w + bar_w + 10}" y="{y + 21}" font-size="13" '
                     f'fill="#505a5f">{e(summary)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _lights(card, index: int) -> str:
    """A traffic light per question, numbered, with its rating's letter inside."""
    gap, r, top = 64, 20, 6
    width = gap * len(card.questions) + 8
    height = top + 2 * r + 40
    parts = [f'<svg class="chart" role="img" xmlns="http://www.w3.org/2000/svg" '
             f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'aria-labelledby="lights-{index}"><title id="lights-{index}">Rating of each '
             f'question for {e(card.organisation)}</title>']
    for i, result in enumerate(card.questions):
        cx = 4 + gap * i + gap / 2
        fill, ink, letter = COLOURS[result.rating]
        parts.append(f'<circle cx="{cx:.0f}" cy="{top + r}" r="{r}" fill="{fill}" '
                     f'stroke="#1a1a1a" stroke-width="1"><title>Question '
                     f'{result.question.number}: {e(RATING_LABELS[result.rating])}</title>'
                     f'</circle>')
        parts.append(f'<text x="{cx:.0f}" y="{top + r + 6}" text-anchor="middle" font-size="17" '
                     f'font-weight="bold" fill="{ink}">{letter}</text>')
        parts.append(f'<text x="{cx:.0f}" y="{top + 2 * r + 17}" text-anchor="middle" '
                     f'font-size="12" font-weight="bold" fill="#1a1a1a">'
                     f'Q{result.question.number}</text>')
        parts.append(f'<text x="{cx:.0f}" y="{top + 2 * r + 32}" text-anchor="middle" '
                     f'font-size="11" fill="#505a5f">{e(result.question.short)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _key() -> str:
    return ('<div class="key">'
            f'<span>{badge(GREEN)} the evidence is there and no rule fired</span>'
            f'<span>{badge(AMBER)} evidence there, but a supporting rule fired</span>'
            f'<span>{badge(RED)} the evidence the question asks for is missing</span>'
            f'<span>{badge(UNRATED)} not checked</span></div>')


def _comparison(cards) -> str:
    head = "".join(f'<th class="q" scope="col">{q.number}<br>{e(q.short)}</th>'
                   for q in QUESTIONS)
    rows = []
    for card in cards:
        cells = "".join(f'<td class="cell">{badge(r.rating)}</td>' for r in card.questions)
        rows.append(f'<tr><th scope="row">{e(card.organisation)}<br>'
                    f'<span class="path meta">{e(card.path)}</span></th>{cells}</tr>')
    return ('<table class="comparison"><thead><tr><th scope="col">Organisation and document'
            f'</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _shared(shared, many: bool) -> str:
    if not many:
        return ""
    out = ['<h3 id="shared">Text shared between documents</h3>']
    if not shared:
        out.append('<p>No long passages are shared between these documents.</p>')
        return "".join(out)
    out.append("<p>These passages are the same, or nearly, in more than one document: a sign "
               "that a strategy was copied from a template or from another organisation.</p>")
    out.append('<table><thead><tr><th>Document</th><th>Lines</th><th>Same as in</th>'
               '<th>Passage</th></tr></thead><tbody>')
    for item in shared:
        lines = (f"{item.line}" if item.line == item.end_line
                 else f"{item.line}\u2013{item.end_line}")
        out.append(f'<tr><td class="path">{e(item.path)}</td><td>{e(lines)}</td>'
                   f'<td class="path">{e(item.other)}</td><td>\u201c{e(item.text)}\u201d</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _questions(card) -> str:
    rows = []
    for result in card.questions:
        q = result.question
        findings = _findings(card, result.findings) or '<p class="none">None.</p>'
        rows.append(
            f'<tr><td class="num">{q.number}</td>'
            f'<td><div class="question-text">{e(q.text)}</div>'
            f'<div class="looks-for">Looks for: {e(q.looks_for)}</div></td>'
            f'<td>{badge(result.rating)}<div class="reason">{e(result.reason)}</div></td>'
            f'<td>{_quotes(result.evidence)}</td>'
            f'<td>{findings}</td></tr>')
    return ('<table class="questions"><thead><tr><th class="num">#</th>'
            '<th style="width:24%">Question for the board</th><th style="width:12%">Rating</th>'
            '<th style="width:26%">Evidence found</th><th>Findings behind the rating</th>'
            f'</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _words(findings, limit: int = 10) -> str:
    """The words a phrase rule found, each once, with the line it is first on."""
    seen: dict[str, tuple[str, int]] = {}
    for finding in findings:
        words = " ".join(finding.excerpt.split())
        words = words if len(words) <= 60 else words[:59].rstrip() + "\u2026"
        seen.setdefault(words.lower(), (words, finding.line))
    shown = [f'\u2018{e(words)}\u2019 <span class="where">(line {line})</span>'
             for words, line in list(seen.values())[:limit]]
    more = len(seen) - limit
    tail = f" and {more} more" if more > 0 else ""
    rule = e(findings[0].rule)
    return (f'<p class="words">Words found: {", ".join(shown)}{tail}. '
            f'<span class="rule-name">{rule}</span></p>')


def _signs(card) -> str:
    rows = []
    for kind, title in (("good", "Signs of a good strategy"), ("bad", "Signs of a bad strategy")):
        rows.append(f'<tr class="group"><th colspan="3" scope="rowgroup">{title}</th></tr>')
        for result in (s for s in card.signs if s.sign.kind == kind):
            if result.evidence:
                detail = _quotes(result.evidence)
            elif result.findings and kind == "bad" and not result.sign.whole_document:
                detail = _words(result.findings)
            elif result.findings:
                detail = _findings(card, result.findings)
            else:
                detail = f'<p class="none">{e(result.reason.capitalize())}.</p>'
            count = (f'<div class="reason">{e(result.reason)}</div>'
                     if kind == "bad" and result.findings else "")
            rows.append(f'<tr><td><strong>{e(result.sign.name)}</strong><div class="looks-for">'
                        f'{e(result.sign.meaning)}</div></td>'
                        f'<td>{badge(result.rating)}{count}</td><td>{detail}</td></tr>')
    return ('<table class="signs"><thead><tr><th style="width:30%">Sign</th>'
            '<th style="width:13%">Rating</th><th>What was found</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _tick(value) -> str:
    if value is None:
        return '<td class="check"><span class="na">n/a</span></td>'
    if value:
        return '<td class="check yes">\u2713 <span class="sr">yes</span></td>'
    return '<td class="check no">\u2717 <span class="sr">no</span></td>'


def _commitments(card) -> str:
    if not card.commitments:
        return '<p class="none">No commitments found.</p>'
    complete = sum(1 for c in card.commitments if c.complete)
    rows = []
    for c in card.commitments:
        where = f"p. {c.page}, line {c.page_line}" if c.page is not None else str(c.line)
        note = (f'<div class="looks-for">Names a solution: {e(c.solution)}</div>'
                if c.solution else "")
        rows.append(f'<tr><td class="num">{c.number}</td><td>{e(where)}</td>'
                    f'<td>{e(c.text)}{note}</td>{_tick(c.tangible)}{_tick(c.measurable)}'
                    f'{_tick(c.outcome_focused)}{_tick(c.time_bound)}{_tick(c.owned)}</tr>')
    return (f'<p>{complete} of {len(card.commitments)} commitments pass all five checks.</p>'
            '<table class="commitments"><thead><tr><th class="num">#</th>'
            '<th style="width:5em">Line</th><th>Commitment</th><th class="check">Tangible</th>'
            '<th class="check">Measur&shy;able</th><th class="check">Outcome-focused</th>'
            '<th class="check">Time-bound</th><th class="check">Owned</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _document(card, index: int) -> str:
    out = [f'<section class="document" id="doc-{index}">',
           f'<h2>{e(card.organisation)}</h2>',
           f'<p class="meta">{e(card.title)} \u00b7 <span class="path">{e(card.path)}</span></p>']
    if not card.readable:
        out.append(f'<p class="notice">This document could not be read: {e(card.problem)}. '
                   'None of the questions could be rated.</p></section>')
        return "".join(out)
    counts = card.counts()
    out.append(f'<p class="summary-line"><strong>{counts[RED]} red</strong>, '
               f'<strong>{counts[AMBER]} amber</strong> and <strong>{counts[GREEN]} green'
               f'</strong> of the ten questions'
               + (f", {counts[UNRATED]} not rated" if counts[UNRATED] else "")
               + f'; {len(card.findings)} finding{"s" if len(card.findings) != 1 else ""} '
               'in all.</p>')
    out.append(_lights(card, index))
    out.append("<h3>Questions for boards</h3>")
    out.append(_questions(card))
    out.append("<h3>Good and bad signs</h3>")
    out.append(_signs(card))
    out.append("<h3>Commitments</h3>")
    out.append(_commitments(card))
    out.append("</section>")
    return "".join(out)


def render(assessment) -> str:
    from ... import __version__

    cards = assessment.scorecards
    many = len(cards) > 1
    noun = "document" if len(cards) == 1 else "documents"
    body = ['<header><h1>Digital strategy assurance report</h1>',
            f'<p class="lede">{len(cards)} {noun} checked against the questions for boards in '
            '<cite>Building a digital strategy</cite> (NHS Providers and Public Digital, 2021).'
            '</p>', _key(), '</header>']
    if assessment.errors:
        items = "".join(f"<li>{e(error)}</li>" for error in assessment.errors)
        body.append(f'<div class="notice"><p><strong>Some checks failed, so this report may be '
                    f'incomplete:</strong></p><ul>{items}</ul></div>')
    body.append('<section class="overview"><h2>Overview</h2>')
    body.append(_bar_chart(cards) if cards else '<p class="none">No documents found.</p>')
    if many:
        body.append("<h3>Comparison</h3>")
        body.append(_comparison(cards))
    body.append(_shared(assessment.shared, many))
    body.append("</section>")
    body.extend(_document(card, i) for i, card in enumerate(cards, 1))
    body.append('<section class="method"><h2>How the ratings are worked out</h2>'
                f'<p><strong>Questions.</strong> {e(RATING_RULE)}</p>'
                f'<p><strong>Signs.</strong> {e(SIGN_RULE)}</p>'
                f'<p><strong>Commitments.</strong> {e(COMMITMENT_RULE)}</p>'
                '<p>The ratings come from automatic checks of the text. They show where to ask '
                'questions; they do not replace the board\u2019s own judgement. Run '
                '<code>stratlint check</code> on a document for every finding with its line and '
                'column, and <code>stratlint explain RULE</code> for why a rule exists.</p>'
                f'<p>Made by stratlint {e(__version__)}.</p></section>')
    return ("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; img-src data:\">\n"
            "<title>Digital strategy assurance report</title>\n"
            f"<style>{CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")
