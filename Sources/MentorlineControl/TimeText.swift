package import Foundation
import MentorlineCore

/// Instants as mentorctl prints and reads them.
package enum TimeText {
    /// `2026-11-23 08:00 (CET)`: wall-clock time in `timeZone` and the zone's abbreviation there
    /// (seconds only when they are not zero).
    package static func format(_ instant: Date, in timeZone: TimeZone) -> String {
        let local = LocalDateTime(instant, in: timeZone)
        let seconds = local.secondsIntoDay
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var clock = "\(two(seconds / 3600)):\(two(seconds / 60 % 60))"
        if seconds % 60 != 0 { clock += ":\(two(seconds % 60))" }
        return "\(local.date) \(clock) (\(zoneLabel(timeZone, at: instant)))"
    }

    /// `CET`/`CEST`: the zone's short name as British English writes it (US English says `GMT+1`),
    /// or the platform's abbreviation; else the offset (`UTC+01:00`).
    static func zoneLabel(_ timeZone: TimeZone, at instant: Date) -> String {
        func isLetters(_ name: String?) -> Bool {
            guard let name, !name.isEmpty else { return false }
            return name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
        }
        let style: NSTimeZone.NameStyle = timeZone.isDaylightSavingTime(for: instant) ? .shortDaylightSaving : .shortStandard
        if let name = timeZone.localizedName(for: style, locale: Self.nameLocale), isLetters(name) { return name }
        if let abbreviation = timeZone.abbreviation(for: instant), isLetters(abbreviation) { return abbreviation }
        let offset = timeZone.secondsFromGMT(for: instant)
        guard offset != 0 else { return "UTC" }
        let magnitude = abs(offset)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "UTC\(offset < 0 ? "-" : "+")\(two(magnitude / 3600)):\(two(magnitude / 60 % 60))"
    }

    private static let nameLocale = Locale(identifier: "en_GB")

    /// The examples every "is not a time" message gives.
    static let examples = "2026-11-23T08:00, 2026-11-23T07:00Z, 2026-11-23T08:00+01:00 or 2026-11-23"

    /// Checks that `text` is a time `InstantParsing` reads (the daemon reads it again in the schedule's
    /// time zone); throws a usage error naming `option` otherwise.
    static func checkSyntax(_ text: String, option: String) throws(ControlError) {
        guard InstantParsing.parse(text, in: .gmt) != nil else {
            throw ControlError(.usage, "\(option) must be a time such as \(examples) (got \"\(text)\").")
        }
    }

    /// `text` read in `timeZone`; throws a usage error naming `option` when it does not parse.
    static func parse(_ text: String, option: String, in timeZone: TimeZone) throws(ControlError) -> Date {
        guard let instant = InstantParsing.parse(text, in: timeZone) else {
            throw ControlError(.usage, "\(option) must be a time such as \(examples) (got \"\(text)\").")
        }
        return instant
    }

    /// `10m`, `1h30m`, `45s`, `2d`.
    package static func format(_ duration: Duration) -> String {
        var seconds = Int(duration.components.seconds)
        guard seconds > 0 else { return "0s" }
        var text = ""
        for (unit, size) in [("d", 86400), ("h", 3600), ("m", 60), ("s", 1)] where seconds >= size {
            text += "\(seconds / size)\(unit)"
            seconds %= size
        }
        return text
    }
}
