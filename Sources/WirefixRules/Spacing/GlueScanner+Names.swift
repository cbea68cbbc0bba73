import WirefixEngine
import WirefixLexicon

/// The name kinds of glue: a name run into the next word ("Rander Penaindicated") and a name
/// whose inner space was lost ("LanHu").
extension GlueScanner {
    /// A path through the gazetteer trie over the tokens just before a glued token.
    struct NamePath {
        /// The index of the path's first token; equal to the glued token's index for the empty
        /// path at the trie's root.
        var start: Int
        /// The trie position after the tokens `start..<index`.
        var cursor: Gazetteer.Cursor
    }

    /// Every non-empty name path that ends right before token `index`, plus the empty path.
    ///
    /// The tokens of a path are joined by name separators (``Gazetteer/isNameSeparator(_:_:)``).
    func namePaths(before index: Int) -> [NamePath] {
        var paths = [NamePath(start: index, cursor: gazetteer.root)]
        var lowest = index
        while lowest > 0, index - lowest < Self.maximumNamePrefix,
              Gazetteer.isNameSeparator(bytes, tokens[lowest - 1].range.upperBound..<tokens[lowest].range.lowerBound) {
            lowest -= 1
        }
        guard lowest < index else { return paths }
        let folded = (lowest..<index).map { Folding.fold(bytes, range: tokens[$0].range) }
        for start in lowest..<index {
            var cursor: Gazetteer.Cursor? = gazetteer.root
            for position in start..<index {
                guard let current = cursor else { break }
                cursor = gazetteer.advance(current, by: folded[position - lowest])
            }
            if let cursor { paths.append(NamePath(start: start, cursor: cursor)) }
        }
        return paths
    }

    /// The first untranslated variant that ends at `cursor`.
    func untranslatedVariant(at cursor: Gazetteer.Cursor) -> NameVariant? {
        for index in gazetteer.variants(at: cursor) where gazetteer.variants[index].isUntranslated {
            return gazetteer.variants[index]
        }
        return nil
    }

    /// Whether a scalar can start the second part of a split: a letter, not a combining mark.
    func startsLetter(at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return ByteClass.isUpper(byte) || ByteClass.isLower(byte) }
        guard byte >= 0xC0 else { return false }
        let (scalar, _) = Tokenizer.decodeScalar(bytes, at: offset)
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return false
        default: return scalar.properties.isAlphabetic
        }
    }

    /// Name + word: a prefix of the token completes a lexicon name (with the tokens before it),
    /// or is a person's name component after a title, and the rest is an English word.
    func nameAndWord(at index: Int) -> GlueSplit? {
        let token = tokens[index]
        // The name paths and the name ending are found when the first cut needs them: most
        // tokens have no cut whose tail is a listed word.
        var paths: [NamePath]?
        var titled: Bool?
        var best: GlueSplit?
        var endingLength: Int?
        let isASCII = token.shape.contains(.ascii)
        var cut = token.range.lowerBound + 2
        while cut <= token.range.upperBound - 2 {
            defer { cut += 1 }
            guard bytes[cut] & 0xC0 != 0x80, startsLetter(at: cut) else { continue }
            // The tail must be a listed word (``rank(_:)`` below): probed on the bytes first, so
            // that most cuts make no string.
            guard isListed(cut..<token.range.upperBound, isASCII: isASCII) else { continue }
            let tail = Folding.fold(bytes, range: cut..<token.range.upperBound)
            if endingLength == nil { endingLength = nameEndingLength(of: Folding.fold(bytes, range: token.range)) }
            guard let tailKind = tailAfterName(tail, endingLength: endingLength!), let tailRank = rank(tail) else { continue }
            let frequentTail = tailRank <= 10_000
            let followsNames = tailKind == .followsNames
            let head = Folding.fold(bytes, range: token.range.lowerBound..<cut)
            let headLetters = head.unicodeScalars.count
            let headText = String(decoding: bytes[token.range.lowerBound..<cut], as: UTF8.self)
            let tailText = String(decoding: bytes[cut..<token.range.upperBound], as: UTF8.self)
            var candidate: GlueSplit?
            if paths == nil { paths = namePaths(before: index) }
            for path in paths! {
                guard let next = gazetteer.advance(path.cursor, by: head), let variant = untranslatedVariant(at: next) else { continue }
                let entity = gazetteer.entities[variant.entityIndex]
                let name = path.start < index
                    ? String(decoding: bytes[tokens[path.start].range.lowerBound..<cut], as: UTF8.self) : headText
                let confidence: Double
                if path.start < index {
                    confidence = followsNames && frequentTail ? 0.95 : 0.85
                } else {
                    // A one-word name must look like one ("FARCin", not "farceur").
                    guard ByteClass.isUpper(bytes[token.range.lowerBound]) || bytes[token.range.lowerBound] >= 0x80 else { continue }
                    confidence = headLetters >= 4 && frequentTail && followsNames ? 0.85 : 0.6
                }
                let split = GlueSplit(
                    cuts: [cut], confidence: confidence, entityID: entity.id,
                    explanation: "\"\(name)\" is a form of \(entity.canonical) and \"\(tailText)\" an English word (rank \(tailRank)) glued to it")
                if candidate == nil || split.confidence > candidate!.confidence { candidate = split }
            }
            if candidate == nil, headLetters >= 4, frequentTail, let entities = gazetteer.entitiesByComponent[head] {
                let people = entities.filter { gazetteer.entities[$0].kind == .person }
                let entityID = Set(entities.map { gazetteer.entities[$0].id }).count == 1 ? gazetteer.entities[entities[0]].id : nil
                if titled == nil { titled = index > 0 && isTitle(index - 1) }
                // "Maduroindicated", "Petrobegan": a capitalized surname of a person in the lexicon
                // that is no common English word, then a verb of the kind that follows a name
                // ("said", "indicated", a past tense). The token is damaged for certain, and no
                // other reading splits it so; a title or the full name is not needed.
                let reportingVerb = GluedWordsVocabulary.finiteVerbs.contains(tail) || isPastTense(tail)
                let uncommonName = (rank(head) ?? Int.max) > 10_000
                if titled == true && !people.isEmpty && followsNames {
                    candidate = GlueSplit(
                        cuts: [cut], confidence: 0.8, entityID: entityID,
                        explanation: "\"\(headText)\" is a name component of \(gazetteer.entities[people[0]].canonical) after the title \"\(text(ofToken: index - 1))\", and \"\(tailText)\" a frequent English word (rank \(tailRank))")
                } else if !people.isEmpty && reportingVerb && uncommonName && ByteClass.isUpper(bytes[token.range.lowerBound]) {
                    candidate = GlueSplit(
                        cuts: [cut], confidence: 0.75, entityID: entityID,
                        explanation: "\"\(headText)\" is a name component of \(Self.listed(people.map { gazetteer.entities[$0].canonical })), capitalized and no common English word, and \"\(tailText)\" a verb that follows names (rank \(tailRank))")
                } else {
                    candidate = GlueSplit(
                        cuts: [cut], confidence: 0.5, entityID: entityID,
                        explanation: "\"\(headText)\" is a name component of \(gazetteer.entities[entities[0]].canonical) and \"\(tailText)\" an English word (rank \(tailRank)), but no title or full name supports the split")
                }
            }
            if candidate == nil, followsNames, frequentTail {
                candidate = listedSurnameAndWord(at: index, head: head, headText: headText, tailText: tailText, tailRank: tailRank)
            }
            guard let candidate else { continue }
            // Prefer the more confident split, then the longer name.
            if best == nil || candidate.confidence > best!.confidence
                || (candidate.confidence == best!.confidence && candidate.cuts[0] > best!.cuts[0]) {
                best = candidate
            }
        }
        return best
    }

    /// A surname of the Spanish name list (``SpanishNameList``) glued to a frequent word that
    /// follows names ("Olivaresas" → "Olivares as", "Peñaindicated" → "Peña indicated"), for
    /// names outside the entity lexicon.
    ///
    /// The head must be a listed surname of ≥ 4 letters written as a name (a capital, then
    /// lowercase), and neither the whole token nor its folded form a listed name itself
    /// ("Rosales" is no "Rosa" glued to anything). Evidence: a capitalized given name just before
    /// the token ("Jorge Olivaresas": 0.85), a title or role word (0.8), or the head spelled with
    /// the list's diacritics ("Peñaindicated": 0.8); otherwise the split is only suggested (0.6).
    func listedSurnameAndWord(at index: Int, head: String, headText: String, tailText: String, tailRank: Int) -> GlueSplit? {
        let names = context.spanishNames
        guard head.unicodeScalars.count >= 4, let surname = names.surname(head) else { return nil }
        let scalars = Array(headText.unicodeScalars)
        guard scalars[0].properties.isUppercase, scalars.dropFirst().allSatisfy({ $0.properties.isLowercase }) else { return nil }
        let whole = Folding.fold(bytes, range: tokens[index].range)
        if names.surname(whole) != nil || names.givenName(whole) != nil || context.names.isName(whole) { return nil }
        var confidence = 0.6
        var evidence = "no given name or title supports the split"
        if index > 0, Gazetteer.isNameSeparator(bytes, tokens[index - 1].range.upperBound..<tokens[index].range.lowerBound),
           tokens[index - 1].isTitleCase,
           case let given = Folding.fold(bytes, range: tokens[index - 1].range),
           names.isGivenName(given) || context.names.isGivenName(given) {
            confidence = 0.85
            evidence = "the given name \"\(text(ofToken: index - 1))\" comes before it"
        } else if index > 0, isTitle(index - 1) {
            confidence = 0.8
            evidence = "the title \"\(text(ofToken: index - 1))\" comes before it"
        } else if surname.hasDiacritics, headText == surname.name {
            confidence = 0.8
            evidence = "it is spelled with its diacritics"
        }
        return GlueSplit(
            cuts: [tokens[index].range.lowerBound + headText.utf8.count], confidence: confidence, entityID: nil,
            explanation: "\"\(headText)\" is a Spanish or Portuguese surname (\(surname.name)) and \"\(tailText)\" an English word (rank \(tailRank)) glued to it; \(evidence)")
    }

    /// A name whose inner spaces were lost: the parts between inner capitals ("Lan|Hu"), with
    /// name tokens before or after, spell an untranslated variant.
    func joinedName(at index: Int) -> GlueSplit? {
        let token = tokens[index]
        var cuts: [Int] = []
        var previousLower = false
        var offset = token.range.lowerBound
        while offset < token.range.upperBound {
            let (scalar, length) = Tokenizer.decodeScalar(bytes, at: offset)
            let properties = scalar.properties
            if properties.isUppercase && previousLower { cuts.append(offset) }
            if properties.isUppercase || properties.isLowercase { previousLower = properties.isLowercase }
            offset += length
        }
        let bounds = [token.range.lowerBound] + cuts + [token.range.upperBound]
        guard !cuts.isEmpty, zip(bounds, bounds.dropFirst()).allSatisfy({ $1 - $0 >= 2 }) else { return nil }
        let parts = zip(bounds, bounds.dropFirst()).map { Folding.fold(bytes, range: $0..<$1) }
        for path in namePaths(before: index) {
            var cursor: Gazetteer.Cursor? = path.cursor
            for part in parts {
                guard let current = cursor else { break }
                cursor = gazetteer.advance(current, by: part)
            }
            guard var current = cursor else { continue }
            var variant = untranslatedVariant(at: current)
            var next = index + 1
            while variant == nil, next < tokens.count, next - index <= 3,
                  Gazetteer.isNameSeparator(bytes, tokens[next - 1].range.upperBound..<tokens[next].range.lowerBound),
                  let advanced = gazetteer.advance(current, by: Folding.fold(bytes, range: tokens[next].range)) {
                current = advanced
                variant = untranslatedVariant(at: current)
                next += 1
            }
            guard let variant else { continue }
            let entity = gazetteer.entities[variant.entityIndex]
            return GlueSplit(
                cuts: cuts, confidence: 0.9, entityID: entity.id,
                explanation: "\"\(text(ofToken: index))\" joins the words of \(entity.canonical) without a space")
        }
        return nil
    }

    /// A word or acronym glued before the first word of a name that the next tokens complete:
    /// "leaderMaría Corina Machado" → "leader María Corina Machado", "ministerYván Gil",
    /// "PSUVDiosdado Cabello".
    ///
    /// The token is a lowercase head of ≥ 2 letters that is a listed English word (rank ≤ 20,000)
    /// or a title word, or an acronym of ≥ 2 ASCII capitals, followed by one capitalized word
    /// (a capital, then lowercase letters only); that word and 1–3 following tokens, joined by
    /// name separators, spell an untranslated lexicon variant. 0.9 after a word, 0.85 after an
    /// acronym. "McDonald", "iPhone", "YouTube" have no such head; a one-word name after the
    /// head ("presidentMaduro") is not enough.
    func wordAndName(at index: Int) -> GlueSplit? {
        let token = tokens[index]
        var values: [(scalar: Unicode.Scalar, offset: Int)] = []
        var offset = token.range.lowerBound
        while offset < token.range.upperBound {
            let (scalar, length) = Tokenizer.decodeScalar(bytes, at: offset)
            values.append((scalar, offset))
            offset += length
        }
        guard values.count >= 4 else { return nil }
        // The head: lowercase letters up to the first capital, or capitals before the last one
        // of the leading run of ASCII capitals.
        var cutIndex = 0
        let acronym: Bool
        if values[0].scalar.properties.isLowercase {
            while cutIndex < values.count, values[cutIndex].scalar.properties.isLowercase { cutIndex += 1 }
            acronym = false
        } else {
            while cutIndex < values.count, values[cutIndex].scalar.isASCII, values[cutIndex].scalar.properties.isUppercase { cutIndex += 1 }
            cutIndex -= 1
            acronym = true
            guard cutIndex >= 2 else { return nil }
        }
        guard cutIndex >= 2, cutIndex + 2 <= values.count, values[cutIndex].scalar.properties.isUppercase,
              values[(cutIndex + 1)...].allSatisfy({ $0.scalar.properties.isLowercase })
        else { return nil }
        let cut = values[cutIndex].offset
        let headText = String(decoding: bytes[token.range.lowerBound..<cut], as: UTF8.self)
        if !acronym {
            let head = Folding.fold(headText)
            guard (rank(head).map { $0 <= 20_000 } ?? false) || ContextCues.personTitles.contains(head) else { return nil }
        }
        guard var cursor = gazetteer.advance(gazetteer.root, by: Folding.fold(bytes, range: cut..<token.range.upperBound)) else {
            return nil
        }
        var found: (variant: NameVariant, end: Int)?
        var next = index + 1
        while next < tokens.count, next - index <= 3,
              Gazetteer.isNameSeparator(bytes, tokens[next - 1].range.upperBound..<tokens[next].range.lowerBound),
              let advanced = gazetteer.advance(cursor, by: Folding.fold(bytes, range: tokens[next].range)) {
            cursor = advanced
            if let variant = untranslatedVariant(at: cursor) { found = (variant, tokens[next].range.upperBound) }
            next += 1
        }
        guard let found else { return nil }
        let entity = gazetteer.entities[found.variant.entityIndex]
        let name = String(decoding: bytes[cut..<found.end], as: UTF8.self)
        return GlueSplit(
            cuts: [cut], confidence: acronym ? 0.85 : 0.9, entityID: entity.id,
            explanation: "\"\(name)\" is a form of \(entity.canonical), glued to the \(acronym ? "acronym" : "word") \"\(headText)\" before it")
    }

    /// Whether token `index` is a title or role word ("minister") followed by spaces only.
    func isTitle(_ index: Int) -> Bool {
        let between = tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound
        guard !between.isEmpty, between.allSatisfy({ bytes[$0] == 0x20 }) else { return false }
        return ContextCues.personTitles.contains(Folding.fold(bytes, range: tokens[index].range))
    }

    /// The text of token `index`.
    func text(ofToken index: Int) -> String {
        String(decoding: bytes[tokens[index].range], as: UTF8.self)
    }

    /// "A", "A and B", or "A, B and 3 others", for an explanation; names in lexicon order,
    /// duplicates dropped.
    static func listed(_ names: [String]) -> String {
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        switch unique.count {
        case 0: return "no one"
        case 1: return unique[0]
        case 2: return "\(unique[0]) and \(unique[1])"
        default: return "\(unique[0]), \(unique[1]) and \(unique.count - 2) other\(unique.count == 3 ? "" : "s")"
        }
    }
}
