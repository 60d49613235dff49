"""`python -m buurtoverleg.content [DIR]`: the same as `buurtoverleg content check [DIR]`.

It does not go through the command line module, which imports this package: no cycle."""

import sys
from pathlib import Path

from ..instellingen import Instellingen, Instellingsfout
from .catalogus import laad
from .controle import controleer

try:
    extra = Path(sys.argv[1]) if len(sys.argv) > 1 else Instellingen.uit_omgeving().content_dir
except Instellingsfout as fout:  # as the command line says it
    print(f"fout: {fout}", file=sys.stderr)
    sys.exit(2)
sys.exit(controleer(laad(extra)))
