/// The payloads of a range's events as the event check read them, kept for the vault check of
/// the same range: each vault text is checked against the commitment in its event's payload,
/// and reading those payloads from the server a second time cost as much as the vault itself.
///
/// Events are recorded in ascending id order (the order of the event check); a lookup is a
/// binary search. A payload's bytes stay valid until the next `record` or the end of `self`.
final class EventPayloads {
    // Touched for every event and vault text, only by the range's own thread: the runtime's
    // checks of exclusive access showed in profiles of `dsr verify`.
    @exclusivity(unchecked) private var ids: [Int64] = []
    @exclusivity(unchecked) private var ends: [Int] = []
    @exclusivity(unchecked) private var storage = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    deinit { storage.deallocate() }

    /// Keeps `payload` as the payload of event `id`, which is above every id recorded so far.
    func record(id: Int64, payload: UnsafeRawBufferPointer) {
        let start = ends.last ?? 0
        if start + payload.count > storage.count {
            let grown = UnsafeMutableRawBufferPointer.allocate(
                byteCount: max(2 * storage.count, start + payload.count, 4_096), alignment: 8)
            grown.copyMemory(from: UnsafeRawBufferPointer(rebasing: storage[0..<start]))
            storage.deallocate()
            storage = grown
        }
        UnsafeMutableRawBufferPointer(rebasing: storage[start..<start + payload.count]).copyMemory(from: payload)
        ids.append(id)
        ends.append(start + payload.count)
    }

    /// The payload of event `id`; empty if the event check did not reach it.
    func payload(of id: Int64) -> UnsafeRawBufferPointer {
        var low = 0
        var high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        guard low < ids.count, ids[low] == id else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let start = low == 0 ? 0 : ends[low - 1]
        return UnsafeRawBufferPointer(rebasing: storage[start..<ends[low]])
    }
}
