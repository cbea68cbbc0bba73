import Foundation

/// A problem with how a ``Corrector`` was configured: an unknown rule id, a threshold out of range,
/// or bundled data that cannot be found.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// What is wrong, naming the offending key or path.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }

    /// The message.
    public var errorDescription: String? { message }
}
