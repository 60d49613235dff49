"""A guard in front of NiceGUI's socket events: per connection a rate limit, the shape of each
message checked, and an event only for the page of the connection it came from.

NiceGUI routes a socket message by the client id and element id in it, not by the connection
it arrived on, and a malformed one ends in a traceback in the log (issue 21: a participant's
phone sent 1,000 made-up events in 3 s, 1.3 MB of log, and with ids copied from a
facilitator's page it could have started the meeting). Here, before NiceGUI sees a message:

- a connection gets `TEGOED` messages at once and `PER_SECONDE` after that (a token bucket);
  beyond it messages are dropped. Typing sends one message per key, a person far fewer;
- a message must have the shape NiceGUI sends, name an element and listener that exist on
  its page, and come from a connection that did that page's handshake (the socket joined
  the room named after its client). Anything else is dropped;
- the browser's own log messages are dropped: their text comes from the page, which may be
  what someone typed, and the log holds no typed text;
- what was dropped is logged once per connection, without ids or content.

`AFZENDER` holds, while NiceGUI handles a message, the client whose connection sent it; the
pages' action wrapper (`gedeeld.doe`) checks it against the page the action belongs to.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from nicegui import Client, core

log = logging.getLogger("buurtoverleg.socket")

TEGOED = 60.0
"""Messages a connection may send at once (a burst of typing, a page's first round of events)."""
PER_SECONDE = 20.0
"""Messages per second a connection gets back after that."""
MAX_VERBINDINGEN = 10_000

AFZENDER: ContextVar[Client | None] = ContextVar("buurtoverleg_afzender", default=None)
"""The client whose own connection sent the socket message being handled; None outside one."""

_BEWAAKT = ("event", "javascript_response", "ack", "log")


@dataclass
class _Verbinding:
    tegoed: float = TEGOED
    tijd: float = field(default_factory=time.monotonic)
    gemeld: bool = False

    def neem(self, nu: float) -> bool:
        self.tegoed = min(TEGOED, self.tegoed + (nu - self.tijd) * PER_SECONDE)
        self.tijd = nu
        if self.tegoed < 1:
            return False
        self.tegoed -= 1
        return True


_verbindingen: dict[str, _Verbinding] = {}


def installeer() -> None:
    """Put the guard in front of NiceGUI's handlers (once; NiceGUI registered them at import)."""
    handlers = core.sio.handlers["/"]
    if getattr(handlers["event"], "buurtoverleg_wacht", False):
        return
    for naam in _BEWAAKT:
        handlers[naam] = _bewaak(naam, handlers[naam])
    handlers["disconnect"] = _vergeet(handlers["disconnect"])


def _bewaak(naam: str, origineel: Callable[..., Any]) -> Callable[..., Any]:
    def bewaakt(sid: str, msg: Any, *rest: Any) -> Any:
        client, reden = _controleer(naam, sid, msg)
        if client is None:
            if reden:
                _meld(sid, reden)
            return None
        teken = AFZENDER.set(client)
        try:
            return origineel(sid, msg, *rest)
        finally:
            AFZENDER.reset(teken)

    bewaakt.buurtoverleg_wacht = True  # type: ignore[attr-defined]
    return bewaakt


def _controleer(naam: str, sid: str, msg: Any) -> tuple[Client | None, str]:
    """The client a message may go to, or None and why not ('' when dropping it is normal)."""
    verbinding = _verbindingen.get(sid)
    if verbinding is None:
        if len(_verbindingen) >= MAX_VERBINDINGEN:
            _verbindingen.pop(next(iter(_verbindingen)))
        verbinding = _verbindingen[sid] = _Verbinding()
    if not verbinding.neem(time.monotonic()):
        return None, "te veel berichten"
    if naam == "log":
        return None, "browsermelding (tekst niet gelogd)"
    if not isinstance(msg, dict) or not isinstance(msg.get("client_id"), str):
        return None, "onleesbaar bericht"
    client = Client.instances.get(msg["client_id"])
    if client is None:
        return None, ""  # a page that is gone (a reload); NiceGUI ignores these too
    if client.id not in core.sio.rooms(sid):
        return None, "bericht voor een pagina van een andere verbinding"
    if naam == "event" and not _bekend_event(client, msg):
        return None, "onbekend of onleesbaar event"
    if naam == "ack" and not isinstance(msg.get("next_message_id"), int):
        return None, "onleesbare bevestiging"
    return client, ""


def _bekend_event(client: Client, msg: dict[str, Any]) -> bool:
    element = client.elements.get(msg.get("id"))  # type: ignore[arg-type]
    if element is None:
        return False
    if msg.get("listener_id") not in element._event_listeners:  # NiceGUI keeps them there
        return False
    args = msg.get("args", [])
    return isinstance(args, list) and all(a is None or isinstance(a, str) for a in args)


def _meld(sid: str, reden: str) -> None:
    verbinding = _verbindingen.get(sid)
    if verbinding is None or verbinding.gemeld:
        return
    verbinding.gemeld = True
    log.warning("socketbericht genegeerd: %s (verdere van deze verbinding worden niet gelogd)", reden)


def _vergeet(origineel: Callable[..., Any]) -> Callable[..., Any]:
    def vergeet(sid: str, *rest: Any) -> Any:
        _verbindingen.pop(sid, None)
        return origineel(sid, *rest)

    return vergeet
