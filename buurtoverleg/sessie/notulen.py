"""The minutes as plain, frozen data: what the secretary sends out, in every format.

`Notulist.notulen()` compiles it from the stored meeting; the exporters (PDF, DOCX, CSV,
JSON) only render it. A final version is this model frozen as JSON (`to_dict`) and read
back with `from_dict`, so an old version renders exactly as it was made final.

Participant text is plain text here; every renderer must keep it that way.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .duidingsbeeld import Duidingsbeeld
from .herkenning import Herkenningsbeeld
from .vraagtypen import Vraagtype, vraagtype

SCHEMA = "buurtoverleg-notulen/1"


@dataclass(frozen=True)
class Aanwezigheid:
    """Attendance per organisation, domain and role; names only when the minutes name people."""

    organisatie: str
    domein: str
    rol: str
    aantal: int
    namen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ronde:
    """One round of voting on a prompt: how many answered and what the room made of it."""

    ronde: int
    aantal: int
    oordeel: str
    """'eensgezind', 'dicht bij elkaar', 'verdeeld', 'te weinig antwoorden' (`sessie.overeenstemming`), or ''
    where no verdict applies (dot-voting). A final version made before the middle word existed
    keeps the words it was made with."""
    samenvatting: str
    verschillen: tuple[str, ...] = ()
    """Where domains read it differently, e.g. 'Politie: incidenten · Welzijn / opbouwwerk: ongemak'."""
    getoond: bool = True
    """False for a round that was closed but never revealed in the room (only after the meeting ended)."""


@dataclass(frozen=True)
class Optieregel:
    waarde: str
    titel: str
    aantallen: tuple[int, ...]
    """Per round, in the order of `Vraagverslag.rondes`."""


@dataclass(frozen=True)
class Vraagverslag:
    id: str
    vraag: str
    type: str
    """'enkele-keuze', 'meerkeuze', 'schaal', 'stippen', 'signaal' or 'bespreking'."""
    rondes: tuple[Ronde, ...] = ()
    opties: tuple[Optieregel, ...] = ()
    uitkomst: str = ""
    """What the facilitator recorded: the settled option's title, or '' when nothing was recorded."""
    overeenstemming: bool | None = None
    """True: vastgesteld; False: recorded as no agreement; None: nothing recorded."""
    toelichting: str = ""
    signalen: int = 0
    beeld: Duidingsbeeld | None = None
    """Per domain and round where the answers lie: the beamer's picture, drawn again on paper."""

    @property
    def soort(self) -> Vraagtype:
        """What its type does (see `vraagtypen`)."""
        return vraagtype(self.type)

    @property
    def eenheid(self) -> str:
        return self.soort.eenheid


@dataclass(frozen=True)
class Stapverslag:
    positie: int
    titel: str
    onderdeel: str
    status: str
    """'nog-niet', 'open', 'dicht' or 'onthuld'."""
    vragen: tuple[Vraagverslag, ...] = ()
    notitie: str = ""

    @property
    def behandeld(self) -> bool:
        return self.status != "nog-niet" or bool(self.notitie)

    @property
    def nummer(self) -> int:
        """The step's number as people count (1 = the first): the same in every export."""
        return self.positie + 1


@dataclass(frozen=True)
class Signaalregel:
    soort: str
    """'waarneming' or 'duiding'."""
    tekst: str
    herkend: int
    domein: str
    organisatie: str
    auteur: str = ""
    """Empty unless the minutes name people."""
    vraag: str = ""
    geverifieerd: bool = False


@dataclass(frozen=True)
class Keuze:
    titel: str
    soort: str
    """'Oplossingsrichting' or 'Praktijkvoorbeeld'."""
    reden: str = ""


@dataclass(frozen=True)
class Beleidsregel:
    """STAP 4.1 beleidsdiagnose for one chosen direction."""

    richting: str
    gedekt: str
    voldoende: str
    """'ja', 'nee' or 'onbekend'."""
    witte_vlekken: str
    sectoren: str
    betrokken: str


@dataclass(frozen=True)
class Besluitregel:
    soort: str
    tekst: str
    toelichting: str = ""


@dataclass(frozen=True)
class Actieregel:
    """A SMART action: wat, resultaat, wanneer, activiteit, doelgroep, wie, coördinatie, terugkoppeling."""

    nr: int
    wat: str
    resultaat: str
    activiteit: str
    doelgroep: str
    uitvoerder: str
    coordinator: str
    wanneer: date
    terugkoppeling: date | None
    status: str
    interventie: str = ""
    toelichting: str = ""


@dataclass(frozen=True)
class Afspraak:
    tekst: str
    toelichting: str = ""


@dataclass(frozen=True)
class RuwAntwoord:
    """One stored answer, for the archive: who (a name only when the minutes name people)."""

    stap: int
    """The step's number as people count, 1 = the first (`Stapverslag.nummer`)."""
    vraag_id: str
    ronde: int
    deelnemer: str
    organisatie: str
    domein: str
    waarde: Any


@dataclass(frozen=True)
class Notulen:
    meeting_id: int
    buurt: str
    datum: date
    template_titel: str
    vertrouwelijk: bool
    namen: bool
    """True: the minutes name people; False: organisations and domains only."""
    status: str
    gemaakt_op: datetime
    versie: int | None = None
    """None for the live draft ('concept'); the number once made final."""
    vorig_overleg: str = ""
    aanwezig: tuple[Aanwezigheid, ...] = ()
    stappen: tuple[Stapverslag, ...] = ()
    waarnemingen: tuple[Signaalregel, ...] = ()
    duidingen: tuple[Signaalregel, ...] = ()
    herkenning: Herkenningsbeeld | None = None
    """Which domains recognised which signals (`herkenning`): split, shared, seen by one only."""
    gekozen: tuple[Keuze, ...] = ()
    afgewezen: tuple[Keuze, ...] = ()
    beleid: tuple[Beleidsregel, ...] = ()
    besluiten: tuple[Besluitregel, ...] = ()
    acties: tuple[Actieregel, ...] = ()
    communicatie: tuple[Afspraak, ...] = ()
    vervolg: tuple[Afspraak, ...] = ()
    terugblik: tuple[Actieregel, ...] = ()
    samenvatting: str = ""
    antwoorden: tuple[RuwAntwoord, ...] = ()
    plaats: str = ""
    voorzitter: str = ""
    notulist: str = ""
    afgemeld: str = ""
    """Who sent apologies, as the secretary wrote it."""
    afwezig_met_bericht: tuple[str, ...] = ()
    """Participants the secretary marked 'afwezig met bericht' (`notulenregels.afgemeld`)."""
    te_laat: tuple[str, ...] = ()
    """Who arrived late, with the time of arrival when given (`notulenregels.te_laat`)."""
    begintijd: str = ""
    """Local clock time '19:30', or '' when not known (a version made before these existed)."""
    eindtijd: str = ""

    @property
    def aantal_aanwezig(self) -> int:
        return sum(a.aantal for a in self.aanwezig)

    @property
    def leeg(self) -> bool:
        """Nothing recorded at all: the minutes then say so instead of listing empty sections."""
        return not (
            self.aanwezig
            or self.waarnemingen
            or self.duidingen
            or self.gekozen
            or self.afgewezen
            or self.beleid
            or self.besluiten
            or self.acties
            or self.communicatie
            or self.vervolg
            or self.terugblik
            or self.samenvatting
            or self.antwoorden
            or any(s.notitie or s.status != "nog-niet" for s in self.stappen)
        )

    @property
    def versielabel(self) -> str:
        return f"versie {self.versie}" if self.versie is not None else "concept"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: dates as ISO strings, tuples as lists."""
        return {"schema": SCHEMA, **_naar_json(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Notulen:
        return _uit_json(cls, {k: v for k, v in data.items() if k != "schema"})


def _naar_json(waarde: Any) -> Any:
    if dataclasses.is_dataclass(waarde) and not isinstance(waarde, type):
        return {f.name: _naar_json(getattr(waarde, f.name)) for f in dataclasses.fields(waarde)}
    if isinstance(waarde, list | tuple):
        return [_naar_json(w) for w in waarde]
    if isinstance(waarde, dict):
        return {str(k): _naar_json(v) for k, v in waarde.items()}
    if isinstance(waarde, datetime | date):
        return waarde.isoformat()
    return waarde


def _uit_json(soort: Any, waarde: Any) -> Any:
    if waarde is None:
        return None
    if isinstance(soort, type) and dataclasses.is_dataclass(soort):
        hints = typing.get_type_hints(soort)
        namen = {f.name for f in dataclasses.fields(soort)}
        return soort(**{k: _uit_json(hints[k], v) for k, v in waarde.items() if k in namen})
    oorsprong = typing.get_origin(soort)
    if oorsprong is tuple:
        (element, *_rest) = typing.get_args(soort)
        return tuple(_uit_json(element, w) for w in waarde)
    if oorsprong in (typing.Union, types.UnionType):
        for optie in typing.get_args(soort):
            if optie is not type(None):
                return _uit_json(optie, waarde)
    if soort is datetime:
        return datetime.fromisoformat(waarde)
    if soort is date:
        return date.fromisoformat(waarde)
    return waarde
