"""The round vooraf as plain data and pure rules: what the member's form, the facilitator's list
and the A4 show (`sessie.vooraf` fills them), when the round is open, and which rounds a step
shows once it exists. Kept apart from the service so the results code (`uitslagen`) and the
pages can use the rules and the data without the writes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from ..content.schema import Prompt, Template
from ..storage.models import Meeting, PreRound
from .oordeel import VOORAF
from .overgangen import Overlegstatus
from .overleggegevens import TIJDZONE
from .toestand import Vraag
from .vraagtypen import vraagtype


@dataclass(frozen=True)
class Voorafvraag:
    id: str
    titel: str
    uitleg: str


@dataclass(frozen=True)
class Voorafgroep:
    id: str
    titel: str
    uitleg: str
    vragen: tuple[Voorafvraag, ...]


@dataclass(frozen=True)
class Voorafstand:
    """What a member's form shows: the meeting, the deadline and the questions."""

    buurt: str
    datum: date
    deadline: datetime
    open: bool
    uitleg: str
    groepen: tuple[Voorafgroep, ...]
    inschattingen: tuple[Vraag, ...]


@dataclass(frozen=True)
class Mijnvooraf:
    teksten: dict[str, str]
    keuzes: dict[str, Any]
    ingeleverd_op: datetime | None
    bijgewerkt_op: datetime | None


@dataclass(frozen=True)
class Voorafregel:
    """One member on the facilitator's list: who, and whether handed in (never what)."""

    naam: str
    organisatie: str
    domein: str
    status: str
    """'ingeleverd', 'concept' (saved, not handed in) or 'nog niets'."""
    ingeleverd_op: datetime | None


@dataclass(frozen=True)
class Voorafoverzicht:
    deadline: datetime
    open: bool
    gesloten_op: datetime | None
    zichtbaar: bool
    """Whether the facilitator may read (and download) what members wrote."""
    leden: tuple[Voorafregel, ...]

    @property
    def ingeleverd(self) -> int:
        return sum(1 for r in self.leden if r.ingeleverd_op is not None)


@dataclass(frozen=True)
class A4:
    """One member's answers on one page (seed 003: 'ieder lid zet zijn antwoorden op één A4')."""

    buurt: str
    datum: date
    naam: str
    organisatie: str
    domein: str
    ingeleverd_op: datetime | None
    groepen: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    """(group title, ((question, answer), ...)); an unanswered question has answer ''."""
    inschattingen: tuple[tuple[str, str], ...]
    """(prompt, the choice as people read it, '' when none)."""


def naar_utc(lokaal: datetime) -> datetime:
    """A moment typed in Dutch local time as stored (UTC, naive)."""
    return lokaal.replace(tzinfo=TIJDZONE).astimezone(UTC).replace(tzinfo=None)


def lokaal(utc: datetime | None) -> datetime | None:
    """A stored moment as people in the meeting read it (Dutch local time, naive)."""
    return None if utc is None else utc.replace(tzinfo=UTC).astimezone(TIJDZONE).replace(tzinfo=None)


def is_open(pre: PreRound, meeting: Meeting, nu: datetime) -> bool:
    """Members may answer until the deadline, unless closed early or the meeting has begun."""
    return meeting.status == Overlegstatus.LOBBY and pre.closed_at is None and nu < pre.deadline


def rondes_met_vooraf(laatste: int, met_antwoorden: Iterable[int], meeting_status: str) -> list[int]:
    """The rounds a step shows up to `laatste`: the pre-round first once the meeting is under
    way and it has answers; beside it a live round nobody answered is left out (the room went
    straight from the pre-round to talking), without it every round counts as before."""
    gevuld = set(met_antwoorden)
    vooraf = VOORAF in gevuld and meeting_status != Overlegstatus.LOBBY
    rondes = [VOORAF] if vooraf else []
    rondes += [r for r in range(1, laatste + 1) if not vooraf or r in gevuld]
    return rondes


def inschattingen(template: Template) -> list[Prompt]:
    """The template's prompts that give a verdict (a scale, a fase, a choice), in agenda order."""
    return [p for st in template.stappen for p in st.prompts if vraagtype(p.type.value).duiding is not None]
