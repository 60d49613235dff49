"""The join link as a QR code: SVG made on this machine, so no internet is needed."""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from urllib.parse import urlsplit

import ifaddr
import qrcode
import qrcode.image.svg

LOKAAL = frozenset({"localhost", "127.0.0.1", "::1"})
"""Names of this computer itself: no phone reaches them."""


@lru_cache(maxsize=64)
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
    if host in LOKAAL:
        lan = lan_adres()
        if lan:
            poort = f":{delen.port}" if delen.port else ""
            return f"{delen.scheme}://{lan}{poort}"
    return f"{delen.scheme}://{delen.netloc}"


def alleen_hier(host: str, publieke_url: str | None) -> bool:
    """True when the app listens on this computer only and no public address is set: then no
    phone can join, whatever address the QR code shows (the console warns)."""
    return host in LOKAAL and not publieke_url


@lru_cache(maxsize=1)
def lan_adres() -> str | None:
    """This machine's address in the local network, read from its interfaces (ifaddr);
    no network traffic and no name lookup, so it also works without any DNS."""
    kandidaten = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if not isinstance(ip.ip, str):
                continue  # IPv6: phones type and scan IPv4 more reliably
            adres = ipaddress.ip_address(ip.ip)
            if adres.is_loopback or adres.is_link_local:
                continue
            kandidaten.append((not adres.is_private, ip.ip))
    return min(kandidaten)[1] if kandidaten else None
