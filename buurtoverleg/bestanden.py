"""Files only this app's user may read: the data directory, the database and its log, exports,
the phones' storage, the cookie secret and the organiser's key hash.

They hold names, organisations and what residents said. On a shared machine (a municipal
laptop with more accounts, a server) other users must not read them, also not for a moment
between creating a file and tightening it: so the process's umask is set before anything is
created (`besloten_datamap`), and the two secrets are created with their mode in one step.
"""

from __future__ import annotations

import os
from pathlib import Path

UMASK = 0o077
"""New files 0600, new folders 0700: for this user only."""


class Datamapfout(OSError):
    """The data directory cannot be made or written; the message says so in Dutch."""


def besloten_datamap(datamap: Path) -> None:
    """Before the app creates anything: new files and folders are private to this user, the data
    directory exists, is 0700 (also when an older version made it 0755) and can be written.

    Raises `Datamapfout` with a message an administrator can act on, instead of a traceback
    from deep inside SQLite or NiceGUI."""
    os.umask(UMASK)
    try:
        datamap.mkdir(parents=True, exist_ok=True)
        datamap.chmod(0o700)
        proef = datamap / f".schrijfproef-{os.getpid()}"
        proef.write_bytes(b"")
        proef.unlink()
    except OSError as fout:
        raise Datamapfout(
            f"De datamap {datamap} kan niet worden gemaakt of beschreven ({fout.strerror or fout}). "
            "Kies een map waarin deze gebruiker mag schrijven (--data-dir of BUURTOVERLEG_DATA_DIR), "
            "of geef deze gebruiker schrijfrechten op de map."
        ) from None


def schrijf_besloten(pad: Path, tekst: str) -> None:
    """Create `pad` readable for this user only from the first byte (not chmod afterwards);
    refuses to overwrite an existing file."""
    pad.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as bestand:
        bestand.write(tekst)
