/// A hash table from folded word tokens to small integer ids that is probed with the raw UTF-8
/// bytes of a token, folding ASCII letters on the fly: the gazetteer's hot path allocates nothing
/// for ASCII tokens.
///
/// Keys are stored back to back in one byte buffer; slots use open addressing with linear
/// probing at a load factor of at most one half. Hash: 64-bit FNV-1a over the folded bytes.
///
/// - Complexity: building is O(*k*) in the total length of the keys; a lookup is O(*t*) in the
///   length of the token, expected.
struct FoldedTokenTable: Sendable {
    private struct Slot: Sendable {
        var hash: UInt64 = 0
        var offset: Int32 = 0
        var length: Int32 = -1
        var id: Int32 = -1
    }

    private var slots: [Slot]
    private var keyBytes: [UInt8] = []
    private let mask: Int

    /// Builds a table; `keys[id]` is the folded key of id `id`.
    init(keys: [String]) {
        var capacity = 16
        while capacity < keys.count * 2 + 1 { capacity <<= 1 }
        slots = [Slot](repeating: Slot(), count: capacity)
        mask = capacity - 1
        for (id, key) in keys.enumerated() {
            let bytes = Array(key.utf8)
            let hash = Self.hash(bytes)
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index].length >= 0 { index = (index + 1) & mask }
            slots[index] = Slot(hash: hash, offset: Int32(keyBytes.count), length: Int32(bytes.count), id: Int32(id))
            keyBytes += bytes
        }
    }

    static func hash<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The id of a folded key given as bytes, or -1.
    func id<C: Collection<UInt8>>(ofFolded bytes: C) -> Int32 {
        let hash = Self.hash(bytes)
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot.length < 0 { return -1 }
            if slot.hash == hash && Int(slot.length) == bytes.count
                && keyBytes[Int(slot.offset)..<Int(slot.offset + slot.length)].elementsEqual(bytes) {
                return slot.id
            }
            index = (index + 1) & mask
        }
    }

    /// The id of the token `range` of a UTF-8 buffer, folded as ``Folding`` does, or -1.
    func id(ofToken range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> Int32 {
        guard isASCII else { return id(ofFolded: Folding.fold(bytes, range: range).utf8) }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in range {
            var byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var slotIndex = Int(truncatingIfNeeded: hash) & mask
        let length = range.count
        while true {
            let slot = slots[slotIndex]
            if slot.length < 0 { return -1 }
            if slot.hash == hash && Int(slot.length) == length {
                var equal = true
                var k = Int(slot.offset)
                for index in range {
                    var byte = bytes[index]
                    if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                    if keyBytes[k] != byte { equal = false; break }
                    k += 1
                }
                if equal { return slot.id }
            }
            slotIndex = (slotIndex + 1) & mask
        }
    }
}
