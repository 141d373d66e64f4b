import Benchmark
import DSRMail
import Foundation

/// The mail reader in process (issue 12: one typical message in under 1 ms): the fixtures of
/// `Fixtures/mail` that stand for a day's mail — a plain request, a Latin-1 quoted-printable
/// one, an HTML alternative, a PDF attachment, a nested forward.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .microseconds,
        maxDuration: .seconds(5),
        maxIterations: 10_000
    )

    // A typical mail of an office mailbox as Outlook writes it: plain text (quoted-printable,
    // Windows-1252) and HTML alternatives, a logo of 20 KiB inline, an encoded-word sender.
    let paragraph = String(
        repeating: "Sehr geehrte Damen und Herren, ich bitte um Auskunft =FCber meine Daten. ", count: 60)
    let html =
        "<html><head><style>p{margin:0}</style></head><body>"
        + String(
            repeating: "<p>Sehr geehrte Damen und Herren, ich bitte um Auskunft &uuml;ber meine Daten.</p>", count: 150)
        + "</body></html>"
    let logo = Data((0..<20_480).map { UInt8($0 % 251) }).base64EncodedString(options: .lineLength76Characters)
    let typical = Array(
        [
            "Received: from mout.example.net by mx1.kaiserslautern.de (Postfix) with ESMTPS id 4AbC;",
            "\tTue, 01 Dec 2026 09:12:03 +0100",
            "From: =?iso-8859-1?Q?J=FCrgen_M=FCller?= <juergen@example.org>", "To: socialmedia@kaiserslautern.de",
            "Subject: =?utf-8?B?QXVza3VuZnRzZXJzdWNoZW4gbmFjaCBBcnQuIDE1IERTR1ZP?=",
            "Date: Tue, 1 Dec 2026 09:11:40 +0100", "Message-ID: <typical@example.org>", "MIME-Version: 1.0",
            "Content-Type: multipart/related; boundary=\"rel\"", "", "--rel",
            "Content-Type: multipart/alternative; boundary=\"alt\"", "", "--alt",
            "Content-Type: text/plain; charset=\"windows-1252\"", "Content-Transfer-Encoding: quoted-printable", "",
            paragraph, "--alt", "Content-Type: text/html; charset=\"utf-8\"", "", html, "--alt--", "--rel",
            "Content-Type: image/png; name=\"logo.png\"", "Content-Transfer-Encoding: base64", "Content-ID: <logo>",
            "", logo, "--rel--", "",
        ].joined(separator: "\r\n").utf8)
    Benchmark("parse a typical Outlook mail (\(typical.count) bytes)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try MailParser.parse(typical))
        }
    }

    let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/mail")
    for name in ["01-request-utf8", "02-latin1-qp", "06-alternative", "08-mixed-pdf", "09-nested-forward"] {
        let bytes = [UInt8]((try? Data(contentsOf: fixtures.appendingPathComponent("\(name).eml"))) ?? Data())
        Benchmark("parse \(name).eml (\(bytes.count) bytes)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try MailParser.parse(bytes))
            }
        }
    }
}
