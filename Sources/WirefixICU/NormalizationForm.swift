internal import CICUShim

/// A Unicode normalization form (UAX #15), as implemented by ICU 72 with Unicode 15 data.
public enum NormalizationForm: String, Sendable, CaseIterable {
    /// Canonical decomposition followed by canonical composition ("é" stays one scalar, U+00E9).
    case nfc
    /// Canonical decomposition ("é" becomes "e" + U+0301 COMBINING ACUTE ACCENT).
    case nfd
    /// Compatibility decomposition followed by canonical composition ("ﬁ" becomes "fi").
    case nfkc
    /// NFKC_Casefold: NFKC plus full case folding and removal of default-ignorable code points
    /// (ICU's `"nfkc_cf"` data). Suitable for caseless identifier matching ("Straße" → "strasse").
    case nfkcCasefold

    /// The shim's form code.
    var shimForm: wfx_norm_form {
        switch self {
        case .nfc: WFX_NORM_NFC
        case .nfd: WFX_NORM_NFD
        case .nfkc: WFX_NORM_NFKC
        case .nfkcCasefold: WFX_NORM_NFKC_CASEFOLD
        }
    }

    /// True when every pure-ASCII string is already in this form (all forms but NFKC_Casefold,
    /// which lowercases ASCII letters).
    var asciiIsNormalized: Bool { self != .nfkcCasefold }
}
