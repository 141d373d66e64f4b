import DSRApp
import HTTPTypes
import Hummingbird

/// A request the server refuses, with the status and a one-line reason for the error page
/// (never personal data, never a stack or SQL).
struct WebFailure: Error {
    let status: HTTPResponse.Status
    let message: String

    static let forbidden = WebFailure(status: .forbidden, message: "not allowed")
    static let notFound = WebFailure(status: .notFound, message: "not found")
    static let badForm = WebFailure(status: .badRequest, message: "the form could not be read")

    init(status: HTTPResponse.Status, message: String) {
        self.status = status
        self.message = message
    }

    /// The failure of reading input: the application's reading of the error (422 for bad input).
    init(input error: any Error) {
        if let failure = error as? WebFailure {
            self = failure
        } else if let error = AppError(error) {
            self.init(error)
        } else {
            self.init(status: .unprocessableContent, message: "the input could not be read")
        }
    }

    /// The status of a use case's refusal: a role too low is 403, a case the user may not
    /// see is 404 like one that does not exist, bad input and a step that makes no sense
    /// are 422 (the API answers the latter 409), a database server that is away is 503.
    init(_ error: AppError) {
        switch error.kind {
        case .notPermitted where error.hidesCase: self.init(status: .notFound, message: "not found")
        case .notPermitted: self.init(status: .forbidden, message: error.message)
        case .notFound: self.init(status: .notFound, message: "not found")
        case .badInput, .conflict: self.init(status: .unprocessableContent, message: error.message)
        case .io, .internal: self.init(status: .internalServerError, message: "internal error")
        case .unavailable:
            self.init(status: .serviceUnavailable, message: "the database is unavailable; try again in a moment")
        }
    }
}
