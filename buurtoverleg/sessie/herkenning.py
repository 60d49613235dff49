"""The room's shared picture of the signals: which domains recognise a signal and which do not.

The method's warning is that escalation surprises some partners while others saw it coming.
Pol.is shows a room its *consensus statements* (agreed across every opinion group) and its
*group-representative* ones (what sets one group apart); here the groups are the method's
domains and the marks are 'herken ik' / 'herken ik niet' on each other's signals:

- **splitst de zaal**: at least one domain recognises it and at least one other domain says
  it does not. These come first: they are what the room should talk about.
- **door alle domeinen herkend**: every domain present (two or more) recognises it: shared
  ground to build on.
- **alleen gezien door <domein>**: one domain recognises it while others are present and
  none of them does: a blind spot for the others, or a one-sided reading.
- the rest (partly recognised, nobody against) are counted, not listed.

A domain recognises a signal when one of its people wrote it or tapped 'herken ik'; it does
not when one of its people tapped 'herken ik niet' and none recognised it (a domain that is
split within itself counts as recognising: someone there saw it).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from .toestand import DOMEINEN

SPLITST = "splitst de zaal"
GEDEELD = "door alle domeinen herkend"
ALLEEN = "alleen gezien door"
DEELS = "deels herkend"


@dataclass(frozen=True)
class Signaalherkenning:
    signaal_id: int
    soort: str
    tekst: str
    herkend_door: tuple[str, ...]
    """Domain keys that recognise it, in the order of `DOMEINEN`."""
    niet_herkend_door: tuple[str, ...]
    """Domain keys that say 'herken ik niet' (and nobody of theirs recognises it)."""
    groep: str
    """`SPLITST`, `GEDEELD`, `ALLEEN` or `DEELS`."""

    @property
    def kop(self) -> str:
        """How the beamer and the minutes name it: 'alleen gezien door Politie'."""
        if self.groep == ALLEEN:
            return f"{ALLEEN} {_naam(self.herkend_door[0])}"
        return self.groep


@dataclass(frozen=True)
class Herkenningsbeeld:
    aanwezig: tuple[str, ...]
    """The domains present (participants who vote), in the order of `DOMEINEN`."""
    splitst: tuple[Signaalherkenning, ...] = ()
    """Most evenly split first."""
    gedeeld: tuple[Signaalherkenning, ...] = ()
    alleen: tuple[Signaalherkenning, ...] = ()
    deels: int = 0
    """Signals partly recognised with nobody against: counted only."""

    @property
    def leeg(self) -> bool:
        return not (self.splitst or self.gedeeld or self.alleen)


def bouw(
    signalen: Iterable[tuple[int, str, str, str | None]],
    markeringen: Iterable[tuple[int, str, bool]],
    aanwezig: Collection[str],
) -> Herkenningsbeeld:
    """``signalen``: (id, kind, text, author's domain or None); ``markeringen``: (signal id,
    domain of who marked it, True for 'herken ik'); ``aanwezig``: the domains in the room."""
    ja: dict[int, set[str]] = {}
    nee: dict[int, set[str]] = {}
    for signaal_id, domein, herkent in markeringen:
        (ja if herkent else nee).setdefault(signaal_id, set()).add(domein)
    zaal = set(aanwezig)
    groepen: dict[str, list[Signaalherkenning]] = {SPLITST: [], GEDEELD: [], ALLEEN: [], DEELS: []}
    for signaal_id, soort, tekst, auteur in signalen:
        herkend = ja.get(signaal_id, set()) | ({auteur} if auteur else set())
        niet = nee.get(signaal_id, set()) - herkend
        domeinen = zaal | herkend | niet
        if herkend and niet:
            groep = SPLITST
        elif len(domeinen) > 1 and herkend >= domeinen:
            groep = GEDEELD
        elif len(herkend) == 1 and len(domeinen) > 1:
            groep = ALLEEN
        else:
            groep = DEELS
        groepen[groep].append(
            Signaalherkenning(signaal_id, soort, tekst, tuple(_volgorde(herkend)), tuple(_volgorde(niet)), groep)
        )
    splitst = sorted(
        groepen[SPLITST], key=lambda h: (-min(len(h.herkend_door), len(h.niet_herkend_door)), h.signaal_id)
    )
    return Herkenningsbeeld(
        tuple(_volgorde(zaal)),
        tuple(splitst),
        tuple(groepen[GEDEELD]),
        tuple(sorted(groepen[ALLEEN], key=lambda h: (_volgorde(set(h.herkend_door)), h.signaal_id))),
        len(groepen[DEELS]),
    )


def _volgorde(domeinen: set[str]) -> list[str]:
    bekend = list(DOMEINEN)
    return sorted(domeinen, key=lambda d: (bekend.index(d) if d in bekend else len(bekend), d))


def _naam(domein: str) -> str:
    return DOMEINEN.get(domein, domein)


def domeinnamen(domeinen: Iterable[str]) -> str:
    """'Politie, Welzijn / opbouwwerk'."""
    return ", ".join(_naam(d) for d in domeinen)
