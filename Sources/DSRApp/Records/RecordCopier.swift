import DSRCore
import DSRLedger
import Foundation

/// Copies a whole record (events, vault, staff accounts, settings, inbox, API tokens; not the
/// web sessions or the sign-in log) from one database into another, empty one, row for row,
/// and checks the copy: its chain verifies and ends in the source's head.
enum RecordCopier {
    /// What a copy brought over, as verified on the target.
    struct Outcome {
        var report: VerificationReport
        var cases: Int
    }

    /// Copies `source` into `target`, then verifies `target`.
    static func copy(from source: any CaseRepository, to target: any CaseRepository) throws -> Outcome {
        guard let from = source as? any RecordCopying, let to = target as? any RecordCopying else {
            throw AppError(.internal, "this database cannot be copied")
        }
        var sourceHead: (lastEventID: Int64, hash: Data)?
        try to.importRecord { insert in
            try from.exportRecord { part in
                if case .chainHead(let lastEventID, let hash) = part { sourceHead = (lastEventID, hash) }
                try insert(part)
            }
        }
        let report = try target.verify()
        if let problem = report.problem {
            throw AppError(.internal, "the copy's chain does not verify: \(problem)")
        }
        let expected = sourceHead.map { (Int($0.lastEventID), $0.hash.hexString) } ?? (0, Chain.genesis.hexString)
        guard report.events == expected.0, report.head == expected.1 else {
            throw AppError(
                .internal,
                "the copy ends at event \(report.events), the source at event \(expected.0): the copy is incomplete")
        }
        return Outcome(report: report, cases: try target.counts().cases)
    }
}
