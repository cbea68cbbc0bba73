import WirefixLexicon

/// Runs rules over a text in a fixed order and applies what the evidence supports.
///
/// **Order.** Rules run sorted by ``RulePhase``, then in the order given. Each rule runs over the
/// whole text as the rules before it left it, so a later rule sees an earlier rule's fixes
/// ("Penaindicated" is split before the diacritic rule restores "Peña").
///
/// **What is applied.** Of one rule's output:
/// - findings (from detect-only rules, or marked `.finding`) are only reported;
/// - a correction whose ``Correction/confidence`` is at least ``applyThreshold`` is applied;
/// - the rest are reported as suggestions.
///
/// **Overlaps.** Two corrections of one rule that overlap cannot both apply. The one with the
/// higher confidence wins; on a tie, the one that starts first; then the longer one. The loser is
/// reported as a suggestion. This makes applying deterministic whatever order a rule returns its
/// corrections in.
///
/// **Bytes.** A correction replaces exactly the bytes of its span: every byte outside an applied
/// span, including line endings (LF or CRLF), a byte-order mark and trailing white space, is
/// copied unchanged.
///
/// **Positions.** Every correction in the result has its span mapped back into the original input
/// through the edits of the stages before it (see ``OffsetMap``), with a line:column.
public struct Pipeline: Sendable {
    /// The rules, in the order they run.
    public let rules: [any Rule]
    /// The lexicon, word list and options the rules consult.
    public let context: RuleContext
    /// The confidence from which corrections are applied, 0...1.
    public var applyThreshold: Double

    /// The default apply threshold.
    public static let defaultApplyThreshold = 0.7

    /// Creates a pipeline.
    ///
    /// - Parameters:
    ///   - rules: the rules; they run sorted by phase, stably.
    ///   - context: what the rules consult.
    ///   - applyThreshold: corrections with at least this confidence are applied.
    public init(rules: [any Rule], context: RuleContext, applyThreshold: Double = Pipeline.defaultApplyThreshold) {
        self.rules = rules.enumerated()
            .sorted { ($0.element.phase, $0.offset) < ($1.element.phase, $1.offset) }
            .map(\.element)
        self.context = context
        self.applyThreshold = applyThreshold
    }

    /// Cleans a text.
    ///
    /// - Complexity: O(*r* · *n*) for *r* rules over *n* bytes, plus the rules' own costs.
    public func run(_ text: String) -> CorrectionResult {
        // A text that stands alone: nothing follows, so nothing need be remembered for later.
        run(text, after: .empty, remembering: false).result
    }

    /// Cleans one chunk of a longer input.
    ///
    /// - Parameters:
    ///   - text: the chunk.
    ///   - history: what the chunks before it said (see ``TextHistory``).
    /// - Returns: the result for the chunk (spans are UTF-8 byte offsets into `text`, lines
    ///   counted from the chunk's first line) and the history to pass with the next chunk: every
    ///   rule has remembered what it needs of the corrected chunk, and ``TextHistory/linesBefore``
    ///   and ``TextHistory/previousLine`` are advanced past it.
    public func run(_ text: String, after history: TextHistory) -> (result: CorrectionResult, history: TextHistory) {
        run(text, after: history, remembering: true)
    }

    /// Cleans one chunk of a longer input given as UTF-8 bytes: ``run(_:after:)`` without making a
    /// `String` of the chunk or of its corrected text (each would validate the bytes again); the
    /// result's texts are made from the bytes only when read.
    ///
    /// - Parameters:
    ///   - bytes: the chunk's UTF-8. Invalid UTF-8 is cleaned as `String(decoding:as:)` would
    ///     repair it (U+FFFD for each maximal invalid subpart).
    ///   - history: what the chunks before it said.
    /// - Complexity: as ``run(_:)``, plus one validation pass over `bytes` (eight ASCII bytes at a
    ///   time).
    public func run(utf8 bytes: [UInt8], after history: TextHistory) -> (result: CorrectionResult, history: TextHistory) {
        guard UTF8Validation.firstInvalidOffset(in: bytes) == nil else {
            return run(String(decoding: bytes, as: UTF8.self), after: history, remembering: true)
        }
        return run(Document(validUTF8: bytes, history: history), original: UTF8Text(validBytes: bytes), remembering: true)
    }

    /// ``run(_:after:)``; with `remembering` false the rules remember nothing and the history
    /// returned is `history` unchanged.
    private func run(_ text: String, after history: TextHistory, remembering: Bool) -> (result: CorrectionResult, history: TextHistory) {
        run(Document(text, history: history), original: UTF8Text(text), remembering: remembering)
    }

    /// Cleans the text of `start`, whose text `original` also holds.
    private func run(_ start: Document, original: UTF8Text, remembering: Bool) -> (result: CorrectionResult, history: TextHistory) {
        let history = start.history
        var document = start
        var locator = LineIndex.Cursor(LineIndex(bytes: document.bytes))
        var map = OffsetMap()
        var applied: [Correction] = []
        var suggestions: [Correction] = []
        var findings: [Correction] = []

        func locate(_ correction: Correction, as disposition: Correction.Disposition) -> Correction {
            var located = correction
            located.range = map.originalRange(of: correction.range)
            located.location = locator.location(ofByteOffset: located.range.start)
            located.disposition = disposition
            return located
        }

        for rule in rules {
            let proposed = rule.corrections(in: document, context: context)
            if proposed.isEmpty { continue }
            var candidates: [Correction] = []
            for correction in proposed {
                if type(of: rule).description.isFindingOnly || correction.disposition == .finding {
                    findings.append(locate(correction, as: .finding))
                } else if correction.replacement.utf8.elementsEqual(correction.original.utf8) {
                    // Byte comparison: String == is canonical equivalence, under which an NFC
                    // repair ("i\u{301}" → "í") would look like a no-op.
                    continue
                } else if correction.confidence >= applyThreshold && correction.disposition != .suggestion {
                    candidates.append(correction)
                } else {
                    suggestions.append(locate(correction, as: .suggestion))
                }
            }
            if candidates.isEmpty { continue }
            let (winners, losers) = Self.resolveOverlaps(candidates)
            for loser in losers {
                var suggestion = loser
                suggestion.explanation += " (not applied: overlaps a stronger correction)"
                suggestions.append(locate(suggestion, as: .suggestion))
            }
            for winner in winners { applied.append(locate(winner, as: .applied)) }
            let (newBytes, edits) = Self.apply(winners, to: document)
            map.append(stage: edits)
            document = Document(bytes: newBytes, applying: edits, to: document)
        }

        var next = history
        if remembering {
            for rule in rules { rule.remember(document, context: context, into: &next) }
            next.advance(past: start.bytes, corrected: document.bytes)
        }

        // No stage changed anything: the corrected text is the original, as given.
        let corrected = document === start ? original : UTF8Text(validBytes: document.bytes)
        let result = CorrectionResult(
            originalText: original, correctedText: corrected,
            corrections: applied.sortedBySpan(), suggestions: suggestions.sortedBySpan(),
            findings: findings.sortedBySpan())
        return (result, next)
    }

    /// Splits corrections into a non-overlapping set to apply (sorted by start) and the rest,
    /// following the overlap policy in ``Pipeline``.
    static func resolveOverlaps(_ corrections: [Correction]) -> (winners: [Correction], losers: [Correction]) {
        // Ranked by position in `corrections`, not moved: a correction is a large struct (five
        // strings), and sorting them copied each several times.
        let keys = corrections.map { (confidence: $0.confidence, start: $0.range.start, count: $0.range.count) }
        let ranked = corrections.indices.sorted { left, right in
            let lhs = keys[left], rhs = keys[right]
            if lhs.confidence != rhs.confidence { return lhs.confidence > rhs.confidence }
            if lhs.start != rhs.start { return lhs.start < rhs.start }
            if lhs.count != rhs.count { return lhs.count > rhs.count }
            return corrections[left].replacement < corrections[right].replacement
        }.map { corrections[$0] }
        // Winners kept sorted by start; a candidate only needs checking against its neighbours
        // there, so resolving n corrections costs O(n log n) comparisons.
        var winners: [Correction] = []
        var losers: [Correction] = []
        for candidate in ranked {
            var low = 0, high = winners.count
            while low < high {
                let mid = (low + high) / 2
                if winners[mid].range < candidate.range { low = mid + 1 } else { high = mid }
            }
            let clashes = (low > 0 && winners[low - 1].range.overlaps(candidate.range))
                || (low < winners.count && winners[low].range.overlaps(candidate.range))
            if clashes {
                losers.append(candidate)
            } else {
                winners.insert(candidate, at: low)
            }
        }
        return (winners, losers)
    }

    /// Applies non-overlapping corrections sorted by start; returns the new text's UTF-8 bytes and
    /// the edits.
    static func apply(_ corrections: [Correction], to document: Document) -> ([UInt8], [OffsetMap.Edit]) {
        var output: [UInt8] = []
        output.reserveCapacity(document.bytes.count + 64)
        var edits: [OffsetMap.Edit] = []
        var cursor = 0
        for correction in corrections {
            output.append(contentsOf: document.bytes[cursor..<correction.range.start])
            let replacement = Array(correction.replacement.utf8)
            output.append(contentsOf: replacement)
            edits.append(minimalEdit(replacing: correction.range.asRange, in: document.bytes, with: replacement))
            cursor = correction.range.end
        }
        output.append(contentsOf: document.bytes[cursor...])
        return (output, edits)
    }
}

/// The edit that replacing `range` of `bytes` with `replacement` really makes: the span without the
/// bytes both sides share at the start and at the end, cut on scalar boundaries. Recording minimal
/// edits keeps the spans of later corrections exact: splitting "mingxiangtopics" into
/// "mingxiang topics" only inserts a space, so a later span "mingxiang" still maps to "mingxiang".
func minimalEdit(replacing range: Range<Int>, in bytes: [UInt8], with replacement: [UInt8]) -> OffsetMap.Edit {
    var prefix = 0
    let limit = min(range.count, replacement.count)
    while prefix < limit && bytes[range.lowerBound + prefix] == replacement[prefix] { prefix += 1 }
    // Back off to a scalar boundary: never cut between the bytes of one character.
    while prefix > 0 && prefix < range.count && bytes[range.lowerBound + prefix] & 0xC0 == 0x80 { prefix -= 1 }
    while prefix > 0 && prefix < replacement.count && replacement[prefix] & 0xC0 == 0x80 { prefix -= 1 }
    var suffix = 0
    while suffix < limit - prefix && bytes[range.upperBound - 1 - suffix] == replacement[replacement.count - 1 - suffix] { suffix += 1 }
    while suffix > 0 && range.upperBound - suffix < range.upperBound && bytes[range.upperBound - suffix] & 0xC0 == 0x80 { suffix -= 1 }
    while suffix > 0 && replacement.count - suffix < replacement.count && replacement[replacement.count - suffix] & 0xC0 == 0x80 { suffix -= 1 }
    return OffsetMap.Edit(range: (range.lowerBound + prefix)..<(range.upperBound - suffix),
                          replacementLength: replacement.count - prefix - suffix)
}

extension Rule {
    /// The rule's phase, from its description.
    var phase: RulePhase { Self.description.phase }
}
