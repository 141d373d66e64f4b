import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// `dsr keygen --out FILE`: a new vault key (32 random bytes, mode 0600).
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create a vault key that seals names and contacts at rest (AES-GCM).",
        discussion: """
            Keep a copy of the key apart from the database (and its backups): without it, \
            names and contacts cannot be read, by anyone. Use it with --vault-key FILE or \
            DSR_VAULT_KEY_FILE; the first time, dsr seals all personal data already stored.
            """)

    @Option(name: .long, help: ArgumentHelp("Where to write the key (never overwritten).", valueName: "file"))
    var out: String

    @Option(name: .long, help: "Language of the output: de or en.")
    var lang: Language = .de

    func run() throws {
        try VaultKeys.create(at: out)
        let text = lang.pick(
            "Tresorschlüssel: \(out) (\(VaultKeys.size) Byte, nur für Sie lesbar)\nBewahren Sie eine Kopie getrennt von der Datenbank auf: ohne Schlüssel sind Namen und Kontakte verloren.\n",
            "Vault key: \(out) (\(VaultKeys.size) bytes, readable by you only)\nKeep a copy apart from the database: without the key, names and contacts are lost.\n"
        )
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
