"""Join codes and secret links."""

import secrets

# No 0/O, 1/I/L, 5/S, 2/Z, 8/B: people read the code off a projector and type it on a phone.
ALFABET = "ACDEFGHJKMNPQRTUVWXY34679"
LENGTE = 6


def join_code() -> str:
    return "".join(secrets.choice(ALFABET) for _ in range(LENGTE))


def normaliseer_code(invoer: str) -> str:
    """Accept lower case, spaces and dashes as people type them."""
    return "".join(ch for ch in invoer.upper() if ch.isalnum())[:20]


def token() -> str:
    """An unguessable link part for the facilitator, projector and secretary pages."""
    return secrets.token_urlsafe(24)
