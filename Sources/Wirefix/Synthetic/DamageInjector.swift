import WirefixICU
import WirefixLexicon

/// How often each kind of damage is injected: a probability per eligible site.
///
/// Name damage (``calque``, ``lowercase``, ``diacritics``, ``nameGlue``) is drawn once per name
/// mention, at most one kind per mention; the other kinds per site of their own: ``linkGlue`` per
/// space before a linking word or after a closing parenthesis, ``debris`` per comma or full stop
/// ending a sentence, ``mojibake`` per word with non-ASCII letters or a curly quote, ``zeroWidth``
/// per word of four letters or more.
public struct DamageRates: Sendable, Hashable, Codable {
    /// A name mention replaced by a calque from the gazetteer's glosses ("God given Hair").
    public var calque = 0.15
    /// A name mention of two or more words written in lowercase ("delcy rodríguez").
    public var lowercase = 0.08
    /// A name mention with non-ASCII letters written without diacritics ("Rander Pena").
    public var diacritics = 0.2
    /// The space after a name mention deleted ("Peñaindicated").
    public var nameGlue = 0.05
    /// The space before a linking word or after a closing parenthesis deleted ("yearaccording",
    /// "(CCP)who").
    public var linkGlue = 0.05
    /// Punctuation debris at a comma or full stop (" ,", ". ,", ", ,", " .").
    public var debris = 0.04
    /// A word's UTF-8 read as Windows-1252 ("PeÃ±a", "countryâ€™s").
    public var mojibake = 0.08
    /// A zero-width character or soft hyphen inside a word ("Ca\u{200B}bello").
    public var zeroWidth = 0.004

    /// The default rates.
    public init() {}

    /// The kinds a rate can be set for, by their command-line names.
    public static let names = ["calque", "case", "diacritic", "name-glue", "link-glue", "debris", "mojibake", "zero-width"]

    /// Sets the rate of a kind by its name (see ``names``).
    ///
    /// - Returns: `false` when the name is unknown or the rate is not within 0...1.
    public mutating func set(_ name: String, to rate: Double) -> Bool {
        guard (0...1).contains(rate) else { return false }
        switch name {
        case "calque": calque = rate
        case "case": lowercase = rate
        case "diacritic": diacritics = rate
        case "name-glue": nameGlue = rate
        case "link-glue": linkGlue = rate
        case "debris": debris = rate
        case "mojibake": mojibake = rate
        case "zero-width": zeroWidth = rate
        default: return false
        }
        return true
    }

    /// `calque=0.15 case=0.08 …`, every rate by name.
    public var summary: String {
        [("calque", calque), ("case", lowercase), ("diacritic", diacritics), ("name-glue", nameGlue),
         ("link-glue", linkGlue), ("debris", debris), ("mojibake", mojibake), ("zero-width", zeroWidth)]
            .map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    }
}

/// Damages clean text the way machine translation and broken pipelines do, and records every
/// change it makes: the ground truth of a synthetic corpus.
///
/// Name mentions are found with the gazetteer: a match spelled exactly as the entity's canonical
/// name or an alias. Damaged sites never overlap or touch: at least one untouched word stands
/// between two of them, so each change can be repaired and scored on its own. The kinds written
/// in the ground truth are those of ``DamageKind/all``: `calque` (a person or place) or
/// `org-calque` (an organization), `case`, `diacritic`, `glue`, `debris`, `mojibake` and
/// `unicode` (zero-width characters).
public struct DamageInjector: Sendable {
    /// The rates.
    public let rates: DamageRates
    private let gazetteer: Gazetteer
    /// Per entity index, the indices of its calque variants of its canonical form.
    private let calques: [Int: [Int]]
    private var random: SplitMix64

    /// Creates an injector.
    ///
    /// - Parameters:
    ///   - gazetteer: finds the name mentions and supplies their calques.
    ///   - rates: how often each kind of damage is injected.
    ///   - seed: the seed of the random choices; the same seed, gazetteer and input give the same
    ///     output.
    public init(gazetteer: Gazetteer, rates: DamageRates = DamageRates(), seed: UInt64) {
        self.gazetteer = gazetteer
        self.rates = rates
        random = SplitMix64(seed: seed ^ 0xD1B5_4A32_D192_ED03)
        var calques: [Int: [Int]] = [:]
        for (index, variant) in gazetteer.variants.enumerated()
        where variant.translatedCount > 0 && !variant.hasDeletedLetters {
            if case .canonical = variant.form { calques[variant.entityIndex, default: []].append(index) }
        }
        self.calques = calques
    }

    /// One damaged site: the clean bytes it replaces and the damaged text.
    struct Site {
        var range: Range<Int>
        var damaged: String
        var kind: String
        /// The tokens the site covers, for keeping sites apart.
        var tokens: Range<Int>
    }

    /// Damages one clean text (a paragraph or a document).
    ///
    /// - Parameter clean: the clean text, valid UTF-8.
    /// - Returns: the damaged text and the changes that repair it, in text order, with spans in
    ///   the damaged text (UTF-8 byte offsets); applying them to the damaged text gives `clean`
    ///   back byte for byte.
    /// - Complexity: O(*n*) in the length of the text, plus the gazetteer's matching.
    public mutating func damage(_ clean: String) -> (damaged: String, truth: [LabeledEdit]) {
        let bytes = Array(clean.utf8)
        let tokens = Tokenizer.tokens(in: clean)
        let matches = bytes.withUnsafeBufferPointer { gazetteer.matches(tokens: tokens, in: $0) }
        var sites: [Site] = []
        var nameTokens = Set<Int>()
        for match in matches {
            guard let entityIndex = exactEntity(of: match, bytes: bytes) else { continue }
            for index in match.tokenRange { nameTokens.insert(index) }
            if let site = nameSite(match, entityIndex: entityIndex, bytes: bytes, tokens: tokens) { sites.append(site) }
        }
        for (index, token) in tokens.enumerated() {
            if let site = wordSite(index, token: token, bytes: bytes, tokens: tokens, inName: nameTokens.contains(index)) {
                sites.append(site)
            }
        }
        sites += punctuationSites(bytes: bytes, tokens: tokens)
        // Keep sites apart: in text order, one untouched token at least between two sites.
        sites.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        var kept: [Site] = []
        for site in sites {
            if let last = kept.last, site.range.lowerBound <= last.range.upperBound || site.tokens.lowerBound <= last.tokens.upperBound {
                continue
            }
            kept.append(site)
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var truth: [LabeledEdit] = []
        var cursor = 0
        for site in kept {
            output += bytes[cursor..<site.range.lowerBound]
            let start = output.count
            output += site.damaged.utf8
            truth.append(LabeledEdit(
                edit: TextEdit(range: TextRange(start: start, end: output.count), original: site.damaged,
                               replacement: String(decoding: bytes[site.range], as: UTF8.self)),
                kind: site.kind))
            cursor = site.range.upperBound
        }
        output += bytes[cursor...]
        return (String(decoding: output, as: UTF8.self), truth)
    }

    /// The entity a match names, spelled exactly as its canonical name or an alias.
    private func exactEntity(of match: GazetteerMatch, bytes: [UInt8]) -> Int? {
        for index in match.variantIndices {
            let variant = gazetteer.variants[index]
            if variant.isUntranslated, !variant.hasDeletedLetters, bytes[match.byteRange].elementsEqual(variant.target.utf8) {
                if case .misspelling = variant.form { continue }
                return variant.entityIndex
            }
        }
        return nil
    }

    /// At most one damage for a name mention.
    private mutating func nameSite(_ match: GazetteerMatch, entityIndex: Int, bytes: [UInt8], tokens: [Token]) -> Site? {
        let text = String(decoding: bytes[match.byteRange], as: UTF8.self)
        let entity = gazetteer.entities[entityIndex]
        var roll = random.unit()
        // Calque.
        if roll < rates.calque {
            guard let options = calques[entityIndex], !options.isEmpty else { return nil }
            let variant = gazetteer.variants[random.pick(options)]
            guard variant.target == text else { return nil }
            var words: [String] = []
            for component in variant.components {
                switch component.realization {
                case .translated(let gloss, _):
                    words.append(random.chance(0.7) ? Self.titleCased(gloss) : gloss)
                default:
                    words.append(component.name)
                }
            }
            let damaged = words.joined(separator: " ")
            guard damaged != text else { return nil }
            return Site(range: match.byteRange, damaged: damaged, kind: entity.kind == .organization ? "org-calque" : "calque",
                        tokens: match.tokenRange)
        }
        roll -= rates.calque
        // Lowercase: names of two or more words.
        if roll < rates.lowercase {
            guard match.tokenRange.count >= 2 else { return nil }
            var lowered = (try? CaseMapping.lowercase(text, locale: "es")) ?? text.lowercased()
            // Half the time the accents go too ("delcy rodriguez").
            if random.chance(0.5) { lowered = Self.stripDiacritics(lowered) }
            guard lowered != text else { return nil }
            return Site(range: match.byteRange, damaged: lowered, kind: "case", tokens: match.tokenRange)
        }
        roll -= rates.lowercase
        // Lost diacritics.
        if roll < rates.diacritics {
            let stripped = Self.stripDiacritics(text)
            guard stripped != text else { return nil }
            return Site(range: match.byteRange, damaged: stripped, kind: "diacritic", tokens: match.tokenRange)
        }
        roll -= rates.diacritics
        // Glued to the next word: "Peñaindicated".
        if roll < rates.nameGlue {
            let next = match.tokenRange.upperBound
            guard next < tokens.count, isSingleSpace(match.byteRange.upperBound..<tokens[next].range.lowerBound, bytes),
                  tokens[next].isLowercase, tokens[next].shape.contains(.ascii), tokens[next].range.count >= 2 else { return nil }
            let range = match.byteRange.lowerBound..<tokens[next].range.upperBound
            return Site(range: range, damaged: text + String(decoding: bytes[tokens[next].range], as: UTF8.self),
                        kind: "glue", tokens: match.tokenRange.lowerBound..<(next + 1))
        }
        return nil
    }

    /// Words that link clauses; the space before them is lost where a link or a tag ended.
    static let linkWords: Set<String> = ["according", "which", "who", "while", "after", "before", "because", "although", "where", "when", "said"]

    /// Damage inside or right after one word: mojibake, a zero-width character, a glued link.
    private mutating func wordSite(_ index: Int, token: Token, bytes: [UInt8], tokens: [Token], inName: Bool) -> Site? {
        let word = String(decoding: bytes[token.range], as: UTF8.self)
        // Mojibake: a word with non-ASCII letters, or a word with a curly apostrophe ("country’s").
        if !token.shape.contains(.ascii) || nextIsCurlyApostrophe(token, bytes: bytes) {
            var range = token.range
            if nextIsCurlyApostrophe(token, bytes: bytes) {
                range = token.range.lowerBound..<(token.range.upperBound + 3)
                if index + 1 < tokens.count, tokens[index + 1].range.lowerBound == range.upperBound {
                    range = range.lowerBound..<tokens[index + 1].range.upperBound
                }
            }
            if random.chance(rates.mojibake), let damaged = Self.mojibake(String(decoding: bytes[range], as: UTF8.self)) {
                let last = tokens.lastIndex { $0.range.lowerBound < range.upperBound } ?? index
                return Site(range: range, damaged: damaged, kind: "mojibake", tokens: index..<(last + 1))
            }
        }
        // A zero-width character between two ASCII letters of a word of four letters or more.
        if token.range.count >= 4, token.shape.contains(.ascii), !token.shape.contains(.hasDigit), random.chance(rates.zeroWidth) {
            let cut = 1 + random.next(token.range.count - 1)
            let characters: [String] = ["\u{200B}", "\u{200B}", "\u{200B}", "\u{00AD}", "\u{2060}", "\u{FEFF}"]
            let utf8 = Array(word.utf8)
            guard utf8[cut - 1] >= 0x41, utf8[cut] >= 0x41 else { return nil }
            let damaged = String(decoding: utf8[..<cut], as: UTF8.self) + random.pick(characters) + String(decoding: utf8[cut...], as: UTF8.self)
            return Site(range: token.range, damaged: damaged, kind: "unicode", tokens: index..<(index + 1))
        }
        // A glued link: "yearaccording", "(CCP)who".
        if !inName, index + 1 < tokens.count {
            let next = tokens[index + 1]
            let gap = token.range.upperBound..<next.range.lowerBound
            let nextWord = String(decoding: bytes[next.range], as: UTF8.self)
            let afterParenthesis = gap.count == 2 && bytes[gap.lowerBound] == 0x29 && bytes[gap.lowerBound + 1] == 0x20
            let beforeLink = isSingleSpace(gap, bytes) && Self.linkWords.contains(nextWord) && token.isLowercase
                && token.shape.contains(.ascii) && token.range.count >= 3
            if (afterParenthesis && next.isLowercase || beforeLink), random.chance(rates.linkGlue) {
                let range = token.range.lowerBound..<next.range.upperBound
                let glued = word + (afterParenthesis ? ")" : "") + nextWord
                return Site(range: range, damaged: glued, kind: "glue", tokens: index..<(index + 2))
            }
        }
        return nil
    }

    /// Debris at commas and at full stops that end a sentence.
    private mutating func punctuationSites(bytes: [UInt8], tokens: [Token]) -> [Site] {
        var sites: [Site] = []
        var tokenIndex = 0
        for offset in bytes.indices where bytes[offset] == 0x2C || bytes[offset] == 0x2E {
            while tokenIndex < tokens.count && tokens[tokenIndex].range.upperBound <= offset { tokenIndex += 1 }
            // After a letter, before a space and a word (or the end for a full stop).
            guard offset > 0, ByteClass.isLetter(bytes[offset - 1]) else { continue }
            let atEnd = offset + 1 == bytes.count
            guard atEnd || (bytes[offset + 1] == 0x20 && offset + 2 < bytes.count && ByteClass.isLetter(bytes[offset + 2])) else { continue }
            if bytes[offset] == 0x2E {
                // A sentence end: the next word is capitalized, or the text ends; not "a.m." or "U.S.".
                guard atEnd || ByteClass.isUpper(bytes[offset + 2]) else { continue }
                guard offset < 2 || (bytes[offset - 2] != 0x2E && ByteClass.isLetter(bytes[offset - 2])) else { continue }
            }
            guard random.chance(rates.debris) else { continue }
            let previous = max(0, tokenIndex - 1)
            let damaged: String
            if bytes[offset] == 0x2C {
                damaged = random.pick([" ,", " ,", ". ,", ", ,"])
            } else {
                damaged = random.pick([" .", ". ."])
            }
            sites.append(Site(range: offset..<(offset + 1), damaged: damaged, kind: "debris", tokens: previous..<tokenIndex))
        }
        return sites
    }

    private func isSingleSpace(_ range: Range<Int>, _ bytes: [UInt8]) -> Bool {
        range.count == 1 && bytes[range.lowerBound] == 0x20
    }

    /// Whether a right single quotation mark (U+2019, E2 80 99) follows the token directly.
    private func nextIsCurlyApostrophe(_ token: Token, bytes: [UInt8]) -> Bool {
        let end = token.range.upperBound
        return end + 2 < bytes.count && bytes[end] == 0xE2 && bytes[end + 1] == 0x80 && bytes[end + 2] == 0x99
    }

    /// A word with its first letter uppercased ("hair" → "Hair", "god given" → "God Given").
    static func titleCased(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            guard let first = word.first else { return String(word) }
            return first.uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }

    /// `text` without combining diacritics (NFD, marks removed, NFC); case is kept.
    static func stripDiacritics(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        let decomposed = (try? Normalizer.normalize(text, to: .nfd)) ?? text
        var kept = ""
        kept.unicodeScalars.append(contentsOf: decomposed.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark
        })
        return (try? Normalizer.normalize(kept, to: .nfc)) ?? kept
    }

    /// The characters Windows-1252 gives bytes 0x80–0x9F (`nil` for the five it leaves undefined);
    /// bytes 0xA0–0xFF are U+00A0–U+00FF.
    static let windows1252High: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    /// The text's UTF-8 bytes read as Windows-1252 ("Peña" → "PeÃ±a"), or `nil` when it is ASCII
    /// or a byte has no Windows-1252 character.
    public static func mojibake(_ text: String) -> String? {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        var result = ""
        for byte in text.utf8 {
            let value: UInt32
            if byte < 0x80 || byte >= 0xA0 {
                value = UInt32(byte)
            } else if let mapped = windows1252High[Int(byte - 0x80)] {
                value = mapped
            } else {
                return nil
            }
            result.unicodeScalars.append(Unicode.Scalar(value)!)
        }
        return result
    }
}

/// Byte classes of ASCII text.
enum ByteClass {
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x80 }
    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
}
