"""`stratlint init`: a starter strategy that follows the guide, and a starter configuration.

The starter has a section (or a field) for each of the guide's questions for boards, and its
gaps are placeholders in square brackets that start with TODO. Placeholders are never
evidence for a rule, and the `unfilled-placeholder` rule reports each one, so `stratlint
check` on a fresh starter lists what is left to write; filling them in clears the findings.
"""
from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from .config import CONFIG_NAMES
from .errors import StratlintError

FORMATS = ("markdown", "yaml")
DEFAULT_NAMES = {"markdown": "strategy.md", "yaml": "strategy.yaml"}
SUFFIXES = {"markdown": (".md", ".markdown"), "yaml": (".yaml", ".yml")}

MARKDOWN = """\
# [TODO: organisation name] digital strategy {start} to {end}

<!-- Written by `stratlint init`. Replace each TODO placeholder in square brackets with your
own words, then run `stratlint check` on this file: every placeholder is reported until it
is filled in, and a section that holds only placeholders counts as missing. The sections
follow the guide "Building a digital strategy" (NHS Providers and Public Digital, 2021);
the comment under each heading is the question a board will ask of it. -->

This strategy runs from April {start} to March {end}. [TODO: who your organisation serves and employs, with numbers]

## Our mission

<!-- Is there a succinct mission that people across the organisation understand? -->

[TODO: one-sentence mission: what digital will do for the people you serve and your staff]

## How this supports our organisation's strategy

<!-- How integrated are the digital and business strategies? -->

[TODO: name your organisation's own strategy and plans, and the aims of theirs this work serves]

## What our users told us

<!-- Does it show an understanding of users and their biggest needs? -->

[TODO: the research, feedback and complaints you drew on, and the biggest needs they showed]

## Our services

<!-- Which services are run, and how do they perform? The busiest ones, with yearly volumes,
the cost of one use, the share done online and who owns each. -->

| Service | Uses a year | Cost per use | Digital take-up | Owner |
|---|---|---|---|---|
| [TODO: busiest service] | [TODO: uses a year] | [TODO: cost per use] | [TODO: share online] | [TODO: owner] |
| [TODO: second service] | [TODO: uses a year] | [TODO: cost per use] | [TODO: share online] | [TODO: owner] |
| [TODO: third service] | [TODO: uses a year] | [TODO: cost per use] | [TODO: share online] | [TODO: owner] |

## Our principles

<!-- A few short rules that help teams decide without waiting to be told. -->

[TODO: three to six principles that guide everyday decisions]

## What we have delivered so far

<!-- What has already been delivered, and the difference it made. -->

[TODO: what you have delivered already, with the difference it made]

## How we will choose

<!-- How is work chosen and put in order? -->

[TODO: how you weigh value against effort, and what goes first]

## What we will not do

<!-- What is it not prioritising? -->

[TODO: work you will stop, defer or leave to others, and why]

## Where we start

<!-- Small starting points that show results within about six months. -->

[TODO: two or three small pieces of work that show results within six months]

## Our commitments

<!-- Has it committed to realistic and tangible actions? Each commitment needs a measure
with a target, a date and an accountable owner. Keep the list short. -->

| Commitment | Measure and target | By when | Owner |
|---|---|---|---|
| [TODO: first commitment] | [TODO: measure, today's value and target] | [TODO: month and year] | [TODO: accountable role] |
| [TODO: second commitment] | [TODO: measure, today's value and target] | [TODO: month and year] | [TODO: accountable role] |
| [TODO: third commitment] | [TODO: measure, today's value and target] | [TODO: month and year] | [TODO: accountable role] |

## How we will know it is working

<!-- How will you know if it is working? A few indicators with a baseline and a target. -->

[TODO: indicators, each with today's value and a target]

## Keeping it current

<!-- The delivery rhythm and the review cycle. -->

[TODO: how often you show progress, review the measures and refresh this strategy]

## Working with our system partners

<!-- How does it align with the wider system's strategy? -->

[TODO: how this fits your integrated care system, partnership or sector plans, and what you do with partners]

## How the organisation will change

<!-- How will the organisation change to enable it? Funding, governance, skills, ways of working. -->

[TODO: changes to funding, governance, skills and ways of working]

## What could go wrong

<!-- What could go wrong? Delivery failure, cyber attack, outages, suppliers. -->

[TODO: the main risks and how each is reduced]

## Switching off old technology

<!-- Which old systems will be retired, and when? -->

[TODO: the old systems you will switch off, and when]
"""

YAML = """\
# A structured digital strategy, written by `stratlint init --format yaml`.
# Replace each placeholder (in square brackets, starting with TODO) with your own words,
# then run `stratlint check` on this file: every placeholder is reported until it is filled
# in, and a field that holds only placeholders counts as missing.
# `stratlint schema strategy` describes every field. The fields follow the guide "Building
# a digital strategy" (NHS Providers and Public Digital, 2021) and its questions for boards.
title: "[TODO: organisation name] digital strategy {start} to {end}"
organisation: "[TODO: organisation name]"
period:            # five years or fewer
  start: {start}
  end: {end}
# Is there a succinct mission that people across the organisation understand?
mission: "[TODO: one-sentence mission: what digital will do for the people you serve and your staff]"
# How integrated are the digital and business strategies, and the system's?
aligns_with:
  - "[TODO: your organisation's own strategy or plan, and the aim this serves]"
  - "[TODO: the system or partnership plan this fits]"
# Does it show an understanding of users and their biggest needs?
users:
  - name: "[TODO: a group of users, such as carers or district nurses]"
    needs:
      - "[TODO: the biggest need they told you about, with the evidence]"
# Which services are run, and how do they perform?
services:
  - name: "[TODO: busiest service]"
    volume: "[TODO: uses a year]"
    cost_per_use: "[TODO: cost of one use]"
    digital_take_up: "[TODO: share done online]"
    owner: "[TODO: accountable role]"
principles:
  - "[TODO: a principle that helps teams decide]"
priorities:
  - "[TODO: how you weigh value against effort, and what goes first]"
# What is it not prioritising?
not_doing:
  - "[TODO: work you will stop, defer or leave to others, and why]"
exemplars:
  - "[TODO: a small piece of work that shows results within six months]"
# Has it committed to realistic and tangible actions?
commitments:
  - what: "[TODO: first commitment]"
    outcome: "[TODO: the difference it makes, and for whom]"
    measure: "[TODO: how anyone can tell it was kept]"
    target: "[TODO: the value that counts as done]"
    due: "[TODO: month and year]"
    owner: "[TODO: accountable role]"
  - what: "[TODO: second commitment]"
    outcome: "[TODO: the difference it makes, and for whom]"
    measure: "[TODO: how anyone can tell it was kept]"
    target: "[TODO: the value that counts as done]"
    due: "[TODO: month and year]"
    owner: "[TODO: accountable role]"
# How will you know if it is working?
measures:
  - name: "[TODO: an indicator]"
    baseline: "[TODO: its value today]"
    target: "[TODO: the value aimed for]"
    by: "[TODO: year]"
review_cadence: "[TODO: how often you show progress, review the measures and refresh this strategy]"
# How will the organisation change to enable it?
organisational_change:
  - "[TODO: a change to funding, governance, skills or ways of working]"
# What could go wrong?
risks:
  - risk: "[TODO: a risk, stated plainly]"
    mitigation: "[TODO: how it is reduced]"
    owner: "[TODO: the role that watches it]"
delivered:
  - "[TODO: something delivered already, and the difference it made]"
switch_off:
  - system: "[TODO: an old system to retire]"
    by: "[TODO: year]"
"""

CONFIG = """\
# stratlint configuration, written by `stratlint init`. `stratlint schema config` describes
# every key, and `stratlint explain RULE` each rule's options.
select: []                # empty: every rule runs
ignore: []                # rule names or codes to skip, such as missing-service-map or SL5
fail-on: warning          # the lowest severity that fails `stratlint check`
exclude: []               # files or folders not to check, such as drafts/
lexicons:
  known-acronyms: []      # acronyms your readers know without a definition, such as ICB
rules:
  too-long-term:
    max-horizon-years: 5
"""


@dataclass(frozen=True)
class Written:
    strategy: Path
    config: Path | None         # the starter config written, or None
    existing_config: str | None  # the config that already applies, when one was kept


def render(fmt: str, year: int | None = None) -> str:
    """The starter strategy text; it covers `year` to three years later."""
    start = year or datetime.date.today().year
    template = MARKDOWN if fmt == "markdown" else YAML
    return template.format(start=start, end=start + 3)


def target_for(path: str | None, fmt: str | None) -> tuple[Path, str]:
    """Where the strategy goes and its format: PATH may be a file or a folder; the format
    comes from --format, else from the file's suffix, else Markdown."""
    target = Path(path) if path else Path(".")
    if target.is_dir() or (path and path.endswith(("/", "\\"))):
        chosen = fmt or "markdown"
        return target / DEFAULT_NAMES[chosen], chosen
    suffix = target.suffix.lower()
    from_suffix = next((name for name, endings in SUFFIXES.items() if suffix in endings), None)
    chosen = fmt or from_suffix or "markdown"
    if from_suffix != chosen:
        wanted = " or ".join(SUFFIXES[chosen])
        raise StratlintError(f"{target}: a {chosen} strategy needs a name ending in {wanted}")
    return target, chosen


def write(path: str | None, fmt: str | None, force: bool = False,
          year: int | None = None) -> Written:
    """Write the starter strategy (and a starter config where none applies yet)."""
    strategy, chosen = target_for(path, fmt)
    if strategy.exists() and not force:
        raise StratlintError(f"{strategy} already exists; use --force to overwrite it")
    if strategy.exists() and not strategy.is_file():
        raise StratlintError(f"{strategy} is not a file")
    folder = strategy.parent
    # A config that already applies here is kept, and no other is written: a new one beside
    # the strategy would replace its settings for this folder (the nearest config wins).
    applying = applying_config(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        strategy.write_text(render(chosen, year), encoding="utf-8")
        config = None
        if applying is None:
            config = folder / CONFIG_NAMES[0]
            config.write_text(CONFIG, encoding="utf-8")
    except OSError as exc:
        raise StratlintError(f"{strategy}: cannot write the starter: "
                             f"{exc.strerror or exc}") from None
    return Written(strategy, config, _shown(applying) if applying else None)


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:   # another drive on Windows
        return str(path)


def applying_config(folder: Path) -> Path | None:
    """The config file that `stratlint check` would use for files in folder, if any."""
    from .config import _pyproject_has_section

    current = folder.resolve()
    while True:
        for name in CONFIG_NAMES:
            if (current / name).is_file():
                return current / name
        pyproject = current / "pyproject.toml"
        if pyproject.is_file() and _pyproject_has_section(pyproject):
            return pyproject
        if current.parent == current:
            return None
        current = current.parent
