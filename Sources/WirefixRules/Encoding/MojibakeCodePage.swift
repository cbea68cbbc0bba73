import WirefixICU

/// A single-byte code page through which UTF-8 text may have been misread, as the
/// ``MojibakeRule`` uses it: a byte → scalar table and its inverse.
///
/// Tables come from ICU's converters (``CharsetConverter/singleByteTable(name:includingC1Controls:)``),
/// built once per process. They are "sloppy" in the way mojibake arises in practice: a byte that
/// the code page leaves unassigned maps to the Latin-1 character of the same number (a C1
/// control for 0x80...0x9F), because that is what lenient decoders produce. Bytes 0x00...0x7F
/// always map to ASCII (ICU's `ibm-437` permutes a few C0 controls; mojibake never involves them).
struct MojibakeCodePage: Sendable {
    /// The code page as named in explanations, e.g. `"Windows-1252"`.
    let displayName: String
    /// The ICU converter name, e.g. `"windows-1252"`.
    let icuName: String
    /// Entry `b` is the scalar value byte `b` decodes to (sloppy; 256 entries).
    let decodeTable: [UInt32]
    /// Non-ASCII scalar value → byte. For Windows-1252 this also maps every C1 control
    /// U+0080...U+009F to its own byte, so that text read as Latin-1 and text read as
    /// Windows-1252 (or a mixture of both) re-encode through the same table.
    let encodeMap: [UInt32: UInt8]
    /// Which code page this is.
    let kind: Kind

    /// The code pages Wirefix knows.
    enum Kind: Sendable, Equatable {
        /// Windows-1252 merged with ISO-8859-1 (Latin-1).
        case windows1252
        /// Windows-1250 (Central European).
        case windows1250
        /// Mac OS Roman.
        case macRoman
        /// IBM PC code page 437.
        case cp437
        /// Windows-1251 (Cyrillic).
        case windows1251
        /// ISO-8859-2 (Latin-2, Central European): differs from Windows-1250 in 0x80...0x9F
        /// (C1 controls) and in a dozen letters ("ą" is B1, not B9), so "PeĂąa" is "Peña" read
        /// through it.
        case iso8859_2
    }

    /// Whether this is the Windows-1252/Latin-1 family (the only one whose C1 controls are
    /// re-read as Windows-1252 punctuation and whose "Ã"/"Â" count as strong evidence).
    var isWindows1252: Bool { kind == .windows1252 }

    /// The byte `scalar` encodes to, or `nil` when the code page cannot encode it.
    @inline(__always)
    func byte(for scalar: UInt32) -> UInt8? {
        scalar < 0x80 ? UInt8(truncatingIfNeeded: scalar) : encodeMap[scalar]
    }

    /// Builds a sloppy table from ICU; `nil` when ICU lacks the converter (the rule then simply
    /// does not consider this code page).
    init?(displayName: String, icuName: String, kind: Kind) {
        let unionWithLatin1 = kind == .windows1252
        guard let table = try? CharsetConverter.singleByteTable(name: icuName) else { return nil }
        var decode = [UInt32](repeating: 0, count: 256)
        var encode: [UInt32: UInt8] = [:]
        for byte in 0..<256 {
            let value: UInt32 = byte < 0x80 ? UInt32(byte) : (table[byte]?.value ?? UInt32(byte))
            decode[byte] = value
            if byte >= 0x80, encode[value] == nil { encode[value] = UInt8(byte) }
        }
        if unionWithLatin1 {
            for byte in 0x80...0xFF where encode[UInt32(byte)] == nil { encode[UInt32(byte)] = UInt8(byte) }
        }
        self.displayName = displayName
        self.icuName = icuName
        self.decodeTable = decode
        self.encodeMap = encode
        self.kind = kind
    }

    /// The code pages tried, in order of preference (the first wins a tie that the
    /// ``MojibakeDetector`` cannot settle): Windows-1252 merged with Latin-1, Windows-1250,
    /// ISO-8859-2, MacRoman, CP437, Windows-1251. Built once from ICU.
    static let all: [MojibakeCodePage] = [
        MojibakeCodePage(displayName: "Windows-1252", icuName: "windows-1252", kind: .windows1252),
        MojibakeCodePage(displayName: "Windows-1250", icuName: "windows-1250", kind: .windows1250),
        MojibakeCodePage(displayName: "ISO-8859-2", icuName: "ISO-8859-2", kind: .iso8859_2),
        MojibakeCodePage(displayName: "MacRoman", icuName: "macintosh", kind: .macRoman),
        MojibakeCodePage(displayName: "CP437", icuName: "ibm-437", kind: .cp437),
        MojibakeCodePage(displayName: "Windows-1251", icuName: "windows-1251", kind: .windows1251),
    ].compactMap { $0 }

    /// The Windows-1252 family table, if ICU provides it.
    static let windows1252: MojibakeCodePage? = all.first { $0.isWindows1252 }
}
