import Foundation

/// Standard error with the varying part of `clean`'s summary line (`; 0.0 MB in 0.01 s (0.3 MB/s)`)
/// replaced by `; <size and time>`, so that tests can compare the rest exactly.
func withoutTimes(_ text: String) -> String {
    text.replacingOccurrences(of: #"; [0-9]+\.[0-9] MB in [0-9]+\.[0-9]{2} s( \([0-9]+\.[0-9] MB/s\))?"#,
                              with: "; <size and time>", options: .regularExpression)
}
