"""The meeting's details for the heading of the minutes: plaats, voorzitter, notulist,
afgemeld, and the times it began and ended.

The organiser can give place, chair and secretary when creating the meeting; the domain
records the moment the meeting starts and ends; the secretary can correct all of it on the
minutes page (the recorded start is the moment the facilitator pressed start, which is not
always when the chair opened the meeting). Corrections of the times are local (Dutch) clock
times; the recorded moments are UTC and are shown in Dutch local time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from ..storage.models import Meeting
from .fouten import Geweigerd
from .invoer import tekst as _tekst

MAX_PLAATS = 120
MAX_PERSOON = 120
MAX_AFGEMELD = 1000
TIJDZONE = ZoneInfo("Europe/Amsterdam")
_TIJD = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


@dataclass(frozen=True)
class Overleggegevens:
    plaats: str = ""
    voorzitter: str = ""
    notulist: str = ""
    afgemeld: str = ""
    begintijd: str = ""
    """'19:30', or '' when not known."""
    eindtijd: str = ""


def schoon(plaats: Any = "", voorzitter: Any = "", notulist: Any = "") -> tuple[str, str, str]:
    """What the organiser typed when creating the meeting, cleaned (all optional, one line)."""
    return (
        _tekst(plaats, "De plaats", MAX_PLAATS, verplicht=False, regels=False),
        _tekst(voorzitter, "De voorzitter", MAX_PERSOON, verplicht=False, regels=False),
        _tekst(notulist, "De notulist", MAX_PERSOON, verplicht=False, regels=False),
    )


def tijd(waarde: Any, wat: str) -> time | None:
    """'19:30' or '19.30' -> time; '' -> None (back to the recorded moment)."""
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None
    if isinstance(waarde, time):
        return waarde
    gevonden = _TIJD.match(waarde) if isinstance(waarde, str) else None
    if gevonden is None or int(gevonden[1]) > 23 or int(gevonden[2]) > 59:
        raise Geweigerd(f"{wat} is geen tijd. Schrijf het als 19:30.")
    return time(int(gevonden[1]), int(gevonden[2]))


def leg_vast(meeting: Meeting, velden: dict[str, Any]) -> None:
    """The secretary's corrections. Only the fields given change; everything is checked before
    anything is written, so a wrong time loses none of the other fields."""
    bekend = {"plaats", "voorzitter", "notulist", "afgemeld", "begintijd", "eindtijd"}
    onbekend = set(velden) - bekend
    if onbekend:
        raise Geweigerd(f"Onbekend veld: {', '.join(sorted(onbekend))}.")
    nieuw: dict[str, Any] = {}
    if "plaats" in velden:
        nieuw["location"] = _tekst(velden["plaats"], "De plaats", MAX_PLAATS, verplicht=False, regels=False)
    if "voorzitter" in velden:
        nieuw["chair"] = _tekst(velden["voorzitter"], "De voorzitter", MAX_PERSOON, verplicht=False, regels=False)
    if "notulist" in velden:
        nieuw["minute_taker"] = _tekst(velden["notulist"], "De notulist", MAX_PERSOON, verplicht=False, regels=False)
    if "afgemeld" in velden:
        nieuw["absent"] = _tekst(velden["afgemeld"], "Afgemeld", MAX_AFGEMELD, verplicht=False)
    if "begintijd" in velden:
        nieuw["begin_time"] = tijd(velden["begintijd"], "De begintijd")
    if "eindtijd" in velden:
        nieuw["end_time"] = tijd(velden["eindtijd"], "De eindtijd")
    for kolom, waarde in nieuw.items():
        setattr(meeting, kolom, waarde)


def _lokaal(moment: datetime | None) -> time | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC).astimezone(TIJDZONE).time()


def _klok(t: time | None) -> str:
    return f"{t:%H:%M}" if t is not None else ""


def gegevens(meeting: Meeting) -> Overleggegevens:
    """The details as the minutes print them: corrections win over the recorded moments."""
    return Overleggegevens(
        plaats=meeting.location or "",
        voorzitter=meeting.chair or "",
        notulist=meeting.minute_taker or "",
        afgemeld=meeting.absent or "",
        begintijd=_klok(meeting.begin_time or _lokaal(meeting.started_at)),
        eindtijd=_klok(meeting.end_time or _lokaal(meeting.ended_at)),
    )
