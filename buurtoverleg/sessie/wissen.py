"""Removing or anonymising the rows of one meeting, inside the caller's transaction.

`wis` deletes every row that belongs to a meeting (child tables first); `anonimiseer` keeps the
dossier without the people in it. Both also clear this meeting's names from a follow-up's frozen
look back on its actions. The retention rules and the files are in `bewaren`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from ..storage.models import (
    Action,
    Decision,
    Meeting,
    MinutesNote,
    MinutesVersion,
    Participant,
    PreRound,
    PreRoundAnswer,
    Response,
    Signal,
    SignalUpvote,
    StepState,
)
from .notulen import Notulen

WEGGEHAALD = "(tekst verwijderd na de bewaartermijn)"
"""What an anonymised signal says instead of what a participant typed."""
LABEL = "Deelnemer {nr}"
"""The neutral name an anonymised participant gets, numbered as in the minutes."""
IS_LABEL = re.compile(r"Deelnemer \d+")
ONBEKEND = "[naam]"
"""A name part two participants shared: replaced, but it cannot say which of them it was."""


def wis(s: Session, meeting_id: int) -> dict[str, int]:
    """Every row of the meeting, child tables first; does not rely on the database's cascades."""
    deelnemers = select(Participant.id).where(Participant.meeting_id == meeting_id)
    signalen = select(Signal.id).where(Signal.meeting_id == meeting_id)
    geteld: dict[str, int] = {}

    def weg(soort: str | None, opdracht: Any) -> None:
        n = s.execute(opdracht, execution_options={"synchronize_session": False}).rowcount  # type: ignore[attr-defined]  # DML gives a CursorResult; Session.execute says Result
        if soort:
            geteld[soort] = n

    weg(
        "herkenningen",
        delete(SignalUpvote).where(
            or_(SignalUpvote.signal_id.in_(signalen), SignalUpvote.participant_id.in_(deelnemers))
        ),
    )
    weg(
        "antwoorden",
        delete(Response).where(or_(Response.meeting_id == meeting_id, Response.participant_id.in_(deelnemers))),
    )
    weg(
        "voorafantwoorden",
        delete(PreRoundAnswer).where(
            or_(PreRoundAnswer.meeting_id == meeting_id, PreRoundAnswer.participant_id.in_(deelnemers))
        ),
    )
    weg(None, delete(PreRound).where(PreRound.meeting_id == meeting_id))
    weg(None, update(Signal).where(Signal.meeting_id == meeting_id).values(merged_into_id=None))
    weg("signalen", delete(Signal).where(Signal.meeting_id == meeting_id))
    weg(None, update(Action).where(Action.reviewed_in_id == meeting_id).values(reviewed_in_id=None, review_note=""))
    weg("acties", delete(Action).where(Action.meeting_id == meeting_id))
    weg("besluiten", delete(Decision).where(Decision.meeting_id == meeting_id))
    weg("notities", delete(MinutesNote).where(MinutesNote.meeting_id == meeting_id))
    weg("versies", delete(MinutesVersion).where(MinutesVersion.meeting_id == meeting_id))
    namen = list(s.scalars(select(Participant.name).where(Participant.meeting_id == meeting_id)))
    weg("deelnemers", delete(Participant).where(Participant.meeting_id == meeting_id))
    weg(None, delete(StepState).where(StepState.meeting_id == meeting_id))
    geteld["terugblikken"] = _vervolgversies(s, meeting_id, namen)
    weg(None, update(Meeting).where(Meeting.previous_meeting_id == meeting_id).values(previous_meeting_id=None))
    weg(None, delete(Meeting).where(Meeting.id == meeting_id))
    return geteld


def _vervolgversies(s: Session, meeting_id: int, namen: list[str]) -> int:
    """A follow-up meeting's final minutes freeze this meeting's actions in their 'terugblik',
    with whatever names were typed in them; there those names become '[naam]'. Only that
    section: the same people often attend the follow-up, and its own record stays as it was."""
    vervang = _namenvervanger([(naam, ONBEKEND) for naam in namen if not IS_LABEL.fullmatch(naam)])
    vervolg = select(Meeting.id).where(Meeting.previous_meeting_id == meeting_id)
    veranderd = 0
    for versie in s.scalars(select(MinutesVersion).where(MinutesVersion.meeting_id.in_(vervolg))):
        terugblik = versie.content.get("terugblik")
        nieuw = _overal(terugblik, vervang)
        if nieuw != terugblik:
            versie.content = {**versie.content, "terugblik": nieuw}
            veranderd += 1
    return veranderd


def anonimiseer(s: Session, meeting: Meeting) -> dict[str, int]:
    """Names become 'Deelnemer n' (numbered as in the minutes), signal texts, pre-round texts, the secretary's
    notes and the chair, secretary and apologies typed for the heading go; counts, organisations, domains, answers, decisions and actions stay, with the
    participants' names replaced wherever they were typed. Running it again changes nothing."""
    deelnemers = list(
        s.scalars(select(Participant).where(Participant.meeting_id == meeting.id).order_by(Participant.id))
    )
    labels = {p.id: LABEL.format(nr=i) for i, p in enumerate(deelnemers, start=1)}
    oude_namen = [(p.name, labels[p.id]) for p in deelnemers]
    vervang = _namenvervanger(oude_namen)
    telling = {
        "namen": 0,
        "signaalteksten": 0,
        "voorafteksten": 0,
        "notities": 0,
        "besluiten": 0,
        "acties": 0,
        "versies": 0,
        "terugblikken": 0,
    }

    for p in deelnemers:
        if p.name != labels[p.id]:
            p.name = labels[p.id]
            telling["namen"] += 1
    for signaal in s.scalars(select(Signal).where(Signal.meeting_id == meeting.id)):
        if signaal.text != WEGGEHAALD:
            signaal.text = WEGGEHAALD
            telling["signaalteksten"] += 1
    for vooraf in s.scalars(select(PreRoundAnswer).where(PreRoundAnswer.meeting_id == meeting.id)):
        if vooraf.texts:  # what a member wrote before the meeting goes like a signal's text
            vooraf.texts = {}
            telling["voorafteksten"] += 1
    telling["notities"] = s.execute(
        delete(MinutesNote).where(MinutesNote.meeting_id == meeting.id),
        execution_options={"synchronize_session": False},
    ).rowcount  # type: ignore[attr-defined]  # DML gives a CursorResult; Session.execute says Result
    for besluit in s.scalars(select(Decision).where(Decision.meeting_id == meeting.id)):
        telling["besluiten"] += _vervang_velden(besluit, ("text", "reason", "details"), vervang)
    acties = select(Action).where(or_(Action.meeting_id == meeting.id, Action.reviewed_in_id == meeting.id))
    for actie in s.scalars(acties):
        telling["acties"] += _vervang_velden(
            actie, ("wat", "resultaat", "activiteit", "doelgroep", "uitvoerder", "coordinator", "review_note"), vervang
        )
    for versie in s.scalars(select(MinutesVersion).where(MinutesVersion.meeting_id == meeting.id)):
        nieuw = _anonieme_versie(versie.content, vervang)
        if nieuw != versie.content:
            versie.content = nieuw
            telling["versies"] += 1
    telling["terugblikken"] = _vervolgversies(s, meeting.id, [naam for naam, _label in oude_namen])
    meeting.show_names = False
    meeting.minutes_names = False
    meeting.chair = meeting.minute_taker = meeting.absent = ""  # names typed for the heading of the minutes
    return telling


_LENGTE = {"uitvoerder": 200, "coordinator": 200}
"""Columns with a length limit that a longer label must not overrun."""


def _vervang_velden(rij: Any, velden: tuple[str, ...], vervang: Callable[[str], str]) -> int:
    """Replace names in these columns of one row; 1 when anything changed."""
    veranderd = 0
    for veld in velden:
        oud = getattr(rij, veld)
        nieuw = _overal(oud, vervang)
        if isinstance(nieuw, str) and veld in _LENGTE:
            nieuw = nieuw[: _LENGTE[veld]]
        if nieuw != oud:
            setattr(rij, veld, nieuw)
            veranderd = 1
    return veranderd


def _anonieme_versie(inhoud: dict[str, Any], vervang: Callable[[str], str]) -> dict[str, Any]:
    """A frozen version of the minutes with the same clearing as the live meeting."""
    n = Notulen.from_dict(inhoud)

    def zonder_tekst(regels: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(replace(r, tekst=WEGGEHAALD, auteur="") for r in regels)

    n = replace(
        n,
        namen=False,
        samenvatting="",
        voorzitter="",
        notulist="",
        afgemeld="",
        aanwezig=tuple(replace(a, namen=()) for a in n.aanwezig),
        stappen=tuple(replace(st, notitie="") for st in n.stappen),
        waarnemingen=zonder_tekst(n.waarnemingen),
        duidingen=zonder_tekst(n.duidingen),
    )
    if n.herkenning is not None:  # the signals again, grouped by which domains recognise them
        h = n.herkenning

        def weg(groep: tuple[Any, ...]) -> tuple[Any, ...]:
            return tuple(replace(r, tekst=WEGGEHAALD) for r in groep)

        n = replace(n, herkenning=replace(h, splitst=weg(h.splitst), gedeeld=weg(h.gedeeld), alleen=weg(h.alleen)))
    n = replace(n, stappen=tuple(replace(st, vragen=tuple(map(_zonder_wie_wat_koos, st.vragen))) for st in n.stappen))
    return _overal(n.to_dict(), vervang)


def _zonder_wie_wat_koos(v: Any) -> Any:
    """A question of the minutes without the names in its picture per domain."""
    if v.beeld is None:
        return v
    rondes = tuple(replace(r, rijen=tuple(replace(rij, namen=()) for rij in r.rijen)) for r in v.beeld.rondes)
    return replace(v, beeld=replace(v.beeld, rondes=rondes))


def _overal(waarde: Any, vervang: Callable[[str], str]) -> Any:
    """Apply `vervang` to every string inside (JSON-like) data; keys stay."""
    if isinstance(waarde, str):
        return vervang(waarde)
    if isinstance(waarde, list | tuple):
        return [_overal(w, vervang) for w in waarde]
    if isinstance(waarde, dict):
        return {k: _overal(v, vervang) for k, v in waarde.items()}
    return waarde


def _namenvervanger(namen: list[tuple[str, str]]) -> Callable[[str], str]:
    """Replace participants' names typed anywhere by their label, as whole words, any case:
    the full name, and each capitalised part of at least three letters ('Ans de Vries' also
    'Ans' and 'Vries'). A part two people share becomes '[naam]', as it cannot say who."""
    doelen: dict[str, str] = {}
    delen: dict[str, set[str]] = {}
    for naam, label in namen:
        naam = naam.strip()
        if len(naam) < 2 or naam == label:
            continue
        doelen.setdefault(naam.lower(), label)
        for deel in naam.split():
            if len(deel) >= 3 and deel[0].isupper():
                delen.setdefault(deel.lower(), set()).add(label)
    for deel, wie in delen.items():
        doelen.setdefault(deel, next(iter(wie)) if len(wie) == 1 else ONBEKEND)
    if not doelen:
        return lambda tekst: tekst
    patroon = re.compile(
        "|".join(rf"(?<!\w){re.escape(d)}(?!\w)" for d in sorted(doelen, key=len, reverse=True)), re.IGNORECASE
    )
    return lambda tekst: patroon.sub(lambda m: doelen.get(m.group(0).lower(), ONBEKEND), tekst)
