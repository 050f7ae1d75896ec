"""The pre-commit hook, for real: `pre-commit try-repo` against this repository.

pre-commit (from PyPI, in the test extras) clones this repository, builds a virtual
environment for the hook, pip-installs stratlint into it from the clone, and runs the hook
from .pre-commit-hooks.yaml on the files of a temporary git repository of strategies: exactly
what a user's `pre-commit run` does, without needing a tag.

What try-repo clones: HEAD of this repository. When the working tree has uncommitted changes,
try-repo makes a shadow commit of HEAD plus the *staged* files plus the *modified tracked*
files (`git add -u`); untracked files are left out. So a new module that is not yet
`git add`-ed is missing from the hook's environment, and this test fails with an ImportError
in the hook's output until it is staged. In CI the checkout is a commit, so this never arises.

Each try-repo run builds its own hook environment (in a temporary folder of its own, whatever
PRE_COMMIT_HOME says), so each test here takes tens of seconds: they are marked `slow` but are
part of the default run.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TIMEOUT = 300  # seconds per pre-commit run; a normal run takes well under a minute

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None,
                       reason="git is not installed; pre-commit needs git to clone the hook repo"),
    pytest.mark.skipif(not (ROOT / ".git").exists(),
                       reason=f"{ROOT} is not a git checkout (an sdist?); try-repo needs one"),
]
pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install '.[test]')")


# Git variables that say *where* a repository is (set when the suite itself runs inside a git
# hook) would point git at the wrong one; pre-commit drops them too. Configuration, proxy and
# credential variables are kept, so CI's own git setup (safe.directory, say) still applies.
_KEEP_GIT = ("GIT_CONFIG", "GIT_SSH", "GIT_SSL", "GIT_HTTP", "GIT_EXEC_PATH", "GIT_ASKPASS",
             "GIT_ALLOW_PROTOCOL")


def _clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("GIT_") or k.startswith(_KEEP_GIT)}
    env.update({
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PRE_COMMIT_COLOR": "never",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "NO_COLOR": "1",
    })
    env.pop("GITHUB_ACTIONS", None)      # plain text findings, not annotations
    env.pop("GITHUB_STEP_SUMMARY", None)
    return env


def _git(repo: Path, env: dict[str, str], *args: str) -> None:
    # The temporary repository ignores the user's and the system's git config (signing,
    # hooks, templates): it belongs to the test, so nothing there is needed.
    env = {**env, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True,
                   timeout=60)


@pytest.fixture
def strategy_repo(tmp_path):
    """A fresh git repository (with a committer identity) to hold strategy files."""
    env = _clean_env(tmp_path)
    repo = tmp_path / "strategies"
    repo.mkdir()
    _git(repo, env, "init", "--quiet")
    _git(repo, env, "config", "user.name", "Strategy Author")
    _git(repo, env, "config", "user.email", "author@example.invalid")
    _git(repo, env, "config", "commit.gpgsign", "false")

    def add(*examples: str) -> Path:
        for name in examples:
            shutil.copyfile(EXAMPLES / name, repo / name)
        _git(repo, env, "add", "--all")
        _git(repo, env, "commit", "--quiet", "--no-verify", "-m", "Add strategy")
        return repo

    return add, env


def _try_repo(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "stratlint",
         "--all-files", "--verbose", "--color", "never"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=TIMEOUT)


def _explain(result: subprocess.CompletedProcess) -> str:
    return (f"pre-commit exited {result.returncode}\n--- stdout ---\n{result.stdout}"
            f"\n--- stderr ---\n{result.stderr}\n(try-repo leaves out untracked files of "
            f"{ROOT}: `git add` new modules before running this test)")


def test_hook_fails_on_a_weak_strategy(strategy_repo):
    add, env = strategy_repo
    repo = add("weak-hillcrest-trust.md")
    result = _try_repo(repo, env)
    assert result.returncode == 1, _explain(result)
    out = result.stdout
    assert "stratlint" in out and "Failed" in out, _explain(result)
    # The hook ran stratlint on the file and reported findings, rather than failing to start.
    assert "weak-hillcrest-trust.md:" in out, _explain(result)
    for rule in ("too-long-term", "missing-not-doing", "vague-language"):
        assert rule in out, _explain(result)


def test_hook_passes_on_a_strong_strategy(strategy_repo):
    add, env = strategy_repo
    repo = add("strong-riverside-trust.md")
    result = _try_repo(repo, env)
    assert result.returncode == 0, _explain(result)
    assert "Passed" in result.stdout, _explain(result)
    assert "(no files to check)" not in result.stdout, "the hook must see the strategy file"


def test_hook_checks_only_the_strategies_of_a_repository(strategy_repo):
    """A repository with a README, a CHANGELOG, requirements and a workflow: only the
    strategy is checked, and a file named like an option is a file (issues 12 and 13)."""
    from test_discovery import make_repository

    add, env = strategy_repo
    repo = add("strong-riverside-trust.md")
    make_repository(repo)
    shutil.copyfile(EXAMPLES / "weak-hillcrest-trust.md", repo / "--write-baseline=README.md")
    readme = (repo / "README.md").read_bytes()
    _git(repo, env, "add", "--all")
    _git(repo, env, "commit", "--quiet", "--no-verify", "-m", "Add the repository files")
    result = _try_repo(repo, env)
    out = result.stdout
    assert result.returncode == 1, _explain(result)
    assert (repo / "README.md").read_bytes() == readme, "a file name acted as an option"
    assert "docs/strategy.md:" in out and "--write-baseline=README.md:" in out, _explain(result)
    for name in ("README.md:", "CHANGELOG.md:", "CONTRIBUTING.md:", "requirements.txt",
                 "ci.yml", "compose.yml", "unknown field"):
        assert name not in out.replace("--write-baseline=README.md:", ""), _explain(result)
