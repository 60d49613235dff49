"""SQLAlchemy models and engine; SQLite file by default, any SQLAlchemy URL."""

from .database import Database, DatabaseBezet, upgrade

__all__ = ["Database", "DatabaseBezet", "upgrade"]
