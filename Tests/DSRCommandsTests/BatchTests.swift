import DSRTestSupport
import Foundation
import Testing

@Suite("dsr deadline --batch")
struct BatchTests {
    /// Every one-month example of LEGAL.md as (input, deadline).
    static let examples: [(String, String)] = [
        ("2026-01-31 10:00", "2026-03-02"), ("2028-01-31 10:00", "2028-02-29"),
        ("2027-01-31 10:00", "2027-03-01"), ("2026-03-03 10:00", "2026-04-07"),
        ("2026-03-06 10:00", "2026-04-07"), ("2026-04-25 10:00", "2026-05-26"),
        ("2026-05-04 10:00", "2026-06-05"), ("2028-09-03 10:00", "2028-10-04"),
        ("2027-10-01 10:00", "2027-11-02"), ("2026-11-25 10:00", "2026-12-28"),
        ("2026-11-24 10:00", "2026-12-24"), ("2028-11-30 10:00", "2029-01-02"),
        ("2028-03-31 10:00", "2028-05-02"), ("2026-03-28T23:30:00Z", "2026-04-29"),
        ("2026-10-25T02:30:00+02:00", "2026-11-25"), ("2026-10-25T02:30:00+01:00", "2026-11-25"),
        ("2027-02-28 10:00", "2027-03-30"), ("2024-11-25 10:00", "2024-12-27"),
        ("2027-03-31 10:00", "2027-04-30"), ("2027-03-05 10:00", "2027-04-05"),
        ("2027-08-31 10:00", "2027-09-30"),
    ]

    @Test("reproduces the worked examples of LEGAL.md, in order, with exactly the documented keys")
    func workedExamples() throws {
        let input = Self.examples.map(\.0).joined(separator: "\n") + "\n"
        let result = try DSRProcess.run(["deadline", "--batch"], input: input)
        #expect(result.status == 0)
        #expect(result.lines.count == Self.examples.count)
        for (line, example) in zip(result.lines, Self.examples) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(
                Set(object.keys) == [
                    "received", "receipt_date", "deadline", "extended_deadline", "deadline_end", "office_receipt",
                    "internal_due",
                ])
            #expect(object["deadline"] as? String == example.1, "\(example.0)")
        }
        #expect(
            result.lines[0]
                == #"{"received":"2026-01-31T09:00:00Z","receipt_date":"2026-01-31","deadline":"2026-03-02","extended_deadline":"2026-04-30","deadline_end":"2026-03-02T23:59:59+01:00","office_receipt":"2026-02-02T08:00:00+01:00","internal_due":"2026-03-02T17:00:00+01:00"}"#
        )
        #expect(result.lines[10].contains(#""internal_due":"2026-12-23T17:00:00+01:00""#))
        #expect(result.lines[13].contains(#""deadline_end":"2026-04-29T23:59:59+02:00""#))
    }

    @Test("bad lines are reported in place, the rest go on, exit 65 at the end")
    func badLines() throws {
        let input =
            "2026-01-31 10:00\ngarbage\n\n2026-02-30 10:00\n2026-03-29 02:30\n" + String(repeating: "x", count: 5000)
            + "\n2026-03-03\n"
        let result = try DSRProcess.run(["deadline", "--batch", "-"], input: input)
        #expect(result.status == 65)
        #expect(result.lines.count == 7)
        #expect(result.lines[0].hasPrefix(#"{"received":"2026-01-31T09:00:00Z""#))
        #expect(result.lines[1].hasPrefix(#"{"line":2,"error":"not a time"#))
        #expect(result.lines[2].hasPrefix(#"{"line":3,"error":"#))
        #expect(result.lines[3] == #"{"line":4,"error":"invalid date: day 30 does not exist in month 2 of 2026"}"#)
        #expect(result.lines[4].hasPrefix(#"{"line":5,"error":"2026-03-29 02:30 does not exist"#))
        #expect(result.lines[5] == #"{"line":6,"error":"line longer than 1024 bytes"}"#)
        #expect(result.lines[6].contains(#""deadline":"2026-04-07""#))
    }

    @Test("reads a file argument; a last line without newline counts; CRLF works")
    func fileInput() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dsr-batch-\(UUID()).txt")
        try "2026-01-31 10:00\r\n2027-01-31 10:00".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try DSRProcess.run(["deadline", "--batch", file.path])
        #expect(result.status == 0)
        #expect(result.lines.count == 2)
        #expect(result.lines[1].contains(#""deadline":"2027-03-01""#))
    }

    @Test("results do not depend on the machine's time zone")
    func machineTimeZone() throws {
        let input =
            (Self.examples.map(\.0) + ["2026-07-01 00:30", "2026-12-31 23:59", "2026-03-29 01:59"]).joined(
                separator: "\n") + "\n"
        let reference = try DSRProcess.run(["deadline", "--batch"], input: input, environment: ["TZ": "UTC"])
        for zone in ["Pacific/Kiritimati", "America/Los_Angeles", "Asia/Kathmandu", "Europe/Berlin"] {
            let result = try DSRProcess.run(["deadline", "--batch"], input: input, environment: ["TZ": zone])
            #expect(result.stdout == reference.stdout, "TZ=\(zone)")
        }
    }

    @Test("streams: 200,000 lines in, 200,000 lines out")
    func streams() throws {
        let input = String(repeating: "2026-01-31T09:00:00Z\n2026-07-15 12:00\n", count: 100_000)
        let result = try DSRProcess.run(["deadline", "--batch"], input: input)
        #expect(result.status == 0)
        #expect(result.lines.count == 200_000)
        #expect(result.lines[199_999].contains(#""receipt_date":"2026-07-15""#))
    }
}
