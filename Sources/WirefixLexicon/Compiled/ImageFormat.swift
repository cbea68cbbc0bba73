/// The binary layout of a compiled lexicon image (a `.wfx` file in the lexicon cache).
///
/// ```
/// offset  size  field
///      0     8  magic "WFXLEX\r\n"
///      8     4  format version (``formatVersion``)
///     12     4  byte-order mark 0x01020304 (images are read on the byte order they were written)
///     16     4  section count n
///     20     4  reserved (0)
///     24    16  source key: the 128-bit hash of the lexicon sources (``LexiconSourceKey``)
///     40     8  total length of the image in bytes
///     48    16  checksum of every byte from offset 64 to the end (``ImageChecksum``)
///     64  24·n  section table: tag (u32), reserved (u32), byte offset (u64), byte length (u64)
///      …        sections, each starting at a multiple of 8
/// ```
///
/// Inside a section, values follow one another in the order the writer put them: 64-bit
/// scalars, then arrays of fixed-width integers, each array starting at a multiple of 8 bytes.
/// Integers are in the byte order of the machine that wrote the image; the byte-order mark makes
/// a machine of the other order reject it (the cache then compiles anew).
enum ImageFormat {
    /// The file's first bytes.
    static let magic: [UInt8] = Array("WFXLEX\r\n".utf8)
    /// Bump whenever the layout or the meaning of any section changes, including any change to
    /// how ``LexiconCompiler`` generates variants or tables: a cache file of another version is
    /// never read. `CompiledLexiconTests` pins a fingerprint of a compiled fixture so that a
    /// change in the compiler output cannot go unnoticed.
    /// Version 4: token-table slots of one 8-byte word (hash tag and id) instead of a hash and an id
    /// in two arrays. Version 5: the ``Section/variantHeads`` section, and the root's children by
    /// token id after the trie's edges.
    static let formatVersion: UInt32 = 5
    static let byteOrderMark: UInt32 = 0x0102_0304

    /// What an image holds; each kind has its own magic, so one is never opened as the other.
    enum Kind: Equatable {
        /// A compiled lexicon (`lexicon-<key>.wfx`): every ``Section``.
        case lexicon
        /// The built tables of a bundled word or name list (`<list>-<key>.wfx`, see
        /// ``LexiconCache/englishWordList(contentsOf:)``): `sections` sections tagged 1...n, each a
        /// ``StringValueTable`` (its ``FoldedTokenTable``, then a count and the values).
        case list(sections: Int)

        /// The file's first eight bytes.
        var magic: [UInt8] {
            switch self {
            case .lexicon: ImageFormat.magic
            case .list: Array("WFXLST\r\n".utf8)
            }
        }

        /// The section tags an image of this kind must have.
        var requiredSections: [UInt32] {
            switch self {
            case .lexicon: Section.allCases.map(\.rawValue)
            case .list(let count): (0..<count).map { UInt32($0 + 1) }
            }
        }

        /// The name an error uses.
        var name: String {
            switch self {
            case .lexicon: "compiled lexicon"
            case .list: "compiled word list"
            }
        }
    }
    static let headerSize = 64
    static let sectionEntrySize = 24

    /// The sections of an image.
    enum Section: UInt32, CaseIterable {
        /// The string pool: offsets (u32 × (n+1)) and UTF-8 bytes.
        case strings = 1
        /// Entity records (``RecordCoding``): offsets (u32 × (n+1)) and bytes.
        case entities
        /// Variant records: offsets and bytes.
        case variants
        /// Gloss records: offsets and bytes.
        case glosses
        /// The folded-token vocabulary of the trie (``FoldedTokenTable``).
        case vocabulary
        /// The trie's edges (``TrieEdgeTable``), then the root's child per token id.
        case edges
        /// The variants that end at each trie node (``IntLists``).
        case nodeVariants
        /// Folded name components (``FoldedTokenTable``) …
        case components
        /// … and the entities of each (``IntLists``).
        case componentEntities
        /// Folded glossed components (``FoldedTokenTable``) …
        case glossComponents
        /// … and the glosses of each (``IntLists``).
        case componentGlosses
        /// Surname forms (``FoldedTokenTable``) …
        case surnameKeys
        /// … and the forms of each (``IntLists`` of entity, surname string, translated flag).
        case surnameForms
        /// One byte of ``Gazetteer/VariantFlags`` per variant.
        case variantFlags
        /// Per variant, two u32: its entity's index and its target's index in the string pool.
        /// The name rules ask every match whether it is its variant's target spelled exactly and
        /// whose it is; read here, that is two loads at a fixed place, where the variant's record
        /// took varints to decode and more cache lines to touch.
        case variantHeads
    }
}

/// Appends the values of one section (or the whole image) to a byte buffer, in native byte order.
struct ImageWriter {
    private(set) var bytes: [UInt8] = []

    /// Pads with zeros to a multiple of `alignment`.
    mutating func align(_ alignment: Int = 8) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }

    /// Appends an array of integers, starting at a multiple of 8 and padded to one after.
    mutating func append<T: FixedWidthInteger>(array: [T]) {
        align()
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
        align()
    }

    /// Appends the integers of a buffer, as ``append(array:)`` does.
    mutating func append<T: FixedWidthInteger>(array: UnsafeBufferPointer<T>) {
        align()
        bytes.append(contentsOf: UnsafeRawBufferPointer(array))
        align()
    }

    mutating func append(contentsOf other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func overwrite<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        withUnsafeBytes(of: value) { raw in
            for (index, byte) in raw.enumerated() { bytes[offset + index] = byte }
        }
    }
}

/// A compiled image that failed validation: what is wrong, without the file (the caller adds it).
struct ImageFormatError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Reads the values of one section in the order ``ImageWriter`` wrote them, checking every
/// length and offset against the section's bounds.
struct SectionReader {
    let storage: ImageStorage
    private(set) var offset: Int
    let end: Int

    init(storage: ImageStorage, offset: Int, length: Int) {
        self.storage = storage
        self.offset = offset
        self.end = offset + length
    }

    mutating func align(_ alignment: Int = 8) {
        offset = (offset + alignment - 1) / alignment * alignment
    }

    mutating func scalar<T: FixedWidthInteger>(_: T.Type = T.self) throws(ImageFormatError) -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= end else { throw ImageFormatError("a section ends early") }
        let value = storage.base.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return value
    }

    /// A 64-bit count that must fit `limit` (so that a corrupt count cannot overflow an offset).
    mutating func count(limit: Int = Int(Int32.max)) throws(ImageFormatError) -> Int {
        let value = try scalar(UInt64.self)
        guard value <= UInt64(limit) else { throw ImageFormatError("a count of \(value) is out of range") }
        return Int(value)
    }

    mutating func array<T: FixedWidthInteger & BitwiseCopyable>(_: T.Type = T.self, count: Int) throws(ImageFormatError) -> ImageArray<T> {
        align()
        let size = count * MemoryLayout<T>.stride
        guard count >= 0, offset + size <= end else { throw ImageFormatError("an array of \(count) elements runs past its section") }
        let array = ImageArray<T>(storage: storage, byteOffset: offset, count: count)
        offset += size
        align()
        return array
    }

    /// Reads the `count + 1` offsets that delimit `count` variable-length items in a values array
    /// of `total` elements, checking that they start at 0, never fall, step by whole items of
    /// `stride` elements and end at `total`: every item's range is then inside the values.
    /// O(*count*) without allocation.
    ///
    /// - Throws: ``ImageFormatError`` naming `what` ("a record table") when the offsets run past
    ///   the section or do not delimit the values.
    mutating func offsets(count: Int, covering total: Int, stride: Int = 1, of what: String) throws(ImageFormatError) -> ImageArray<UInt32> {
        let offsets: ImageArray<UInt32> = try array(count: count + 1)
        guard offsets[0] == 0, Int(offsets[count]) == total else { throw ImageFormatError("\(what)'s offsets do not cover its values") }
        var previous: UInt32 = 0
        for offset in offsets {
            guard offset >= previous, (offset - previous) % UInt32(stride) == 0 else { throw ImageFormatError("\(what)'s offsets go backwards") }
            previous = offset
        }
        return offsets
    }
}

/// A 128-bit checksum of an image's body, checked on every open so that a damaged cache file is
/// refused (and compiled anew) rather than read: four independent multiply–rotate lanes over
/// 32-byte blocks with a final avalanche, several gigabytes per second, so that checking a
/// 100,000-entity image costs a few milliseconds. Like ``LexiconSourceKey`` it detects accidents,
/// not tampering.
enum ImageChecksum {
    static func of(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89)
        @inline(__always) func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = (lane ^ word) &* 0x9E37_79B9_7F4A_7C15
            return (mixed << 29) | (mixed >> 35)
        }
        var index = 0
        let count = bytes.count
        while index + 32 <= count {
            lanes.0 = round(lanes.0, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            lanes.1 = round(lanes.1, bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
            lanes.2 = round(lanes.2, bytes.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self))
            lanes.3 = round(lanes.3, bytes.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self))
            index += 32
        }
        var tail = SourceHasher()
        tail.combine(UnsafeRawBufferPointer(rebasing: bytes[index..<count]))
        tail.combine(lanes.0)
        tail.combine(lanes.1)
        tail.combine(lanes.2)
        tail.combine(lanes.3)
        tail.combine(UInt64(count))
        let key = tail.finalize()
        return (key.high, key.low)
    }
}
