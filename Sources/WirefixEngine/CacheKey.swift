import Foundation

/// The name under which a document caches an analysis (``Document/cached(_:_:)``) or a rule
/// context keeps a derived table (``ContextMemo/value(_:_:)``).
///
/// Each distinct name is given a small slot number the first time a key with it is made, so a
/// lookup compares integers (``CacheSlots``) instead of hashing the name: a pipeline asks for
/// these values many times per document, and a stream of short documents (one JSON Lines record
/// each) makes many documents. Make a key once and keep it (`static let`): making one takes a process-wide lock.
/// Two keys with the same name are the same key.
public struct CacheKey: Sendable, Hashable, CustomStringConvertible {
    /// The name, unique to the analysis or table, e.g. `"gazetteer.matches"`.
    public let name: String
    /// The slot number of ``name``: 0, 1, 2, … in the order names were first made keys.
    @usableFromInline let slot: Int

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

/// Values stored by ``CacheKey`` slot, in the order they were first stored: a short list searched
/// from the front (a document holds a handful of analyses; a list of them costs nothing to make
/// or free, where an array indexed by slot held empty places). Not thread-safe; its owners lock.
@usableFromInline
struct CacheSlots<Value> {
    @usableFromInline var entries: [(slot: Int, value: Value)] = []

    @inlinable init() {}

    /// The value under `key`, if any. (Callers unwrap it before casting it to their type:
    /// casting an optional existential, or returning an optional of a generic type, made the
    /// runtime instantiate `Optional<T>`'s metadata on every lookup.)
    @inlinable
    subscript(key: CacheKey) -> Value? {
        for entry in entries where entry.slot == key.slot { return entry.value }
        return nil
    }

    /// Stores `value` under `key` (a value stored again keeps its place in the order).
    @inlinable
    mutating func store(_ value: Value, for key: CacheKey) { store(value, slot: key.slot) }

    /// Stores `value` under the slot number `slot` (one taken from ``stored``).
    @inlinable
    mutating func store(_ value: Value, slot: Int) {
        if let index = entries.firstIndex(where: { $0.slot == slot }) {
            entries[index].value = value
        } else {
            entries.append((slot, value))
        }
    }

    /// Removes and returns the value under `key`.
    @inlinable
    mutating func removeValue(for key: CacheKey) -> Value? {
        guard let index = entries.firstIndex(where: { $0.slot == key.slot }) else { return nil }
        return entries.remove(at: index).value
    }

    /// The values stored, with their slots, in the order they were first stored.
    var stored: [(slot: Int, value: Value)] { entries }

    var isEmpty: Bool { entries.isEmpty }
}
