"""Shared fixtures for the reader, config, suppression, CLI and API tests."""
from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SCHEMAS = REPO / "schemas"


def pytest_addoption(parser):
    parser.addoption("--fast", action="store_true",
                     help="the edit-test loop: leave out tests marked slow and try a few "
                          "examples in each property test (CI runs everything)")


def pytest_configure(config):
    if config.getoption("--fast"):
        chosen = config.option.markexpr
        config.option.markexpr = f"({chosen}) and not slow" if chosen else "not slow"
        os.environ["STRATLINT_FAST_TESTS"] = "1"   # read by tests/_budget.py


@pytest.fixture(autouse=True)
def _outside_github_actions(monkeypatch):
    """`--format auto` (the default) turns into GitHub annotations when GITHUB_ACTIONS is
    "true", and the github format appends to GITHUB_STEP_SUMMARY. Run every test as if
    outside Actions, so the suite behaves the same on a laptop and in CI; tests of those
    paths set the variables themselves."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.fixture(autouse=True)
def _no_results_cache(monkeypatch):
    """Each test checks its files afresh (and leaves no .stratlint_cache/ behind);
    tests/cache/test_results_cache.py switches the cache back on."""
    monkeypatch.setenv("STRATLINT_NO_CACHE", "1")


def _runner() -> CliRunner:
    # click 8.2 removed mix_stderr and always keeps result.stderr separate; older versions
    # need mix_stderr=False to get a separate stderr at all.
    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        return CliRunner(mix_stderr=False)
    return CliRunner()


@pytest.fixture
def run_cli(monkeypatch):
    """Invoke the stratlint CLI in-process: run_cli("check", path, input=..., cwd=...).

    Unexpected exceptions are not caught, so a traceback fails the test; SystemExit is
    turned into result.exit_code as usual.
    """
    from stratlint.cli import main

    def run(*args, input=None, cwd=None, env=None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        return _runner().invoke(main, [str(a) for a in args], input=input, env=env,
                                catch_exceptions=False)

    return run


@pytest.fixture
def run_stratlint():
    """Run `python -m stratlint ...` in a real subprocess (true exit codes, real pipes)."""

    def run(*args, input=None, cwd=None, env=None):
        full_env = dict(os.environ)
        full_env.pop("NO_COLOR", None)
        full_env.update(env or {})
        return subprocess.run([sys.executable, "-m", "stratlint", *[str(a) for a in args]],
                              input=input, capture_output=True, cwd=cwd, env=full_env,
                              timeout=120)

    return run


@pytest.fixture
def write():
    """write(folder, name, text_or_bytes) -> Path; creates parent folders as needed."""

    def _write(folder: Path, name: str, text, encoding: str = "utf-8") -> Path:
        path = Path(folder) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_bytes(text.encode(encoding))
        return path

    return _write
