"""The method as data: schema and loader for `content/`."""

from .catalogus import Catalogus, Entry, Fout, laad

__all__ = ["Catalogus", "Entry", "Fout", "laad"]
