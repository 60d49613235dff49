"""The app context: what every page needs. Its own module so the pages can import it without
going through `app` (which imports the pages)."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import content
from .aanmeldgrens import Aanmeldgrens
from .instellingen import Instellingen
from .live import NiceGuiPublisher
from .sessie.dienst import Dienst
from .storage import Database
from .toegang import Organisator, Remmer


@dataclass
class Context:
    """What every page needs; handed to the page modules when they register."""

    instellingen: Instellingen
    db: Database
    catalogus: content.Catalogus
    dienst: Dienst
    publisher: NiceGuiPublisher
    organisator: Organisator
    remmer: Remmer
    """Failed join codes and organiser logins, per client address."""
    aanmeldgrens: Aanmeldgrens = field(default_factory=Aanmeldgrens)
    """Joins per client address (fair use; a whole room shares one router's address)."""
