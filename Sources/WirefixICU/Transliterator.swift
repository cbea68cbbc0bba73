internal import CICUShim

/// A forward ICU transliterator (ICU 72, CLDR 42 / Unicode 15 data), e.g. script conversion
/// ("Any-Latin"), accent stripping ("Latin-ASCII") or custom rules.
///
/// Thread safety: one instance may be shared across threads. ICU does not promise that a single
/// `UTransliterator` is safe for concurrent use, so the shim serializes calls on each instance
/// with a mutex; concurrent callers of the same instance therefore run one after another.
public final class Transliterator: Sendable {
    /// The ID this transliterator was opened with, e.g. `"Any-Latin; Latin-ASCII"`, or the name
    /// given to a rule-based transliterator.
    public let id: String

    /// The shim handle (`wfx_translit`: UTransliterator + mutex). Never reassigned; every use
    /// goes through the shim, which locks the handle's mutex, hence `nonisolated(unsafe)` is sound.
    nonisolated(unsafe) private let handle: OpaquePointer

    /// Opens a system transliterator by ID (compound IDs separated by `;` are allowed).
    ///
    /// - Parameter id: A transliterator ID such as `"Any-Latin; Latin-ASCII"`,
    ///   `"Han-Latin/Names"` or `"Cyrillic-Latin"`.
    /// - Throws: ``ICUError`` named `"U_INVALID_ID"` when ICU knows no such transliterator, or
    ///   another ICU error (e.g. `U_FILE_ACCESS_ERROR`) if its data cannot be loaded.
    /// - Complexity: Building a transliterator can take milliseconds (rule compilation); reuse
    ///   instances, e.g. ``asciiFolding``.
    public init(id: String) throws(ICUError) {
        self.id = id
        self.handle = try Transliterator.open(id: id, rules: nil)
    }

    /// Compiles a rule-based transliterator (ICU transform rule syntax, forward direction).
    ///
    /// - Parameters:
    ///   - id: A name for the transliterator (not looked up).
    ///   - rules: The rules, e.g. `"ä > ae; ö > oe;"`. May reference system transliterators
    ///     with `::ID;` lines.
    /// - Throws: ``ICUError`` for a rule syntax error (e.g. `U_MALFORMED_SET` for `"[abc > d;"`);
    ///   its ``ICUError/detail`` gives the 1-based line and column, the UTF-16 offset from ICU's
    ///   `UParseError`, and the rule text around the error. `U_INVALID_ID` when a `::ID;` line
    ///   names an unknown transliterator.
    public init(id: String, rules: String) throws(ICUError) {
        self.id = id
        self.handle = try Transliterator.open(id: id, rules: rules)
    }

    deinit {
        wfx_translit_close(handle)
    }

    /// Transliterates `text` with this transliterator.
    ///
    /// - Parameter text: Any string; may be empty.
    /// - Returns: The transliterated string.
    /// - Throws: ``ICUError`` if ICU fails (e.g. `U_MEMORY_ALLOCATION_ERROR`).
    /// - Complexity: Roughly O(n) in the length of `text` times the rule work per character;
    ///   holds this instance's lock for the duration of the call.
    public func transliterate(_ text: String) throws(ICUError) -> String {
        let operation = "utrans_transUChars(\(id))"
        return try ICUCall.withUTF16(text, operation: operation) { (src, length) throws(ICUError) in
            // Conversions between scripts can grow the text several times (3 Han units -> 11 Latin).
            try ICUCall.fillString(operation: operation, capacity: Int(length) * 4 + 16) {
                dest, capacity, status in
                wfx_translit_transliterate(handle, src, length, dest, capacity, &status)
            }
        }
    }

    /// The shared transliterator with ID `"Any-Latin; Latin-ASCII"`: converts any script to Latin
    /// and then strips diacritics and other non-ASCII Latin letters ("Rodríguez Peña" →
    /// "Rodriguez Pena", "Ørsted" → "Orsted").
    ///
    /// Created lazily on first use and then reused (thread-safe).
    /// - Throws: The ``ICUError`` from creating it, if ICU lacks the transliterator data (the
    ///   failure is remembered and rethrown on every later access).
    public static var asciiFolding: Transliterator {
        get throws(ICUError) { try sharedASCIIFolding.get() }
    }

    /// The shared transliterator with ID `"Han-Latin/Names"`: Han characters to Hanyu Pinyin with
    /// tone marks, using the readings customary for personal names ("习近平" → "xí jìn píng").
    ///
    /// Created lazily on first use and then reused (thread-safe).
    /// - Throws: The ``ICUError`` from creating it, if ICU lacks the transliterator data.
    public static var hanToLatinNames: Transliterator {
        get throws(ICUError) { try sharedHanToLatinNames.get() }
    }

    private static let sharedASCIIFolding = Result { () throws(ICUError) in
        try Transliterator(id: "Any-Latin; Latin-ASCII")
    }

    private static let sharedHanToLatinNames = Result { () throws(ICUError) in
        try Transliterator(id: "Han-Latin/Names")
    }

    /// Opens the shim handle, turning ICU's status and parse error into an ``ICUError``.
    private static func open(id: String, rules: String?) throws(ICUError) -> OpaquePointer {
        let operation = "utrans_openU"
        var parseError = wfx_parse_error()
        var status: Int32 = WFX_U_ZERO_ERROR
        let handle = try ICUCall.withUTF16(id, operation: operation) { (idPtr, idLength) throws(ICUError) in
            if let rules {
                try ICUCall.withUTF16(rules, operation: operation) { (rulesPtr, rulesLength) throws(ICUError) in
                    wfx_translit_open(idPtr, idLength, rulesPtr, rulesLength, &parseError, &status)
                }
            } else {
                wfx_translit_open(idPtr, idLength, nil, 0, &parseError, &status)
            }
        }
        guard let handle, status <= 0 else {
            let code = status > 0 ? status : WFX_U_ILLEGAL_ARGUMENT_ERROR
            if let rules {
                throw ICUError(code: code, operation: operation,
                               detail: describe(parseError, id: id, rules: rules))
            }
            throw ICUError(code: code, operation: operation, detail: "id \"\(id)\"")
        }
        return handle
    }

    /// Formats a rule syntax error position, e.g.
    /// `rules "x": line 2, column 1 (offset 7), near "a > b;\n" | "[abc > d;"`.
    ///
    /// ICU's `UParseError.line` is always 0 for transliteration rules (the parser does not count
    /// lines), so line and column are computed here from the UTF-16 `offset` into `rules`.
    private static func describe(_ error: wfx_parse_error, id: String, rules: String) -> String {
        guard error.offset >= 0 else { return "rules \"\(id)\": no position reported" }
        var line = Int(error.line)
        var column = 0
        if line <= 0 {
            line = 1
            column = 1
            for unit in rules.utf16.prefix(Int(error.offset)) {
                if unit == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
        }
        var pre = error.pre_context
        var post = error.post_context
        let before = withUnsafeBytes(of: &pre) { String(decodingNUL: $0) }
        let after = withUnsafeBytes(of: &post) { String(decodingNUL: $0) }
        let position = column > 0 ? "line \(line), column \(column)" : "line \(line)"
        return "rules \"\(id)\": \(position) (offset \(error.offset)), near "
            + "\"\(escaped(before))\" | \"\(escaped(after))\""
    }

    /// Makes line breaks and tabs visible so that the message stays on one line.
    private static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    /// Decodes NUL-terminated UTF-16 from raw bytes (used for ICU's fixed-size context arrays).
    fileprivate init(decodingNUL bytes: UnsafeRawBufferPointer) {
        let units = bytes.bindMemory(to: UInt16.self)
        let end = units.firstIndex(of: 0) ?? units.endIndex
        self = String(decoding: units[..<end], as: UTF16.self)
    }
}
