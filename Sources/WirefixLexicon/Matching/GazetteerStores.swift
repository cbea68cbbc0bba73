import Foundation

/// Values decoded from a compiled image on use and kept in a fixed number of slots, shared
/// by every thread that reads the gazetteer (decoding is deterministic, so whoever decodes first
/// stores the one value).
///
/// Direct-mapped: the value at `index` lives in slot `index % slotCount`, and a later value that
/// maps to the same slot replaces it. Memory is bounded by `slotCount` values whatever the
/// number of records a long input touches (a 100,000-entity lexicon has some 275,000 variants;
/// kept forever, their decoded forms grew with the input, to 60 MB after 20 MB of wire copy),
/// while the names of one chunk, read again by each rule, stay decoded. Consecutive indices (the
/// variants of one entity) fall in different slots.
///
/// The name rules keep what they derive per variant and entity (guards, readings) in these slots
/// too, for the same reasons.
///
/// A lock and two arrays rather than a `Mutex` around them: the compiler did not specialize the
/// `Mutex` version for its value types, so every call ran generic code that looked up
/// `Optional<Value>`'s metadata (some 2% of a run on dense copy). Inlinable and public only to
/// the `WirefixInternals` SPI, so that the name rules' caches in another module are specialized
/// too: Swift 6.3 did not specialize a `package` inlinable function across modules.
@_spi(WirefixInternals)
public final class DecodedCache<Value: Sendable>: @unchecked Sendable {
    @usableFromInline let lock = NSLock()
    /// The record index held by each slot, or -1; empty until the first value is stored.
    @usableFromInline var keys: [Int32] = []
    @usableFromInline var values: [Value?] = []
    /// The number of slots (a power of two).
    @usableFromInline let slotCount: Int

    /// A cache of `slotCount` slots (rounded up to a power of two).
    public init(slotCount: Int) {
        var count = 1
        while count < slotCount { count <<= 1 }
        self.slotCount = count
    }

    /// The value at `index`: the cached one, or `decode()`'s, which is then cached.
    /// - Complexity: O(1) plus, on a miss, the decoding.
    @inlinable
    public func value(at index: Int, decode: () -> Value) -> Value {
        let slot = index & (slotCount - 1)
        let key = Int32(truncatingIfNeeded: index)
        lock.lock()
        if !keys.isEmpty && keys[slot] == key, let cached = values[slot] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let decoded = decode()
        lock.lock()
        if keys.isEmpty {
            keys = Array(repeating: -1, count: slotCount)
            values = Array(repeating: nil, count: slotCount)
        }
        keys[slot] = key
        values[slot] = decoded
        lock.unlock()
        return decoded
    }
}

/// The entities of a ``Gazetteer``, in lexicon order, decoded from the compiled image on access
/// (O(1) to open; an access decodes the record unless it is still in the bounded cache, see
/// `DecodedCache`).
public struct EntityStore: RandomAccessCollection, Sendable {
    /// The tables behind one reference: a copy of the store (each `gazetteer.entities`) costs one
    /// retain, not one per table.
    private final class Storage: Sendable {
        let records: RecordTable
        let strings: StringPool
        let cache = DecodedCache<Entity>(slotCount: 8192)

        init(records: RecordTable, strings: StringPool) {
            self.records = records
            self.strings = strings
        }
    }

    private let storage: Storage
    var records: RecordTable { storage.records }
    var strings: StringPool { storage.strings }
    var cache: DecodedCache<Entity> { storage.cache }

    init(records: RecordTable, strings: StringPool) {
        storage = Storage(records: records, strings: strings)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.records.count }

    /// The entity at `index`.
    public subscript(index: Int) -> Entity {
        let storage = storage
        precondition(index >= 0 && index < storage.records.count, "entity index \(index) out of \(storage.records.count)")
        return storage.cache.value(at: index) {
            var reader = storage.records.reader(index, strings: storage.strings)
            return Entity(decoding: &reader)
        }
    }
}

/// Every generated ``NameVariant`` of a ``Gazetteer``, decoded from the compiled image on access
/// (kept in a bounded cache, see `DecodedCache`). ``GazetteerMatch/variantIndices`` index into it.
public struct VariantStore: RandomAccessCollection, Sendable {
    /// The tables behind one reference: a copy of the store (each `gazetteer.variants`) costs one
    /// retain, not one per table.
    private final class Storage: Sendable {
        let records: RecordTable
        /// Per variant, its entity's index and its target's string (see
        /// ``ImageFormat/Section/variantHeads``), checked against both tables' sizes when opened.
        /// That they agree with the variant's record is the compiler's to get right, as every
        /// field of a record is: the image's checksum catches damage, not a forged image.
        let heads: ImageArray<UInt32>
        let strings: StringPool
        let vocabulary: FoldedTokenTable
        let cache = DecodedCache<NameVariant>(slotCount: 16384)

        init(records: RecordTable, heads: ImageArray<UInt32>, strings: StringPool, vocabulary: FoldedTokenTable) {
            self.records = records
            self.heads = heads
            self.strings = strings
            self.vocabulary = vocabulary
        }
    }

    private let storage: Storage
    var records: RecordTable { storage.records }
    var strings: StringPool { storage.strings }
    var vocabulary: FoldedTokenTable { storage.vocabulary }
    var cache: DecodedCache<NameVariant> { storage.cache }

    init(records: RecordTable, heads: ImageArray<UInt32>, strings: StringPool, vocabulary: FoldedTokenTable) {
        storage = Storage(records: records, heads: heads, strings: strings, vocabulary: vocabulary)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.records.count }

    /// The variant at `index`.
    public subscript(index: Int) -> NameVariant {
        let storage = storage
        precondition(index >= 0 && index < storage.records.count, "variant index \(index) out of \(storage.records.count)")
        return storage.cache.value(at: index) {
            var reader = storage.records.reader(index, strings: storage.strings)
            return NameVariant(decoding: &reader, vocabulary: storage.vocabulary)
        }
    }

    /// The ``NameVariant/entityIndex`` of the variant at `index`, read from the variants' heads
    /// (no variant decoded, the cache not consulted).
    ///
    /// - Complexity: O(1).
    public func entityIndex(ofVariant index: Int) -> Int {
        precondition(index >= 0 && index < storage.records.count, "variant index \(index) out of \(storage.records.count)")
        return Int(storage.heads[2 * index])
    }

    /// Whether the ``NameVariant/target`` of the variant at `index` is exactly the UTF-8 bytes
    /// `bytes` (a byte comparison), its string found through the variants' heads: no variant is
    /// decoded and the cache is not consulted. The same answer as
    /// `Array(self[index].target.utf8) == bytes`.
    ///
    /// - Complexity: O(*t*) in the length of the target.
    public func target(ofVariant index: Int, equals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        precondition(index >= 0 && index < storage.records.count, "variant index \(index) out of \(storage.records.count)")
        return storage.strings.bytes(Int(storage.heads[2 * index + 1]), equal: bytes)
    }
}

/// The shared glosses of a ``Gazetteer`` by folded component: `gazetteer.glossesByComponent["maduro"]`
/// is the glosses of "Maduro" in load order, or `nil`.
public struct GlossIndex: Sendable {
    let keys: FoldedTokenTable
    let lists: IntLists
    let records: RecordTable
    let strings: StringPool
    let cache = DecodedCache<Gloss>(slotCount: 4096)

    /// The glosses of a folded component (see ``Folding``), or `nil` when it has none.
    public subscript(folded: String) -> [Gloss]? {
        let id = keys.id(ofFolded: folded.utf8)
        guard id >= 0 else { return nil }
        return lists.list(Int(id)).map { index in
            cache.value(at: index) {
                var reader = records.reader(index, strings: strings)
                return Gloss(decoding: &reader)
            }
        }
    }

    /// The folded components that have glosses, in sorted order.
    public var components: [String] { (0..<keys.count).map { keys.key(ofID: $0) } }
}

/// For every folded name component of a ``Gazetteer`` (as written, and with non-ASCII letters
/// deleted), the indices of the entities whose forms contain it, ascending:
/// `gazetteer.entitiesByComponent["nicols"] == [1]`.
public struct ComponentIndex: Sendable {
    let keys: FoldedTokenTable
    let lists: IntLists

    /// The entities with this folded component, or `nil` when none has it.
    public subscript(folded: String) -> [Int]? {
        let id = keys.id(ofFolded: folded.utf8)
        return id < 0 ? nil : lists.list(Int(id))
    }

    /// Whether a word token, folded, is a component (no allocation for an ASCII token).
    func contains(token range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> Bool {
        keys.id(ofToken: range, in: bytes, isASCII: isASCII) >= 0
    }
}
