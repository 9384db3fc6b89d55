import Foundation
import Hummingbird
import Logging
import MentorlineCore
import MentorlineStore

/// Data care (admin): the retention rule's preview and run, a citizen's export, and backups. Every
/// action is audited by token name; logs carry counts and ids, never the citizen reference or personal data.
extension MentorlineAPI {
    /// `GET /v1/admin/retention/preview`: which cases the retention rule would erase now, and which it
    /// would hold back; erases nothing.
    @Sendable func retentionPreview(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let admin = try requireAdmin(request)
        let settings = environment.settings()
        let now = environment.now()
        let report = try await environment.store.retentionPreview(policy: settings.retention, now: now)
        try await environment.store.recordAudit(
            actor: "admin:\(admin)", action: "retention.preview", subject: "cases",
            detail: ["due": "\(report.erased.count)", "held_back": "\(report.heldBack.count)"], now: now
        )
        return try JSONResponse.make(RetentionView(report, policy: settings.retention, dryRun: true, nextRun: settings.retentionRun?.next(after: now)))
    }

    /// `POST /v1/admin/retention/run`: erase now what the rule finds due, as the daily run would.
    @Sendable func runRetention(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let admin = try requireAdmin(request)
        let settings = environment.settings()
        let actor = "admin:\(admin)"
        let report: RetentionReport
        if let run = environment.runRetention {
            report = try await run(actor)
        } else {
            report = try await environment.store.runRetention(policy: settings.retention, now: environment.now(), actor: actor)
        }
        return try JSONResponse.make(RetentionView(report, policy: settings.retention, dryRun: false, nextRun: nil))
    }

    /// `GET /v1/admin/export?citizen=REF`: everything held about one citizen reference, for a
    /// data-access request. Audited (`citizen.export`).
    @Sendable func exportCitizen(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let admin = try requireAdmin(request)
        let reference = request.uri.queryParameters["citizen"].map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        guard !reference.isEmpty, reference.count <= 64 else {
            throw Problem.invalidFields([FieldProblem(field: "citizen", reason: "is required: the citizen reference given at intake (at most 64 characters)")])
        }
        let export = try await environment.store.exportCitizen(reference, actor: "admin:\(admin)", now: environment.now())
        environment.logger.notice("Citizen data exported.", metadata: ["actor": "admin:\(admin)", "cases": "\(export.cases.count)"])
        return try JSONResponse.make(CitizenExportView(export))
    }

    /// `POST /v1/admin/backup`: a consistent copy of the database, written by the daemon to a new 0600
    /// file in `backups/` of its state directory while it keeps working. Audited (`backup`).
    @Sendable func backup(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let admin = try requireAdmin(request)
        guard let directory = environment.backupDirectory else {
            throw Problem.unavailable("This daemon has no state directory to write backups to.")
        }
        let summary = try await environment.store.backup(into: directory, actor: "admin:\(admin)", now: environment.now())
        environment.logger.notice("Database backed up.", metadata: [
            "actor": "admin:\(admin)", "file": "\(summary.path)", "bytes": "\(summary.bytes)", "cases": "\(summary.cases)",
        ])
        struct View: Encodable {
            var file: String
            var bytes: Int
            var cases: Int
            var takenAt: Date
        }
        return try JSONResponse.make(View(file: summary.path, bytes: summary.bytes, cases: summary.cases, takenAt: summary.takenAt), status: .created)
    }
}
