import Foundation
import MentorlineCore
import MentorlineStore

/// A retention preview or run as the API shows it: the cases (ids and closing times only, never
/// personal data) erased or due, and those held back.
struct RetentionView: Encodable {
    struct CaseEntry: Encodable {
        var id: CaseID
        var closedAt: Date
    }

    struct HeldBackEntry: Encodable {
        var id: CaseID
        var closedAt: Date
        var pendingMessages: Int
    }

    /// True for a preview: nothing was erased.
    var dryRun: Bool
    var at: Date
    var periodDays: Double
    /// Cases closed at or before this instant are due.
    var cutoff: Date
    /// How many cases were erased (or, in a preview, would be).
    var count: Int
    var cases: [CaseEntry]
    var heldBack: [HeldBackEntry]
    /// The next daily run, in a preview.
    var nextRun: Date?

    init(_ report: RetentionReport, policy: RetentionPolicy, dryRun: Bool, nextRun: Date?) {
        self.dryRun = dryRun
        at = report.at
        periodDays = policy.seconds / 86_400
        cutoff = report.cutoff
        count = report.erased.count
        cases = report.erased.map { CaseEntry(id: $0.caseID, closedAt: $0.closedAt) }
        heldBack = report.heldBack.map { HeldBackEntry(id: $0.caseID, closedAt: $0.closedAt, pendingMessages: $0.pendingMessages) }
        self.nextRun = nextRun
    }
}
