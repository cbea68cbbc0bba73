/// Options that change what rules do, set by the user or a newsroom's house style.
public struct RuleOptions: Sendable, Hashable, Codable {
    /// House style that writes names without diacritics ("Nicolas Maduro", AP style for some
    /// desks). When set, no rule adds a diacritic the copy left out: name rules keep the copy's
    /// unaccented spelling and only fix case and calques.
    public var keepUnaccented: Bool

    /// Creates options; the defaults restore diacritics.
    public init(keepUnaccented: Bool = false) {
        self.keepUnaccented = keepUnaccented
    }

    /// The default options.
    public static let `default` = RuleOptions()
}
