package import Foundation

/// Everything the routing decision looks at for one case, gathered by the dispatcher.
package struct RoutingSituation: Sendable {
    package var intake: CaseIntake
    /// Nil before the first decision.
    package var progress: RoutingProgress?
    /// Mentors who declined this case; they are never offered it again.
    package var declinedBy: Set<MentorID>
    /// Open (offered or accepted) tasks per mentor, across all cases.
    package var openTasks: [MentorID: Int]
    package var now: Date

    package init(intake: CaseIntake, progress: RoutingProgress?, declinedBy: Set<MentorID> = [], openTasks: [MentorID: Int] = [:], now: Date) {
        self.intake = intake
        self.progress = progress
        self.declinedBy = declinedBy
        self.openTasks = openTasks
        self.now = now
    }
}
