import WirefixLexicon

/// How a document that a pipeline stage's edits made relates to the document before them: which
/// stretches of the two texts are byte for byte the same, and which changed.
///
/// The changed stretches are the edits widened to **clause boundaries**: out to the nearest byte
/// on each side that is ASCII punctuation or a control character, other than the space, the tab,
/// the hyphen and the apostrophe (a full stop, a comma, a parenthesis, a quotation mark, a line
/// feed…). No word token and no gazetteer match crosses such a byte (the gazetteer joins the words
/// of a name only across spaces, a single hyphen or apostrophe and a few Unicode equivalents), and
/// the tokenizer and the matcher start afresh after one. So an analysis made of tokens and
/// matches holds for the unchanged stretches of the new text once shifted, and only the changed
/// stretches need it computed again (see ``DocumentAnalysis``).
///
/// Offsets are UTF-8 byte offsets; token indices index ``Document/tokens``.
public struct DocumentSplice: Sendable {
    /// One stretch of the two texts, changed or not.
    public struct Piece: Sendable, Hashable {
        /// The stretch in the document before the edits.
        public var old: Range<Int>
        /// The stretch in the document after them; as long as `old` when unchanged.
        public var new: Range<Int>
        /// Whether the edits changed the stretch.
        public var isChanged: Bool
        /// The tokens inside `old`, as indices into the earlier document's tokens.
        public var oldTokens: Range<Int>
        /// The tokens inside `new`, as indices into the later document's tokens.
        public var newTokens: Range<Int>

        /// What to add to an offset in an unchanged stretch to map it into the new text.
        public var byteShift: Int { new.lowerBound - old.lowerBound }
        /// What to add to a token index in an unchanged stretch to map it into the new tokens.
        public var tokenShift: Int { newTokens.lowerBound - oldTokens.lowerBound }
    }

    /// The stretches in text order; together they cover both texts. No two unchanged stretches
    /// follow each other, and no piece is empty in both texts.
    public let pieces: [Piece]

    /// Whether a byte ends a clause for splicing: ASCII, not a letter or digit, and not one of
    /// the bytes that may stand between the words of one name (space, tab, hyphen, apostrophe).
    @inline(__always)
    static func isClauseBoundary(_ byte: UInt8) -> Bool {
        byte < 0x80 && clauseBoundaries[Int(byte)]
    }

    private static let clauseBoundaries: [Bool] = (0..<128).map { value -> Bool in
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x20, 0x09, 0x2D, 0x27: return false
        default: return true
        }
    }

    /// The changed stretches of the earlier text, each with the change in length inside it:
    /// every edit widened to clause boundaries, overlapping ones merged.
    ///
    /// - Complexity: O(*n*) in the length of the text, however many edits.
    static func changedRegions(of bytes: [UInt8], edits: [OffsetMap.Edit]) -> [(old: Range<Int>, delta: Int)] {
        var regions: [(old: Range<Int>, delta: Int)] = []
        let count = bytes.count
        for edit in edits {
            let delta = edit.replacementLength - edit.range.count
            if let last = regions.last, edit.range.lowerBound <= last.old.upperBound {
                // Inside the region before, or at the boundary byte that ends it: widen it.
                var end = max(last.old.upperBound, edit.range.upperBound)
                while end < count && !isClauseBoundary(bytes[end]) { end += 1 }
                regions[regions.count - 1] = (last.old.lowerBound..<end, last.delta + delta)
                continue
            }
            let floor = regions.last?.old.upperBound ?? 0
            var start = edit.range.lowerBound
            while start > floor && !isClauseBoundary(bytes[start - 1]) { start -= 1 }
            var end = edit.range.upperBound
            while end < count && !isClauseBoundary(bytes[end]) { end += 1 }
            if let last = regions.last, start <= last.old.upperBound {
                // Reached back to the region before: one region.
                regions[regions.count - 1] = (last.old.lowerBound..<max(end, last.old.upperBound), last.delta + delta)
            } else {
                regions.append((start..<end, delta))
            }
        }
        return regions
    }

    /// Builds the splice and the new document's tokens from the earlier document's tokens.
    ///
    /// - Parameters:
    ///   - oldBytes: the earlier text.
    ///   - oldTokens: its tokens.
    ///   - newBytes: the text after the edits.
    ///   - edits: the edits, ascending, in the earlier text's offsets.
    /// - Returns: the splice and the tokens of `newBytes`, equal to tokenizing it whole.
    static func make(oldBytes: [UInt8], oldTokens: [Token], newBytes: [UInt8], edits: [OffsetMap.Edit]) -> (DocumentSplice, [Token]) {
        let regions = changedRegions(of: oldBytes, edits: edits)
        var pieces: [Piece] = []
        pieces.reserveCapacity(regions.count * 2 + 1)
        var tokens: [Token] = []
        // Room for the tokens edits add (a split glued word adds one), so the array is not
        // reallocated and copied while it is built.
        tokens.reserveCapacity(oldTokens.count + 16 + 4 * edits.count)
        var oldCursor = 0      // bytes of the earlier text consumed
        var shift = 0          // new offset minus old offset after the regions so far
        var tokenCursor = 0    // earlier tokens consumed
        newBytes.withUnsafeBufferPointer { buffer in
            func copyUnchanged(upTo end: Int) {
                guard oldCursor < end else { return }
                let firstToken = tokenCursor
                let newFirst = tokens.count
                // The tokens that end by `end` (binary search), copied in one block and shifted
                // in place.
                var low = tokenCursor, high = oldTokens.count
                while low < high {
                    let mid = (low + high) / 2
                    if oldTokens[mid].range.upperBound <= end { low = mid + 1 } else { high = mid }
                }
                tokenCursor = low
                tokens.append(contentsOf: oldTokens[firstToken..<tokenCursor])
                if shift != 0 { Self.shift(&tokens, from: newFirst, by: shift) }
                pieces.append(Piece(old: oldCursor..<end, new: (oldCursor + shift)..<(end + shift), isChanged: false,
                                    oldTokens: firstToken..<tokenCursor, newTokens: newFirst..<tokens.count))
                oldCursor = end
            }
            for region in regions {
                copyUnchanged(upTo: region.old.lowerBound)
                let firstToken = tokenCursor
                var low = tokenCursor, high = oldTokens.count
                while low < high {
                    let mid = (low + high) / 2
                    if oldTokens[mid].range.lowerBound < region.old.upperBound { low = mid + 1 } else { high = mid }
                }
                tokenCursor = low
                let newRange = (region.old.lowerBound + shift)..<(region.old.upperBound + shift + region.delta)
                let newFirst = tokens.count
                Tokenizer.appendTokens(in: buffer, range: newRange, to: &tokens)
                pieces.append(Piece(old: region.old, new: newRange, isChanged: true,
                                    oldTokens: firstToken..<tokenCursor, newTokens: newFirst..<tokens.count))
                oldCursor = region.old.upperBound
                shift += region.delta
            }
            copyUnchanged(upTo: oldBytes.count)
        }
        return (DocumentSplice(pieces: pieces), tokens)
    }

    /// Moves the byte ranges of `tokens[first...]` by `shift` bytes, with `uncheckedBounds`: the
    /// ranges were valid and move as a whole, where making each `Range` anew checked
    /// `lowerBound <= upperBound` for every token after the first edit of every stage.
    static func shift(_ tokens: inout [Token], from first: Int, by shift: Int) {
        tokens.withUnsafeMutableBufferPointer { buffer in
            for index in first..<buffer.count {
                let range = buffer[index].range
                buffer[index].range = Range(uncheckedBounds: (lower: range.lowerBound + shift, upper: range.upperBound + shift))
            }
        }
    }

    /// The piece that holds an offset of the earlier text (the last one starting at or before it).
    public func pieceIndex(ofOldOffset offset: Int) -> Int {
        var low = 0, high = pieces.count - 1, found = 0
        while low <= high {
            let mid = (low + high) / 2
            if pieces[mid].old.lowerBound <= offset { found = mid; low = mid + 1 } else { high = mid - 1 }
        }
        return found
    }
}

/// An analysis of a document that a later document, made from it by one pipeline stage's edits,
/// can take over for its unchanged stretches (see ``DocumentSplice``) instead of computing it
/// whole again.
///
/// A value stored with ``Document/cached(_:_:)`` that conforms is offered to the next document
/// the pipeline builds from its document, and carried over when a rule first asks that document
/// for it: ``carried(to:by:)`` is called at most once, with the new document already holding its
/// tokens; an analysis it needs in turn (the gazetteer matches, for the name readings) is carried
/// or computed when it asks. An offer nobody took lapses when the pipeline builds the document
/// after: that one computes the analysis afresh if asked.
public protocol DocumentAnalysis: Sendable {
    /// The analysis for `document`, the text `splice` made of the document this analysis was
    /// computed for; `nil` to let `document` compute it again when asked. Must equal what
    /// computing it on `document` from scratch gives.
    func carried(to document: Document, by splice: DocumentSplice) -> Self?
}
