"""Exports of the minutes: PDF (to send out), DOCX (to edit), CSV (the actielijst for Excel)
and JSON (a complete archive for the dossier). All four render the same `Notulen` model.

`bouw_bestand` returns the file's bytes (pages run it through `run.cpu_bound`); `exporteer` writes
it under a safe name `<buurt>_<datum>_v<versie>.<ext>` (a draft: `_concept`).
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from ..sessie.notulen import Notulen

FORMATEN: dict[str, tuple[str, str]] = {
    "pdf": ("pdf", "application/pdf"),
    "docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "csv": ("csv", "text/csv; charset=utf-8"),
    "json": ("json", "application/json"),
}


def bouw_bestand(notulen: Notulen, formaat: str) -> bytes:
    """The file's content; a module-level function so it can run in a worker process."""
    if formaat == "pdf":
        from .pdf import maak_pdf

        return maak_pdf(notulen)
    if formaat == "docx":
        from .docx import maak_docx

        return maak_docx(notulen)
    if formaat == "csv":
        from .csv import maak_csv

        return maak_csv(notulen)
    if formaat == "json":
        from .json import maak_json

        return maak_json(notulen)
    raise ValueError(f"Onbekend formaat '{formaat}'; kies uit {', '.join(FORMATEN)}.")


def mediatype(formaat: str) -> str:
    return FORMATEN[formaat][1]


def slug(tekst: str, maximum: int = 60) -> str:
    """Lowercase ASCII letters, digits and hyphens only: no dots, slashes or spaces survive."""
    plat = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode("ascii")
    schoon = re.sub(r"[^a-z0-9]+", "-", plat.lower()).strip("-")
    return schoon[:maximum].strip("-") or "overleg"


def bestandsnaam(notulen: Notulen, formaat: str) -> str:
    """Buurt and date for the secretary, the meeting's number so that two meetings in the same
    buurt on the same day (a practice round and the real one) never overwrite or delete each
    other's files, and the version."""
    if formaat not in FORMATEN:
        raise ValueError(f"Onbekend formaat '{formaat}'; kies uit {', '.join(FORMATEN)}.")
    versie = f"v{notulen.versie}" if notulen.versie is not None else "concept"
    return (
        f"{slug(notulen.buurt)}_{notulen.datum.isoformat()}_overleg-{notulen.meeting_id}_{versie}"
        f".{FORMATEN[formaat][0]}"
    )


def exporteer(notulen: Notulen, formaat: str, map: Path | str) -> Path:
    """Write the export into `map` (created if needed) and return its path."""
    doelmap = Path(map).resolve()
    doelmap.mkdir(parents=True, exist_ok=True)
    pad = (doelmap / bestandsnaam(notulen, formaat)).resolve()
    if pad.parent != doelmap:  # cannot happen with a slug, but a file name is never trusted
        raise ValueError("Ongeldige bestandsnaam.")
    inhoud = bouw_bestand(notulen, formaat)
    fd, tijdelijk = tempfile.mkstemp(dir=doelmap, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(inhoud)
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
    return pad


class Exportbestanden:
    """File names and bytes of the exports, as the domain's retention side asks for them
    (`sessie.bewaren.Archivering`): handed in by the composition root."""

    formaten = tuple(FORMATEN)

    def bestandsnaam(self, notulen: Notulen, formaat: str) -> str:
        return bestandsnaam(notulen, formaat)

    def bestand(self, notulen: Notulen, formaat: str) -> bytes:
        return bouw_bestand(notulen, formaat)
