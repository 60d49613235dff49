"""The meeting domain, put together: one unit of work shared by small services, role handles
that turn a link into what that role may do, and one place to read by meeting id.

    leiding = dienst.leiding(token)          # Leidingrol: leiding.volgende(), leiding.onthul(), ...
    telefoon = dienst.deelnemer(mid, pid)    # Deelnemerrol: telefoon.antwoord(vraag_id, waarde), ...
    dienst.notulist(token)                   # Notulistrol
    dienst.organisator(bewijs)               # Organisatorrol: archief, verwijder_overleg
    dienst.lezen.vergadering(mid)            # reads for every page
    dienst.aanmelding.maak(...)              # creating, finding and joining meetings
    dienst.bewaren.ruim_op(...)              # the retention period (app and command line)

A refusal raises `Geweigerd` with a Dutch reason the page can show as it is. Every write goes
through the unit of work (`Eenheid.schrijf` / `noteer`): it raises the meeting's version in
the same transaction and publishes the event with that version after the commit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ..content import Catalogus
from ..storage import Database
from ..storage.models import nu
from .aanmelding import Aanmelding
from .aanpak import Aanpak
from .beamer import Beamer
from .begeleiding import Begeleiden
from .bewaren import Archivering, Bewaren
from .eenheid import Eenheid
from .gebeurtenissen import Publisher
from .lezen import Lezen
from .notuleren import Notuleren
from .pincode import Geheimen, Pincodes
from .rolcontrole import Organisatorcontrole
from .rollen import Deelnemerrol, Leidingrol, Notulistrol, Organisatorrol
from .signalen import Signalen
from .stemmen import Stemmen
from .uitslagen import Uitslagen
from .verloop import Verloop
from .vooraf import Vooraf
from .voorstellijst import Voorstellijst
from .wijzigingen import Wijzigingen


class Dienst:
    def __init__(
        self,
        db: Database,
        catalogus: Catalogus,
        publisher: Publisher,
        klok: Callable[[], datetime] = nu,
        *,
        geheimen: Geheimen | None = None,
        archivering: Archivering | None = None,
        organisatorcontrole: Organisatorcontrole | None = None,
    ) -> None:
        self.eenheid = e = Eenheid(db, catalogus, publisher, klok)
        self.organisatorcontrole = organisatorcontrole
        """Set by the app's wiring; without it nobody is the organiser and nothing can be deleted."""
        self.aanmelding = Aanmelding(e)
        self.verloop = Verloop(e)
        self.beamer = Beamer(e)
        self.stemmen = Stemmen(e, self.verloop)
        self.signalen = Signalen(e)
        self.uitslagen = Uitslagen(e, self.verloop)
        self.aanpak = Aanpak(e, self.verloop, self.uitslagen)
        self.voorstellijst = Voorstellijst(self.aanpak)
        """Freezes the advice's proposals into a step as it opens, for a vote on them."""
        self.wijzigingen = Wijzigingen(e)
        self.notuleren = Notuleren(e, self.verloop, self.uitslagen, self.signalen, self.aanpak)
        self.pincodes = Pincodes(e, geheimen)
        self.bewaren = Bewaren(e, self.notuleren, archivering)
        self.begeleiden = Begeleiden(e, self.verloop, self.uitslagen, self.aanpak)
        self.vooraf = Vooraf(e)
        """The pre-round before the meeting (issue 17); each call checks its link or phone."""
        self.lezen = Lezen(
            self.aanmelding,
            self.verloop,
            self.stemmen,
            self.signalen,
            self.uitslagen,
            self.aanpak,
            self.wijzigingen,
            self.notuleren,
            self.bewaren,
            self.begeleiden,
        )

    @property
    def db(self) -> Database:
        return self.eenheid.db

    @property
    def catalogus(self) -> Catalogus:
        return self.eenheid.catalogus

    @property
    def publisher(self) -> Publisher:
        return self.eenheid.publisher

    def nu(self) -> datetime:
        return self.eenheid.nu()

    # ------------------------------------------------------------------ role handles

    def leiding(self, token: str) -> Leidingrol:
        """The facilitator's handle for this link; each action checks the link again."""
        return Leidingrol(self, token)

    def notulist(self, token: str) -> Notulistrol:
        """The secretary's handle for this link; each action checks the link again."""
        return Notulistrol(self, token)

    def deelnemer(self, meeting_id: int, deelnemer_id: int) -> Deelnemerrol:
        """The handle of one phone (the participant id it remembers); each action checks it."""
        return Deelnemerrol(self, meeting_id, deelnemer_id)

    def organisator(self, bewijs: object) -> Organisatorrol:
        """The organiser's handle for this proof (the session id of `toegang.Organisator.meld_aan`)."""
        return Organisatorrol(self, bewijs)
