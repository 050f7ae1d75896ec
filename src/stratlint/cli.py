"""The stratlint command line: check, rules, explain, schema, init, report."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import StratlintError
from .registry import AUTO_LINT_FORMAT, LINT_FORMATS, REPORT_FORMATS, input_types_text

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _say(kind: str, message: str) -> None:
    """One line on standard error; file names and quoted text in it are escaped."""
    from .safety.escape import field

    click.echo(f"stratlint: {kind}: {field(message)}", err=True)


def _fail(message: str) -> None:
    _say("error", message)
    sys.exit(2)


def _split(values: tuple[str, ...]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


class _Group(click.Group):
    """Turns stratlint's own errors into one line and exit code 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except StratlintError as exc:
            _fail(str(exc))


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="stratlint")
def main():
    """Check digital strategy documents against the guide 'Building a digital strategy'
    (NHS Providers and Public Digital, 2021).

    \b
    Examples:
      stratlint check strategy.md          lint one document
      stratlint check docs/                lint every strategy file in a folder
      stratlint rules                      list every rule
      stratlint explain missing-not-doing  why a rule exists and how to satisfy it
      stratlint schema config              the config's JSON Schema, for editors
    """


def _formats_help(formats) -> str:
    return "; ".join(f"{fmt.name}: {fmt.summary}" for fmt in formats.values())


FORMAT_NAMES = [AUTO_LINT_FORMAT, *LINT_FORMATS]

CHECK_HELP = f"""Lint strategy documents.

    PATHS are files or folders (default: the current folder). Folders are searched for
    {input_types_text()}, leaving out repository files such as README, CHANGELOG, LICENSE
    and requirements files (-v lists what was left out). A file named as a PATH is always
    checked, unless --force-exclude. Use '-' (or --stdin-filename) to read from standard
    input; everything after '--' is a PATH.

    \b
    Exit codes:
      0  no findings at or above --fail-on
      1  findings at or above --fail-on
      2  usage, configuration or internal error
    """


@main.command(context_settings=CONTEXT, help=CHECK_HELP)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "--output-format", "output_format", type=click.Choice(FORMAT_NAMES),
              default=AUTO_LINT_FORMAT, show_default=True,
              help=f"Output format. {AUTO_LINT_FORMAT}: github inside GitHub Actions, else "
                   f"text; {_formats_help(LINT_FORMATS)}.")
@click.option("-o", "--output-file", "output_file", type=click.Path(dir_okay=False),
              metavar="FILE", help="Write the findings to FILE instead of standard output "
              "(any format).")
@click.option("--select", multiple=True, metavar="RULES",
              help="Only these rules (names, codes or code prefixes, comma-separated). "
                   "Replaces the config's select.")
@click.option("--ignore", multiple=True, metavar="RULES",
              help="Skip these rules (names, codes or code prefixes), on top of the config's.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Use this config file instead of searching for one next to each document.")
@click.option("--show-config", is_flag=True,
              help="Print the configuration that applies to each PATH (which files it came "
                   "from, and its settings) and exit; nothing is checked.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--fix", is_flag=True,
              help="Apply the safe fixes (one word swapped for its plainer form, in Markdown "
                   "and text files) and report what is left.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print the safe fixes as a unified diff and change nothing; exit 1 when "
                   "there is something to fix.")
@click.option("--no-color", is_flag=True, help="Never colour the output (colour is used only "
              "on a terminal, and never when NO_COLOR is set).")
@click.option("-q", "--quiet", is_flag=True, help="Print only the finding lines.")
@click.option("-v", "--verbose", is_flag=True,
              help="Also say which files were left out (by a folder walk, or by "
                   "--force-exclude), and why.")
@click.option("--statistics", is_flag=True, help="Also print how often each rule fired.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=False,
              help="Processes to check files in (default: one per core, or one for a few "
                   "files, when a large document's rules are shared among the cores). The "
                   "output is the same whatever the number.")
@click.option("--changed-since", metavar="REF",
              help="Report only what changed since this git ref made worse (for pull "
                   "requests): findings the file did not have at REF, and findings on "
                   "changed lines. Files new since then are reported whole.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False),
              metavar="FILE", help="Record today's findings in FILE (a later --baseline FILE "
              "then reports only new ones) and exit 0.")
@click.option("--stdin-filename", metavar="NAME",
              help="Read the document from standard input (when no PATH is given, or PATH "
                   "is '-'), reporting it as NAME and picking the reader by NAME's suffix.")
@click.option("--force-exclude", is_flag=True,
              help="Leave out files named as PATHS that a folder walk would leave out "
                   "(excluded, repository files, YAML that is not a strategy). For "
                   "pre-commit, which names every staged file.")
@click.option("--no-cache", is_flag=True,
              help="Check every file afresh. By default each file's results are kept in "
                   ".stratlint_cache/ in the current folder and reused while the file, the "
                   "configuration and stratlint are unchanged.")
def check(paths, output_format, output_file, select, ignore, config_path, show_config,
          fail_on, fix, show_diff, no_color, quiet, verbose, statistics, jobs, changed_since,
          baseline_path, write_baseline_path, stdin_filename, force_exclude, no_cache):
    # The help is CHECK_HELP, whose list of file types comes from the registry.
    from . import api, filters
    from .config import ConfigFinder, fail_threshold, load_file

    explicit = load_file(Path(config_path)) if config_path else None
    overrides = {"select": _split(select), "ignore": _split(ignore), "fail_on": fail_on}
    paths = list(paths)
    finder = ConfigFinder(explicit)
    if show_config:
        _show_config(paths or ["."], finder, overrides)
        return
    if fix and show_diff:
        _fail("--fix and --diff cannot be used together: --diff shows what --fix would do")
    reads_stdin = paths == ["-"] or (stdin_filename is not None and not paths)
    if ("-" in paths or reads_stdin) and (fix or show_diff):
        # The findings would be placed in the text piped in, not in a file of that name.
        _fail("--fix and --diff rewrite files; they cannot be used on standard input")
    if "-" in paths or reads_stdin:
        report = _check_stdin(paths or ["-"], explicit, overrides, stdin_filename)
    else:
        paths = paths or ["."]
        skipped: list = []
        report = api.run_paths(paths, explicit, overrides, jobs=jobs or None,
                               progress=_progress_on_terminal(), cache=_results_cache(no_cache),
                               force_exclude=force_exclude, skipped=skipped)
        if verbose:
            for path, reason in skipped:
                click.echo(f"stratlint: skipped {path}: {reason}", err=True)
    for error in report.errors:
        _say("error", error)
    if not report.files and not force_exclude:
        # Not an error (a docs folder may hold no strategy yet), but never silent either.
        from .discover import EXTENSIONS

        _say("warning", f"no strategy documents found in {', '.join(paths)} "
                        f"(looked for {', '.join('*' + e for e in EXTENSIONS)})")
    if write_baseline_path:
        from .filters.baseline import write

        count = write(report, Path(write_baseline_path))
        click.echo(f"stratlint: wrote {count} finding{'s' if count != 1 else ''} to "
                   f"{write_baseline_path}", err=True)
        sys.exit(2 if report.errors else 0)
    if baseline_path:
        from .filters.baseline import read

        report = filters.not_in_baseline(report, read(Path(baseline_path)))

    def config_for(display: str):
        return finder.for_path(_absolute(display)).overridden(**overrides)

    if changed_since:
        report = filters.changed_since(report, changed_since, config_for)
    if show_diff:
        sys.exit(_print_diff(report))
    if fix:
        _apply_fixes(report)

    _write_report(report, output_format, output_file, no_color, quiet, statistics)

    if report.errors:
        sys.exit(2)

    def threshold_for(path: str):
        # Each finding is held to the fail-on of the config that applied to its own file,
        # not to whatever config happens to sit above the working folder.
        return fail_threshold(fail_on or finder.for_path(_absolute(path)).fail_on)

    if filters.fail_on(report, threshold_for).findings:
        sys.exit(1)


def _absolute(path: str) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):   # a symlink loop: its own folder's config
        return Path(path).absolute()


def _write_report(report, output_format, output_file, no_color, quiet, statistics) -> None:
    from .output import lint as lint_output

    if output_file is None:
        color = (not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty())
        options = lint_output.Options(color=color, quiet=quiet, statistics=statistics)
        lint_output.write(lint_output.resolve(output_format), report, sys.stdout, options)
        return
    if any(_absolute(path) == _absolute(output_file) for path in report.paths):
        _fail(f"{output_file}: is one of the documents being checked; choose another file")
    import io

    from .safety.files import write_output

    # A file is not a console: auto is text there.
    name = "text" if output_format == AUTO_LINT_FORMAT else output_format
    options = lint_output.Options(quiet=quiet, statistics=statistics)
    buffer = io.StringIO(newline="\n")
    lint_output.write(name, report, buffer, options)
    try:   # never through a link, and whole or not at all
        write_output(Path(output_file), buffer.getvalue(), "the findings")
    except StratlintError as exc:
        _fail(str(exc))


def _planned_fixes(report) -> list:
    from .output.fixes import planned

    def warn(path: str, problem: str) -> None:
        click.echo(f"stratlint: warning: {path}: not fixed: {problem}", err=True)

    return planned(report.findings, warn)


def _print_diff(report) -> int:
    from .output.fixes import unified_diff

    rewrites = _planned_fixes(report)
    for rewrite in rewrites:
        click.echo(unified_diff(rewrite.path, rewrite.before, rewrite.after), nl=False)
    count = sum(len(rewrite.applied) for rewrite in rewrites)
    click.echo(f"stratlint: {count} fix{'es' if count != 1 else ''} available "
               f"(apply with --fix)", err=True)
    return 1 if count else 0


def _apply_fixes(report) -> None:
    from .output.fixes import write_atomically

    fixed: set[int] = set()
    files = 0
    for rewrite in _planned_fixes(report):
        try:
            write_atomically(Path(rewrite.path), rewrite.bom + rewrite.after)
        except OSError as exc:
            click.echo(f"stratlint: error: {rewrite.path}: cannot write the fixes: "
                       f"{exc.strerror or exc}", err=True)
            report.errors.append(f"{rewrite.path}: fixes not written")
            continue
        files += 1
        fixed.update(id(f) for f in rewrite.applied)
    report.findings = [f for f in report.findings if id(f) not in fixed]
    click.echo(f"stratlint: fixed {len(fixed)} finding{'s' if len(fixed) != 1 else ''} in "
               f"{files} file{'s' if files != 1 else ''}", err=True)


def _show_config(paths, finder, overrides) -> None:
    """Which configuration applies to each path, and what it says."""
    from .locations import display_path

    for raw in paths:
        config = finder.for_path(_absolute(raw)).overridden(**overrides)
        chain = (" extending ".join(display_path(s) for s in config.sources)
                 or "none found (the defaults)")
        click.echo(f"{raw}: configuration from {chain}")
        settings = {
            "select": list(config.select) or "all rules",
            "ignore": list(config.ignore),
            "fail-on": config.fail_on,
            "include": list(config.include) or "every file type stratlint reads",
            "exclude": list(config.exclude),
            "rule-paths": [str(p) for p in config.rule_paths],
            "max-file-size": config.max_file_size,
            "rules": {name: dict(options) for name, options in config.rules.items()},
            "lexicons": {name: list(words) for name, words in config.lexicons.items()},
        }
        for key, value in settings.items():
            click.echo(f"  {key}: {json.dumps(value, ensure_ascii=False)}")


class _Progress:
    """'checked 40 of 200 files' on one rewritten stderr line, for long runs at a terminal."""

    def __call__(self, done: int, total: int) -> None:
        if total < 10:
            return
        click.echo(f"\rstratlint: checked {done} of {total} files", err=True, nl=False)
        if done == total:   # leave the terminal clean for the report
            click.echo("\r" + " " * 40 + "\r", err=True, nl=False)


def _results_cache(no_cache: bool):
    if no_cache or os.environ.get("STRATLINT_NO_CACHE"):
        return None
    from .cache.results import ResultsCache

    cache = ResultsCache()
    if cache.warning:
        _say("warning", cache.warning)
    return cache


def _progress_on_terminal():
    """Progress only where a person is watching: never in CI logs or pipes."""
    return _Progress() if sys.stderr.isatty() and "CI" not in os.environ else None


def _check_stdin(paths, explicit, overrides, stdin_filename):
    from .config import ConfigFinder
    from .discover import printable
    from .run.pipeline import lint_documents
    from .run.rulebook import RuleBook
    from .run.sources import Source

    if paths != ["-"]:
        raise StratlintError("'-' (standard input) cannot be combined with other paths")

    display = printable(stdin_filename or "<stdin>.md")
    finder = ConfigFinder(explicit)
    config = finder.for_path(Path(display).resolve()).overridden(**overrides)
    stdin = getattr(sys.stdin, "buffer", None)
    try:
        data = stdin.read() if stdin is not None else b""
    except (OSError, ValueError):
        data = b""
    # The bytes go to the reader the name picks, so a Word or PDF file can be piped in too.
    return lint_documents([Source(data, display, config)], RuleBook())


def _all_rules(config_path):
    from .config import Config, load_file
    from .packs import load_rules

    config = load_file(Path(config_path)) if config_path else Config()
    return load_rules(config.rule_paths, dict(config.lexicons))


@main.command(context_settings=CONTEXT)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Also list the rules from this config's rule-paths.")
def rules(output_format, config_path):
    """List every rule: name, code, default severity and summary."""
    loaded = sorted(_all_rules(config_path).values(), key=lambda r: r.code)
    if output_format == "json":
        data = [{"name": r.name, "code": r.code, "severity": str(r.severity),
                 "summary": r.summary, "guide_section": r.guide_section, "check": r.check}
                for r in loaded]
        click.echo(json.dumps(data, indent=2))
        return
    from .safety.escape import field

    width = max(len(r.name) for r in loaded)
    for rule in loaded:   # a pack's summary is repository text: escaped for the terminal
        click.echo(f"{rule.code}  {rule.name:<{width}}  {str(rule.severity):<7}  "
                   f"{field(rule.summary)}")


@main.command(context_settings=CONTEXT)
@click.argument("rule")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Also look in this config's rule-paths.")
def explain(rule, config_path):
    """Explain a rule (by name or code): why it exists, where in the guide, its options."""
    from .explain import render
    from .config import _did_you_mean

    loaded = _all_rules(config_path)
    found = loaded.get(rule) or next((r for r in loaded.values() if r.code == rule.upper()), None)
    if found is None:
        raise StratlintError(f"no rule called {rule!r}{_did_you_mean(rule, loaded)}")
    from .safety.escape import lines

    click.echo(lines(render(found)))


# `stratlint schema NAME` -> the file schemas/<file>.schema.json that stratlint ships.
SCHEMA_FILES = {"rules": "rule", "config": "config", "strategy": "strategy", "output": "output",
                "report": "report"}


@main.command(context_settings=CONTEXT)
@click.argument("name", type=click.Choice(list(SCHEMA_FILES)))
def schema(name):
    """Print one of stratlint's JSON Schemas (draft 2020-12).

    \b
      rules     a rule pack (the YAML files of rule-paths and rules/guide/)
      config    .stratlint.yaml, stratlint.yaml or [tool.stratlint]
      strategy  a structured strategy in YAML or Markdown front matter
      output    what `stratlint check --format json` prints
      report    what `stratlint report --format json` prints

    Save one and point your editor at it for completion and checking as you type:

    \b
      stratlint schema config > stratlint.schema.json
      # yaml-language-server: $schema=stratlint.schema.json   (first line of the YAML file)
    """
    from .resources import data_path
    from .resources import schema as load_schema

    filename = f"{SCHEMA_FILES[name]}.schema.json"
    if not (data_path("schemas") / filename).is_file():
        _fail(f"the {name} schema is not available in this installation "
              f"(schemas/{filename} is missing)")
    click.echo(json.dumps(load_schema(SCHEMA_FILES[name]), indent=2, ensure_ascii=False))



@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(list(REPORT_FORMATS)),
              default="html", show_default=True,
              help=f"Report format. {_formats_help(REPORT_FORMATS)}.")
@click.option("-o", "--output-file", "--output", "output_path", type=click.Path(dir_okay=False),
              metavar="FILE", help="Write the report to FILE instead of standard output.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Use this config file instead of searching for one next to each document.")
def report(paths, output_format, output_path, config_path):
    """Write the board assurance report for strategy documents.

    For each document: the ten questions for boards from the guide, each rated red, amber or
    green with the evidence found and the findings behind the rating; the good and bad signs;
    and each commitment checked for being tangible, measurable, outcome-focused, time-bound
    and owned. Several documents also get a comparison table and a list of text they share.

    \b
    Examples:
      stratlint report strategy.md -o report.html
      stratlint report strategies/ --format csv -o comparison.csv

    A report is not a gate: the exit code is 0 whatever the ratings, and 2 only for usage,
    configuration or internal errors.
    """
    from . import api
    from .output.assurance.assess import assess
    from .config import load_file
    from .output.assurance import render

    explicit = load_file(Path(config_path)) if config_path else None
    missing = next((p for p in paths if not (Path(p).exists() or Path(p).is_symlink())), None)
    if missing is not None:
        _fail(f"{missing}: no such file or folder")
    if output_path:
        target = Path(output_path).resolve()
        if any(Path(p).resolve() == target for p in paths):
            _fail(f"{output_path}: is one of the documents being checked; choose another "
                  f"output file")
    result = api.run_paths(list(paths), explicit, keep_documents=True)
    text = render(output_format, assess(result))
    for error in result.errors:
        _say("error", error)
    if output_path:
        from .safety.files import write_output

        write_output(Path(output_path), text, "the report")
    else:   # to a console: the documents' text must not act on it
        from .safety.escape import json_text, lines

        click.echo(json_text(text) if output_format == "json" else lines(text), nl=False)
    if result.errors:
        sys.exit(2)


@main.command(context_settings=CONTEXT)
@click.argument("path", required=False, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(["markdown", "yaml"]),
              help="Markdown, or a structured YAML strategy [default: from PATH's suffix, "
                   "else markdown].")
@click.option("--force", is_flag=True, help="Overwrite the strategy file if it exists.")
def init(path, output_format, force):
    """Write a starter strategy that follows the guide, and a starter config.

    PATH is the file to write (default strategy.md, or strategy.yaml with --format yaml) or
    a folder to write it in. The starter has a section for each of the guide's questions for
    boards; its gaps are placeholders such as '[TODO: one-sentence mission]', which
    `stratlint check` reports until they are filled in.

    A .stratlint.yaml is written beside it unless a configuration already applies there.
    An existing file is never overwritten without --force.

    \b
    Examples:
      stratlint init                       strategy.md and .stratlint.yaml here
      stratlint init --format yaml plans/  plans/strategy.yaml
    """
    from .starter import write

    written = write(path, output_format, force=force)
    click.echo(f"stratlint: wrote {written.strategy}", err=True)
    if written.config is not None:
        click.echo(f"stratlint: wrote {written.config}", err=True)
    elif written.existing_config:
        click.echo(f"stratlint: kept the existing configuration {written.existing_config}",
                   err=True)
    click.echo(f"stratlint: fill in each [TODO ...] placeholder, then run: "
               f"stratlint check {written.strategy}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
