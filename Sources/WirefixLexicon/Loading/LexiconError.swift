import Foundation

/// A lexicon that cannot be loaded: the file, the line and what is wrong.
///
/// The loader reports the first problem of every malformed record it meets and loads nothing
/// when there is any, so a lexicon is never half-loaded silently.
public struct LexiconError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// One problem at one place.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The file path as given to the loader.
        public var file: String
        /// The 1-based line, or 0 when the problem concerns the whole file.
        public var line: Int
        /// What is wrong, e.g. `column 'type': expected person, organization or place, found 'persn'`.
        public var message: String

        /// Creates a problem.
        public init(file: String, line: Int, message: String) {
            self.file = file
            self.line = line
            self.message = message
        }

        /// `file:line: message`.
        public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
    }

    /// Every problem found, in file and line order; never empty.
    public var problems: [Problem]

    /// Creates an error from one or more problems.
    public init(problems: [Problem]) {
        precondition(!problems.isEmpty)
        self.problems = problems
    }

    /// Creates an error with one problem.
    public init(file: String, line: Int, message: String) {
        self.init(problems: [Problem(file: file, line: line, message: message)])
    }

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }

    /// Same as ``description``.
    public var errorDescription: String? { description }
}
