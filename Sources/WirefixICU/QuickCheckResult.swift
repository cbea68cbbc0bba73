/// The answer of a normalization quick check (UAX #15 `*_QC` properties), from ICU 72 /
/// Unicode 15 data. See ``Normalizer/quickCheck(_:form:)``.
public enum QuickCheckResult: String, Sendable, CaseIterable {
    /// The text is certainly in the form.
    case yes
    /// The text is certainly not in the form.
    case no
    /// The quick check cannot decide (e.g. a combining mark that might compose with its
    /// predecessor); use ``Normalizer/isNormalized(_:form:)`` for a definite answer.
    case maybe
}
