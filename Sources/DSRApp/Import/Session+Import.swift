import DSRCore
import DSRLedger
import Foundation

/// A row of an import that cannot be taken, by the line of the file it starts on.
public struct ImportFailure: Error, Equatable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public var description: String { "line \(line): \(message)" }
}

extension Session {
    /// Imports a spreadsheet of requests (CSV bytes), all or nothing: every row is checked and
    /// turned into a case with its answer and closing, in one transaction; a bad row fails
    /// the whole import with its line (`ImportFailure`). Returns how many cases were logged.
    public func importCases(csv data: Data) throws -> Int {
        try require(.importCases)
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(data)
        } catch CSVReader.Failure.unterminatedQuote(let line) {
            throw ImportFailure(line: line, message: "a quoted field is not closed")
        }
        let engine = tracker.engine
        let reference = tracker.policyReference
        let rows = try ImportRows(records: records, zone: engine.zone, now: now).rows
        return try AppError.mapping {
            try tracker.store.bulk { session in
                for row in rows {
                    do {
                        try row.write(session: session, policy: reference, engine: engine, actor: actor, now: now)
                    } catch let error as DSRCoreError {
                        throw ImportFailure(line: row.line, message: error.description)
                    }
                }
                return rows.count
            }
        }
    }
}
