"""Every extension point's registry, in one place: input formats, lint output formats,
board-report formats and check kinds.

Adding one is one module plus one entry here. The module's contract is written where its
package is: a reader has ``read(text, path) -> Document`` (``read(data, path)`` when
binary, see readers/), a lint reporter ``write(report, stream, options)`` (output/lint/),
a report renderer ``render(assessment) -> str`` (output/assurance/) and a check kind a
``KIND`` (checks/). The command line's --format choices and help, the file types a folder walk
looks for, the README's lists and the pre-commit hook's file pattern (tests hold the last
two to these tables) all follow from here.

This module imports no format: a run imports only the reader, reporter or renderer it uses.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputFormat:
    name: str                    # Document.format, and the key below
    label: str                   # how help text names the type: "Markdown", "Word"
    extensions: tuple[str, ...]  # lower case, with the dot; what a folder walk looks for
    module: str                  # the reader
    binary: bool = False         # read from the file's bytes, never decoded as text
    walk_note: str = ""          # a further test a folder walk applies, for the help text


@dataclass(frozen=True)
class OutputFormat:
    name: str
    module: str
    summary: str                 # one line for --help


def _by_name(*items):
    return {item.name: item for item in items}


INPUT_FORMATS = _by_name(
    InputFormat("markdown", "Markdown", (".md", ".markdown"), "stratlint.readers.markdown"),
    InputFormat("text", "plain text", (".txt",), "stratlint.readers.plaintext"),
    InputFormat("yaml", "structured strategies in YAML", (".yaml", ".yml"),
                "stratlint.readers.structured", walk_note="only those that look like a strategy"),
    InputFormat("html", "HTML", (".html", ".htm"), "stratlint.readers.html"),
    InputFormat("docx", "Word", (".docx",), "stratlint.readers.docx", binary=True),
    InputFormat("pdf", "PDF", (".pdf",), "stratlint.readers.pdf", binary=True),
)
# A file named on the command line with any other extension is read as plain text.
FALLBACK_INPUT_FORMAT = "text"
INPUT_EXTENSIONS = tuple(ext for fmt in INPUT_FORMATS.values() for ext in fmt.extensions)
_FORMAT_OF_EXTENSION = {ext: fmt for fmt in INPUT_FORMATS.values() for ext in fmt.extensions}


def input_format(suffix: str) -> InputFormat:
    """The input format for a file name's suffix ('.MD' as '.md'), plain text when unknown."""
    return _FORMAT_OF_EXTENSION.get(suffix.lower(), INPUT_FORMATS[FALLBACK_INPUT_FORMAT])


# `stratlint check --format`.
LINT_FORMATS = _by_name(
    OutputFormat("text", "stratlint.output.lint.text",
                 "each finding, then its source line with a marker under the words"),
    OutputFormat("concise", "stratlint.output.lint.concise",
                 "text without the source excerpts: one line per finding"),
    OutputFormat("json", "stratlint.output.lint.json_findings",
                 "JSON described by `stratlint schema output`"),
    OutputFormat("sarif", "stratlint.output.lint.sarif", "SARIF 2.1.0, for code scanning"),
    OutputFormat("github", "stratlint.output.lint.github", "GitHub Actions annotations"),
    OutputFormat("gitlab", "stratlint.output.lint.gitlab", "GitLab Code Quality JSON"),
    OutputFormat("junit", "stratlint.output.lint.junit", "JUnit XML, one test case per file"),
)
# Not a format of its own: github inside GitHub Actions, text everywhere else.
AUTO_LINT_FORMAT = "auto"

# `stratlint report --format`.
REPORT_FORMATS = _by_name(
    OutputFormat("html", "stratlint.output.assurance.html",
                 "one self-contained page, no script or network, prints on A4"),
    OutputFormat("markdown", "stratlint.output.assurance.markdown", "Markdown"),
    OutputFormat("json", "stratlint.output.assurance.json_assessment",
                 "JSON described by `stratlint schema report`"),
    OutputFormat("csv", "stratlint.output.assurance.csv_report",
                 "one row per document and question, for spreadsheets"),
)

# The check kinds a rule's `check:` may name, besides those installed through the
# `stratlint.checks` entry-point group (packs/plugins.py).
CHECK_KINDS = {
    "existence": "stratlint.checks.existence",
    "substitution": "stratlint.checks.substitution",
    "occurrence": "stratlint.checks.occurrence",
    "required": "stratlint.checks.required",
    "metric": "stratlint.checks.metric",
    "builtin": "stratlint.checks.builtin",
    "commitments": "stratlint.checks.commitments",
    "horizon": "stratlint.checks.horizon",
    "balance": "stratlint.checks.balance",
    "mission": "stratlint.checks.mission",
    "acronyms": "stratlint.checks.acronyms",
    "similarity": "stratlint.checks.similarity",
}


def input_types_text() -> str:
    """'Markdown (*.md, *.markdown), plain text (*.txt), ... and PDF (*.pdf)', for help."""
    parts = []
    for fmt in INPUT_FORMATS.values():
        inside = ", ".join("*" + ext for ext in fmt.extensions)
        parts.append(f"{fmt.label} ({inside}{'; ' + fmt.walk_note if fmt.walk_note else ''})")
    return ", ".join(parts[:-1]) + " and " + parts[-1]
