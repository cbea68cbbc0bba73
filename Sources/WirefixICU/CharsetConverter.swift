internal import CICUShim

/// Converts between Unicode text and a legacy character set (code page) with ICU 72 converters.
///
/// Conversion is strict in both directions: a byte sequence that the code page does not define,
/// or a character it cannot encode, throws an ``ICUError`` instead of producing a substitution
/// character (`U+FFFD` or `0x1A`). Fallback mappings are not used when encoding, so "Ā" does not
/// silently become "A" in windows-1252.
///
/// Thread safety: one instance may be shared; an ICU converter carries state, so the shim
/// serializes calls on each instance with a mutex.
public final class CharsetConverter: Sendable {
    /// The name this converter was opened with, e.g. `"windows-1252"`.
    public let name: String

    /// ICU's canonical name for the converter, e.g. `"ibm-5348_P100-1997"` for `"windows-1252"`.
    public let canonicalName: String

    /// The shim handle (`wfx_converter`: UConverter + mutex). Never reassigned; every use goes
    /// through the shim, which locks the handle's mutex, hence `nonisolated(unsafe)` is sound.
    nonisolated(unsafe) private let handle: OpaquePointer

    /// Opens a converter by name or alias (case-insensitive), e.g. `"windows-1252"`,
    /// `"ISO-8859-1"`, `"windows-1250"`, `"windows-1251"`, `"macintosh"`, `"ibm-437"`, `"UTF-8"`.
    ///
    /// - Throws: ``ICUError`` named `"U_FILE_ACCESS_ERROR"` when ICU knows no such converter,
    ///   `"U_ILLEGAL_ARGUMENT_ERROR"` for an empty name.
    public init(name: String) throws(ICUError) {
        var status: Int32 = WFX_U_ZERO_ERROR
        let opened = name.withCString { wfx_converter_open($0, &status) }
        guard let opened, status <= 0 else {
            throw ICUError(code: status > 0 ? status : WFX_U_ILLEGAL_ARGUMENT_ERROR,
                           operation: "ucnv_open", detail: "converter \"\(name)\"")
        }
        self.name = name
        self.handle = opened
        self.canonicalName = String(cString: wfx_converter_name(opened))
    }

    deinit {
        wfx_converter_close(handle)
    }

    /// Decodes `bytes` from this code page.
    ///
    /// - Parameter bytes: Encoded text; may be empty.
    /// - Returns: The decoded string, e.g. windows-1252 `[0xC3, 0xAD]` → `"Ã\u{AD}"`. Bytes that
    ///   ICU maps to C1 controls (windows-1252 0x81 → U+0081) decode without error; see
    ///   ``singleByteTable(name:includingC1Controls:)``.
    /// - Throws: ``ICUError`` named `"U_INVALID_CHAR_FOUND"` (unassigned byte, e.g. 0x81 in
    ///   windows-1252), `"U_ILLEGAL_CHAR_FOUND"` (malformed sequence) or
    ///   `"U_TRUNCATED_CHAR_FOUND"` (input ends inside a character); ``ICUError/detail`` gives
    ///   the byte offset and the bytes there.
    /// - Complexity: O(n) in the number of bytes.
    public func decode(_ bytes: [UInt8]) throws(ICUError) -> String {
        if bytes.isEmpty { return "" }
        let operation = "ucnv_toUChars(\(name))"
        guard bytes.count < Int(Int32.max) else {
            throw ICUError(code: WFX_U_ILLEGAL_ARGUMENT_ERROR, operation: operation, detail: "input too long")
        }
        var errorOffset: Int32 = -1
        let units = try bytes.withUnsafeBufferPointer { (src) throws(ICUError) -> [UInt16] in
            guard let base = src.baseAddress else { return [] }
            return try ICUCall.fill(
                UInt16(0), operation: operation, capacity: src.count + 16,
                detail: { _ in
                    guard errorOffset >= 0, Int(errorOffset) < bytes.count else { return nil }
                    let shown = bytes[Int(errorOffset)...].prefix(4).map { hex($0) }.joined(separator: " ")
                    return "byte offset \(errorOffset) (\(shown)) is not valid \(self.name)"
                }
            ) { dest, capacity, status in
                wfx_converter_decode(handle, base, Int32(src.count), dest, capacity, &errorOffset, &status)
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Encodes `text` into this code page.
    ///
    /// - Parameter text: Any string; may be empty.
    /// - Returns: The encoded bytes, e.g. windows-1252 `"€"` → `[0x80]`.
    /// - Throws: ``ICUError`` named `"U_INVALID_CHAR_FOUND"` when a character cannot be encoded
    ///   (e.g. "א" in windows-1252); ``ICUError/detail`` names the character and its UTF-16
    ///   offset.
    /// - Complexity: O(n) in the length of `text`.
    public func encode(_ text: String) throws(ICUError) -> [UInt8] {
        if text.isEmpty { return [] }
        let operation = "ucnv_fromUChars(\(name))"
        var errorOffset: Int32 = -1
        let utf16 = Array(text.utf16)
        return try ICUCall.withUTF16(text, operation: operation) { (src, length) throws(ICUError) in
            try ICUCall.fill(
                UInt8(0), operation: operation,
                capacity: Int(length) * Int(max(1, wfx_converter_max_char_size(handle))) + 16,
                detail: { _ in
                    guard errorOffset >= 0, Int(errorOffset) < utf16.count else { return nil }
                    let scalar = String(decoding: utf16[Int(errorOffset)...].prefix(2), as: UTF16.self)
                        .unicodeScalars.first
                    let shown = scalar.map { "U+" + String($0.value, radix: 16, uppercase: true) } ?? "?"
                    return "\(shown) at UTF-16 offset \(errorOffset) cannot be encoded in \(self.name)"
                }
            ) { dest, capacity, status in
                wfx_converter_encode(handle, src, length, dest, capacity, &errorOffset, &status)
            }
        }
    }

    /// The 256-entry decode table of a single-byte code page: entry `b` is the Unicode scalar
    /// that byte `b` decodes to, or `nil` when byte `b` has no character in the code page.
    ///
    /// A byte is `nil` when ICU cannot decode it (e.g. 0xD2 in windows-1253) and, unless
    /// `includingC1Controls` is `true`, when it decodes to a C1 control character
    /// (U+0080...U+009F). ICU 72 fills the positions that Microsoft leaves undefined with the C1
    /// control of the same value and treats that as a round-trip mapping (windows-1252 decodes
    /// 0x81, 0x8D, 0x8F, 0x90 and 0x9D to U+0081, U+008D, U+008F, U+0090 and U+009D;
    /// windows-1251 decodes 0x98 to U+0098), whereas C1 controls never occur in real text. By
    /// default such bytes are therefore reported as unassigned; note that this also makes
    /// 0x80...0x9F `nil` for ISO-8859-1, where ISO 8859 itself assigns no graphic characters.
    /// ``decode(_:)`` keeps ICU's mapping and does not throw for these bytes.
    ///
    /// - Parameters:
    ///   - name: A converter name or alias, as for ``init(name:)``.
    ///   - includingC1Controls: `true` to return ICU's raw mapping, including C1 controls.
    /// - Returns: Exactly 256 entries indexed by byte value, e.g. for windows-1252 entry 0x80 is
    ///   "€" and entry 0x81 is `nil`; for macintosh entry 0x8E is "é". A byte that decodes to more
    ///   than one scalar (none does in the Windows, ISO and Mac code pages) is `nil`.
    /// - Throws: ``ICUError`` from ``init(name:)`` for an unknown name, or named
    ///   `"U_ILLEGAL_ARGUMENT_ERROR"` when the code page is not single-byte (e.g. `"UTF-8"`).
    /// - Complexity: 256 conversions, in one call to ICU; cache the result if you need it
    ///   repeatedly.
    public static func singleByteTable(
        name: String, includingC1Controls: Bool = false
    ) throws(ICUError) -> [Unicode.Scalar?] {
        let converter = try CharsetConverter(name: name)
        guard wfx_converter_max_char_size(converter.handle) == 1 else {
            throw ICUError(code: WFX_U_ILLEGAL_ARGUMENT_ERROR, operation: "singleByteTable",
                           detail: "\(name) (\(converter.canonicalName)) is not a single-byte code page")
        }
        // Every byte decoded alone in one call: as `decode([byte])` would, with room for 16
        // UTF-16 units (more can be no single scalar).
        let unitsPerByte = 16
        var units = [UInt16](repeating: 0, count: 256 * unitsPerByte)
        var lengths = [Int32](repeating: 0, count: 256)
        var status: Int32 = 0
        units.withUnsafeMutableBufferPointer { units in
            lengths.withUnsafeMutableBufferPointer { lengths in
                wfx_converter_decode_each_byte(converter.handle, units.baseAddress!, Int32(unitsPerByte), lengths.baseAddress!, &status)
            }
        }
        if status > 0 { throw ICUError(code: status, operation: "ucnv_toUChars(\(name))") }
        var table: [Unicode.Scalar?] = []
        table.reserveCapacity(256)
        for byte in 0...255 {
            let length = Int(lengths[byte])
            guard length >= 0 else {
                table.append(nil)
                continue
            }
            let scalars = String(decoding: units[(byte * unitsPerByte)..<(byte * unitsPerByte + length)], as: UTF16.self).unicodeScalars
            guard scalars.count == 1, let scalar = scalars.first else {
                table.append(nil)
                continue
            }
            let isC1 = (0x80...0x9F).contains(scalar.value)
            table.append(isC1 && !includingC1Controls ? nil : scalar)
        }
        return table
    }

}

/// Formats a byte as `0xAB`.
private func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return "0x" + (digits.count == 1 ? "0" + digits : digits)
}
