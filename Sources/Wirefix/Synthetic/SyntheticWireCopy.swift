import WirefixLexicon

/// Generates clean English wire copy about the entities of a lexicon: paragraphs built from
/// sentence templates written for this project, filled with the canonical names of people,
/// organizations and places. The text is clean by construction (names spelled as the lexicon
/// spells them, ordinary punctuation), so it is the "expected" side of a synthetic corpus; see
/// ``DamageInjector`` for the damaged side.
///
/// The same seed and lexicon give the same text, byte for byte.
public struct SyntheticWireCopy: Sendable {
    private var random: SplitMix64
    private let people: [Entity]
    private let organizations: [Entity]
    private let places: [Entity]

    /// Creates a generator over the entities of a lexicon.
    ///
    /// - Parameters:
    ///   - seed: the seed of the random choices.
    ///   - lexicon: where the names come from: people whose canonical name has two or more words,
    ///     and every organization and place. Placeholder names stand in for a kind the lexicon
    ///     lacks.
    public init(seed: UInt64, lexicon: Lexicon) {
        random = SplitMix64(seed: seed)
        people = lexicon.entities.filter { $0.kind == .person && Gazetteer.words(of: $0.canonical).count >= 2 }
        organizations = lexicon.entities.filter { $0.kind == .organization }
        places = lexicon.entities.filter { $0.kind == .place }
    }

    /// Sentences about a person: `{p}` is the full name, `{s}` a later mention by surname, `{r}`
    /// a role, `{o}` an organization, `{l}` a place.
    static let personTemplates = [
        "The {r} {p} said on Tuesday that the talks would continue next week.",
        "According to officials, {p} met representatives of several companies in the capital.",
        "{p} told reporters that the agreement had been signed after months of negotiation.",
        "The statement, released late on Monday, did not say when {p} would travel abroad.",
        "Analysts said the decision by {p} could affect oil exports for the rest of the year.",
        "In a brief message, the {r} {p} thanked the delegation for its support.",
        "The meeting was held at the headquarters of the ministry, where {p} presented the plan.",
        "Opposition leaders criticised {p} for failing to publish the budget in time.",
        "{p}, who took office two years ago, has promised to cut public spending.",
        "Speaking in {l}, {p} said the government would not change course.",
        "The spokesman for {o} said {p} had not been informed of the decision.",
        "{p} arrived in {l} on Wednesday for a two-day visit.",
        "A court in {l} summoned {p} to testify about the contracts.",
        "Supporters of {p} gathered outside the building before dawn.",
        "The {r}, {p}, did not answer questions from the press.",
        "On Thursday {p} signed a decree that raises the minimum wage by 10 percent.",
        "“We will not accept pressure from anyone,” {p} said in a televised address.",
        "Asked about the protests, {p} said the police had acted within the law.",
    ]

    /// Follow-up sentences that mention the person of the previous sentence by surname.
    static let surnameTemplates = [
        "{s} said the measure would take effect in January.",
        "Later, {s} added that the country’s reserves were sufficient.",
        "According to {s}, the decision was final.",
        "{s} did not say how the plan would be financed.",
    ]

    /// Sentences about organizations and places.
    static let otherTemplates = [
        "Members of {o} voted against the bill on Friday.",
        "The leadership of {o} called an emergency meeting for the weekend.",
        "Thousands of people marched through the streets of {l} on Saturday.",
        "Officials in {l} said the storm had damaged hundreds of homes.",
        "A spokeswoman for {o} said the group would appeal the ruling.",
        "The road between {l} and the coast was closed for repairs.",
    ]

    /// Sentences without names.
    static let fillers = [
        "The economy grew by 2.5 percent in the first quarter, the central bank said.",
        "Prices of basic goods rose again in March, according to independent estimates.",
        "Thousands of people gathered in the main square to follow the results.",
        "The government has not commented on the report, which was published on Sunday.",
        "Flights between the two countries are expected to resume before the end of the month.",
        "The court is due to rule on the appeal in the coming weeks.",
        "The vote was postponed until 10 a.m. on Monday, a parliamentary source said.",
        "Exports to the U.S. fell by 4 percent last year, customs data showed.",
        "The union said its members would return to work if the talks resumed.",
        "Inflation slowed for a third month in a row, official figures showed.",
        "Police said two people were injured and five were arrested.",
        "The ministry’s statement gave no further details.",
        "The electoral council (CNE) will publish the final results on Friday.",
        "The statistics institute (INE) said unemployment fell to 7 percent in June.",
    ]

    static let roles = ["minister", "president", "deputy", "vice president", "governor", "ambassador", "senator", "mayor"]

    /// One paragraph of 2 to 6 sentences, without a line break.
    public mutating func paragraph() -> String {
        var sentences: [String] = []
        let count = 2 + random.next(5)
        while sentences.count < count {
            let roll = random.next(10)
            if roll < 2 {
                sentences.append(random.pick(Self.fillers))
            } else if roll < 4 {
                sentences.append(fill(random.pick(Self.otherTemplates), person: nil))
            } else {
                let person = people.isEmpty ? nil : random.pick(people)
                sentences.append(fill(random.pick(Self.personTemplates), person: person))
                let words = person.map { Gazetteer.words(of: $0.canonical) } ?? []
                if words.count == 2, random.next(3) == 0 {
                    sentences.append(fill(random.pick(Self.surnameTemplates), person: person))
                }
            }
        }
        return sentences.joined(separator: " ")
    }

    private mutating func fill(_ template: String, person: Entity?) -> String {
        var text = ""
        var iterator = template.makeIterator()
        while let character = iterator.next() {
            guard character == "{" else { text.append(character); continue }
            let key = iterator.next()
            _ = iterator.next()  // "}"
            switch key {
            case "p": text += person?.canonical ?? "Ana Torres"
            case "s": text += person.map { Gazetteer.words(of: $0.canonical).last! } ?? "Torres"
            case "r": text += random.pick(Self.roles)
            case "o": text += organizations.isEmpty ? "the party" : random.pick(organizations).canonical
            case "l": text += places.isEmpty ? "the capital" : random.pick(places).canonical
            default: break
            }
        }
        return text
    }
}
