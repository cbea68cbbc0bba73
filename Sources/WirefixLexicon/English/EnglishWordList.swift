import Foundation

/// An English word-frequency list: lowercase words with their corpus counts, ranked from the
/// most frequent (rank 1).
///
/// The bundled list, `Lexicons/english/words.tsv`, is derived from symspellpy's
/// `frequency_dictionary_en_82_765.txt` (MIT License); `Scripts/build-english-wordlist.sh`
/// rebuilds it and `Lexicons/english/SOURCE.md` records the source and license.
public struct EnglishWordList: Sendable {
    /// The tables behind one reference: a copy of the list (each `context.words`) costs one
    /// retain, not one per table.
    private final class Storage: Sendable {
        /// The words with their counts; a word's id is its rank minus one.
        let words: StringValueTable<Int64>
        /// The most frequent short words (see ``FrequentWords``), answered before the large table.
        let frequent: FrequentWords

        init(words: StringValueTable<Int64>, frequent: FrequentWords) {
            self.words = words
            self.frequent = frequent
        }
    }

    private let storage: Storage
    private var words: StringValueTable<Int64> { storage.words }
    private var frequent: FrequentWords { storage.frequent }

    /// The number of words.
    public var count: Int { words.count }

    /// The table of words and counts (for the lexicon cache to store).
    var table: StringValueTable<Int64> { words }

    /// Creates a list from words in descending frequency order, with their counts. A word listed
    /// again keeps its first rank and count.
    ///
    /// - Complexity: O(*n*) for *n* words of bounded length.
    public init(rankedWords: [(word: String, count: Int64)]) {
        self.init(words: StringValueTable(rankedWords.map { (key: $0.word, value: $0.count) }, repeats: .keepFirst))
    }

    /// Loads a `word<TAB>count` file in descending count order (`#` comments allowed).
    ///
    /// - Throws: ``LexiconError`` naming the file and line of a malformed entry.
    public init(contentsOf url: URL) throws(LexiconError) {
        try self.init(bytes: LexiconLoader.readUTF8(url), file: url.path)
    }

    /// Parses the bytes of a `word<TAB>count` file, valid UTF-8; `file` names it in errors.
    init(bytes: [UInt8], file: String) throws(LexiconError) {
        var words: [Range<Int>] = []
        var counts: [Int64] = []
        words.reserveCapacity(bytes.count / 12)
        counts.reserveCapacity(bytes.count / 12)
        try TSVTable.forEachLine(in: bytes) { (line, range) throws(LexiconError) in
            if range.isEmpty || bytes[range.lowerBound] == 0x23 { return }
            let tab = bytes[range].firstIndex(of: 0x09)
            var count: Int64 = 0
            var valid = tab.map { $0 > range.lowerBound && $0 + 1 < range.upperBound } ?? false
            if valid, let tab {
                for index in (tab + 1)..<range.upperBound {
                    let digit = bytes[index] &- 0x30
                    guard digit < 10, count < Int64.max / 10 - 9 else { valid = false; break }
                    count = count * 10 + Int64(digit)
                }
            }
            guard valid, let tab else {
                throw LexiconError(file: file, line: line, message: "expected 'word<TAB>count', found '\(String(decoding: bytes[range], as: UTF8.self))'")
            }
            words.append(range.lowerBound..<tab)
            counts.append(count)
        }
        self.init(words: StringValueTable(keys: words, values: counts, in: bytes, repeats: .keepFirst))
    }

    /// The list of a word table (id = rank − 1), as built from a file or opened from a cached
    /// image (``LexiconCache/englishWordList(contentsOf:)``).
    init(words: StringValueTable<Int64>) {
        storage = Storage(words: words, frequent: FrequentWords((0..<min(words.count, FrequentWords.capacity)).map { words.key(ofID: $0) }))
    }

    /// The 1-based frequency rank of a word (lowercase), or `nil` when it is not listed. O(1).
    public func rank(of word: String) -> Int? {
        words.id(of: word).map { $0 + 1 }
    }

    /// Whether the lowercase word is listed. O(1).
    public func contains(_ word: String) -> Bool { words.id(of: word) != nil }

    /// Whether a word token, folded as ``Folding`` folds it, is in the list: the same answer as
    /// `contains(Folding.fold(token text))`, without allocating for an ASCII token.
    ///
    /// - Parameters:
    ///   - range: the token's UTF-8 byte range in `bytes`.
    ///   - isASCII: whether the token's bytes are all ASCII.
    public func contains(token range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> Bool {
        let storage = storage
        if isASCII && storage.frequent.contains(token: range, in: bytes) { return true }
        return storage.words.id(ofToken: range, in: bytes, isASCII: isASCII) >= 0
    }

    /// Whether an ASCII word token, lowercased, is one of the most frequent short words that
    /// ``contains(token:in:isASCII:)`` answers from a small table that stays in the processor's
    /// cache, before the large one. `true` implies `contains(token:in:isASCII: true)`; `false`
    /// says nothing. For callers that memoize the other answers. O(*t*) in the token's length.
    public func isFrequent(token range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        frequent.contains(token: range, in: bytes)
    }

    /// ``isFrequent(token:in:)`` of an ASCII word of one to eight bytes already packed and
    /// lowercased by ``PackedASCII/lowercased(_:in:)``, for callers that pack it anyway.
    public func isFrequent(packedLowercase key: UInt64) -> Bool {
        frequent.contains(packed: key)
    }

    /// The corpus count of a listed word, or 0. O(1).
    public func count(of word: String) -> Int64 {
        words.value(of: word) ?? 0
    }
}

/// The most frequent words of a list that are ASCII and at most eight bytes long, each packed
/// into a `UInt64`, in a 64 KiB open-addressing table: most tokens of running text are among
/// them, and this table stays in the processor's cache where the full list's (megabytes) does
/// not. It holds a subset of the list: a word it lacks may still be listed.
struct FrequentWords: Sendable {
    /// How many of the most frequent words are considered.
    static let capacity = 4096
    private static let bits = 13

    private let slots: [UInt64]

    init(_ words: some Sequence<String>) {
        var slots = [UInt64](repeating: 0, count: 1 << Self.bits)
        for word in words {
            let utf8 = Array(word.utf8)
            guard !utf8.isEmpty, utf8.count <= 8, utf8.allSatisfy({ $0 > 0 && $0 < 0x80 }) else { continue }
            var key: UInt64 = 0
            for (offset, byte) in utf8.enumerated() { key |= UInt64(byte) << UInt64(offset * 8) }
            var slot = Self.slot(key)
            while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & ((1 << Self.bits) - 1) }
            slots[slot] = key
        }
        self.slots = slots
    }

    @inline(__always) private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// Whether an ASCII token, lowercased, is one of the words.
    func contains(token range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The table holds ASCII words only: a key with another byte is not among them.
        guard range.count <= 8, !range.isEmpty, let key = PackedASCII.lowercased(range, in: bytes) else { return false }
        return contains(packed: key)
    }

    /// Whether the word packed as ``PackedASCII`` packs it (nonzero) is one of the words.
    func contains(packed key: UInt64) -> Bool {
        slots.withUnsafeBufferPointer { slots in
            var slot = Self.slot(key)
            while true {
                let stored = slots[slot]
                if stored == key { return true }
                if stored == 0 { return false }
                slot = (slot + 1) & ((1 << Self.bits) - 1)
            }
        }
    }
}
