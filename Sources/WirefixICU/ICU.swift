internal import CICUShim

/// Version information about the ICU library that `WirefixICU` is linked against
/// (ICU 72 with Unicode 15.0 data on Debian 12).
public enum ICU {
    /// ICU's library version (`u_getVersion`), e.g. `"72.1"`: dot-separated, trailing zero
    /// components dropped, at least two components.
    public static let version: String = format(wfx_icu_version)

    /// The Unicode version of ICU's character data (`u_getUnicodeVersion`), e.g. `"15.0"`.
    public static let unicodeVersion: String = format(wfx_unicode_version)

    /// The ISO 3166-1 alpha-2 region codes in ICU's locale data (`uloc_getISOCountries`):
    /// "VE", "ES", "BR" and about 250 more, current and some formerly assigned ones.
    public static let isoCountryCodes: Set<String> = {
        var codes = Set<String>()
        let list = wfx_iso_countries()
        var index = 0
        while let code = list[index] {
            codes.insert(String(cString: code))
            index += 1
        }
        return codes
    }()

    private static func format(_ read: (UnsafeMutablePointer<UInt8>) -> Void) -> String {
        var parts = [UInt8](repeating: 0, count: 4)
        parts.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { read(base) }
        }
        while parts.count > 2, parts.last == 0 { parts.removeLast() }
        return parts.map(String.init).joined(separator: ".")
    }
}
