import Foundation

/// The directory the database lives in: created private (0700) when missing, refused when anyone
/// may write to it (a world-writable state directory would let any local user swap the database).
enum StateDirectory {
    struct Unusable: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "state directory \(path): \(reason)" }
    }

    static func prepare(_ path: String) throws -> URL {
        let url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Unusable(path: url.path, reason: "is not a directory") }
        } else {
            do {
                try manager.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw Unusable(path: url.path, reason: "cannot be created (\(error.localizedDescription))")
            }
        }
        let attributes = try manager.attributesOfItem(atPath: url.path)
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o002 != 0 {
            throw Unusable(path: url.path, reason: "is world-writable; make it 0700 (chmod o-w)")
        }
        guard manager.isWritableFile(atPath: url.path) else { throw Unusable(path: url.path, reason: "is not writable by this user") }
        return url
    }
}
