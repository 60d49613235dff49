"""Settings: from command-line options, else environment variables, else safe defaults.

The storage secret signs the phones' cookies. If it changed on every start, every phone
would become a stranger after a restart, so when none is configured one is generated
once and kept in the data directory.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

VERSIE = "0.1.0"
BEWAARWIJZEN = ("anonimiseren", "verwijderen")
"""What the retention period does with an old meeting (BUURTOVERLEG_BEWAREN); the first is the default."""


def _standaard_datamap() -> Path:
    return Path(os.environ.get("BUURTOVERLEG_DATA_DIR") or Path.cwd() / "data")


@dataclass(frozen=True)
class Instellingen:
    host: str = "0.0.0.0"
    port: int = 8080
    datamap: Path = field(default_factory=_standaard_datamap)
    database_url: str | None = None
    storage_secret: str | None = None
    content_dir: Path | None = None
    admin_key: str | None = None
    """The organiser's key (BUURTOVERLEG_ADMIN_KEY); without it, chosen once on first run."""
    publieke_url: str | None = None
    """Base URL phones use (e.g. http://192.168.1.20:8080); guessed from the request when unset."""
    bewaartermijn_maanden: int | None = None
    """Retention period (BUURTOVERLEG_BEWAARTERMIJN_MAANDEN). Off by default: how long a dossier
    must or may be kept is the municipality's decision (Archiefwet, selectielijst, privacy
    statement), and a default here could quietly erase what it is obliged to keep."""
    bewaren: str = BEWAARWIJZEN[0]
    """What happens after the retention period (BUURTOVERLEG_BEWAREN): anonimiseren or verwijderen."""

    def __post_init__(self) -> None:
        if self.bewaartermijn_maanden is not None and (
            isinstance(self.bewaartermijn_maanden, bool)
            or not isinstance(self.bewaartermijn_maanden, int)
            or self.bewaartermijn_maanden < 1
        ):
            raise ValueError(
                "De bewaartermijn (BUURTOVERLEG_BEWAARTERMIJN_MAANDEN) is een heel aantal maanden, "
                "minstens 1; laat hem leeg om niets automatisch op te ruimen."
            )
        if self.bewaren not in BEWAARWIJZEN:
            raise ValueError(f"BUURTOVERLEG_BEWAREN is '{self.bewaren}'; kies {' of '.join(BEWAARWIJZEN)}.")

    @classmethod
    def uit_omgeving(cls, **overschrijf: object) -> Instellingen:
        """Environment first, then explicit options (None means: not given)."""
        env = os.environ
        waarden: dict[str, object] = {
            "host": env.get("BUURTOVERLEG_HOST", "0.0.0.0"),
            "port": int(env.get("BUURTOVERLEG_PORT", "8080")),
            "datamap": _standaard_datamap(),
            "database_url": env.get("BUURTOVERLEG_DATABASE_URL") or None,
            "storage_secret": env.get("BUURTOVERLEG_STORAGE_SECRET") or None,
            "content_dir": Path(env["BUURTOVERLEG_CONTENT_DIR"]) if env.get("BUURTOVERLEG_CONTENT_DIR") else None,
            "publieke_url": env.get("BUURTOVERLEG_PUBLIEKE_URL") or None,
            "admin_key": env.get("BUURTOVERLEG_ADMIN_KEY") or None,
            "bewaartermijn_maanden": _maanden(env.get("BUURTOVERLEG_BEWAARTERMIJN_MAANDEN")),
            "bewaren": (env.get("BUURTOVERLEG_BEWAREN") or BEWAARWIJZEN[0]).strip().lower(),
        }
        waarden.update({k: v for k, v in overschrijf.items() if v is not None})
        return cls(**waarden)  # type: ignore[arg-type]

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.datamap / 'buurtoverleg.sqlite').resolve()}"

    @property
    def exportmap(self) -> Path:
        return self.datamap / "exports"

    def geheim(self) -> str:
        """The cookie-signing secret: configured, or generated once and kept."""
        if self.storage_secret:
            return self.storage_secret
        self.datamap.mkdir(parents=True, exist_ok=True)
        pad = self.datamap / "storage_secret"
        if not pad.exists():
            pad.write_text(secrets.token_urlsafe(32), encoding="utf-8")
            pad.chmod(0o600)
        return pad.read_text(encoding="utf-8").strip()


def _maanden(waarde: str | None) -> int | None:
    """BUURTOVERLEG_BEWAARTERMIJN_MAANDEN: empty means off; anything else must be a whole number."""
    if waarde is None or not waarde.strip():
        return None
    try:
        return int(waarde.strip())
    except ValueError:
        raise ValueError(
            f"BUURTOVERLEG_BEWAARTERMIJN_MAANDEN is '{waarde}'; geef een heel aantal maanden "
            "(bijvoorbeeld 24), of laat hem leeg."
        ) from None
