import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The database file and SQLite's companions (`-wal`, `-shm`, `-journal`) hold personal data: they are
/// readable and writable by their owner only (0600), whatever the process's umask.
enum DatabaseFiles {
    static let privateMode: mode_t = 0o600

    static func companions(of path: String) -> [String] {
        ["-wal", "-shm", "-journal"].map { path + $0 }
    }

    /// Creates the database file 0600 when it is missing (SQLite then creates its companions with the
    /// file's mode), and narrows an existing file and its companions to 0600.
    static func makePrivate(_ path: String) throws {
        let descriptor = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, privateMode)
        guard descriptor >= 0 else { throw StoreError(.database, "cannot create or open \(path) (errno \(errno))") }
        close(descriptor)
        try narrow(path)
        try narrowCompanions(of: path)
    }

    /// Narrows the companions SQLite has created to 0600.
    static func narrowCompanions(of path: String) throws {
        for companion in companions(of: path) where FileManager.default.fileExists(atPath: companion) {
            try narrow(companion)
        }
    }

    /// Creates a new, empty file with mode 0600; refuses an existing one.
    static func createPrivate(_ path: String) throws {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, privateMode)
        guard descriptor >= 0 else {
            throw StoreError(.database, errno == EEXIST ? "\(path) exists already" : "cannot create \(path) (errno \(errno))")
        }
        close(descriptor)
        try narrow(path)
    }

    private static func narrow(_ path: String) throws {
        guard chmod(path, privateMode) == 0 else { throw StoreError(.database, "cannot make \(path) private (chmod 0600, errno \(errno))") }
    }
}
