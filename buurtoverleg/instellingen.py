"""Settings: from command-line options, else environment variables, else safe defaults.

pydantic-settings reads the `BUURTOVERLEG_*` variables, lets explicit options win and checks
the types; what is left here is this app's own rules (which empty variables count as unset, a
retention period is a whole number of months) and messages a municipality's IT staff can act
on: in Dutch, naming the variable (`Instellingsfout`).

The storage secret signs the phones' cookies. If it changed on every start, every phone
would become a stranger after a restart, so when none is configured one is generated
once and kept in the data directory.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator
from pydantic_core import ErrorDetails
from pydantic_settings import BaseSettings, SettingsConfigDict

from .bestanden import schrijf_besloten

VERSIE = "0.1.0"
BEWAARWIJZEN = ("anonimiseren", "verwijderen")
"""What the retention period does with an old meeting (BUURTOVERLEG_BEWAREN); the first is the default."""


class Instellingsfout(ValueError):
    """A setting with a value the app cannot use; the message names the variable, in Dutch."""


class Instellingen(BaseSettings):
    # Every variable is named in full (no prefix) and matched exactly, as before: a lower-case
    # `buurtoverleg_port` is not the same variable.
    model_config = SettingsConfigDict(case_sensitive=True, frozen=True)

    host: str = Field("0.0.0.0", validation_alias="BUURTOVERLEG_HOST")
    port: int = Field(8080, validation_alias="BUURTOVERLEG_PORT")
    datamap: Path = Field(default_factory=lambda: Path.cwd() / "data", validation_alias="BUURTOVERLEG_DATA_DIR")
    database_url: str | None = Field(None, validation_alias="BUURTOVERLEG_DATABASE_URL")
    storage_secret: str | None = Field(None, validation_alias="BUURTOVERLEG_STORAGE_SECRET")
    content_dir: Path | None = Field(None, validation_alias="BUURTOVERLEG_CONTENT_DIR")
    admin_key: str | None = Field(None, validation_alias="BUURTOVERLEG_ADMIN_KEY")
    """The organiser's key (BUURTOVERLEG_ADMIN_KEY); without it, chosen once on first run."""
    publieke_url: str | None = Field(None, validation_alias="BUURTOVERLEG_PUBLIEKE_URL")
    """Base URL phones use (e.g. http://192.168.1.20:8080); guessed from the request when unset."""
    bewaartermijn_maanden: int | None = Field(None, validation_alias="BUURTOVERLEG_BEWAARTERMIJN_MAANDEN")
    """Retention period (BUURTOVERLEG_BEWAARTERMIJN_MAANDEN). Off by default: how long a dossier
    must or may be kept is the municipality's decision (Archiefwet, selectielijst, privacy
    statement), and a default here could quietly erase what it is obliged to keep."""
    bewaren: str = Field(BEWAARWIJZEN[0], validation_alias="BUURTOVERLEG_BEWAREN")
    """What happens after the retention period (BUURTOVERLEG_BEWAREN): anonimiseren or verwijderen."""

    @field_validator("database_url", "storage_secret", "content_dir", "admin_key", "publieke_url", mode="before")
    @classmethod
    def _leeg_is_niet_gezet(cls, waarde: Any) -> Any:
        """`BUURTOVERLEG_X=` (set but empty) means the same as not set."""
        return None if waarde == "" else waarde

    @field_validator("datamap", mode="before")
    @classmethod
    def _lege_datamap(cls, waarde: Any) -> Any:
        return Path.cwd() / "data" if waarde == "" else waarde

    @field_validator("port", mode="before")
    @classmethod
    def _poort(cls, waarde: Any) -> Any:
        if isinstance(waarde, str):
            try:
                return int(waarde)
            except ValueError:
                raise Instellingsfout(
                    f"BUURTOVERLEG_PORT is '{waarde}'; geef een poortnummer, een heel getal (bijvoorbeeld 8080)."
                ) from None
        return waarde

    @field_validator("bewaartermijn_maanden", mode="before")
    @classmethod
    def _maanden(cls, waarde: Any) -> Any:
        """Empty means off; anything else must be a whole number of at least one month."""
        if isinstance(waarde, str):
            if not waarde.strip():
                return None
            try:
                waarde = int(waarde.strip())
            except ValueError:
                raise Instellingsfout(
                    f"BUURTOVERLEG_BEWAARTERMIJN_MAANDEN is '{waarde}'; geef een heel aantal maanden "
                    "(bijvoorbeeld 24), of laat hem leeg."
                ) from None
        if waarde is not None and (isinstance(waarde, bool) or not isinstance(waarde, int) or waarde < 1):
            raise Instellingsfout(
                "De bewaartermijn (BUURTOVERLEG_BEWAARTERMIJN_MAANDEN) is een heel aantal maanden, "
                "minstens 1; laat hem leeg om niets automatisch op te ruimen."
            )
        return waarde

    @field_validator("bewaren", mode="before")
    @classmethod
    def _bewaarwijze(cls, waarde: Any) -> Any:
        if waarde == "":
            return BEWAARWIJZEN[0]
        if isinstance(waarde, str):
            waarde = waarde.strip().lower()
        if waarde not in BEWAARWIJZEN:
            raise Instellingsfout(f"BUURTOVERLEG_BEWAREN is '{waarde}'; kies {' of '.join(BEWAARWIJZEN)}.")
        return waarde

    @classmethod
    def uit_omgeving(cls, **overschrijf: object) -> Instellingen:
        """Environment first, then explicit options (None means: not given).

        Raises `Instellingsfout` (a ValueError) naming every wrong value, not only the first.
        """
        # Options go in under the variable's name, so they replace the environment's value
        # before anything is checked (pydantic-settings: arguments beat environment variables).
        opties: dict[str, Any] = {_variabele(k): v for k, v in overschrijf.items() if v is not None}
        try:
            return cls(**opties)
        except ValidationError as fout:
            raise Instellingsfout(" ".join(_beschrijf(f) for f in fout.errors())) from None

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
        pad = self.datamap / "storage_secret"
        if not pad.exists():
            schrijf_besloten(pad, secrets.token_urlsafe(32))
        return pad.read_text(encoding="utf-8").strip()


def _variabele(veld: str) -> str:
    """The environment variable of a setting (`port` -> BUURTOVERLEG_PORT); unknown names as given."""
    info = Instellingen.model_fields.get(veld)
    return info.validation_alias if info is not None and isinstance(info.validation_alias, str) else veld


def _beschrijf(fout: ErrorDetails) -> str:
    """One pydantic error as a line for the user: our own message, else the variable and value."""
    oorzaak = fout.get("ctx", {}).get("error")
    if isinstance(oorzaak, Instellingsfout):
        return str(oorzaak)
    naam = _variabele(str(fout["loc"][0])) if fout["loc"] else "een instelling"
    return f"{naam} is '{fout['input']}'; dat is geen geldige waarde ({fout['msg']})."
