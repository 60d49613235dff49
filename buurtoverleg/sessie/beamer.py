"""What the wall shows besides the meeting itself: on black or not, and which page of a long list.

This is meeting state shown on another client (the facilitator decides on the console, the
beamer obeys), so it is stored with the meeting and announced like every other change
(event 'beamer'), never passed from page to page.
"""

from __future__ import annotations

from ..storage.models import Meeting
from .eenheid import Eenheid
from .fouten import Geweigerd

MAX_PAGINA = 1_000_000
"""A page number beyond any list; the beamer takes the page number modulo its number of pages."""


class Beamer:
    def __init__(self, eenheid: Eenheid) -> None:
        self.eenheid = eenheid

    def zwart(self, meeting: Meeting, aan: bool) -> None:
        """'Beamer op zwart': the room looks at each other, not at the wall; and back."""
        meeting.screen_blank = aan

    def blader(self, meeting: Meeting, pagina: int | None) -> None:
        """Show page `pagina` (from 0) of the step's long lists; None lets the pages turn by themselves."""
        if pagina is not None and not 0 <= pagina <= MAX_PAGINA:
            raise Geweigerd("Die pagina bestaat niet.")
        meeting.screen_page = pagina
