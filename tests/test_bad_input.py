"""The bad-input matrix: whatever lands in a repository, stratlint reports it in one line and
carries on. Each test checks the exit code, a one-line message naming the file and the
problem, no traceback, that the other files were still checked, and that no input changed.

Rows tested elsewhere (not repeated here):

- binary file, invalid UTF-8, broken UTF-16: test_readers.py::test_binary_file_is_unreadable_file,
  ::test_invalid_utf8_is_unreadable_file, ::test_broken_utf16_is_unreadable_file, and
  test_cli.py::test_unreadable_files_in_a_folder (other files still checked, one line)
- UTF-16 with BOM, UTF-8 BOM, CRLF and lone CR: test_readers.py::test_utf16_with_bom_read,
  ::test_utf8_bom_read, ::test_crlf_and_cr_give_same_positions_as_lf,
  ::test_crlf_text_output_shows_clean_source_line
- malformed front matter (position and message): test_readers.py::
  test_malformed_front_matter_is_schema_violation_at_its_line,
  ::test_front_matter_that_is_not_a_mapping_is_schema_violation (here: through the CLI)
- invalid config (unknown key, wrong type, bad YAML, bad TOML): test_config.py::
  test_config_errors_are_one_line_exit_2, ::test_config_error_in_pyproject,
  ::test_broken_config_above_working_folder_does_not_affect_other_files
- a missing path: test_cli.py::test_missing_path_is_a_finding_and_other_files_are_checked
- no read permission as a normal user: test_cli.py::test_permission_denied_is_unreadable_file
  (skipped as root; simulated here)
- stdin that is not text: test_cli.py::test_stdin_undecodable_is_unreadable_file
- input bytes unchanged for ordinary, CRLF and BOM files: test_cli.py::
  test_files_are_never_modified
- catastrophic patterns in a rule pack, and patterns under the limit repeated over many
  blocks or rules: test_hostile_patterns.py
- document text and file names that hold terminal escapes or CI workflow commands, in every
  output format and the GitHub job summary: test_console_safety.py (with a property test)
- the output writers, results cache and baseline under fuzzed input: test_fuzz_outputs.py
  (fuzz/fuzz_outputs.py)
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _budget import examples  # noqa: E402

FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>SL\d+) "
                     r"(?P<rule>[a-z][a-z0-9-]*) \[(?P<severity>error|warning|info)\] "
                     r"(?P<message>\S.*)$")
# The neighbour every test checks alongside the bad input: one vague-language finding.
NEIGHBOUR = "# Plan\n\nWe will leverage the shared care record.\n"
SELECT = ("--select", "vague-language,schema-violation")


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under folder (symlinks not followed) -> sha256 of its bytes."""
    out = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            if os.path.islink(path):
                out[path] = "link -> " + os.readlink(path)
            else:
                with open(path, "rb") as handle:
                    out[path] = hashlib.sha256(handle.read()).hexdigest()
    return out


def finding_lines(stdout: str) -> list[re.Match]:
    return [m for m in map(FINDING.match, stdout.splitlines()) if m]


def assert_clean(result) -> None:
    assert "Traceback" not in result.stdout + result.stderr


def assert_reported(result, name: str, *fragments: str, rule: str = "unreadable-file"):
    """Exactly one finding line for `name`, of `rule`, whose message holds the fragments."""
    assert_clean(result)
    mine = [m for m in finding_lines(result.stdout)
            if m["path"].endswith(name) and m["rule"] == rule]
    assert len(mine) == 1, result.stdout
    for fragment in fragments:
        assert fragment in mine[0]["message"], mine[0]["message"]
    return mine[0]


def assert_neighbour_checked(result) -> None:
    found = [(m["path"], m["rule"]) for m in finding_lines(result.stdout)]
    assert ("ok.md", "vague-language") in found, result.stdout


@pytest.fixture
def folder(tmp_path, write):
    write(tmp_path, "ok.md", NEIGHBOUR)
    return tmp_path


def check(run_cli, folder, *args):
    before = snapshot(folder)
    result = run_cli("check", "--no-color", *args, cwd=folder)
    assert snapshot(folder) == before, "an input file changed"
    return result


def measured_run(folder: Path, *args: str, timeout: float = 600):
    """`python -m stratlint ARGS` in `folder`: (result, seconds, peak memory in MB)."""
    peak_file = folder.parent / f"{folder.name}-peak"
    # stratlint as `python -m stratlint`, recording its own peak memory on the way out:
    # VmHWM where Linux gives it (ru_maxrss can carry over the parent's peak through exec).
    wrapper = ("import resource, runpy, sys\n"
               "sys.argv = ['stratlint'] + sys.argv[2:]\n"
               "try:\n    runpy.run_module('stratlint', run_name='__main__')\n"
               "finally:\n"
               "    try:\n"
               "        peak = [l.split()[1] for l in open('/proc/self/status')"
               " if l.startswith('VmHWM')][0]\n"
               "    except OSError:\n"
               "        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
               "    open(sys.argv_peak, 'w').write(str(peak))\n"
               ).replace("sys.argv_peak", repr(str(peak_file)))
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", wrapper, "-", *args], cwd=folder,
                            capture_output=True, text=True, timeout=timeout)
    elapsed = time.monotonic() - started
    return result, elapsed, int(peak_file.read_text()) / 1024


# Empty and white-space-only files -------------------------------------------------------

@pytest.mark.parametrize("name, content", [
    ("empty.md", b""),
    ("blank.md", b"  \n\t\n   \n"),
    ("blank-crlf.txt", b"\r\n \r\n\r"),
    ("bom-only.md", b"\xef\xbb\xbf"),
    ("empty.yaml", b""),
    ("blank.yml", b"   \n\n"),
    ("empty.html", b"\n"),
])
def test_empty_and_blank_files_are_reported(run_cli, folder, write, name, content):
    write(folder, name, content)
    result = check(run_cli, folder, *SELECT, name, "ok.md")
    assert result.exit_code == 1
    assert_reported(result, name, "empty")
    assert_neighbour_checked(result)


# Size ------------------------------------------------------------------------------------

def test_a_50_mb_file_is_refused_at_once_in_little_memory(tmp_path, write):
    """Measured in a real process, every default rule on: a file over max-file-size (10 MB
    by default) is reported without being read, so it costs neither time nor memory."""
    section = (Path(__file__).resolve().parents[1] / "examples" /
               "strong-riverside-trust.md").read_text(encoding="utf-8").split("\n", 1)[1]
    copies = 50 * 1024 * 1024 // len(section.encode()) + 1
    big = tmp_path / "big.md"
    with open(big, "w", encoding="utf-8") as handle:
        handle.write("# Riverside digital strategy\n")
        for _ in range(copies):
            handle.write(section)
    write(tmp_path, "ok.md", NEIGHBOUR)
    assert big.stat().st_size >= 50 * 1024 * 1024
    before = snapshot(tmp_path)
    result, elapsed, peak_mb = measured_run(tmp_path, "check", "-q", "--no-color", "big.md",
                                            "ok.md")
    print(f"\n50 MB file: {elapsed:.1f} s wall, peak memory {peak_mb:.0f} MB")
    assert snapshot(tmp_path) == before
    assert result.returncode == 1, result.stderr[-2000:]
    assert result.stderr == ""
    assert_reported(result, "big.md", "too large to check (52.4 MB; the limit is 10 MB, set "
                                      "by max-file-size)")
    assert "ok.md:3:9: SL104 vague-language" in result.stdout
    assert peak_mb < 100


def test_max_file_size_is_set_in_config(run_cli, folder, write):
    write(folder, "plan.md", NEIGHBOUR + "We will publish waiting times monthly.\n" * 3000)
    size = (folder / "plan.md").stat().st_size / 1e3   # about 120 kB
    write(folder, ".stratlint.yaml", "max-file-size: 0.1\n")
    result = check(run_cli, folder, *SELECT, "plan.md", "ok.md")
    assert_reported(result, "plan.md", f"too large to check ({size:.0f} kB; the limit is 0.1 MB")
    assert_neighbour_checked(result)
    write(folder, ".stratlint.yaml", "max-file-size: 0.5\n")
    result = check(run_cli, folder, *SELECT, "plan.md", "ok.md")
    assert ("plan.md", "vague-language") in [(m["path"], m["rule"])
                                             for m in finding_lines(result.stdout)]


def test_word_files_are_held_to_the_limit_by_their_text(run_cli, folder, write):
    import docx

    word = docx.Document()
    word.add_paragraph("We will leverage the shared care record. " * 40)
    word.save(str(folder / "plan.docx"))
    on_disk = (folder / "plan.docx").stat().st_size
    assert on_disk > 20_000   # a Word file is mostly packaging, not text
    write(folder, ".stratlint.yaml", "max-file-size: 0.01\n")   # 10 kB, less than on disk
    result = check(run_cli, folder, *SELECT, "plan.docx", "ok.md")
    assert ("plan.docx", "vague-language") in [(m["path"], m["rule"])
                                               for m in finding_lines(result.stdout)]
    write(folder, ".stratlint.yaml", "max-file-size: 0.001\n")  # 1 kB, less than its text
    result = check(run_cli, folder, *SELECT, "plan.docx", "ok.md")
    assert_reported(result, "plan.docx", "too large to check (text of 2 kB; the limit is "
                                         "0.001 MB")
    assert_neighbour_checked(result)


@pytest.mark.slow
def test_a_1_mb_line_without_a_newline(run_cli, folder, write):
    """Every default rule: an ordinary pattern scanning one huge paragraph is not mistaken for
    a catastrophic one (regression: exit 2, 'pattern ... ran for over 1s')."""
    write(folder, "one-line.md", "We will leverage the record " + "and publish data " * 62_000)
    assert (folder / "one-line.md").stat().st_size > 1_000_000
    result = check(run_cli, folder, "-q", "one-line.md", "ok.md")
    assert_clean(result)
    assert result.exit_code == 1, result.stderr
    assert result.stderr == ""
    rules = {m["rule"] for m in finding_lines(result.stdout) if m["path"] == "one-line.md"}
    assert {"vague-language", "long-sentence"} <= rules
    assert_neighbour_checked(result)


# Deep nesting ----------------------------------------------------------------------------

def test_1000_levels_of_nested_list(run_cli, folder, write):
    text = "# Plan\n\n" + "".join("  " * i + "- we will leverage\n" for i in range(1000))
    write(folder, "nested.md", text)
    write(folder, "quotes.md", "# Plan\n\n" + ">" * 1000 + " we will leverage\n")
    result = check(run_cli, folder, *SELECT, "nested.md", "quotes.md", "ok.md")
    assert_clean(result)
    assert result.exit_code == 1 and result.stderr == ""
    paths = {m["path"] for m in finding_lines(result.stdout)}
    assert {"nested.md", "ok.md"} <= paths


@pytest.mark.parametrize("text", [
    "strategy:\n  " + "[" * 1000 + "]" * 1000 + "\n",
    "".join("  " * i + f"k{i}:\n" for i in range(1000)) + "  " * 1000 + "x\n",
    "title: t\ngoals: " + "- " * 1000 + "leverage\n",
])
def test_1000_levels_of_nested_yaml(run_cli, folder, write, text):
    write(folder, "deep.yaml", text)
    result = check(run_cli, folder, *SELECT, "deep.yaml", "ok.md")
    assert_clean(result)
    assert result.exit_code == 1 and result.stderr == ""
    mine = [m for m in finding_lines(result.stdout) if m["path"] == "deep.yaml"]
    # Refused in one line, or (if the YAML library accepts the depth) read.
    assert all("\n" not in m["message"] for m in mine)
    assert_neighbour_checked(result)


# YAML: alias bombs and Python tags ------------------------------------------------------

BOMB = "".join(
    f"{name}: &{name} [{', '.join([repr('lol') if name == 'a' else '*' + chr(ord(name) - 1)] * 9)}]\n"
    for name in "abcdefghi")


def test_alias_bomb_in_a_structured_strategy_is_refused_quickly(run_cli, folder, write):
    write(folder, "bomb.yaml", BOMB)
    started = time.monotonic()
    result = check(run_cli, folder, *SELECT, "bomb.yaml", "ok.md")
    assert time.monotonic() - started < 20
    assert result.exit_code == 1
    assert_reported(result, "bomb.yaml", "aliases expand to more than")
    assert_neighbour_checked(result)


def test_alias_bomb_in_front_matter_is_refused_quickly(run_cli, folder, write):
    write(folder, "bomb.md", f"---\n{BOMB}---\n\n# Plan\n\nWe will publish data monthly.\n")
    started = time.monotonic()
    result = check(run_cli, folder, *SELECT, "bomb.md", "ok.md")
    assert time.monotonic() - started < 20
    assert result.exit_code == 1
    assert_reported(result, "bomb.md", "front matter", "aliases expand to more than",
                    rule="schema-violation")
    assert_neighbour_checked(result)


def test_a_few_aliases_are_still_fine():
    from stratlint.safety import yaml_loader

    data = yaml_loader.load("a: &a [1, 2]\nb: [*a, *a]\nc: &c {x: *a}\nd: *c\n")
    assert data["d"] == {"x": [1, 2]}


def python_tags(marker: Path) -> list[str]:
    command = f"touch {marker}"
    return [f"!!python/object/apply:os.system [{command!r}]",
            f"!!python/object/new:os.system [{command!r}]",
            "!!python/object:subprocess.Popen {args: [touch, " + str(marker) + "]}",
            "!!python/name:os.system"]


@pytest.mark.parametrize("index", range(4))
def test_python_tags_are_refused_and_nothing_runs(run_cli, folder, write, tmp_path, index):
    marker = tmp_path / "executed"
    tag = python_tags(marker)[index]
    write(folder, "tagged.yaml", f"title: Plan\nmission: {tag}\n")
    write(folder, "tagged.md", f"---\ntitle: {tag}\n---\n\n# Plan\n\nWe publish data.\n")
    result = check(run_cli, folder, *SELECT, "tagged.yaml", "tagged.md", "ok.md")
    assert not marker.exists()
    assert result.exit_code == 1
    assert_reported(result, "tagged.yaml", "python")
    assert_reported(result, "tagged.md", "front matter", "python", rule="schema-violation")
    assert_neighbour_checked(result)


def test_python_tags_in_config_and_rule_pack_are_refused(run_cli, folder, write, tmp_path):
    marker = tmp_path / "executed"
    tag = python_tags(marker)[0]
    write(folder, ".stratlint.yaml", f"select: [{tag}]\n")
    result = check(run_cli, folder, "ok.md")
    assert not marker.exists()
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "python" in result.stderr
    write(folder, ".stratlint.yaml", "rule-paths: [house]\n")
    write(folder, "house/pack.yaml", f"rules: {tag}\n")
    result = check(run_cli, folder, "ok.md")
    assert not marker.exists()
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "pack.yaml" in result.stderr
    assert_clean(result)


# Malformed front matter (through the CLI; positions are tested in test_readers.py) --------

def test_malformed_front_matter_through_the_cli(run_cli, folder, write):
    write(folder, "fm.md", "---\ntitle: 'unclosed\nowner: [a\n---\n\n# Plan\n\nWe will "
                           "leverage data.\n")
    result = check(run_cli, folder, *SELECT, "fm.md", "ok.md")
    assert result.exit_code == 1
    assert_reported(result, "fm.md", "front matter is not valid YAML", rule="schema-violation")
    # The body is still read.
    assert ("fm.md", "vague-language") in {(m["path"], m["rule"])
                                            for m in finding_lines(result.stdout)}
    assert_neighbour_checked(result)


# Invalid rule packs ---------------------------------------------------------------------

PACK = """\
rules:
  - name: house-rule
    code: HR101
    severity: warning
    summary: A house rule.
    message: "Found '{{match}}'"
    rationale: A rule of the house style.
    guide-section: Set actions
    check: {check}
    options:
      {options}
"""


@pytest.mark.parametrize("check_name, options, fragments", [
    ("existence", 'patterns: ["(unclosed"]',
     ["pack.yaml", "house-rule", "options.patterns[0]", "invalid regular expression",
      "(unclosed"]),
    ("existence", 'patterns: ["ok", "[z-a]"]',
     ["pack.yaml", "house-rule", "invalid regular expression", "[z-a]"]),
    ("no-such-check", "patterns: [x]", ["pack.yaml", "unknown check 'no-such-check'"]),
    ("existence", "patterns: leverage", ["pack.yaml", "patterns", "not of type 'array'"]),
    ("existence", "patterns: [x]\n    severity: [warning]", ["pack.yaml"]),
])
def test_invalid_rule_pack_is_one_line_exit_2(run_cli, folder, write, check_name, options,
                                              fragments):
    write(folder, ".stratlint.yaml", "rule-paths: [house]\n")
    write(folder, "house/pack.yaml", PACK.format(check=check_name, options=options))
    write(folder, "second.md", NEIGHBOUR)
    result = check(run_cli, folder, "ok.md", "second.md")
    assert_clean(result)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr    # once, not once per file
    for fragment in fragments:
        assert fragment in lines[0]
    # `rules` reports the same line.
    result = run_cli("rules", "--config", folder / ".stratlint.yaml")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


# Paths: empty folders, symlink loops, permissions, odd names -----------------------------

def test_folder_with_no_strategy_documents(run_cli, tmp_path, write):
    write(tmp_path, "docs/notes.py", "print('not a strategy')\n")
    write(tmp_path, "docs/.hidden.md", "# Hidden\n")
    result = check(run_cli, tmp_path, "docs")
    assert_clean(result)
    # Not an error (a folder may hold no strategy yet), but never silent.
    assert result.exit_code == 0
    assert "No problems found in 0 files." in result.stdout
    assert result.stderr.strip().splitlines() == [
        "stratlint: warning: no strategy documents found in docs (looked for *.md, "
        "*.markdown, *.txt, *.yaml, *.yml, *.html, *.htm, *.docx, *.pdf)"]


def test_symlink_loops(run_cli, folder, write):
    write(folder, "tree/a.md", NEIGHBOUR.replace("leverage", "harness"))
    write(folder, "tree/sub/b.md", NEIGHBOUR)
    os.symlink("..", folder / "tree" / "sub" / "up")   # a folder loop
    os.symlink("../tree", folder / "tree" / "again")  # and another
    os.symlink("self.md", folder / "tree" / "self.md")  # a file that points at itself
    os.symlink("ping.md", folder / "pong.md")
    os.symlink("pong.md", folder / "ping.md")
    # Named directly (regression: a traceback from resolving the path for its config).
    result = check(run_cli, folder, *SELECT, "ping.md", "ok.md")
    assert result.exit_code == 1
    assert_reported(result, "ping.md", "symbolic links")
    assert_neighbour_checked(result)
    # Found in a folder: each real folder walked once, the looping file reported once.
    result = check(run_cli, folder, *SELECT, "tree", "ok.md")
    assert result.exit_code == 1
    assert_reported(result, "self.md", "symbolic links")
    assert [m["path"] for m in finding_lines(result.stdout)
            if m["rule"] == "vague-language"] == ["ok.md", "tree/a.md", "tree/sub/b.md"]


def test_file_without_read_permission(run_cli, folder, write, monkeypatch):
    """We may run as root, which can read anything: the refusal is simulated."""
    locked = write(folder, "locked.md", NEIGHBOUR)
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = check(run_cli, folder, *SELECT, locked.name, "ok.md")
    assert result.exit_code == 1
    assert_reported(result, "locked.md", "permission denied")
    assert_neighbour_checked(result)


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are any bytes")
@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "junit", "github",
                                           "gitlab", "report"])
def test_file_name_that_is_not_utf8(folder, write, output_format):
    """Regression: sarif, gitlab and the HTML report raised UnicodeEncodeError on the name.
    Findings show the name with U+FFFD for the bad byte; the file itself is read."""
    odd = os.fsencode(str(folder / "docs")) + b"/strat\xffegy.md"
    os.makedirs(os.path.dirname(odd))
    with open(odd, "wb") as handle:
        handle.write(NEIGHBOUR.encode())
    before = snapshot(folder)
    for args in (["docs"], [os.fsdecode(odd)]):
        command = (["report", "--format", "html", "-o", str(folder.parent / "r.html")]
                   if output_format == "report" else
                   ["check", "--format", output_format, *SELECT])
        result = subprocess.run([sys.executable, "-m", "stratlint", *command, *args, "ok.md"],
                                cwd=folder, capture_output=True, timeout=120)
        assert b"Traceback" not in result.stdout + result.stderr
        assert result.stderr == b""
        if output_format == "report":
            assert result.returncode == 0
            out = (folder.parent / "r.html").read_text(encoding="utf-8")
        else:
            assert result.returncode == 1
            out = result.stdout.decode("utf-8")
        assert "strat\ufffdegy.md" in out or "strat%EF%BF%BDegy.md" in out
        assert "ok.md" in out
    assert snapshot(folder) == before


# Standard input --------------------------------------------------------------------------

@pytest.mark.parametrize("shell", ["< /dev/null", "<&-"], ids=["empty", "closed"])
def test_stdin_empty_or_closed(tmp_path, shell):
    result = subprocess.run(f'"{sys.executable}" -m stratlint check --no-color - {shell}',
                            shell=True, cwd=tmp_path, capture_output=True, text=True,
                            timeout=120)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    [line] = [m for m in finding_lines(result.stdout)]
    assert line["path"] == "<stdin>.md" and line["rule"] == "unreadable-file"
    assert "empty" in line["message"]
    assert list(tmp_path.iterdir()) == []


# The repository under check is hostile: no writes or reads outside it --------------------

OUTSIDE_TEXT = "# Keys\n\nWe will leverage secret-token=do-not-print now.\n"


@pytest.fixture
def outside(tmp_path):
    """A folder beside the checked one, standing for the user's home or /etc."""
    place = tmp_path.parent / (tmp_path.name + "-outside")
    place.mkdir()
    (place / "creds.md").write_text(OUTSIDE_TEXT, encoding="utf-8")
    return place


def cache_on(monkeypatch, tmp_path):
    monkeypatch.delenv("STRATLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("STRATLINT_CACHE_DIR", str(tmp_path.parent / (tmp_path.name + "-user")))


def test_a_committed_cache_link_is_not_written_through(run_cli, folder, outside, monkeypatch,
                                                      tmp_path):
    cache_on(monkeypatch, tmp_path)
    os.symlink(outside, folder / ".stratlint_cache")
    before = snapshot(outside)
    result = run_cli("check", *SELECT, "ok.md", cwd=folder)
    assert result.exit_code == 1
    assert snapshot(outside) == before
    [warning] = result.stderr.splitlines()
    assert warning.startswith("stratlint: warning: .stratlint_cache") and "link" in warning


@pytest.mark.parametrize("name", ["CACHEDIR.TAG", ".gitignore", "entry"])
def test_links_inside_a_committed_cache_are_replaced_not_followed(run_cli, folder, outside,
                                                                 monkeypatch, tmp_path, name):
    cache_on(monkeypatch, tmp_path)
    cache = folder / ".stratlint_cache"
    cache.mkdir()
    target = outside / "victim.txt"
    if name == "entry":   # every entry name a run will use points outside
        target.write_text("keep me", encoding="utf-8")
        run_cli("check", *SELECT, "ok.md", cwd=folder)
        for entry in cache.glob("*.json"):
            entry.unlink()
            os.symlink(target, entry)
    elif name == "CACHEDIR.TAG":
        target.write_text("keep me", encoding="utf-8")
        os.symlink(target, cache / name)
    else:   # a dangling link must not create its target
        os.symlink(target, cache / name)
    before = snapshot(outside)
    result = run_cli("check", *SELECT, "ok.md", cwd=folder)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert snapshot(outside) == before


@pytest.mark.parametrize("command", ["report", "baseline"])
def test_outputs_are_not_written_through_a_committed_link(run_cli, folder, outside, command):
    victim = outside / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    os.symlink(victim, folder / "out.txt")
    args = (["report", "ok.md", "-o", "out.txt"] if command == "report" else
            ["check", *SELECT, "ok.md", "--write-baseline", "out.txt"])
    result = run_cli(*args, cwd=folder)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("stratlint: error: out.txt: ") and "symbolic link" in line
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_outputs_are_not_written_through_a_committed_folder_link(run_cli, folder, outside):
    os.symlink(outside, folder / "reports")
    result = run_cli("report", "ok.md", "-o", "reports/r.html", cwd=folder)
    assert result.exit_code == 2 and "symbolic link" in result.stderr
    assert sorted(p.name for p in outside.iterdir()) == ["creds.md"]


def test_outputs_are_still_written_normally(run_cli, folder):
    assert run_cli("report", "ok.md", "-o", "r.html", cwd=folder).exit_code == 0
    assert (folder / "r.html").read_text(encoding="utf-8").startswith("<!")
    (folder / "r.html").write_text("old", encoding="utf-8")
    assert run_cli("report", "ok.md", "-o", "r.html", cwd=folder).exit_code == 0
    assert (folder / "r.html").read_text(encoding="utf-8") != "old"
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []


def test_a_folder_walk_does_not_follow_links_that_leave_it(run_cli, folder, outside, write):
    os.symlink(outside / "creds.md", folder / "notes.md")
    os.symlink(outside, folder / "more")
    write(folder, "inner/real.md", NEIGHBOUR)
    os.symlink("inner", folder / "inner-again")       # stays inside: still followed
    os.symlink("real.md", folder / "inner" / "alias.md")
    for output_format in ("text", "json", "github"):
        result = check(run_cli, folder, *SELECT, "--format", output_format, ".")
        assert "secret-token" not in result.stdout + result.stderr
        assert "creds" not in result.stdout and "notes.md" not in result.stdout
    result = check(run_cli, folder, *SELECT, ".")
    paths = sorted(m["path"] for m in finding_lines(result.stdout))
    assert paths in (["inner/alias.md", "ok.md"], ["inner/real.md", "ok.md"])


def test_a_link_named_on_the_command_line_is_the_users_choice(run_cli, folder, outside):
    os.symlink(outside / "creds.md", folder / "notes.md")
    result = check(run_cli, folder, *SELECT, "notes.md")
    assert [m["path"] for m in finding_lines(result.stdout)] == ["notes.md"]


def test_rule_paths_outside_the_repository_are_refused(run_cli, folder, outside, write):
    (folder / ".git").mkdir()
    write(folder, ".stratlint.yaml", "rule-paths: [/]\n")
    result = check(run_cli, folder, *SELECT, "ok.md")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "rule-paths" in line and "outside" in line
    write(folder, ".stratlint.yaml", f"rule-paths: [{outside}]\n")
    result = check(run_cli, folder, *SELECT, "ok.md")
    assert result.exit_code == 2 and "outside" in result.stderr
    os.symlink(outside, folder / "packs")
    write(folder, ".stratlint.yaml", "rule-paths: [packs]\n")
    result = check(run_cli, folder, *SELECT, "ok.md")
    assert result.exit_code == 2 and "outside" in result.stderr
    assert "secret-token" not in result.stderr


def test_a_rule_path_that_is_not_yaml_is_refused(run_cli, folder, write):
    write(folder, "notes.txt", "secret-token " * 1000)
    write(folder, ".stratlint.yaml", "rule-paths: [notes.txt]\n")
    result = check(run_cli, folder, *SELECT, "ok.md")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "notes.txt" in line and "secret-token" not in line


def test_a_rule_pack_error_quotes_only_a_short_escaped_excerpt(run_cli, folder, write):
    write(folder, "packs/big.yaml", "- \"\\e]0;pwned\\a" + "secret-token " * 2000 + "\"\n")
    write(folder, ".stratlint.yaml", "rule-paths: [packs]\n")
    result = check(run_cli, folder, *SELECT, "ok.md")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert len(line) < 400 and "\x1b" not in line and "\x07" not in line
    assert "big.yaml" in line


# Tracebacks and hangs on odd places ----------------------------------------------------

def test_a_folder_that_cannot_be_listed(run_cli, folder, write, monkeypatch):
    """We may run as root, which can list anything: the refusal is simulated."""
    write(folder, "locked/inside.md", NEIGHBOUR)
    os.symlink("locked", folder / "locked-link")
    real = os.scandir

    def scandir(path="."):
        if os.path.basename(os.fspath(path)) in ("locked", "locked-link"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    for named in (".", "locked", "locked-link"):
        result = check(run_cli, folder, *SELECT, named, "ok.md")
        assert result.exit_code == 1, result.stdout
        assert_reported(result, "locked" if named == "." else named, "cannot list folder")
        assert_neighbour_checked(result)


@pytest.mark.parametrize("value", [".inf", ".nan", "-.inf", "1e400"])
def test_max_file_size_that_is_not_a_finite_number(run_cli, folder, write, value):
    write(folder, ".stratlint.yaml", f"max-file-size: {value}\n")
    result = check(run_cli, folder, *SELECT, "ok.md")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "max-file-size" in line and ".stratlint.yaml" in line


@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_a_baseline_that_is_not_a_regular_file(run_cli, folder, kind):
    where = folder / "base.json"
    if kind == "dev-zero":
        os.symlink("/dev/zero", where)
    else:
        os.mkfifo(where)
    started = time.monotonic()
    result = run_cli("check", *SELECT, "ok.md", "--baseline", "base.json", cwd=folder)
    assert time.monotonic() - started < 30
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "base.json" in line and "regular file" in line
    result = run_cli("check", *SELECT, "ok.md", "--write-baseline", "base.json", cwd=folder)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and "base.json" in result.stderr


def test_a_committed_cache_cannot_hide_findings_or_inject_messages(run_cli, folder,
                                                                  monkeypatch, tmp_path):
    """Entries made by someone else (here: with another user's secret) are not trusted."""
    cache_on(monkeypatch, tmp_path)
    expected = run_cli("check", *SELECT, "--format", "json", "ok.md", cwd=folder).stdout
    cache = folder / ".stratlint_cache"
    for entry in cache.glob("*.json"):
        signature, _, body = entry.read_text(encoding="utf-8").partition("\n")
        data = json.loads(body)
        data["findings"] = [dict(f, message="::error::forged") for f in data["findings"]][:0]
        entry.write_text(signature + "\n" + json.dumps(data), encoding="utf-8")
    assert run_cli("check", *SELECT, "--format", "json", "ok.md", cwd=folder).stdout == expected
    # The same cache under another user's secret: a committed cache, in effect.
    run_cli("check", *SELECT, "ok.md", cwd=folder)
    monkeypatch.setenv("STRATLINT_CACHE_DIR", str(tmp_path.parent / "another-user"))
    for entry in cache.glob("*.json"):
        signature, _, body = entry.read_text(encoding="utf-8").partition("\n")
        data = json.loads(body)
        data["findings"] = []
        entry.write_text(hashlib.sha256(body.encode()).hexdigest() + "\n" + json.dumps(data),
                         encoding="utf-8")
    assert run_cli("check", *SELECT, "--format", "json", "ok.md", cwd=folder).stdout == expected


# Hangs and memory on small inputs --------------------------------------------------------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def word_package(body: str, prolog: str = "", extra: dict | None = None) -> bytes:
    """A .docx whose body is the given WordprocessingML, built around python-docx's own
    template; `extra` adds parts as {name: bytes or (repeated chunk, times)}."""
    import io
    import zipfile

    import docx

    template = io.BytesIO()
    docx.Document().save(template)
    out = io.BytesIO()
    with zipfile.ZipFile(template) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
                        f"<w:document {W_NS}><w:body>{body}</w:body></w:document>").encode()
            package.writestr(info.filename, data)
        for name, content in (extra or {}).items():
            with package.open(name, "w", force_zip64=True) as stream:
                chunk, times = content if isinstance(content, tuple) else (content, 1)
                for _ in range(times):
                    stream.write(chunk)
    return out.getvalue()


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def word_table(rows: int, columns: int) -> str:
    row = "<w:tr>" + f"<w:tc>{paragraph('cell')}</w:tc>" * columns + "</w:tr>"
    return "<w:tbl>" + row * rows + "</w:tbl>"


def timed_check(folder: Path, *args: str, limit: float):
    """A real run that must finish within `limit` seconds (a hang fails, never blocks)."""
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "stratlint", "check", "--no-color",
                             "--no-cache", *args], cwd=folder, capture_output=True, text=True,
                            timeout=limit * 4)
    elapsed = time.monotonic() - started
    assert elapsed < limit, f"took {elapsed:.1f}s"
    assert_clean(result)
    return result


@pytest.mark.parametrize("name, text", [
    # "or" in the block sends it to the "..., or EPR" definition pattern; the word ends
    # without one, which made the old pattern scan the rest of the word from every letter.
    ("long-word.md", "# Plan\n\nWe will " + "a" * 200_000 + "! More or less, EPR.\n"),
    ("unclosed.md", "# Plan\n\nWe will leverage it.\n\n" + "<!-- a\n" * 36_000),
    ("unclosed.txt", "Plan\n\nWe will leverage it.\n\n" + "<!-- a\n" * 36_000),
    ("nested.html", "<div>" * 100_000 + "<p>We will leverage it.</p>" + "</div>" * 100_000),
], ids=["200k-word", "unclosed-comments-md", "unclosed-comments-txt", "100k-nested-tags"])
def test_small_inputs_with_quadratic_shapes_are_quick(folder, write, name, text):
    write(folder, name, text)
    rules = "vague-language,schema-violation,insider-jargon"   # jargon reads definitions
    result = timed_check(folder, "--select", rules, name, "ok.md", limit=30)
    assert_neighbour_checked(result)
    if name != "long-word.md":
        assert any(m["path"] == name for m in finding_lines(result.stdout)), result.stdout


@pytest.mark.parametrize("body, refused", [
    (word_table(300, 300), True),
    (paragraph("We will leverage it.") * 100_000, True),
    (word_table(60, 60) + paragraph("We will leverage it."), False),
], ids=["300x300-table", "100k-paragraphs", "60x60-table"])
def test_word_tables_and_paragraphs_are_quick(folder, write, body, refused):
    write(folder, "big.docx", word_package(body))
    result = timed_check(folder, *SELECT, "big.docx", "ok.md", limit=30)
    assert_neighbour_checked(result)
    if refused:
        assert_reported(result, "big.docx", "too large to check")
    else:
        assert any(m["path"] == "big.docx" and m["rule"] == "vague-language"
                   for m in finding_lines(result.stdout))


@pytest.mark.parametrize("extra, fragment", [
    ({"word/media/bomb.bin": (b"\0" * (1 << 20), 300)}, "unpacks to 315 MB"),
    ({"word/bomb.xml": (b"<a/>" * (1 << 18), 40)}, "word/bomb.xml unpacks to 42 MB"),
], ids=["300-MB-picture", "40-MB-xml-part"])
def test_word_zip_bombs_are_refused_before_unpacking(tmp_path, write, extra, fragment):
    write(tmp_path, "bomb.docx", word_package(paragraph("We will leverage it."), extra=extra))
    write(tmp_path, "ok.md", NEIGHBOUR)
    assert (tmp_path / "bomb.docx").stat().st_size < 2_000_000
    result, elapsed, peak_mb = measured_run(tmp_path, "check", "--no-color", *SELECT,
                                            "bomb.docx", "ok.md", timeout=120)
    assert_reported(result, "bomb.docx", "too large to check", fragment)
    assert_neighbour_checked(result)
    assert elapsed < 20 and peak_mb < 200


# Large but legal inputs: bounded, or refused in one line ---------------------------------

def test_a_structured_strategy_with_100000_commitments_is_refused_quickly(tmp_path, write):
    item = "  - what: Publish waiting times\n    owner: CIO\n    due: 2026-03-31\n"
    write(tmp_path, "huge.yaml", "title: Plan\ncommitments:\n" + item * 100_000)
    write(tmp_path, "ok.md", NEIGHBOUR)
    result, elapsed, peak_mb = measured_run(tmp_path, "check", "--no-color", *SELECT,
                                            "huge.yaml", "ok.md", timeout=120)
    assert_reported(result, "huge.yaml", "too large to check")
    assert_neighbour_checked(result)
    assert elapsed < 10 and peak_mb < 500


@pytest.mark.parametrize("text", [
    "# Plan\n\n" + "- We will publish waiting times every month.\n" * 20_000,
    "# Plan\n\n| " + " | ".join(f"c{i}" for i in range(5000)) + " |\n|" + "---|" * 5000
    + "\n| " + " | ".join("We will leverage" for _ in range(5000)) + " |\n",
], ids=["20000-list-items", "5000-column-table"])
def test_documents_with_too_many_blocks_are_refused_quickly(tmp_path, write, text):
    write(tmp_path, "many.md", text)
    write(tmp_path, "ok.md", NEIGHBOUR)
    result, elapsed, peak_mb = measured_run(tmp_path, "check", "--no-color", *SELECT,
                                            "many.md", "ok.md", timeout=120)
    assert_reported(result, "many.md", "too large to check", "the limit is 10,000")
    assert elapsed < 10 and peak_mb < 500


def test_a_pdf_with_too_many_pages_is_refused(run_cli, folder, monkeypatch):
    fpdf = pytest.importorskip("fpdf")
    from stratlint.readers import pdf as pdf_reader

    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 3)
    paper = fpdf.FPDF()
    paper.set_font("Helvetica", size=11)
    for _ in range(5):
        paper.add_page()
        paper.cell(0, 5, "We will leverage our data.")
    paper.output(str(folder / "long.pdf"))
    result = check(run_cli, folder, *SELECT, "--jobs", "1", "long.pdf", "ok.md")
    assert_reported(result, "long.pdf", "too large to check (more than 3 pages)")
    assert_neighbour_checked(result)


# Silent passes ------------------------------------------------------------------------

def test_a_word_file_without_readable_text_is_unreadable(run_cli, folder, write):
    write(folder, "blank.docx", word_package(paragraph("") + "<w:p/>" * 3))
    result = check(run_cli, folder, *SELECT, "blank.docx", "ok.md")
    assert_reported(result, "blank.docx", "no readable text")
    assert_neighbour_checked(result)


def test_a_word_file_with_entities_is_unreadable_not_silently_short(run_cli, folder, write):
    """The XML parser leaves declared entities unexpanded (no entity bombs), which used to
    drop the text after each one without a word."""
    prolog = '<!DOCTYPE w:document [<!ENTITY e "x">]>'
    write(folder, "entity.docx", word_package(paragraph("Intro &e; We will leverage it."),
                                              prolog=prolog))
    result = check(run_cli, folder, *SELECT, "entity.docx", "ok.md")
    assert_reported(result, "entity.docx", "DTD")
    assert_neighbour_checked(result)


def test_a_sentence_repeated_at_the_top_of_every_pdf_page_is_still_checked(run_cli, folder):
    fpdf = pytest.importorskip("fpdf")
    paper = fpdf.FPDF()
    paper.set_font("Helvetica", size=11)
    for number in range(4):
        paper.add_page()
        paper.cell(0, 5, "We will leverage blockchain to transform care.",
                   new_x="LMARGIN", new_y="NEXT")
        paper.cell(0, 5, f"Section {number} says something different.",
                   new_x="LMARGIN", new_y="NEXT")
    paper.output(str(folder / "pages.pdf"))
    result = check(run_cli, folder, *SELECT, "pages.pdf", "ok.md")
    assert any(m["path"] == "pages.pdf" and m["rule"] == "vague-language"
               for m in finding_lines(result.stdout)), result.stdout


@pytest.mark.parametrize("html, word", [
    ("<p>We will &#108;everage our data.</p>", "&#108;"),
    ("<p>We will lev&#101;rage our data.</p>", "lev&"),
    ("<p>We will lever&shy;age our data.</p>", "lever&"),
    ("<p>We don&rsquo;t plan; we will &#x6C;everage our data.</p>", "&#x6C;"),
])
def test_html_character_references_do_not_hide_words(run_cli, folder, write, html, word):
    write(folder, "page.html", f"<h1>Plan</h1>\n{html}\n")
    result = check(run_cli, folder, *SELECT, "page.html", "ok.md")
    mine = [m for m in finding_lines(result.stdout) if m["path"] == "page.html"]
    assert [m["rule"] for m in mine] == ["vague-language"], result.stdout
    # Found where the word starts in the file.
    assert (mine[0]["line"], mine[0]["column"]) == ("2", str(html.index(word) + 1))


def test_html_reader_keeps_positions_with_references_anywhere():
    """Decoding references inside words moves text only within the word: the text keeps the
    source's length and every block is where the Document says it is."""
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    from stratlint.errors import ReadError
    from stratlint.readers import read_text

    pieces = ["&", "#", ";", "<p>", "</p>", "<li>", "<b>", "</b>", "a", " ", "\n", "&amp;",
              "&#108;", "&shy;", "&rsquo;", "&#x6c;", "'", "<script>", "</script>", "<h2>",
              "</h2>", "<td>", "<tr>", "<!--", "-->"]

    @hypothesis.settings(max_examples=examples(300), deadline=None)
    @hypothesis.given(st.lists(st.sampled_from(pieces), min_size=1, max_size=40).map("".join))
    def holds(source):
        try:
            document = read_text(source, "x.html")
        except ReadError:
            return
        assert len(document.text) == len(source)
        for block in document.blocks:
            assert document.text[block.start:block.start + len(block.text)] == block.text

    holds()
