import DSRCore
import DSRLedger
import DSRPostgres
import DSRReports
import DSRStore
import DSRXML

/// What a use case can fail with, in words about the matter ("the moment lies before
/// receipt"), never about a front end's flags or fields. Front ends map the kind to their own
/// codes (the CLI to sysexits, the server to HTTP statuses). Messages never quote personal data.
public struct AppError: Error, Equatable, CustomStringConvertible {
    /// The kind of failure, which decides the exit code or HTTP status.
    public enum Kind: String, Sendable {
        /// The acting user's role or account does not allow it.
        case notPermitted
        /// The input is wrong.
        case badInput
        /// The step makes no sense for the record as it stands (a closed case, a settled item).
        case conflict
        /// No such case (or one the user may not see), account or record.
        case notFound
        /// A file or the database cannot be read or written.
        case io
        /// The database server is unreachable for now (restarted, failing over): try again.
        case unavailable
        /// Something that should not happen: a bug or a damaged database.
        case `internal`
    }

    public var kind: Kind
    public var message: String
    /// Whether the refusal is of a case the user may not see (a clerk's colleague's): the
    /// command line says so (exit 77); a web page answers as for a case that does not exist.
    public var hidesCase: Bool

    public init(_ kind: Kind, _ message: String, hidesCase: Bool = false) {
        self.kind = kind
        self.message = message
        self.hidesCase = hidesCase
    }

    public var description: String { message }

    /// The application's reading of an error from a module below it; nil for anything else.
    public init?(_ error: any Error) {
        switch error {
        case let error as AppError: self = error
        case let error as DSRCoreError: self.init(error)
        case let error as DSRXMLError: self.init(error)
        case let error as DSRStoreError: self.init(error)
        case let error as LedgerError: self.init(error)
        case let error as ReportError: self.init(error)
        case let error as PostgresFailure: self.init(error)
        case let error as PostgresURL.Invalid: self.init(.badInput, error.description)
        default: return nil
        }
    }

    private init(_ error: DSRCoreError) {
        switch error {
        case .notPermitted: self.init(.notPermitted, error.description)
        case .caseNotVisible: self.init(.notPermitted, error.description, hidesCase: true)
        case .notFound: self.init(.notFound, error.description)
        case .stepRefused: self.init(.conflict, error.description)
        default: self.init(.badInput, error.description)
        }
    }

    private init(_ error: DSRXMLError) {
        switch error {
        case .unreadable, .cannotWrite: self.init(.io, error.description)
        default: self.init(.badInput, error.description)
        }
    }

    private init(_ error: DSRStoreError) {
        switch error {
        case .cannotOpen: self.init(.io, error.description)
        case .database: self.init(.internal, error.description)
        case .newerSchema, .notABackup: self.init(.badInput, error.description)
        }
    }

    private init(_ error: LedgerError) {
        switch error {
        case .badVaultKeyFile, .sealedRecordAltered: self.init(.badInput, error.description)
        case .wrongVaultKey, .vaultKeyRequired: self.init(.notPermitted, error.description)
        case .unknownCase: self.init(.notFound, error.description)
        case .missingPolicy: self.init(.internal, error.description)
        }
    }

    private init(_ error: PostgresFailure) {
        switch error.kind {
        case .unavailable, .conflict: self.init(.unavailable, "the database is unavailable: \(error.description)")
        case .refused: self.init(.internal, error.description)
        }
    }

    private init(_ error: ReportError) {
        switch error {
        case .cannotWrite, .cannotRead: self.init(.io, error.description)
        case .template, .letterRefused: self.init(.badInput, error.description)
        }
    }

    /// Runs `body` and turns the errors of the modules below into `AppError`s.
    static func mapping<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            if let mapped = AppError(error) { throw mapped }
            throw error
        }
    }
}
