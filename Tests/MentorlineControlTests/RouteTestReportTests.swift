import Foundation
import MentorlineControl
import MentorlineTesting
import Testing

/// `routes test`, offline, against a configuration directory written by `TestConfiguration`.
@Suite struct RouteTestReportTests {
    /// Monday 2026-11-23 10:00 in Copenhagen: anna's week in `vagt`, inside the desk's hours.
    static let monday = "2026-11-23T10:00"

    let directory: URL

    init() throws {
        directory = try controlTestConfiguration().write(to: try TestDaemon.temporaryDirectory("mentorctl-routes").appendingPathComponent("Config"))
    }

    func caseFile(_ json: String) throws -> String {
        let url = directory.deletingLastPathComponent().appendingPathComponent("case-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        return url.path
    }

    static let englishCompanyCall = """
        {"caller": {"kind": "company", "name": "Lone Sørensen", "phone": "+45 20 30 40 50", "organisation": "Bager Hansen ApS"},
         "topics": ["placement"], "urgency": "soon", "language": "en"}
        """

    @Test func showsRoutePolicyDecisionAndEveryReason() throws {
        let file = try caseFile(Self.englishCompanyCall)
        let text = try ControlCommands.testRoute(
            caseFile: file, at: Self.monday, configDirectory: directory.path, environment: [:], format: .text)
        #expect(text.hasPrefix("Routing test at 2026-11-23 10:00 ("))
        #expect(text.contains("Not known offline: open tasks, availability, last offers, contact person, schedule overrides."))
        #expect(text.contains("Case:     company caller, topics placement, urgency soon, language en"))
        #expect(text.contains("Route:    everything (catch-all)"))
        #expect(text.contains("Policy:   standard (1 round)"))
        #expect(text.contains("Decision: offer to anna (Anna Holm) at level 1, round 1 (sequential), open until 2026-11-23 10:10 ("))
        #expect(text.contains("Level 1: schedule vagt (Mentorvagten); answer within 10m (urgent 3m); sequential"))
        #expect(text.contains("    1. anna (Anna Holm): eligible\n         on call in Mentorvagten; speaks en; covers 1 of 1 topics; 0 of 5 open tasks; not offered a case before"))
        #expect(text.contains("Level 2: team desk (Virksomhedsservice); answer within 15m; sequential"))
        #expect(text.contains("    1. carl (Carl Berg): eligible"))
        #expect(text.contains("    2. bo (Bo Lind): excluded\n         member of Virksomhedsservice; inside Virksomhedsservice's working hours; excluded: does not speak en"))
    }

    @Test func jsonHasTheSameFacts() throws {
        let file = try caseFile(Self.englishCompanyCall)
        let json = try jsonObject(try ControlCommands.testRoute(
            caseFile: file, at: Self.monday, configDirectory: directory.path, environment: [:], format: .json))
        #expect(json["at"] as? String == "2026-11-23T09:00:00Z")
        #expect(json["time_zone"] as? String == "Europe/Copenhagen")
        #expect((json["not_known"] as? [String])?.contains("availability") == true)
        #expect((json["route"] as? [String: Any])?["id"] as? String == "everything")
        #expect((json["route"] as? [String: Any])?["catch_all"] as? Bool == true)
        #expect((json["policy"] as? [String: Any])?["id"] as? String == "standard")
        #expect((json["policy"] as? [String: Any])?["urgent_policy"] as? Bool == false)
        let decision = try #require(json["decision"] as? [String: Any])
        #expect(decision["kind"] as? String == "offer")
        #expect(decision["mentors"] as? [String] == ["anna"])
        #expect(decision["level"] as? Int == 1)
        #expect(decision["deadline"] as? String == "2026-11-23T09:10:00Z")
        let levels = try #require(json["levels"] as? [[String: Any]])
        #expect(levels.count == 2)
        #expect(levels[0]["targets"] as? [String] == ["schedule:vagt"])
        let desk = try #require(levels[1]["candidates"] as? [[String: Any]])
        #expect(desk.map { $0["mentor"] as? String } == ["carl", "bo"])
        #expect(desk[1]["eligible"] as? Bool == false)
        #expect((desk[1]["reasons"] as? [String])?.contains("excluded: does not speak en") == true)
    }

    @Test func urgentCaseFollowsTheRoutesUrgentPolicy() throws {
        let file = try caseFile("""
            {"caller": {"kind": "citizen", "name": "Ali", "phone": "+45 11 22 33 44"}, "topics": ["rules"], "urgency": "urgent"}
            """)
        let text = try ControlCommands.testRoute(
            caseFile: file, at: Self.monday, configDirectory: directory.path, environment: [:], format: .text)
        #expect(text.contains("Route:    rules\n"))
        #expect(text.contains("Policy:   urgent (1 round, the route's urgent policy: the case is urgent)"))
        #expect(text.contains("Decision: offer to bo (Bo Lind), carl (Carl Berg), anna (Anna Holm) at once at level 1, round 1 (simultaneous), open until 2026-11-23 10:05 ("))
    }

    @Test func nightCaseWaitsForTheNextOpeningAndAnUrgentOneIsUnroutable() throws {
        // Saturday night, a case for the office-hours desk alone: nobody it names is on duty.
        let routine = try caseFile("""
            {"caller": {"kind": "citizen", "name": "Ali", "phone": "+45 11 22 33 44"}, "topics": ["other"]}
            """)
        let waits = try ControlCommands.testRoute(
            caseFile: routine, at: "2026-11-28T22:00", configDirectory: directory.path, environment: [:], format: .text)
        #expect(waits.contains("Decision: wait until 2026-11-30 08:00 ("))
        #expect(waits.contains("): nobody the policy names is on duty now; waiting for the next opening"))
        #expect(waits.contains("excluded: off duty (not on call and outside working hours)"))

        // A Somali-speaking caller: anna is on call but does not speak it. Someone is at work, so the
        // case goes to the coordinator now instead of waiting for Monday.
        let somali = try caseFile("""
            {"caller": {"kind": "citizen", "name": "Ali", "phone": "+45 11 22 33 44"}, "topics": ["rules"], "language": "so"}
            """)
        let now = try ControlCommands.testRoute(
            caseFile: somali, at: "2026-11-28T22:00", configDirectory: directory.path, environment: [:], format: .text)
        #expect(now.contains("Decision: unroutable: every level of policy standard was tried once and nobody eligible is left"))
        #expect(now.contains("    1. anna (Anna Holm): excluded\n         on call in Mentorvagten; excluded: does not speak so"))

        // Urgent cases never wait.
        let urgent = try caseFile("""
            {"caller": {"kind": "citizen", "name": "Ali", "phone": "+45 11 22 33 44"}, "topics": ["rules"], "language": "so", "urgency": "urgent"}
            """)
        let unroutable = try ControlCommands.testRoute(
            caseFile: urgent, at: "2026-11-28T22:00", configDirectory: directory.path, environment: [:], format: .text)
        #expect(unroutable.contains(
            "Decision: unroutable: every level of policy urgent was tried once and nobody eligible is left; "
                + "the coordinator carl (Carl Berg) is offered it and ops are alerted"))
    }

    @Test func invalidCaseListsEveryFieldProblem() throws {
        let file = try caseFile("""
            {"caller": {"kind": "alien", "name": " "}, "topics": ["Not A Topic!"], "urgency": "now", "colour": "red"}
            """)
        let error = try #require(throws: ControlError.self) {
            try ControlCommands.testRoute(caseFile: file, at: Self.monday, configDirectory: directory.path, environment: [:], format: .text)
        }
        #expect(error.code == .invalidCase)
        #expect(error.message == "\(file) is not a valid case (6 field problems); intake would refuse it.")
        let output = try #require(error.output)
        #expect(output.contains("\(file): colour: is not a field of a case"))
        #expect(output.contains("\(file): caller.kind: must be one of company, citizen, representative, staff"))
        #expect(output.contains("\(file): caller.name: is required"))
        #expect(output.contains("\(file): caller: needs a phone number or an e-mail address so a mentor can call back"))
        #expect(output.contains("\(file): topics[0]: must be a topic id such as placement or digital-help"))
        #expect(output.contains("\(file): urgency: must be one of routine, soon, urgent"))

        let json = try #require(throws: ControlError.self) {
            try ControlCommands.testRoute(caseFile: file, at: Self.monday, configDirectory: directory.path, environment: [:], format: .json)
        }
        let object = try jsonObject(try #require(json.output))
        #expect(object["valid"] as? Bool == false)
        #expect((object["invalid-params"] as? [[String: Any]])?.count == 6)
    }

    @Test func wrongTypesAndBrokenJSONAreFieldProblemsToo() throws {
        let wrongType = try caseFile(#"{"caller": {"kind": "citizen", "name": "Ali", "phone": "12345678"}, "topics": "debt"}"#)
        let error = try #require(throws: ControlError.self) {
            try ControlCommands.testRoute(caseFile: wrongType, at: Self.monday, configDirectory: directory.path, environment: [:], format: .text)
        }
        #expect(error.output == "\(wrongType): topics: must be a list")

        let broken = try caseFile(#"{"caller": "#)
        let brokenError = try #require(throws: ControlError.self) {
            try ControlCommands.testRoute(caseFile: broken, at: Self.monday, configDirectory: directory.path, environment: [:], format: .text)
        }
        #expect(brokenError.output == "\(broken): (body): is not valid JSON")
    }

    @Test func badArgumentsAndConfigurationAreOneLine() throws {
        let file = try caseFile(Self.englishCompanyCall)
        let badTime = try #require(throws: ControlError.self) {
            try ControlCommands.testRoute(caseFile: file, at: "23/11/2026", configDirectory: directory.path, environment: [:], format: .text)
        }
        #expect(badTime.code == .usage)
        #expect(badTime.message == "--at must be a time such as 2026-11-23T08:00, 2026-11-23T07:00Z, 2026-11-23T08:00+01:00 or 2026-11-23 (got \"23/11/2026\").")

        let missingFile = try #require(throws: ControlError.self) {
            try ControlCommands.testRoute(caseFile: "/nonexistent/case.json", at: nil, configDirectory: directory.path, environment: [:], format: .text)
        }
        #expect(missingFile.message == "Cannot read the case file /nonexistent/case.json.")

        let emptyDirectory = try TestDaemon.temporaryDirectory("mentorctl-empty-config")
        let noConfig = try #require(throws: ControlError.self) {
            try ControlCommands.testRoute(caseFile: file, at: nil, configDirectory: emptyDirectory.path, environment: [:], format: .text)
        }
        #expect(noConfig.code == .configuration)
        #expect(noConfig.message.hasPrefix("The configuration in \(emptyDirectory.path) does not load: "))
        #expect(!noConfig.message.contains("\n"))
    }

    @Test func shippedConfigurationRoutesASampleCall() throws {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Config")
        let file = try caseFile(Self.englishCompanyCall)
        let json = try jsonObject(try ControlCommands.testRoute(
            caseFile: file, at: Self.monday, configDirectory: shipped.path, environment: [:], format: .json))
        #expect(json["route"] != nil)
        #expect(["offer", "wait", "unroutable"].contains((json["decision"] as? [String: Any])?["kind"] as? String))
    }
}
