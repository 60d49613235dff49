"""Cleaning what people type, at the domain boundary, with a Dutch reason when it will not do.

What is kept is exactly what the person typed, in any script: emoji with their joiners and
skin tones (👩🏽‍🦱), Arabic and Hebrew with their direction marks, letters Python does not
know yet. What goes is what nobody can see and what breaks files or screens:

- control characters (a null byte, a bell, ...): stored text must fit in XML (DOCX), PDF and
  a spreadsheet; a tab becomes a space;
- the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): invisible, and
  an unclosed override turns the text after it around on the console, the beamer and in the
  minutes ("Trojan Source"); the marks U+200E/U+200F that RTL writers use stay;
- lone surrogates and non-characters (U+FFFE, U+FFFF, ...), which no file format accepts.

Names and organisations are one line: a line break in them becomes a space.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from .fouten import Geweigerd

_WEG = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef"
    + "".join(chr(vlak * 0x10000 + 0xFFFE) + chr(vlak * 0x10000 + 0xFFFF) for vlak in range(17))
    + "]"
)
_REGELEINDE = re.compile("\r\n|[\r\u2028\u2029]")
_ONZICHTBAAR = {"Cc", "Cf", "Mn", "Me", "Zs", "Zl", "Zp"}


def tekst(waarde: Any, wat: str, maximum: int, verplicht: bool = True, *, regels: bool = True) -> str:
    """The cleaned text, or `Geweigerd` when it is not text, empty (if required) or too long.

    `regels=False`: one line (names, organisations).
    """
    if not isinstance(waarde, str):
        raise Geweigerd(f"{wat} moet tekst zijn.")
    if len(waarde) > 2 * maximum + 1000:  # a paste of megabytes is refused before it is read
        raise Geweigerd(_te_lang(wat, len(waarde), maximum))
    schoon = _REGELEINDE.sub("\n", waarde).replace("\t", " ")
    schoon = _WEG.sub("", schoon)
    if not regels:
        schoon = schoon.replace("\n", " ")
    schoon = schoon.strip()
    if verplicht and not any(unicodedata.category(ch) not in _ONZICHTBAAR for ch in schoon):
        raise Geweigerd(f"{wat} is leeg. Vul iets in.")
    if len(schoon) > maximum:
        raise Geweigerd(_te_lang(wat, len(schoon), maximum))
    return schoon


def _te_lang(wat: str, lengte: int, maximum: int) -> str:
    return f"{wat} is te lang ({_getal(lengte)} tekens); het mag hoogstens {_getal(maximum)} tekens zijn."


def _getal(n: int) -> str:
    """Dutch thousands: 5.000.000."""
    return f"{n:,}".replace(",", ".")
