"""SQLAlchemy models and engine; SQLite file by default, any SQLAlchemy URL."""

from .database import Database, upgrade

__all__ = ["Database", "upgrade"]
