"""The meeting's state machine, in one table: which facilitator action each state allows and
where it leads. The verloop service enforces it; the console asks it which buttons to show.

The values of the two status enums are the strings stored in the database and written into
exports, so they must not change.
"""

from __future__ import annotations

from enum import StrEnum

from .fouten import Geweigerd
from .toestand import Vergadering


class Overlegstatus(StrEnum):
    LOBBY = "lobby"
    STAPPEN = "stappen"
    AFRONDING = "afronding"
    GESLOTEN = "gesloten"


class Stapstatus(StrEnum):
    NOG_NIET = "nog-niet"
    OPEN = "open"
    DICHT = "dicht"
    ONTHULD = "onthuld"


class Handeling(StrEnum):
    """A facilitator action that the state machine governs; the value is the handle's method name."""

    START = "start"
    VOLGENDE = "volgende"
    VORIGE = "vorige"
    GA_NAAR = "ga_naar"
    BESPREEK_OPNIEUW = "bespreek_opnieuw"
    BEEINDIG = "beeindig"
    OPEN_INVOER = "open_invoer"
    SLUIT_INVOER = "sluit_invoer"
    ONTHUL = "onthul"
    NIEUWE_RONDE = "nieuwe_ronde"
    VERLENG = "verleng"
    PAUZEER = "pauzeer"
    HERVAT = "hervat"
    AANMELDEN_OPEN = "aanmelden_open"


L, S, A, G = Overlegstatus.LOBBY, Overlegstatus.STAPPEN, Overlegstatus.AFRONDING, Overlegstatus.GESLOTEN
_STAPACTIES = (Handeling.OPEN_INVOER, Handeling.SLUIT_INVOER, Handeling.ONTHUL, Handeling.NIEUWE_RONDE)
_KLOKACTIES = (Handeling.VERLENG, Handeling.PAUZEER, Handeling.HERVAT)

OVERLEG: dict[Overlegstatus, dict[Handeling, tuple[Overlegstatus, ...]]] = {
    L: {Handeling.START: (S,), Handeling.BEEINDIG: (G,), Handeling.AANMELDEN_OPEN: (L,)},
    S: {
        Handeling.VOLGENDE: (S, A),  # after the last step: afronding
        Handeling.VORIGE: (S,),
        Handeling.GA_NAAR: (S,),
        Handeling.BESPREEK_OPNIEUW: (S,),
        Handeling.BEEINDIG: (G,),
        Handeling.AANMELDEN_OPEN: (S,),
        **{h: (S,) for h in _STAPACTIES + _KLOKACTIES},  # on the current step
    },
    A: {
        Handeling.VORIGE: (S,),  # back to the last step
        Handeling.GA_NAAR: (S,),
        Handeling.BESPREEK_OPNIEUW: (S,),
        Handeling.BEEINDIG: (G,),
        Handeling.AANMELDEN_OPEN: (A,),
    },
    G: {},
}
"""Per meeting status: the allowed actions and the status each leads to."""

STAP: dict[Stapstatus, dict[Handeling, Stapstatus]] = {
    Stapstatus.NOG_NIET: {Handeling.OPEN_INVOER: Stapstatus.OPEN},
    Stapstatus.OPEN: {Handeling.SLUIT_INVOER: Stapstatus.DICHT, Handeling.ONTHUL: Stapstatus.ONTHULD},
    Stapstatus.DICHT: {
        Handeling.OPEN_INVOER: Stapstatus.OPEN,
        Handeling.ONTHUL: Stapstatus.ONTHULD,
        Handeling.NIEUWE_RONDE: Stapstatus.OPEN,
    },
    Stapstatus.ONTHULD: {Handeling.NIEUWE_RONDE: Stapstatus.OPEN},
}
"""Per status of the current step: the allowed voting actions and the status each leads to.
Entering a step that was never open opens it (`Stapstatus.NOG_NIET` -> `OPEN`); ending the
meeting closes an open step; 'discuss and re-vote' opens a new round from any status but
`NOG_NIET`."""

_NIET_BEZIG = {
    L: "Start eerst het overleg.",
    A: "Alle stappen zijn geweest; ga terug of sluit het overleg af.",
    G: "Dit overleg is afgesloten.",
}
_WEIGERING_OVERLEG: dict[Handeling, dict[Overlegstatus, str]] = {
    Handeling.START: {
        S: "Het overleg is al gestart.",
        A: "Het overleg is al gestart.",
        G: "Het overleg is al gestart.",
    },
    Handeling.GA_NAAR: {L: "Start eerst het overleg.", G: "Start eerst het overleg."},
    Handeling.BESPREEK_OPNIEUW: {L: "Start eerst het overleg.", G: "Start eerst het overleg."},
    Handeling.BEEINDIG: {G: "Het overleg is al afgesloten."},
    Handeling.AANMELDEN_OPEN: {G: "Dit overleg is afgesloten."},
}
_WEIGERING_STAP: dict[Handeling, dict[Stapstatus, str]] = {
    Handeling.OPEN_INVOER: {
        Stapstatus.OPEN: "De invoer staat al open.",
        Stapstatus.ONTHULD: "De uitslag is al getoond. Start een nieuwe ronde om opnieuw te stemmen.",
    },
    Handeling.SLUIT_INVOER: {s: "De invoer staat niet open." for s in Stapstatus},
    Handeling.ONTHUL: {
        Stapstatus.ONTHULD: "De uitslag is al getoond.",
        Stapstatus.NOG_NIET: "Er is nog niet gestemd in deze stap.",
    },
    Handeling.NIEUWE_RONDE: {s: "Sluit eerst de huidige ronde." for s in Stapstatus},
}


def controleer(status: str, handeling: Handeling) -> Overlegstatus:
    """The meeting status `handeling` leads to (the first when there are several), or the
    Dutch refusal when `status` does not allow it."""
    huidig = Overlegstatus(status)
    naar = OVERLEG[huidig].get(handeling)
    if naar is None:
        raise Geweigerd(_WEIGERING_OVERLEG.get(handeling, _NIET_BEZIG).get(huidig, _NIET_BEZIG.get(huidig, "")))
    return naar[0]


def stap_na(status: str, handeling: Handeling) -> Stapstatus:
    """The step status `handeling` leads to, or the Dutch refusal."""
    huidig = Stapstatus(status)
    naar = STAP[huidig].get(handeling)
    if naar is None:
        raise Geweigerd(_WEIGERING_STAP[handeling][huidig])
    return naar


def toegestaan(v: Vergadering) -> frozenset[Handeling]:
    """What the facilitator can do now, by the same tables the domain enforces, narrowed by the
    facts that are not states: a step without prompts has no voting, the clock either runs or
    stands still, the first step has no previous one."""
    status = Overlegstatus(v.status)
    mag = set(OVERLEG[status])
    stap = v.huidige_stap
    if status is S:
        if stap is None:
            mag -= set(_STAPACTIES + _KLOKACTIES)
        else:
            if stap.vragen:
                mag -= {h for h in _STAPACTIES if h not in STAP[Stapstatus(stap.status)]}
            else:
                mag -= set(_STAPACTIES)
            mag.discard(Handeling.HERVAT if stap.klok.loopt else Handeling.PAUZEER)
    return frozenset(mag)
