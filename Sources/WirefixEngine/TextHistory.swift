/// What the text before a document said that rules may need: set when a long input is cleaned in
/// chunks (see `StreamingCorrector` in the `Wirefix` module), empty for a text cleaned whole.
///
/// Rules that look back beyond their own text read it: the follow-up rule needs the people named
/// in full earlier ("Maduro" alone in chunk 7 after "Nicolás Maduro" in chunk 2), the repeated
/// caption rule needs the line just before the first line of the chunk and the number of lines
/// before it. A chunk boundary at a blank line leaves ``previousLine`` empty, since a blank line
/// separates captions anyway.
public struct TextHistory: Sendable, Hashable {
    /// Indices into `Gazetteer.entities` of the people named in full, correctly, in the text
    /// before. A bit set: every chunk of a long input copies it, and it only grows.
    public var peopleNamedInFull: EntityIndexSet
    /// The last line of the text before, without its line terminator, when no blank line separates
    /// it from this text; `nil` otherwise.
    public var previousLine: String?
    /// How many line feeds the text before held: line *n* of this text is line
    /// `n + linesBefore` of the whole input.
    public var linesBefore: Int

    /// Creates a history; the default is the empty history of a text cleaned whole.
    public init(peopleNamedInFull: EntityIndexSet = [], previousLine: String? = nil, linesBefore: Int = 0) {
        self.peopleNamedInFull = peopleNamedInFull
        self.previousLine = previousLine
        self.linesBefore = linesBefore
    }

    /// The history of a text that stands alone.
    public static let empty = TextHistory()

    /// Moves past `original`, the UTF-8 of the chunk just cleaned: counts its line feeds as given (line numbers
    /// count input lines) and keeps the last line of `corrected`, the cleaned chunk's UTF-8
    /// bytes (findings compare corrected text) when it ends with a line feed after a line that is not blank. A chunk that ends inside a line (a single line
    /// longer than a chunk) leaves no previous line: the next chunk starts mid-line.
    mutating func advance(past original: [UInt8], corrected: [UInt8]) {
        linesBefore += original.withUnsafeBufferPointer { ByteSearch.count(of: 0x0A, in: $0) }
        guard let last = corrected.last, last == 0x0A else { previousLine = nil; return }
        let body = corrected[..<(corrected.count - 1)]
        let start = (body.lastIndex(of: 0x0A) ?? -1) + 1
        let line = corrected[start..<(corrected.count - 1)]
        let isBlank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        previousLine = isBlank ? nil : String(decoding: line, as: UTF8.self)
    }
}

/// A set of small non-negative integers (indices into `Gazetteer.entities`) kept as a bit array:
/// copying it costs one bit per index up to the largest, however often it is copied.
public struct EntityIndexSet: Sendable, Hashable, Sequence, ExpressibleByArrayLiteral, CustomStringConvertible {
    private var words: [UInt64] = []

    /// An empty set.
    public init() {}

    /// A set of the given indices.
    public init(_ indices: some Sequence<Int>) { formUnion(indices) }

    /// A set of the given indices.
    public init(arrayLiteral indices: Int...) { formUnion(indices) }

    /// Whether the set holds `index`.
    public func contains(_ index: Int) -> Bool {
        index >= 0 && index >> 6 < words.count && words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// Adds `index` (which must not be negative).
    public mutating func insert(_ index: Int) {
        precondition(index >= 0, "entity indices are not negative")
        grow(toHold: index)
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    /// Makes room for the bits up to `index`.
    private mutating func grow(toHold index: Int) {
        let needed = index >> 6 + 1
        if needed > words.count { words.append(contentsOf: repeatElement(0, count: needed - words.count)) }
    }

    /// Adds every index of `indices`.
    public mutating func formUnion(_ indices: some Sequence<Int>) {
        for index in indices { insert(index) }
    }

    /// Adds every index of `indices`, growing the bit array once to the largest (a text's people
    /// are few but their indices run to the lexicon's size: growing word by word reallocated).
    public mutating func formUnion(_ indices: some Collection<Int>) {
        var largest = -1
        for index in indices {
            precondition(index >= 0, "entity indices are not negative")
            largest = Swift.max(largest, index)
        }
        guard largest >= 0 else { return }
        grow(toHold: largest)
        words.withUnsafeMutableBufferPointer { words in
            for index in indices { words[index >> 6] |= 1 << UInt64(index & 63) }
        }
    }

    /// Calls `body` with the set's bits: index `i` is in the set when bit `i & 63` of word
    /// `i >> 6` is set; indices past the last word are not. For a lookup in a module below this
    /// one, which cannot take the set itself (``SurnameFormTable``'s forms of the people a text
    /// names).
    public func withUnsafeWords<R>(_ body: (UnsafeBufferPointer<UInt64>) throws -> R) rethrows -> R {
        try words.withUnsafeBufferPointer(body)
    }

    /// Whether the set is empty.
    public var isEmpty: Bool { !words.contains { $0 != 0 } }

    /// The number of indices in the set.
    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The indices in ascending order.
    public func makeIterator() -> some IteratorProtocol<Int> {
        words.indices.lazy.flatMap { word in
            (0..<64).lazy.filter { self.words[word] & (1 << UInt64($0)) != 0 }.map { word << 6 | $0 }
        }.makeIterator()
    }

    /// The indices, as a set literal would list them.
    public var description: String { "[" + map(String.init).joined(separator: ", ") + "]" }

    /// Whether two sets hold the same indices.
    public static func == (lhs: EntityIndexSet, rhs: EntityIndexSet) -> Bool { lhs.trimmed == rhs.trimmed }

    /// Hashes the indices held.
    public func hash(into hasher: inout Hasher) { hasher.combine(trimmed) }

    /// The words without trailing zero words, so that equal sets compare and hash equal.
    private var trimmed: ArraySlice<UInt64> {
        var end = words.count
        while end > 0 && words[end - 1] == 0 { end -= 1 }
        return words[..<end]
    }
}
