import Wirefix

/// Generates a reproducible corpus of English wire copy with the kinds of damage Wirefix repairs.
///
/// Paragraphs are built from sentence templates written for this project, filled with entities of
/// the lexicon; a fraction of them is damaged (calqued, lowercased, accents stripped, glued,
/// punctuation debris). The same seed gives the same bytes.
struct CorpusGenerator {
    private var random: SplitMix64
    private let people: [Entity]
    private let glosses: [String: [String]]

    init(seed: UInt64, lexicon: Lexicon) {
        random = SplitMix64(seed: seed)
        people = lexicon.entities.filter { $0.kind == .person }
        var glosses: [String: [String]] = [:]
        for gloss in lexicon.glosses where gloss.kind != .given { glosses[gloss.component, default: []] += gloss.translations }
        self.glosses = glosses
    }

    private static let templates = [
        "The {role} {name} said on Tuesday that the talks would continue next week.",
        "According to officials, {name} met representatives of several companies in the capital.",
        "{name} told reporters that the agreement had been signed after months of negotiation.",
        "The statement, released late on Monday, did not say when {name} would travel abroad.",
        "Analysts said the decision by {name} could affect oil exports for the rest of the year.",
        "In a brief message, the {role} {name} thanked the delegation for its support.",
        "The meeting was held at the headquarters of the ministry, where {name} presented the plan.",
        "Opposition leaders criticised {name} for failing to publish the budget in time.",
    ]
    private static let fillers = [
        "The economy grew by 2.5 percent in the first quarter, the central bank said.",
        "Prices of basic goods rose again in March, according to independent estimates.",
        "Thousands of people gathered in the main square to follow the results.",
        "The government has not commented on the report, which was published on Sunday.",
        "Flights between the two countries are expected to resume before the end of the month.",
        "The court is due to rule on the appeal in the coming weeks.",
    ]
    private static let roles = ["minister", "president", "deputy", "vice president", "governor", "ambassador"]

    /// Generates about `bytes` bytes of text.
    mutating func generate(bytes target: Int) -> String {
        var output = ""
        output.reserveCapacity(target + 1024)
        while output.utf8.count < target {
            var paragraph: [String] = []
            for _ in 0..<(2 + random.next(4)) {
                if random.next(3) == 0 {
                    paragraph.append(Self.fillers[random.next(Self.fillers.count)])
                } else {
                    paragraph.append(sentence())
                }
            }
            output += paragraph.joined(separator: " ")
            output += "\n\n"
        }
        return output
    }

    private mutating func sentence() -> String {
        let template = Self.templates[random.next(Self.templates.count)]
        let person = people.isEmpty ? "Ana Pérez" : people[random.next(people.count)].canonical
        let name = damage(person)
        var text = template
            .split(separator: "{role}", omittingEmptySubsequences: false).joined(separator: Self.roles[random.next(Self.roles.count)])
            .split(separator: "{name}", omittingEmptySubsequences: false).joined(separator: name)
        if random.next(50) == 0, let comma = text.firstIndex(of: ",") {
            text.replaceSubrange(comma...comma, with: ". ,")
        }
        return text
    }

    /// Damages a name one time in five: lowercase, calque, glue or stripped accents.
    private mutating func damage(_ name: String) -> String {
        switch random.next(20) {
        case 0: return name.lowercased()
        case 1:
            let words = name.split(separator: " ").map { word -> String in
                if let translations = glosses[String(word)], !translations.isEmpty { return translations[0] }
                return String(word)
            }
            return words.joined(separator: " ")
        case 2: return name + "said"
        case 3:
            var stripped = ""
            for scalar in name.unicodeScalars {
                switch scalar {
                case "á": stripped += "a"
                case "é": stripped += "e"
                case "í": stripped += "i"
                case "ó": stripped += "o"
                case "ú": stripped += "u"
                case "ñ": stripped += "n"
                default: stripped.unicodeScalars.append(scalar)
                }
            }
            return stripped
        default: return name
        }
    }
}

/// SplitMix64 (Steele, Lea and Flood, "Fast Splittable Pseudorandom Number Generators", 2014):
/// a small, fast, seedable generator, so that a seed always yields the same corpus.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func nextUInt64() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        Int(nextUInt64() % UInt64(bound))
    }
}
