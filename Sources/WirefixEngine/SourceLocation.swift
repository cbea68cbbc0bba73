/// A human-facing position in a text: a 1-based line and a 1-based column.
///
/// The column counts **Unicode scalars** from the start of the line, so "é" written as one
/// precomposed scalar counts 1 and a decomposed "e" + U+0301 counts 2. Lines are separated by
/// LF; a CR before the LF belongs to the line it ends.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column in Unicode scalars, from 1.
    public var column: Int

    /// Creates a location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders by line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}
