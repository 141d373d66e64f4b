extension Tracker {
    /// The record's version: the newest event's id, which every write (by any process) changes.
    public func recordVersion() throws -> Int64 {
        try AppError.mapping { try store.lastEventID() }
    }
}
