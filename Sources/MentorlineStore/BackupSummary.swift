package import Foundation

/// A consistent copy of the database, as ``SQLiteStore/backup(into:actor:now:)`` wrote it.
package struct BackupSummary: Hashable, Sendable {
    /// The copy's absolute path (mode 0600).
    package var path: String
    package var bytes: Int
    /// Cases in the copy.
    package var cases: Int
    /// The instant the copy shows the database at (the snapshot was taken a moment after).
    package var takenAt: Date

    package init(path: String, bytes: Int, cases: Int, takenAt: Date) {
        self.path = path
        self.bytes = bytes
        self.cases = cases
        self.takenAt = takenAt
    }
}
