"""The approach and actions handle, shared by the facilitator and the secretary.

`dienst.leiding(token).aanpak` and `dienst.notulist(token).aanpak` are the same class: both
add, edit and remove decisions, communication agreements and SMART actions while the room
watches. The role's own write transaction (which checks its link) is handed in, so this class
never checks a link itself; every change is kept in the trail (`wijzigingen`) with the role.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy.orm import Session

from ..storage.models import Meeting
from .aanpak import Aanpak
from .wijzigingen import Rol, Wijzigingen

Schrijf = Callable[[], AbstractContextManager[tuple[Session, Meeting]]]


class Aanpakrol:
    """Decisions, choices, the policy diagnosis, SMART actions and the review of the previous
    meeting's actions, written by one role."""

    def __init__(self, schrijf: Schrijf, aanpak: Aanpak, wijzigingen: Wijzigingen, rol: Rol) -> None:
        self._schrijf = schrijf
        self._aanpak = aanpak
        self._wijzigingen = wijzigingen
        self._rol: Rol = rol

    def besluit(
        self,
        tekst: str,
        soort: str = "besluit",
        *,
        content_ref: str | None = None,
        reden: str = "",
        details: dict[str, Any] | None = None,
    ) -> int:
        with self._schrijf() as (s, m):
            besluit_id = self._aanpak.besluit(s, m, tekst, soort, content_ref=content_ref, reden=reden, details=details)
            self._wijzigingen.noteer(s, m, "besluit", besluit_id, "toegevoegd", self._rol)
            return besluit_id

    def wijzig_besluit(self, besluit_id: int, tekst: str) -> None:
        with self._schrijf() as (s, m):
            self._aanpak.wijzig_besluit(s, m, besluit_id, tekst)
            self._wijzigingen.noteer(s, m, "besluit", besluit_id, "gewijzigd", self._rol)

    def beleidsdiagnose(
        self,
        richting: str,
        *,
        gedekt: str,
        voldoende: bool | None,
        witte_vlekken: str,
        sectoren: str,
        betrokken: bool | None,
    ) -> int:
        with self._schrijf() as (s, m):
            besluit_id = self._aanpak.beleidsdiagnose(
                s,
                m,
                richting,
                gedekt=gedekt,
                voldoende=voldoende,
                witte_vlekken=witte_vlekken,
                sectoren=sectoren,
                betrokken=betrokken,
            )
            self._wijzigingen.noteer(s, m, "besluit", besluit_id, "toegevoegd", self._rol)
            return besluit_id

    def kies(self, content_ref: str, gekozen: bool, reden: str = "") -> int:
        with self._schrijf() as (s, m):
            besluit_id = self._aanpak.kies(s, m, content_ref, gekozen, reden)
            self._wijzigingen.noteer(s, m, "besluit", besluit_id, "toegevoegd", self._rol)
            return besluit_id

    def verwijder_besluit(self, besluit_id: int) -> None:
        with self._schrijf() as (s, m):
            self._aanpak.verwijder_besluit(s, m, besluit_id)
            self._wijzigingen.noteer(s, m, "besluit", besluit_id, "verwijderd", self._rol)

    def actie(self, velden: dict[str, Any], besluit_id: int | None = None) -> int:
        with self._schrijf() as (s, m):
            actie_id = self._aanpak.actie(s, m, velden, besluit_id)
            self._wijzigingen.noteer(s, m, "actie", actie_id, "toegevoegd", self._rol)
            return actie_id

    def wijzig_actie(self, actie_id: int, velden: dict[str, Any], besluit_id: int | None = None) -> None:
        with self._schrijf() as (s, m):
            self._aanpak.wijzig_actie(s, m, actie_id, velden, besluit_id)
            self._wijzigingen.noteer(s, m, "actie", actie_id, "gewijzigd", self._rol)

    def verwijder_actie(self, actie_id: int) -> None:
        with self._schrijf() as (s, m):
            self._aanpak.verwijder_actie(s, m, actie_id)
            self._wijzigingen.noteer(s, m, "actie", actie_id, "verwijderd", self._rol)

    def beoordeel_actie(self, actie_id: int, status: str, toelichting: str = "") -> None:
        with self._schrijf() as (s, m):
            self._aanpak.beoordeel_actie(s, m, actie_id, status, toelichting)
            self._wijzigingen.noteer(s, m, "actie", actie_id, "gewijzigd", self._rol)
