"""The HTML assurance report in a real browser: headless Chromium renders it, takes a
screenshot, and shows that markup in a hostile document runs nothing.

Needs the Debian packages `chromium` and `chromium-driver` (`.ci/run` installs them with
apt-get when it can); skipped when /usr/bin/chromium is absent.
"""
from __future__ import annotations

import re
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from stratlint import api
from stratlint.output.assurance import render

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
STRONG = REPO / "examples" / "strong-riverside-trust.md"
WEAK = REPO / "examples" / "weak-hillcrest-trust.md"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="headless Chromium is not installed (/usr/bin/chromium is absent;"
                              " install the Debian packages chromium and chromium-driver)"),
]

# Script that would mark the page if it ever ran.
PWN = "document.body.setAttribute('data-pwned','1')"
HOSTILE = f"""---
organisation: "Evil <img src=x onerror=\\"{PWN}\\"> Trust"
title: "Evil Trust <script>{PWN}</script> Digital Strategy"
---
# Evil Trust <script>{PWN}</script> Digital Strategy 2025 to 2027

## Our mission

Our mission is <img src=x onerror="{PWN}"> care for everyone.

## What could go wrong

A cyber attack <svg onload="{PWN}"></svg> could stop services, so we test backups.

<script>{PWN}</script>

- We will cut waiting times <img src=x onerror="{PWN}"> by 20%.
"""


def _chromium(tmp_path: Path, *args: str, url: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", f"--user-data-dir={profile}", *args, url]
    return subprocess.run(command, capture_output=True, text=True, timeout=180)


def _dump_dom(tmp_path: Path, page: Path) -> str:
    result = _chromium(tmp_path, "--virtual-time-budget=3000", "--dump-dom",
                       url=page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert "<body" in result.stdout, result.stderr[-2000:]
    return result.stdout


def _png_pixels(path: Path) -> tuple[int, int, bytes]:
    """(width, height, decompressed image data) of a PNG, without an imaging library."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, width, height, idat = 8, 0, 0, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    return width, height, zlib.decompress(idat)


def test_screenshot_of_the_comparison_report(tmp_path):
    report = tmp_path / "report.html"
    report.write_text(render("html", api.assess_paths([WEAK, STRONG])), encoding="utf-8")
    shot = tmp_path / "shot.png"
    result = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,1600",
                       "--hide-scrollbars", url=report.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.is_file(), result.stderr[-2000:]
    assert shot.stat().st_size > 20_000, "the screenshot is suspiciously small"
    width, height, pixels = _png_pixels(shot)
    assert (width, height) == (1200, 1600)
    # A blank page compresses to a handful of distinct byte values; a report has many.
    assert len(set(pixels)) > 50


def test_report_renders_its_text_and_chart(tmp_path):
    report = tmp_path / "report.html"
    report.write_text(render("html", api.assess_paths([WEAK, STRONG])), encoding="utf-8")
    dom = _dump_dom(tmp_path, report)
    assert "Digital strategy assurance report" in dom
    assert "Hillcrest Hospitals NHS Foundation Trust" in dom
    assert dom.count("<svg") == 3 and "<circle" in dom and "<rect" in dom


def test_detector_sees_script_that_runs(tmp_path):
    """Control: the same browser flags do run an unescaped payload, so the next test's
    'nothing ran' means something."""
    page = tmp_path / "control.html"
    page.write_text(f'<!DOCTYPE html><html><body><p>x</p><img src=x onerror="{PWN}">'
                    f"</body></html>", encoding="utf-8")
    assert 'data-pwned="1"' in _dump_dom(tmp_path, page)


@pytest.mark.parametrize("without_csp", [False, True], ids=["as-written", "without-csp"])
def test_hostile_document_runs_nothing(tmp_path, without_csp):
    folder = tmp_path / "docs"
    folder.mkdir()
    # The file name is document text too.
    strategy = folder / f"<img src=x onerror={PWN.replace(' ', '')}>.md"
    strategy.write_text(HOSTILE, encoding="utf-8")
    page = render("html", api.assess_paths([strategy, STRONG]))
    if without_csp:
        # Escaping alone must hold, without the Content-Security-Policy's second line of defence.
        page, count = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?', "", page)
        assert count == 1
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    dom = _dump_dom(tmp_path, report)
    assert not re.search(r"<[^>]*\sdata-pwned=", dom), "a script in the document ran"
    assert not re.search(r"<script\b", dom, re.IGNORECASE)
    assert not re.search(r"<img\b", dom, re.IGNORECASE)
    assert not re.search(r"<[a-z][^>]*\s(?:onerror|onload)=", dom, re.IGNORECASE)
    # The hostile markup is still there, as text a reader can see.
    assert "Evil &lt;img src=x onerror=" in dom
    assert "&lt;script&gt;" in dom
