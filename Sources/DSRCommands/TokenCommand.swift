import ArgumentParser
import DSRApp
import DSRCore
import DSRLedger
import Foundation

/// `dsr token create|list|revoke`: bearer tokens for the API (`/api/v1`), each acting as a
/// staff account with its role.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Manage the API's bearer tokens.",
        discussion: """
            Other systems (a web form, the mail server) call the API with \
            "Authorization: Bearer TOKEN"; the token's account and its role apply to every call. \
            The token is printed once; only its SHA-256 is kept. Supervisors manage tokens.
            """,
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Create a token and print it once.")

        @Option(name: .long, help: ArgumentHelp("The staff account the token acts as.", valueName: "login"))
        var user: String

        @Option(name: .long, help: ArgumentHelp("What it is for (\"Kontaktformular Homepage\").", valueName: "text"))
        var name: String

        @OptionGroup var store: StoreOptions
        @OptionGroup var policy: PolicyOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let created = try store.session(policy: policy, for: .manageAPITokens).createAPIToken(for: user, name: name)
            if output.json {
                try OrderedJSONEncoder.print(TokenJSON(created.stored, token: created.token))
            } else {
                FileHandle.standardOutput.write(Data((created.token + "\n").utf8))
                let note = output.lang.pick(
                    "Token \(created.stored.id) für \(user) – nur jetzt sichtbar.\n",
                    "Token \(created.stored.id) for \(user) – shown only now.\n")
                FileHandle.standardError.write(Data(note.utf8))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the tokens (never the tokens themselves).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var policy: PolicyOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let session = try store.session(policy: policy, for: .manageAPITokens)
            let tokens = try session.apiTokens()
            if output.json {
                try OrderedJSONEncoder.print(tokens.map { TokenJSON($0, token: nil) })
                return
            }
            let format = HumanFormat(language: output.lang, zone: session.tracker.engine.zone)
            let revoked = output.lang.pick("widerrufen", "revoked")
            let rows = tokens.map { token in
                [
                    String(token.id), token.login, token.name, format.instant(token.createdAt),
                    token.lastUsedAt.map(format.instant) ?? "–",
                    token.revokedAt.map { "\(revoked) \(format.instant($0))" } ?? "",
                ]
            }
            let lang = output.lang
            let headers = [
                lang.pick("Nr.", "id"), lang.pick("Konto", "account"), "Name", lang.pick("erstellt", "created"),
                lang.pick("zuletzt benutzt", "last used"), "",
            ]
            FileHandle.standardOutput.write(Data(TextTable.render(headers: headers, rows: rows).utf8))
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: "Revoke a token at once.")

        @Argument(help: ArgumentHelp("The token's number (dsr token list).", valueName: "id"))
        var id: Int

        @OptionGroup var store: StoreOptions
        @OptionGroup var policy: PolicyOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try store.session(policy: policy, for: .manageAPITokens).revokeAPIToken(id)
            let text = output.lang.pick("Token \(id) widerrufen.\n", "Token \(id) revoked.\n")
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// A token in JSON; `token` only when it was just created.
private struct TokenJSON: Encodable {
    let id: Int
    let user: String
    let name: String
    let createdAt: String
    let lastUsedAt: String?
    let revokedAt: String?
    let token: String?

    init(_ stored: StoredAPIToken, token: String?) {
        id = stored.id
        user = stored.login
        name = stored.name
        createdAt = ISOFormat.utc(stored.createdAt)
        lastUsedAt = stored.lastUsedAt.map(ISOFormat.utc)
        revokedAt = stored.revokedAt.map(ISOFormat.utc)
        self.token = token
    }

    enum CodingKeys: String, CodingKey {
        case id, user, name
        case createdAt = "created_at"
        case lastUsedAt = "last_used_at"
        case revokedAt = "revoked_at"
        case token
    }
}
