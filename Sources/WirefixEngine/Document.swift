import Foundation
import WirefixLexicon

/// The text one rule works on: the string, its UTF-8 bytes and, computed once and shared by every
/// rule that sees the same text, its word tokens and other analyses.
///
/// All offsets are **UTF-8 byte offsets** into ``bytes``.
///
/// A document is immutable; the pipeline creates a new one only when a rule changed the text, so
/// rules that follow an unchanged stage reuse the tokens and gazetteer matches already computed.
/// The new document takes over the tokens of the one before, and each ``DocumentAnalysis`` of it
/// when a rule first asks for that analysis, for the stretches the rule left alone (see
/// ``DocumentSplice``), computing them again only for the clauses it changed.
/// Thread-safe: the lazy caches are guarded by a lock.
public final class Document: @unchecked Sendable {
    /// The text. A document a pipeline stage made holds only its bytes until this is first
    /// read (most are never read as a `String`).
    public var text: String {
        lock.lock()
        if let storedText { lock.unlock(); return storedText }
        lock.unlock()
        let made = String(decoding: bytes, as: UTF8.self)
        lock.lock()
        defer { lock.unlock() }
        if let storedText { return storedText }
        storedText = made
        return made
    }
    private var storedText: String?
    /// The UTF-8 bytes of ``text``.
    public let bytes: [UInt8]
    /// Whether every byte is ASCII (the fast path: no normalization, no mojibake, no folding table).
    public let isASCII: Bool
    /// What the text before this one said (empty unless the input is cleaned in chunks).
    public let history: TextHistory

    // Internal and `@usableFromInline` for the inlinable `cached`: see there.
    @usableFromInline let lock = NSLock()
    /// Values cached that are not analyses (never carried to the next document).
    @usableFromInline var cache = CacheSlots<any Sendable>()
    /// Analyses cached, offered to the next document: kept apart so that making that document
    /// needs no cast to find them (a cast of each cached value to `any DocumentAnalysis` looked up
    /// its conformance, some 2,000 instructions, for every value of every stage's document).
    @usableFromInline var analyses = CacheSlots<any DocumentAnalysis>()
    /// The analyses of the document this one was made from, carried over when first asked for
    /// (see ``cached(_:_:)``) through ``pendingSplice``; dropped, not carried further, when a
    /// later document is made from this one before anyone asked.
    @usableFromInline var pending = CacheSlots<any DocumentAnalysis>()
    @usableFromInline var pendingSplice: DocumentSplice?

    /// Creates a document.
    ///
    /// - Parameters:
    ///   - text: the text.
    ///   - history: what the text before it said, when a long input is cleaned in chunks.
    public init(_ text: String, history: TextHistory = .empty) {
        storedText = text
        self.history = history
        bytes = Array(text.utf8)
        isASCII = Self.isASCII(bytes, in: 0..<bytes.count)
    }

    /// Creates a document from its UTF-8 bytes, which must be valid UTF-8 (the text is made of
    /// them when first read).
    init(validUTF8 bytes: [UInt8], history: TextHistory) {
        self.history = history
        self.bytes = bytes
        isASCII = Self.isASCII(bytes, in: 0..<bytes.count)
    }

    /// Creates the document that a pipeline stage's edits made of `parent`: it takes over the
    /// parent's tokens and analyses for the stretches the edits left alone (see
    /// ``DocumentSplice`` and ``DocumentAnalysis``) and computes them for the rest.
    ///
    /// - Parameters:
    ///   - bytes: the new text, valid UTF-8.
    ///   - edits: what changed, ascending and without overlaps, in `parent`'s offsets (bytes
    ///     outside them are the same in both texts).
    ///   - parent: the document before the edits.
    init(bytes: [UInt8], applying edits: [OffsetMap.Edit], to parent: Document) {
        self.bytes = bytes
        history = parent.history
        if parent.isASCII {
            // Only the replaced bytes can be new.
            var shift = 0
            var ascii = true
            for edit in edits {
                let start = edit.range.lowerBound + shift
                if !Self.isASCII(bytes, in: start..<(start + edit.replacementLength)) { ascii = false; break }
                shift += edit.replacementLength - edit.range.count
            }
            isASCII = ascii
        } else {
            isASCII = Self.isASCII(bytes, in: 0..<bytes.count)
        }
        let (parentTokens, parentAnalyses) = parent.carriedState()
        guard let parentTokens else { return }
        let (splice, tokens) = DocumentSplice.make(oldBytes: parent.bytes, oldTokens: parentTokens, newBytes: bytes, edits: edits)
        storedTokens = tokens
        if !parentAnalyses.isEmpty {
            pending.entries = parentAnalyses
            pendingSplice = splice
        }
    }

    /// The tokens, if computed, and the cached analyses in the order they were stored (not the
    /// pending ones, which belong to the document before).
    private func carriedState() -> ([Token]?, [(slot: Int, value: any DocumentAnalysis)]) {
        lock.lock()
        defer { lock.unlock() }
        return (storedTokens, analyses.stored)
    }

    /// Whether the bytes `range` are all ASCII, eight at a time.
    private static func isASCII(_ bytes: [UInt8], in range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = range.lowerBound
            let end = range.upperBound
            while index + 8 <= end {
                if UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
            while index < end { if buffer[index] >= 0x80 { return false }; index += 1 }
            return true
        }
    }

    /// The word tokens of the text (see `Tokenizer`), computed once.
    public var tokens: [Token] {
        lock.lock()
        if let storedTokens { lock.unlock(); return storedTokens }
        lock.unlock()
        let computed = bytes.withUnsafeBufferPointer { Tokenizer.tokens(in: $0) }
        lock.lock()
        defer { lock.unlock() }
        if let storedTokens { return storedTokens }
        storedTokens = computed
        return computed
    }
    private var storedTokens: [Token]?

    /// The indices into ``tokens`` of the tokens that start inside a byte range.
    ///
    /// - Parameter range: UTF-8 byte offsets; when it starts and ends at token boundaries or line
    ///   breaks, these are exactly the tokens inside it.
    /// - Complexity: O(log *n*) in the number of tokens.
    public func tokenIndices(in range: Range<Int>) -> Range<Int> {
        let all = tokens
        func firstStarting(atOrAfter offset: Int) -> Int {
            var low = 0, high = all.count
            while low < high {
                let mid = (low + high) / 2
                if all[mid].range.lowerBound < offset { low = mid + 1 } else { high = mid }
            }
            return low
        }
        let start = firstStarting(atOrAfter: range.lowerBound)
        return start..<max(start, firstStarting(atOrAfter: range.upperBound))
    }

    /// Calls `body` with the UTF-8 bytes.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer(body)
    }

    /// The text of a UTF-8 byte range, which must lie on scalar boundaries.
    public func text(in range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The text of a token.
    public func text(of token: Token) -> String { text(in: token.range) }

    /// The line that holds the bytes `range`: from just after the line feed before it (or the
    /// start) to the next line feed at or after its end (or the end), without that line feed.
    ///
    /// - Complexity: linear in the line's length, eight bytes at a time, for lines up to about
    ///   a hundred bytes; beyond that O(log *l*) in the number of lines, from an index of the line
    ///   feeds built on first need (a text without line breaks, a megabyte long, would otherwise
    ///   be scanned once per name on it).
    public func lineRange(containing range: Range<Int>) -> Range<Int> {
        let nearby = bytes.withUnsafeBufferPointer { buffer -> Range<Int>? in
            guard let base = UnsafeRawPointer(buffer.baseAddress) else { return range }
            let count = buffer.count
            // A word holds a line feed when (x ^ 0x0A…) has a zero byte.
            @inline(__always) func hasLineFeed(_ word: UInt64) -> Bool {
                let x = word ^ 0x0A0A_0A0A_0A0A_0A0A
                return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
            }
            let limit = Document.shortLineScan
            var start = range.lowerBound
            while start >= 8 && !hasLineFeed(base.loadUnaligned(fromByteOffset: start - 8, as: UInt64.self)) {
                start -= 8
                if range.lowerBound - start > limit { return nil }
            }
            while start > 0 && buffer[start - 1] != 0x0A { start -= 1 }
            var end = range.upperBound
            while end + 8 <= count && !hasLineFeed(base.loadUnaligned(fromByteOffset: end, as: UInt64.self)) {
                end += 8
                if end - range.upperBound > limit { return nil }
            }
            while end < count && buffer[end] != 0x0A { end += 1 }
            return start..<end
        }
        if let nearby { return nearby }
        // A long line: the line feeds before and after the range, by binary search.
        let feeds = lineFeeds
        let low = feeds.partitioningIndex { $0 >= range.lowerBound }
        let start = low > 0 ? feeds[low - 1] + 1 : 0
        var after = low
        while after < feeds.count && feeds[after] < range.upperBound { after += 1 }
        return start..<(after < feeds.count ? feeds[after] : bytes.count)
    }

    /// How far ``lineRange(containing:)`` scans on either side before it uses ``lineFeeds``.
    /// (A paragraph of wire copy is one line of several hundred bytes, asked about once per name
    /// on it: the binary search is cheaper there than the scan.)
    static let shortLineScan = 96

    /// The offsets of the line feeds, ascending; built on first need (memchr speed).
    var lineFeeds: [Int] {
        lock.lock()
        if let storedLineFeeds { lock.unlock(); return storedLineFeeds }
        lock.unlock()
        var feeds: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            var offset = ByteSearch.firstIndex(of: 0x0A, in: buffer, from: 0, to: buffer.count)
            while offset < buffer.count {
                feeds.append(offset)
                offset = ByteSearch.firstIndex(of: 0x0A, in: buffer, from: offset + 1, to: buffer.count)
            }
        }
        lock.lock()
        defer { lock.unlock() }
        if let storedLineFeeds { return storedLineFeeds }
        storedLineFeeds = feeds
        return feeds
    }
    private var storedLineFeeds: [Int]?

    /// Whether the bytes `range` are exactly the UTF-8 of `string` (a byte comparison, not
    /// String's canonical equivalence).
    public func bytes(in range: Range<Int>, equal string: String) -> Bool {
        var string = string
        return string.withUTF8 { other in
            other.count == range.count && bytes.withUnsafeBufferPointer { own in
                range.isEmpty || memcmp(own.baseAddress! + range.lowerBound, other.baseAddress!, range.count) == 0
            }
        }
    }

    /// A token folded as `Folding` folds it, read straight from ``bytes``: the same string as
    /// `Folding.fold(text(of: token))` without the intermediate copy.
    public func folded(_ token: Token) -> String {
        bytes.withUnsafeBufferPointer { Folding.fold($0, range: token.range) }
    }

    /// A value computed once per document and kept for later rules. (A ``DocumentAnalysis`` goes
    /// through the overload for analyses below, which also carries it to the next document.)
    ///
    /// Inlinable, as the analyses' version: each rule's call is specialized for its type, where
    /// the generic version looked up `Optional<T>`'s metadata on every call.
    ///
    /// - Parameters:
    ///   - key: the value's key, made once (see ``CacheKey``).
    ///   - compute: computes the value; called at most once per key (unless two threads race, in
    ///     which case both compute and the first stored value wins).
    @inlinable
    public func cached<T: Sendable>(_ key: CacheKey, _ compute: () -> T) -> T {
        lock.lock()
        if let stored = cache[key], let value = stored as? T { lock.unlock(); return value }
        lock.unlock()
        let value = compute()
        lock.lock()
        defer { lock.unlock() }
        if let stored = cache[key], let existing = stored as? T { return existing }
        cache.store(value, for: key)
        return value
    }

    /// An analysis computed once per document and kept for later rules, and offered to the
    /// document the next rule's edits make, which carries it over (see
    /// ``DocumentAnalysis/carried(to:by:)``) the first time it is asked for it, instead of
    /// computing it.
    ///
    /// - Parameters:
    ///   - key: the analysis's key, made once (see ``CacheKey``).
    ///   - compute: computes the analysis; called at most once per key (unless two threads race,
    ///     in which case both compute and the first stored value wins), and not at all when the
    ///     analysis is carried over.
    @inlinable
    public func cached<T: DocumentAnalysis>(_ key: CacheKey, _ compute: () -> T) -> T {
        lock.lock()
        if let stored = analyses[key], let value = stored as? T { lock.unlock(); return value }
        let offered = pending.removeValue(for: key)
        let splice = pendingSplice
        lock.unlock()
        if let offered = offered as? T, let splice, let carried = offered.carried(to: self, by: splice) {
            lock.lock()
            defer { lock.unlock() }
            if let stored = analyses[key], let existing = stored as? T { return existing }
            analyses.store(carried, for: key)
            return carried
        }
        let value = compute()
        lock.lock()
        defer { lock.unlock() }
        if let stored = analyses[key], let existing = stored as? T { return existing }
        analyses.store(value, for: key)
        return value
    }
}
