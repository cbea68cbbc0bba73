/// Word-level differences between two texts, as the edits that turn one into the other.
///
/// **Tokens.** Both texts are cut into tokens: a word is a maximal run of letters, combining marks
/// and digits; every other Unicode scalar (space, punctuation, a zero-width space, a soft hyphen)
/// is a token of its own. Tokens compare by their UTF-8 bytes, so a decomposed accent differs
/// from a composed one (Swift's `String ==` would call them equal).
///
/// **Alignment.** The common leading and trailing tokens are set aside, and the rest is aligned
/// with the standard library's `difference(from:)` (Myers' O(*ND*) shortest edit script). Each
/// maximal run of removed and inserted tokens between two aligned tokens becomes one edit.
///
/// **Merging.** An alignment of a translated name against its original anchors on the spaces
/// alone ("God given hair" → "Diosdado Cabello" aligns one space), so the edits it produces are
/// not meaningful one by one. Two edits separated only by spaces or tabs are merged when either of
/// them changes the number of words, unless that edit only splits or joins words (the same
/// letters when folded: "Penasaid" → "Peña said"), and when both replace words by other words
/// ("Nicholas Mature" → "Nicolás Maduro" is one edit). Edits that only change the case or the
/// accents of words stay one edit per word ("delcy rodriguez" → "Delcy Rodríguez" is two).
///
/// Spans are UTF-8 byte offsets into the source text.
public enum TextDiff {
    /// The edits that turn `source` into `target`, sorted by position and not overlapping.
    ///
    /// `TextEdit.apply(edits, to: Array(source.utf8), in: whole source)` gives back `target`
    /// byte for byte.
    ///
    /// - Complexity: O(*n* + *D*²) in practice, for *n* tokens of which *D* differ (Myers).
    public static func edits(from source: String, to target: String) -> [TextEdit] {
        let sourceBytes = Array(source.utf8)
        let targetBytes = Array(target.utf8)
        if sourceBytes == targetBytes { return [] }
        let sourceTokens = DiffToken.tokens(of: sourceBytes)
        let targetTokens = DiffToken.tokens(of: targetBytes)
        let trimmed = hunks(from: sourceTokens, to: targetTokens).compactMap { trim($0, source: sourceTokens, target: targetTokens) }
        let hunks = merged(trimmed, source: sourceTokens, target: targetTokens)
            .compactMap { trim($0, source: sourceTokens, target: targetTokens) }
        return hunks.map { hunk in
            let range = byteRange(of: hunk.source, in: sourceTokens, total: sourceBytes.count)
            let replacementRange = byteRange(of: hunk.target, in: targetTokens, total: targetBytes.count)
            return TextEdit(
                range: range,
                original: String(decoding: sourceBytes[range.asRange], as: UTF8.self),
                replacement: String(decoding: targetBytes[replacementRange.asRange], as: UTF8.self))
        }
    }

    /// A run of source tokens replaced by a run of target tokens (token indices).
    struct Hunk {
        var source: Range<Int>
        var target: Range<Int>
    }

    /// The unmerged hunks between two token sequences.
    static func hunks(from source: [DiffToken], to target: [DiffToken]) -> [Hunk] {
        var prefix = 0
        while prefix < source.count && prefix < target.count && source[prefix] == target[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < source.count - prefix && suffix < target.count - prefix
                && source[source.count - 1 - suffix] == target[target.count - 1 - suffix] { suffix += 1 }
        let oldMiddle = source[prefix..<(source.count - suffix)]
        let newMiddle = target[prefix..<(target.count - suffix)]
        var removed = [Bool](repeating: false, count: oldMiddle.count)
        var inserted = [Bool](repeating: false, count: newMiddle.count)
        for change in Array(newMiddle).difference(from: Array(oldMiddle)) {
            switch change {
            case .remove(let offset, _, _): removed[offset] = true
            case .insert(let offset, _, _): inserted[offset] = true
            }
        }
        var hunks: [Hunk] = []
        var i = 0
        var j = 0
        while i < removed.count || j < inserted.count {
            let isRemoved = i < removed.count && removed[i]
            let isInserted = j < inserted.count && inserted[j]
            if !isRemoved && !isInserted {
                i += 1
                j += 1
                continue
            }
            let start = (i, j)
            while (i < removed.count && removed[i]) || (j < inserted.count && inserted[j]) {
                while i < removed.count && removed[i] { i += 1 }
                while j < inserted.count && inserted[j] { j += 1 }
            }
            hunks.append(Hunk(source: (prefix + start.0)..<(prefix + i), target: (prefix + start.1)..<(prefix + j)))
        }
        return hunks
    }

    /// A hunk without the tokens its two sides share at the start and at the end (the aligner may
    /// pair a space inside a hunk and leave an equal one at its edge: "statementpublished " →
    /// "statement published "), or `nil` when nothing differs.
    static func trim(_ hunk: Hunk, source: [DiffToken], target: [DiffToken]) -> Hunk? {
        var old = hunk.source
        var new = hunk.target
        while !old.isEmpty && !new.isEmpty && source[old.lowerBound] == target[new.lowerBound] {
            old = (old.lowerBound + 1)..<old.upperBound
            new = (new.lowerBound + 1)..<new.upperBound
        }
        while !old.isEmpty && !new.isEmpty && source[old.upperBound - 1] == target[new.upperBound - 1] {
            old = old.lowerBound..<(old.upperBound - 1)
            new = new.lowerBound..<(new.upperBound - 1)
        }
        return old.isEmpty && new.isEmpty ? nil : Hunk(source: old, target: new)
    }

    /// Merges hunks separated by horizontal white space when either one changes the number of
    /// words other than by splitting or joining them, or when both replace words by other words
    /// (see ``TextDiff``).
    static func merged(_ hunks: [Hunk], source: [DiffToken], target: [DiffToken]) -> [Hunk] {
        var result: [Hunk] = []
        for hunk in hunks {
            if let previous = result.last,
               (previous.source.upperBound..<hunk.source.lowerBound).allSatisfy({ source[$0].isHorizontalSpace }),
               previous.source.upperBound < hunk.source.lowerBound,
               changesWordCount(previous, source: source, target: target)
                || changesWordCount(hunk, source: source, target: target)
                || (rewords(previous, source: source, target: target) && rewords(hunk, source: source, target: target)) {
                result[result.count - 1] = Hunk(source: previous.source.lowerBound..<hunk.source.upperBound,
                                                target: previous.target.lowerBound..<hunk.target.upperBound)
            } else {
                result.append(hunk)
            }
        }
        return result
    }

    /// Whether a hunk changes the number of words without merely splitting or joining them.
    static func changesWordCount(_ hunk: Hunk, source: [DiffToken], target: [DiffToken]) -> Bool {
        let old = source[hunk.source].filter(\.isWord)
        let new = target[hunk.target].filter(\.isWord)
        if old.count == new.count { return false }
        let oldLetters = Folding.fold(String(decoding: old.flatMap(\.bytes), as: UTF8.self))
        let newLetters = Folding.fold(String(decoding: new.flatMap(\.bytes), as: UTF8.self))
        return oldLetters != newLetters
    }

    /// Whether a hunk replaces words by words that do not fold alike ("Mature" → "Maduro", not
    /// "rodriguez" → "Rodríguez").
    static func rewords(_ hunk: Hunk, source: [DiffToken], target: [DiffToken]) -> Bool {
        let old = source[hunk.source].filter(\.isWord)
        let new = target[hunk.target].filter(\.isWord)
        guard !old.isEmpty, !new.isEmpty else { return false }
        return Folding.fold(String(decoding: old.flatMap(\.bytes), as: UTF8.self))
            != Folding.fold(String(decoding: new.flatMap(\.bytes), as: UTF8.self))
    }

    /// The byte range a run of tokens covers; an empty run sits at the start of the next token.
    static func byteRange(of tokens: Range<Int>, in all: [DiffToken], total: Int) -> TextRange {
        if tokens.isEmpty {
            let position = tokens.lowerBound < all.count ? all[tokens.lowerBound].start : total
            return TextRange(start: position, end: position)
        }
        return TextRange(start: all[tokens.lowerBound].start, end: all[tokens.upperBound - 1].end)
    }
}

/// A token of ``TextDiff``: a word or one other scalar, with its UTF-8 byte span.
struct DiffToken: Equatable {
    /// The token's bytes; tokens compare by these alone.
    let bytes: ArraySlice<UInt8>
    /// Whether the token is a word (letters, marks, digits).
    let isWord: Bool

    /// Offset of the first byte.
    var start: Int { bytes.startIndex }
    /// Offset one past the last byte.
    var end: Int { bytes.endIndex }

    /// A space or a tab.
    var isHorizontalSpace: Bool { bytes.count == 1 && (bytes.first == 0x20 || bytes.first == 0x09) }

    static func == (lhs: DiffToken, rhs: DiffToken) -> Bool { lhs.bytes.elementsEqual(rhs.bytes) }

    /// Cuts valid UTF-8 into tokens.
    static func tokens(of bytes: [UInt8]) -> [DiffToken] {
        var tokens: [DiffToken] = []
        var index = 0
        var wordStart: Int?
        while index < bytes.count {
            let (scalar, length) = decode(bytes, at: index)
            if isWordScalar(scalar) {
                if wordStart == nil { wordStart = index }
            } else {
                if let start = wordStart {
                    tokens.append(DiffToken(bytes: bytes[start..<index], isWord: true))
                    wordStart = nil
                }
                tokens.append(DiffToken(bytes: bytes[index..<(index + length)], isWord: false))
            }
            index += length
        }
        if let start = wordStart { tokens.append(DiffToken(bytes: bytes[start..<bytes.count], isWord: true)) }
        return tokens
    }

    /// Letters, combining marks and digits.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Decodes the scalar at `index` of valid UTF-8; returns it and its length in bytes.
    static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value: UInt32 = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<max(length, 1) where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
