"""The order of the proposals on the console: new advice never moves them under the cursor.

Every reveal and settled outcome recomputes the advice (see `Deel.ADVIES`). If the new
ranking replaced the list at once, the item the facilitator is about to click could jump
away. So the list keeps the order it showed; new proposals join at the bottom, proposals
that left the advice stay until the order is refreshed, and the page offers the new order
with a quiet "Advies bijgewerkt" that the facilitator accepts when it suits.
"""

from __future__ import annotations

from ..sessie.advies import Voorstel


class VasteVolgorde:
    """The shown order of one console's proposal list, and the newest order behind it."""

    def __init__(self) -> None:
        self.getoond: list[str] = []
        self.nieuwste: list[str] = []
        self._laatst: dict[str, Voorstel] = {}

    def werk_bij(self, voorstellen: list[Voorstel]) -> None:
        """Take the newest advice: contents update in place, the order only at the bottom."""
        for voorstel in voorstellen:
            self._laatst[voorstel.id] = voorstel
        self.nieuwste = [v.id for v in voorstellen]
        if not self.getoond:
            self.getoond = list(self.nieuwste)
        else:
            self.getoond += [i for i in self.nieuwste if i not in self.getoond]

    @property
    def bijgewerkt(self) -> bool:
        """The advice ranks differently from what is shown."""
        return self.getoond != self.nieuwste

    def neem_over(self) -> None:
        """Show the newest order (the facilitator asked for it)."""
        self.getoond = list(self.nieuwste)

    def lijst(self) -> list[Voorstel]:
        return [self._laatst[i] for i in self.getoond]
