/// The edges of the gazetteer's token trie in one open-addressing hash table: (parent node,
/// token id) → child node.
///
/// One probe costs a multiply and a compare, with no per-node dictionary and no seeded hashing:
/// the matcher follows one edge per word of the text, so this is on the hot path. Stored as one
/// section of a compiled lexicon image (``ImageFormat``): the capacity, then the keys (u64) and
/// the children (i32) of every slot.
///
/// - Complexity: building is O(*e*) for *e* edges; a lookup is O(1) expected (load factor at most
///   one half, linear probing, Fibonacci hashing); opening a serialized table is O(1).
struct TrieEdgeTable: Sendable {
    private let keys: ImageArray<UInt64>
    private let children: ImageArray<Int32>
    /// Per token id, the root's child along it packed as a ``Root``: the first step of every
    /// match, taken for every known token of the text, is one load from this small array instead
    /// of a probe into the table of all edges (megabytes for a large lexicon, a cache miss per
    /// probe), and that load also says whether the child ends a variant.
    private let roots: ImageArray<UInt64>

    /// The root's child along a token, as ``TrieEdgeTable`` stores it: the child node in the low
    /// 32 bits (all ones for none) and bit 32 set when variants end there; the other bits are 0.
    /// Every part is checked when the table opens. (A filter of the tokens that may follow the
    /// child, in the spare bits, saved no time measurably and could not be checked without
    /// reading every edge: dropped.)
    struct Root {
        let packed: UInt64
        static let none = UInt64(UInt32.max)

        /// The child node.
        var node: Int32 { Int32(truncatingIfNeeded: packed & 0xFFFF_FFFF) }
        /// Whether variants end at the child.
        var hasVariants: Bool { packed & (1 << 32) != 0 }
    }
    private let shift: UInt64
    private let mask: Int

    private static let empty = UInt64.max

    /// Serializes the table of `(parent, token, child)` edges; each (parent, token) appears once.
    /// Token ids are below `tokenCount` (the vocabulary's size).
    /// `nodeHasVariants(node)` says whether variants end at a node.
    static func write(_ edges: [(parent: Int32, token: Int32, child: Int32)], tokenCount: Int,
                      nodeHasVariants: (Int32) -> Bool, to writer: inout ImageWriter) {
        var bits: UInt64 = 4
        while (1 << bits) < edges.count * 2 + 1 { bits += 1 }
        let capacity = 1 << Int(bits)
        let shift = 64 - bits
        var keys = [UInt64](repeating: Self.empty, count: capacity)
        var children = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for edge in edges {
            let key = Self.key(edge.parent, edge.token)
            var slot = Self.slot(key, shift: shift)
            while keys[slot] != Self.empty { slot = (slot + 1) & mask }
            keys[slot] = key
            children[slot] = edge.child
        }
        var roots = [UInt64](repeating: Root.none, count: tokenCount)
        for edge in edges where edge.parent == 0 {
            roots[Int(edge.token)] = UInt64(UInt32(bitPattern: edge.child)) | (nodeHasVariants(edge.child) ? 1 << 32 : 0)
        }
        writer.append(UInt64(capacity))
        writer.append(array: keys)
        writer.append(array: children)
        writer.append(UInt64(tokenCount))
        writer.append(array: roots)
    }

    /// Opens a serialized table; `nodes` is the number of trie nodes and `tokens` the
    /// vocabulary's size (children are checked against them, and each root child's variants flag
    /// against `nodeHasVariants`: O(*e*) without allocation).
    init(_ reader: inout SectionReader, nodes: Int, tokens: Int, nodeHasVariants: (Int32) -> Bool) throws(ImageFormatError) {
        let capacity = try reader.count()
        guard capacity >= 16, capacity & (capacity - 1) == 0 else { throw ImageFormatError("a trie table of \(capacity) slots") }
        keys = try reader.array(count: capacity)
        children = try reader.array(count: capacity)
        let rootCount = try reader.count()
        guard rootCount == tokens else { throw ImageFormatError("\(rootCount) root edges for \(tokens) tokens") }
        roots = try reader.array(count: rootCount)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        mask = capacity - 1
        for child in children where child >= Int32(nodes) || child < -1 {
            throw ImageFormatError("a trie edge leads to node \(child) of \(nodes)")
        }
        for packed in roots where packed != Root.none {
            guard packed >> 33 == 0 else { throw ImageFormatError("a root entry has bits set beyond its child and flag") }
            let root = Root(packed: packed)
            guard root.node > 0, Int(root.node) < nodes else { throw ImageFormatError("a trie edge leads to node \(root.node) of \(nodes)") }
            guard root.hasVariants == nodeHasVariants(root.node) else {
                throw ImageFormatError("the root's child \(root.node) is marked as \(root.hasVariants ? "" : "not ")ending variants")
            }
        }
    }

    /// The root's child along `token` (a token id, below the vocabulary's size), or `nil`.
    @inline(__always)
    func root(token: Int32) -> Root? {
        let packed = roots[Int(token)]
        return packed == Root.none ? nil : Root(packed: packed)
    }

    @inline(__always) private static func key(_ parent: Int32, _ token: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: parent)) << 32 | UInt64(UInt32(bitPattern: token))
    }

    @inline(__always) private static func slot(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The child of `parent` along `token` (a token id, below the vocabulary's size), or `nil`.
    @inline(__always)
    func child(of parent: Int32, token: Int32) -> Int32? {
        if parent == 0 { return root(token: token)?.node }
        let key = Self.key(parent, token)
        var slot = Self.slot(key, shift: shift)
        while true {
            let stored = keys[slot]
            if stored == key { return children[slot] }
            if stored == Self.empty { return nil }
            slot = (slot + 1) & mask
        }
    }
}

/// Lists of integers by index, in compressed sparse row form: one offset per list into one array
/// of values, each list `stride` values per item. Stores the variants at each trie node, the
/// entities of each name component, and the like.
struct IntLists: Sendable {
    private let offsets: ImageArray<UInt32>
    private let values: ImageArray<Int32>
    /// Values per item.
    let stride: Int

    /// The number of lists.
    var count: Int { offsets.count - 1 }

    /// Serializes `lists`, each a flat array of items of `stride` values.
    static func write(_ lists: [[Int32]], stride: Int = 1, to writer: inout ImageWriter) {
        var offsets: [UInt32] = [0]
        offsets.reserveCapacity(lists.count + 1)
        var values: [Int32] = []
        for list in lists {
            precondition(list.count % stride == 0)
            values += list
            precondition(values.count <= Int(UInt32.max), "a compiled list exceeds 2^32 values")
            offsets.append(UInt32(values.count))
        }
        writer.append(UInt64(lists.count))
        writer.append(UInt64(values.count))
        writer.append(UInt64(stride))
        writer.append(array: offsets)
        writer.append(array: values)
    }

    /// Opens serialized lists, checking that the offsets rise and cover the values (O(*n*)
    /// without allocation).
    init(_ reader: inout SectionReader) throws(ImageFormatError) {
        let count = try reader.count()
        let valueCount = try reader.count(limit: Int(UInt32.max))
        stride = try reader.count(limit: 16)
        guard stride >= 1 else { throw ImageFormatError("a list stride of 0") }
        offsets = try reader.offsets(count: count, covering: valueCount, stride: stride, of: "a list table")
        values = try reader.array(count: valueCount)
    }

    /// Checks that field `field` of every item is in `0..<bound` (O(*v*) without allocation).
    func checkValues(field: Int = 0, below bound: Int, _ what: String) throws(ImageFormatError) {
        var index = field
        while index < values.count {
            guard values[index] >= 0 && Int(values[index]) < bound else {
                throw ImageFormatError("\(what) names \(values[index]) of \(bound)")
            }
            index += stride
        }
    }

    /// Whether list `index` is empty.
    @inline(__always)
    func isEmpty(_ index: Int) -> Bool { offsets[index] == offsets[index + 1] }

    /// The number of items of list `index`.
    func itemCount(_ index: Int) -> Int { Int(offsets[index + 1] - offsets[index]) / stride }

    /// Value `field` of item `item` of list `index`.
    @inline(__always)
    func value(_ index: Int, item: Int, field: Int = 0) -> Int32 {
        values[Int(offsets[index]) + item * stride + field]
    }

    /// The values of list `index` (first field of each item) as `Int`s.
    func list(_ index: Int) -> [Int] {
        (0..<itemCount(index)).map { Int(value(index, item: $0)) }
    }
}
