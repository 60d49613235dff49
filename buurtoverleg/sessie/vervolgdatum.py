"""The rule "a follow-up meeting after the action deadlines, or a warning" (werkprotocol,
seed 003: the next meeting reviews whether the actions were carried out).

The next meeting is written as an agreement in words ("Volgende bijeenkomst op 12-01-2027,
19.30 uur"); its date is the first date in that text. A follow-up before an action's deadline
is allowed (the room may want an interim check), but the room should see it: a warning, not a
refusal, so nothing typed is lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from .aanpak import ActieRegel, Besluit

_DATUM = re.compile(r"\b(\d{1,2})[-/](\d{1,2})[-/](\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")


def datum_in(tekst: str) -> date | None:
    """The first date written as dd-mm-jjjj, d/m/jjjj or jjjj-mm-dd; None if there is none."""
    for gevonden in _DATUM.finditer(tekst):
        dag, maand, jaar, j2, m2, d2 = gevonden.groups()
        try:
            if jaar is not None:
                return date(int(jaar), int(maand), int(dag))
            return date(int(j2), int(m2), int(d2))
        except ValueError:
            continue
    return None


def waarschuwing(besluiten: Iterable[Besluit], acties: Iterable[ActieRegel]) -> str:
    """A Dutch warning when the next meeting lies before the deadline of an open action; '' otherwise."""
    data = [d for b in besluiten if b.soort == "vervolg" and (d := datum_in(b.tekst)) is not None]
    if not data:
        return ""
    vervolg = min(data)
    later = sorted(a.wanneer for a in acties if a.status == "open" and a.wanneer > vervolg)
    if not later:
        return ""
    return (
        f"Let op: de volgende bijeenkomst ({vervolg:%d-%m-%Y}) ligt vóór de deadline van "
        f"{'1 actie' if len(later) == 1 else f'{len(later)} acties'} (de laatste op {later[-1]:%d-%m-%Y}). Kies een latere datum, "
        "of spreek af dat de volgende bijeenkomst alleen de voortgang bespreekt."
    )
