import Foundation

/// The name under which a document caches an analysis (``Document/cached(_:_:)``) or a rule
/// context keeps a derived table (``ContextMemo/value(_:_:)``).
///
/// Each distinct name is given a small slot number the first time a key with it is made, so a
/// lookup indexes an array instead of hashing the name: a pipeline asks for these values many
/// times per document, and a stream of short documents (one JSON Lines record each) makes many
/// documents. Make a key once and keep it (`static let`): making one takes a process-wide lock.
/// Two keys with the same name are the same key.
public struct CacheKey: Sendable, Hashable, CustomStringConvertible {
    /// The name, unique to the analysis or table, e.g. `"gazetteer.matches"`.
    public let name: String
    /// The slot number of ``name``: 0, 1, 2, … in the order names were first made keys.
    let slot: Int

    /// The key named `name`.
    public init(_ name: String) {
        self.name = name
        slot = Self.registry.slot(for: name)
    }

    public var description: String { name }

    public static func == (lhs: CacheKey, rhs: CacheKey) -> Bool { lhs.slot == rhs.slot }

    public func hash(into hasher: inout Hasher) { hasher.combine(slot) }

    /// The slots given so far, by name.
    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [String: Int] = [:]

        func slot(for name: String) -> Int {
            lock.lock()
            defer { lock.unlock() }
            if let slot = slots[name] { return slot }
            let slot = slots.count
            slots[name] = slot
            return slot
        }
    }

    private static let registry = Registry()
}

/// Values stored by ``CacheKey`` slot: an array indexed by slot number, grown to the largest
/// slot stored. Not thread-safe; its owners lock.
struct CacheSlots<Value> {
    private var values: [Value?] = []
    /// The slots stored, in the order they were first stored.
    private(set) var order: [Int] = []

    /// The value under `key`, if any. (Callers unwrap it before casting it to their type:
    /// casting the optional existential, or returning an optional of a generic type, made the
    /// runtime instantiate `Optional<T>`'s metadata on every lookup.)
    subscript(key: CacheKey) -> Value? {
        key.slot < values.count ? values[key.slot] : nil
    }

    /// Stores `value` under `key` (first stores keep their place in ``order``).
    mutating func store(_ value: Value, for key: CacheKey) { store(value, slot: key.slot) }

    /// Removes and returns the value under `key`.
    mutating func removeValue(for key: CacheKey) -> Value? {
        guard key.slot < values.count, let value = values[key.slot] else { return nil }
        values[key.slot] = nil
        order.removeAll { $0 == key.slot }
        return value
    }

    /// The values stored, with their slots, in the order they were first stored.
    var stored: [(slot: Int, value: Value)] { order.compactMap { slot in values[slot].map { (slot, $0) } } }

    /// Stores `value` under the slot number `slot` (one taken from ``stored``).
    mutating func store(_ value: Value, slot: Int) {
        // Grown once to hold the keys a pipeline uses, not slot by slot per document.
        if slot >= values.count { values.append(contentsOf: repeatElement(nil, count: max(slot + 1, 16) - values.count)) }
        if values[slot] == nil { order.append(slot) }
        values[slot] = value
    }

    var isEmpty: Bool { order.isEmpty }
}
