"""The Dutch words of the advice: the reasons behind a score and the SAMOS hint.

Every reason names the analysis' own items by their title in sentence case, so the
facilitator can read it out as it stands.
"""

from __future__ import annotations

import re

from ...content import Catalogus
from ...content.schema import Item, Onderdeel, Oplossingsrichting, Praktijkvoorbeeld
from .analyse import _uniek

LABELS = {
    "oorzaak": "oorzaak",
    "locatie": "past bij",
    "doelgroep": "doelgroep",
    "fase": "fase",
    "verschijningsvorm": "verschijningsvorm",
    "sentiment": "sentiment",
    "trigger": "trigger",
    "actor": "betrokkenen",
}


def _benoem(catalogus: Catalogus, sleutel: str, via: list[str], *, label: bool = True) -> str:
    """'oorzaak: overlast van kinderen en jongeren (overlast van kinderen van 8 tot 14)'."""
    tekst = _klein(catalogus.titel(sleutel))
    specifiek = [_klein(catalogus.titel(i)) for i in _uniek(via) if i != sleutel]
    if specifiek:
        tekst += f" ({', '.join(specifiek)})"
    if not label:
        return tekst
    soort = catalogus.entries[sleutel].soort
    return f"{LABELS.get(soort, soort)}: {tekst}"


def _vuistregel(catalogus: Catalogus, vuistregel_id: str) -> str:
    """'vuistregel: klein en vaak boven groot en eenmalig', the rule in the room's own words."""
    titel = catalogus.titel(vuistregel_id)
    return f"vuistregel: {_klein(titel)}" if titel != vuistregel_id else "vuistregel"


def _samos(catalogus: Catalogus, samos_sjablonen: tuple[str, ...]) -> str:
    sjablonen = [s for s in samos_sjablonen if catalogus.entries.get(s) and catalogus.entries[s].soort == "template"]
    hint = (
        "Er zijn incidenten of er is escalatie: bespreek de situatie ook in een SAMOS-kernteam "
        "(gestructureerde signalering en aanpak van onrust en spanningen, uit de handreiking "
        "'Omgaan met maatschappelijke spanningen')."
    )
    if sjablonen:
        eerste = sjablonen[0]
        hint += f" Begin met het sjabloon '{catalogus.titel(eerste)}' ({eerste})"
        if len(sjablonen) > 1:
            hint += ", daarna " + " en ".join(sjablonen[1:])
        hint += "."
    return hint


def _klein(titel: str) -> str:
    """A title as part of a sentence: 'B. Overlast van kinderen' -> 'overlast van kinderen'."""
    titel = re.sub(r"^[A-Z]\.\s+", "", titel)
    if len(titel) > 1 and titel[0].isupper() and titel[1].islower():
        titel = titel[0].lower() + titel[1:]
    return titel


def _citaat(richting: Oplossingsrichting, wanneer: int | None, aanpak: int | None) -> str | None:
    """The richting's own `wanneer` (or aanpak) line that a signal names, 1-based."""
    for kop, regels, nummer in (("wanneer", richting.wanneer, wanneer), ("aanpak", richting.interventietypen, aanpak)):
        if nummer is not None and 1 <= nummer <= len(regels):
            return f"{kop}: {regels[nummer - 1].rstrip('.')}"
    return None


def omschrijving(item: Item | Onderdeel) -> str:
    """What an item of the advice is, in one sentence: an example's own short line, else the
    first sentence of its text (a direction without text: its first 'wanneer')."""
    if isinstance(item, Praktijkvoorbeeld) and item.kort:
        return item.kort
    if isinstance(item, Oplossingsrichting):
        return _omschrijving(item.tekst or " ".join(item.wanneer[:1]))
    return _omschrijving(item.tekst)


def _omschrijving(tekst: str) -> str:
    """The first sentence of a text: what an item is, in one line next to its title."""
    return re.split(r"(?<=[.!?])\s+", " ".join(tekst.split()), maxsplit=1)[0]
