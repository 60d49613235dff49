"""Make the README's screenshots again: docs/schermen/{beamer,gespreksleider,telefoon}.png.

    .venv/bin/python scripts/schermafbeeldingen.py

Needs what the real-browser tests need: Debian's `chromium` and `chromium-driver` and
`pip install -e ".[test]"`. It runs one of those tests, `test_schermen_met_een_verdeelde_zaal`
in tests/pages/test_browser.py, with SCHERMAFBEELDINGEN set to docs/schermen. That test prepares the
demo room through the domain (eight participants from different domains, their eight signals,
a phase question they read differently), lets a 390x844 phone join and answer, reveals the
result on the console with the `u` shortcut, checks that the beamer fits 1920x1080 and that
the pages pass axe-core, and then saves the beamer (1920x1080), the console (1280x800) and the
phone (390x844) as palette PNGs of at most 200 kB. The pages show the example address
http://192.168.1.20:8080 from the README instead of this machine's.

Without SCHERMAFBEELDINGEN (as in CI) the same test runs and only writes test-artefacten/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

WORTEL = Path(__file__).resolve().parent.parent
DOEL = WORTEL / "docs" / "schermen"
NAMEN = ("beamer", "gespreksleider", "telefoon")
TEST = "tests/pages/test_browser.py::test_schermen_met_een_verdeelde_zaal"


def main() -> int:
    begin = time.time()
    env = dict(os.environ, SCHERMAFBEELDINGEN=str(DOEL))
    code = subprocess.call([sys.executable, "-m", "pytest", TEST, "-q", "-rs"], cwd=WORTEL, env=env)
    if code != 0:
        return code
    oud = [n for n in NAMEN if not (DOEL / f"{n}.png").exists() or (DOEL / f"{n}.png").stat().st_mtime < begin]
    if oud:  # the test was skipped, for example because Chromium is missing
        print(f"niet (opnieuw) gemaakt: {', '.join(oud)}", file=sys.stderr)
        return 1
    for naam in NAMEN:
        pad = DOEL / f"{naam}.png"
        print(f"{pad.relative_to(WORTEL)}  {pad.stat().st_size / 1000:.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
