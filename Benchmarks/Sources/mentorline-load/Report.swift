import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Memory of a process from `/proc/<pid>/status`, in kibibytes.
struct ProcStatus: Sendable {
    var peakKiB: Int  // VmHWM
    var residentKiB: Int  // VmRSS
    var threads: Int

    init?(pid: Int32) {
        guard pid > 0, let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        var fields: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            fields[String(parts[0])] = Int(parts[1].split(separator: " ").first ?? "")
        }
        guard let peak = fields["VmHWM"], let resident = fields["VmRSS"] else { return nil }
        peakKiB = peak
        residentKiB = resident
        threads = fields["Threads"] ?? 0
    }

    /// User + system CPU time the process has used, from `/proc/<pid>/stat`.
    static func cpuSeconds(pid: Int32) -> Double? {
        guard pid > 0, let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name: state is field 3, utime 14, stime 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

extension LoadResult {
    /// Completions matching `counted` per second of the run.
    func rate(_ counted: (Completion) -> Bool) -> Double {
        let seconds = Double(finishedAt - startedAt) / 1e9
        return seconds > 0 ? Double(completions.filter(counted).count) / seconds : 0
    }

    var statusCounts: String {
        var counts: [Int: Int] = [:]
        for completion in completions { counts[completion.status, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { "\($0.key == 0 ? "no answer" : String($0.key)): \($0.value)" }.joined(separator: ", ")
    }
}

/// Nearest-rank percentile of nanosecond samples, in milliseconds.
func percentileMilliseconds(_ sorted: [UInt64], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let rank = min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))
    return Double(sorted[rank]) / 1e6
}

/// Everything one run measured, and its Markdown rendering.
struct Report {
    var ceiling = 0.0
    var memoryAtStart: ProcStatus?
    var burst: LoadResult?
    var burstDaemonCPU = 0.0
    var memoryAfterBurst: ProcStatus?
    var drain = WebhookSink.Snapshot()
    var afterBurstEnd: (count: Int, last: UInt64) = (0, 0)
    var drainDaemonCPU = 0.0
    var memoryAfterDrain: ProcStatus?
    var paced: LoadResult?
    var pacedAccepted = 0
    var latencies: [UInt64] = []
    var memoryAtEnd: ProcStatus?
    var sinkAtEnd = WebhookSink.Snapshot()

    func markdown(_ options: Options) -> String {
        func number(_ value: Double) -> String {
            guard value.isFinite else { return "n/a" }
            var digits = String(Int(value.rounded()))
            var grouped = ""
            while digits.count > 3 {
                grouped = "," + digits.suffix(3) + grouped
                digits.removeLast(3)
            }
            return digits + grouped
        }
        func ms(_ value: Double) -> String { value.isFinite ? String(format: "%.1f ms", value) : "n/a" }
        func mib(_ kib: Int?) -> String { kib.map { String(format: "%.1f MiB", Double($0) / 1024) } ?? "n/a" }
        func met(_ ok: Bool) -> String { ok ? "yes" : "**no**" }

        let accepted = burst?.completions.filter { $0.status == 202 }.count ?? 0
        let intakeRate = burst?.rate { $0.status == 202 } ?? 0
        let burstSeconds = burst.map { Double($0.finishedAt - $0.startedAt) / 1e9 } ?? 0
        let intakeLatency = (burst?.completions.filter { $0.status == 202 }.map { $0.answeredAt - $0.sentAt } ?? []).sorted()
        let drainSeconds = drain.lastArrival > drain.firstArrival ? Double(drain.lastArrival - drain.firstArrival) / 1e9 : 0
        let webhookRate = drainSeconds > 0 ? Double(drain.offered) / drainSeconds : 0
        let tailSeconds = (burst.map { afterBurstEnd.last > $0.finishedAt ? Double(afterBurstEnd.last - $0.finishedAt) / 1e9 : 0 }) ?? 0
        let tailRate = tailSeconds > 0 ? Double(afterBurstEnd.count) / tailSeconds : 0
        let sorted = latencies.sorted()
        let p50 = percentileMilliseconds(sorted, 0.50)
        let p99 = percentileMilliseconds(sorted, 0.99)
        let maxLatency = sorted.last.map { Double($0) / 1e6 } ?? .nan
        let pacedCount = Int(options.rate * Double(options.rateSeconds))
        let late = paced?.completions.filter { $0.lateBy > 1_000_000 }.count ?? 0
        let peak = memoryAfterDrain?.peakKiB

        var lines: [String] = []
        lines.append("| figure | result | target | met |")
        lines.append("|---|---|---|---|")
        lines.append("| durable intakes/s (\(number(Double(options.burst)))-case burst, \(options.connections) connections, 202s only) "
            + "| \(number(intakeRate))/s | ≥ 10,000/s | \(met(intakeRate >= 10_000)) |")
        lines.append("| intake→webhook latency at \(number(options.rate)) cases/s for \(options.rateSeconds) s "
            + "| p50 \(ms(p50)), p99 \(ms(p99)), max \(ms(maxLatency)); \(number(Double(sorted.count)))/\(number(Double(pacedCount))) arrived "
            + "| p99 ≤ 25 ms | \(met(p99 <= 25 && sorted.count == pacedCount)) |")
        lines.append("| webhooks/s, daemon's libcurl `CurlClient` → local sink (the burst's \(number(Double(drain.offered))) offers) "
            + "| \(number(webhookRate))/s | ≥ 20,000/s | \(met(webhookRate >= 20_000)) |")
        lines.append("| daemon peak memory (VmHWM) through the burst and its deliveries | \(mib(peak)) | ≤ 64 MB | \(met((peak ?? .max) * 1024 <= 64_000_000)) |")
        lines.append("")
        lines.append("Details:")
        lines.append("")
        lines.append("- Load client ceiling (same client, \(options.connections) connections, against the sink's trivial route in the same process): "
            + "\(number(ceiling)) requests/s.")
        lines.append("- Burst: \(number(Double(accepted))) × 202 in \(String(format: "%.2f", burstSeconds)) s (\(burst?.statusCounts ?? "n/a")"
            + "\(burst?.timedOut == true ? ", TIMED OUT" : "")); intake answer p50 \(ms(percentileMilliseconds(intakeLatency, 0.5))), "
            + "p99 \(ms(percentileMilliseconds(intakeLatency, 0.99))); daemon CPU \(String(format: "%.2f", burstDaemonCPU)) s "
            + "(\(String(format: "%.0f", burstSeconds > 0 ? burstDaemonCPU / burstSeconds * 100 : 0)) % of one core).")
        lines.append("- Deliveries of the burst's offers: first to last arrival \(String(format: "%.2f", drainSeconds)) s; "
            + "after the last intake answer \(number(Double(afterBurstEnd.count))) more arrived at \(number(tailRate))/s; "
            + "daemon CPU over burst + drain \(String(format: "%.2f", drainDaemonCPU)) s.")
        lines.append("- Latency phase: \(number(Double(pacedAccepted))) × 202 (\(paced?.statusCounts ?? "n/a")); "
            + "\(late) requests left the client more than 1 ms late.")
        lines.append("- Sink: \(number(Double(sinkAtEnd.received))) webhooks, \(number(Double(sinkAtEnd.offered))) task.offered, other types "
            + "\(sinkAtEnd.otherTypes.isEmpty ? "none" : sinkAtEnd.otherTypes.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")), "
            + "\(sinkAtEnd.duplicates) duplicate webhook-ids; signatures checked on the first \(sinkAtEnd.verified + sinkAtEnd.badSignatures): "
            + "\(sinkAtEnd.badSignatures) bad.")
        lines.append("- Daemon memory (VmRSS / VmHWM): at start \(mib(memoryAtStart?.residentKiB)) / \(mib(memoryAtStart?.peakKiB)); "
            + "after the burst \(mib(memoryAfterBurst?.residentKiB)) / \(mib(memoryAfterBurst?.peakKiB)); "
            + "after its deliveries \(mib(memoryAfterDrain?.residentKiB)) / \(mib(memoryAfterDrain?.peakKiB)); "
            + "after the latency phase \(mib(memoryAtEnd?.residentKiB)) / \(mib(memoryAtEnd?.peakKiB)); "
            + "\(memoryAfterDrain?.threads ?? 0) threads.")
        return lines.joined(separator: "\n") + "\n"
    }
}
