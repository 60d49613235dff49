"""The actielijst as CSV for Dutch Excel: ';'-separated, UTF-8 with BOM, dd-mm-jjjj dates.

A cell that starts with = + - @ (or a tab/CR) is prefixed with an apostrophe, so text typed
in a meeting can never run as a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io

from ..sessie.notulen import Notulen
from .tekst import datum_kort

KOLOMMEN = (
    "Nr",
    "Wat",
    "Beoogd resultaat",
    "Activiteit",
    "Doelgroep",
    "Uitvoerder",
    "Coördinatie",
    "Gereed (datum)",
    "Terugkoppeling",
    "Status",
    "Hoort bij",
)


def _veilig(waarde: str) -> str:
    return "'" + waarde if waarde[:1] in ("=", "+", "-", "@", "\t", "\r") else waarde


def maak_csv(n: Notulen) -> bytes:
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN)
    for a in n.acties:
        schrijver.writerow(
            [
                str(a.nr),
                *(_veilig(x) for x in (a.wat, a.resultaat, a.activiteit, a.doelgroep, a.uitvoerder, a.coordinator)),
                datum_kort(a.wanneer),
                datum_kort(a.terugkoppeling),
                a.status,
                _veilig(a.interventie),
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")
