"""Pure helpers for compiling the minutes (`notuleren.Notuleren.notulen`): which rounds the
minutes may show, the stored answers per prompt, and how options and attendance read."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.models import Participant, Response
from .notulen import Aanwezigheid
from .oordeel import VOORAF
from .overgangen import Overlegstatus, Stapstatus
from .toestand import DOMEINEN, ROLLEN, Stap, Vraag


def getoonde_rondes(stap: Stap, meeting_status: str) -> list[tuple[int, bool]]:
    """(round, shown in the room) for the rounds the minutes may show.

    Earlier rounds were closed before a re-vote; the current one counts once revealed. When
    the meeting has ended, a round that was closed but never revealed is included, marked.
    """
    if stap.status == Stapstatus.NOG_NIET:
        return []
    laatste = stap.ronde if stap.status == Stapstatus.ONTHULD else stap.ronde - 1
    rondes = [(VOORAF, True)] if meeting_status != Overlegstatus.LOBBY else []  # kept only where answered
    rondes += [(r, True) for r in range(1, laatste + 1)]
    if meeting_status == Overlegstatus.GESLOTEN and stap.status == Stapstatus.DICHT:
        rondes.append((stap.ronde, False))
    return rondes


def antwoorden_per_vraag(s: Session, meeting_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored answer by prompt: (round, participant id, organisation, domain, value)."""
    rijen = s.execute(
        select(
            Response.prompt_id,
            Response.round,
            Participant.id,
            Participant.organisation,
            Participant.domain,
            Response.value,
        )
        .join(Participant, Participant.id == Response.participant_id)
        .where(Response.meeting_id == meeting_id)
        .order_by(Response.prompt_id, Response.round, Participant.id)
    ).all()
    per_vraag: dict[str, list[tuple[Any, ...]]] = {}
    for r in rijen:
        per_vraag.setdefault(r[0], []).append(tuple(r[1:]))
    return per_vraag


def optietitel(vraag: Vraag | None, waarde: str | None) -> str:
    if vraag is None or waarde is None:
        return waarde or ""
    if vraag.soort.schaal:
        try:
            return vraag.titel_van(int(waarde))
        except ValueError:
            return waarde
    return vraag.titel_van(waarde)


def janee(waarde: Any) -> str:
    return {True: "ja", False: "nee"}.get(waarde, "onbekend")


def _wie(d: Any, namen: bool) -> str:
    """A person as the minutes name them: name and organisation, or the organisation alone."""
    organisatie = d.organisatie or DOMEINEN.get(d.domein, d.domein)
    return f"{d.naam} ({organisatie})" if namen else organisatie


def afgemeld(deelnemers: Iterable[Any], namen: bool) -> tuple[str, ...]:
    """The participants marked 'afwezig met bericht' (the secretary's typed list stays apart)."""
    return tuple(_wie(d, namen) for d in deelnemers if getattr(d, "aanwezigheid", "aanwezig") == "afgemeld")


def te_laat(deelnemers: Iterable[Any], namen: bool) -> tuple[str, ...]:
    """Who arrived late, with the clock time when the secretary gave it: 'Politie — binnen om 19:50'."""
    regels = []
    for d in deelnemers:
        if getattr(d, "aanwezigheid", "aanwezig") != "te-laat":
            continue
        tijd = f" — binnen om {d.aankomst:%H:%M}" if d.aankomst is not None else ""
        regels.append(f"{_wie(d, namen)}{tijd}")
    return tuple(regels)


def aanwezigheid(deelnemers: Iterable[Any], namen: bool) -> tuple[Aanwezigheid, ...]:
    """Who was there, grouped by role, domain and organisation; absent with notice is left out."""
    groepen: dict[tuple[str, str, str], list[str]] = {}
    for d in deelnemers:
        if getattr(d, "aanwezigheid", "aanwezig") == "afgemeld":
            continue
        groepen.setdefault((d.domein, d.organisatie, d.rol), []).append(d.naam)
    volgorde = list(DOMEINEN)
    rollen = list(ROLLEN)

    def sleutel(k: tuple[str, str, str]) -> tuple[int, int, str]:
        domein, organisatie, rol = k
        return (
            rollen.index(rol) if rol in rollen else 99,
            volgorde.index(domein) if domein in volgorde else 99,
            organisatie.lower(),
        )

    return tuple(
        Aanwezigheid(
            organisatie,
            DOMEINEN.get(domein, domein),
            ROLLEN.get(rol, rol),
            len(wie),
            tuple(sorted(wie, key=str.lower)) if namen else (),
        )
        for (domein, organisatie, rol), wie in sorted(groepen.items(), key=lambda kv: sleutel(kv[0]))
    )
