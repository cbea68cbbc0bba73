@_exported import WirefixEngine
@_exported import WirefixICU
@_exported import WirefixLexicon
@_exported import WirefixReports
@_exported import WirefixRules

/// Wirefix: repairs the damage machine translation does to names and text in news wire copy.
///
/// Start with ``Corrector``.
public enum Wirefix {
    /// The version of the library and the `wirefix` tool.
    public static let version = "0.1.0"
}
