"""A complete archive of the meeting for the dossier: the minutes model plus every shown
round's raw answers (`antwoorden`), as UTF-8 JSON. `Notulen.from_dict` reads it back."""

from __future__ import annotations

import json

from ..sessie.notulen import Notulen

FORMAAT = "buurtoverleg-archief"


def maak_json(n: Notulen) -> bytes:
    archief = {"formaat": FORMAAT, **n.to_dict()}
    for stap, verslag in zip(archief["stappen"], n.stappen, strict=True):
        stap["nummer"] = verslag.nummer  # as the PDF and DOCX number it; `positie` counts from 0
    return (json.dumps(archief, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
