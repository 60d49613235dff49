"""The advice's weights and tables, read from the method's content.

They live in `content/001-adviesweging.yaml` (the weights and the groups of ids the rules
look at) and `content/001-richtingweging.yaml` (per oplossingsrichting, the analysis ids that
point at it), so that a municipality's editor can read and tune them with their `bron`, and
`buurtoverleg content check` validates them like every other item. This module only turns
them into one typed object for `regels`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...content import Catalogus
from ...content.schema import Adviesweging, Gewichten, Richtingweging, Signaalweging

GEDEELD_BELANG = "gedeeld-belang"
VERSCHILLEN = "verschillen"

VUISTREGEL_KLEIN = "vuistregel-kleinschalig-doorlopend"
VUISTREGEL_BELANG = "vuistregel-gedeelde-belangen"
VUISTREGEL_SAMEN = "vuistregel-samenwerking"
VUISTREGEL_DICHTBIJ = "vuistregel-directe-woonomgeving"
VUISTREGEL_GERICHT = "vuistregel-gerichte-aanpak"


class GeenWeging(LookupError):
    """The catalogue has no `adviesweging` item: the advice cannot be computed."""


@dataclass(frozen=True)
class Weging:
    """Everything `regels` needs besides the analysis: weights, id groups, signals per richting."""

    gewichten: Gewichten
    incidentfasen: frozenset[str]
    na_incidenten: frozenset[str]
    bemiddeling: frozenset[str]
    conflict: frozenset[str]
    directe_woonomgeving: str
    ernstige_oorzaken: frozenset[str]
    gebiedsgerichte_richting: str
    samos_sjablonen: tuple[str, ...]
    situatiedoelgroepen: dict[str, str]
    signalen: dict[str, tuple[Signaalweging, ...]]
    """Per oplossingsrichting id, the analysis ids that point at it (all weging items summed up)."""

    def rangbonus(self, nummer: int) -> float:
        """The bonus for an example of the richting ranked `nummer` (1-based), 0 past the list."""
        rang = self.gewichten.rang
        return rang[nummer - 1] if 1 <= nummer <= len(rang) else 0.0


def weging(catalogus: Catalogus) -> Weging:
    """The advice's weights from the catalogue. The last `adviesweging` item counts, so a
    municipality's own (loaded after the built-in method) replaces the built-in one."""
    regels = [i for i in catalogus.items("adviesweging") if isinstance(i, Adviesweging)]
    if not regels:
        raise GeenWeging("de inhoud heeft geen 'adviesweging': het advies kan niet worden berekend")
    aw = regels[-1]
    signalen: dict[str, list[Signaalweging]] = {}
    for rw in catalogus.items("richtingweging"):
        if isinstance(rw, Richtingweging):
            signalen.setdefault(rw.richting, []).extend(rw.signalen)
    return Weging(
        gewichten=aw.gewichten,
        incidentfasen=frozenset(aw.incidentfasen),
        na_incidenten=frozenset(aw.na_incidenten),
        bemiddeling=frozenset(aw.bemiddeling),
        conflict=frozenset(aw.conflict),
        directe_woonomgeving=aw.directe_woonomgeving,
        ernstige_oorzaken=frozenset(aw.ernstige_oorzaken),
        gebiedsgerichte_richting=aw.gebiedsgerichte_richting,
        samos_sjablonen=tuple(aw.samos_sjablonen),
        situatiedoelgroepen={s.doelgroep: s.omschrijving for s in aw.situatiedoelgroepen},
        signalen={richting: tuple(lijst) for richting, lijst in signalen.items()},
    )
