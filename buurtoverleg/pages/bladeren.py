"""Long lists on the beamer come in pages ("signalen 1–8 van 20") that turn by themselves, or
that the facilitator turns from the console.

Which page shows is a function of the clock and the facilitator's choice only, so the beamer
and the console's preview (two clients) show the same page without talking to each other:
without a choice the page number is the number of `BLADER_SECONDEN` periods since the epoch;
a choice (`Vergadering.beamer_pagina`, stored by the domain) pins it. Each list shows that
number modulo its own number of pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

BLADER_SECONDEN = 12
"""How long a page stays up when nobody turns it: time to read eight short signals."""
RONDE = 720_720
"""The automatic page number wraps here; it is divisible by every list length up to 16 pages,
so no list skips a page at the wrap."""


def paginanummer(gekozen: int | None, nu: float) -> int:
    """The page number the beamer shows now (before taking it modulo a list's pages)."""
    if gekozen is not None:
        return gekozen
    return int(nu // BLADER_SECONDEN) % RONDE


@dataclass(frozen=True)
class Blad(Generic[T]):
    """One page of a list: its items and where they stand in the whole."""

    items: tuple[T, ...]
    eerste: int
    """Position of the first item, from 1."""
    totaal: int
    pagina: int
    """From 0."""
    paginas: int

    def kop(self, enkelvoud: str, meervoud: str) -> str:
        """'signalen 1–8 van 20'; just the count ('1 signaal') when everything is on one page."""
        if self.paginas <= 1:
            return f"{self.totaal} {enkelvoud if self.totaal == 1 else meervoud}"
        return f"{meervoud} {self.eerste}–{self.eerste + len(self.items) - 1} van {self.totaal}"


def blad(items: Sequence[T], per_pagina: int, paginanummer: int) -> Blad[T]:
    """The page `paginanummer` (modulo the number of pages) of `items`, at most `per_pagina` at
    a time, the pages as even as they come: eleven options in pages of ten are 6 and 5, not 10
    and a lonely 1."""
    paginas = max(1, -(-len(items) // max(1, per_pagina)))
    per_pagina = max(1, -(-len(items) // paginas))
    pagina = paginanummer % paginas
    begin = pagina * per_pagina
    return Blad(tuple(items[begin : begin + per_pagina]), begin + 1, len(items), pagina, paginas)
