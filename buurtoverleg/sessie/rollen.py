"""Role handles: what a link token, a remembered phone or the organiser's proof may do.

`dienst.leiding(token)` gives a `Leidingrol` with only the facilitator's actions,
`dienst.notulist(token)` a `Notulistrol`, `dienst.deelnemer(meeting_id, deelnemer_id)` a
`Deelnemerrol` for one phone and `dienst.organisator(bewijs)` an `Organisatorrol`. Making a
handle checks nothing and costs nothing; every action checks the role again inside its own
transaction (`rolcontrole`), because a token is never turned into a meeting id once and kept:
SQLite can hand a deleted meeting's id to a new meeting. A wrong key is refused with the
role's Dutch message (`fouten`) at the first action.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from ..storage.models import Meeting
from .aanpakrol import Aanpakrol
from .aanwezigheid import Aanwezigheidrol
from .fouten import NietGevonden
from .gebeurtenissen import Soort
from .rolcontrole import Organisatorcontrole, als_leiding, als_notulist, als_organisator
from .toestand import Deelnemer
from .voorstellijst import moment

if TYPE_CHECKING:
    from .bewaren import Verwijderd
    from .dienst import Dienst


class Leidingrol:
    """The facilitator: the course of the meeting, moderation, settling outcomes, pins.
    The approach and actions are under `.aanpak` (`Aanpakrol`)."""

    def __init__(self, dienst: Dienst, token: str) -> None:
        self._dienst = dienst
        self._token = token
        self.aanpak = Aanpakrol(lambda: self._actie("besluit"), dienst.aanpak, dienst.wijzigingen, "gespreksleider")
        self.aanwezigheid = Aanwezigheidrol(lambda: self._actie("deelnemers"), dienst.wijzigingen, "gespreksleider")

    @contextmanager
    def _actie(self, soort: Soort = "stap") -> Iterator[tuple[Session, Meeting]]:
        """The one place the facilitator link is checked: inside the action's write transaction;
        the meeting's version is raised and the event published when it succeeds."""
        e = self._dienst.eenheid
        with e.schrijf() as s:
            meeting = als_leiding(s, self._token)
            voor = moment(meeting) if soort == "stap" else None
            yield s, meeting
            if voor is not None:  # a step that opens gets the advice's proposals to vote on
                self._dienst.voorstellijst.bij_opening(s, meeting, voor)
            e.noteer(s, meeting.id, soort)

    # ------------------------------------------------------------------ the course (verloop)

    def start(self) -> None:
        with self._actie() as (_s, m):
            self._dienst.verloop.start(m)

    def volgende(self) -> None:
        with self._actie() as (_s, m):
            self._dienst.verloop.volgende(m)

    def extra_stap(self, stap_id: str) -> int:
        """Add an extra step (e.g. the AZC checklists) right after the current one."""
        with self._actie() as (s, m):
            return self._dienst.begeleiden.voeg_toe(s, m, stap_id)

    def vorige(self) -> None:
        with self._actie() as (_s, m):
            self._dienst.verloop.vorige(m)

    def ga_naar(self, positie: int) -> None:
        with self._actie() as (_s, m):
            self._dienst.verloop.ga_naar(m, positie)

    def bespreek_opnieuw(self, positie: int) -> None:
        with self._actie() as (_s, m):
            self._dienst.verloop.bespreek_opnieuw(m, positie)

    def open_invoer(self) -> None:
        with self._actie() as (_s, m):
            self._dienst.verloop.open_invoer(m)

    def sluit_invoer(self) -> None:
        with self._actie() as (_s, m):
            self._dienst.verloop.sluit_invoer(m)

    def onthul(self) -> None:
        with self._actie() as (_s, m):
            self._dienst.verloop.onthul(m)

    def nieuwe_ronde(self) -> None:
        with self._actie() as (_s, m):
            self._dienst.verloop.nieuwe_ronde(m)

    def verleng(self, seconden: int) -> None:
        with self._actie() as (_s, m):
            self._dienst.verloop.verleng(m, seconden)

    def stel_budget(self, positie: int, minuten: int) -> None:
        with self._actie() as (_s, m):
            self._dienst.verloop.stel_budget(m, positie, minuten)

    def pauzeer(self) -> None:
        with self._actie() as (_s, m):
            self._dienst.verloop.pauzeer(m)

    def hervat(self) -> None:
        with self._actie() as (_s, m):
            self._dienst.verloop.hervat(m)

    def beeindig(self) -> None:
        with self._actie() as (_s, m):
            self._dienst.verloop.beeindig(m)

    def aanmelden_open(self, open_: bool) -> None:
        with self._actie("deelnemers") as (_s, m):
            self._dienst.verloop.aanmelden_open(m, open_)

    def beamer_zwart(self, aan: bool) -> None:
        with self._actie("beamer") as (_s, m):
            self._dienst.beamer.zwart(m, aan)

    def blader(self, pagina: int | None) -> None:
        with self._actie("beamer") as (_s, m):
            self._dienst.beamer.blader(m, pagina)

    def instellingen(self, **waarden: bool) -> None:
        with self._actie("instellingen") as (_s, m):
            self._dienst.verloop.instellingen(m, waarden)

    def stel_maximum(self, aantal: int) -> None:
        with self._actie("instellingen") as (_s, m):
            self._dienst.verloop.stel_maximum(m, aantal)

    def stel_drempels(self, **waarden: float) -> None:
        with self._actie("instellingen") as (_s, m):
            self._dienst.verloop.stel_drempels(m, waarden)

    # ------------------------------------------------------------------ signals, outcomes, pins

    def modereer(
        self,
        signaal_id: int,
        *,
        verborgen: bool | None = None,
        goedgekeurd: bool | None = None,
        geverifieerd: bool | None = None,
        tekst: str | None = None,
    ) -> None:
        with self._actie("signaal") as (s, m):
            self._dienst.signalen.modereer(
                s, m, signaal_id, verborgen=verborgen, goedgekeurd=goedgekeurd, geverifieerd=geverifieerd, tekst=tekst
            )

    def verwijder_signaal(self, signaal_id: int) -> None:
        with self._actie("signaal") as (s, m):
            self._dienst.signalen.verwijder_signaal(s, m, signaal_id)

    def voeg_samen(self, signaal_id: int, in_signaal_id: int) -> None:
        with self._actie("signaal") as (s, m):
            self._dienst.signalen.voeg_samen(s, m, signaal_id, in_signaal_id)

    def stel_vast(self, vraag_id: str, optie: str | None, toelichting: str = "") -> None:
        with self._actie("besluit") as (s, m):
            self._dienst.uitslagen.stel_vast(s, m, vraag_id, optie, toelichting)

    def stel_pin(self, rol: str, pin: str | None) -> str | None:
        with self._actie("instellingen") as (s, m):
            return self._dienst.pincodes.stel_pin(s, m, rol, pin)

    def pins(self) -> dict[str, bool]:
        """Which of the two links has a PIN now (a read: no event)."""
        with self._dienst.eenheid.lees() as s:
            return self._dienst.pincodes.pins(als_leiding(s, self._token))


class Notulistrol:
    """The secretary: notes, the privacy choice, final versions of the minutes; and, under
    `.aanpak`, the same actions and decisions the facilitator writes (shared writing)."""

    def __init__(self, dienst: Dienst, token: str) -> None:
        self._dienst = dienst
        self._token = token
        self.aanpak = Aanpakrol(lambda: self._actie(soort="besluit"), dienst.aanpak, dienst.wijzigingen, "notulist")
        self.aanwezigheid = Aanwezigheidrol(lambda: self._actie(soort="deelnemers"), dienst.wijzigingen, "notulist")

    @contextmanager
    def _actie(self, *, melden: bool = True, soort: Soort = "notulen") -> Iterator[tuple[Session, Meeting]]:
        """The one place the secretary link is checked, inside the action's write transaction."""
        e = self._dienst.eenheid
        with e.schrijf() as s:
            meeting = als_notulist(s, self._token)
            yield s, meeting
            if melden:
                e.noteer(s, meeting.id, soort)

    def notitie(self, positie: int | None, tekst: str) -> None:
        with self._actie() as (s, m):
            self._dienst.notuleren.notitie(s, m, positie, tekst)

    def namen_in_notulen(self, aan: bool) -> None:
        with self._actie() as (s, m):
            self._dienst.notuleren.namen_in_notulen(s, m, aan)

    def gegevens(self, **velden: Any) -> None:
        """Correct the meeting's details for the minutes: plaats, voorzitter, notulist,
        afgemeld, begintijd, eindtijd ('19:30'; '' goes back to the recorded moment)."""
        with self._actie() as (s, m):
            self._dienst.notuleren.gegevens(s, m, velden)

    def maak_definitief(self) -> int:
        """Freeze the minutes as they are now under the next version number; older ones stay."""
        with self._actie(melden=False) as (_s, m):
            meeting_id = m.id
        concept = self._dienst.notuleren.notulen(meeting_id)
        with self._actie() as (s, m):
            if m.id != meeting_id:  # deleted meanwhile, and the id went to another meeting
                raise NietGevonden("Dit overleg bestaat niet (meer).")
            return self._dienst.notuleren.bewaar_versie(s, m, concept)


class Deelnemerrol:
    """One phone in one meeting: answer, signal, recognise, and read back its own answers."""

    def __init__(self, dienst: Dienst, meeting_id: int, deelnemer_id: int) -> None:
        self._dienst = dienst
        self.meeting_id = meeting_id
        self.deelnemer_id = deelnemer_id

    def wie(self) -> Deelnemer | None:
        """Who this phone is, or None when it belongs to another (or a deleted) meeting."""
        return self._dienst.aanmelding.aangemeld(self.meeting_id, self.deelnemer_id)

    def antwoord(self, vraag_id: str, waarde: Any) -> None:
        self._dienst.stemmen.antwoord(self.meeting_id, self.deelnemer_id, vraag_id, waarde)

    def signaal(self, vraag_id: str, soort: str, tekst: str) -> int:
        return self._dienst.signalen.signaal(self.meeting_id, self.deelnemer_id, vraag_id, soort, tekst)

    def herken(self, signaal_id: int) -> bool:
        return self._dienst.signalen.herken(self.meeting_id, self.deelnemer_id, signaal_id)

    def herken_niet(self, signaal_id: int) -> bool:
        """'Herken ik niet': the other side of the room's shared picture of the signals."""
        return self._dienst.signalen.herken(self.meeting_id, self.deelnemer_id, signaal_id, herkent=False)

    def mijn_antwoorden(self) -> dict[str, Any]:
        return self._dienst.stemmen.mijn_antwoorden(self.meeting_id, self.deelnemer_id)


class Organisatorrol:
    """The organiser (home page): the JSON archive and deleting a meeting for good."""

    def __init__(self, dienst: Dienst, bewijs: object) -> None:
        self._dienst = dienst
        self._bewijs = bewijs

    def _controleer(self) -> None:
        """The one place the organiser's proof is checked, at every action."""
        controle: Organisatorcontrole | None = self._dienst.organisatorcontrole
        als_organisator(controle, self._bewijs)

    def archief(self, meeting_id: int) -> tuple[str, bytes]:
        self._controleer()
        return self._dienst.bewaren.archief(meeting_id)

    def verwijder_overleg(
        self, meeting_id: int, *, exportmap: Path | str | None = None, archief: Path | str | None = None
    ) -> Verwijderd:
        self._controleer()
        return self._dienst.bewaren.verwijder_overleg(meeting_id, exportmap=exportmap, archief=archief)
