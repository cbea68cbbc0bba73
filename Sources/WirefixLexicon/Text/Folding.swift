import WirefixICU

/// Accent- and case-insensitive folding of name tokens, the key the gazetteer matches on.
///
/// `fold("Rodríguez") == "rodriguez"`, `fold("ÉVOLE") == "evole"`, `fold("Peña") == "pena"`.
/// Folding lowercases, removes combining marks after canonical decomposition (NFD, computed with
/// ICU once per scalar and cached in a table), and spells out the Latin letters that have no
/// decomposition (ø → o, ł → l, đ → d, ß → ss, æ → ae, œ → oe, ı → i). Zero-width characters and
/// the soft hyphen are dropped. Scripts other than Latin are lowercased only.
///
/// ASCII input takes a fast path that only lowercases bytes.
///
/// - Complexity: O(*n*) in the length of the input.
public enum Folding {
    /// Folds a string. See ``Folding``.
    public static func fold(_ text: some StringProtocol) -> String {
        // Contiguous UTF-8 (a native string, or a slice of one) is folded in place, with no copy.
        if let folded = text.utf8.withContiguousStorageIfAvailable({ fold($0, range: 0..<$0.count) }) { return folded }
        var copy = String(text)
        return copy.withUTF8 { fold($0, range: 0..<$0.count) }
    }

    /// Folds the bytes `range` of a UTF-8 buffer.
    ///
    /// - Parameters:
    ///   - bytes: valid UTF-8.
    ///   - range: UTF-8 byte offsets, on scalar boundaries.
    public static func fold(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> String {
        var isASCII = true
        for index in range where bytes[index] >= 0x80 { isASCII = false; break }
        if isASCII {
            return String(unsafeUninitializedCapacity: range.count) { out in
                var o = 0
                for index in range {
                    let byte = bytes[index]
                    out[o] = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
                    o += 1
                }
                return o
            }
        }
        var folded: [UInt8] = []
        folded.reserveCapacity(range.count + 8)
        appendFolded(bytes, range: range, to: &folded)
        return String(decoding: folded, as: UTF8.self)
    }

    /// Appends the UTF-8 of the bytes `range` of a UTF-8 buffer, folded, to `folded`: the bytes
    /// of ``fold(_:range:)``'s result, built without a string (appending to a string scalar by
    /// scalar cost some 270 instructions a scalar).
    ///
    /// - Parameters:
    ///   - bytes: valid UTF-8.
    ///   - range: UTF-8 byte offsets, on scalar boundaries.
    static func appendFolded(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, to folded: inout [UInt8]) {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                folded.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                index += 1
                continue
            }
            let (scalar, length) = Tokenizer.decodeScalar(bytes, at: index)
            index += length
            appendFolded(scalar, to: &folded)
        }
    }

    /// `text` with every non-ASCII letter deleted, folded: the form a name takes when a lossy
    /// pipeline dropped its accented letters ("Nicolás" → "nicols", "Peña" → "pea").
    ///
    /// Returns `nil` when `text` is pure ASCII (the deleted form would equal the folded form).
    public static func foldDeletingNonASCII(_ text: some StringProtocol) -> String? {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        var kept = ""
        for scalar in text.unicodeScalars where scalar.isASCII { kept.unicodeScalars.append(scalar) }
        return fold(kept)
    }

    /// Appends the UTF-8 of the folded form of one scalar.
    @inline(__always)
    static func appendFolded(_ scalar: Unicode.Scalar, to result: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            result.append(UInt8(truncatingIfNeeded: value >= 0x41 && value <= 0x5A ? value | 0x20 : value))
            return
        }
        if let slot = latinSlot(value), let folded = latinBytes[slot] {
            result.append(contentsOf: folded)
            return
        }
        switch value {
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0x2061...0x2064, 0x180E, 0xFEFF: return
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return
        default: break
        }
        result.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
    }

    /// ``fold(_:)-(StringProtocol)`` as first written, appending to a string scalar by scalar: kept
    /// as the reference the tests hold the byte path to.
    package static func referenceFold(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                result.unicodeScalars.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value | 0x20)! : scalar)
                continue
            }
            if let folded = latinTable[scalar] {
                result += folded
                continue
            }
            switch scalar.value {
            case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0x2061...0x2064, 0x180E, 0xFEFF: continue
            default: break
            }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: break
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars { result.unicodeScalars.append(lower) }
        }
        return result
    }

    /// The slot of a scalar of ``latinTable``'s ranges in ``latinBytes``, or `nil`.
    @inline(__always)
    static func latinSlot(_ value: UInt32) -> Int? {
        if value >= 0x00C0 && value <= 0x024F { return Int(value - 0x00C0) }
        if value >= 0x1E00 && value <= 0x1EFF { return 0x190 + Int(value - 0x1E00) }
        return nil
    }

    /// ``latinTable`` as UTF-8, by ``latinSlot(_:)``: an array probe instead of a dictionary's.
    static let latinBytes: [[UInt8]?] = {
        var table = [[UInt8]?](repeating: nil, count: 0x190 + 0x100)
        for (scalar, folded) in latinTable {
            table[latinSlot(scalar.value)!] = Array(folded.utf8)
        }
        return table
    }()

    /// Folded forms of the Latin letters U+00C0–U+024F and U+1E00–U+1EFF, computed with ICU NFD.
    static let latinTable: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        let special: [UInt32: String] = [
            0x00D8: "o", 0x00F8: "o", 0x0141: "l", 0x0142: "l", 0x0110: "d", 0x0111: "d",
            0x00DF: "ss", 0x1E9E: "ss", 0x00C6: "ae", 0x00E6: "ae", 0x0152: "oe", 0x0153: "oe",
            0x0131: "i", 0x00D0: "d", 0x00F0: "d", 0x00DE: "th", 0x00FE: "th", 0x0126: "h", 0x0127: "h",
        ]
        let ranges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x1E00...0x1EFF]
        var letters: [Unicode.Scalar] = []
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                if let fixed = special[value] { table[scalar] = fixed; continue }
                guard scalar.properties.isAlphabetic else { continue }
                letters.append(scalar)
            }
        }
        // One NFD call for all the letters, a line feed after each: a line feed is a starter that
        // NFD leaves alone and nothing combines across, so the pieces are the letters'
        // decompositions. (A call per letter cost some 14 M instructions at every start.)
        var joined = String.UnicodeScalarView()
        for letter in letters {
            joined.append(letter)
            joined.append("\n")
        }
        let pieces = (try? Normalizer.normalize(String(joined), to: .nfd))?.unicodeScalars
            .split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, letter) in letters.enumerated() {
            let decomposed: [Unicode.Scalar]
            if let pieces, pieces.count == letters.count + 1 {
                decomposed = Array(pieces[offset])
            } else {
                decomposed = Array(((try? Normalizer.normalize(String(letter), to: .nfd)) ?? String(letter)).unicodeScalars)
            }
            var folded = ""
            for part in decomposed {
                switch part.properties.generalCategory {
                case .nonspacingMark, .enclosingMark, .spacingMark: continue
                default: folded += part.properties.lowercaseMapping
                }
            }
            table[letter] = folded
        }
        return table
    }()
}
