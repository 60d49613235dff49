"""A regular install (a wheel, not `pip install -e`) carries everything the app reads from disk:
the method in content/ and the schema migrations."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_elk_pakket_staat_in_pyproject():
    """pyproject.toml lists the packages by hand (content/ is mapped into the package), so a new
    sub-package must be added there or a regular install would lack it."""
    opgegeven = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    pakket = ROOT / "buurtoverleg"
    op_schijf = {
        ".".join(d.relative_to(ROOT).parts)
        for d in [pakket, *pakket.rglob("*")]
        if d.is_dir() and d.name != "__pycache__" and any(d.glob("*.py"))
    }
    assert op_schijf | {"buurtoverleg.methode"} == opgegeven


def test_wiel_bevat_de_methode_en_de_migraties(tmp_path: Path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wiel,) = tmp_path.glob("buurtoverleg-*.whl")
    namen = set(zipfile.ZipFile(wiel).namelist())
    yaml = {Path(n).name for n in namen if n.startswith("buurtoverleg/methode/")}
    assert yaml == {p.name for p in (ROOT / "content").glob("*.yaml")}
    migraties = {Path(n).name for n in namen if n.startswith("buurtoverleg/storage/migrations/versions/")}
    assert migraties == {p.name for p in (ROOT / "buurtoverleg/storage/migrations/versions").glob("*.py")}
    assert {"buurtoverleg/storage/migrations/env.py", "buurtoverleg/storage/migrations/script.py.mako"} <= namen
