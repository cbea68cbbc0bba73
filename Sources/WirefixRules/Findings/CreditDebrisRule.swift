import WirefixEngine
import WirefixLexicon

/// Reports photo-credit debris: a parenthesized credit whose name slot is empty, left when a
/// content system dropped a photographer's or agency's name ("(PRESS OFFICE /)", "(EFE/ )",
/// "(Photo: /)").
///
/// Detects: "(…)" whose content ends or starts with a dangling slash, or is a credit label with
/// nothing after its colon. Reports: the parenthetical, which an editor completes or deletes.
/// Never changes text.
struct CreditDebrisRule: Rule {
    static let description = RuleDescription(
        identifier: "credit_debris",
        name: "Credit Debris",
        summary: "Reports parenthesized photo credits with an empty slot, such as \"(EFE/ )\"",
        discussion: """
            Detects: a parenthetical on one line, at most 120 bytes, with at least one letter, \
            that is a credit with an empty slot: its content (without surrounding spaces) ends \
            with "/" ("(PRESS OFFICE /)", "(EFE/ )"), starts with "/" followed by a space \
            ("(/ EFE)"), or is a credit label with nothing after its colon ("(Photo: )", \
            "(Credit:)"); "(Photo: /)" is both. Left alone: "(and/or)", "(1/2)", "(km/h)", \
            "(EFE)", parentheses glued to a word ("close(fd, /)"), code ("=", "_", "*", or ", /" \
            at the end: a positional-only marker), URLs ("(https://example.com/)", anything with "://", "www." or "@") and \
            paths (content without spaces that starts with "/", "~" or "." or holds a dot or \
            two slashes: "(/usr/lib/)", "(src/app/)"; a slash between lowercase letters or digits: \
            "(in src/lib/)"; a leading slash without a space after it: "(/Applications/Extras/)").

            Reports: the parenthetical from "(" to ")". Confidence 0.9. Detect-only: the missing \
            name cannot be guessed.
            """,
        phase: .findings,
        isFindingOnly: true,
        examples: [
            .finding("The ambassador applauds in Caracas. Photographer/Handout via REUTERS ⟦(PRESS OFFICE /)⟧"),
            .finding("Leaders at the summit (AFP) ⟦(Government Press /)⟧"),
            .finding("The delegation arrives ⟦(EFE/ )⟧ in Beijing."),
            .finding("A view of the port ⟦(Photo: /)⟧"),
            .finding("A view of the port ⟦(Photo: )⟧ and ⟦(Credit:)⟧"),
            .finding("Rescue teams at work ⟦(/ EFE)⟧"),
            .finding("Troops on parade ⟦(Ministry of Defense / )⟧\r\nNext line"),
            .finding("Caption ⟦(Jane Roe/Agency/)⟧ here."),
            .finding("Protesters in the square ⟦(Photo: Jane Roe / )⟧"),
            .finding("The summit ⟦(Presidential Press Office/)⟧ ended."),
            .finding("Дж. 東京 ⟦(Kremlin Pool /)⟧"),
            .keep("Use one (and/or) the other."),
            .keep("The score was (2/3) of the vote."),
            .keep("Leaders at the summit (Photo: EFE)"),
            .keep("An unclosed (EFE / credit and more."),
            .keep("Credit: Jane Roe /"),
            .keep("Add (1/2) cup of sugar."),
            .keep("A speed of 90 (km/h) was measured."),
            .keep("Leaders at the summit (EFE)"),
            .keep("Jane Roe/Agency via REUTERS"),
            .keep("See the site (https://example.com/) for details."),
            .keep("Files live in (/usr/lib/) and (src/app/) and (~/docs/)."),
            .keep("Sources are (in src/lib/) and (/Applications/Python 3/Extras/)."),
            .keep("Mail (someone@example.com/) is wrong but not a credit."),
            .keep("The ratio (3/)4 is odd."),
            .keep("An empty pair () and a slash ( / ) alone."),
            .keep("The photo (Photo: Jane Roe) was taken."),
            .keep("A note (see: page 4) follows."),
            .keep("Credits (EFE / Reuters) were shared."),
            .keep("The signature is os.close(fd, /) and f (x, y, /) and g(size=-1, /)."),
        ])

    /// Labels that introduce a credit, lowercase.
    static let creditLabels: Set<String> = [
        "photo", "photos", "foto", "fotos", "image", "images", "picture", "credit", "credits",
        "photo credit", "source", "courtesy", "video", "file", "file photo", "archive", "graphic",
        "illustration", "photographer", "by",
    ]

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        let bytes = document.bytes
        guard bytes.contains(0x28) else { return [] }
        var result: [Correction] = []
        var open = 0
        while open < bytes.count {
            open = bytes.withUnsafeBufferPointer { ByteSearch.firstIndex(of: 0x28, in: $0, from: open, to: $0.count) }
            guard open < bytes.count else { break }
            var close = open + 1
            while close < bytes.count, close - open <= 121, bytes[close] != 0x29, bytes[close] != 0x28, bytes[close] != 0x0A {
                close += 1
            }
            guard close < bytes.count, bytes[close] == 0x29 else { open += 1; continue }
            defer { open = close + 1 }
            // A credit stands apart: "word(" is a function call ("f(fd, /)").
            guard open == 0 || ByteClass.isSpace(bytes[open - 1]) else { continue }
            guard Self.mayBeDebris(bytes, open + 1, close) else { continue }
            let content = document.text(in: (open + 1)..<close)
            guard let reason = Self.debris(content) else { continue }
            let text = document.text(in: open..<(close + 1))
            result.append(Correction(
                ruleID: Self.description.identifier, range: TextRange(start: open, end: close + 1),
                original: text, replacement: text, confidence: 0.9,
                explanation: "photo credit \(text) \(reason)", disposition: .finding))
        }
        return result
    }

    /// Whether the content `bytes[start..<end]` of a parenthetical can be debris at all: without
    /// its surrounding spaces and tabs it starts with "/" or ends with "/" or ":", which every
    /// answer of ``debris(_:)`` requires. Most parentheticals fail this test, and are then never
    /// made into strings nor searched. O(*n*) in the spaces trimmed.
    static func mayBeDebris(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var low = start
        var high = end
        while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
        while low < high, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 { high -= 1 }
        guard low < high else { return false }
        return bytes[low] == 0x2F || bytes[high - 1] == 0x2F || bytes[high - 1] == 0x3A
    }

    /// Why a parenthetical's content is credit debris, or `nil` when it is not.
    static func debris(_ content: String) -> String? {
        let trimmed = content.trimmingSpaces
        guard trimmed.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return nil }
        let lower = trimmed.lowercased()
        if lower.contains("://") || lower.contains("www.") || lower.contains("@") { return nil }
        // Code: "(x, y=0, /)" is a signature with a positional-only marker.
        if trimmed.contains("=") || trimmed.contains("_") || trimmed.contains("*") || trimmed.hasSuffix(", /") { return nil }
        let hasSpace = trimmed.contains(" ") || trimmed.contains("\t")
        if !hasSpace {
            let slashes = trimmed.filter { $0 == "/" }.count
            if trimmed.hasPrefix("/") || trimmed.hasPrefix("~") || trimmed.hasPrefix(".") || trimmed.contains(".") || slashes >= 2 {
                return nil
            }
        }
        // A path: a slash between lowercase letters or digits ("src/lib/"), or a leading slash
        // with no space after it ("/Applications/").
        let utf8 = Array(trimmed.utf8)
        for index in utf8.indices where utf8[index] == 0x2F && index > 0 && index + 1 < utf8.count {
            let before = utf8[index - 1]
            let after = utf8[index + 1]
            if ByteClass.isLower(before) || ByteClass.isDigit(before), ByteClass.isLower(after) || ByteClass.isDigit(after) || after == 0x2E {
                return nil
            }
        }
        if trimmed.hasPrefix("/"), utf8.count > 1, utf8[1] != 0x20 { return nil }
        if trimmed.hasSuffix("/") {
            let name = String(trimmed.dropLast()).trimmingSpaces
            guard !name.isEmpty, name.last != "/" else { return nil }
            return "ends with a slash and no name after it"
        }
        if trimmed.hasPrefix("/"), hasSpace {
            return "starts with a slash and no name before it"
        }
        if trimmed.hasSuffix(":"), creditLabels.contains(String(lower.dropLast()).trimmingSpaces) {
            return "has a label and no name after its colon"
        }
        return nil
    }
}
