import DSRCore
import Testing

@Suite("Request kinds")
struct RequestKindTests {
    @Test(
        "German names of the city's concept and English keys",
        arguments: [
            ("Auskunft", RequestKind.access), ("access", .access), ("Berichtigung", .rectification),
            ("Löschung", .erasure), ("Loeschung", .erasure), ("Sperrung", .restriction),
            ("Einschränkung", .restriction), ("Widerspruch", .objection), ("Datenübertragbarkeit", .portability),
            ("Widerruf der Einwilligung", .consentWithdrawal), ("consent_withdrawal", .consentWithdrawal),
            ("Unterlassung", .injunction), ("Beseitigung", .removal), ("automated-decision", .automatedDecision),
        ])
    func names(text: String, kind: RequestKind) {
        #expect(RequestKind(name: text) == kind)
    }

    @Test("unknown names are refused with the valid ones listed")
    func unknown() {
        #expect(RequestKind(name: "Beschwerde") == nil)
        let message = DSRCoreError.unknownKind("Beschwerde").description
        #expect(message.contains("access (Auskunft)") && message.contains("removal (Beseitigung)"))
        #expect(!message.contains("Beschwerde"))
    }
}
