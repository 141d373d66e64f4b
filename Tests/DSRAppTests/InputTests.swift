import DSRApp
import DSRCore
import Foundation
import Testing

@Suite("What people type: request kinds and personal text")
struct InputTests {
    @Test("kinds in German or English, with , + or / between, each once and in order")
    func kinds() throws {
        #expect(try RequestKindList.parse("Auskunft,Löschung") == [.access, .erasure])
        #expect(try RequestKindList.parse("access+erasure/access") == [.access, .erasure])
        #expect(try RequestKindList.parse(["Berichtigung", "restriction"]) == [.rectification, .restriction])
    }

    @Test(
        "an empty item or an unknown kind is refused",
        arguments: ["access,,", ",access", "access,", "", "access,spam", "+"])
    func badKinds(_ text: String) {
        let error = #expect(throws: AppError.self) { try RequestKindList.parse(text) }
        #expect(error?.kind == .badInput)
    }

    @Test("personal text is trimmed, bounded and free of control characters, and messages never quote it")
    func personalText() throws {
        #expect(try PersonalTextRules.validated("  Erika  ", field: .subject, what: "the name") == "Erika")
        #expect(
            try PersonalTextRules.validated("Zeile 1\nZeile 2", field: .note, what: "the note") == "Zeile 1\nZeile 2")
        for (text, field, reason) in [
            ("   ", PersonalField.subject, "the name is empty"),
            ("Geheim\u{1B}[31m", .subject, "the name contains a control character (U+001B)"),
            ("Geheim\nZeile", .subject, "the name contains a control character (U+000A)"),
            (String(repeating: "x", count: 301), .subject, "the name is longer than 300 bytes"),
        ] {
            let error = #expect(throws: AppError.self) {
                try PersonalTextRules.validated(text, field: field, what: "the name")
            }
            #expect(error?.message == reason)
            #expect(!(error?.message.contains("Geheim") ?? true))
        }
    }
}
