import Synchronization

/// Values decoded from a compiled image on first use and kept, shared by every thread that reads
/// the gazetteer (decoding is deterministic, so whoever decodes first stores the one value).
final class DecodedCache<Value: Sendable>: Sendable {
    private let values = Mutex<[Int32: Value]>([:])

    func value(at index: Int, decode: () -> Value) -> Value {
        if let cached = values.withLock({ $0[Int32(index)] }) { return cached }
        let decoded = decode()
        values.withLock { $0[Int32(index)] = decoded }
        return decoded
    }
}

/// The entities of a ``Gazetteer``, in lexicon order, decoded from the compiled image on first
/// access (O(1) to open; the first access to an entity decodes its record, later ones are a
/// cached lookup).
public struct EntityStore: RandomAccessCollection, Sendable {
    let records: RecordTable
    let strings: StringPool
    let cache = DecodedCache<Entity>()

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    /// The entity at `index`.
    public subscript(index: Int) -> Entity {
        precondition(index >= 0 && index < records.count, "entity index \(index) out of \(records.count)")
        return cache.value(at: index) {
            var reader = records.reader(index, strings: strings)
            return Entity(decoding: &reader)
        }
    }
}

/// Every generated ``NameVariant`` of a ``Gazetteer``, decoded from the compiled image on first
/// access. ``GazetteerMatch/variantIndices`` index into it.
public struct VariantStore: RandomAccessCollection, Sendable {
    let records: RecordTable
    let strings: StringPool
    let vocabulary: FoldedTokenTable
    let cache = DecodedCache<NameVariant>()

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    /// The variant at `index`.
    public subscript(index: Int) -> NameVariant {
        precondition(index >= 0 && index < records.count, "variant index \(index) out of \(records.count)")
        return cache.value(at: index) {
            var reader = records.reader(index, strings: strings)
            return NameVariant(decoding: &reader, vocabulary: vocabulary)
        }
    }

    /// The ``NameVariant/entityIndex`` of the variant at `index`, read in place from the record
    /// (no variant decoded, the cache not consulted).
    ///
    /// - Complexity: O(1).
    public func entityIndex(ofVariant index: Int) -> Int {
        precondition(index >= 0 && index < records.count, "variant index \(index) out of \(records.count)")
        var reader = records.reader(index, strings: strings)
        return reader.integer()
    }

    /// Whether the ``NameVariant/target`` of the variant at `index` is exactly the UTF-8 bytes
    /// `bytes` (a byte comparison), read in place from the record: no variant is decoded and the
    /// cache is not consulted. The same answer as `Array(self[index].target.utf8) == bytes`.
    ///
    /// - Complexity: O(*t*) in the length of the target.
    public func target(ofVariant index: Int, equals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        precondition(index >= 0 && index < records.count, "variant index \(index) out of \(records.count)")
        var reader = records.reader(index, strings: strings)
        // The record's head as `NameVariant(decoding:vocabulary:)` reads it: entity, form, target.
        _ = reader.integer()
        if reader.integer() != 0 { _ = reader.integer() }
        let string = reader.integer()
        precondition(string < strings.count, "corrupt compiled lexicon record; delete the lexicon cache (see `wirefix lexicon cache`)")
        return strings.bytes(string, equal: bytes)
    }
}

/// The shared glosses of a ``Gazetteer`` by folded component: `gazetteer.glossesByComponent["maduro"]`
/// is the glosses of "Maduro" in load order, or `nil`.
public struct GlossIndex: Sendable {
    let keys: FoldedTokenTable
    let lists: IntLists
    let records: RecordTable
    let strings: StringPool
    let cache = DecodedCache<Gloss>()

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
