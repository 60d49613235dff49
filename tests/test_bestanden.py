"""Files only this user may read, from the first byte (issue 21), and a Dutch message when the
data directory cannot be written."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from buurtoverleg import cli
from buurtoverleg.app import KOEKJE_DAGEN, koekje
from buurtoverleg.bestanden import Datamapfout, besloten_datamap
from buurtoverleg.instellingen import Instellingen
from buurtoverleg.storage import Database, upgrade


@pytest.fixture
def ruime_umask() -> Iterator[None]:
    """A umask as on a default desktop (files 0644, folders 0755); restored afterwards."""
    oud = os.umask(0o022)
    yield
    os.umask(oud)


def _modus(pad: Path) -> int:
    return stat.S_IMODE(pad.stat().st_mode)


def test_datamap_database_log_en_geheim_alleen_voor_deze_gebruiker(tmp_path, ruime_umask):
    datamap = tmp_path / "data"
    datamap.mkdir(mode=0o755)  # made by an older version
    besloten_datamap(datamap)
    instellingen = Instellingen.uit_omgeving(datamap=datamap)
    db = Database(instellingen.db_url)
    upgrade(db.engine)
    with db.engine.connect() as verbinding:  # the WAL file exists while a connection is open
        verbinding.exec_driver_sql("SELECT 1")
        instellingen.geheim()
        (instellingen.exportmap / "sub").mkdir(parents=True)
        (instellingen.exportmap / "notulen.pdf").write_bytes(b"%PDF")
        bestanden = [p for p in datamap.rglob("*") if p.is_file()]
        mappen = [datamap, *(p for p in datamap.rglob("*") if p.is_dir())]
        assert {p.name for p in bestanden} >= {"buurtoverleg.sqlite", "buurtoverleg.sqlite-wal", "storage_secret"}
        assert {p.name: _modus(p) for p in bestanden} == {p.name: 0o600 for p in bestanden}
        assert {str(p): _modus(p) for p in mappen} == {str(p): 0o700 for p in mappen}
    db.engine.dispose()


def test_onbeschrijfbare_datamap_geeft_een_nederlandse_melding(tmp_path, capsys, ruime_umask):
    blokkade = tmp_path / "bestand"
    blokkade.write_text("geen map")
    with pytest.raises(Datamapfout, match=r"De datamap .* kan niet worden gemaakt of beschreven"):
        besloten_datamap(blokkade / "data")
    assert cli.main(["serve", "--data-dir", str(blokkade / "data")]) == 2
    fout = capsys.readouterr().err
    assert fout.startswith("fout: De datamap") and "--data-dir" in fout and "Traceback" not in fout


def test_koekje_secure_achter_https_en_een_week_geldig():
    assert koekje(Instellingen.uit_omgeving(publieke_url="https://overleg.gemeente.nl"))["https_only"] is True
    gewoon = koekje(Instellingen.uit_omgeving(publieke_url="http://192.168.1.20:8080"))
    assert gewoon["https_only"] is False and gewoon["same_site"] == "lax"
    assert gewoon["max_age"] == KOEKJE_DAGEN * 24 * 3600 == 7 * 24 * 3600
