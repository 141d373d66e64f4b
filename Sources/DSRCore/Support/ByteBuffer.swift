/// A growable byte buffer that hands out raw pointers for writing in place — no per-byte
/// uniqueness or capacity checks, which dominate when a million JSON lines are written.
///
/// A buffer belongs to one writer at a time, so its state opts out of the runtime's checks of
/// exclusive access: `dsr verify` writes every event's canonical form here, and those checks
/// were a tenth of its profile.
public final class ByteBuffer {
    @exclusivity(unchecked) private var storage: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    /// Bytes written so far.
    @exclusivity(unchecked) public private(set) var count = 0

    public init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// A pointer at which `length` more bytes may be written; `commit` them afterwards.
    @inline(__always)
    public func reserve(_ length: Int) -> UnsafeMutablePointer<UInt8> {
        if count + length > capacity { grow(to: count + length) }
        return storage + count
    }

    /// Counts `length` bytes written at the pointer `reserve` returned.
    @inline(__always)
    public func commit(_ length: Int) { count += length }

    @inline(__always)
    public func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        count += 1
    }

    public func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count).update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        count += bytes.count
    }

    /// Empties the buffer, keeping its memory.
    public func removeAll() { count = 0 }

    /// The bytes written so far.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: storage, count: count))
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.update(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}
