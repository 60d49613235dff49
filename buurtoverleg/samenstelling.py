"""The composition root of the domain: a `Dienst` with what it is handed from outside
`sessie` (the PIN hashing of `toegang`, the export files of `export`). The web app, the
command line, the demo, tests and benchmarks all build their domain here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from .content import Catalogus
from .export import Exportbestanden
from .sessie.dienst import Dienst
from .sessie.gebeurtenissen import Publisher
from .sessie.rolcontrole import Organisatorcontrole
from .storage import Database
from .storage.models import nu
from .toegang import Scrypt


def maak_dienst(
    db: Database,
    catalogus: Catalogus,
    publisher: Publisher,
    klok: Callable[[], datetime] = nu,
    *,
    organisatorcontrole: Organisatorcontrole | None = None,
) -> Dienst:
    return Dienst(
        db,
        catalogus,
        publisher,
        klok,
        geheimen=Scrypt(),
        archivering=Exportbestanden(),
        organisatorcontrole=organisatorcontrole,
    )
