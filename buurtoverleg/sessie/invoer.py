"""Cleaning what people type, at the domain boundary, with a Dutch reason when it will not do."""

from __future__ import annotations

from typing import Any

from .fouten import Geweigerd


def tekst(waarde: Any, wat: str, maximum: int, verplicht: bool = True) -> str:
    if not isinstance(waarde, str):
        raise Geweigerd(f"{wat} moet tekst zijn.")
    schoon = "".join(ch for ch in waarde if ch == "\n" or ch.isprintable()).strip()
    if verplicht and not schoon:
        raise Geweigerd(f"{wat} is leeg. Vul iets in.")
    if len(schoon) > maximum:
        raise Geweigerd(f"{wat} is te lang ({len(schoon)} tekens); het mag hoogstens {maximum} tekens zijn.")
    return schoon
