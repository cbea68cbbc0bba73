/// The edges of the gazetteer's token trie in one open-addressing hash table: (parent node,
/// token id) → child node.
///
/// One probe costs a multiply and a compare, with no per-node dictionary and no seeded hashing:
/// the matcher follows one edge per word of the text, so this is on the hot path.
///
/// - Complexity: building is O(*e*) for *e* edges; a lookup is O(1) expected (load factor at most
///   one half, linear probing, Fibonacci hashing).
struct TrieEdgeTable: Sendable {
    private var keys: [UInt64]
    private var children: [Int32]
    private let shift: UInt64

    private static let empty = UInt64.max

    /// Builds the table from `(parent, token, child)` edges; each (parent, token) appears once.
    init(_ edges: [(parent: Int32, token: Int32, child: Int32)]) {
        var bits: UInt64 = 4
        while (1 << bits) < edges.count * 2 + 1 { bits += 1 }
        let capacity = 1 << Int(bits)
        shift = 64 - bits
        keys = [UInt64](repeating: Self.empty, count: capacity)
        children = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for edge in edges {
            let key = Self.key(edge.parent, edge.token)
            var slot = Self.slot(key, shift: shift)
            while keys[slot] != Self.empty { slot = (slot + 1) & mask }
            keys[slot] = key
            children[slot] = edge.child
        }
    }

    @inline(__always) private static func key(_ parent: Int32, _ token: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: parent)) << 32 | UInt64(UInt32(bitPattern: token))
    }

    @inline(__always) private static func slot(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The child of `parent` along `token`, or `nil`.
    @inline(__always)
    func child(of parent: Int32, token: Int32) -> Int32? {
        let key = Self.key(parent, token)
        let mask = keys.count - 1
        var slot = Self.slot(key, shift: shift)
        while true {
            let stored = keys[slot]
            if stored == key { return children[slot] }
            if stored == Self.empty { return nil }
            slot = (slot + 1) & mask
        }
    }
}
