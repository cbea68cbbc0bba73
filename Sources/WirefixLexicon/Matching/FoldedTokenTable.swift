import Foundation

/// A hash table from folded word tokens to small integer ids that is probed with the raw UTF-8
/// bytes of a token, folding ASCII letters on the fly: the gazetteer's hot path allocates nothing
/// for ASCII tokens.
///
/// Layout (one section of a compiled lexicon image, see ``ImageFormat``): the keys back to back in
/// one byte array with an offset per id, and open-addressing slots (linear probing, load factor
/// at most one half), each one 8-byte word holding the high 32 bits of the key's 64-bit FNV-1a
/// hash and its id (one cache line read per probe; the low bits of the hash pick the slot). The same layout serves a table
/// built in memory and one read from a memory-mapped cache file, so opening one allocates nothing.
///
/// - Complexity: building is O(*k*) in the total length of the keys; a lookup is O(*t*) in the
///   length of the token, expected; opening a serialized table is O(1).
struct FoldedTokenTable: Sendable {
    /// One word per slot: the high 32 bits of the key's hash above its id + 1; 0 is empty.
    private let slots: ImageArray<UInt64>
    private let keyOffsets: ImageArray<UInt32>
    private let keyBytes: ImageArray<UInt8>
    private let mask: Int

    /// The number of keys.
    var count: Int { keyOffsets.count - 1 }

    /// Builds a table in memory; `keys[id]` is the folded key of id `id`.
    init(keys: [String]) {
        var builder = Builder(maximumCount: keys.count)
        for key in keys { builder.append(key) }
        self = builder.build()
    }

    /// Builds a table key by key from bytes, finding repeats as it goes: a word list parsed
    /// straight from its file's bytes, with no `String` per key.
    struct Builder {
        private var slots: [UInt64]
        private var offsets: [UInt32] = [0]
        private var bytes: [UInt8] = []
        private let mask: Int

        /// The number of keys held.
        var count: Int { offsets.count - 1 }

        /// A builder for at most `maximumCount` keys.
        init(maximumCount: Int) {
            var capacity = 16
            while capacity < maximumCount * 2 + 1 { capacity <<= 1 }
            slots = [UInt64](repeating: 0, count: capacity)
            offsets.reserveCapacity(maximumCount + 1)
            mask = capacity - 1
        }

        /// Adds `key` (its folded bytes) unless it is held already; returns its id and whether it
        /// was added. At most the `maximumCount` given at creation may be added.
        mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int32, inserted: Bool) {
            let hash = FoldedTokenTable.hash(key)
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index] != 0 {
                let slot = slots[index]
                if FoldedTokenTable.tag(of: slot) == FoldedTokenTable.tag(ofHash: hash) {
                    let id = FoldedTokenTable.id(of: slot)
                    let start = Int(offsets[Int(id)]), end = Int(offsets[Int(id) + 1])
                    if end - start == key.count && bytes[start..<end].elementsEqual(key) { return (id, false) }
                }
                index = (index + 1) & mask
            }
            let id = Int32(count)
            add(key, hash: hash, at: index)
            return (id, true)
        }

        /// Adds `key` with the next id whether or not it is held already (a repeated key keeps
        /// its first id for lookups): ids stay places in the caller's list.
        mutating func append(_ key: String) {
            var key = key
            key.withUTF8 { key in
                let hash = FoldedTokenTable.hash(key)
                var index = Int(truncatingIfNeeded: hash) & mask
                while slots[index] != 0 { index = (index + 1) & mask }
                add(key, hash: hash, at: index)
            }
        }

        private mutating func add(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, at index: Int) {
            precondition(count * 2 + 1 <= mask + 1, "a token table builder holds more keys than it was made for")
            slots[index] = FoldedTokenTable.slot(hash: hash, id: Int32(count))
            bytes.append(contentsOf: key)
            precondition(bytes.count <= Int(UInt32.max), "a token table's keys exceed 4 GiB")
            offsets.append(UInt32(bytes.count))
        }

        /// ``insert(_:)`` of a string's UTF-8.
        mutating func insert(_ key: String) -> (id: Int32, inserted: Bool) {
            var key = key
            return key.withUTF8 { insert($0) }
        }

        /// The table section, in the layout ``FoldedTokenTable/init(_:)`` reads.
        func write(to writer: inout ImageWriter) {
            slots.withUnsafeBufferPointer { slots in
                offsets.withUnsafeBufferPointer { offsets in
                    bytes.withUnsafeBufferPointer { FoldedTokenTable.writeSection(slots: slots, keyOffsets: offsets, keyBytes: $0, to: &writer) }
                }
            }
        }

        /// The table.
        func build() -> FoldedTokenTable {
            var writer = ImageWriter()
            write(to: &writer)
            let storage = ImageStorage(copying: writer.bytes)
            var reader = SectionReader(storage: storage, offset: 0, length: storage.count)
            // Our own output: it cannot fail validation.
            do { return try FoldedTokenTable(&reader) } catch { preconditionFailure("\(error)") }
        }
    }

    /// Serializes a table of `keys` (id = position).
    static func write(keys: [String], to writer: inout ImageWriter) {
        var builder = Builder(maximumCount: keys.count)
        for key in keys { builder.append(key) }
        builder.write(to: &writer)
    }

    /// Serializes the table in the layout ``init(_:)`` reads (what ``Builder/write(to:)`` wrote).
    func write(to writer: inout ImageWriter) {
        slots.withUnsafeBufferPointer { slots in
            keyOffsets.withUnsafeBufferPointer { offsets in
                keyBytes.withUnsafeBufferPointer { Self.writeSection(slots: slots, keyOffsets: offsets, keyBytes: $0, to: &writer) }
            }
        }
    }

    /// The one writer of the section layout ``init(_:)`` reads: the slot count, the key count
    /// and the key bytes' count, then the slots, the key offsets (one more than the keys) and
    /// the key bytes.
    private static func writeSection(slots: UnsafeBufferPointer<UInt64>, keyOffsets: UnsafeBufferPointer<UInt32>,
                                     keyBytes: UnsafeBufferPointer<UInt8>, to writer: inout ImageWriter) {
        writer.append(UInt64(slots.count))
        writer.append(UInt64(keyOffsets.count - 1))
        writer.append(UInt64(keyBytes.count))
        writer.append(array: slots)
        writer.append(array: keyOffsets)
        writer.append(array: keyBytes)
    }

    /// Whether every key is ASCII. O(*k*) in the total length of the keys.
    var keysAreASCII: Bool {
        keyBytes.withUnsafeBufferPointer { bytes in !bytes.contains { $0 >= 0x80 } }
    }

    /// Opens a serialized table, checking its shape (O(1) but for the offsets, which are checked
    /// to rise: O(*k*) without allocation).
    init(_ reader: inout SectionReader) throws(ImageFormatError) {
        let capacity = try reader.count()
        let keyCount = try reader.count()
        let byteCount = try reader.count(limit: Int(UInt32.max))
        guard capacity >= 16, capacity & (capacity - 1) == 0, keyCount < capacity else {
            throw ImageFormatError("a token table has \(keyCount) keys in \(capacity) slots")
        }
        slots = try reader.array(count: capacity)
        keyOffsets = try reader.offsets(count: keyCount, covering: byteCount, of: "a token table's keys")
        keyBytes = try reader.array(count: byteCount)
        mask = capacity - 1
        for slot in slots where slot != 0 && (slot & 0xFFFF_FFFF > UInt64(keyCount) || slot & 0xFFFF_FFFF == 0) {
            throw ImageFormatError("a token table's slot names key \(Int(slot & 0xFFFF_FFFF) - 1) of \(keyCount)")
        }
    }

    /// A slot for a key of hash `hash` and id `id`.
    @inline(__always) static func slot(hash: UInt64, id: Int32) -> UInt64 {
        (hash & 0xFFFF_FFFF_0000_0000) | UInt64(UInt32(id) + 1)
    }

    /// The high 32 bits of a hash, as a slot keeps them.
    @inline(__always) static func tag(ofHash hash: UInt64) -> UInt64 { hash >> 32 }

    /// The hash bits a slot keeps.
    @inline(__always) static func tag(of slot: UInt64) -> UInt64 { slot >> 32 }

    /// The id a slot holds (the slot must not be empty).
    @inline(__always) static func id(of slot: UInt64) -> Int32 { Int32(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1 }

    static func hash<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The folded key of an id.
    func key(ofID id: Int) -> String {
        let start = Int(keyOffsets[id]), end = Int(keyOffsets[id + 1])
        return keyBytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// The id of a folded key given as contiguous bytes, or -1: one hash pass and `memcmp`.
    func id(ofFolded bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        probe(hash: Self.hash(bytes), length: bytes.count) { keys, start in
            bytes.isEmpty || memcmp(keys.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    /// The id of the key of hash `hash` and `length` bytes for which `equals(keyBytes, start)`
    /// holds, or -1: the one probe loop of the lookups.
    @inline(__always)
    private func probe(hash: UInt64, length: Int, _ equals: (UnsafeBufferPointer<UInt8>, Int) -> Bool) -> Int32 {
        let tag = Self.tag(ofHash: hash)
        var index = Int(truncatingIfNeeded: hash) & mask
        return keyBytes.withUnsafeBufferPointer { keys in
            while true {
                let slot = slots[index]
                if slot == 0 { return -1 }
                if Self.tag(of: slot) == tag {
                    let id = Self.id(of: slot)
                    let start = Int(keyOffsets[Int(id)])
                    if Int(keyOffsets[Int(id) + 1]) - start == length && equals(keys, start) { return id }
                }
                index = (index + 1) & mask
            }
        }
    }

    /// The id of a folded key given as bytes, or -1 (bytes that are not contiguous are copied).
    func id<C: Collection<UInt8>>(ofFolded bytes: C) -> Int32 {
        if let id = bytes.withContiguousStorageIfAvailable({ id(ofFolded: $0) }) { return id }
        return Array(bytes).withUnsafeBufferPointer { id(ofFolded: $0) }
    }

    /// The id of the token `range` of a UTF-8 buffer, folded as ``Folding`` does, or -1.
    func id(ofToken range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> Int32 {
        guard isASCII else {
            var folded: [UInt8] = []
            folded.reserveCapacity(range.count + 8)
            Folding.appendFolded(bytes, range: range, to: &folded)
            return id(ofFolded: folded)
        }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in range {
            var byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return probe(hash: hash, length: range.count) { keys, start in
            var k = start
            for index in range {
                var byte = bytes[index]
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                if keys[k] != byte { return false }
                k += 1
            }
            return true
        }
    }
}
