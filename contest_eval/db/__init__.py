"""The store: SQLAlchemy 2.x models over SQLite (WAL) or any SQLAlchemy URL."""
