internal import CICUShim

/// Internal plumbing shared by the public types: UTF-16 marshalling and ICU's buffer-retry
/// ("preflighting") protocol. Nothing here is public.
enum ICUCall {
    /// How many times a call is retried after `U_BUFFER_OVERFLOW_ERROR` before giving up.
    static let maxAttempts = 4

    /// Calls `body` with a NUL-terminated UTF-16 copy of `text` and its length in code units
    /// (excluding the terminator). The pointer is never null, even for an empty string.
    ///
    /// - Throws: `U_ILLEGAL_ARGUMENT_ERROR` when the text is longer than `Int32.max` code units.
    /// - Complexity: O(n) in the UTF-16 length of `text` for the copy.
    static func withUTF16<R>(
        _ text: String,
        operation: String,
        _ body: (UnsafePointer<UInt16>, Int32) throws(ICUError) -> R
    ) throws(ICUError) -> R {
        var units = Array(text.utf16)
        guard units.count < Int(Int32.max) else {
            throw ICUError(code: WFX_U_ILLEGAL_ARGUMENT_ERROR, operation: operation,
                           detail: "text of \(units.count) UTF-16 code units is too long for ICU")
        }
        let length = Int32(units.count)
        units.append(0)
        return try units.withUnsafeBufferPointer { (buffer) throws(ICUError) -> R in
            guard let base = buffer.baseAddress else {
                throw ICUError(code: WFX_U_ILLEGAL_ARGUMENT_ERROR, operation: operation)
            }
            return try body(base, length)
        }
    }

    /// Runs an ICU call that writes into a caller-provided buffer of `Element`s, following ICU's
    /// preflighting contract: `call(dest, capacity, &status)` returns the full result length;
    /// on `U_BUFFER_OVERFLOW_ERROR` the buffer is reallocated to that length and the call repeated.
    ///
    /// - Parameters:
    ///   - operation: Name used in a thrown ``ICUError``.
    ///   - capacity: First buffer size to try, in elements (at least 1 is used).
    ///   - detail: Produces extra context for an error from its status code.
    /// - Returns: The first `length` elements written by the successful call.
    /// - Throws: ``ICUError`` for any failure status.
    static func fill<Element: BitwiseCopyable>(
        _ element: Element,
        operation: String,
        capacity: Int,
        detail: (Int32) -> String? = { _ in nil },
        _ call: (UnsafeMutablePointer<Element>, Int32, inout Int32) -> Int32
    ) throws(ICUError) -> [Element] {
        var capacity = max(1, capacity)
        for _ in 0..<maxAttempts {
            guard capacity < Int(Int32.max) else { break }
            var status: Int32 = WFX_U_ZERO_ERROR
            var buffer = [Element](repeating: element, count: capacity)
            let length = buffer.withUnsafeMutableBufferPointer { dest -> Int32 in
                guard let base = dest.baseAddress else {
                    status = WFX_U_ILLEGAL_ARGUMENT_ERROR
                    return 0
                }
                return call(base, Int32(dest.count), &status)
            }
            if status == WFX_U_BUFFER_OVERFLOW_ERROR {
                // ICU reports the needed length; grow at least geometrically in case it cannot.
                capacity = max(Int(length), capacity * 2)
                continue
            }
            try ICUError.check(status, operation, detail: detail(status))
            guard length >= 0, Int(length) <= capacity else {
                throw ICUError(code: WFX_U_BUFFER_OVERFLOW_ERROR, operation: operation,
                               detail: "ICU reported length \(length) for capacity \(capacity)")
            }
            buffer.removeSubrange(Int(length)...)
            return buffer
        }
        throw ICUError(code: WFX_U_BUFFER_OVERFLOW_ERROR, operation: operation,
                       detail: "result did not fit after \(maxAttempts) attempts")
    }

    /// ``fill(_:operation:capacity:detail:_:)`` for UTF-16 results, decoded into a `String`.
    static func fillString(
        operation: String,
        capacity: Int,
        _ call: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
    ) throws(ICUError) -> String {
        let units = try fill(UInt16(0), operation: operation, capacity: capacity, call)
        return String(decoding: units, as: UTF16.self)
    }

    /// True when every UTF-8 code unit of `text` is below 0x80.
    ///
    /// - Complexity: O(n) in the UTF-8 length of `text`.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }
}
