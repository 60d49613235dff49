"""The boundaries of the code: the domain (`sessie`) depends on content and storage only, and no
package of `buurtoverleg` imports, directly or through others, one that imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

BRON = Path(__file__).resolve().parents[1] / "buurtoverleg"


def _modules() -> dict[str, Path]:
    modules = {}
    for pad in BRON.rglob("*.py"):
        if "migrations" in pad.parts:
            continue
        naam = ".".join(pad.relative_to(BRON.parent).with_suffix("").parts).removesuffix(".__init__")
        modules[naam] = pad
    return modules


def _imports(naam: str, pad: Path, modules: dict[str, Path]) -> set[str]:
    """Every buurtoverleg module `naam` imports, also inside functions; not under TYPE_CHECKING."""
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    pakket = naam if pad.name == "__init__.py" else naam.rsplit(".", 1)[0]
    alleen_types = {
        id(kind)
        for knoop in ast.walk(boom)
        if isinstance(knoop, ast.If) and "TYPE_CHECKING" in ast.unparse(knoop.test)
        for kind in ast.walk(knoop)
    }
    gevonden: set[str] = set()
    for knoop in ast.walk(boom):
        if id(knoop) in alleen_types:
            continue
        if isinstance(knoop, ast.ImportFrom):
            if knoop.level:
                delen = pakket.split(".")
                basis = ".".join(delen[: len(delen) - knoop.level + 1] + ([knoop.module] if knoop.module else []))
            else:
                basis = knoop.module or ""
            sub = {f"{basis}.{a.name}" for a in knoop.names if f"{basis}.{a.name}" in modules}
            gevonden |= sub or ({basis} if basis in modules else set())
        elif isinstance(knoop, ast.Import):
            gevonden |= {a.name for a in knoop.names if a.name in modules}
    return gevonden - {naam}


def _pakket(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _pakketgraaf() -> dict[str, set[str]]:
    modules = _modules()
    graaf: dict[str, set[str]] = {}
    for naam, pad in modules.items():
        for doel in _imports(naam, pad, modules):
            if _pakket(doel) != _pakket(naam):
                graaf.setdefault(_pakket(naam), set()).add(_pakket(doel))
    return graaf


def test_het_domein_kent_geen_pagina_export_instellingen_of_toegang():
    assert _pakketgraaf()["buurtoverleg.sessie"] <= {"buurtoverleg.content", "buurtoverleg.storage"}


def test_geen_importkringen_tussen_pakketten():
    graaf = _pakketgraaf()

    def bereikbaar(start: str) -> set[str]:
        gezien: set[str] = set()
        rij = [start]
        while rij:
            for doel in graaf.get(rij.pop(), ()):
                if doel not in gezien:
                    gezien.add(doel)
                    rij.append(doel)
        return gezien

    kringen = sorted(p for p in graaf if p in bereikbaar(p))
    assert not kringen, f"these packages import themselves back: {kringen}"
