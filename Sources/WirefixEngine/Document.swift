import Foundation
import WirefixLexicon

/// The text one rule works on: the string, its UTF-8 bytes and, computed once and shared by every
/// rule that sees the same text, its word tokens and other analyses.
///
/// All offsets are **UTF-8 byte offsets** into ``bytes``.
///
/// A document is immutable; the pipeline creates a new one only when a rule changed the text, so
/// rules that follow an unchanged stage reuse the tokens and gazetteer matches already computed.
/// Thread-safe: the lazy caches are guarded by a lock.
public final class Document: @unchecked Sendable {
    /// The text.
    public let text: String
    /// The UTF-8 bytes of ``text``.
    public let bytes: [UInt8]
    /// Whether every byte is ASCII (the fast path: no normalization, no mojibake, no folding table).
    public let isASCII: Bool
    /// What the text before this one said (empty unless the input is cleaned in chunks).
    public let history: TextHistory

    private let lock = NSLock()
    private var cache: [String: any Sendable] = [:]

    /// Creates a document.
    ///
    /// - Parameters:
    ///   - text: the text.
    ///   - history: what the text before it said, when a long input is cleaned in chunks.
    public init(_ text: String, history: TextHistory = .empty) {
        self.text = text
        self.history = history
        bytes = Array(text.utf8)
        isASCII = bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index + 8 <= count {
                if UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
            while index < count { if buffer[index] >= 0x80 { return false }; index += 1 }
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

    /// A token folded as `Folding` folds it, read straight from ``bytes``: the same string as
    /// `Folding.fold(text(of: token))` without the intermediate copy.
    public func folded(_ token: Token) -> String {
        bytes.withUnsafeBufferPointer { Folding.fold($0, range: token.range) }
    }

    /// A value computed once per document and kept for later rules.
    ///
    /// - Parameters:
    ///   - key: a name unique to the analysis, e.g. `"gazetteer"`.
    ///   - compute: computes the value; called at most once per key (unless two threads race, in
    ///     which case both compute and the first stored value wins).
    public func cached<T: Sendable>(_ key: String, _ compute: () -> T) -> T {
        lock.lock()
        if let value = cache[key] as? T { lock.unlock(); return value }
        lock.unlock()
        let value = compute()
        lock.lock()
        defer { lock.unlock() }
        if let existing = cache[key] as? T { return existing }
        cache[key] = value
        return value
    }
}
