#!/usr/bin/env python
"""Coverage-guided fuzzing of what stratlint writes and prints, with atheris.

Targets:

  github    findings with fuzzed messages, source lines and file names, printed as GitHub
            annotations and a job summary: no line but stratlint's own annotations starts
            with '::', none holds '##[', no control character but the newline is printed,
            and the summary holds no raw HTML.
  console   the same property for the text format.
  baseline  a baseline written from fuzzed findings reads back the same; fuzzed bytes as a
            baseline file raise nothing but StratlintError.
  cache     a results-cache entry stores and loads back the same findings; an entry with
            fuzzed bytes flipped is never trusted and never raises.
  outputs   a report written where the fuzzer chose what already lies (nothing, a file, a
            link out of the folder, a dangling link, a FIFO, a folder): either written as a
            regular file or refused with StratlintError, and nothing outside changes.

Run like fuzz_readers.py (atheris installed beside stratlint):

    python fuzz/fuzz_outputs.py github -max_total_time=600

The targets are plain functions of bytes, so tests/test_fuzz_outputs.py runs each on a
few fixed inputs without atheris.
"""
from __future__ import annotations

import io
import os
import re
import stat
import sys
import tempfile
from pathlib import Path

from stratlint.output import lint as lint_output
from stratlint.filters.baseline import read as read_baseline
from stratlint.filters.baseline import write as write_baseline
from stratlint.document import Document
from stratlint.run.lint import FileResult
from stratlint.run.result import RunResult
from stratlint.errors import StratlintError
from stratlint.findings import Finding, Severity
from stratlint.cache.results import ResultsCache
from stratlint.safety.files import write_output

OWN_ANNOTATION = re.compile(r"^::(error|warning|notice) file=[^:,\n]*,line=\d+,[^\n]*"
                            r"title=SL\d+ [a-z][a-z0-9-]*::")
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _parts(data: bytes, count: int) -> list[str]:
    """`count` strings from the input: NUL-separated, decoded leniently."""
    pieces = data.split(b"\0", count - 1)
    pieces += [b""] * (count - len(pieces))
    return [piece.decode("utf-8", "replace") for piece in pieces]


def _report(message: str, line: str, path: str) -> RunResult:
    path = path or "plan.md"
    finding = Finding(path=path, line=1, column=1, rule="vague-language", code="SL104",
                      severity=Severity.WARNING, message=message, end_line=1, end_column=2,
                      excerpt=line[:20], suggestion="use")
    report = RunResult(findings=[finding], files=1)
    report.paths = [path]
    report.source_lines[(path, 1)] = line
    return report


def _assert_console_safe(output: str, annotations: int) -> None:
    own = 0
    for line in output.splitlines():
        if OWN_ANNOTATION.match(line):
            own += 1
        else:
            assert not line.strip().startswith("::"), line
        assert "##[" not in line.strip(), line
        assert not CONTROL.search(line), repr(line)
    assert annotations < 0 or own == annotations, output


def _printed(data: bytes, name: str) -> str:
    stream = io.StringIO()
    lint_output.write(name, _report(*_parts(data, 3)), stream, lint_output.Options())
    return stream.getvalue()


def fuzz_github(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        summary = Path(folder) / "summary.md"
        os.environ["GITHUB_STEP_SUMMARY"] = str(summary)
        try:
            _assert_console_safe(_printed(data, "github"), 1)
        finally:
            del os.environ["GITHUB_STEP_SUMMARY"]
        written = summary.read_text(encoding="utf-8")
        assert "<" not in written.replace("&lt;", ""), written


def fuzz_text(data: bytes) -> None:
    _assert_console_safe(_printed(data, "text"), -1)


def fuzz_baseline(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "baseline.json"
        report = _report(*_parts(data, 3))
        assert write_baseline(report, target) == 1
        assert sum(read_baseline(target).values()) == 1
        target.write_bytes(data)
        try:
            read_baseline(target)
        except StratlintError:
            pass


def fuzz_cache(data: bytes) -> None:
    message, text, flip = _parts(data, 3)
    text = text or "x"
    with tempfile.TemporaryDirectory() as folder:
        cache = ResultsCache(Path(folder))
        if cache.warning or cache._key is None:   # no user cache here: nothing to check
            return
        document = Document(path="plan.md", text=text, format="markdown", blocks=())
        report = _report(message, text, "plan.md")
        content = text.encode("utf-8", "replace")
        cache.store("plan.md", content, "rules", FileResult(document, tuple(report.findings)))
        loaded = cache.load("plan.md", content, "rules")
        assert loaded is not None and list(loaded.findings) == report.findings
        for entry in (Path(folder) / ".stratlint_cache").glob("*.json"):
            raw = bytearray(entry.read_bytes())
            for index, byte in enumerate(flip.encode()[:8]):
                raw[(index * 7919 + byte) % len(raw)] ^= (byte or 1)
            entry.write_bytes(bytes(raw))
        loaded = cache.load("plan.md", content, "rules")
        assert loaded is None or list(loaded.findings) == report.findings


def fuzz_outputs(data: bytes) -> None:
    kind = data[0] % 6 if data else 0
    text = data[1:].decode("utf-8", "replace")
    with tempfile.TemporaryDirectory() as folder:
        inside, outside = Path(folder) / "repo", Path(folder) / "outside"
        inside.mkdir()
        outside.mkdir()
        victim = outside / "victim.txt"
        victim.write_text("keep", encoding="utf-8")
        target = inside / "out.html"
        if kind == 1:
            target.write_text("old", encoding="utf-8")
        elif kind == 2:
            target.symlink_to(victim)
        elif kind == 3:
            target.symlink_to(outside / "created.txt")
        elif kind == 4:
            os.mkfifo(target)
        elif kind == 5:
            target.mkdir()
        try:
            write_output(target, text, "the report")
            assert stat.S_ISREG(os.lstat(target).st_mode)
            assert target.read_bytes() == text.encode("utf-8")
        except StratlintError:
            assert kind in (2, 3, 4, 5)
        assert victim.read_text(encoding="utf-8") == "keep"
        assert sorted(p.name for p in outside.iterdir()) == ["victim.txt"]


TARGETS = {"github": fuzz_github, "console": fuzz_text, "baseline": fuzz_baseline,
           "cache": fuzz_cache, "outputs": fuzz_outputs}


def main(argv: list[str]) -> None:
    if len(argv) < 2 or argv[1] not in TARGETS:
        sys.exit(f"usage: {argv[0]} {{{','.join(TARGETS)}}} [libFuzzer options]")
    import atheris

    atheris.Setup([argv[0]] + argv[2:], TARGETS[argv[1]])
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
