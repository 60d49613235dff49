"""The beamer fits every wall: type follows the window, and a small local script shrinks the
view until it fits (static/passend.js; no library does this job for a live NiceGUI page).

Every size on the beamer is in rem (Tailwind's text-* classes are rem), so the script only
sets the root font size: the largest one, between a minimum for the back of the room and a
maximum, at which the page does not scroll and no label is wider than its box. Long lists do
not have to shrink below the minimum: they are paged (`bladeren`).

Minimum sizes, as a share of the window height (a projector throws 768 or 2160 pixels onto
the same wall, so the share is what the back row sees): 1 rem >= 1.6 % of the height, so the
smallest text on the beamer (text-2xl: counts, who sent a signal, the join line) is >= 2.4 %
(26 px at 1080p, 18 px at 768) and the main text (text-3xl: signals, options, explanations)
is >= 3 % (32 px at 1080p, 23 px at 768). A portrait or very narrow window caps rem at 1.6 %
of the width.
"""

from __future__ import annotations

import json
from pathlib import Path

from nicegui import ui

REM_MIN = 0.016
"""1 rem as a share of the window height, at least (see the module's docstring)."""
REM_MAX = 0.026
"""1 rem at most: large enough for a nearly empty view, small enough to stay calm."""
REM_MIN_BREED = 0.016
REM_MAX_BREED = 0.02
"""The same against the window width: on 4:3 and narrower windows the width decides."""
NOODSTOP = 0.5
"""How far below the minimum the script may go rather than cut text (it flags it when it does)."""

_SCRIPT = (Path(__file__).parent / "static" / "passend.js").read_text(encoding="utf-8")

CSS = """
<style>
  .nicegui-content { padding: 0 !important; }
  .q-page { min-height: 0 !important; }
  .beamer { position: fixed; inset: 0; display: flex; flex-direction: column; gap: 0.75rem;
            padding: 1rem 2rem 1rem 2rem; line-height: 1.2; overflow-wrap: anywhere; }
  .beamer .beamer-rest { flex: 1 1 0; min-height: 0; }
  .beamer-kort .beamer-detail { display: none !important; }
  .beamer-zwart { position: fixed; inset: 0; background: #000; z-index: 6000; }
  :fullscreen .volscherm-knop { display: none; }
</style>
"""
"""`.beamer` is fixed to the window: its box has the window's size in the same frame as a
resize, with no wait for Quasar's page (which learns the new height a moment later). What does
not fit makes its content taller or wider than that box, and the script shrinks the type;
at the smallest type `.beamer-detail` (the method's explanations) gives way. `.beamer-rest` is the flexible box that takes the height left
over, for a picture that sizes itself to it. `overflow-wrap: anywhere` lets a long word wrap
instead of widening a column."""


def pas_op_scherm() -> None:
    """Add the fit step to the current page; its view goes in an element with class `beamer`."""
    instellingen = {
        "min": REM_MIN,
        "max": REM_MAX,
        "minBreed": REM_MIN_BREED,
        "maxBreed": REM_MAX_BREED,
        "noodstop": NOODSTOP,
    }
    ui.add_head_html(CSS)
    ui.add_body_html(f"<script>window.BEAMER_PAS = {json.dumps(instellingen)};\n{_SCRIPT}</script>")
