"""The unit of work every domain service shares: database, catalogue, publisher and clock.

`schrijf()` is a write transaction; `noteer(s, meeting_id, soort)` raises the meeting's
version inside it and queues the event, which goes out only after the commit, carrying that
version. Every write that pages must see goes through this pair. Reads use `lees()`, a plain
session that publishes nothing.

The lookups that several services need (the meeting row, the template and its prompts, a
prompt as a `Vraag`, a step as a `Stap`) live here too, so no service reaches into another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from typing import TypeVar

from sqlalchemy import update
from sqlalchemy.orm import Session

from ..content import Catalogus
from ..content.schema import Prompt, Template
from ..content.schema import Stap as Sjabloonstap
from ..storage import Database
from ..storage.models import Meeting, Participant, StepState, nu
from . import methode, overeenstemming
from .advies import omschrijving
from .fouten import Geweigerd, NietGevonden
from .gebeurtenissen import Gebeurtenis, Publisher, Soort
from .overgangen import Overlegstatus, Stapstatus
from .timer import Klok, verbruikt
from .toestand import Deelnemer, Optie, Stap, Vraag

F = TypeVar("F", bound=Callable[..., object])


def alleen_lezen(functie: F) -> F:
    """Marks a service method that only reads (through `lees()`) outside `Lezen`: the app may run
    it beside writes that wait for a locked database, as SQLite's WAL readers never wait."""
    functie.alleen_lezen = True  # type: ignore[attr-defined]
    return functie


_GEBEURTENISSEN = "buurtoverleg.gebeurtenissen"
"""Key in a write transaction's `Session.info`: the events that go out after its commit."""


class Eenheid:
    """Database, catalogue, publisher and clock, with the write/read transactions over them."""

    def __init__(
        self,
        db: Database,
        catalogus: Catalogus,
        publisher: Publisher,
        klok: Callable[[], datetime] = nu,
    ) -> None:
        self.db = db
        self.catalogus = catalogus
        self.publisher = publisher
        self.nu = klok

    # ------------------------------------------------------------------ transactions

    @contextmanager
    def schrijf(self) -> Iterator[Session]:
        """A write transaction; the events noted in it (`noteer`) go out once it has committed,
        so a page that hears one and reads again finds the change."""
        gebeurtenissen: list[Gebeurtenis] = []
        with self.db.transactie() as s:
            s.info[_GEBEURTENISSEN] = gebeurtenissen
            yield s
        for gebeurtenis in gebeurtenissen:
            self.publisher.publiceer(gebeurtenis)

    def noteer(self, s: Session, meeting_id: int, soort: Soort) -> None:
        """Raise the meeting's version in this transaction and publish the event after the commit.

        The raise is one SQL expression, so two writers never hand out the same number; a read
        of the meeting in any later transaction carries a version at least this high."""
        versie = s.scalar(
            update(Meeting)
            .where(Meeting.id == meeting_id)
            .values(version=Meeting.version + 1)
            .returning(Meeting.version)
            .execution_options(synchronize_session=False)
        )
        if versie is None:
            raise NietGevonden("Dit overleg bestaat niet (meer).")
        s.info[_GEBEURTENISSEN].append(Gebeurtenis(meeting_id, soort, versie))

    def lees(self) -> AbstractContextManager[Session]:
        """A plain read session: nothing is noted, nothing is published."""
        return self.db.lees()

    # ------------------------------------------------------------------ shared lookups

    def meeting(self, s: Session, meeting_id: int) -> Meeting:
        meeting = s.get(Meeting, meeting_id)
        if meeting is None:
            raise NietGevonden("Dit overleg bestaat niet (meer).")
        return meeting

    def template(self, template_id: str) -> Template:
        try:
            return self.catalogus.template(template_id)
        except KeyError:
            raise NietGevonden(f"Het sjabloon '{template_id}' bestaat niet (meer).") from None

    def template_stap(self, template: Template, stap_id: str) -> Sjabloonstap:
        """A step of the meeting's template, or an extra step added during the meeting."""
        for stap in template.stappen:
            if stap.id == stap_id:
                return stap
        if (extra := self.catalogus.extra_stap(stap_id)) is not None:
            return extra
        raise NietGevonden(f"De stap '{stap_id}' staat niet (meer) in het sjabloon.")

    def prompts(self, meeting: Meeting, stap: StepState) -> list[Prompt]:
        return list(self.template_stap(self.template(meeting.template_id), stap.step_id).prompts)

    def vind_prompt(self, meeting: Meeting, vraag_id: str) -> tuple[StepState, Prompt]:
        for stap in meeting.steps:
            for prompt in self.prompts(meeting, stap):
                if prompt.id == vraag_id:
                    return stap, prompt
        raise NietGevonden("Deze vraag hoort niet bij dit overleg.")

    def open_vraag(self, meeting: Meeting, vraag_id: str) -> tuple[StepState, Prompt]:
        """The prompt a phone answers, if the current step is open for input; else a refusal."""
        if meeting.status == Overlegstatus.GESLOTEN:
            raise Geweigerd("Dit overleg is afgelopen; er kan niets meer worden ingevoerd.")
        stap, prompt = self.vind_prompt(meeting, vraag_id)
        if (
            stap.status != Stapstatus.OPEN
            or meeting.current_step != stap.position
            or meeting.status != Overlegstatus.STAPPEN
        ):
            raise Geweigerd("Deze vraag is gesloten. Je antwoord is niet opgeslagen.")
        return stap, prompt

    def vraag(self, prompt: Prompt, stap: StepState | None = None) -> Vraag:
        """The prompt as the pages and the rules see it. A prompt whose options come from the
        advice (`uit_advies`) has the list frozen into its step when it opened, each with what
        it is; before that it has none (`voorstellijst`)."""
        if prompt.uit_advies is None:
            opties = tuple(Optie(i, self.catalogus.titel(i)) for i in self.catalogus.opties(prompt))
        else:
            voorgesteld = ((stap.proposed or {}) if stap is not None else {}).get(prompt.id, [])
            opties = tuple(
                Optie(i, self.catalogus.titel(i), omschrijving(self.catalogus.entries[i].item))
                for i in voorgesteld
                if i in self.catalogus.entries
            )
        return Vraag(
            id=prompt.id,
            type=prompt.type.value,
            vraag=prompt.vraag,
            opties=opties,
            blind=prompt.blind,
            schaal_min=prompt.schaal_min,
            schaal_max=prompt.schaal_max,
            schaal_labels=tuple(prompt.schaal_labels),
            stippen=prompt.stippen,
        )

    def stap(self, template: Template, st: StepState) -> Stap:
        bron = self.template_stap(template, st.step_id)
        klok = Klok(
            st.budget_seconds, verbruikt(st.used_seconds, st.running_since, self.nu()), st.running_since is not None
        )
        return Stap(
            positie=st.position,
            id=st.step_id,
            titel=bron.titel,
            uitleg=bron.uitleg,
            onderdeel=bron.onderdeel.value,
            status=st.status,
            ronde=st.round,
            klok=klok,
            vragen=tuple(self.vraag(p, st) for p in bron.prompts),
            inhoud=methode.stapinhoud(self.catalogus, template, bron),
            tip=methode.tip(self.catalogus, template, bron),
        )

    def drempels(self, meeting: Meeting) -> overeenstemming.Drempels:
        return overeenstemming.Drempels(**(meeting.thresholds or {}))

    def geordend(self, vraag: Vraag) -> bool:
        """A choice between fasen is an ordered scale: rust < ... < escalatie."""
        soorten = {self.catalogus.entries[o.id].soort for o in vraag.opties if o.id in self.catalogus.entries}
        return soorten == {"fase"}


def deelnemer(p: Participant) -> Deelnemer:
    return Deelnemer(p.id, p.name, p.organisation, p.domain, p.role, p.attendance, p.arrived)
