"""Simulated participants for `buurtoverleg demo`: a few phones played by the app itself.

Someone new should see a whole meeting (joining, answering, reveal, disagreement) on one
laptop, without a room full of colleagues. The simulated people behave like phones: they
join through `Dienst.aanmelden`, answer through `Dienst.antwoord`, post and recognise
signals through `Dienst.signaal` and `Dienst.herken`, and so meet exactly the same rules
(a closed question refuses them too). They never touch the database themselves.

The simulation is one asyncio task. It wakes on the meeting's events (and every few
seconds anyway, in case an event was missed), reads the meeting, and when the facilitator
has opened a step it schedules each person's answer a few seconds later. The domain is
synchronous, so every call runs in a worker thread (`asyncio.to_thread`), as the pages do
with `run.io_bound`: the event loop that serves the real phones never waits for SQLite.
The task ends by itself when the meeting is closed.

The readings are written for the practice case 1 ("multiculturele buurt met veel
problemen") and disagree on purpose, the way the method warns they often do: in the first
round police, enforcement and the housing corporation read the phase as incidenten, youth
work and welfare as ongemak, the resident as escalatie (the room is divided); after a
discussion and a second round most move to onderhuidse spanningen, police and resident
stay one phase higher. Signals are seen and recognised differently too; one is recognised
only within the municipality, which the app flags. For questions the
script does not know (another template), each person falls back to a choice derived from
their domain's "lens", so the simulation works on any template.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .sessie.dienst import Dienst
from .sessie.fouten import Geweigerd
from .sessie.gebeurtenissen import Gebeurtenis
from .sessie.toestand import Vergadering, Vraag

log = logging.getLogger("buurtoverleg.simulatie")


@dataclass(frozen=True)
class Persona:
    """One simulated participant and how they read the case."""

    naam: str
    organisatie: str
    domein: str
    lens: int
    """-1 reads it milder (social domain), +1 sharper (safety), 0 in between; for unknown questions."""
    fase: tuple[str, str]
    """The phase in the first round and in every later round (after discussion)."""
    keuzes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Multiple choice, per prompt id without the template prefix ('oorzaken-vraag')."""
    stippen: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Signaal:
    auteur: int
    soort: str
    tekst: str
    herkenners: tuple[int, ...]
    """Indices of the personas who press 'herken ik' after it appears."""


@dataclass(frozen=True)
class Tempo:
    """Seconds between an event and the simulated reaction (uniformly drawn from the range)."""

    aanmelden: tuple[float, float] = (1.0, 6.0)
    antwoord: tuple[float, float] = (2.0, 7.0)
    signaal: tuple[float, float] = (2.0, 10.0)
    herken: tuple[float, float] = (2.0, 6.0)
    wekker: float = 2.0
    """Look at the meeting at least this often, even without an event."""


PERSONAS: tuple[Persona, ...] = (
    Persona(
        "Inge Wolters",
        "Gemeente, wijkmanager",
        "gemeente",
        0,
        ("fase-onderhuidse-spanningen", "fase-onderhuidse-spanningen"),
        {
            "vormen-vraag": ("vorm-denken-negatief", "vorm-voelen-irritaties", "vorm-gedrag-plekken-mijden"),
            "oorzaken-vraag": ("oorzaak-a", "oorzaak-b", "oorzaak-d"),
            "locatie-vraag": ("locatie-directe-woonomgeving", "locatie-publieke-ruimte"),
            "richtingen-doelgroep": ("doelgroep-kinderen-8-14", "doelgroep-ouders"),
        },
        {"richting-1": 1, "richting-2": 2},
    ),
    Persona(
        "Bart Kok",
        "Gemeente, handhaving",
        "gemeente",
        1,
        ("fase-incidenten", "fase-onderhuidse-spanningen"),
        {
            "vormen-vraag": ("vorm-gedrag-negatief", "vorm-voelen-irritaties"),
            "oorzaken-vraag": ("oorzaak-b", "oorzaak-c"),
            "locatie-vraag": ("locatie-publieke-ruimte",),
            "richtingen-doelgroep": ("doelgroep-jongeren",),
        },
        {"richting-4": 2, "richting-3": 1},
    ),
    Persona(
        "Sandra Visser",
        "Politie, wijkagent",
        "politie",
        1,
        ("fase-incidenten", "fase-incidenten"),
        {
            "vormen-vraag": ("vorm-gedrag-negatief", "vorm-voelen-angst", "vorm-gedrag-plekken-mijden"),
            "oorzaken-vraag": ("oorzaak-b", "oorzaak-c"),
            "locatie-vraag": ("locatie-publieke-ruimte",),
            "richtingen-doelgroep": ("doelgroep-jongeren",),
        },
        {"richting-4": 2, "richting-3": 1},
    ),
    Persona(
        "Hatice Demir",
        "Welzijn, opbouwwerk",
        "welzijn",
        -1,
        ("fase-ongemak", "fase-onderhuidse-spanningen"),
        {
            "vormen-vraag": ("vorm-denken-vooroordelen", "vorm-voelen-vervreemding", "vorm-voelen-onzeker-aanspreken"),
            "oorzaken-vraag": ("oorzaak-a", "oorzaak-d", "oorzaak-e"),
            "locatie-vraag": ("locatie-directe-woonomgeving",),
            "richtingen-doelgroep": ("doelgroep-ouders", "doelgroep-directe-buren"),
        },
        {"richting-1": 2, "richting-5": 1},
    ),
    Persona(
        "Mo Haddou",
        "Jongerenwerk",
        "jongerenwerk",
        -1,
        ("fase-ongemak", "fase-onderhuidse-spanningen"),
        {
            "vormen-vraag": ("vorm-denken-vooroordelen", "vorm-voelen-ongemak", "vorm-voelen-irritaties"),
            "oorzaken-vraag": ("oorzaak-d", "oorzaak-e"),
            "locatie-vraag": ("locatie-publieke-ruimte",),
            "richtingen-doelgroep": ("doelgroep-jongeren", "doelgroep-kinderen-8-14"),
        },
        {"richting-3": 3},
    ),
    Persona(
        "Peter de Boer",
        "Woningcorporatie, wijkconsulent",
        "woningcorporatie",
        1,
        ("fase-incidenten", "fase-onderhuidse-spanningen"),
        {
            "vormen-vraag": ("vorm-voelen-irritaties", "vorm-gedrag-negatief", "vorm-voelen-onzeker-aanspreken"),
            "oorzaken-vraag": ("oorzaak-b", "oorzaak-c", "oorzaak-d"),
            "locatie-vraag": ("locatie-directe-woonomgeving",),
            "richtingen-doelgroep": ("doelgroep-directe-buren",),
        },
        {"richting-1": 2, "richting-4": 1},
    ),
    Persona(
        "Fatma Yilmaz",
        "Bewonerscommissie",
        "bewoner",
        0,
        ("fase-escalatie", "fase-incidenten"),
        {
            "vormen-vraag": ("vorm-voelen-angst", "vorm-gedrag-plekken-mijden", "vorm-denken-negatief"),
            "oorzaken-vraag": ("oorzaak-b", "oorzaak-c"),
            "locatie-vraag": ("locatie-directe-woonomgeving", "locatie-publieke-ruimte"),
            "richtingen-doelgroep": ("doelgroep-kinderen-8-14", "doelgroep-ouders"),
        },
        {"richting-4": 1, "richting-1": 1, "richting-3": 1},
    ),
)
"""Invented people; two from the municipality, so a signal can be recognised by one domain only."""

SIGNALEN: tuple[Signaal, ...] = (
    Signaal(
        2,
        "waarneming",
        "Meisjes worden bij de portieken nageroepen en nagefloten; een paar gaan 's avonds niet meer de straat op.",
        (6, 1),
    ),
    Signaal(
        1,
        "waarneming",
        "Grof vuil staat naast de containers en de trappen in de portieken worden niet schoongemaakt.",
        (0,),
    ),
    Signaal(
        6,
        "waarneming",
        "Een op de drie kinderen durft niet buiten te spelen, uit angst voor andere kinderen.",
        (3, 4, 2),
    ),
    Signaal(
        4,
        "waarneming",
        "Een deel van de jongeren is licht verstandelijk beperkt en verbergt dat door stoer te doen.",
        (3,),
    ),
    Signaal(
        3,
        "duiding",
        "De geschrapte vernieuwing zit diep: wie op verhuizen rekende, voelt zich in de steek gelaten.",
        (0, 5, 6),
    ),
    Signaal(2, "duiding", "Het recht van de sterkste onder de kinderen is een voorbode van incidenten.", ()),
    Signaal(4, "duiding", "De overlast is vooral verveling en stoer gedrag, geen criminaliteit.", (3,)),
    Signaal(5, "duiding", "Bewoners die hun buren kennen, hebben minder last; daarop kunnen we bouwen.", (3,)),
)


class Simulatie:
    """The simulated phones of one meeting; `speel()` runs until the meeting is closed."""

    def __init__(
        self,
        dienst: Dienst,
        meeting_id: int,
        *,
        personas: tuple[Persona, ...] = PERSONAS,
        signalen: tuple[Signaal, ...] = SIGNALEN,
        tempo: Tempo = Tempo(),
        rng: random.Random | None = None,
    ) -> None:
        self.dienst = dienst
        self.meeting_id = meeting_id
        self.personas = personas
        self.signalen = signalen
        self.tempo = tempo
        self.rng = rng or random.Random()
        self.deelnemers: dict[int, int] = {}
        """Persona index -> participant id, once joined."""
        self._gedaan: set[tuple[Any, ...]] = set()
        self._taken: set[asyncio.Task[None]] = set()
        self._wakker: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def gebeurd(self, gebeurtenis: Gebeurtenis) -> None:
        """Subscriber for the meeting's events; safe to call from any thread."""
        if gebeurtenis.meeting_id == self.meeting_id:
            self._wek()

    async def speel(self) -> None:
        """Join, then react to every opened step until the meeting is closed; tidy up on exit."""
        self._loop = asyncio.get_running_loop()
        self._wakker = asyncio.Event()
        try:
            for i in range(len(self.personas)):
                self._later(
                    ("aanmelden", i),
                    self.tempo.aanmelden,
                    self._meld_aan,
                    i,
                    daarna=functools.partial(self._aangemeld, i),
                )
            while True:
                self._wakker.clear()  # before reading: an event during the read wakes the next wait
                try:
                    v = await asyncio.to_thread(self.dienst.lezen.vergadering, self.meeting_id)
                except Geweigerd:  # the meeting was deleted
                    return
                if v.status == "gesloten":
                    return
                self._reageer(v)
                try:
                    await asyncio.wait_for(self._wakker.wait(), self.tempo.wekker)
                except TimeoutError:
                    pass
        finally:
            for taak in list(self._taken):
                taak.cancel()
            if self._taken:
                await asyncio.gather(*self._taken, return_exceptions=True)

    # ------------------------------------------------------------------ deciding what to do (event loop)

    def _reageer(self, v: Vergadering) -> None:
        stap = v.huidige_stap
        if v.status != "stappen" or stap is None or stap.status != "open":
            return
        vragen = [q for q in stap.vragen if q.neemt_stemmen]
        signaalvraag = next((q for q in stap.vragen if q.neemt_signalen), None)
        for i in self.deelnemers:
            if signaalvraag is not None:
                for nr, signaal in enumerate(self.signalen):
                    if signaal.auteur == i:
                        self._later(
                            ("signaal", nr),
                            self.tempo.signaal,
                            self._signaal,
                            i,
                            signaalvraag.id,
                            nr,
                            daarna=functools.partial(self._herkenning, nr),
                        )
            if vragen:
                self._later(
                    ("antwoord", i, stap.positie, stap.ronde),
                    self.tempo.antwoord,
                    self._antwoord,
                    i,
                    stap.ronde,
                    vragen,
                )

    def _aangemeld(self, i: int, deelnemer_id: int) -> None:
        self.deelnemers[i] = deelnemer_id

    def _herkenning(self, nr: int, signaal_id: int) -> None:
        for wie in self.signalen[nr].herkenners:
            if wie in self.deelnemers:
                self._later(("herken", nr, wie), self.tempo.herken, self._herken, wie, signaal_id)

    def _later(
        self,
        sleutel: tuple[Any, ...],
        bereik: tuple[float, float],
        actie: Callable[..., Any],
        *args: Any,
        daarna: Callable[[Any], None] | None = None,
    ) -> None:
        """Run `actie(*args)` in a worker thread after a random delay, once per `sleutel`;
        `daarna(result)` runs back on the event loop, so only the loop changes our state."""
        if sleutel in self._gedaan:
            return
        self._gedaan.add(sleutel)
        vertraging = self.rng.uniform(*bereik)

        async def straks() -> None:
            await asyncio.sleep(vertraging)
            try:
                resultaat = await asyncio.to_thread(actie, *args)
            except Geweigerd as fout:  # closed in the meantime: a real phone would show this notice
                log.info("gesimuleerde deelnemer geweigerd: %s", fout)
            except Exception:  # a bug here must not end the demo for the real people in it
                log.exception("gesimuleerde deelnemer: onverwachte fout")
            else:
                if daarna is not None:
                    daarna(resultaat)
            self._wek()

        taak = asyncio.create_task(straks())
        self._taken.add(taak)
        taak.add_done_callback(self._taken.discard)

    def _wek(self) -> None:
        if self._loop is None or self._wakker is None or self._loop.is_closed():
            return
        self._loop.call_soon_threadsafe(self._wakker.set)

    # ------------------------------------------------------------------ acting (worker threads, domain only)

    def _meld_aan(self, i: int) -> int:
        p = self.personas[i]
        return self.dienst.aanmelding.aanmelden(self.meeting_id, p.naam, p.organisatie, p.domein)

    def _antwoord(self, i: int, ronde: int, vragen: list[Vraag]) -> None:
        for vraag in vragen:
            waarde = antwoord(self.personas[i], i, vraag, ronde)
            if waarde is not None:
                self.dienst.deelnemer(self.meeting_id, self.deelnemers[i]).antwoord(vraag.id, waarde)

    def _signaal(self, i: int, vraag_id: str, nr: int) -> int:
        signaal = self.signalen[nr]
        return self.dienst.deelnemer(self.meeting_id, self.deelnemers[i]).signaal(
            vraag_id, signaal.soort, signaal.tekst
        )

    def _herken(self, wie: int, signaal_id: int) -> None:
        self.dienst.deelnemer(self.meeting_id, self.deelnemers[wie]).herken(signaal_id)


def antwoord(persona: Persona, index: int, vraag: Vraag, ronde: int) -> Any:
    """What this person answers to this question in this round; None: nothing to answer."""
    opties = vraag.waarden()
    if not opties:
        return None
    sleutel = vraag.id.split("-", 1)[-1]
    if vraag.type == "enkele-keuze":
        if all(isinstance(o, str) and o.startswith("fase-") for o in opties):
            fase = persona.fase[0 if ronde <= 1 else 1]
            if fase in opties:
                return fase
            return opties[max(0, min(len(opties) - 1, len(opties) // 2 + persona.lens))]
        return opties[index % len(opties)]
    if vraag.type == "meerkeuze":
        gekozen = [o for o in persona.keuzes.get(sleutel, ()) if o in opties]
        return gekozen or [opties[index % len(opties)]]
    if vraag.type == "schaal":
        return opties[max(0, min(len(opties) - 1, len(opties) // 2 + persona.lens))]
    if vraag.type == "stippen":
        verdeling: dict[str, int] = {}
        over = vraag.stippen
        for optie, aantal in persona.stippen.items():
            if optie in opties and over > 0:
                verdeling[optie] = min(aantal, over)
                over -= verdeling[optie]
        if not verdeling:
            verdeling[opties[index % len(opties)]] = vraag.stippen
        return verdeling
    return None
