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
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// Every byte is ASCII.
        public static let ascii = Shape(rawValue: 1 << 0)
        /// At least one uppercase letter.
        public static let hasUppercase = Shape(rawValue: 1 << 1)
        /// At least one lowercase letter.
        public static let hasLowercase = Shape(rawValue: 1 << 2)
        /// The first letter is uppercase.
        public static let startsUppercase = Shape(rawValue: 1 << 3)
        /// At least one digit.
        public static let hasDigit = Shape(rawValue: 1 << 4)
        /// An uppercase letter follows a lowercase one inside the token ("iPhone", "McDonald", "LanHu").
        public static let innerUppercase = Shape(rawValue: 1 << 5)
        /// At least one letter.
        public static let hasLetter = Shape(rawValue: 1 << 6)
    }

    /// Whether the token is capitalized like a name: first letter uppercase, rest lowercase
    /// ("Maduro", but not "MADURO", "maduro" or "McDonald").
    public var isTitleCase: Bool {
        shape.contains(.startsUppercase) && !shape.contains(.innerUppercase)
            && (shape.contains(.hasLowercase) || range.count == 1)
    }

    /// Whether every letter is lowercase.
    public var isLowercase: Bool { shape.contains(.hasLetter) && !shape.contains(.hasUppercase) }

    /// Whether every letter is uppercase and there are at least two letters' worth of bytes.
    public var isAllUppercase: Bool { shape.contains(.hasUppercase) && !shape.contains(.hasLowercase) }
}
