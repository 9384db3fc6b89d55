import Foundation
import GRDB
import MentorlineCore

extension SQLiteStore {
    /// Applies planned changes inside the caller's transaction; returns how many messages were queued.
    func apply(_ changes: [CaseChange], db: Database, now: Date) throws -> Int {
        var queued = 0
        for change in changes {
            switch change {
            case .insertTask(let task):
                try db.cachedStatement(sql: """
                    INSERT INTO tasks (id, case_id, mentor, state, purpose, level, round, offered_at, deadline, answered_at, resolved_at, handed_from, note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [
                        task.id.rawValue, task.caseID.rawValue, task.mentor.rawValue, task.state.rawValue, task.purpose.rawValue, task.level,
                        task.round, task.offeredAt.storedValue, task.deadline.storedValue, task.answeredAt?.storedValue,
                        task.resolvedAt?.storedValue, task.handedFrom?.rawValue, task.note,
                    ])
            case .updateTask(let task):
                try db.cachedStatement(sql: "UPDATE tasks SET state = ?, answered_at = ?, resolved_at = ? WHERE id = ?")
                    .execute(arguments: [task.state.rawValue, task.answeredAt?.storedValue, task.resolvedAt?.storedValue, task.id.rawValue])
            case .updateCase(let id, let state, let progress):
                // closed_at: when the case entered a closed state (kept while it stays closed), cleared when
                // it opens again; the retention period runs from it.
                let closing = "closed_at = CASE WHEN ? THEN NULL WHEN state = ? AND closed_at IS NOT NULL THEN closed_at ELSE ? END"
                if let progress {
                    try db.cachedStatement(sql: "UPDATE cases SET \(closing), state = ?, progress = ?, updated_at = ? WHERE id = ?")
                        .execute(arguments: [
                            state.isOpen, state.rawValue, now.storedValue, state.rawValue, try JSONColumn.encode(progress), now.storedValue, id.rawValue,
                        ])
                } else {
                    try db.cachedStatement(sql: "UPDATE cases SET \(closing), state = ?, updated_at = ? WHERE id = ?")
                        .execute(arguments: [state.isOpen, state.rawValue, now.storedValue, state.rawValue, now.storedValue, id.rawValue])
                }
            case .appendEvent(let id, let event):
                try db.cachedStatement(sql: "INSERT INTO case_events (case_id, at, kind, actor, detail) VALUES (?, ?, ?, ?, ?)")
                    .execute(arguments: [id.rawValue, event.at.storedValue, event.kind.rawValue, event.actor, try JSONColumn.encode(event.detail)])
            case .enqueue(let draft):
                try enqueue(draft, db: db, now: now)
                queued += 1
            case .schedule(let timer):
                try db.cachedStatement(sql: "INSERT INTO timers (kind, case_id, task_id, step, due_at) VALUES (?, ?, ?, ?, ?)")
                    .execute(arguments: [timer.kind.rawValue, timer.caseID.rawValue, timer.task?.rawValue, timer.step, timer.due.storedValue])
            case .cancelTaskTimers(let task):
                try db.cachedStatement(sql: "DELETE FROM timers WHERE task_id = ?").execute(arguments: [task.rawValue])
            case .cancelCaseTimers(let id, let kind):
                try db.cachedStatement(sql: "DELETE FROM timers WHERE case_id = ? AND kind = ?").execute(arguments: [id.rawValue, kind.rawValue])
            case .setContactPerson(let subject, let mentor, let actor):
                try setContactPerson(subject, to: mentor, by: actor, now: now, db: db)
            case .setPromise(let id, let promise):
                try db.cachedStatement(sql: "UPDATE cases SET promised_by = ? WHERE id = ?").execute(arguments: [promise.storedValue, id.rawValue])
            case .insertBooking(let booking):
                try insertBooking(booking, db: db)
            case .updateBooking(let booking):
                try updateBooking(booking, db: db)
            case .withdrawPendingMessages(let id, let event):
                try withdrawPendingMessages(of: id, event: event, db: db)
            case .withdrawPendingMessagesAbout(let id, let event, let subject):
                try db.cachedStatement(sql: "DELETE FROM outbox WHERE case_id = ? AND event_type = ? AND subject = ? AND state = 'pending'")
                    .execute(arguments: [id.rawValue, event.rawValue, subject])
            case .insertRegistration(let registration):
                try db.cachedStatement(sql: """
                    INSERT INTO talk_registrations (id, talk, case_id, state, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [
                        registration.id.rawValue, registration.talk.rawValue, registration.caseID.rawValue, registration.state.rawValue,
                        registration.createdAt.storedValue, registration.updatedAt.storedValue, registration.updatedBy,
                    ])
            case .updateRegistration(let registration):
                try db.cachedStatement(sql: "UPDATE talk_registrations SET state = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                    .execute(arguments: [registration.state.rawValue, registration.updatedAt.storedValue, registration.updatedBy, registration.id.rawValue])
            }
        }
        return queued
    }

    /// Puts a message in the outbox with its lifelong id (the future `webhook-id`).
    func enqueue(_ draft: MessageDraft, db: Database, now: Date) throws {
        let id = identifiers.make(MessageKind.self, at: now)
        try db.cachedStatement(sql: """
            INSERT INTO outbox (
                id, case_id, task_id, event_type, recipient_kind, recipient_id, endpoint, payload, state, attempts, created_at, not_before,
                text, template, language, template_values, held_reason, held_detail, subject
            )
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                id.rawValue, draft.caseID?.rawValue, draft.taskID?.rawValue, draft.eventType.rawValue, draft.recipient.kind.rawValue,
                draft.recipient.id, draft.endpoint.rawValue, Data(draft.payload), now.storedValue, (draft.notBefore ?? now).storedValue,
                draft.text.text, draft.text.template, draft.text.language.rawValue, try JSONColumn.encode(draft.values),
                draft.hold?.code, draft.hold?.description, draft.subject,
            ])
    }
}
