package import Foundation
package import MentorlineConfig

/// Where mentorctl finds the configuration: `--config`; else `$CONFIGURATION_DIRECTORY` (its first
/// entry, as systemd may list several); else `/etc/mentorline` when it exists; else `./Config`.
package enum ConfigurationDirectory {
    package static let system = "/etc/mentorline"
    package static let local = "Config"

    package static func resolve(
        _ option: String?, environment: [String: String], directoryExists: (String) -> Bool = ConfigurationDirectory.exists
    ) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option, isDirectory: true) }
        if let listed = environment["CONFIGURATION_DIRECTORY"]?.split(separator: ":").first, !listed.isEmpty {
            return URL(fileURLWithPath: String(listed), isDirectory: true)
        }
        return URL(fileURLWithPath: directoryExists(system) ? system : local, isDirectory: true)
    }

    package static func exists(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The configuration in `directory`, or a one-line error naming the first problem and how many
    /// there are (`mentorctl check-config` lists them all).
    package static func load(_ directory: URL, environment: [String: String]) throws(ControlError) -> MentorlineConfiguration {
        do {
            return try ConfigurationLoader(directory: directory, environment: environment).load()
        } catch {
            throw ControlError(
                .configuration,
                "The configuration in \(directory.path) does not load: \(summary(of: error)). Run mentorctl check-config \(directory.path)."
            )
        }
    }

    /// `roster.yaml:3:5: unknown team 'desk' (and 2 more)`.
    static func summary(of errors: ConfigurationErrors) -> String {
        let first = errors.errors.first.map(\.description) ?? "unknown problem"
        return errors.errors.count > 1 ? "\(first) (and \(errors.errors.count - 1) more)" : first
    }

    /// The configuration's `server.public_url`, or a one-line error saying how else to name the daemon.
    static func publicURL(_ directory: URL, environment: [String: String]) throws(ControlError) -> String {
        do {
            return try ConfigurationLoader(directory: directory, environment: environment).load().server.publicURL
        } catch {
            throw ControlError(
                .configuration,
                "No daemon URL: give --url or set MENTORLINE_URL; the configuration in \(directory.path), whose server.public_url "
                    + "would do, does not load: \(summary(of: error))."
            )
        }
    }
}
