"""The join link as a QR code: SVG made on this machine, so no internet is needed."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import qrcode
import qrcode.image.svg


def svg(data: str) -> str:
    """An SVG that scales with its box (viewBox, no fixed size)."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    tekst = image.to_string(encoding="unicode")
    return tekst.replace('width="', 'data-width="', 1).replace('height="', 'data-height="', 1)


def basis_url(aangevraagd: str, ingesteld: str | None) -> str:
    """The address phones must use. A projector opened as localhost would otherwise put
    'localhost' in the QR code, which no phone can reach; then use this machine's LAN address."""
    if ingesteld:
        return ingesteld.rstrip("/")
    delen = urlsplit(aangevraagd)
    host = delen.hostname or "localhost"
    if host in ("localhost", "127.0.0.1", "::1"):
        lan = lan_adres()
        if lan:
            poort = f":{delen.port}" if delen.port else ""
            return f"{delen.scheme}://{lan}{poort}"
    return f"{delen.scheme}://{delen.netloc}"


def lan_adres() -> str | None:
    try:
        _, _, adressen = socket.gethostbyname_ex(socket.gethostname())
    except OSError:
        return None
    for adres in adressen:
        if not adres.startswith("127."):
            return adres
    return None
