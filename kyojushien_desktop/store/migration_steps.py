"""The SQL of the later schema steps, kept apart so that migrations.py stays one readable list of
steps (each step there runs its script; a shipped script is never edited)."""

V8_REGION = """
        CREATE TABLE region_facts (
            table_key TEXT NOT NULL,
            row_key TEXT NOT NULL,
            column_key TEXT NOT NULL,
            fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1900 AND 2200),
            number REAL,
            text TEXT NOT NULL DEFAULT '',
            organization_id INTEGER REFERENCES organizations (id),
            source TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (table_key, row_key, column_key, fiscal_year)
        );
        CREATE TABLE region_resources (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL CHECK (name <> ''),
            address TEXT NOT NULL DEFAULT '',
            units INTEGER CHECK (units IS NULL OR units >= 0),
            targets TEXT NOT NULL DEFAULT '',
            registered_on TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE TABLE region_resource_links (
            resource_id INTEGER NOT NULL REFERENCES region_resources (id),
            organization_id INTEGER NOT NULL REFERENCES organizations (id),
            role TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (resource_id, organization_id, role)
        );
        CREATE INDEX region_resource_links_organization ON region_resource_links (organization_id);
        CREATE TABLE region_referrals (
            id INTEGER PRIMARY KEY,
            issue_key TEXT NOT NULL,
            issue_label TEXT NOT NULL DEFAULT '',
            organization_id INTEGER REFERENCES organizations (id),
            desk TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            CHECK (organization_id IS NOT NULL OR desk <> '')
        );
        CREATE TABLE housing_checks (
            id INTEGER PRIMARY KEY,
            visit_id INTEGER REFERENCES visits (id),
            resource_id INTEGER REFERENCES region_resources (id),
            checked_on TEXT NOT NULL,
            facts TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE INDEX housing_checks_visit ON housing_checks (visit_id)
        """
