package import Foundation
import MentorlineConfig

/// The time zone `letters next` and `case show` print times in: the deployment's `time_zone`, the zone
/// the daemon reads `?at=` in and the letter policy counts days in.
///
/// The daemon's answers to those routes carry UTC instants and no zone, so it comes from the
/// configuration directory, found as `--config` finds it (`--config`, `$CONFIGURATION_DIRECTORY`,
/// `/etc/mentorline`, `./Config`). Where that does not load (mentorctl on another machine, or a user who
/// cannot read the credentials it names) this machine's zone (`TZ`) stands in; the output always names
/// the zone it uses.
package enum DeploymentTimeZone {
    package static func resolve(configDirectory: String?, environment: [String: String], fallback: TimeZone = .current) -> TimeZone {
        let directory = ConfigurationDirectory.resolve(configDirectory, environment: environment)
        guard let configuration = try? ConfigurationDirectory.load(directory, environment: environment) else { return fallback }
        return configuration.timeZone
    }
}
