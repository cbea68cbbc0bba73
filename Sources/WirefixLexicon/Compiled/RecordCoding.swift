#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Variable-length items (strings, encoded records) stored back to back, with an offset per item:
/// the shape of the string pool and of every record table. Written as the item count, the byte
/// count, `count + 1` offsets and the bytes.
struct PackedBytesBuilder {
    private(set) var offsets: [UInt32] = [0]
    private(set) var bytes: [UInt8] = []

    /// The number of items appended so far.
    var count: Int { offsets.count - 1 }

    mutating func append<C: Collection<UInt8>>(_ item: C) {
        bytes.append(contentsOf: item)
        precondition(bytes.count <= Int(UInt32.max), "a compiled lexicon's packed bytes exceed 4 GiB")
        offsets.append(UInt32(bytes.count))
    }

    func write(to writer: inout ImageWriter) {
        writer.append(UInt64(count))
        writer.append(UInt64(bytes.count))
        writer.append(array: offsets)
        writer.append(array: bytes)
    }
}

/// Reads the items of a ``PackedBytesBuilder`` in place.
struct PackedBytes: Sendable {
    private let offsets: ImageArray<UInt32>
    let bytes: ImageArray<UInt8>

    /// Opens the items, checking that their offsets delimit the bytes (O(*n*), no allocation).
    /// - Throws: ``ImageFormatError`` naming `what` when they do not.
    init(_ reader: inout SectionReader, of what: String) throws(ImageFormatError) {
        let count = try reader.count()
        let byteCount = try reader.count(limit: Int(UInt32.max))
        offsets = try reader.offsets(count: count, covering: byteCount, of: what)
        bytes = try reader.array(count: byteCount)
    }

    var count: Int { offsets.count - 1 }

    /// The byte offsets of item `index` within ``bytes``.
    func range(_ index: Int) -> Range<Int> { Int(offsets[index])..<Int(offsets[index + 1]) }
}

/// The string pool of a compiled image: every distinct string of the records once (file paths,
/// country codes and the like recur thousands of times), referred to by index.
struct StringPoolBuilder {
    private var indices: [String: UInt32] = [:]
    private var strings = PackedBytesBuilder()

    mutating func index(of string: String) -> UInt32 {
        if let index = indices[string] { return index }
        let index = UInt32(strings.count)
        strings.append(string.utf8)
        indices[string] = index
        return index
    }

    func write(to writer: inout ImageWriter) { strings.write(to: &writer) }
}

/// Reads strings of the pool by index.
struct StringPool: Sendable {
    private let strings: PackedBytes

    init(_ reader: inout SectionReader) throws(ImageFormatError) {
        strings = try PackedBytes(&reader, of: "the string pool")
    }

    var count: Int { strings.count }

    func string(_ index: Int) -> String {
        let range = strings.range(index)
        return strings.bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Whether string `index` is exactly the bytes `other`, compared in place.
    func bytes(_ index: Int, equal other: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = strings.range(index)
        guard range.count == other.count else { return false }
        guard !range.isEmpty else { return true }
        // memcmp: the generic elementsEqual cost some 550 instructions a call.
        return strings.bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + range.lowerBound, other.baseAddress!, range.count) == 0 }
    }
}

/// Variable-length records (entities, variants, glosses), written as LEB128 varints and string
/// pool indices, and an offset per record.
struct RecordTableBuilder {
    private var records = PackedBytesBuilder()

    mutating func add(_ record: RecordWriter) { records.append(record.bytes) }

    func write(to writer: inout ImageWriter) { records.write(to: &writer) }
}

/// Reads the records of a ``RecordTableBuilder`` by index.
struct RecordTable: Sendable {
    private let records: PackedBytes

    init(_ reader: inout SectionReader) throws(ImageFormatError) {
        records = try PackedBytes(&reader, of: "a record table")
    }

    var count: Int { records.count }

    func reader(_ index: Int, strings: StringPool) -> RecordReader {
        let range = records.range(index)
        return RecordReader(bytes: records.bytes, position: range.lowerBound, end: range.upperBound, pool: strings)
    }
}

/// Writes one record.
struct RecordWriter {
    private(set) var bytes: [UInt8] = []

    mutating func integer(_ value: Int) {
        precondition(value >= 0, "records hold non-negative integers")
        var rest = UInt64(value)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func string(_ value: String, _ pool: inout StringPoolBuilder) { integer(Int(pool.index(of: value))) }

    mutating func strings(_ values: [String], _ pool: inout StringPoolBuilder) {
        integer(values.count)
        for value in values { string(value, &pool) }
    }
}

/// Reads one record. A record that runs past its end, or an index outside the pool, means the
/// image is corrupt: it traps with a message naming the cache, which is safe to delete.
struct RecordReader {
    let bytes: ImageArray<UInt8>
    var position: Int
    let end: Int
    let pool: StringPool

    mutating func integer() -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            precondition(position < end && shift < 64, "corrupt compiled lexicon record; delete the lexicon cache (see `wirefix lexicon cache`)")
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(truncatingIfNeeded: value)
    }

    mutating func string() -> String {
        let index = integer()
        precondition(index < pool.count, "corrupt compiled lexicon record; delete the lexicon cache (see `wirefix lexicon cache`)")
        return pool.string(index)
    }

    mutating func strings() -> [String] {
        let count = integer()
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(string()) }
        return result
    }
}

// MARK: - The model types

extension Entity {
    func encode(_ pool: inout StringPoolBuilder) -> RecordWriter {
        var writer = RecordWriter()
        writer.string(id, &pool)
        writer.integer(Entity.Kind.allCases.firstIndex(of: kind)!)
        writer.string(canonical, &pool)
        writer.strings(aliases, &pool)
        writer.strings(misspellings, &pool)
        let keys = glosses.keys.sorted()
        writer.integer(keys.count)
        for key in keys {
            writer.string(key, &pool)
            writer.strings(glosses[key]!, &pool)
        }
        writer.string(country, &pool)
        writer.strings(context, &pool)
        writer.string(source, &pool)
        writer.integer(guards.count)
        for variantGuard in guards { variantGuard.encode(into: &writer, &pool) }
        writer.strings(ambiguous, &pool)
        writer.integer(style.map { NameStyle.allCases.firstIndex(of: $0)! + 1 } ?? 0)
        writer.string(origin.file, &pool)
        writer.integer(origin.line)
        return writer
    }

    init(decoding reader: inout RecordReader) {
        let id = reader.string()
        let kind = Entity.Kind.allCases[reader.integer()]
        let canonical = reader.string()
        let aliases = reader.strings()
        let misspellings = reader.strings()
        var glosses: [String: [String]] = [:]
        for _ in 0..<reader.integer() {
            let key = reader.string()
            glosses[key] = reader.strings()
        }
        let country = reader.string()
        let context = reader.strings()
        let source = reader.string()
        var guards: [VariantGuard] = []
        for _ in 0..<reader.integer() { guards.append(VariantGuard(decoding: &reader)) }
        let ambiguous = reader.strings()
        let styleIndex = reader.integer()
        let file = reader.string()
        let line = reader.integer()
        self.init(id: id, kind: kind, canonical: canonical, aliases: aliases, misspellings: misspellings,
                  glosses: glosses, country: country, context: context, source: source, guards: guards,
                  ambiguous: ambiguous, style: styleIndex == 0 ? nil : NameStyle.allCases[styleIndex - 1],
                  origin: RecordOrigin(file: file, line: line))
    }
}

extension VariantGuard {
    func encode(into writer: inout RecordWriter, _ pool: inout StringPoolBuilder) {
        switch selector {
        case .all: writer.integer(0)
        case .calque: writer.integer(1)
        case .translated: writer.integer(2)
        case .english: writer.integer(3)
        case .variant(let text): writer.integer(4); writer.string(text, &pool)
        }
        writer.integer(alternatives.count)
        for alternative in alternatives {
            writer.integer(alternative.count)
            for condition in alternative { writer.integer(Condition.allCases.firstIndex(of: condition)!) }
        }
    }

    init(decoding reader: inout RecordReader) {
        let selector: Selector
        switch reader.integer() {
        case 0: selector = .all
        case 1: selector = .calque
        case 2: selector = .translated
        case 3: selector = .english
        default: selector = .variant(reader.string())
        }
        var alternatives: [[Condition]] = []
        for _ in 0..<reader.integer() {
            var conditions: [Condition] = []
            for _ in 0..<reader.integer() { conditions.append(Condition.allCases[reader.integer()]) }
            alternatives.append(conditions)
        }
        self.init(selector: selector, alternatives: alternatives)
    }
}

extension Gloss {
    func encode(_ pool: inout StringPoolBuilder) -> RecordWriter {
        var writer = RecordWriter()
        writer.string(component, &pool)
        writer.integer(Gloss.Kind.allCases.firstIndex(of: kind)!)
        writer.strings(translations, &pool)
        writer.string(source, &pool)
        writer.string(origin.file, &pool)
        writer.integer(origin.line)
        return writer
    }

    init(decoding reader: inout RecordReader) {
        let component = reader.string()
        let kind = Gloss.Kind.allCases[reader.integer()]
        let translations = reader.strings()
        let source = reader.string()
        let file = reader.string()
        let line = reader.integer()
        self.init(component: component, kind: kind, translations: translations, source: source,
                  origin: RecordOrigin(file: file, line: line))
    }
}

extension NameVariant {
    /// Encodes the variant; its folded tokens are written as ids of the trie vocabulary.
    func encode(_ pool: inout StringPoolBuilder, tokenIDs: [String: Int32]) -> RecordWriter {
        var writer = RecordWriter()
        writer.integer(entityIndex)
        switch form {
        case .canonical: writer.integer(0)
        case .alias(let index): writer.integer(1); writer.integer(index)
        case .misspelling(let index): writer.integer(2); writer.integer(index)
        }
        writer.string(target, &pool)
        writer.integer(components.count)
        for component in components {
            writer.string(component.name, &pool)
            switch component.realization {
            case .original: writer.integer(0)
            case .deletedNonASCII: writer.integer(1)
            case .translated(let text, let kind):
                writer.integer(2)
                writer.string(text, &pool)
                writer.integer(Gloss.Kind.allCases.firstIndex(of: kind)!)
            }
            writer.integer(component.tokenCount)
        }
        writer.integer(foldedTokens.count)
        for token in foldedTokens { writer.integer(Int(tokenIDs[token]!)) }
        if let contextGuard {
            writer.integer(1)
            contextGuard.encode(into: &writer, &pool)
        } else {
            writer.integer(0)
        }
        return writer
    }

    init(decoding reader: inout RecordReader, vocabulary: FoldedTokenTable) {
        let entityIndex = reader.integer()
        let form: Form
        switch reader.integer() {
        case 0: form = .canonical
        case 1: form = .alias(reader.integer())
        default: form = .misspelling(reader.integer())
        }
        let target = reader.string()
        let componentCount = reader.integer()
        var components: [Component] = []
        // Sized once: growing both arrays from empty cost more than the rest of the decoding.
        components.reserveCapacity(componentCount)
        for _ in 0..<componentCount {
            let name = reader.string()
            let realization: Realization
            switch reader.integer() {
            case 0: realization = .original
            case 1: realization = .deletedNonASCII
            default:
                let text = reader.string()
                realization = .translated(text, Gloss.Kind.allCases[reader.integer()])
            }
            components.append(Component(name: name, realization: realization, tokenCount: reader.integer()))
        }
        let tokenCount = reader.integer()
        var tokens: [String] = []
        tokens.reserveCapacity(tokenCount)
        for _ in 0..<tokenCount { tokens.append(vocabulary.key(ofID: reader.integer())) }
        self.init(entityIndex: entityIndex, form: form, target: target, components: components, foldedTokens: tokens)
        if reader.integer() == 1 { contextGuard = VariantGuard(decoding: &reader) }
    }
}
