import Foundation
import WirefixEngine
import WirefixLexicon

/// A small direct-mapped memo of table answers for ``GlueScanner``: whether a token (or a head or
/// tail of one) is a listed English word, and for whole tokens that are not, whether they are a
/// lexicon name component.
///
/// The glue rule asks the word list about every word token, and about the head and tail of
/// many cuts; the list's table is megabytes, so each probe of a word outside its small frequent
/// table (``EnglishWordList/isFrequent(token:in:)``, asked first and not memoized) misses the
/// processor's cache, while running text repeats the same few thousand words. The memo (16,384
/// slots of 16 bytes) answers those again from cache. An ASCII key is the token's lowercased
/// bytes, which is all that ``EnglishWordList/contains(token:in:isASCII:)`` and
/// ``Gazetteer/isNameComponent(token:in:isASCII:)`` depend on for an ASCII token; a non-ASCII
/// token's key is its bytes as written. So the memo answers exactly as the tables do; a slot
/// holds one key (up to 15 bytes; longer tokens go to the tables) and a colliding key replaces it.
///
/// Not thread-safe: a scanner takes one from the context's ``ListedWordMemoPool`` for a document
/// and gives it back after, so each is used by one thread at a time and outlives the document
/// (the rule runs on chunks of ~64 KiB and on every stage's new document).
final class ListedWordMemo {
    /// A key of up to 15 bytes in `low` and the low 7 bytes of `high`; the top byte of `high`
    /// is the state: 0 for an empty slot, else the key's length, plus 0x80 when the key is a
    /// non-ASCII token's bytes as written (else lowercase ASCII), 0x40 when the word is listed,
    /// 0x20 when the name-component answer is stored and 0x10 when it is yes.
    private struct Slot {
        var low: UInt64 = 0
        var high: UInt64 = 0
    }

    private static let bits = 14
    private let slots: UnsafeMutablePointer<Slot>

    init() {
        slots = .allocate(capacity: 1 << Self.bits)
        slots.initialize(repeating: Slot(), count: 1 << Self.bits)
    }

    deinit { slots.deallocate() }

    private static let listedBit = UInt64(0x40) << 56
    private static let componentKnownBit = UInt64(0x20) << 56
    private static let componentBit = UInt64(0x10) << 56
    private static let answerBits = listedBit | componentKnownBit | componentBit
    /// Part of the key: the bytes are a non-ASCII token's, as written (not lowercased).
    private static let rawBit = UInt64(0x80) << 56

    /// The slot and key of a token of `count` bytes packed as `low` and `high`: lowercased ASCII
    /// (``PackedASCII``), or a non-ASCII token's bytes as written when `raw`.
    @inline(__always)
    private func slot(low: UInt64, high: UInt64, count: Int, raw: Bool = false) -> (UnsafeMutablePointer<Slot>, UInt64, UInt64) {
        let high = high | UInt64(count) << 56 | (raw ? Self.rawBit : 0)
        let mixed = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)
        return (slots + Int(truncatingIfNeeded: mixed >> UInt64(64 - Self.bits)), low, high)
    }

    /// The slot and key of a non-ASCII token's bytes `range` (up to 15), as written.
    private func rawSlot(for range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> (UnsafeMutablePointer<Slot>, UInt64, UInt64) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var shift: UInt64 = 0
        for index in range {
            if shift < 64 { low |= UInt64(bytes[index]) << shift } else { high |= UInt64(bytes[index]) << (shift - 64) }
            shift += 8
        }
        return slot(low: low, high: high, count: range.count, raw: true)
    }

    /// `words.contains(token: range, in: bytes, isASCII: true)`, memoized: `range` must be an
    /// ASCII token (or part of one).
    func containsASCII(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, words: EnglishWordList) -> Bool {
        // The list's own small table of frequent words is cheaper than the memo: those words
        // are not memoized. The token is packed once for both.
        guard !range.isEmpty, range.count <= 15, let packed = PackedASCII.lowercasedPair(range, in: bytes) else {
            return words.contains(token: range, in: bytes, isASCII: true)
        }
        if range.count <= 8 && words.isFrequent(packedLowercase: packed.low) { return true }
        let (slot, low, high) = slot(low: packed.low, high: packed.high, count: range.count)
        let stored = slot.pointee
        if stored.low == low, stored.high & ~Self.answerBits == high { return stored.high & Self.listedBit != 0 }
        let listed = words.contains(token: range, in: bytes, isASCII: true)
        slot.pointee = Slot(low: low, high: listed ? high | Self.listedBit : high)
        return listed
    }

    /// Whether a word token is a listed word or else a lexicon name component:
    /// `words.contains(token:in:isASCII:) || gazetteer.isNameComponent(token:in:isASCII:)`,
    /// memoized. Keyed by the lowercased bytes for an ASCII token (the component table too folds
    /// ASCII so), by the bytes as written for another (which alone decide both answers).
    func isListedOrComponent(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool,
                             words: EnglishWordList, gazetteer: Gazetteer) -> Bool {
        guard !range.isEmpty, range.count <= 15 else {
            return words.contains(token: range, in: bytes, isASCII: isASCII)
                || gazetteer.isNameComponent(token: range, in: bytes, isASCII: isASCII)
        }
        let slot: UnsafeMutablePointer<Slot>, low: UInt64, high: UInt64
        if isASCII, let packed = PackedASCII.lowercasedPair(range, in: bytes) {
            // Packed once for the frequent-word table and the memo.
            if range.count <= 8 && words.isFrequent(packedLowercase: packed.low) { return true }
            (slot, low, high) = self.slot(low: packed.low, high: packed.high, count: range.count)
        } else {
            (slot, low, high) = rawSlot(for: range, in: bytes)
        }
        var stored = slot.pointee
        if stored.low == low, stored.high & ~Self.answerBits == high {
            if stored.high & Self.listedBit != 0 { return true }
            if stored.high & Self.componentKnownBit != 0 { return stored.high & Self.componentBit != 0 }
        } else {
            let listed = words.contains(token: range, in: bytes, isASCII: isASCII)
            stored = Slot(low: low, high: listed ? high | Self.listedBit : high)
            slot.pointee = stored
            if listed { return true }
        }
        let component = gazetteer.isNameComponent(token: range, in: bytes, isASCII: isASCII)
        slot.pointee.high = stored.high | Self.componentKnownBit | (component ? Self.componentBit : 0)
        return component
    }
}

/// The ``ListedWordMemo``s of one rule context, lent to one document scan at a time: at most as
/// many exist as threads clean at once. Kept in the context's memo, so that a memo never
/// answers for another word list or lexicon.
final class ListedWordMemoPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [ListedWordMemo] = []

    /// The pool of `context`, made on first use.
    static func of(_ context: RuleContext) -> ListedWordMemoPool {
        context.memo.value(.listedWordMemoPool) { ListedWordMemoPool() }
    }

    /// Runs `body` with a memo no other thread uses meanwhile.
    func withMemo<R>(_ body: (ListedWordMemo) throws -> R) rethrows -> R {
        lock.lock()
        let memo = free.popLast() ?? ListedWordMemo()
        lock.unlock()
        defer {
            lock.lock()
            free.append(memo)
            lock.unlock()
        }
        return try body(memo)
    }
}
