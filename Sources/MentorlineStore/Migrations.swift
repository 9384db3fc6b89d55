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
        migrator.registerMigration("v3: waiting cases, simultaneous offers, handoffs, timers of every kind, contact persons, availability, overrides, audit log") { db in
            // SQLite cannot change a CHECK constraint in place: cases, tasks and timers are rebuilt
            // (foreign keys are off during migrations and checked at the end).
            try db.execute(sql: """
                CREATE TABLE cases_v3 (
                    id TEXT PRIMARY KEY NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('received', 'routing', 'offered', 'waiting', 'accepted', 'resolved', 'unroutable')),
                    received_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    caller_kind TEXT NOT NULL CHECK (caller_kind IN ('company', 'citizen', 'representative', 'staff')),
                    urgency TEXT NOT NULL CHECK (urgency IN ('routine', 'soon', 'urgent')),
                    language TEXT NOT NULL,
                    citizen_reference TEXT,
                    cvr TEXT,
                    intake BLOB NOT NULL,
                    progress BLOB,
                    intake_actor TEXT NOT NULL,
                    -- When the caller was told to expect contact.
                    promised_by REAL
                );
                INSERT INTO cases_v3 (id, state, received_at, updated_at, caller_kind, urgency, language, citizen_reference, cvr, intake, progress, intake_actor)
                    SELECT id, state, received_at, updated_at, caller_kind, urgency, language, citizen_reference, cvr, intake, progress, intake_actor FROM cases;
                DROP TABLE cases;
                ALTER TABLE cases_v3 RENAME TO cases;
                CREATE INDEX cases_needing_decision ON cases(received_at) WHERE state IN ('received', 'routing');
                CREATE INDEX cases_citizen_reference ON cases(citizen_reference) WHERE citizen_reference IS NOT NULL;
                CREATE INDEX cases_cvr ON cases(cvr) WHERE cvr IS NOT NULL;

                CREATE TABLE tasks_v3 (
                    id TEXT PRIMARY KEY NOT NULL,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    mentor TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('offered', 'accepted', 'declined', 'expired', 'withdrawn', 'handed_off', 'resolved')),
                    purpose TEXT NOT NULL DEFAULT 'offer' CHECK (purpose IN ('offer', 'coordinator', 'handoff')),
                    level INTEGER NOT NULL CHECK (level >= 0),
                    round INTEGER NOT NULL CHECK (round >= 0),
                    offered_at REAL NOT NULL,
                    deadline REAL NOT NULL,
                    answered_at REAL,
                    resolved_at REAL,
                    handed_from TEXT,
                    note TEXT
                );
                INSERT INTO tasks_v3 (id, case_id, mentor, state, level, round, offered_at, deadline, answered_at, resolved_at)
                    SELECT id, case_id, mentor, state, level, round, offered_at, deadline, answered_at, resolved_at FROM tasks;
                DROP TABLE tasks;
                ALTER TABLE tasks_v3 RENAME TO tasks;
                CREATE INDEX tasks_by_case ON tasks(case_id);
                CREATE INDEX tasks_open_by_mentor ON tasks(mentor) WHERE state IN ('offered', 'accepted');
                -- A simultaneous level offers a case to several mentors at once, but never twice to one.
                CREATE UNIQUE INDEX tasks_one_open_offer_per_mentor ON tasks(case_id, mentor) WHERE state = 'offered';

                ALTER TABLE mentor_load ADD COLUMN last_offered_at REAL;
                UPDATE mentor_load SET last_offered_at = (SELECT MAX(offered_at) FROM tasks WHERE tasks.mentor = mentor_load.mentor);
                CREATE TRIGGER tasks_open_on_insert AFTER INSERT ON tasks
                    WHEN NEW.state IN ('offered', 'accepted')
                    BEGIN
                        INSERT INTO mentor_load (mentor, open_tasks) VALUES (NEW.mentor, 1)
                            ON CONFLICT (mentor) DO UPDATE SET open_tasks = open_tasks + 1;
                    END;
                CREATE TRIGGER tasks_offer_time_on_insert AFTER INSERT ON tasks
                    WHEN NEW.purpose = 'offer'
                    BEGIN
                        INSERT INTO mentor_load (mentor, open_tasks, last_offered_at) VALUES (NEW.mentor, 0, NEW.offered_at)
                            ON CONFLICT (mentor) DO UPDATE SET last_offered_at = MAX(COALESCE(last_offered_at, 0), NEW.offered_at);
                    END;
                CREATE TRIGGER tasks_open_on_update AFTER UPDATE OF state ON tasks
                    WHEN (OLD.state IN ('offered', 'accepted')) != (NEW.state IN ('offered', 'accepted'))
                    BEGIN
                        INSERT INTO mentor_load (mentor, open_tasks) VALUES (NEW.mentor, NEW.state IN ('offered', 'accepted'))
                            ON CONFLICT (mentor) DO UPDATE
                            SET open_tasks = open_tasks + (CASE WHEN NEW.state IN ('offered', 'accepted') THEN 1 ELSE -1 END);
                    END;

                CREATE TABLE timers_v3 (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL CHECK (kind IN ('offer_expiry', 'notify_step', 'wait_over', 'promise_check')),
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    task_id TEXT REFERENCES tasks(id),
                    step INTEGER,
                    due_at REAL NOT NULL
                );
                INSERT INTO timers_v3 (id, kind, case_id, task_id, due_at) SELECT id, kind, case_id, task_id, due_at FROM timers;
                DROP TABLE timers;
                ALTER TABLE timers_v3 RENAME TO timers;
                CREATE INDEX timers_due ON timers(due_at, id);
                CREATE INDEX timers_by_task ON timers(task_id) WHERE task_id IS NOT NULL;
                CREATE INDEX timers_by_case ON timers(case_id, kind);
                CREATE UNIQUE INDEX timers_one_expiry_per_task ON timers(task_id) WHERE kind = 'offer_expiry';

                -- The mentor who last took a case for a citizen (by reference) or a company (by CVR).
                CREATE TABLE contact_persons (
                    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('citizen', 'company')),
                    subject TEXT NOT NULL,
                    mentor TEXT NOT NULL,
                    since REAL NOT NULL,
                    set_by TEXT NOT NULL,
                    PRIMARY KEY (subject_kind, subject)
                );

                -- Mentors who said they are away or off; a mentor without a row is available.
                CREATE TABLE mentor_availability (
                    mentor TEXT PRIMARY KEY NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('available', 'away', 'off')),
                    updated_at REAL NOT NULL,
                    updated_by TEXT NOT NULL
                );

                CREATE TABLE schedule_overrides (
                    id TEXT PRIMARY KEY NOT NULL,
                    schedule TEXT NOT NULL,
                    mentor TEXT NOT NULL,
                    start_at REAL NOT NULL,
                    end_at REAL NOT NULL CHECK (end_at > start_at),
                    replacing TEXT,
                    note TEXT,
                    created_at REAL NOT NULL,
                    created_by TEXT NOT NULL
                );
                CREATE INDEX schedule_overrides_by_end ON schedule_overrides(end_at);

                -- Who changed what outside a case's own trail (overrides, availability, contact persons).
                CREATE TABLE audit_log (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    at REAL NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    detail BLOB NOT NULL
                );
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

                -- Signed action links work once: the signature of each used link is kept.
                CREATE TABLE used_action_links (
                    signature TEXT PRIMARY KEY NOT NULL,
                    task_id TEXT NOT NULL,
                    used_at REAL NOT NULL
                );
                """)
        }
        migrator.registerMigration("v4: message texts and letter holds, representatives") { db in
            try db.execute(sql: """
                -- Each message keeps the text rendered when it was queued, the template and values it came
                -- from, and why the letter policy holds it (held_reason is a code such as 'holiday').
                ALTER TABLE outbox ADD COLUMN text TEXT;
                ALTER TABLE outbox ADD COLUMN template TEXT;
                ALTER TABLE outbox ADD COLUMN language TEXT;
                ALTER TABLE outbox ADD COLUMN template_values BLOB;
                ALTER TABLE outbox ADD COLUMN held_reason TEXT;
                ALTER TABLE outbox ADD COLUMN held_detail TEXT;

                -- The representative (partsrepræsentant) last registered for each citizen reference: later
                -- cases of the same citizen address them too.
                CREATE TABLE representatives (
                    citizen_reference TEXT PRIMARY KEY NOT NULL,
                    representative BLOB NOT NULL,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    registered_at REAL NOT NULL
                );
                """)
        }

        migrator.registerMigration("v5: endpoint state and delivery replay") { db in
            try db.execute(sql: """
                -- Delivery's view of each webhook endpoint: whether it may be sent to (and if not, since when,
                -- why and by whom) and how its latest attempts went. An endpoint without a row is enabled and
                -- has no history.
                CREATE TABLE endpoint_state (
                    endpoint TEXT PRIMARY KEY NOT NULL,
                    enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
                    disabled_at REAL,
                    disabled_reason TEXT,
                    disabled_by TEXT,
                    -- The first failed attempt since the last 2xx; NULL while the endpoint answers.
                    failing_since REAL,
                    last_success_at REAL,
                    last_failure_at REAL,
                    last_status INTEGER,
                    last_error TEXT,
                    CHECK ((enabled = 1 AND disabled_at IS NULL AND disabled_reason IS NULL AND disabled_by IS NULL)
                        OR (enabled = 0 AND disabled_at IS NOT NULL AND disabled_reason IS NOT NULL AND disabled_by IS NOT NULL))
                );

                -- Messages per endpoint and state, kept by triggers: metrics, the endpoint list and the
                -- deliverer read these on every scrape or batch, and counting the outbox grows with its history.
                -- A migration that rebuilds the outbox table must create these triggers again.
                CREATE TABLE outbox_counts (
                    endpoint TEXT NOT NULL,
                    state TEXT NOT NULL,
                    messages INTEGER NOT NULL CHECK (messages >= 0),
                    PRIMARY KEY (endpoint, state)
                ) WITHOUT ROWID;
                INSERT INTO outbox_counts (endpoint, state, messages) SELECT endpoint, state, COUNT(*) FROM outbox GROUP BY endpoint, state;
                CREATE TRIGGER outbox_counts_on_insert AFTER INSERT ON outbox
                    BEGIN
                        INSERT INTO outbox_counts (endpoint, state, messages) VALUES (NEW.endpoint, NEW.state, 1)
                            ON CONFLICT (endpoint, state) DO UPDATE SET messages = messages + 1;
                    END;
                CREATE TRIGGER outbox_counts_on_update AFTER UPDATE OF state, endpoint ON outbox
                    WHEN OLD.state IS NOT NEW.state OR OLD.endpoint IS NOT NEW.endpoint
                    BEGIN
                        UPDATE outbox_counts SET messages = messages - 1 WHERE endpoint = OLD.endpoint AND state = OLD.state;
                        INSERT INTO outbox_counts (endpoint, state, messages) VALUES (NEW.endpoint, NEW.state, 1)
                            ON CONFLICT (endpoint, state) DO UPDATE SET messages = messages + 1;
                    END;
                CREATE TRIGGER outbox_counts_on_delete AFTER DELETE ON outbox
                    BEGIN
                        UPDATE outbox_counts SET messages = messages - 1 WHERE endpoint = OLD.endpoint AND state = OLD.state;
                    END;

                -- How often an operator sent a dead message back to pending (each replay is also in the audit log).
                ALTER TABLE outbox ADD COLUMN replays INTEGER NOT NULL DEFAULT 0 CHECK (replays >= 0);

                -- Due messages are taken per endpoint (each has its own concurrency, and a disabled one's
                -- backlog must not be walked on every batch).
                CREATE INDEX outbox_due_by_endpoint ON outbox(endpoint, not_before, id) WHERE state = 'pending';
                -- Dead messages, newest first, for `deliveries list --failed`.
                CREATE INDEX outbox_dead ON outbox(state) WHERE state = 'dead';
                """)
        }
        migrator.registerMigration("v6: case counts for metrics") { db in
            try db.execute(sql: """
                -- Cases per state and case events per kind, kept by triggers: /metrics and `mentorctl status`
                -- read these on every scrape, and counting the tables grows with their history. A migration
                -- that rebuilds cases or case_events must create these triggers again.
                CREATE TABLE case_counts (
                    state TEXT PRIMARY KEY NOT NULL,
                    cases INTEGER NOT NULL CHECK (cases >= 0)
                ) WITHOUT ROWID;
                INSERT INTO case_counts (state, cases) SELECT state, COUNT(*) FROM cases GROUP BY state;
                CREATE TRIGGER case_counts_on_insert AFTER INSERT ON cases
                    BEGIN
                        INSERT INTO case_counts (state, cases) VALUES (NEW.state, 1)
                            ON CONFLICT (state) DO UPDATE SET cases = cases + 1;
                    END;
                CREATE TRIGGER case_counts_on_update AFTER UPDATE OF state ON cases
                    WHEN OLD.state IS NOT NEW.state
                    BEGIN
                        UPDATE case_counts SET cases = cases - 1 WHERE state = OLD.state;
                        INSERT INTO case_counts (state, cases) VALUES (NEW.state, 1)
                            ON CONFLICT (state) DO UPDATE SET cases = cases + 1;
                    END;
                CREATE TRIGGER case_counts_on_delete AFTER DELETE ON cases
                    BEGIN
                        UPDATE case_counts SET cases = cases - 1 WHERE state = OLD.state;
                    END;

                -- Events only ever grow (the trail is append-only), so a count per kind is a true counter:
                -- offers made, escalations, cases found unroutable, since the database was created.
                CREATE TABLE case_event_counts (
                    kind TEXT PRIMARY KEY NOT NULL,
                    events INTEGER NOT NULL CHECK (events >= 0)
                ) WITHOUT ROWID;
                INSERT INTO case_event_counts (kind, events) SELECT kind, COUNT(*) FROM case_events GROUP BY kind;
                CREATE TRIGGER case_event_counts_on_insert AFTER INSERT ON case_events
                    BEGIN
                        INSERT INTO case_event_counts (kind, events) VALUES (NEW.kind, 1)
                            ON CONFLICT (kind) DO UPDATE SET events = events + 1;
                    END;

                -- The oldest case still waiting for a mentor, for the queue's age.
                CREATE INDEX cases_waiting_since ON cases(received_at) WHERE state IN ('received', 'routing', 'offered', 'waiting', 'unroutable');
                """)
        }
        migrator.registerMigration("v7: stored tokens") { db in
            try db.execute(sql: """
                -- Bearer tokens made through the API (`mentorctl token create`). Only the SHA-256 of a token is
                -- kept (unique, so a presented token is found by its digest); the text is shown once, at creation.
                CREATE TABLE api_tokens (
                    id TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('intake', 'mentor', 'admin')),
                    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
                    mentor TEXT,
                    token_sha256 BLOB NOT NULL UNIQUE CHECK (length(token_sha256) = 32),
                    created_at REAL NOT NULL,
                    created_by TEXT NOT NULL,
                    expires_at REAL,
                    last_used_at REAL,
                    revoked_at REAL,
                    revoked_by TEXT,
                    -- A mentor token acts for exactly one mentor; no other kind names one.
                    CHECK ((kind = 'mentor') = (mentor IS NOT NULL)),
                    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
                    CHECK (expires_at IS NULL OR expires_at > created_at)
                );
                -- A name identifies one token in the audit trail while it works.
                CREATE UNIQUE INDEX api_tokens_active_name ON api_tokens(name) WHERE revoked_at IS NULL;
                -- What a token is and grants never changes, and a revoked token stays revoked.
                CREATE TRIGGER api_tokens_fixed BEFORE UPDATE OF id, kind, name, mentor, token_sha256, created_at, created_by, expires_at ON api_tokens
                    BEGIN SELECT RAISE(ABORT, 'a token cannot be changed, only revoked'); END;
                CREATE TRIGGER api_tokens_stay_revoked BEFORE UPDATE OF revoked_at, revoked_by ON api_tokens
                    WHEN OLD.revoked_at IS NOT NULL
                    BEGIN SELECT RAISE(ABORT, 'a revoked token stays revoked'); END;
                """)
        }
        migrator.registerMigration("v8: retention") { db in
            try db.execute(sql: """
                -- When a case last closed (resolved), cleared when it is reopened; and when the retention rule
                -- erased its personal data. Both stay for statistics.
                ALTER TABLE cases ADD COLUMN closed_at REAL;
                ALTER TABLE cases ADD COLUMN erased_at REAL;
                UPDATE cases SET closed_at = COALESCE(
                    (SELECT MAX(at) FROM case_events WHERE case_events.case_id = cases.id AND case_events.kind = 'resolved'), updated_at
                ) WHERE state = 'resolved';
                -- Closed cases not yet erased, oldest closing first: what the daily run reads.
                CREATE INDEX cases_due_for_erasure ON cases(closed_at) WHERE closed_at IS NOT NULL AND erased_at IS NULL;
                CREATE INDEX outbox_pending_by_case ON outbox(case_id) WHERE state = 'pending';

                -- The trail stays append-only, except that the retention rule blanks the details (free text,
                -- the subject a contact-person change names) of a case it has erased. Who, when and what stay.
                DROP TRIGGER case_events_no_update;
                CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
                    WHEN NEW.seq IS NOT OLD.seq OR NEW.case_id IS NOT OLD.case_id OR NEW.at IS NOT OLD.at OR NEW.kind IS NOT OLD.kind
                        OR NEW.actor IS NOT OLD.actor OR (SELECT erased_at FROM cases WHERE id = OLD.case_id) IS NULL
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

                -- Likewise the audit log: an entry about a citizen or company whose cases are all erased keeps
                -- who did what when, and its subject becomes 'citizen:erased' or 'company:erased'.
                DROP TRIGGER audit_log_no_update;
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                    WHEN NEW.seq IS NOT OLD.seq OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor OR NEW.action IS NOT OLD.action
                        OR NEW.detail IS NOT OLD.detail
                        OR NOT ((OLD.subject LIKE 'citizen:%' AND NEW.subject = 'citizen:erased')
                            OR (OLD.subject LIKE 'company:%' AND NEW.subject = 'company:erased'))
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

                -- Every retention run, by the daily job ('system') or an admin: the daily job runs at start
                -- when the daemon was down at its time, which it learns from the last row.
                CREATE TABLE retention_runs (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    at REAL NOT NULL,
                    actor TEXT NOT NULL,
                    cutoff REAL NOT NULL,
                    erased INTEGER NOT NULL CHECK (erased >= 0),
                    held_back INTEGER NOT NULL CHECK (held_back >= 0)
                );
                """)
        }
        migrator.registerMigration("v9: advice cafe") { db in
            try CafeMigration.allowBookedCases(db)
            try db.execute(sql: """
                -- A case booked into an advice-café slot with a volunteer. One volunteer sees one citizen per
                -- slot: two bookings holding the same volunteer's slot cannot both be stored, however they race.
                CREATE TABLE cafe_bookings (
                    id TEXT PRIMARY KEY NOT NULL,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    cafe TEXT NOT NULL,
                    volunteer TEXT NOT NULL,
                    slot_start REAL NOT NULL,
                    slot_end REAL NOT NULL CHECK (slot_end > slot_start),
                    state TEXT NOT NULL CHECK (state IN ('booked', 'attended', 'no_show', 'cancelled')),
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    updated_by TEXT NOT NULL
                );
                CREATE UNIQUE INDEX cafe_bookings_one_per_volunteer_slot ON cafe_bookings(volunteer, slot_start) WHERE state != 'cancelled';
                -- A case holds at most one open booking.
                CREATE UNIQUE INDEX cafe_bookings_one_open_per_case ON cafe_bookings(case_id) WHERE state = 'booked';
                CREATE INDEX cafe_bookings_by_start ON cafe_bookings(slot_start);

                -- Volunteers' sign-ups, made at runtime, to staff their café's sessions on a date (YYYY-MM-DD).
                CREATE TABLE cafe_signups (
                    volunteer TEXT NOT NULL,
                    cafe TEXT NOT NULL,
                    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                    created_at REAL NOT NULL,
                    created_by TEXT NOT NULL,
                    PRIMARY KEY (volunteer, date)
                );

                -- Closures added at runtime (those in cafe.yaml are not stored).
                CREATE TABLE cafe_closures (
                    id TEXT PRIMARY KEY NOT NULL,
                    cafe TEXT NOT NULL,
                    first_date TEXT NOT NULL,
                    last_date TEXT NOT NULL CHECK (last_date >= first_date),
                    reason TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    created_by TEXT NOT NULL
                );

                -- Seats at talks, and the waiting list of a full talk (oldest first moves up).
                CREATE TABLE talk_registrations (
                    id TEXT PRIMARY KEY NOT NULL,
                    talk TEXT NOT NULL,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    state TEXT NOT NULL CHECK (state IN ('seated', 'waiting', 'cancelled')),
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    updated_by TEXT NOT NULL
                );
                CREATE UNIQUE INDEX talk_registrations_one_per_case ON talk_registrations(talk, case_id) WHERE state != 'cancelled';
                CREATE INDEX talk_registrations_by_talk ON talk_registrations(talk, state, created_at);
                """)
        }
        migrator.registerMigration("v10: volunteer tokens") { db in
            try TokenMigration.allowVolunteerTokens(db)
        }
        migrator.registerMigration("v11: talk reminders") { db in
            try db.execute(sql: """
                -- What a message is about beyond its case, where a case can have several of one kind: a talk
                -- reminder names its registration, so cancelling one registration withdraws its reminder only.
                ALTER TABLE outbox ADD COLUMN subject TEXT;
                """)
        }
        return migrator
    }
}
