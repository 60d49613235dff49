"""Which open disagreement first? One number to sort the facilitator's list.

Ranking -> `gewicht`: one number in [0, 1] to sort the facilitator's list of open
disagreements.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .domeinen import DomeinVerschil, DomeinVerschilKeuze
from .drempels import Drempels
from .spreiding import KeuzeUitslag, OrdinaalUitslag


def gewicht(
    uitslag: OrdinaalUitslag | KeuzeUitslag,
    verschillen: Sequence[DomeinVerschil | DomeinVerschilKeuze] = (),
    drempels: Drempels = Drempels(),
) -> float:
    """How much an open disagreement matters, in [0, 1], to sort the facilitator's list::

        gewicht = n / (n + h) * ((1 - a) * V + a * G)

        V  room-wide disagreement: `uitslag.verdeeldheid` (1 - Cns for a scale)
        G  largest flagged domain distance, normalised to [0, 1]: for a scale
           afstand / (maximum - minimum), for a choice the afstand itself; 0 without
           flagged pairs (pass only the output of the domeinverschillen functions, so
           differences below the domain threshold do not count)
        a  drempels.gewicht_domein (0.3),  h  drempels.gewicht_halve_omvang (3),
        n  number of answers.

    Why: the spread of the whole room is the main signal (0.7); a systematic difference
    between domains adds to it (0.3) because it is what the method asks to discuss, and
    it can lift a question whose room-wide spread looks modest (one police officer at
    "escalatie" among social workers at "rust"). The size factor n / (n + h) (3 answers ->
    0.5, 10 -> 0.77, 40 -> 0.93) ranks a split of a full room above the same split between
    a few people, without letting the largest question dominate. A weighted sum with a
    multiplicative size factor is easy to explain at the table and stays in [0, 1].
    """
    n = uitslag.aantal
    if n <= 0:
        return 0.0
    if isinstance(uitslag, OrdinaalUitslag):
        breedte = uitslag.maximum - uitslag.minimum
        schaal = float(breedte) if breedte > 0 else math.inf
    else:
        schaal = 1.0
    afstanden = [v.afstand / schaal for v in verschillen]
    g = min(1.0, max(afstanden, default=0.0))
    v = min(1.0, max(0.0, uitslag.verdeeldheid))
    a = drempels.gewicht_domein
    omvang = n / (n + drempels.gewicht_halve_omvang)
    return min(1.0, max(0.0, omvang * ((1.0 - a) * v + a * g)))
