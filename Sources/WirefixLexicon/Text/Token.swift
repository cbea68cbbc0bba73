/// A word token: a maximal run of letters, combining marks and digits in a UTF-8 text.
///
/// Apostrophes, hyphens, spaces and punctuation separate tokens, so "Maduro's" is the tokens
/// "Maduro" and "s", and "God-given" is "God" and "given". The separators between two tokens are
/// the bytes `previous.range.upperBound..<next.range.lowerBound`.
public struct Token: Sendable, Hashable {
    /// UTF-8 byte offsets of the token in the text it came from (half-open).
    public var range: Range<Int>
    /// Case and script features of the token.
    public var shape: Shape

    /// Creates a token.
    public init(range: Range<Int>, shape: Shape) {
        self.range = range
        self.shape = shape
    }

    /// Case and script features of a token, computed while tokenizing.
    public struct Shape: OptionSet, Sendable, Hashable {
        /// The raw bit set.
        public let rawValue: UInt8
        /// Creates a shape from raw bits.
        @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// Every byte is ASCII.
        @inlinable public static var ascii: Shape { Shape(rawValue: 1 << 0) }
        /// At least one uppercase letter.
        @inlinable public static var hasUppercase: Shape { Shape(rawValue: 1 << 1) }
        /// At least one lowercase letter.
        @inlinable public static var hasLowercase: Shape { Shape(rawValue: 1 << 2) }
        /// The first letter is uppercase.
        @inlinable public static var startsUppercase: Shape { Shape(rawValue: 1 << 3) }
        /// At least one digit.
        @inlinable public static var hasDigit: Shape { Shape(rawValue: 1 << 4) }
        /// An uppercase letter follows a lowercase one inside the token ("iPhone", "McDonald", "LanHu").
        @inlinable public static var innerUppercase: Shape { Shape(rawValue: 1 << 5) }
        /// At least one letter.
        @inlinable public static var hasLetter: Shape { Shape(rawValue: 1 << 6) }
    }

    /// Whether the token is capitalized like a name: first letter uppercase, rest lowercase
    /// ("Maduro", but not "MADURO", "maduro" or "McDonald").
    @inlinable public var isTitleCase: Bool {
        shape.contains(.startsUppercase) && !shape.contains(.innerUppercase)
            && (shape.contains(.hasLowercase) || range.count == 1)
    }

    /// Whether every letter is lowercase.
    @inlinable public var isLowercase: Bool { shape.contains(.hasLetter) && !shape.contains(.hasUppercase) }

    /// Whether every letter is uppercase and there are at least two letters' worth of bytes.
    @inlinable public var isAllUppercase: Bool { shape.contains(.hasUppercase) && !shape.contains(.hasLowercase) }
}
