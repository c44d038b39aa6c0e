"""Schema versions: an ordered list of steps over ``PRAGMA user_version``.

A step is never edited once shipped; a change to the schema is a new step at the end. Each step
runs in one transaction together with the ``user_version`` bump, so a crash leaves the file at
the old version or the new one, never in between.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from kyojushien_desktop.store.migration_steps import V8_REGION


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Statement by statement: ``executescript`` would commit the step's transaction first."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v1_foundation(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute("CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _v2_directory(conn: sqlite3.Connection) -> None:
    """構成員・関係団体名簿: organisations, their people, the contact timeline, the change log."""
    _run_script(
        conn,
        """
        CREATE TABLE organizations (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (name <> ''),
            kana TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT '',
            internal INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),
            address TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            fax TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            website TEXT NOT NULL DEFAULT '',
            stage TEXT NOT NULL DEFAULT '未接触',
            expected_roles TEXT NOT NULL DEFAULT '',
            strengths TEXT NOT NULL DEFAULT '',
            troubles TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            name_key TEXT NOT NULL DEFAULT '',
            phone_digits TEXT NOT NULL DEFAULT '',
            search_text TEXT NOT NULL DEFAULT '',
            sort_kana TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX organizations_name_key ON organizations (name_key);
        CREATE INDEX organizations_sort ON organizations (deleted_at, sort_kana);
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            organization_id INTEGER NOT NULL REFERENCES organizations (id),
            name TEXT NOT NULL CHECK (name <> ''),
            kana TEXT NOT NULL DEFAULT '',
            department TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            started_on TEXT,
            ended_on TEXT,
            notes TEXT NOT NULL DEFAULT '',
            successor_id INTEGER REFERENCES people (id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX people_organization ON people (organization_id);
        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            organization_id INTEGER NOT NULL REFERENCES organizations (id),
            occurred_on TEXT NOT NULL,
            kind TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            our_staff TEXT NOT NULL DEFAULT '',
            person_id INTEGER REFERENCES people (id),
            created_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX contacts_organization ON contacts (organization_id, occurred_on);
        CREATE TABLE change_log (
            id INTEGER PRIMARY KEY,
            entity TEXT NOT NULL,
            entity_id INTEGER NOT NULL,
            changed_at TEXT NOT NULL,
            action TEXT NOT NULL,
            field TEXT NOT NULL DEFAULT '',
            old_value TEXT NOT NULL DEFAULT '',
            new_value TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX change_log_entity ON change_log (entity, entity_id, changed_at);
        """,
    )


def _v3_hearing(conn: sqlite3.Connection) -> None:
    """ヒアリング: question banks, visits with the questions chosen, answers and follow-ups."""
    _run_script(
        conn,
        """
        CREATE TABLE question_banks (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (name <> ''),
            guide_key TEXT UNIQUE,
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            retired_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE questions (
            id INTEGER PRIMARY KEY,
            bank_id INTEGER NOT NULL REFERENCES question_banks (id),
            position INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL CHECK (text <> ''),
            guide_key TEXT,
            guide_text TEXT,
            answer_type TEXT NOT NULL DEFAULT 'free' CHECK (answer_type IN ('free', 'number', 'yesno', 'choice')),
            choices TEXT NOT NULL DEFAULT '',
            lines INTEGER NOT NULL DEFAULT 3 CHECK (lines BETWEEN 1 AND 20),
            retired_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX questions_bank ON questions (bank_id, position);
        CREATE TABLE visits (
            id INTEGER PRIMARY KEY,
            organization_id INTEGER NOT NULL REFERENCES organizations (id),
            scheduled_at TEXT NOT NULL,
            place TEXT NOT NULL DEFAULT '',
            visitors TEXT NOT NULL DEFAULT '',
            companions TEXT NOT NULL DEFAULT '',
            purpose TEXT NOT NULL DEFAULT '',
            souvenirs TEXT NOT NULL DEFAULT '',
            souvenir_other TEXT NOT NULL DEFAULT '',
            policy_conveyed INTEGER NOT NULL DEFAULT 0 CHECK (policy_conveyed IN (0, 1)),
            status TEXT NOT NULL DEFAULT '予定' CHECK (status IN ('予定', '実施済', '記録済')),
            memo TEXT NOT NULL DEFAULT '',
            strengths_noted TEXT NOT NULL DEFAULT '',
            troubles_noted TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX visits_organization ON visits (organization_id, scheduled_at);
        CREATE TABLE visit_people (
            visit_id INTEGER NOT NULL REFERENCES visits (id),
            person_id INTEGER NOT NULL REFERENCES people (id),
            PRIMARY KEY (visit_id, person_id)
        );
        CREATE TABLE visit_questions (
            visit_id INTEGER NOT NULL REFERENCES visits (id),
            question_id INTEGER NOT NULL REFERENCES questions (id),
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (visit_id, question_id)
        );
        CREATE TABLE answers (
            visit_id INTEGER NOT NULL REFERENCES visits (id),
            question_id INTEGER NOT NULL REFERENCES questions (id),
            answer TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (visit_id, question_id)
        );
        CREATE TABLE followups (
            id INTEGER PRIMARY KEY,
            visit_id INTEGER NOT NULL REFERENCES visits (id),
            action TEXT NOT NULL CHECK (action <> ''),
            due_on TEXT,
            done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
            created_at TEXT NOT NULL
        );
        CREATE INDEX followups_visit ON followups (visit_id);
        """,
    )


def _v4_meetings(conn: sqlite3.Connection) -> None:
    """会議・勉強会: meetings, their programme, participants, checklist, groups and survey; 次の対応
    now belong to a visit or to a meeting (the table is rebuilt: SQLite cannot drop NOT NULL)."""
    _run_script(
        conn,
        """
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind <> ''),
            title TEXT NOT NULL CHECK (title <> ''),
            starts_at TEXT NOT NULL,
            ends_at TEXT,
            venue_mode TEXT NOT NULL DEFAULT '会場' CHECK (venue_mode IN ('会場', 'オンライン', '併用')),
            venue TEXT NOT NULL DEFAULT '',
            organizer TEXT NOT NULL DEFAULT '',
            co_organizers TEXT NOT NULL DEFAULT '',
            phase INTEGER CHECK (phase BETWEEN 1 AND 4),
            goal_stage TEXT NOT NULL DEFAULT '',
            goal TEXT NOT NULL DEFAULT '',
            theme TEXT NOT NULL DEFAULT '',
            participants_situation TEXT NOT NULL DEFAULT '',
            facilitator TEXT NOT NULL DEFAULT '',
            seating TEXT NOT NULL DEFAULT '',
            group_size INTEGER NOT NULL DEFAULT 5 CHECK (group_size BETWEEN 2 AND 10),
            status TEXT NOT NULL DEFAULT '企画中' CHECK (status IN ('企画中', '案内済', '開催済', '報告済')),
            lecture_summary TEXT NOT NULL DEFAULT '',
            minutes TEXT NOT NULL DEFAULT '',
            opinions TEXT NOT NULL DEFAULT '',
            review_impressions TEXT NOT NULL DEFAULT '',
            review_notes TEXT NOT NULL DEFAULT '',
            next_plans TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX meetings_starts ON meetings (deleted_at, starts_at);
        CREATE TABLE meeting_program (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings (id),
            position INTEGER NOT NULL DEFAULT 0,
            at TEXT NOT NULL DEFAULT '',
            item TEXT NOT NULL CHECK (item <> ''),
            speaker TEXT NOT NULL DEFAULT '',
            speaker_person_id INTEGER REFERENCES people (id)
        );
        CREATE INDEX meeting_program_meeting ON meeting_program (meeting_id, position);
        CREATE TABLE meeting_participants (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings (id),
            organization_id INTEGER REFERENCES organizations (id),
            person_id INTEGER REFERENCES people (id),
            guest_name TEXT NOT NULL DEFAULT '',
            guest_affiliation TEXT NOT NULL DEFAULT '',
            guest_category TEXT NOT NULL DEFAULT '',
            attendance TEXT NOT NULL DEFAULT '未案内'
                CHECK (attendance IN ('未案内', '案内済', '出席', '欠席', '代理出席')),
            attend_mode TEXT NOT NULL DEFAULT '会場' CHECK (attend_mode IN ('会場', 'オンライン')),
            proxy_name TEXT NOT NULL DEFAULT '',
            group_no INTEGER CHECK (group_no >= 1),
            active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
            position INTEGER NOT NULL DEFAULT 0,
            CHECK (organization_id IS NOT NULL OR guest_name <> '' OR guest_affiliation <> '')
        );
        CREATE INDEX meeting_participants_meeting ON meeting_participants (meeting_id, position);
        CREATE INDEX meeting_participants_organization ON meeting_participants (organization_id);
        CREATE TABLE meeting_groups (
            meeting_id INTEGER NOT NULL REFERENCES meetings (id),
            group_no INTEGER NOT NULL CHECK (group_no >= 1),
            opinions TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (meeting_id, group_no)
        );
        CREATE TABLE meeting_tasks (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings (id),
            key TEXT NOT NULL DEFAULT '',
            timing TEXT NOT NULL CHECK (timing IN ('before', 'after')),
            title TEXT NOT NULL CHECK (title <> ''),
            guide_step TEXT NOT NULL DEFAULT '',
            days INTEGER NOT NULL DEFAULT 0,
            due_on TEXT,
            done_on TEXT,
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX meeting_tasks_meeting ON meeting_tasks (meeting_id, position);
        CREATE TABLE survey_questions (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings (id),
            position INTEGER NOT NULL DEFAULT 0,
            key TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL CHECK (text <> ''),
            kind TEXT NOT NULL CHECK (kind IN ('scale', 'choice', 'free')),
            choices TEXT NOT NULL DEFAULT '',
            label TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX survey_questions_meeting ON survey_questions (meeting_id, position);
        CREATE TABLE survey_responses (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings (id),
            number INTEGER NOT NULL CHECK (number >= 1),
            created_at TEXT NOT NULL,
            UNIQUE (meeting_id, number)
        );
        CREATE TABLE survey_answers (
            response_id INTEGER NOT NULL REFERENCES survey_responses (id),
            question_id INTEGER NOT NULL REFERENCES survey_questions (id),
            answer TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (response_id, question_id)
        );
        CREATE TABLE followups_new (
            id INTEGER PRIMARY KEY,
            visit_id INTEGER REFERENCES visits (id),
            meeting_id INTEGER REFERENCES meetings (id),
            action TEXT NOT NULL CHECK (action <> ''),
            due_on TEXT,
            done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
            created_at TEXT NOT NULL,
            CHECK ((visit_id IS NULL) <> (meeting_id IS NULL))
        );
        INSERT INTO followups_new (id, visit_id, action, due_on, done, created_at)
            SELECT id, visit_id, action, due_on, done, created_at FROM followups;
        DROP TABLE followups;
        ALTER TABLE followups_new RENAME TO followups;
        CREATE INDEX followups_visit ON followups (visit_id);
        CREATE INDEX followups_meeting ON followups (meeting_id)
        """,
    )


def _v5_progress(conn: sqlite3.Connection) -> None:
    """フェーズ進捗: the state of each 到達の目安 (1-1 … 4-5) with its history, evidence and target
    month, and a target month per phase."""
    _run_script(
        conn,
        """
        CREATE TABLE milestone_states (
            milestone_id TEXT PRIMARY KEY CHECK (milestone_id <> ''),
            status TEXT NOT NULL DEFAULT '未着手' CHECK (status IN ('未着手', '取組み中', '達成')),
            changed_on TEXT,
            learned TEXT NOT NULL DEFAULT '',
            shared TEXT NOT NULL DEFAULT '',
            target_month TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE milestone_history (
            id INTEGER PRIMARY KEY,
            milestone_id TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            changed_on TEXT,
            old_status TEXT NOT NULL,
            new_status TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX milestone_history_milestone ON milestone_history (milestone_id, changed_at);
        CREATE TABLE milestone_evidence (
            id INTEGER PRIMARY KEY,
            milestone_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('visit', 'meeting', 'contact', 'organization', 'document')),
            ref_id INTEGER,
            title TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL,
            CHECK ((kind = 'document') = (ref_id IS NULL)),
            UNIQUE (milestone_id, kind, ref_id)
        );
        CREATE INDEX milestone_evidence_milestone ON milestone_evidence (milestone_id);
        CREATE TABLE phase_targets (
            phase INTEGER PRIMARY KEY CHECK (phase BETWEEN 1 AND 4),
            target_month TEXT
        )
        """,
    )


def _v6_diagnosis(conn: sqlite3.Connection) -> None:
    """目線合わせ診断シート: rounds (実施回), their respondents with the sheet's header fields, one
    answer per respondent and item (1–5, or none), the free answer; a meeting may follow a round."""
    _run_script(
        conn,
        """
        CREATE TABLE diagnosis_rounds (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (name <> ''),
            held_on TEXT NOT NULL,
            purpose TEXT NOT NULL DEFAULT '',
            meeting_id INTEGER REFERENCES meetings (id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE TABLE diagnosis_respondents (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES diagnosis_rounds (id),
            person_id INTEGER REFERENCES people (id),
            name TEXT NOT NULL CHECK (name <> ''),
            division TEXT NOT NULL DEFAULT '',
            bureau TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            free_answer TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            UNIQUE (round_id, name)
        );
        CREATE INDEX diagnosis_respondents_round ON diagnosis_respondents (round_id, position);
        CREATE TABLE diagnosis_answers (
            respondent_id INTEGER NOT NULL REFERENCES diagnosis_respondents (id),
            item_id TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
            PRIMARY KEY (respondent_id, item_id)
        )
        """,
    )


def _v7_handover(conn: sqlite3.Connection) -> None:
    """引き継ぎ: the outgoing person's 引継ぎ事項 (one text per template section) and the 引継ぎ履歴,
    a table of its own so that every other table of a received file equals the sender's."""
    _run_script(
        conn,
        """
        CREATE TABLE handover_notes (
            key TEXT PRIMARY KEY,
            text TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        );
        CREATE TABLE handover_history (
            id INTEGER PRIMARY KEY,
            sender TEXT NOT NULL DEFAULT '',
            sender_department TEXT NOT NULL DEFAULT '',
            packed_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            received_on TEXT NOT NULL DEFAULT '',
            package_name TEXT NOT NULL DEFAULT '',
            app_version TEXT NOT NULL DEFAULT '',
            without_personal_data INTEGER NOT NULL DEFAULT 0 CHECK (without_personal_data IN (0, 1)),
            report_pdf BLOB
        )
        """,
    )


def _v8_region(conn: sqlite3.Connection) -> None:
    """わがまちの現状と地域資源: chapter 5's figures by 年度 with their source, the register of
    housing resources linked to the 名簿's organisations, the つなぎ先一覧, and the housing checks
    made during a visit."""
    _run_script(conn, V8_REGION)


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _v1_foundation,
    _v2_directory,
    _v3_hearing,
    _v4_meetings,
    _v5_progress,
    _v6_diagnosis,
    _v7_handover,
    _v8_region,
)
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> list[int]:
    """Run the steps from the file's version up to ``target``; returns the versions reached.
    Steps use plain SQL, so that they never change meaning when a library is upgraded."""
    reached = []
    for version in range(user_version(conn), target):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        reached.append(version + 1)
    return reached
