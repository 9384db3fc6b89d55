import GRDB

/// The versioned schema. Invariants live in the schema: states are checked enums, references are
/// foreign keys, the audit trail refuses updates and deletes.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: cases, audit trail, tasks, timers, outbox, idempotency") { db in
            try db.execute(sql: """
                CREATE TABLE cases (
                    id TEXT PRIMARY KEY NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('received', 'routing', 'offered', 'accepted', 'resolved', 'unroutable')),
                    received_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    caller_kind TEXT NOT NULL CHECK (caller_kind IN ('company', 'citizen', 'representative', 'staff')),
                    urgency TEXT NOT NULL CHECK (urgency IN ('routine', 'soon', 'urgent')),
                    language TEXT NOT NULL,
                    citizen_reference TEXT,
                    cvr TEXT,
                    intake BLOB NOT NULL,
                    progress BLOB,
                    intake_actor TEXT NOT NULL
                );
                -- Cases waiting for a routing decision, oldest first.
                CREATE INDEX cases_needing_decision ON cases(received_at) WHERE state IN ('received', 'routing');
                CREATE INDEX cases_citizen_reference ON cases(citizen_reference) WHERE citizen_reference IS NOT NULL;
                CREATE INDEX cases_cvr ON cases(cvr) WHERE cvr IS NOT NULL;

                CREATE TABLE case_events (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    at REAL NOT NULL,
                    kind TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    detail BLOB NOT NULL
                );
                CREATE INDEX case_events_by_case ON case_events(case_id, seq);
                CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

                CREATE TABLE tasks (
                    id TEXT PRIMARY KEY NOT NULL,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    mentor TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('offered', 'accepted', 'declined', 'expired', 'resolved')),
                    level INTEGER NOT NULL CHECK (level >= 0),
                    round INTEGER NOT NULL CHECK (round >= 0),
                    offered_at REAL NOT NULL,
                    deadline REAL NOT NULL,
                    answered_at REAL,
                    resolved_at REAL
                );
                CREATE INDEX tasks_by_case ON tasks(case_id);
                CREATE INDEX tasks_open_by_mentor ON tasks(mentor) WHERE state IN ('offered', 'accepted');
                -- A case is offered to one mentor at a time.
                CREATE UNIQUE INDEX tasks_one_open_offer_per_case ON tasks(case_id) WHERE state = 'offered';

                CREATE TABLE timers (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL CHECK (kind IN ('offer_expiry')),
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    task_id TEXT REFERENCES tasks(id),
                    due_at REAL NOT NULL
                );
                CREATE INDEX timers_due ON timers(due_at);
                CREATE UNIQUE INDEX timers_one_expiry_per_task ON timers(task_id) WHERE kind = 'offer_expiry';

                CREATE TABLE outbox (
                    id TEXT PRIMARY KEY NOT NULL,
                    case_id TEXT REFERENCES cases(id),
                    task_id TEXT,
                    event_type TEXT NOT NULL,
                    recipient_kind TEXT NOT NULL,
                    recipient_id TEXT NOT NULL,
                    endpoint TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
                    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                    created_at REAL NOT NULL,
                    not_before REAL NOT NULL,
                    last_attempt_at REAL,
                    last_status INTEGER,
                    last_error TEXT,
                    delivered_at REAL
                );
                CREATE INDEX outbox_due ON outbox(not_before) WHERE state = 'pending';
                CREATE INDEX outbox_by_case ON outbox(case_id);

                CREATE TABLE idempotency_keys (
                    scope TEXT NOT NULL,
                    key TEXT NOT NULL,
                    body_sha256 BLOB NOT NULL,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    created_at REAL NOT NULL,
                    PRIMARY KEY (scope, key)
                );
                """)
        }
        migrator.registerMigration("v2: open tasks per mentor kept by triggers; outbox due index in delivery order") { db in
            try db.execute(sql: """
                -- The dispatcher reads every mentor's load on each cycle; counting open tasks there grew
                -- with the backlog. Triggers keep the count in every transaction that touches tasks.
                CREATE TABLE mentor_load (
                    mentor TEXT PRIMARY KEY NOT NULL,
                    open_tasks INTEGER NOT NULL CHECK (open_tasks >= 0)
                );
                INSERT INTO mentor_load (mentor, open_tasks)
                    SELECT mentor, COUNT(*) FROM tasks WHERE state IN ('offered', 'accepted') GROUP BY mentor;
                CREATE TRIGGER tasks_open_on_insert AFTER INSERT ON tasks
                    WHEN NEW.state IN ('offered', 'accepted')
                    BEGIN
                        INSERT INTO mentor_load (mentor, open_tasks) VALUES (NEW.mentor, 1)
                            ON CONFLICT (mentor) DO UPDATE SET open_tasks = open_tasks + 1;
                    END;
                CREATE TRIGGER tasks_open_on_update AFTER UPDATE OF state ON tasks
                    WHEN (OLD.state IN ('offered', 'accepted')) != (NEW.state IN ('offered', 'accepted'))
                    BEGIN
                        INSERT INTO mentor_load (mentor, open_tasks) VALUES (NEW.mentor, NEW.state IN ('offered', 'accepted'))
                            ON CONFLICT (mentor) DO UPDATE
                            SET open_tasks = open_tasks + (CASE WHEN NEW.state IN ('offered', 'accepted') THEN 1 ELSE -1 END);
                    END;

                -- Due messages are taken in (not_before, id) order; an index in that order spares a sort
                -- of every due row on each batch.
                DROP INDEX outbox_due;
                CREATE INDEX outbox_due ON outbox(not_before, id) WHERE state = 'pending';
                """)
        }
        return migrator
    }
}
