import WirefixICU

/// The `country` column of an entity: an ISO 3166-1 alpha-2 region code, `INT` for
/// international bodies and people, or a user-assigned code.
public enum CountryCode {
    /// The code of international entities (the UN, the EU, FIFA).
    public static let international = "INT"

    /// Whether `code` may stand in the `country` column: a region code in ICU's ISO 3166-1 data
    /// (``ICU/isoCountryCodes``), `INT`, or a user-assigned code (``isUserAssigned(_:)``).
    public static func isValid(_ code: String) -> Bool {
        code == international || ICU.isoCountryCodes.contains(code) || isUserAssigned(code)
    }

    /// Whether `code` is one ISO 3166-1 leaves to private use: `AA`, `QM` to `QZ`, `XA` to `XZ`
    /// and `ZZ` (Kosovo's `XK` among them, and the `XX` of generated test lexicons). Loading
    /// accepts them; `wirefix lexicon lint` reports them, since a curated record names a real
    /// country.
    public static func isUserAssigned(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard bytes.count == 2, bytes.allSatisfy({ (0x41...0x5A).contains($0) }) else { return false }
        switch (bytes[0], bytes[1]) {
        case (0x41, 0x41), (0x5A, 0x5A): return true  // AA, ZZ
        case (0x51, 0x4D...0x5A): return true  // QM–QZ
        case (0x58, _): return true  // XA–XZ
        default: return false
        }
    }
}
