"""The output fuzz targets (fuzz/fuzz_outputs.py) run on fixed inputs, so the harness keeps
working and its properties hold in every test run, with or without atheris."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parents[2] / "fuzz" / "fuzz_outputs.py"
SEEDS = [
    b"",
    b"plain\0We will leverage data.\0plan.md",
    b"::stop-commands::x\n##[error]y\0\x1b]0;t\x07 \xc2\x9b \xe2\x80\xae\0a\n::error::b.md",
    b"<img src=x onerror=alert(1)>\0[l](https://e.example) **b** | c\0<b>p</b>.md",
    b"%0A::warning::x\r\n\t\0\0\xff\xfe",
    bytes(range(256)),
]


@pytest.fixture(scope="module")
def harness():
    if not HARNESS.is_file():
        pytest.skip(f"{HARNESS} is not in this checkout")
    spec = importlib.util.spec_from_file_location("fuzz_outputs", HARNESS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("target", ["github", "console", "baseline", "cache", "outputs"])
def test_fuzz_targets_hold_on_seed_inputs(harness, target, tmp_path, monkeypatch):
    monkeypatch.setenv("STRATLINT_CACHE_DIR", str(tmp_path / "user-cache"))
    monkeypatch.delenv("STRATLINT_NO_CACHE", raising=False)
    for seed in SEEDS:
        for kind in range(6):   # `outputs` reads what lies at the target from the first byte
            harness.TARGETS[target](bytes([kind]) + seed if target == "outputs" else seed)
            if target != "outputs":
                break
