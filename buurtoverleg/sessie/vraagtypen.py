"""What each kind of prompt does, in one place: one registry entry per `PromptType`.

Everything that differs by prompt type asks this registry (`vraagtype(naam)` or `Vraag.soort`)
instead of comparing type names: whether it takes votes or signals, how a submitted answer is
checked and cleaned, how answers are counted, how the result is labelled and read. A new
prompt type is a new entry here plus its rendering on the phone (`pages/deelnemer.py`)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from .fouten import Geweigerd

if TYPE_CHECKING:
    from .toestand import Vraag


# ------------------------------------------------------------------ checking a submitted answer


def _een_optie(vraag: Vraag, waarde: Any) -> Any:
    if not isinstance(waarde, str) or waarde not in vraag.waarden():
        raise Geweigerd("Kies een van de opties.")
    return waarde


def _opties(vraag: Vraag, waarde: Any) -> Any:
    # an empty list is an answer too: "geen van deze"
    toegestaan = vraag.waarden()
    if not isinstance(waarde, list | tuple) or not all(isinstance(w, str) for w in waarde):
        raise Geweigerd("Kies een of meer opties.")
    if any(w not in toegestaan for w in waarde):
        raise Geweigerd("Kies een of meer van de opties.")
    return sorted(set(waarde), key=toegestaan.index)


def _getal(vraag: Vraag, waarde: Any) -> Any:
    if isinstance(waarde, bool) or not isinstance(waarde, int) or waarde not in vraag.waarden():
        raise Geweigerd(f"Kies een getal van {vraag.schaal_min} tot en met {vraag.schaal_max}.")
    return waarde


def _stippen(vraag: Vraag, waarde: Any) -> Any:
    toegestaan = vraag.waarden()
    if not isinstance(waarde, dict) or not all(isinstance(v, int) and v >= 0 for v in waarde.values()):
        raise Geweigerd("Verdeel je stippen over de opties.")
    if any(k not in toegestaan for k in waarde):
        raise Geweigerd("Deze optie staat niet (meer) in de lijst. Herlaad de pagina en verdeel je stippen opnieuw.")
    if sum(waarde.values()) > vraag.stippen:
        raise Geweigerd(f"Je hebt {vraag.stippen} stippen; je gebruikte er {sum(waarde.values())}.")
    return {k: v for k, v in sorted(waarde.items(), key=lambda kv: toegestaan.index(kv[0])) if v}


def _geen_stem(_vraag: Vraag, _waarde: Any) -> Any:
    raise Geweigerd("Bij deze vraag hoort geen stem.")


# ------------------------------------------------------------------ counting one answer


def _tel_een(telling: dict[Any, int], waarde: Any) -> None:
    """One option or scale value per answer."""
    if isinstance(waarde, Hashable) and waarde in telling:
        telling[waarde] += 1


def _tel_elk(telling: dict[Any, int], waarde: Any) -> None:
    """Every chosen option once."""
    if isinstance(waarde, list):
        for optie in waarde:
            if optie in telling:
                telling[optie] += 1


def _tel_stippen(telling: dict[Any, int], waarde: Any) -> None:
    """The dots placed on each option."""
    if isinstance(waarde, dict):
        for optie, stippen in waarde.items():
            if optie in telling:
                telling[optie] += int(stippen)


def _tel_niets(_telling: dict[Any, int], _waarde: Any) -> None:
    pass


# ------------------------------------------------------------------ the registry


@dataclass(frozen=True)
class Vraagtype:
    naam: str
    """The `PromptType` value: 'enkele-keuze', 'meerkeuze', 'schaal', 'stippen', 'signaal', 'bespreking'."""
    neemt_stemmen: bool
    """Voters answer it (the step waits for them, the result is counted and shown)."""
    neemt_signalen: bool = False
    """Participants send signal cards to it (waarneming/duiding)."""
    schaal: bool = False
    """Its values are the numbers of a scale, not option ids."""
    enkelvoudig: bool = False
    """Each voter gives one value, so the typical answer (duiding) stands for the room's answer."""
    duiding: Literal["ordinaal", "keuze"] | None = None
    """How agreement is read (`duiding.beoordeel`); None: the result is not an assessment."""
    ordinaal_als_geordend: bool = False
    """Read as a scale when its options are ordered (a choice between fasen)."""
    prioriteit: bool = False
    """Its result ranks the options for the plan (the room's priority), it is not a finding."""
    eenheid: str = "stemmen"
    """What its counts are, in the minutes."""
    per_ronde: tuple[str, str] = ("antwoord", "antwoorden")
    """What a round counts, singular and plural ('Ronde 1 (5 antwoorden)')."""
    verdeelt: bool = False
    """Each voter spreads several units over the options: a bar is a share of all units, not of the voters."""
    _controleer: Callable[[Vraag, Any], Any] = field(default=_geen_stem, repr=False)
    _tel: Callable[[dict[Any, int], Any], None] = field(default=_tel_niets, repr=False)

    @property
    def alleen_gesprek(self) -> bool:
        """Nothing is entered on the phones: the room only talks about it."""
        return not self.neemt_stemmen and not self.neemt_signalen

    def controleer(self, vraag: Vraag, waarde: Any) -> Any:
        """The answer as it is stored; raises `Geweigerd` (in Dutch, for the voter) if it does not fit."""
        return self._controleer(vraag, waarde)

    def verdeling(self, vraag: Vraag, waarden: Iterable[Any]) -> dict[Any, int]:
        """Counts per option (or scale value, or dots per option), every option present."""
        telling: dict[Any, int] = {w: 0 for w in vraag.waarden()}
        for waarde in waarden:
            self._tel(telling, waarde)
        return telling

    def geheel(self, verdeling: dict[Any, int], aantal: int) -> int:
        """What a bar of the result is a share of: all dots cast, or everyone who answered."""
        return sum(verdeling.values()) if self.verdeelt else aantal

    def rondeteller(self, aantal: int) -> str:
        """'1 antwoord', '5 antwoorden', '3 deelnemers'."""
        return f"{aantal} {self.per_ronde[0] if aantal == 1 else self.per_ronde[1]}"

    def duidingsvorm(self, geordend: bool) -> Literal["ordinaal", "keuze"] | None:
        """How agreement on its answers is read, given whether its options are ordered."""
        if self.ordinaal_als_geordend and geordend:
            return "ordinaal"
        return self.duiding


VRAAGTYPEN: dict[str, Vraagtype] = {
    t.naam: t
    for t in (
        Vraagtype(
            "enkele-keuze",
            neemt_stemmen=True,
            enkelvoudig=True,
            duiding="keuze",
            ordinaal_als_geordend=True,
            _controleer=_een_optie,
            _tel=_tel_een,
        ),
        Vraagtype("meerkeuze", neemt_stemmen=True, duiding="keuze", _controleer=_opties, _tel=_tel_elk),
        Vraagtype(
            "schaal",
            neemt_stemmen=True,
            schaal=True,
            enkelvoudig=True,
            duiding="ordinaal",
            _controleer=_getal,
            _tel=_tel_een,
        ),
        Vraagtype(
            "stippen",
            neemt_stemmen=True,
            prioriteit=True,
            eenheid="stippen",
            per_ronde=("deelnemer", "deelnemers"),
            verdeelt=True,
            _controleer=_stippen,
            _tel=_tel_stippen,
        ),
        Vraagtype("signaal", neemt_stemmen=False, neemt_signalen=True),
        Vraagtype("bespreking", neemt_stemmen=False),
    )
}


def vraagtype(naam: str) -> Vraagtype:
    """The registry entry of a prompt type (a `PromptType` or its value)."""
    try:
        return VRAAGTYPEN[naam]
    except KeyError:
        raise KeyError(f"onbekend vraagtype: {naam!r}") from None
