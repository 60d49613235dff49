"""Sizes on the beamer, in rem: the fit step (`passend`) scales rem to the window, so a
picture drawn in rem grows and shrinks with the text around it and never pushes it off the
wall. Pictures first drawn in viewport units convert here, with the README's floor for text.
"""

from __future__ import annotations

REM_PER_VH = 0.625
"""At the fit step's smallest type, 1 rem is 1.6 % of the window's height: 1 vh is 0.625 rem."""

KLEINSTE_TEKST = 1.5
"""No text on the beamer is smaller than Tailwind's text-2xl (1.5 rem): 2.4 % of the height at
the smallest type, readable from the back row (the README's stated minimum)."""


def maat(vh: float) -> str:
    """A length given as a share of the height, as rem."""
    return f"{vh * REM_PER_VH:.3f}rem"


def tekstmaat(vh: float) -> str:
    """A font size given as a share of the height, as rem, never below the back row's minimum."""
    return f"{max(vh * REM_PER_VH, KLEINSTE_TEKST):.3f}rem"
