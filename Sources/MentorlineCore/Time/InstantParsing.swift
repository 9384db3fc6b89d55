package import Foundation

/// Reads the instants people type into `?at=` and `mentorctl --at`: `2026-11-23T14:05:00+01:00`,
/// `2026-11-23T13:05Z`, `2026-11-23T14:05` (wall clock in `timeZone`) or `2026-11-23` (midnight there).
package enum InstantParsing {
    package static func parse(_ text: String, in timeZone: TimeZone) -> Date? {
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard let date = LocalDate(String(parts[0])) else { return nil }
        guard parts.count == 2 else { return LocalDateTime(date: date, secondsIntoDay: 0).instant(in: timeZone) }
        var clock = Substring(parts[1])
        var offset: Int?
        if clock.hasSuffix("Z") || clock.hasSuffix("z") {
            offset = 0
            clock = clock.dropLast()
        } else if let sign = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = clock[clock.index(after: sign)...].split(separator: ":")
            guard (1...2).contains(zone.count), zone.allSatisfy({ $0.count == 2 && $0.isASCIIDigits }),
                  let hours = Int(zone[0]), let minutes = zone.count == 2 ? Int(zone[1]) : 0, hours <= 14, minutes < 60
            else { return nil }
            offset = (clock[sign] == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
            clock = clock[..<sign]
        }
        let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), fields.allSatisfy({ $0.count == 2 && $0.isASCIIDigits }),
              let hour = Int(fields[0]), let minute = Int(fields[1]), let second = fields.count == 3 ? Int(fields[2]) : 0,
              hour < 24, minute < 60, second < 60
        else { return nil }
        let local = LocalDateTime(date: date, secondsIntoDay: hour * 3600 + minute * 60 + second)
        guard let offset else { return local.instant(in: timeZone) }
        return Date(timeIntervalSince1970: TimeInterval(date.dayNumber * 86400 + local.secondsIntoDay - offset))
    }
}
