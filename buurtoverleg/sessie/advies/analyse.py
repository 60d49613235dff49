"""The input of the advice: what the room established in STAP 2, as content ids.

An analysis names ids from the catalogue; onderdelen are allowed and also count for their
parent, so this module also walks the catalogue's hierarchy (`_met_ouders`, `_top`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from ...content import Catalogus
from ...content.schema import Item

LIJSTVELDEN = ("verschijningsvormen", "locaties", "oorzaken", "doelgroepen", "sentimenten", "triggers", "actoren")
SOORT_PER_VELD = {
    "fase": "fase",
    "verschijningsvormen": "verschijningsvorm",
    "locaties": "locatie",
    "oorzaken": "oorzaak",
    "doelgroepen": "doelgroep",
    "sentimenten": "sentiment",
    "triggers": "trigger",
    "actoren": "actor",
}

_Soort = TypeVar("_Soort", bound=Item)


@dataclass(frozen=True)
class Analyse:
    """What the room established, as content ids (STAP 2). Onderdelen are allowed."""

    fase: str | None = None
    verschijningsvormen: tuple[str, ...] = ()
    locaties: tuple[str, ...] = ()
    oorzaken: tuple[str, ...] = ()
    doelgroepen: tuple[str, ...] = ()
    sentimenten: tuple[str, ...] = ()
    triggers: tuple[str, ...] = ()
    actoren: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.fase is not None and not isinstance(self.fase, str):
            raise ValueError("fase moet één id zijn (tekst) of leeg")
        for veld in LIJSTVELDEN:
            waarde = getattr(self, veld)
            if isinstance(waarde, str) or not isinstance(waarde, (list, tuple)):
                raise ValueError(f"{veld} moet een lijst met ids zijn")
            for content_id in waarde:
                if not isinstance(content_id, str):
                    raise ValueError(f"{veld} mag alleen ids (tekst) bevatten, niet {content_id!r}")
            # Lists become tuples (hashable, frozen); repeated ids count once.
            object.__setattr__(self, veld, tuple(dict.fromkeys(waarde)))


def analyse_uit_dict(data: object) -> Analyse:
    """An `Analyse` from parsed JSON: an object with the keys of `Analyse`, all optional."""
    if not isinstance(data, Mapping):
        raise ValueError("de analyse moet een JSON-object zijn, met de velden " + ", ".join(SOORT_PER_VELD))
    onbekend = sorted(str(k) for k in data if k not in SOORT_PER_VELD)
    if onbekend:
        raise ValueError(f"onbekend veld '{onbekend[0]}' (bekend: {', '.join(SOORT_PER_VELD)})")
    velden: dict[str, Any] = {}
    fase = data.get("fase")
    if fase is not None and not isinstance(fase, str):
        raise ValueError("fase moet één id zijn (tekst) of null")
    velden["fase"] = fase
    for veld in LIJSTVELDEN:
        waarde = data.get(veld, [])
        if not isinstance(waarde, list) or not all(isinstance(i, str) for i in waarde):
            raise ValueError(f"{veld} moet een lijst met ids (teksten) zijn")
        velden[veld] = tuple(waarde)
    return Analyse(**velden)


def _valideer(catalogus: Catalogus, analyse: Analyse) -> dict[str, tuple[str, ...]]:
    """Every id exists and is of the kind its field asks for; returns the ids per field."""
    gekozen: dict[str, tuple[str, ...]] = {}
    for veld, soort in SOORT_PER_VELD.items():
        waarde = getattr(analyse, veld)
        ids = (waarde,) if isinstance(waarde, str) else () if waarde is None else waarde
        for content_id in ids:
            entry = catalogus.entries.get(content_id)
            if entry is None:
                raise ValueError(f"onbekend id '{content_id}' bij {veld}: dat staat niet in de methode")
            if entry.soort != soort:
                raise ValueError(f"'{content_id}' bij {veld} is geen {soort} maar een {entry.soort}")
        gekozen[veld] = tuple(ids)
    return gekozen


def _sleutels(catalogus: Catalogus, gekozen: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """Every id the analysis stands for (each chosen id and its parents) -> the chosen ids behind it."""
    sleutels: dict[str, list[str]] = {}
    for ids in gekozen.values():
        for content_id in ids:
            for sleutel in _met_ouders(catalogus, content_id):
                sleutels.setdefault(sleutel, []).append(content_id)
    return sleutels


def _met_ouders(catalogus: Catalogus, content_id: str) -> list[str]:
    keten = [content_id]
    entry = catalogus.entries.get(content_id)
    while entry is not None and entry.ouder is not None and entry.ouder not in keten:
        keten.append(entry.ouder)
        entry = catalogus.entries.get(entry.ouder)
    return keten


def _items(catalogus: Catalogus, soort: str, klasse: type[_Soort]) -> list[_Soort]:
    """The items of one kind with their own fields: the loader builds every item of `soort`
    from that kind's class, so nothing is dropped; the check lets the type checker see it."""
    return [item for item in catalogus.items(soort) if isinstance(item, klasse)]


def _top(catalogus: Catalogus, content_id: str) -> str:
    return _met_ouders(catalogus, content_id)[-1]


def _per_top(catalogus: Catalogus, ids: Iterable[str]) -> dict[str, list[str]]:
    per_top: dict[str, list[str]] = {}
    for content_id in ids:
        per_top.setdefault(_top(catalogus, content_id), []).append(content_id)
    return per_top


def _uniek(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))
