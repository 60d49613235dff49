"""`buurtoverleg backup`: a consistent copy of the SQLite database, also while the app runs.

The app keeps SQLite in WAL mode: recent commits live in `buurtoverleg.sqlite-wal` until a
checkpoint moves them into the main file. Copying the main file alone can therefore miss
answers, or catch it halfway through a checkpoint. SQLite's online backup API (Python's
`sqlite3.Connection.backup`) copies a consistent snapshot page by page and lets the app
keep writing meanwhile. The copy is written under a temporary name, checked with
`PRAGMA integrity_check`, and only then given its final name, so a half-written file never
looks like a backup.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url


def maak_backup(db_url: str, doel: str | Path, *, nu: datetime | None = None) -> Path:
    """Copy the database at `db_url` to `doel`; returns the file. `doel` is a file name, or a
    directory (an existing one, or any path ending in '/', which is then created).

    Refuses with a Dutch `ValueError` for a non-SQLite database (use that database's own
    tool, e.g. pg_dump), a missing source, or an existing target (never overwritten).
    """
    url = make_url(db_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise ValueError(
            "backup werkt alleen voor een SQLite-bestand; gebruik voor een andere database "
            "het eigen gereedschap daarvan (bijvoorbeeld pg_dump)"
        )
    bron = Path(url.database)
    if not bron.is_file():
        raise ValueError(f"de database '{bron}' bestaat niet")
    is_map = str(doel).endswith(("/", os.sep)) or Path(doel).is_dir()
    doel = Path(doel)
    if is_map:
        doel.mkdir(parents=True, exist_ok=True)
        doel = doel / f"buurtoverleg-{(nu or datetime.now()):%Y-%m-%d-%H%M%S}.sqlite"
    if doel.exists():
        raise ValueError(f"'{doel}' bestaat al; kies een andere naam")
    doel.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = doel.with_name(doel.name + ".bezig")
    tijdelijk.unlink(missing_ok=True)
    try:
        bronverbinding = sqlite3.connect(bron, timeout=15)
        try:
            kopie = sqlite3.connect(tijdelijk)
            try:
                bronverbinding.backup(kopie)
                kopie.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
                uitslag = kopie.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                kopie.close()
        finally:
            bronverbinding.close()
        if uitslag != "ok":
            raise ValueError(f"de kopie is niet in orde ({uitslag}); probeer het opnieuw")
        os.replace(tijdelijk, doel)
    finally:
        tijdelijk.unlink(missing_ok=True)
    return doel
