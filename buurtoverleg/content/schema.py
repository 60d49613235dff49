"""The method as data: the shape of every kind of content item.

Municipal editors write YAML; these models are what makes a typo in such a file a clear
message instead of a crash in the middle of a meeting. Every file holds one `soort`
(kind) and a list of `items`. Ids are global across all files, sub-items included.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

ContentId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Tekst = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)]
Titel = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Bron = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^\d{3}_[0-9a-f]{16}\.txt, .+", max_length=300),
]
"""A source reference: the seed file name, a comma, then the section (e.g. `STAP 2.2`)."""


class Strikt(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Onderdeel(Strikt):
    """A sub-item: one line of a checklist, a sub-direction, an example location."""

    id: ContentId
    titel: Titel
    tekst: Tekst = ""
    bron: Bron
    voorbeelden: list[Tekst] = []


class Item(Strikt):
    """A content item of any kind; kinds with more fields subclass it."""

    id: ContentId
    titel: Titel
    tekst: Tekst = ""
    bron: Bron
    voorbeelden: list[Tekst] = []
    naslag: Tekst = ""
    """Set (with the reason) when no template, advice or page shows this item on purpose: it
    is background for whoever edits the method. Without it, the item must have a place."""
    onderdelen: list[Onderdeel] = []


class Fase(Item):
    volgorde: int = Field(ge=1, le=10)
    """Position on the escalation scale; makes a fase prompt an ordered scale."""


class Oplossingsrichting(Item):
    nummer: int = Field(ge=1)
    wanneer: list[Tekst] = []
    """The problems this direction answers (the seed's 'wanneer')."""
    interventietypen: list[Tekst] = []


class Praktijkvoorbeeld(Item):
    """An intervention from the catalogue; the reference lists drive the advice."""

    oplossingsrichtingen: list[ContentId] = Field(min_length=1)
    doelgroepen: list[ContentId] = []
    locaties: list[ContentId] = []
    oorzaken: list[ContentId] = []
    fasen: list[ContentId] = []
    methodiek: Tekst = ""
    plaats: Tekst = ""
    schaal: Literal["kleinschalig", "buurt", "gemeente"] | None = None
    """Used by the vuistregels: small-scale and local over large."""
    doorlopend: bool | None = None
    """Recurring or structural (True) versus one-off (False)."""
    insteek: Literal["gedeeld-belang", "verschillen"] | None = None
    """What the intervention builds on (vuistregels on shared interests and working together):
    a shared interest or joint work, or talking about differences; None is neutral."""
    kort: Tekst = ""
    """One sentence on what it is, where the first sentence of `tekst` does not stand alone."""


class Signaalweging(Strikt):
    """One analysis id that points at an oplossingsrichting, with its weight in the advice."""

    id: ContentId
    gewicht: float = Field(ge=-5, le=5)
    wanneer: int | None = Field(default=None, ge=1)
    """The richting's own `wanneer` line (1-based) that this id asserts: quoted in the reason."""
    aanpak: int | None = Field(default=None, ge=1)
    """Else the richting's `interventietypen` line (1-based) that answers it."""
    toelichting: Tekst = ""
    """Said instead of a quote (for the negative weights, which no `wanneer` line states)."""


class Richtingweging(Item):
    """Which analysis ids point at one oplossingsrichting: the seed's `wanneer` written as ids."""

    richting: ContentId
    signalen: list[Signaalweging] = Field(min_length=1)


class Gewichten(Strikt):
    """The weights of the advice's terms; `regels` in the advice explains each term."""

    rang: list[float] = Field(min_length=1)
    """Bonus for an example of the richting ranked 1st, 2nd, ... in this advice."""
    oorzaak: float
    locatie: float
    doelgroep: float
    doelgroep_anders: float
    situatie: float
    fase: float
    fase_anders: float
    fase_onbekend_na_incidenten: float
    na_incidenten: float
    bemiddeling_zonder_conflict: float
    richting_gericht: float
    kleinschalig: float
    buurtniveau: float
    doorlopend: float
    eenmalig: float
    gedeeld_belang: float
    verschillen: float
    dichtbij: float
    gemeenteniveau_dichtbij: float
    gericht: float
    gemeentebreed_bij_ernst: float


class Situatiedoelgroep(Strikt):
    doelgroep: ContentId
    omschrijving: Tekst


class Adviesweging(Item):
    """The advice's rules as data: weights, phases and the groups of ids the rules look at."""

    gewichten: Gewichten
    incidentfasen: list[ContentId] = Field(min_length=1)
    na_incidenten: list[ContentId] = []
    """Praktijkvoorbeelden the incident guidance (seed 002) names for after incidents."""
    bemiddeling: list[ContentId] = []
    """Praktijkvoorbeelden that mediate a conflict between neighbours: only with a named conflict."""
    conflict: list[ContentId] = []
    """Analysis ids (or their parents) that name such a conflict."""
    directe_woonomgeving: ContentId
    ernstige_oorzaken: list[ContentId] = []
    gebiedsgerichte_richting: ContentId
    samos_sjablonen: list[ContentId] = []
    situatiedoelgroepen: list[Situatiedoelgroep] = []


class Casus(Item):
    vragen: list[Tekst] = []


class PromptType(StrEnum):
    enkele_keuze = "enkele-keuze"
    meerkeuze = "meerkeuze"
    schaal = "schaal"
    signaal = "signaal"
    stippen = "stippen"
    bespreking = "bespreking"


ADVIESSOORTEN = ("praktijkvoorbeeld", "oplossingsrichting")
"""The kinds the advice ranks: a prompt can take its options from the advice's top (`uit_advies`)."""


class Prompt(Strikt):
    """One question on the phones. Options are content ids, never repeated text."""

    id: ContentId
    type: PromptType
    vraag: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    opties: list[ContentId] = []
    opties_uit: ContentId | None = None
    """A kind name (all its items, e.g. `fase`) or an item id (its onderdelen)."""
    blind: bool = False
    """Answers stay hidden until the facilitator reveals them (duiding)."""
    schaal_min: int = 1
    schaal_max: int = 5
    schaal_labels: list[Tekst] = []
    stippen: int = Field(default=3, ge=1, le=20)
    uit_advies: int | None = Field(default=None, ge=2, le=12)
    """The options are the advice's top N of the kind in `opties_uit` (praktijkvoorbeelden or
    oplossingsrichtingen), frozen into the step when it opens (`sessie.voorstellijst`)."""

    @model_validator(mode="after")
    def _opties_passen_bij_type(self) -> Prompt:
        keuze = self.type in (PromptType.enkele_keuze, PromptType.meerkeuze, PromptType.stippen)
        if keuze and not (self.opties or self.opties_uit):
            raise ValueError(f"vraag '{self.id}' van type {self.type.value} heeft opties of opties_uit nodig")
        if not keuze and (self.opties or self.opties_uit):
            raise ValueError(f"vraag '{self.id}' van type {self.type.value} hoort geen opties te hebben")
        if self.type is PromptType.schaal and self.schaal_max <= self.schaal_min:
            raise ValueError(f"vraag '{self.id}': schaal_max moet groter zijn dan schaal_min")
        if self.uit_advies is not None and (self.opties or self.opties_uit not in ADVIESSOORTEN):
            raise ValueError(
                f"vraag '{self.id}': uit_advies hoort bij opties_uit {' of '.join(ADVIESSOORTEN)}, zonder vaste opties"
            )
        return self


class Onderdeelsoort(StrEnum):
    """The agenda sections of a meeting; each step belongs to one."""

    opening = "opening"
    signalering = "signalering"
    analyse = "analyse"
    aanpak = "aanpak"
    afronding = "afronding"


class Stap(Strikt):
    id: ContentId
    titel: Titel
    uitleg: Tekst = ""
    onderdeel: Onderdeelsoort
    minuten: int = Field(ge=1, le=240)
    bron: Bron
    inhoud: list[ContentId] = []
    """Content items shown with the step (for example the fasen with their descriptions)."""
    tip: ContentId | None = None
    """An item whose advice the facilitator sees with this step; without it the tip follows
    from the step's onderdeel (`sessie.methode.TIP_PER_ONDERDEEL`)."""
    prompts: list[Prompt] = []


class Template(Item):
    doel: Literal["analyse", "samos", "oefenen", "vervolg", "overig", "extra"] = "overig"
    """'extra': no meeting of its own; its steps are added to a running meeting when they apply."""
    casus: ContentId | None = None
    stappen: list[Stap] = Field(min_length=1)


SOORTEN: dict[str, type[Item]] = {
    # seed 001, the analysis instrument
    "signaleringswijze": Item,
    "signaleringstip": Item,
    "verschijningsvorm": Item,
    "fase": Fase,
    "actor": Item,
    "locatie": Item,
    "oorzaak": Item,
    "sentiment": Item,
    "trigger": Item,
    "rol-overheid": Item,
    "oplossingsrichting": Oplossingsrichting,
    "doelgroep": Item,
    "beleidsvraag": Item,
    "praktijkvoorbeeld": Praktijkvoorbeeld,
    "vuistregel": Item,
    "checklist": Item,
    "casus": Casus,
    # seed 003, SAMOS and the BOB procedure
    "actieladder": Item,
    "bob-vraag": Item,
    "werkprotocol": Item,
    "smart-veld": Item,
    "communicatie": Item,
    "risicofactor": Item,
    "signaleringsmethode": Item,
    # background for the facilitator: principles, dilemmas and conditions (seeds 001 and 003)
    "achtergrond": Item,
    # seeds 002 and 004
    "incidentadvies": Item,
    "participatievoorwaarde": Item,
    # the advice's weights (seed 001, STAP 3 and 4.2, and seed 002)
    "richtingweging": Richtingweging,
    "adviesweging": Adviesweging,
    # meeting templates built from all of the above
    "template": Template,
}

REFERENTIES: dict[tuple[str, str], str] = {
    ("praktijkvoorbeeld", "oplossingsrichtingen"): "oplossingsrichting",
    ("praktijkvoorbeeld", "doelgroepen"): "doelgroep",
    ("praktijkvoorbeeld", "locaties"): "locatie",
    ("praktijkvoorbeeld", "oorzaken"): "oorzaak",
    ("praktijkvoorbeeld", "fasen"): "fase",
    ("template", "casus"): "casus",
    ("richtingweging", "richting"): "oplossingsrichting",
    ("adviesweging", "incidentfasen"): "fase",
    ("adviesweging", "na_incidenten"): "praktijkvoorbeeld",
    ("adviesweging", "bemiddeling"): "praktijkvoorbeeld",
    ("adviesweging", "directe_woonomgeving"): "locatie",
    ("adviesweging", "ernstige_oorzaken"): "oorzaak",
    ("adviesweging", "gebiedsgerichte_richting"): "oplossingsrichting",
    ("adviesweging", "samos_sjablonen"): "template",
}
"""Which reference field must point at which kind (an item of it or one of its onderdelen)."""


class Bestand(Strikt):
    soort: str
    items: list[dict] = Field(min_length=1)
