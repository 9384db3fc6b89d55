import Foundation
import GRDB
import MentorlineCore
@testable import MentorlineStore
import Testing

/// The retention rule against a real SQLite file: a case with personal data in every place the schema
/// has for it, resolved, then erased 180 days later. The checks read the database directly and search
/// every column of every table, and the file's bytes, for the personal strings.
@Suite struct RetentionStoreTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let day: TimeInterval = 86_400
    static let reference = "J-2026-0412"

    /// Every personal string of the case to be erased, as it appears in some column.
    static let personal = [
        "Lone", "20 30 40 50", "lone@bagerhansen.dk", "Bager Hansen", "12345674", reference, "Praktikanten", "Karin Dahl",
        "11 22 33 44", "karin@advokat.dk", "kender familien", "ring til Lone", "nyt møde aftalt", "ringede igen", "call-0001",
    ]
    /// The other citizen's, whose case stays open and must keep them.
    static let kept = ["Zeynep Kaya", "99 88 77 66", "K-2026-0999", "Zeynep venter"]

    static let roster = Roster(mentors: Dictionary(uniqueKeysWithValues: ["anna", "bo", "carl"].map { id in
        (MentorID(id), Mentor(id: MentorID(id), name: id.capitalized, topics: [TopicID("placement")], languages: [.danish], capacity: 5))
    }))
    static let planner = CasePlanner(roster: roster, notifications: Notifications(
        publicURL: "http://127.0.0.1", timeZone: TimeZone(identifier: "Europe/Copenhagen")!, topics: [:],
        endpoints: RecipientEndpoints(byKind: [.mentor: EndpointID("m"), .ops: EndpointID("o")], fallback: EndpointID("m")),
        texts: ValueTexts(), letters: .standard(timeZone: TimeZone(identifier: "Europe/Copenhagen")!)
    ))

    func temporaryStore() throws -> (SQLiteStore, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentorline-retention-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (try SQLiteStore(path: directory.appendingPathComponent("mentorline.sqlite").path), directory)
    }

    func intake(_ name: String, phone: String, reference: String, note: String, company: Bool, representative: Representative?) -> CaseIntake {
        CaseIntake(
            caller: company
                ? Caller(kind: .company, name: name, phone: phone, email: "lone@bagerhansen.dk", organisation: "Bager Hansen ApS", cvr: CVR("12345674"))
                : Caller(kind: .citizen, name: name, phone: phone),
            citizenReference: reference, topics: [TopicID("placement")], urgency: .soon, note: note, representative: representative
        )
    }

    /// An offer to `mentor` with a message carrying the caller's details in its text, values and payload.
    func offer(_ caseID: String, to mentor: String, task: String, store: SQLiteStore, at now: Date) async throws {
        _ = try await store.dispatch(now: now, limit: 10) { work, _, _ in
            guard case .route(let snapshot) = work, snapshot.id == CaseID(caseID) else { return [] }
            let caller = snapshot.intake.caller
            let text = "Ny sag fra \(caller.name), \(caller.phone ?? "")"
            let payload = #"{"caller":{"name":"\#(caller.name)","phone":"\#(caller.phone ?? "")"},"note":"\#(snapshot.intake.note ?? "")"}"#
            return [
                .insertTask(MentorTask(id: TaskID(task), caseID: snapshot.id, mentor: MentorID(mentor), level: 0, round: 0, offeredAt: now, deadline: now + 600)),
                .updateCase(snapshot.id, state: .offered, progress: nil),
                .appendEvent(snapshot.id, CaseEvent(at: now, kind: .offered, actor: "system", detail: CaseEventDetail(task: TaskID(task), mentor: MentorID(mentor)))),
                .enqueue(MessageDraft(
                    eventType: .taskOffered, recipient: .mentor(MentorID(mentor)), endpoint: EndpointID("m"), caseID: snapshot.id, taskID: TaskID(task),
                    payload: Array(payload.utf8), text: RenderedText(text: text, template: "task.offered.da.mustache", language: .danish),
                    values: ["caller": .text(caller.name), "phone": .text(caller.phone ?? "")]
                )),
            ]
        }
    }

    func act(_ action: MentorAction, on task: String, by mentor: String, store: SQLiteStore, at now: Date) async throws -> MentorActionResult {
        try await store.applyMentorAction(to: TaskID(task), consumingLink: nil, now: now) { task, snapshot, makeTaskID in
            Self.planner.mentorAction(action, on: task, of: snapshot, by: .mentor(MentorID(mentor)), now: now, makeTaskID: makeTaskID)
        }
    }

    func deliverEverything(_ store: SQLiteStore, at now: Date) async throws {
        let due = try await store.dueMessages(now: now.addingTimeInterval(365 * day), limits: [:], unconfiguredLimit: 100, total: 100, excluding: [])
        try await store.recordDeliveries(due.map { DeliveryAttempt(.delivered($0.id, status: 204), endpoint: $0.endpoint) }, now: now, health: .goneOnly)
    }

    /// case_1: a company's call about citizen J-2026-0412 with a representative, declined once, accepted,
    /// handed over with a note, resolved with an outcome, reopened and resolved again; an admin set the
    /// citizen's contact person and exported their data. case_2: another citizen's call, accepted, open.
    func buildCases(_ store: SQLiteStore) async throws {
        let representative = Representative(name: "Karin Dahl", phone: "+45 11 22 33 44", email: "karin@advokat.dk")
        _ = try await store.commitIntakes([
            try IntakeSubmission(
                caseID: CaseID("case_1"),
                intake: intake("Lone Sørensen", phone: "+45 20 30 40 50", reference: Self.reference, note: "Praktikanten er ikke mødt.", company: true,
                               representative: representative),
                actor: "intake:test", receivedAt: t0, idempotency: IdempotencyClaim(scope: "intake:test", key: "call-0001", bodyDigest: [1, 2, 3])
            ),
            try IntakeSubmission(
                caseID: CaseID("case_2"),
                intake: intake("Zeynep Kaya", phone: "+45 99 88 77 66", reference: "K-2026-0999", note: "Zeynep venter på svar.", company: false,
                               representative: nil),
                actor: "intake:test", receivedAt: t0, idempotency: nil
            ),
        ])
        try await offer("case_1", to: "anna", task: "t1", store: store, at: t0)
        #expect(try await act(.decline(reason: "Jeg kender familien"), on: "t1", by: "anna", store: store, at: t0 + 60) != .notFound)
        try await offer("case_1", to: "bo", task: "t2", store: store, at: t0 + 120)
        try await offer("case_2", to: "anna", task: "t9", store: store, at: t0 + 120)
        _ = try await act(.accept, on: "t9", by: "anna", store: store, at: t0 + 130)
        _ = try await act(.accept, on: "t2", by: "bo", store: store, at: t0 + 180)
        let handoff = try await act(.handoff(to: MentorID("carl"), note: "Handoff: ring til Lone i morgen", transferContactPerson: true),
                                    on: "t2", by: "bo", store: store, at: t0 + 240)
        guard case .applied(_, let created) = handoff, let handed = created.first else {
            Issue.record("handoff refused: \(handoff)")
            return
        }
        _ = try await act(.resolve(outcome: "Talt med Lone; nyt møde aftalt."), on: handed.id.rawValue, by: "carl", store: store, at: t0 + 300)
        _ = try await act(.reopen(reason: "Lone ringede igen"), on: handed.id.rawValue, by: "carl", store: store, at: t0 + 400)
        _ = try await act(.resolve(outcome: "Afsluttet."), on: handed.id.rawValue, by: "carl", store: store, at: t0 + 500)
        try await store.assignContactPerson(.citizen(Self.reference), to: MentorID("anna"), by: "admin:coordinator", now: t0 + 600)
        _ = try await store.exportCitizen(Self.reference, actor: "admin:coordinator", now: t0 + 700)
        try await deliverEverything(store, at: t0 + 800)
    }

    /// `table.column: needle` for every value in the database containing one of `needles`.
    func occurrences(of needles: [String], in store: SQLiteStore) async throws -> [String] {
        try await store.pool.read { db in
            var found: [String] = []
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            for table in tables {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
                for column in columns {
                    for value in try String?.fetchAll(db, sql: "SELECT CAST(\"\(column)\" AS TEXT) FROM \"\(table)\"") {
                        guard let value else { continue }
                        for needle in needles where value.contains(needle) { found.append("\(table).\(column): \(needle)") }
                    }
                }
            }
            return found
        }
    }

    @Test func erasureBlanksEveryPersonalColumnAndKeepsTheStatistics() async throws {
        let (store, directory) = try temporaryStore()
        try await buildCases(store)
        let before = try #require(try await store.caseDetails(CaseID("case_1")))
        #expect(before.state == .resolved)
        #expect(before.closedAt == t0 + 500)
        // Every personal string is somewhere before the run (so the search below can find them).
        for needle in Self.personal {
            #expect(try await occurrences(of: [needle], in: store) != [], "\(needle) is stored nowhere, so the search below proves nothing")
        }

        // 180 days after the last resolution, to the second.
        let report = try await store.runRetention(policy: .standard, now: t0 + 500 + 180 * day, actor: "system")
        #expect(report.erased.map(\.caseID) == [CaseID("case_1")])
        #expect(report.heldBack.isEmpty)

        #expect(try await occurrences(of: Self.personal, in: store) == [])
        #expect(Set(try await occurrences(of: Self.kept, in: store)).count >= 4, "the open case keeps its data")

        let after = try #require(try await store.caseDetails(CaseID("case_1")))
        #expect(after.erasedAt == t0 + 500 + 180 * day)
        #expect(after.id == before.id && after.state == .resolved && after.receivedAt == before.receivedAt && after.closedAt == before.closedAt)
        #expect(after.intake == CaseIntake(caller: Caller(kind: .company, name: ""), topics: [TopicID("placement")], urgency: .soon))
        #expect(after.events.map(\.kind) == before.events.map(\.kind))
        #expect(after.events.map(\.at) == before.events.map(\.at))
        #expect(after.events.map(\.actor) == before.events.map(\.actor))
        #expect(after.events.filter { $0.kind == .contactPersonSet }.compactMap(\.detail.subject).allSatisfy { $0.hasSuffix(":erased") })
        #expect(after.tasks.map(\.state) == before.tasks.map(\.state))
        #expect(after.tasks.map(\.mentor) == before.tasks.map(\.mentor))
        #expect(after.messages.map(\.eventType) == before.messages.map(\.eventType))
        #expect(after.messages.map(\.state) == before.messages.map(\.state))
        #expect(after.messages.allSatisfy { $0.text == nil })

        func count(_ sql: String) async throws -> Int? { try await store.pool.read { db in try Int.fetchOne(db, sql: sql) } }
        #expect(try await count("SELECT COUNT(*) FROM representatives") == 0)
        #expect(try await count("SELECT COUNT(*) FROM contact_persons WHERE subject IN ('J-2026-0412', '12345674')") == 0)
        #expect(try await count("SELECT COUNT(*) FROM idempotency_keys WHERE case_id = 'case_1'") == 0)
        #expect(try await count("SELECT COUNT(*) FROM timers WHERE case_id = 'case_1'") == 0)
        #expect(try await count("SELECT COUNT(*) FROM outbox WHERE case_id = 'case_1' AND length(payload) > 0") == 0)
        let subjects = try await store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT subject FROM audit_log WHERE action IN ('contact_person.set', 'citizen.export')")
        }
        #expect(subjects == ["citizen:erased"])
        let audit = try await store.auditLog(limit: 1)
        #expect(audit.first?.action == "retention.run")
        #expect(audit.first?.actor == "system")
        #expect(audit.first?.detail["erased"] == "1")

        // Nothing of it is left in the file either: freed space is zeroed and the log is checkpointed.
        let file = try Data(contentsOf: directory.appendingPathComponent("mentorline.sqlite"))
        let wal = (try? Data(contentsOf: directory.appendingPathComponent("mentorline.sqlite-wal"))) ?? Data()
        for needle in Self.personal {
            #expect(file.range(of: Data(needle.utf8)) == nil, "\(needle) is still in the database file at \(file.range(of: Data(needle.utf8)).map { "\($0)" } ?? "")")
            #expect(wal.range(of: Data(needle.utf8)) == nil, "\(needle) is still in the write-ahead log")
        }
    }

    @Test func aCaseIsErasedOnceAndAnErasedCaseTakesNoMoreActions() async throws {
        let (store, _) = try temporaryStore()
        try await buildCases(store)
        let due = t0 + 500 + 180 * day
        #expect(try await store.runRetention(policy: .standard, now: due, actor: "system").erased.count == 1)
        #expect(try await store.runRetention(policy: .standard, now: due + day, actor: "system").erased.isEmpty)
        #expect(try await store.lastRetentionRun() == due + day)
        // The run that erased is audited; the nightly one that found nothing is not, an admin's always is.
        #expect(try await store.auditLog(limit: 1).first?.at == due)
        try await store.runRetention(policy: .standard, now: due + 2 * day, actor: "admin:ops")
        #expect(try await store.auditLog(limit: 1).first.map { [$0.actor, $0.action, $0.detail["erased"] ?? ""] } == ["admin:ops", "retention.run", "0"])
        let tasks = try #require(try await store.caseDetails(CaseID("case_1"))).tasks
        let resolved = try #require(tasks.first { $0.state == .resolved })
        #expect(try await act(.reopen(reason: "igen"), on: resolved.id.rawValue, by: resolved.mentor.rawValue, store: store, at: due + 2 * day)
            == .refused(.caseErased))
    }

    @Test func thePreviewChangesNothingAndNothingIsDueASecondEarly() async throws {
        let (store, _) = try temporaryStore()
        try await buildCases(store)
        let due = t0 + 500 + 180 * day
        #expect(try await store.retentionPreview(policy: .standard, now: due - 1).erased.isEmpty)
        #expect(try await store.runRetention(policy: .standard, now: due - 1, actor: "system").erased.isEmpty)
        let preview = try await store.retentionPreview(policy: .standard, now: due)
        #expect(preview.erased == [RetentionReport.Erasure(caseID: CaseID("case_1"), closedAt: t0 + 500)])
        #expect(preview.cutoff == t0 + 500)
        #expect(try await store.caseDetails(CaseID("case_1"))?.erasedAt == nil)
        #expect(try await occurrences(of: ["Lone Sørensen"], in: store) != [])
    }

    @Test func aDueCaseWithMessagesStillPendingIsHeldBackUntilTheyAreDelivered() async throws {
        let (store, _) = try temporaryStore()
        _ = try await store.commitIntakes([try IntakeSubmission(
            caseID: CaseID("case_1"), intake: intake("Lone Sørensen", phone: "+45 20 30 40 50", reference: Self.reference, note: "x", company: false,
                                                     representative: nil),
            actor: "intake:test", receivedAt: t0, idempotency: nil
        )])
        try await offer("case_1", to: "anna", task: "t1", store: store, at: t0)
        _ = try await act(.accept, on: "t1", by: "anna", store: store, at: t0 + 10)
        _ = try await act(.resolve(outcome: nil), on: "t1", by: "anna", store: store, at: t0 + 20)
        let due = t0 + 20 + 180 * day
        let held = try await store.runRetention(policy: .standard, now: due, actor: "system")
        #expect(held.erased.isEmpty)
        #expect(held.heldBack == [RetentionReport.HeldBack(caseID: CaseID("case_1"), closedAt: t0 + 20, pendingMessages: 1)])
        #expect(try await store.caseDetails(CaseID("case_1"))?.intake.caller.name == "Lone Sørensen")

        try await deliverEverything(store, at: due)
        #expect(try await store.runRetention(policy: .standard, now: due + day, actor: "system").erased.map(\.caseID) == [CaseID("case_1")])
    }

    @Test func aReopenedCaseIsOpenAgainAndTheRepresentativeStaysWhileTheCitizenHasAnotherCase() async throws {
        let (store, _) = try temporaryStore()
        let representative = Representative(name: "Karin Dahl", phone: "+45 11 22 33 44")
        _ = try await store.commitIntakes(["case_1", "case_2"].map { id in
            try! IntakeSubmission(
                caseID: CaseID(id), intake: intake("Lone Sørensen", phone: "+45 20 30 40 50", reference: Self.reference, note: "x", company: false,
                                                  representative: id == "case_1" ? representative : nil),
                actor: "intake:test", receivedAt: t0, idempotency: nil
            )
        })
        for (id, task) in [("case_1", "t1"), ("case_2", "t2")] {
            try await offer(id, to: "anna", task: task, store: store, at: t0)
            _ = try await act(.accept, on: task, by: "anna", store: store, at: t0 + 10)
            _ = try await act(.resolve(outcome: nil), on: task, by: "anna", store: store, at: t0 + 20)
        }
        // case_2 is reopened later: open again, so it is never due, and the registry entry stays for it.
        _ = try await act(.reopen(reason: nil), on: "t2", by: "anna", store: store, at: t0 + 30)
        #expect(try await store.caseDetails(CaseID("case_2"))?.closedAt == nil)
        try await deliverEverything(store, at: t0 + 40)

        let report = try await store.runRetention(policy: .standard, now: t0 + 400 * day, actor: "system")
        #expect(report.erased.map(\.caseID) == [CaseID("case_1")])
        let export = try await store.exportCitizen(Self.reference, actor: "admin:test", now: t0 + 400 * day)
        #expect(export.cases.map(\.id) == [CaseID("case_2")])
        #expect(export.representative?.representative == representative)
        #expect(export.contactPerson?.mentor == MentorID("anna"))
    }

    @Test func theTrailAndTheAuditLogStayAppendOnlyOutsideErasure() async throws {
        let (store, _) = try temporaryStore()
        try await buildCases(store)
        // Not erased: the trail's details cannot change.
        await #expect(throws: (any Error).self) {
            try await store.pool.write { db in try db.execute(sql: "UPDATE case_events SET detail = x'7b7d' WHERE case_id = 'case_1'") }
        }
        // Erased: the details may be blanked, but never who, when or what.
        try await store.runRetention(policy: .standard, now: t0 + 181 * day, actor: "system")
        await #expect(throws: (any Error).self) {
            try await store.pool.write { db in try db.execute(sql: "UPDATE case_events SET actor = 'someone' WHERE case_id = 'case_1'") }
        }
        await #expect(throws: (any Error).self) {
            try await store.pool.write { db in try db.execute(sql: "UPDATE audit_log SET subject = 'citizen:someone-else'") }
        }
        await #expect(throws: (any Error).self) {
            try await store.pool.write { db in try db.execute(sql: "UPDATE audit_log SET actor = 'someone'") }
        }
        await #expect(throws: (any Error).self) {
            try await store.pool.write { db in try db.execute(sql: "DELETE FROM audit_log") }
        }
    }
}

/// Texts that repeat their values, so that rendered texts carry what the values carry.
private struct ValueTexts: MessageTexts {
    func render(_ event: EventType, language: LanguageCode, values: TemplateValues) -> RenderedText {
        let text = values.sorted { $0.key < $1.key }.compactMap { entry -> String? in
            if case .text(let value) = entry.value { return "\(entry.key): \(value)" }
            return nil
        }.joined(separator: "; ")
        return RenderedText(text: text, template: "\(event.rawValue).da.mustache", language: .danish)
    }
}
