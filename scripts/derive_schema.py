"""Writes resources/schema.json: the tables, columns and indexes each schema version defines,
derived by running the migrations on an empty file in memory (store.integrity.derive_schema).
Run it after adding a migration step; tests/store/test_integrity.py says when it is due.

    python scripts/derive_schema.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kyojushien_desktop.store.integrity import derive_schema  # noqa: E402
from kyojushien_desktop.store.migrations import SCHEMA_VERSION  # noqa: E402


def derived() -> dict[str, dict]:
    return {
        str(version): {"tables": {t: list(c) for t, c in schema.tables.items()}, "indexes": schema.indexes}
        for version in range(1, SCHEMA_VERSION + 1)
        for schema in [derive_schema(version)]
    }


def main() -> int:
    target = ROOT / "resources" / "schema.json"
    target.write_text(json.dumps(derived(), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{target} (versions 1–{SCHEMA_VERSION})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
