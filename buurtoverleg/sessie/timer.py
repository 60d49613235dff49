"""Step timer arithmetic. Stored as seconds used plus the start of the current run, so
the time on the projector is always derived and survives a restart unchanged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Klok:
    budget: int
    verbruikt: float
    loopt: bool

    @property
    def resterend(self) -> float:
        """Negative once past the budget: the overrun, shown but never enforced."""
        return self.budget - self.verbruikt

    @property
    def over_tijd(self) -> bool:
        return self.verbruikt > self.budget


def verbruikt(used_seconds: float, running_since: datetime | None, nu: datetime) -> float:
    if running_since is None:
        return used_seconds
    return used_seconds + max(0.0, (nu - running_since).total_seconds())


def mmss(seconden: float) -> str:
    """'04:05', or '-01:30' for an overrun."""
    teken = "-" if seconden < 0 else ""
    s = int(abs(seconden) + (0.999 if seconden > 0 else 0))
    return f"{teken}{s // 60:02d}:{s % 60:02d}"
