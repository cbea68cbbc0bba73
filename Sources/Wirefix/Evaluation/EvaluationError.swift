/// Why an evaluation corpus could not be loaded: every problem found, each with its file and, for
/// a case file, its line.
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One problem in one place.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The path as given.
        public var file: String
        /// The 1-based line, or 0 when the problem is the whole file.
        public var line: Int
        /// What is wrong.
        public var message: String

        /// Creates a problem.
        public init(file: String, line: Int, message: String) {
            self.file = file
            self.line = line
            self.message = message
        }

        /// `file:line: message`, or `file: message` when there is no line.
        public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
    }

    /// Every problem, in the order found.
    public var problems: [Problem]

    /// Creates an error.
    public init(problems: [Problem]) { self.problems = problems }

    /// Creates an error with one problem.
    public init(file: String, line: Int = 0, _ message: String) {
        self.problems = [Problem(file: file, line: line, message: message)]
    }

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
