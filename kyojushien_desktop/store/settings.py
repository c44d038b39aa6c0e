"""The settings table: the municipality's own facts, which travel with the data file."""

from __future__ import annotations

from kyojushien_desktop.store.database import Database


def read_all(database: Database) -> dict[str, str]:
    return {row["key"]: row["value"] for row in database.read("SELECT key, value FROM settings")}


def write(database: Database, values: dict[str, str]) -> None:
    """Caller holds the transaction (``database.atomic()``)."""
    database.db["settings"].upsert_all([{"key": key, "value": value} for key, value in values.items()], pk="key")
