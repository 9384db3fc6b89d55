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
            fields[String(parts[0])] = Int(parts[1].split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
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

/// CPU seconds spent over an interval by the daemon, by this tool, and by everything else on the machine.
struct CPUSplit: Sendable {
    var daemon = 0.0
    var tool = 0.0
    var others = 0.0
    var wall = 0.0

    struct Mark: Sendable {
        var daemon: Double
        var tool: Double
        var machine: Double
        var at: UInt64

        init(daemonPID: Int32) {
            daemon = ProcStatus.cpuSeconds(pid: daemonPID) ?? 0
            tool = ProcStatus.cpuSeconds(pid: getpid()) ?? 0
            machine = ProcStatus.machineBusySeconds()
            at = LoadClient.now()
        }
    }

    init() {}

    init(from start: Mark, to end: Mark) {
        daemon = end.daemon - start.daemon
        tool = end.tool - start.tool
        others = max(0, (end.machine - start.machine) - daemon - tool)
        wall = Double(end.at - start.at) / 1e9
    }

    /// "daemon 1.42, load tool 0.51, other processes 0.02 cores".
    var description: String {
        guard wall > 0 else { return "n/a" }
        return String(format: "daemon %.2f, load tool %.2f, other processes %.2f cores", daemon / wall, tool / wall, others / wall)
    }
}

extension ProcStatus {
    /// Busy CPU seconds of the whole machine since boot, from `/proc/stat`.
    static func machineBusySeconds() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = text.split(separator: "\n").first
        else { return 0 }
        let values = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard values.count >= 8 else { return 0 }
        // user nice system idle iowait irq softirq steal
        let busy = values[0] + values[1] + values[2] + values[5] + values[6] + values[7]
        return busy / Double(sysconf(Int32(_SC_CLK_TCK)))
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
    var burstCPU = CPUSplit()
    var pacedCPU = CPUSplit()
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
        lines.append("| signed webhooks/s, daemon (dispatch + libcurl `CurlClient`) → local sink, once intake has stopped "
            + "| \(number(tailRate))/s (\(number(Double(afterBurstEnd.count))) offers); \(number(webhookRate))/s over the whole burst "
            + "| ≥ 20,000/s | \(met(tailRate >= 20_000)) |")
        lines.append("| daemon peak memory (VmHWM) through the burst and its deliveries | \(mib(peak)) | ≤ 64 MB | \(met(peak.map { $0 * 1024 <= 64_000_000 } ?? false)) |")
        lines.append("")
        lines.append("Details:")
        lines.append("")
        lines.append("- Load client ceiling (same client, \(options.connections) connections, against the sink's trivial route in the same process): "
            + "\(number(ceiling)) requests/s.")
        lines.append("- Burst: \(number(Double(accepted))) × 202 in \(String(format: "%.2f", burstSeconds)) s (\(burst?.statusCounts ?? "n/a")"
            + "\(burst?.timedOut == true ? ", TIMED OUT" : "")); intake answer p50 \(ms(percentileMilliseconds(intakeLatency, 0.5))), "
            + "p99 \(ms(percentileMilliseconds(intakeLatency, 0.99))); daemon CPU \(String(format: "%.2f", burstDaemonCPU)) s "
            + "(\(String(format: "%.0f", burstSeconds > 0 ? burstDaemonCPU / burstSeconds * 100 : 0)) % of one core); "
            + "CPU in use during the burst: \(burstCPU.description).")
        lines.append("- Deliveries of the burst's offers: first to last arrival \(String(format: "%.2f", drainSeconds)) s; "
            + "after the last intake answer \(number(Double(afterBurstEnd.count))) more arrived at \(number(tailRate))/s; "
            + "daemon CPU over burst + drain \(String(format: "%.2f", drainDaemonCPU)) s.")
        lines.append("- Latency phase: \(number(Double(pacedAccepted))) × 202 (\(paced?.statusCounts ?? "n/a")); "
            + "\(late) requests left the client more than 1 ms late; CPU in use: \(pacedCPU.description).")
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
