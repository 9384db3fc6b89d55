import Foundation

extension CaseReport {
    /// The width message texts are wrapped to, indent not counted.
    static let textWidth = 72

    /// ```
    /// Case case_01K… · waiting · urgency soon · caller citizen
    /// Topics placement · language da
    /// Received 2026-05-25 10:00 (Mon) · promised by 2026-05-26 12:00 (Tue) · times in Europe/Copenhagen
    ///
    /// Trail:
    ///   2026-05-25 10:00  received  intake:test-intake
    ///   2026-05-25 10:00  letter    system             case.receipt to the citizen held until …: Whit Monday
    ///
    /// Tasks: none
    ///
    /// Messages:
    ///   case.receipt to citizen:caller via sms-gateway (msg_01K…, queued 2026-05-25 10:00)
    ///     held until 2026-05-26 08:00 (Whit Monday)
    ///     │ Tak for din henvendelse. …
    ///     case.receipt.da.mustache · da
    /// ```
    package var text: String {
        var lines = header
        lines.append("")
        lines += trail
        lines.append("")
        lines += tasks
        lines.append("")
        lines += messages
        return lines.joined(separator: "\n")
    }

    private var header: [String] {
        let topics = answer.topics.isEmpty ? "No topics" : "Topics " + answer.topics.map(DaemonClient.clean).joined(separator: ", ")
        var received = "Received \(TimeText.formatWithWeekday(answer.receivedAt, in: timeZone))"
        if let promise = answer.promisedBy { received += " · promised by \(TimeText.formatWithWeekday(promise, in: timeZone))" }
        received += " · times in \(timeZone.identifier)"
        var lines = [
            "Case \(DaemonClient.clean(answer.id)) · \(DaemonClient.clean(answer.state)) · urgency \(DaemonClient.clean(answer.urgency))"
                + " · caller \(DaemonClient.clean(answer.caller.kind))",
            "\(topics) · language \(DaemonClient.clean(answer.language))",
            received,
        ]
        if let erased = answer.erasedAt {
            lines.append("Personal data erased \(TimeText.formatWithWeekday(erased, in: timeZone)) under the retention rule: ids, times and states remain")
        }
        if let routing = answer.routing {
            lines.append(
                "Routing: route \(DaemonClient.clean(routing.route)), policy \(DaemonClient.clean(routing.policy)), "
                    + "level \(routing.level), round \(routing.round)")
        }
        return lines
    }

    /// One line per event: time, event, actor, and what it says (mentor, route, level, until, reason).
    private var trail: [String] {
        guard !answer.history.isEmpty else { return ["Trail: empty"] }
        let events = answer.history.map { DaemonClient.clean($0.event.replacingOccurrences(of: "_", with: " ")) }
        let actors = answer.history.map { DaemonClient.clean($0.actor) }
        let eventWidth = events.map(\.count).max() ?? 0
        let actorWidth = actors.map(\.count).max() ?? 0
        var lines = ["Trail:"]
        for (index, event) in answer.history.enumerated() {
            let detail = self.detail(of: event)
            var line = "  \(TimeText.minute(event.at, in: timeZone))  \(Self.padded(events[index], eventWidth))  "
            line += detail.isEmpty ? actors[index] : "\(Self.padded(actors[index], actorWidth))  \(detail)"
            lines.append(line)
        }
        return lines
    }

    private func detail(of event: Answer.Event) -> String {
        var parts: [String] = []
        if let mentor = event.mentor {
            parts.append(DaemonClient.clean(mentor) + (event.toMentor.map { " to \(DaemonClient.clean($0))" } ?? ""))
        } else if let toMentor = event.toMentor {
            parts.append("to \(DaemonClient.clean(toMentor))")
        }
        if let route = event.route { parts.append("route \(DaemonClient.clean(route))") }
        if let policy = event.policy { parts.append("policy \(DaemonClient.clean(policy))") }
        if let level = event.level { parts.append("level \(level)" + (event.round.map { $0 > 1 ? " round \($0)" : "" } ?? "")) }
        if let deadline = event.deadline {
            parts.append((event.event == "offered" ? "answer by " : "by ") + TimeText.minute(deadline, sameDayAs: event.at, in: timeZone))
        }
        if let until = event.until { parts.append("until \(TimeText.minute(until, sameDayAs: event.at, in: timeZone))") }
        if let reason = event.reason, !reason.isEmpty { parts.append(DaemonClient.clean(reason)) }
        return parts.joined(separator: ", ")
    }

    private var tasks: [String] {
        guard !answer.tasks.isEmpty else { return ["Tasks: none"] }
        let mentorWidth = answer.tasks.map { DaemonClient.clean($0.mentor).count }.max() ?? 0
        let stateWidth = answer.tasks.map { DaemonClient.clean($0.state).count }.max() ?? 0
        var lines = ["Tasks:"]
        for task in answer.tasks {
            let offered = task.offeredAt
            var line = "  \(DaemonClient.clean(task.id))  \(Self.padded(DaemonClient.clean(task.mentor), mentorWidth))  "
            line += "\(Self.padded(DaemonClient.clean(task.state), stateWidth))  level \(task.level) \(DaemonClient.clean(task.purpose))"
            if let from = task.handedFrom { line += " from \(DaemonClient.clean(from))" }
            line += ", offered \(TimeText.minute(offered, in: timeZone))"
            if let answered = task.answeredAt {
                line += ", answered \(TimeText.minute(answered, sameDayAs: offered, in: timeZone))"
            } else if task.state == "offered" {
                line += ", answer by \(TimeText.minute(task.deadline, sameDayAs: offered, in: timeZone))"
            }
            if let resolved = task.resolvedAt { line += ", resolved \(TimeText.minute(resolved, sameDayAs: offered, in: timeZone))" }
            lines.append(line)
        }
        return lines
    }

    /// Every message: what, to whom, through which endpoint; its status in words; its text.
    private var messages: [String] {
        guard !answer.messages.isEmpty else { return ["Messages: none"] }
        var lines = ["Messages:"]
        for message in answer.messages {
            lines.append(
                "  \(DaemonClient.clean(message.type)) to \(DaemonClient.clean(message.recipient)) via \(DaemonClient.clean(message.endpoint))"
                    + " (\(DaemonClient.clean(message.id)), queued \(TimeText.minute(message.createdAt, in: timeZone)))"
            )
            lines.append("    " + status(of: message))
            if let text = message.text {
                lines.append(TextBlock.wrapped(text, width: Self.textWidth, indent: "    │ "))
                let source = [message.template, message.language].compactMap { $0.map(DaemonClient.clean) }
                if !source.isEmpty { lines.append("    " + source.joined(separator: " · ")) }
            } else if answer.erasedAt != nil {
                lines.append("    (text erased)")
            } else {
                lines.append("    (no text stored: queued before texts were kept)")
            }
        }
        return lines
    }

    /// `sent 10:02`, `held until 2026-05-26 08:00 (Whit Monday)`, `pending after 3 attempts (last: HTTP 500),
    /// next 10:05`, `failed after 8 attempts: HTTP 500`. Times on the day it was queued show the clock only.
    package func status(of message: Answer.Message) -> String {
        func time(_ instant: Date) -> String { TimeText.minute(instant, sameDayAs: message.createdAt, in: timeZone) }
        func attempts(_ count: Int) -> String { count == 1 ? "1 attempt" : "\(count) attempts" }
        let lastFailure: String? =
            if let status = message.lastStatus { "HTTP \(status)" }
            else if let error = message.lastError, !error.isEmpty { DaemonClient.clean(error) }
            else { nil }
        switch message.state {
        case .delivered:
            var text = "sent" + (message.deliveredAt.map { " \(time($0))" } ?? "")
            if message.attempts > 1 { text += " (after \(attempts(message.attempts)))" }
            return text
        case .dead:
            return "failed after \(attempts(message.attempts))" + (lastFailure.map { ": \($0)" } ?? "")
        case .pending:
            let why = message.heldDetail ?? message.heldReason
            if let why, message.notBefore > now {
                return "held until \(time(message.notBefore)) (\(DaemonClient.clean(why)))"
            }
            guard message.attempts > 0 else {
                return message.notBefore > now ? "pending, due \(time(message.notBefore))" : "pending, due since \(time(message.notBefore))"
            }
            return "pending after \(attempts(message.attempts))" + (lastFailure.map { " (last: \($0))" } ?? "")
                + ", next \(time(message.notBefore))"
        }
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
