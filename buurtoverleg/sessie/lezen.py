"""What pages read by meeting id, in one place: `dienst.lezen.vergadering(id)` and so on.

Nothing here writes or checks a role: these are the reads the projector, the phones, the
console and the minutes share. Each name is bound to the one service that owns the data.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from .aanmelding import Aanmelding
from .aanpak import Aanpak
from .begeleiding import Begeleiden
from .besluitbeeld import besluitbeeld
from .bewaren import Bewaren
from .eenheid import alleen_lezen
from .notuleren import Notuleren
from .signalen import Signalen
from .stemmen import Stemmen
from .uitslagen import Uitslagen
from .verloop import Verloop
from .wijzigingen import Wijzigingen

T = TypeVar("T")


class Lezen:
    def __init__(
        self,
        aanmelding: Aanmelding,
        verloop: Verloop,
        stemmen: Stemmen,
        signalen: Signalen,
        uitslagen: Uitslagen,
        aanpak: Aanpak,
        wijzigingen: Wijzigingen,
        notuleren: Notuleren,
        bewaren: Bewaren,
        begeleiden: Begeleiden,
    ) -> None:
        # the meeting and who is in it
        self.vergadering = verloop.vergadering
        self.versie = verloop.versie
        self.links = aanmelding.links
        self.overzicht = aanmelding.overzicht
        self.nog_niet_geantwoord = stemmen.nog_niet_geantwoord
        self.stapantwoorden = stemmen.stapantwoorden
        # signals
        self.signalen = signalen.signalen
        self.zaalsignalen = signalen.zaalsignalen
        self.herkenning = signalen.herkenning
        # results and their reading
        self.uitslagen = uitslagen.uitslagen
        self.oordelen = uitslagen.oordelen
        self.beelden = uitslagen.beelden
        self.onenigheden = uitslagen.onenigheden
        self.uitkomsten = uitslagen.uitkomsten
        # approach and actions
        self.besluiten = aanpak.besluiten
        self.acties = aanpak.acties
        self.te_beoordelen = aanpak.te_beoordelen
        self.analyse = aanpak.analyse
        self.advies = aanpak.advies
        self.voorstellen = aanpak.voorstellen
        self.stippen = aanpak.stippen
        self.besluitbeeld = functools.partial(besluitbeeld, aanpak)
        self.wijzigingen = wijzigingen.wijzigingen
        self.laatste_wijzigingen = wijzigingen.laatste
        # the method's guidance that applies now (incidents, AZC, residents)
        self.begeleiding = begeleiden.begeleiding
        # minutes
        self.notulen = notuleren.notulen
        self.notulen_versie = notuleren.notulen_versie
        self.versies = notuleren.versies
        self.notities = notuleren.notities
        # what deleting would remove (counts only)
        self.inhoud = bewaren.inhoud
        # each marked as a read: the app runs reads beside writes that wait for a lock
        for naam, functie in list(vars(self).items()):
            setattr(self, naam, _gelezen(functie))


def _gelezen(functie: Callable[..., T]) -> Callable[..., T]:
    """`functie` marked with `alleen_lezen` (a bound method cannot carry the mark itself)."""

    @functools.wraps(functie)
    def lees(*args: Any, **kwargs: Any) -> T:
        return functie(*args, **kwargs)

    return alleen_lezen(lees)
