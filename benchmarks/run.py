#!/usr/bin/env python3
"""Time stratlint against proselint and a one-regex floor on a generated corpus.

    python benchmarks/run.py [--runs 5] [--corpus DIR] [--json results.json]

Every measurement is a whole process started the way a user starts it (stratlint through
its installed entry point), timed wall-clock, median of --runs runs after one untimed
warm-up, with the tools interleaved run by run. Peak memory is the maximum resident set
size of that one process tree, read per run with GNU time (or a tiny fork/exec/wait4
wrapper where GNU time is missing), never the cumulative RUSAGE_CHILDREN of this script.
Standard library only; see README.md in this folder.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
import make_corpus  # noqa: E402

PROSELINT_VERSION = "0.16.0"
PROSELINT_VENV = HERE / ".venv-proselint"
FLOOR_SCRIPT = HERE / "regex_floor.py"

# Real text, read from the calibration corpora beside this checkout (never copied into the
# repository): the nine whole strategies, and a file of at least 100,000 words of unique text.
SHARED_CORPUS = HERE.parent.parent / "shared" / "corpus"
UNIQUE_WORDS = 100_000

# (key, column title, paths relative to the corpus folder)
CASES = [
    ("500", "500-word", ["strategy-500.md"]),
    ("8k", "8k", ["strategy-8k.md"]),
    ("100k", "100k", ["strategy-100k.md"]),
    ("200", "200 files", ["many"]),
]

def real_text_cases(corpus: Path, log) -> tuple[list, dict]:
    """Cases on real strategies, written into the corpus folder: the whole strategies of
    ../shared/corpus/full, and their text followed by the partial ones of
    ../shared/corpus/real and the guide as one file of at least UNIQUE_WORDS words (no text
    repeated, so no cache keyed on text can flatter it). None when ../shared is absent."""
    full, partial = SHARED_CORPUS / "full", SHARED_CORPUS / "real"
    if not full.is_dir():
        log(f"real-text cases skipped: no {full} beside this checkout")
        return [], {}
    documents = [p for p in sorted(full.glob("*.md")) if p.name != "README.md"]
    extra = [p for p in sorted(partial.glob("*.md")) if p.name != "README.md"] \
        if partial.is_dir() else []
    guide = SHARED_CORPUS.parent / "guide" / "building-a-digital-strategy.txt"
    extra += [guide] if guide.is_file() else []   # the guide's own words make up the rest
    folder = corpus / "real-full"
    folder.mkdir(exist_ok=True)
    whole_words = 0
    for path in documents:
        text = path.read_text(encoding="utf-8")
        (folder / path.name).write_text(text, encoding="utf-8")
        whole_words += len(text.split())
    parts, unique_words = [], 0
    for path in documents + extra:
        if unique_words >= UNIQUE_WORDS:
            break
        text = path.read_text(encoding="utf-8")
        parts.append(text)
        unique_words += len(text.split())
    (corpus / "real-100k.md").write_text("\n\n".join(parts), encoding="utf-8")
    if unique_words < UNIQUE_WORDS:
        log(f"the unique-text file has only {unique_words:,} words")
    cases = [("real", f"{len(documents)} real strategies", ["real-full"]),
             ("unique", "100k unique", ["real-100k.md"])]
    return cases, {"real": whole_words, "unique": unique_words}


# Small wrapper used only when GNU time is not available: fork, exec, wait4 on that one
# child, and report its own wall time and the child's ru_maxrss (KiB on Linux). With
# -S -I the wrapper itself stays small (a forked child starts with its parent's RSS).
WRAPPER = r"""
import os, sys, time
out = sys.argv[1]; cmd = sys.argv[2:]
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(cmd[0], cmd)
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - t0
with open(out, "w") as fh:
    fh.write("%r %d %r" % (wall, ru.ru_maxrss, ru.ru_utime + ru.ru_stime))
sys.exit(os.waitstatus_to_exitcode(status) & 0xFF)
"""


# --------------------------------------------------------------------------------------
# Measuring one process
# --------------------------------------------------------------------------------------

class Meter:
    """Run one command as a whole process; return wall s, peak RSS (KiB), exit code, stderr, CPU s."""

    def __init__(self, scratch: Path, method: str = "auto"):
        self.scratch = scratch
        self.gnu_time = self._find_gnu_time() if method in ("auto", "time") else None
        if method == "time" and not self.gnu_time:
            raise SystemExit("--memory time: GNU time (/usr/bin/time) is not usable here")
        self.method = ("GNU time (/usr/bin/time -f %M), one process tree per run"
                       if self.gnu_time else
                       "fork/exec + os.wait4 rusage of that one child, per run (python -S -I wrapper)")

    def _find_gnu_time(self):
        exe = "/usr/bin/time"
        if not os.access(exe, os.X_OK):
            return None
        probe = self.scratch / "time-probe.txt"
        try:
            r = subprocess.run([exe, "-f", "%M %U %S", "-o", str(probe), "true"], capture_output=True, timeout=30)
            if r.returncode == 0 and probe.read_text().strip().splitlines()[-1].split()[0].isdigit():
                return exe
        except (OSError, subprocess.SubprocessError, IndexError):
            pass
        return None

    def run(self, cmd: list[str], cwd: Path, env: dict | None = None, stdout_path: Path | None = None):
        rss_file = self.scratch / "rss.txt"
        if rss_file.exists():
            rss_file.unlink()
        out_path = stdout_path or (self.scratch / "stdout.txt")
        err_path = self.scratch / "stderr.txt"
        if self.gnu_time:
            full = [self.gnu_time, "-f", "%M %U %S", "-o", str(rss_file)] + cmd
        else:
            full = [sys.executable, "-S", "-I", "-c", WRAPPER, str(rss_file)] + cmd
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            t0 = time.perf_counter()
            proc = subprocess.run(full, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
            wall = time.perf_counter() - t0
        raw = rss_file.read_text().strip().splitlines() if rss_file.exists() else []
        peak_kb = cpu = None
        if self.gnu_time:
            # GNU time writes "Command exited with non-zero status N" before the values.
            parts = raw[-1].split() if raw else []
            if len(parts) == 3 and parts[0].isdigit():
                peak_kb, cpu = int(parts[0]), float(parts[1]) + float(parts[2])
        elif raw:
            w, kb, c = raw[-1].split()
            wall, peak_kb, cpu = float(w), int(kb), float(c)
        stderr = err_path.read_text(errors="replace")
        return wall, peak_kb, proc.returncode, stderr, cpu


# --------------------------------------------------------------------------------------
# Tools
# --------------------------------------------------------------------------------------

def _shebang_python(script: str) -> str | None:
    try:
        with open(script, "rb") as fh:
            first = fh.readline().decode(errors="replace").strip()
    except OSError:
        return None
    if first.startswith("#!"):
        parts = first[2:].split()
        if parts and "python" in os.path.basename(parts[0]) and os.access(parts[0], os.X_OK):
            return parts[0]
    return None


def find_stratlint():
    """The installed entry point: `stratlint` on PATH, next to this Python, else python -m."""
    candidates = [shutil.which("stratlint"), str(Path(sys.executable).parent / "stratlint")]
    for c in candidates:
        if c and os.access(c, os.X_OK):
            return [c], (_shebang_python(c) or sys.executable), f"{c} (entry point)"
    return [sys.executable, "-m", "stratlint"], sys.executable, f"{sys.executable} -m stratlint"


def output(cmd, timeout=120):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        return r.returncode, r.stdout + r.stderr
    except (OSError, subprocess.SubprocessError) as exc:
        return -1, str(exc)


def ensure_proselint(log):
    """Return (proselint command, version) or (None, reason)."""
    py = PROSELINT_VENV / ("Scripts" if os.name == "nt" else "bin") / "python"
    exe = PROSELINT_VENV / ("Scripts" if os.name == "nt" else "bin") / "proselint"

    def installed_version():
        rc, out = output([str(py), "-c", "import importlib.metadata as m; print(m.version('proselint'))"])
        return out.strip() if rc == 0 else None

    if py.exists() and installed_version() == PROSELINT_VERSION and exe.exists():
        return [str(exe)], PROSELINT_VERSION
    log(f"setting up {PROSELINT_VENV.name}/ with proselint=={PROSELINT_VERSION} (first use) ...")
    try:
        if not py.exists():
            subprocess.run([sys.executable, "-m", "venv", str(PROSELINT_VENV)], check=True,
                           capture_output=True, timeout=300)
        r = subprocess.run([str(py), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                            f"proselint=={PROSELINT_VERSION}"], capture_output=True, text=True, timeout=600)
        if r.returncode != 0:
            tail = (r.stderr or r.stdout).strip().splitlines()[-1:] or ["pip failed"]
            return None, f"pip install failed: {tail[0]}"
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"could not create the virtual environment: {exc}"
    if installed_version() == PROSELINT_VERSION and exe.exists():
        return [str(exe)], PROSELINT_VERSION
    return None, "proselint did not install"


# --------------------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------------------

def fmt_s(s):
    if s is None:
        return "—"
    return f"{s:.3f} s" if s < 1 else (f"{s:.2f} s" if s < 10 else f"{s:.1f} s")


def fmt_rate(words, s):
    if not s:
        return ""
    r = words / s
    if r >= 1e6:
        return f"{r / 1e6:.2f}M w/s"
    if r >= 1e3:
        return f"{r / 1e3:.1f}k w/s"
    return f"{r:.0f} w/s"


def fmt_x(x):
    if x is None:
        return "—"
    return f"{x:.2f}×" if x < 10 else f"{x:.1f}×"


def mb(kb):
    return None if kb is None else kb / 1024


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------

def machine_facts(stratlint_python):
    facts = {
        "nproc": None,
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "python_benchmark": platform.python_version(),
        "python_stratlint": None,
        "cpu_model": None,
        "mem_total_mb": None,
        "date_utc": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }
    rc, out = output(["nproc"])
    facts["nproc"] = int(out.strip()) if rc == 0 and out.strip().isdigit() else len(os.sched_getaffinity(0))
    rc, out = output([stratlint_python, "-c", "import platform; print(platform.python_version())"])
    facts["python_stratlint"] = out.strip() if rc == 0 else None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                facts["cpu_model"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                facts["mem_total_mb"] = int(line.split()[1]) // 1024
                break
    except OSError:
        pass
    return facts


def main(argv=None):
    ap = argparse.ArgumentParser(description="Benchmark stratlint against proselint and a one-regex floor.")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per tool and case (median reported; default 5)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs first, per tool and case (default 1)")
    ap.add_argument("--corpus", metavar="DIR",
                    help="build (or reuse) the corpus in DIR instead of a temporary folder")
    ap.add_argument("--seed", type=int, default=make_corpus.DEFAULT_SEED, help="corpus seed")
    ap.add_argument("--json", metavar="FILE", help="also write the raw numbers to FILE")
    ap.add_argument("--no-proselint", action="store_true", help="skip proselint")
    ap.add_argument("--memory", choices=["auto", "time", "wrapper"], default="auto",
                    help="how to read per-run peak memory: GNU time if present (auto), or the wrapper")
    known = [k for k, _, _ in CASES] + ["real", "unique"]
    ap.add_argument("--only", metavar="CASES",
                    help="comma-separated subset of cases: " + ",".join(known)
                    + " (real and unique need ../shared/corpus beside the checkout)")
    args = ap.parse_args(argv)
    if args.runs < 1 or args.warmup < 0:
        ap.error("--runs must be at least 1 and --warmup at least 0")
    if args.only and not set(args.only.split(",")) <= set(known):
        ap.error("--only takes a comma-separated subset of: " + ",".join(known))

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    scratch = Path(tempfile.mkdtemp(prefix="stratlint-bench-"))
    try:
        return _run(args, scratch, log)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _run(args, scratch: Path, log):
    meter = Meter(scratch, args.memory)

    # Corpus
    corpus = Path(args.corpus).resolve() if args.corpus else scratch / "corpus"
    log(f"corpus: {corpus}")
    manifest = make_corpus.load_or_make(corpus, args.seed, quiet=True)
    words = {"500": manifest["files"]["strategy-500.md"], "8k": manifest["files"]["strategy-8k.md"],
             "100k": manifest["files"]["strategy-100k.md"], "200": manifest["many_total"]}
    extra_cases, extra_words = real_text_cases(corpus, log)
    words.update(extra_words)
    cases = [c for c in CASES + extra_cases if not args.only or c[0] in args.only.split(",")]

    # stratlint
    sl_cmd, sl_python, sl_desc = find_stratlint()
    rc, help_text = output(sl_cmd + ["check", "--help"])
    if rc != 0:
        log(f"cannot run stratlint: {help_text.strip()}")
        return 2
    has_no_cache = "--no-cache" in help_text
    has_jobs = "--jobs" in help_text
    rc, ver = output(sl_cmd + ["--version"])
    sl_version = (re.findall(r"\d+\.\d+\S*", ver) or ["?"])[0]
    sl_args = ["check", "--format", "json", "--fail-on", "never"] + (["--no-cache"] if has_no_cache else [])
    # Every tool runs with bytecode caching on, as on a user's machine, even where the
    # environment sets PYTHONDONTWRITEBYTECODE (then an editable install recompiles its
    # modules on every start). The .pyc files go to a temporary tree (PYTHONPYCACHEPREFIX),
    # never beside the sources; the warm-up run fills it.
    child_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    child_env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    dont_write_bytecode = "PYTHONDONTWRITEBYTECODE" in os.environ
    # Keep any cache stratlint writes inside the corpus folder, so it can be cleared.
    sl_env = dict(child_env, XDG_CACHE_HOME=str(corpus / ".xdg-cache"), NO_COLOR="1")

    # proselint
    if args.no_proselint:
        pl_cmd, pl_version = None, "skipped (--no-proselint)"
    else:
        pl_cmd, pl_version = ensure_proselint(log)
    tools = [("stratlint", f"stratlint {sl_version}")]
    if pl_cmd:
        tools.append(("proselint", f"proselint {pl_version}"))
    tools.append(("floor", "one-regex floor (300 words)"))

    floor_python = sl_python  # the same interpreter as stratlint's
    commands = {
        "stratlint": lambda paths: sl_cmd + sl_args + paths,
        "proselint": lambda paths: pl_cmd + ["check", "-o", "json"] + paths,
        "floor": lambda paths: [floor_python, str(FLOOR_SCRIPT)] + paths,
    }
    ok_codes = {"stratlint": {0}, "proselint": {0, 1}, "floor": {0}}

    facts = machine_facts(sl_python)
    base = {}
    for label, cmd in [("true", ["true"]), ("python -c pass", [sl_python, "-c", "pass"])]:
        runs = [meter.run(cmd, scratch, env=child_env) for _ in range(4)][1:]
        base[label] = {"wall_s": statistics.median(r[0] for r in runs), "peak_kb": max(r[1] or 0 for r in runs)}

    results = {t: {} for t, _ in tools}
    anomalies = []
    findings = {}

    def clear_cache():
        for p in [corpus / ".xdg-cache", *corpus.rglob(".stratlint_cache")]:
            shutil.rmtree(p, ignore_errors=True)

    def measure(tool, key, paths, timed_list, env=None, first=False):
        out_path = scratch / f"out-{tool}-{key}.txt"
        wall, peak, rc, err, cpu = meter.run(commands[tool](paths), corpus, env=env or child_env,
                                             stdout_path=out_path)
        if rc not in ok_codes[tool]:
            anomalies.append(f"{tool} on {key}: exit code {rc}: {err.strip()[-300:]}")
        if first and tool == "stratlint":
            try:
                data = json.loads(out_path.read_text(encoding="utf-8"))
                findings[key] = {"files_checked": data.get("files_checked"),
                                 "findings": len(data.get("findings", []))}
            except (OSError, ValueError) as exc:
                anomalies.append(f"stratlint on {key}: output is not JSON ({exc})")
        if first and tool == "proselint":
            try:
                data = json.loads(out_path.read_text(encoding="utf-8"))
                n = sum(len(v.get("diagnostics", [])) for v in data.get("result", {}).values())
                findings.setdefault("proselint", {})[key] = n
            except (OSError, ValueError, AttributeError):
                pass
        if timed_list is not None:
            timed_list.append((wall, peak, cpu))
        return wall, peak

    load_start = os.getloadavg() if hasattr(os, "getloadavg") else None
    if load_start and load_start[0] > 0.5 * facts["nproc"]:
        anomalies.append(f"the machine was busy before the benchmark started (load average {load_start[0]:.2f} "
                         f"on {facts['nproc']} cores): times are inflated and noisy; CPU seconds are steadier")
    clear_cache()
    total_steps = len(cases) * (args.warmup + args.runs) * len(tools)
    step = 0
    t_start = time.perf_counter()
    for key, title, rel in cases:
        paths = [str(corpus / p) for p in rel]
        for t, _ in tools:
            results[t][key] = []
        for i in range(args.warmup + args.runs):
            timed = i >= args.warmup
            # Rotate the order each round so no tool always runs first (or last).
            order = tools[i % len(tools):] + tools[:i % len(tools)]
            for t, _ in order:
                step += 1
                wall, _ = measure(t, key, paths, results[t][key] if timed else None,
                                  env=sl_env if t == "stratlint" else None, first=(i == 0))
                log(f"[{step}/{total_steps}] {t:9} {title:9} {'run' if timed else 'warm-up'} "
                    f"{wall:.3f} s")
        if key == "200" and not has_no_cache and list(corpus.rglob(".stratlint_cache")):
            anomalies.append("stratlint wrote a .stratlint_cache/ folder but has no --no-cache flag: "
                             "its timings may include cache hits")

    # Cached second runs of the 200 files (only when stratlint has a result cache).
    cache = None
    if has_no_cache and any(c[0] == "200" for c in cases):
        paths = [str(corpus / "many")]
        cold_cmd = sl_cmd + [a for a in sl_args if a != "--no-cache"] + paths
        firsts, seconds = [], []
        for i in range(args.runs):
            clear_cache()
            w1, p1, rc1, e1, c1 = meter.run(cold_cmd, corpus, env=sl_env)
            w2, p2, rc2, e2, c2 = meter.run(cold_cmd, corpus, env=sl_env)
            for rc, e in ((rc1, e1), (rc2, e2)):
                if rc != 0:
                    anomalies.append(f"stratlint cached run: exit code {rc}: {e.strip()[-300:]}")
            firsts.append((w1, p1, c1))
            seconds.append((w2, p2, c2))
            log(f"[cache {i + 1}/{args.runs}] first {w1:.3f} s, second {w2:.3f} s")
        clear_cache()
        cache = {"first": firsts, "second": seconds}
    elapsed = time.perf_counter() - t_start
    load_end = os.getloadavg() if hasattr(os, "getloadavg") else None
    # The benchmark itself keeps about one core busy.
    if load_end and load_end[1] > 1 + 0.5 * facts["nproc"]:
        anomalies.append(f"other work shared the machine during the benchmark (5-minute load average "
                         f"{load_end[1]:.2f} at the end, on {facts['nproc']} cores): compare CPU seconds, "
                         f"or re-run on a quiet machine")

    # ----------------------------------------------------------------------------------
    # Summaries
    # ----------------------------------------------------------------------------------
    def med(runs, i=0):
        vals = [r[i] for r in runs if r[i] is not None]
        return statistics.median(vals) if vals else None

    def peak(runs):
        vals = [r[1] for r in runs if r[1] is not None]
        return max(vals) if vals else None

    summary = {}
    for t, _ in tools:
        summary[t] = {}
        for key, _, _ in cases:
            runs = results[t][key]
            m = med(runs)
            summary[t][key] = {"median_s": m, "min_s": min(r[0] for r in runs), "max_s": max(r[0] for r in runs),
                               "words": words[key], "words_per_s": words[key] / m if m else None,
                               "peak_kb": peak(runs), "cpu_median_s": med(runs, 2),
                               "runs_s": [r[0] for r in runs], "runs_peak_kb": [r[1] for r in runs],
                               "runs_cpu_s": [r[2] for r in runs]}
        peaks = [summary[t][k]["peak_kb"] for k in summary[t] if summary[t][k]["peak_kb"] is not None]
        summary[t]["peak_kb"] = max(peaks) if peaks else None
    if cache:
        summary["stratlint-cache"] = {
            "first_median_s": med(cache["first"]), "second_median_s": med(cache["second"]),
            "first_runs_s": [r[0] for r in cache["first"]], "second_runs_s": [r[0] for r in cache["second"]],
            "first_cpu_median_s": med(cache["first"], 2), "second_cpu_median_s": med(cache["second"], 2),
            "peak_kb": max([r[1] for r in cache["first"] + cache["second"] if r[1]] or [0]) or None,
        }

    def ratio(a, b):
        return a / b if a and b else None

    ratios = {"proselint_over_stratlint": {}, "stratlint_over_floor": {}}
    for key, _, _ in cases:
        s = summary["stratlint"][key]["median_s"]
        if "proselint" in summary:
            ratios["proselint_over_stratlint"][key] = ratio(summary["proselint"][key]["median_s"], s)
        ratios["stratlint_over_floor"][key] = ratio(s, summary["floor"][key]["median_s"])
    if "proselint" in summary:
        ratios["proselint_over_stratlint"]["peak"] = ratio(summary["stratlint"]["peak_kb"],
                                                            summary["proselint"]["peak_kb"])
    ratios["stratlint_over_floor"]["peak"] = ratio(summary["stratlint"]["peak_kb"], summary["floor"]["peak_kb"])

    linearity = None
    keys = {k for k, _, _ in cases}
    if {"8k", "100k"} <= keys:
        s = summary["stratlint"]
        linearity = {"time_ratio": ratio(s["100k"]["median_s"], s["8k"]["median_s"]),
                     "word_ratio": words["100k"] / words["8k"]}
        linearity["cpu_ratio"] = ratio(s["100k"]["cpu_median_s"], s["8k"]["cpu_median_s"])
        if "500" in keys:
            t0 = s["500"]["median_s"]
            linearity["time_ratio_minus_startup"] = ratio(s["100k"]["median_s"] - t0, s["8k"]["median_s"] - t0) \
                if s["8k"]["median_s"] > t0 else None
            c0 = s["500"]["cpu_median_s"]
            if c0 is not None and s["8k"]["cpu_median_s"] and s["8k"]["cpu_median_s"] > c0:
                linearity["cpu_ratio_minus_startup"] = ratio(s["100k"]["cpu_median_s"] - c0,
                                                             s["8k"]["cpu_median_s"] - c0)
            # Cost per word once start-up is taken off: one big file against many small ones.
            for k in ("100k", "200"):
                if k in keys and s[k]["cpu_median_s"] is not None and c0 is not None:
                    linearity[f"cpu_us_per_word_{k}"] = (s[k]["cpu_median_s"] - c0) / words[k] * 1e6
        for t, _ in tools[1:]:
            linearity[f"{t}_time_ratio"] = ratio(summary[t]["100k"]["median_s"], summary[t]["8k"]["median_s"])

    # ----------------------------------------------------------------------------------
    # Print
    # ----------------------------------------------------------------------------------
    L = []
    L.append("## stratlint benchmark")
    L.append("")
    L.append(f"Machine: {facts['nproc']} cores (nproc), {facts['cpu_model'] or facts['machine']}, "
             f"{facts['mem_total_mb']} MB RAM; {facts['platform']}; Python {facts['python_stratlint']} "
             f"(stratlint), {facts['python_benchmark']} (benchmark); {facts['date_utc']}.")
    L.append(f"stratlint {sl_version} via `{sl_desc}`: `stratlint {' '.join(sl_args)} PATH`; "
             f"--no-cache {'present' if has_no_cache else 'absent (no result cache)'}, "
             f"--jobs {'present (default used)' if has_jobs else 'absent'}.")
    L.append(f"proselint: {pl_version if pl_cmd else 'unavailable — ' + str(pl_version)}"
             + (" (`proselint check -o json PATH`, own venv)" if pl_cmd else "") + ".")
    L.append(f"Median of {args.runs} runs after {args.warmup} warm-up, tools interleaved; whole processes, "
             f"wall clock. Peak memory: {meter.method}. Baselines: `true` "
             f"{mb(base['true']['peak_kb']):.1f} MB; bare `python -c pass` {fmt_s(base['python -c pass']['wall_s'])}, "
             f"{mb(base['python -c pass']['peak_kb']):.1f} MB.")
    L.append("Bytecode: cached (.pyc in a temporary PYTHONPYCACHEPREFIX"
             + ("; this environment sets PYTHONDONTWRITEBYTECODE=1, unset for the runs" if dont_write_bytecode else "")
             + "). Load average before / after: "
             + (f"{load_start[0]:.2f} / {load_end[0]:.2f} (1 min), {load_end[1]:.2f} (5 min)"
                if load_start and load_end else "n/a") + ".")
    L.append("")
    header = ["tool"] + [f"{title} ({words[k]:,} words)" for k, title, _ in cases] + ["peak MB"]
    L.append("| " + " | ".join(header) + " |")
    L.append("|" + "---|" * len(header))
    for t, label in tools:
        cells = [label]
        for key, _, _ in cases:
            s = summary[t][key]
            cells.append(f"{fmt_s(s['median_s'])} ({fmt_rate(words[key], s['median_s'])})")
        cells.append(f"{mb(summary[t]['peak_kb']):.0f}" if summary[t]["peak_kb"] else "—")
        L.append("| " + " | ".join(cells) + " |")
    if not pl_cmd:
        why = "skipped" if args.no_proselint else "unavailable"
        L.append("| proselint " + PROSELINT_VERSION + " | " + " | ".join([why] * (len(cases) + 1)) + " |")
    if cache:
        c = summary["stratlint-cache"]
        cells = ["stratlint, cache: first run → second run"]
        for key, _, _ in cases:
            cells.append(f"{fmt_s(c['first_median_s'])} → {fmt_s(c['second_median_s'])}" if key == "200" else "")
        cells.append(f"{mb(c['peak_kb']):.0f}" if c["peak_kb"] else "—")
        L.append("| " + " | ".join(cells) + " |")
    else:
        L.append("| stratlint, cached second run | " + " | ".join(
            ["" if k != "200" else "n/a (no --no-cache flag: no result cache yet)" for k, _, _ in cases]) + " | |")
    L.append("")
    L.append("CPU seconds (user + system, median; steadier than wall time on a busy machine):")
    L.append("")
    L.append("| tool | " + " | ".join(title for _, title, _ in cases) + " |")
    L.append("|" + "---|" * (len(cases) + 1))
    for t, label in tools:
        L.append(f"| {label} | " + " | ".join(fmt_s(summary[t][k]["cpu_median_s"]) for k, _, _ in cases) + " |")
    if cache:
        c = summary["stratlint-cache"]
        L.append("| stratlint, cache: first → second | " + " | ".join(
            f"{fmt_s(c['first_cpu_median_s'])} → {fmt_s(c['second_cpu_median_s'])}" if k == "200" else ""
            for k, _, _ in cases) + " |")
    L.append("")
    L.append("Ratios (same run):")
    L.append("")
    L.append("| ratio | " + " | ".join(title for _, title, _ in cases) + " | peak MB |")
    L.append("|" + "---|" * (len(cases) + 2))
    if "proselint" in summary:
        L.append("| proselint time ÷ stratlint time (>1: stratlint faster; memory: stratlint ÷ proselint) | "
                 + " | ".join(fmt_x(ratios["proselint_over_stratlint"][k]) for k, _, _ in cases)
                 + f" | {fmt_x(ratios['proselint_over_stratlint']['peak'])} |")
    else:
        L.append("| proselint time ÷ stratlint time | " + " | ".join(["unavailable"] * (len(cases) + 1)) + " |")
    L.append("| stratlint time ÷ floor time (1 = as fast as one regex) | "
             + " | ".join(fmt_x(ratios["stratlint_over_floor"][k]) for k, _, _ in cases)
             + f" | {fmt_x(ratios['stratlint_over_floor']['peak'])} |")
    if cache:
        c = summary["stratlint-cache"]
        L.append("| stratlint first ÷ second run with the cache (200 files) | "
                 + " | ".join(fmt_x(ratio(c["first_median_s"], c["second_median_s"])) if k == "200" else ""
                              for k, _, _ in cases) + " | |")
    L.append("")
    if linearity:
        txt = (f"Linearity: stratlint 100k ÷ 8k time = {linearity['time_ratio']:.2f}× for "
               f"{linearity['word_ratio']:.2f}× the words")
        if linearity.get("time_ratio_minus_startup"):
            txt += (f"; with the 500-word time (≈ start-up) subtracted from both, "
                    f"{linearity['time_ratio_minus_startup']:.2f}×")
        else:
            txt += "; start-up-subtracted wall ratio n/a (the 8k run was not slower than the 500-word run)"
        if linearity.get("cpu_ratio"):
            txt += f"; in CPU seconds {linearity['cpu_ratio']:.2f}×"
            if linearity.get("cpu_ratio_minus_startup"):
                txt += f", {linearity['cpu_ratio_minus_startup']:.2f}× with start-up subtracted"
        others = [f"{t} {linearity[t + '_time_ratio']:.2f}×" for t, _ in tools[1:]
                  if linearity.get(t + "_time_ratio")]
        if others:
            txt += " (" + ", ".join(others) + ")"
        L.append(txt + ".")
    if linearity and linearity.get("cpu_us_per_word_100k") and linearity.get("cpu_us_per_word_200"):
        L.append(f"Per word, start-up subtracted (CPU): {linearity['cpu_us_per_word_100k']:.1f} µs in the one "
                 f"100k file, {linearity['cpu_us_per_word_200']:.1f} µs across the 200 files "
                 f"(a gap means per-file or cross-file costs).")
    peaks_line = ", ".join(
        f"{k} {mb(summary['stratlint'][k]['peak_kb']):.0f} MB" for k, _, _ in cases if summary["stratlint"][k]["peak_kb"])
    L.append(f"stratlint peak memory per case: {peaks_line}.")
    if findings:
        L.append("Findings (sanity check, first run): " + ", ".join(
            f"stratlint {k}: {v['findings']} in {v['files_checked']} file(s)" for k, v in findings.items()
            if k != "proselint")
                 + ("; proselint: " + ", ".join(f"{k}: {v}" for k, v in findings["proselint"].items())
                    if "proselint" in findings else "") + ".")
    L.append("")

    # Targets from issue 6
    T = []

    def target(name, value, ok):
        T.append(f"- {'met' if ok else 'NOT met'}: {name} — {value}")

    sp = ratios["proselint_over_stratlint"]
    fl = ratios["stratlint_over_floor"]
    if "proselint" in summary:
        if "500" in keys:
            target("500-word file no slower than proselint", f"{fmt_x(sp['500'])} proselint's speed",
                   sp["500"] is not None and sp["500"] >= 1)
        if "100k" in keys:
            target("100k file ≥ 4× faster than proselint", fmt_x(sp["100k"]), sp["100k"] is not None and sp["100k"] >= 4)
        if "200" in keys:
            target("200 files ≥ 5× faster than proselint", fmt_x(sp["200"]), sp["200"] is not None and sp["200"] >= 5)
        if "real" in keys:
            target("the whole real strategies ≥ 4× faster than proselint", fmt_x(sp["real"]),
                   sp["real"] is not None and sp["real"] >= 4)
        if "unique" in keys:
            target("100k words of unique text ≥ 4× faster than proselint", fmt_x(sp["unique"]),
                   sp["unique"] is not None and sp["unique"] >= 4)
    if "unique" in keys:
        target("100k words of unique text within 3× of the regex floor",
               f"{fmt_x(fl['unique'])} the floor", fl["unique"] is not None and fl["unique"] <= 3)
    if "100k" in keys:
        target("100k file within 3× of the regex floor", f"{fmt_x(fl['100k'])} the floor",
               fl["100k"] is not None and fl["100k"] <= 3)
        pk = summary["stratlint"]["100k"]["peak_kb"]
        target("peak memory < 100 MB on the 100k file", f"{mb(pk):.0f} MB", pk is not None and mb(pk) < 100)
    if cache:
        r = ratio(summary["stratlint-cache"]["first_median_s"], summary["stratlint-cache"]["second_median_s"])
        target("cached second run ≥ 5× faster than the first (200 files)", fmt_x(r), r is not None and r >= 5)
    elif "200" in keys:
        T.append("- NOT met: cached second run ≥ 5× faster than the first — stratlint has no result cache yet")
    if linearity:
        ok = linearity["time_ratio"] <= linearity["word_ratio"] * 1.15
        target("time grows linearly with size (100k ÷ 8k time vs words)",
               f"{linearity['time_ratio']:.2f}× time for {linearity['word_ratio']:.2f}× words", ok)
    L.append("Targets (issues 6 and 15):")
    L.extend(T)
    if anomalies:
        L.append("")
        L.append("Anomalies:")
        L.extend(f"- {a}" for a in dict.fromkeys(anomalies))
    L.append("")
    L.append(f"Benchmark wall time {elapsed:.0f} s.")
    print("\n".join(L))

    if args.json:
        raw = {"machine": facts, "baselines": base, "memory_method": meter.method,
               "stratlint": {"version": sl_version, "command": sl_cmd + sl_args, "has_no_cache": has_no_cache,
                             "has_jobs": has_jobs},
               "proselint": {"version": pl_version if pl_cmd else None, "unavailable": None if pl_cmd else pl_version},
               "runs": args.runs, "warmup": args.warmup, "seed": args.seed,
               "load_average_start": load_start, "load_average_end": load_end,
               "unset_PYTHONDONTWRITEBYTECODE": dont_write_bytecode,
               "words": words, "results": summary, "ratios": ratios, "linearity": linearity,
               "findings": findings, "targets": T, "anomalies": anomalies}
        Path(args.json).write_text(json.dumps(raw, indent=1) + "\n", encoding="utf-8")
        log(f"raw numbers written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
