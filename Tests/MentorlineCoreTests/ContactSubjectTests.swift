import Foundation
import Testing
@testable import MentorlineCore

/// Whom a contact person is kept for: a citizen reference or a company's CVR.
@Suite struct ContactSubjectTests {
    @Test func subjectsDescribeThemselvesAsTheAuditTrailWritesThem() {
        #expect(ContactSubject.citizen("sag-4711").description == "citizen:sag-4711")
        #expect(ContactSubject.company(Fixtures.cvr).description == "company:12345674")
        #expect(ContactSubject.company(Fixtures.cvr).kind == "company")
        #expect(ContactSubject.citizen("sag-4711").key == "sag-4711")
    }

    @Test(arguments: [
        ("citizen", "sag-4711", ContactSubject.citizen("sag-4711") as ContactSubject?),
        ("company", "12345674", .company(CVR("12345674")!)),
        ("company", "1234 5674", .company(CVR("12345674")!)),
        ("citizen", "", nil),
        ("company", "12345675", nil),
        ("company", "", nil),
        ("person", "sag-4711", nil),
        ("Citizen", "sag-4711", nil),
    ])
    func subjectsAreReadBackFromKindAndKey(kind: String, key: String, expected: ContactSubject?) {
        #expect(ContactSubject(kind: kind, key: key) == expected)
    }

    @Test func aCaseIsAboutItsCitizenThenItsCompany() {
        var intake = Fixtures.intake()
        #expect(ContactSubject.of(intake).isEmpty)
        intake.caller.cvr = Fixtures.cvr
        #expect(ContactSubject.of(intake) == [.company(Fixtures.cvr)])
        intake.citizenReference = "sag-4711"
        #expect(ContactSubject.of(intake) == [.citizen("sag-4711"), .company(Fixtures.cvr)])
    }
}
