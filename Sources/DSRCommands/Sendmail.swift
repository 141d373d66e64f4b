import DSRCore
import Foundation

/// Sends a plain-text mail through the system's sendmail interface (`/usr/sbin/sendmail -oi
/// -t`, which Postfix, Exim and msmtp-mta provide; `$DSR_SENDMAIL` names another program):
/// the tracker needs no SMTP of its own.
enum Sendmail {
    static var path: String { Setting.value("DSR_SENDMAIL") ?? "/usr/sbin/sendmail" }

    /// Hands the message to sendmail; exit 74 if it is missing or refuses.
    static func send(from: String, to recipients: [String], subject: String, body: String, at moment: Instant)
        throws
    {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw CommandFailure(
                message: "\(path) is missing: install a mail transfer agent (Postfix, Exim or msmtp-mta)",
                exitCode: CommandFailure.ioError)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-oi", "-t"]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(
            Data(message(from: from, to: recipients, subject: subject, body: body, at: moment).utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure(
                message: "sendmail refused the summary (exit \(process.terminationStatus))",
                exitCode: CommandFailure.ioError)
        }
    }

    /// The message: RFC 5322 headers (the subject as an encoded word), UTF-8 text, marked as
    /// sent automatically (RFC 3834) so that no one's out-of-office answers it.
    static func message(from: String, to recipients: [String], subject: String, body: String, at moment: Instant)
        -> String
    {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let domain = from.split(separator: "@").last.map(String.init) ?? "localhost"
        return [
            "From: \(from)", "To: \(recipients.joined(separator: ", "))",
            "Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=",
            "Date: \(formatter.string(from: moment.date))", "Message-ID: <\(UUID().uuidString.lowercased())@\(domain)>",
            "Auto-Submitted: auto-generated", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit", "", body,
        ].joined(separator: "\n")
    }
}

/// Whether a text is a plain e-mail address (`name@host`), safe to put into a header.
enum MailAddressCheck {
    static func isPlain(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), address.utf8.count <= 254 else {
            return false
        }
        return address.unicodeScalars.allSatisfy {
            $0.isASCII && $0.value > 0x20 && !"\"(),:;<>[\\]".unicodeScalars.contains($0)
        }
    }
}
