"""Loading and checking the method: built-in `content/` plus a municipality's own files.

A broken extra file must never take the built-in method down with it: errors are
collected per file and item, and the files that are fine still load.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from .schema import (
    REFERENTIES,
    SOORTEN,
    Adviesweging,
    Bestand,
    Item,
    Onderdeel,
    Oplossingsrichting,
    Prompt,
    PromptType,
    Richtingweging,
    Stap,
    Template,
)


def _ingebouwd() -> Path:
    """The method that ships with the app: the copy a regular install puts in the package
    (`buurtoverleg/methode`, see pyproject.toml), else `content/` of the source checkout
    (a development or editable install)."""
    pakket = Path(__file__).resolve().parents[1]
    geinstalleerd = pakket / "methode"
    return geinstalleerd if geinstalleerd.is_dir() else pakket.parent / "content"


BUILTIN_DIR = _ingebouwd()


@dataclass(frozen=True)
class Fout:
    """One content problem, phrased for the editor who has to fix it."""

    bestand: str
    item: str
    melding: str

    def __str__(self) -> str:
        waar = f"{self.bestand}" + (f", item '{self.item}'" if self.item else "")
        return f"{waar}: {self.melding}"


@dataclass(frozen=True)
class Entry:
    """An item or onderdeel with where it lives, so references can be checked by kind."""

    id: str
    soort: str
    titel: str
    tekst: str
    bron: str
    bestand: str
    ouder: str | None
    item: Item | Onderdeel


@dataclass
class Catalogus:
    entries: dict[str, Entry] = field(default_factory=dict)
    volgorde: dict[str, list[str]] = field(default_factory=dict)
    fouten: list[Fout] = field(default_factory=list)

    def get(self, content_id: str) -> Entry:
        return self.entries[content_id]

    def titel(self, content_id: str) -> str:
        entry = self.entries.get(content_id)
        return entry.titel if entry else content_id

    def items(self, soort: str) -> list[Item]:
        """Top-level items of a kind, in file order."""
        # `volgorde` lists top-level items only (never an onderdeel), so the check drops nothing
        items = (self.entries[i].item for i in self.volgorde.get(soort, []))
        return [item for item in items if isinstance(item, Item)]

    def templates(self) -> list[Template]:
        return [item for item in self.items("template") if isinstance(item, Template)]

    def sjablonen(self) -> list[Template]:
        """The templates a meeting can be made from: all but the extra steps."""
        return [t for t in self.templates() if t.doel != "extra"]

    def extra_stap(self, stap_id: str) -> Stap | None:
        """A step of an 'extra' template: added to a running meeting when it applies."""
        for template in self.templates():
            if template.doel == "extra":
                for stap in template.stappen:
                    if stap.id == stap_id:
                        return stap
        return None

    def template(self, template_id: str) -> Template:
        entry = self.entries.get(template_id)
        if entry is None or entry.soort != "template" or not isinstance(entry.item, Template):
            raise KeyError(f"onbekend template '{template_id}'")
        return entry.item

    def opties(self, prompt: Prompt) -> list[str]:
        """The option ids of a prompt: explicit, all items of a kind, or an item's onderdelen."""
        if prompt.opties:
            return list(prompt.opties)
        if prompt.opties_uit is None:
            return []
        if prompt.opties_uit in SOORTEN:
            return list(self.volgorde.get(prompt.opties_uit, []))
        entry = self.entries.get(prompt.opties_uit)
        if entry is None:
            return []
        return [o.id for o in getattr(entry.item, "onderdelen", [])]

    def tellingen(self) -> dict[str, int]:
        return {soort: len(ids) for soort, ids in self.volgorde.items()}


def laad(extra_dir: Path | None = None, builtin_dir: Path = BUILTIN_DIR) -> Catalogus:
    """Load built-in content, then the extra directory; check references over the whole."""
    catalogus = Catalogus()
    for directory in (builtin_dir, extra_dir):
        if directory is None:
            continue
        if not directory.is_dir():
            catalogus.fouten.append(Fout(str(directory), "", "map bestaat niet"))
            continue
        for pad in sorted(directory.rglob("*.yaml")) + sorted(directory.rglob("*.yml")):
            _laad_bestand(catalogus, pad)
    _controleer_referenties(catalogus)
    return catalogus


_VEILIG = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""PyYAML's safe loader in C (libyaml, in PyYAML's wheels) where there is one: the method's
files load twelve times faster than with the pure-Python parser, at every app start."""


def _laad_bestand(catalogus: Catalogus, pad: Path) -> None:
    naam = pad.name
    try:
        ruw = yaml.load(pad.read_text(encoding="utf-8"), Loader=_VEILIG)
        bestand = Bestand.model_validate(ruw)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        catalogus.fouten.append(Fout(naam, "", f"geen geldige YAML: {exc}"))
        return
    except ValidationError as exc:
        catalogus.fouten.append(Fout(naam, "", _beschrijf(exc)))
        return
    model = SOORTEN.get(bestand.soort)
    if model is None:
        bekend = ", ".join(sorted(SOORTEN))
        catalogus.fouten.append(Fout(naam, "", f"onbekende soort '{bestand.soort}' (bekend: {bekend})"))
        return
    for nummer, ruw_item in enumerate(bestand.items, start=1):
        label = str(ruw_item.get("id", f"#{nummer}")) if isinstance(ruw_item, dict) else f"#{nummer}"
        try:
            item = model.model_validate(ruw_item)
        except ValidationError as exc:
            catalogus.fouten.append(Fout(naam, label, _beschrijf(exc)))
            continue
        _voeg_toe(catalogus, bestand.soort, naam, item)


def _voeg_toe(catalogus: Catalogus, soort: str, naam: str, item: Item) -> None:
    nieuwe = [Entry(item.id, soort, item.titel, item.tekst, item.bron, naam, None, item)]
    nieuwe += [Entry(o.id, soort, o.titel, o.tekst, o.bron, naam, item.id, o) for o in item.onderdelen]
    if isinstance(item, Template):
        nieuwe += [Entry(s.id, "stap", s.titel, s.uitleg, s.bron, naam, item.id, item) for s in item.stappen]
        nieuwe += [
            Entry(p.id, "vraag", p.vraag, "", s.bron, naam, item.id, item) for s in item.stappen for p in s.prompts
        ]
    for entry in nieuwe:
        if entry.id in catalogus.entries:
            eerder = catalogus.entries[entry.id].bestand
            catalogus.fouten.append(Fout(naam, item.id, f"id '{entry.id}' bestaat al (in {eerder})"))
            return
    ids = [e.id for e in nieuwe]
    if len(set(ids)) != len(ids):
        catalogus.fouten.append(Fout(naam, item.id, "een id komt binnen dit item dubbel voor"))
        return
    for entry in nieuwe:
        catalogus.entries[entry.id] = entry
    catalogus.volgorde.setdefault(soort, []).append(item.id)


def _controleer_referenties(catalogus: Catalogus) -> None:
    for content_id in list(catalogus.entries):
        entry = catalogus.entries.get(content_id)
        if entry is None or entry.ouder is not None:
            continue
        fouten = list(_referentiefouten(catalogus, entry))
        for melding in fouten:
            catalogus.fouten.append(Fout(entry.bestand, entry.id, melding))
        if fouten and entry.soort == "template":
            _verwijder(catalogus, entry)


def _referentiefouten(catalogus: Catalogus, entry: Entry) -> Iterable[str]:
    for (soort, veld), doelsoort in REFERENTIES.items():
        if entry.soort != soort:
            continue
        waarde = getattr(entry.item, veld)
        for ref in waarde if isinstance(waarde, list) else [waarde] if waarde else []:
            if not _is_soort(catalogus, ref, doelsoort):
                yield f"{veld}: '{ref}' is geen bekende {doelsoort}"
    if isinstance(entry.item, Template):
        yield from _templatefouten(catalogus, entry.item)
    if isinstance(entry.item, Richtingweging):
        yield from _wegingfouten(catalogus, entry.item)
    if isinstance(entry.item, Adviesweging):
        for ref in [*entry.item.conflict, *(s.doelgroep for s in entry.item.situatiedoelgroepen)]:
            if ref not in catalogus.entries:
                yield f"'{ref}' bestaat niet"


def _wegingfouten(catalogus: Catalogus, weging: Richtingweging) -> Iterable[str]:
    """Every weighed id exists, and every quote points at a line the richting has."""
    richting = catalogus.entries.get(weging.richting)
    regels = richting.item if richting and isinstance(richting.item, Oplossingsrichting) else None
    for signaal in weging.signalen:
        if signaal.id not in catalogus.entries:
            yield f"signaal '{signaal.id}' bestaat niet"
        if regels is None:
            continue
        if signaal.wanneer is not None and signaal.wanneer > len(regels.wanneer):
            yield f"signaal '{signaal.id}': {weging.richting} heeft geen wanneer-regel {signaal.wanneer}"
        if signaal.aanpak is not None and signaal.aanpak > len(regels.interventietypen):
            yield f"signaal '{signaal.id}': {weging.richting} heeft geen aanpak-regel {signaal.aanpak}"


def _templatefouten(catalogus: Catalogus, template: Template) -> Iterable[str]:
    for stap in template.stappen:
        for ref in stap.inhoud:
            if ref not in catalogus.entries:
                yield f"stap '{stap.id}': inhoud '{ref}' bestaat niet"
        if stap.tip is not None and stap.tip not in catalogus.entries:
            yield f"stap '{stap.id}': tip '{stap.tip}' bestaat niet"
        for prompt in stap.prompts:
            bron = prompt.opties_uit
            if bron is not None and bron not in SOORTEN and bron not in catalogus.entries:
                yield f"vraag '{prompt.id}': opties_uit '{bron}' is geen soort en geen item"
            for ref in prompt.opties:
                if ref not in catalogus.entries:
                    yield f"vraag '{prompt.id}': optie '{ref}' bestaat niet"
            keuze = prompt.type in (PromptType.enkele_keuze, PromptType.meerkeuze, PromptType.stippen)
            if keuze and (bron is not None or prompt.opties) and not catalogus.opties(prompt):
                yield f"vraag '{prompt.id}': geen opties gevonden"


def _is_soort(catalogus: Catalogus, ref: str, soort: str) -> bool:
    entry = catalogus.entries.get(ref)
    return entry is not None and entry.soort == soort


def _verwijder(catalogus: Catalogus, entry: Entry) -> None:
    """Drop a template whose references are broken, so no meeting can start from it."""
    for content_id in [i for i, e in catalogus.entries.items() if e.id == entry.id or e.ouder == entry.id]:
        del catalogus.entries[content_id]
    catalogus.volgorde[entry.soort].remove(entry.id)


def _beschrijf(exc: ValidationError) -> str:
    delen = []
    for fout in exc.errors():
        plek = ".".join(str(p) for p in fout["loc"]) or "bestand"
        delen.append(f"{plek}: {fout['msg']}")
    return "; ".join(delen)
