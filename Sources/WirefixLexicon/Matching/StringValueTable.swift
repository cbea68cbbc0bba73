import Foundation

/// Distinct strings, each with an id (its place in first-seen order) and a value, looked up by
/// `String` equality without hashing the `String`: the keys live in a ``FoldedTokenTable`` and a
/// query's UTF-8 bytes are probed there.
///
/// `String` equality is canonical equivalence and byte equality is not; the table keeps the
/// first's answers:
/// - when every key is ASCII (the bundled word and name lists), an ASCII query equals a key exactly
///   when its bytes do, and a query that is not ASCII equals one only through its NFC form
///   ("\u{212A}" is "K"), which is probed instead;
/// - when some key is not ASCII, a `[String: Int32]` dictionary of ids answers every query.
///
/// Built in O(*n*) for *n* keys of bounded length; a lookup is O(1).
struct StringValueTable<Value: Sendable>: Sendable {
    private let table: FoldedTokenTable
    private let values: [Value]
    private let ids: [String: Int32]?

    /// Which value a key listed more than once keeps.
    enum Repeats {
        /// The first (a rank list, where the first rank counts).
        case keepFirst
        /// The last (as assigning into a dictionary does).
        case keepLast
    }

    /// The number of distinct keys.
    var count: Int { values.count }

    /// The distinct keys of `pairs` in first-seen order, with their values.
    init(_ pairs: [(key: String, value: Value)], repeats: Repeats) {
        var bytes: [UInt8] = []
        var keys: [Range<Int>] = []
        keys.reserveCapacity(pairs.count)
        for (key, _) in pairs {
            let start = bytes.count
            bytes.append(contentsOf: key.utf8)
            keys.append(start..<bytes.count)
        }
        self.init(keys: keys, values: pairs.map(\.value), in: bytes, repeats: repeats)
    }

    /// The distinct keys among the byte ranges `keys` of the UTF-8 `bytes` (a list file read
    /// whole: no `String` per key when every key is ASCII), in first-seen order, with `values`
    /// (one per range).
    init(keys: [Range<Int>], values: [Value], in bytes: [UInt8], repeats: Repeats) {
        precondition(keys.count == values.count, "one value per key")
        var kept: [Value] = []
        kept.reserveCapacity(keys.count)
        if keys.allSatisfy({ !bytes[$0].contains { $0 >= 0x80 } }) {
            var builder = FoldedTokenTable.Builder(maximumCount: keys.count)
            bytes.withUnsafeBufferPointer { buffer in
                for (key, value) in zip(keys, values) {
                    let (id, inserted) = builder.insert(UnsafeBufferPointer(rebasing: buffer[key]))
                    if inserted { kept.append(value) } else if repeats == .keepLast { kept[Int(id)] = value }
                }
            }
            table = builder.build()
            ids = nil
        } else {
            var ids: [String: Int32] = [:]
            ids.reserveCapacity(keys.count)
            var distinct: [String] = []
            for (range, value) in zip(keys, values) {
                let key = String(decoding: bytes[range], as: UTF8.self)
                if let id = ids[key] {
                    if repeats == .keepLast { kept[Int(id)] = value }
                    continue
                }
                ids[key] = Int32(distinct.count)
                distinct.append(key)
                kept.append(value)
            }
            table = FoldedTokenTable(keys: distinct)
            self.ids = ids
        }
        self.values = kept
    }

    /// The id of `key`, or `nil` when it is not a key.
    func id(of key: String) -> Int? {
        if let ids { return ids[key].map(Int.init) }
        var key = key
        let id = key.withUTF8 { utf8 -> Int32? in
            var index = 0
            while index < utf8.count && utf8[index] < 0x80 { index += 1 }
            return index == utf8.count ? table.id(ofFolded: utf8) : nil
        }
        if let id { return id >= 0 ? Int(id) : nil }
        // Not ASCII: it can equal an ASCII key only through its NFC form.
        var composed = key.precomposedStringWithCanonicalMapping
        let composedID = composed.withUTF8 { utf8 in utf8.allSatisfy { $0 < 0x80 } ? table.id(ofFolded: utf8) : -1 }
        return composedID >= 0 ? Int(composedID) : nil
    }

    /// The value of `key`, or `nil` when it is not a key.
    func value(of key: String) -> Value? { id(of: key).map { values[$0] } }

    /// The id of a token's bytes, ASCII letters lowercased (see
    /// ``FoldedTokenTable/id(ofToken:in:isASCII:)``), or -1.
    func id(ofToken range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> Int32 {
        table.id(ofToken: range, in: bytes, isASCII: isASCII)
    }

    /// The key with id `id`.
    func key(ofID id: Int) -> String { table.key(ofID: id) }

    /// The value of the key with id `id`.
    func value(ofID id: Int) -> Value { values[id] }
}

extension StringValueTable where Value: FixedWidthInteger & BitwiseCopyable {
    /// Whether ``write(to:)`` can serialize the table: every key is ASCII (the table needs no
    /// dictionary of `String` keys).
    var isSerializable: Bool { ids == nil }

    /// Serializes a table whose keys are all ASCII (``isSerializable``): its
    /// ``FoldedTokenTable``, then the number of values and the values.
    func write(to writer: inout ImageWriter) {
        precondition(isSerializable, "only a table of ASCII keys is serialized")
        table.write(to: &writer)
        writer.append(UInt64(values.count))
        writer.append(array: values)
    }

    /// Opens a table ``write(to:)`` serialized, checking its shape: one value per key, and every
    /// key ASCII (the lookups of a table without a dictionary rely on it). O(*k*) in the total
    /// length of the keys; the values are copied.
    init(_ reader: inout SectionReader) throws(ImageFormatError) {
        let table = try FoldedTokenTable(&reader)
        let count = try reader.count()
        guard count == table.count else { throw ImageFormatError("a string table has \(count) values for \(table.count) keys") }
        guard table.keysAreASCII else { throw ImageFormatError("a string table without a dictionary has a key that is not ASCII") }
        let values: ImageArray<Value> = try reader.array(count: count)
        self.table = table
        self.values = values.withUnsafeBufferPointer { Array($0) }
        self.ids = nil
    }
}
