"""`content check`: every error in the content, then the number of items per kind."""

from __future__ import annotations

import sys

from .catalogus import Catalogus


def controleer(catalogus: Catalogus) -> int:
    """Print the report; 1 when the content has errors, else 0 (the exit code)."""
    for fout in catalogus.fouten:
        print(f"FOUT {fout}", file=sys.stderr)
    for soort, aantal in sorted(catalogus.tellingen().items()):
        print(f"{soort}: {aantal}")
    return 1 if catalogus.fouten else 0
