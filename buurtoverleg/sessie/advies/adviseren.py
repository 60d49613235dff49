"""`adviseer`: from an `Analyse` to a ranked `Advies`.

In fase-incidenten and fase-escalatie the advice also lists the incidentadvies items (seed
002) and a hint to start a SAMOS kernteam with `tpl-samos-eerste` (seed 003).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ...content import Catalogus
from .analyse import Analyse, _sleutels, _valideer
from .gewichten import weging
from .regels import _ernst, _praktijkvoorbeelden, _richtingen
from .teksten import _samos
from .telling import Voorstel


@dataclass(frozen=True)
class Advies:
    richtingen: tuple[Voorstel, ...]
    praktijkvoorbeelden: tuple[Voorstel, ...]
    incidentadvies: tuple[str, ...] = ()
    """Top-level incidentadvies ids (their onderdelen are in the catalogue); only after incidents."""
    samos: str | None = None
    vuistregels: tuple[str, ...] = ()
    """The vuistregel ids that changed at least one score, in catalogue order."""

    def naar_dict(self) -> dict[str, Any]:
        def voorstellen(lijst: Iterable[Voorstel]) -> list[dict[str, Any]]:
            return [
                {
                    "id": v.id,
                    "titel": v.titel,
                    "omschrijving": v.omschrijving,
                    "score": v.score,
                    "redenen": list(v.redenen),
                }
                for v in lijst
            ]

        return {
            "richtingen": voorstellen(self.richtingen),
            "praktijkvoorbeelden": voorstellen(self.praktijkvoorbeelden),
            "incidentadvies": list(self.incidentadvies),
            "samos": self.samos,
            "vuistregels": list(self.vuistregels),
        }


def adviseer(catalogus: Catalogus, analyse: Analyse) -> Advies:
    """Rank all oplossingsrichtingen and praktijkvoorbeelden for this analysis."""
    w = weging(catalogus)
    gekozen = _valideer(catalogus, analyse)
    sleutels = _sleutels(catalogus, gekozen)
    ernst = _ernst(catalogus, w, analyse, sleutels)
    toegepast: set[str] = set()

    richtingen, passend = _richtingen(catalogus, w, sleutels, ernst, toegepast)
    rang = {v.id: n for n, v in enumerate(richtingen, start=1) if v.score > 0 and v.id in passend}
    voorbeelden, _ = _praktijkvoorbeelden(catalogus, w, analyse, gekozen, sleutels, rang, ernst, toegepast)

    incident = analyse.fase in w.incidentfasen
    volgorde = catalogus.volgorde.get("vuistregel", [])
    return Advies(
        richtingen=tuple(richtingen),
        praktijkvoorbeelden=tuple(voorbeelden),
        incidentadvies=tuple(catalogus.volgorde.get("incidentadvies", [])) if incident else (),
        samos=_samos(catalogus, w.samos_sjablonen) if incident else None,
        vuistregels=tuple(sorted(toegepast, key=lambda i: (volgorde.index(i) if i in volgorde else len(volgorde), i))),
    )
