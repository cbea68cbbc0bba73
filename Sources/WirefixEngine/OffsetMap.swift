/// Maps UTF-8 byte offsets in the text after a series of edits back to offsets in the text
/// before them.
///
/// The pipeline runs rules one after another, each on the previous rule's output, but reports
/// every correction against the user's original input. After each stage it records that stage's
/// edits here; ``originalRange(of:)`` then walks the stages backwards.
///
/// - Complexity: mapping one offset is O(*s* · log *e*) for *s* stages of at most *e* edits.
public struct OffsetMap: Sendable {
    /// One replacement: the bytes `range` of a stage's input became `replacementLength` bytes.
    public struct Edit: Sendable, Hashable {
        /// The replaced span in the stage's input (UTF-8 byte offsets).
        public var range: Range<Int>
        /// The length in bytes of what replaced it.
        public var replacementLength: Int

        /// Creates an edit.
        public init(range: Range<Int>, replacementLength: Int) {
            self.range = range
            self.replacementLength = replacementLength
        }
    }

    /// A stage's edits in ascending, non-overlapping order, with output starts precomputed.
    private struct Stage: Sendable {
        var edits: [Edit]
        var outputStarts: [Int]
    }

    private var stages: [Stage] = []

    /// An identity map.
    public init() {}

    /// Records one stage's edits, given in ascending order of `range.lowerBound` without overlaps.
    public mutating func append(stage edits: [Edit]) {
        guard !edits.isEmpty else { return }
        var starts: [Int] = []
        starts.reserveCapacity(edits.count)
        var shift = 0
        for edit in edits {
            starts.append(edit.range.lowerBound + shift)
            shift += edit.replacementLength - edit.range.count
        }
        stages.append(Stage(edits: edits, outputStarts: starts))
    }

    /// Whether no stage has changed anything.
    public var isIdentity: Bool { stages.isEmpty }

    /// The offset in the original text for an offset in the current text.
    ///
    /// - Parameters:
    ///   - offset: a UTF-8 byte offset in the current text.
    ///   - towardEnd: for an offset strictly inside replaced text, whether to map it to the end of
    ///     the original span it replaced (`true`) or to its start (`false`).
    public func originalOffset(of offset: Int, towardEnd: Bool) -> Int {
        var position = offset
        for stage in stages.reversed() {
            position = Self.map(position, through: stage, towardEnd: towardEnd)
        }
        return position
    }

    /// The range in the original text that a range in the current text comes from. A span that
    /// touches replaced text widens to cover all of the original text it replaced, except that a
    /// span that is not empty leaves out text deleted just before or after it (another
    /// correction's: "delcy rodriguez" in "delcy rodriguez ." whose space a later stage deleted
    /// ends before that space, so that the span still holds exactly the text it names).
    public func originalRange(of range: TextRange) -> TextRange {
        guard range.start < range.end else {
            let start = originalOffset(of: range.start, towardEnd: false)
            return TextRange(start: start, end: max(start, originalOffset(of: range.end, towardEnd: true)))
        }
        var start = range.start, end = range.end
        for stage in stages.reversed() {
            start = Self.map(start, through: stage, towardEnd: false, besideDeletion: .after)
            end = Self.map(end, through: stage, towardEnd: true, besideDeletion: .before)
        }
        return TextRange(start: start, end: max(start, end))
    }

    /// Where an offset at which text was deleted maps: `widening` to the far side of the deleted
    /// text (the start of an empty span, or any offset of ``originalOffset(of:towardEnd:)``:
    /// before it going toward the start, after it going toward the end), or explicitly `before`
    /// or `after` it.
    enum DeletionSide { case widening, before, after }

    private static func map(_ position: Int, through stage: Stage, towardEnd: Bool, besideDeletion side: DeletionSide = .widening) -> Int {
        // Last edit whose output start is <= position.
        var low = 0, high = stage.edits.count - 1, found = -1
        while low <= high {
            let mid = (low + high) / 2
            if stage.outputStarts[mid] <= position { found = mid; low = mid + 1 } else { high = mid - 1 }
        }
        if found < 0 { return position }
        var edit = stage.edits[found]
        let outputStart = stage.outputStarts[found]
        let outputEnd = outputStart + edit.replacementLength
        if position == outputStart && edit.replacementLength == 0 && side != .widening {
            if side == .after { return edit.range.upperBound }
            // Before every deletion at this offset (edits that output nothing share it).
            while found > 0 && stage.outputStarts[found - 1] == position {
                found -= 1
                edit = stage.edits[found]
            }
            return edit.range.lowerBound
        }
        if position == outputStart && !(towardEnd && edit.replacementLength == 0) { return edit.range.lowerBound }
        if position < outputEnd || (position == outputEnd && towardEnd && position == outputStart) {
            return towardEnd ? edit.range.upperBound : edit.range.lowerBound
        }
        return edit.range.upperBound + (position - outputEnd)
    }
}
