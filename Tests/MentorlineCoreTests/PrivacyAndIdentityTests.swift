import Foundation
import Testing
@testable import MentorlineCore

@Suite struct CPRMaskingTests {
    @Test(arguments: [
        ("Borgerens CPR er 010190-1234, ring.", "Borgerens CPR er [CPR fjernet], ring."),
        ("cpr 0101901234", "cpr [CPR fjernet]"),
        ("cpr 010190 1234.", "cpr [CPR fjernet]."),
        ("311299-9999 og 150687-4321", "[CPR fjernet] og [CPR fjernet]"),
    ])
    func masksCPRLikeNumbers(input: String, expected: String) {
        #expect(CPRMasking.masked(input) == expected)
        #expect(CPRMasking.containsCPR(input))
    }

    @Test(arguments: [
        "Ring på 20 30 40 50",
        "CVR 12345674",
        "Sag J-2026-0412",
        "Kontonummer 12345678901",
        "320190-1234",  // no day 32
        "011390-1234",  // no month 13
        "",
    ])
    func leavesOtherNumbersAlone(input: String) {
        #expect(CPRMasking.masked(input) == input)
        #expect(!CPRMasking.containsCPR(input))
    }
}

@Suite struct CVRTests {
    @Test func checksTheModulusElevenDigit() {
        #expect(CVR("12345674") != nil)
        #expect(CVR("1234 5674")?.rawValue == "12345674")
        #expect(CVR("12345675") == nil)
        #expect(CVR("1234567") == nil)
        #expect(CVR("02345674") == nil)
        #expect(CVR("abcdefgh") == nil)
    }
}

@Suite struct IdentifierTests {
    @Test func identifiersSortByCreationTimeAndCarryTheirPrefix() {
        let generator = IdentifierGenerator()
        let earlier = generator.make(CaseKind.self, at: Date(timeIntervalSince1970: 1_800_000_000))
        let later = generator.make(CaseKind.self, at: Date(timeIntervalSince1970: 1_800_000_000.001))
        #expect(earlier.rawValue.hasPrefix("case_"))
        #expect(earlier.rawValue.count == "case_".count + 26)
        #expect(earlier < later)
        let many = (0..<1000).map { _ in generator.make(MessageKind.self, at: Date(timeIntervalSince1970: 0)).rawValue }
        #expect(Set(many).count == 1000)
    }
}
