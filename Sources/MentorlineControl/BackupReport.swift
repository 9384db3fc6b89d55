package import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `mentorctl backup FILE`: the daemon writes a consistent copy of its database (SQLite's online backup,
/// while it keeps working) into `backups/` of its state directory, and mentorctl moves it to FILE, mode
/// 0600, synced to disk. Run it on the daemon's machine as a user who may read the state directory
/// (root, or the service user for a FILE it may write).
package struct BackupReport: Sendable {
    /// `POST /v1/admin/backup`'s answer.
    package struct Answer: Decodable, Sendable, Hashable {
        /// Where the daemon wrote the copy.
        package var file: String
        package var bytes: Int
        package var cases: Int
        package var takenAt: Date

        enum CodingKeys: String, CodingKey {
            case file, bytes, cases
            case takenAt = "taken_at"
        }
    }

    /// What `--json` prints.
    struct Output: Encodable {
        var file: String
        var bytes: Int
        var cases: Int
        var takenAt: Date
        var mode = "0600"

        enum CodingKeys: String, CodingKey {
            case file, bytes, cases, mode
            case takenAt = "taken_at"
        }
    }

    package var answer: Answer
    /// Where the backup is now.
    package var destination: String
    package var timeZone: TimeZone

    /// The first 16 bytes of every SQLite database file.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Asks the daemon for a backup and moves it to `destination`, which must not exist yet.
    static func make(destination: String, timeZone: TimeZone, client: DaemonClient) async throws -> BackupReport {
        let target = URL(fileURLWithPath: destination).standardizedFileURL.path
        let manager = FileManager.default
        if manager.fileExists(atPath: target) {
            throw ControlError(.usage, "\(target) exists already; mentorctl backup writes a new file (choose another name, or remove it first).")
        }
        var isDirectory: ObjCBool = false
        let parent = (target as NSString).deletingLastPathComponent
        guard manager.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ControlError(.usage, "The directory \(parent) does not exist.")
        }
        guard manager.isWritableFile(atPath: parent) else {
            throw ControlError(.usage, "Cannot write to \(parent) as this user.")
        }
        let (answer, _) = try await client.postWithBody(["v1", "admin", "backup"], as: Answer.self)
        try move(answer.file, to: target)
        return BackupReport(answer: answer, destination: target, timeZone: timeZone)
    }

    /// Renames (or, across file systems, copies and removes) the daemon's file, checks it is an SQLite
    /// database, makes it 0600 and syncs it to disk.
    static func move(_ source: String, to target: String) throws(ControlError) {
        let manager = FileManager.default
        guard manager.isReadableFile(atPath: source) else {
            throw ControlError(
                .unexpectedResponse,
                "The daemon wrote the backup to \(source), which this user cannot read here (another machine, or the state directory "
                    + "is private): run mentorctl backup on the daemon's machine as root, or move that file yourself."
            )
        }
        if rename(source, target) != 0 {
            guard errno == EXDEV else {
                throw ControlError(.unexpectedResponse, "Cannot move the backup from \(source) to \(target) (errno \(errno)); it is still at \(source).")
            }
            do {
                try manager.copyItem(atPath: source, toPath: target)
                try manager.removeItem(atPath: source)
            } catch {
                try? manager.removeItem(atPath: target)
                throw ControlError(.unexpectedResponse, "Cannot copy the backup from \(source) to \(target); it is still at \(source).")
            }
        }
        guard chmod(target, 0o600) == 0 else {
            throw ControlError(.unexpectedResponse, "Wrote \(target) but cannot make it private (chmod 0600, errno \(errno)).")
        }
        let descriptor = open(target, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ControlError(.unexpectedResponse, "Cannot open \(target) to check it (errno \(errno)).") }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: sqliteHeader.count)
        let count = header.withUnsafeMutableBytes { buffer in read(descriptor, buffer.baseAddress, buffer.count) }
        guard count == sqliteHeader.count, header == sqliteHeader else {
            throw ControlError(.unexpectedResponse, "\(target) is not an SQLite database; the backup is not usable.")
        }
        guard fsync(descriptor) == 0 else { throw ControlError(.unexpectedResponse, "Cannot sync \(target) to disk (errno \(errno)).") }
    }

    /// `Backup of 3 cases written to /var/backups/mentorline-2026-11-23.sqlite (1.2 MB, mode 0600), a consistent
    /// copy as of 2026-11-23 03:00 (Mon). Restore: stop the daemon, put it in place of the database, start it.`
    package var text: String {
        "Backup of \(PurgeReport.cases(answer.cases)) written to \(destination) (\(Self.size(answer.bytes)), mode 0600), "
            + "a consistent copy as of \(TimeText.formatWithWeekday(answer.takenAt, in: timeZone)), \(timeZone.identifier)."
    }

    /// `812 bytes`, `48 kB`, `1.2 MB`.
    static func size(_ bytes: Int) -> String {
        switch bytes {
        case ..<1_000: return "\(bytes) bytes"
        case ..<1_000_000: return "\(bytes / 1_000) kB"
        default: return String(format: "%.1f MB", Double(bytes) / 1_000_000)
        }
    }

    package func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .text: text
        case .json: JSONOutput.render(Output(file: destination, bytes: answer.bytes, cases: answer.cases, takenAt: answer.takenAt))
        }
    }
}
