internal import CICUShim

/// An error reported by ICU (the International Components for Unicode, version 72, Unicode 15
/// data), converted from ICU's `UErrorCode` once, at the boundary between the C shim and Swift.
///
/// Every throwing API in `WirefixICU` throws this type. Only positive ICU codes are errors;
/// negative codes are warnings (for example `U_STRING_NOT_TERMINATED_WARNING`) and never produce
/// an `ICUError`.
///
/// Equality compares all four stored properties.
public struct ICUError: Error, Sendable, Equatable, CustomStringConvertible {
    /// ICU's numeric `UErrorCode`, always greater than zero (e.g. `65569` for `U_INVALID_ID`).
    public let code: Int32

    /// ICU's symbolic name for ``code`` as returned by `u_errorName`, e.g. `"U_INVALID_ID"`,
    /// `"U_INVALID_CHAR_FOUND"` or `"U_FILE_ACCESS_ERROR"`.
    public let name: String

    /// The ICU function or Wirefix operation that failed, e.g. `"utrans_openU"` or
    /// `"ucnv_fromUChars"`.
    public let operation: String

    /// Extra context when ICU or the shim has it, e.g. the line and offset of a transliteration
    /// rule syntax error, or the offending byte of a failed charset decode; `nil` otherwise.
    public let detail: String?

    /// Creates an error from a raw ICU status code; ``name`` is looked up with `u_errorName`.
    ///
    /// - Parameters:
    ///   - code: An ICU `UErrorCode` value. Callers should pass only positive (failure) codes.
    ///   - operation: The failing function or operation, for messages.
    ///   - detail: Optional extra context for messages.
    public init(code: Int32, operation: String, detail: String? = nil) {
        self.code = code
        self.name = String(cString: wfx_error_name(code))
        self.operation = operation
        self.detail = detail
    }

    /// A one-line human-readable message, e.g.
    /// `"ICU error U_INVALID_ID (65569) in utrans_openU: id \"No-Such\""`.
    public var description: String {
        var text = "ICU error \(name) (\(code)) in \(operation)"
        if let detail { text += ": \(detail)" }
        return text
    }

    /// Throws when `status` is an ICU failure code (> 0); returns silently for success (0) and
    /// warnings (< 0).
    static func check(_ status: Int32, _ operation: String, detail: @autoclosure () -> String? = nil) throws(ICUError) {
        if status > 0 {
            throw ICUError(code: status, operation: operation, detail: detail())
        }
    }
}
