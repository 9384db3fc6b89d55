import Foundation
import Testing
@testable import MentorlineCore

@Suite struct IntakeValidationTests {
    func decode(_ json: String) throws -> IntakeRequest {
        try JSONDecoder().decode(IntakeRequest.self, from: Data(json.utf8))
    }

    func problems(_ json: String) throws -> [String: String] {
        switch try decode(json).validated() {
        case .success(let intake):
            Issue.record("expected problems, got \(intake)")
            return [:]
        case .failure(let rejection):
            return Dictionary(rejection.problems.map { ($0.field, $0.reason) }, uniquingKeysWith: { first, _ in first })
        }
    }

    @Test func aCompleteCompanyCallValidatesWithDefaults() throws {
        let request = try decode("""
            {"caller": {"kind": "company", "name": " Lone Sørensen ", "phone": "+45 20 30 40 50", "organisation": "Bager Hansen ApS", "cvr": "12345674"},
             "topics": ["Placement", "placement", "unknown-thing"], "note": "Borger 010190-1234 er ikke mødt."}
            """)
        let intake = try request.validated().get()
        #expect(intake.caller.name == "Lone Sørensen")
        #expect(intake.caller.cvr?.rawValue == "12345674")
        #expect(intake.topics == [TopicID("placement"), TopicID("unknown-thing")])
        #expect(intake.language == .danish)
        #expect(intake.urgency == .routine)
        #expect(intake.note == "Borger [CPR fjernet] er ikke mødt.")
    }

    @Test func everyInvalidFieldIsNamed() throws {
        let found = try problems("""
            {"caller": {"kind": "boss", "name": "", "phone": "abc", "email": "no-at-sign", "cvr": "12345675", "fax": "1"},
             "citizen_reference": "010190-1234", "topics": ["ok", "Not A Slug!"], "language": "danish", "urgency": "asap",
             "representative": {"name": "Advokat"}, "colour": "blue"}
            """)
        #expect(found["caller.kind"] != nil)
        #expect(found["caller.name"] == "is required")
        #expect(found["caller.phone"] != nil)
        #expect(found["caller.email"] != nil)
        #expect(found["caller.cvr"] != nil)
        #expect(found["caller.fax"] == "is not a field of a caller")
        #expect(found["citizen_reference"]?.contains("CPR") == true)
        #expect(found["topics[1]"] != nil)
        #expect(found["language"] != nil)
        #expect(found["urgency"] != nil)
        #expect(found["representative"] != nil)
        #expect(found["colour"] == "is not a field of a case")
    }

    @Test func callerIsRequiredAndCompaniesNeedAnOrganisationAndAWayBack() throws {
        #expect(try problems("{}")["caller"] == "is required")
        let company = try problems(#"{"caller": {"kind": "company", "name": "Lone"}}"#)
        #expect(company["caller.organisation"] != nil)
        #expect(company["caller"]?.contains("phone number or an e-mail") == true)
    }

    @Test func limitsAreEnforced() throws {
        let longNote = String(repeating: "a", count: IntakeRequest.Limits.note + 1)
        let found = try problems(#"{"caller": {"kind": "citizen", "name": "Ali", "phone": "12345678"}, "note": "\#(longNote)"}"#)
        #expect(found["note"] != nil)
        let tooMany = (0...IntakeRequest.Limits.topics).map { "\"t\($0)\"" }.joined(separator: ",")
        #expect(try problems(#"{"caller": {"kind": "citizen", "name": "Ali", "phone": "12345678"}, "topics": [\#(tooMany)]}"#)["topics"] != nil)
    }
}
