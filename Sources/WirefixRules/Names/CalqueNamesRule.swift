import WirefixEngine
import WirefixLexicon

/// Restores names that machine translation translated word by word.
///
/// Detects: a span that matches a lexicon entity with one or more name components replaced by
/// their literal English translation ("God given hair" for Diosdado Cabello, "Luis Maple" for
/// Luis Arce) or an anglicized given name ("Nicholas Mature" for Nicolás Maduro).
/// Fixes: replaces the span with the entity's correct spelling.
struct CalqueNamesRule: Rule {
    static let description = RuleDescription(
        identifier: "calque_names",
        name: "Calque Names",
        summary: "Restores names whose components machine translation translated literally",
        discussion: """
            Detects: a span matching an entity of the lexicon in which some or all name components \
            appear as their literal translations (from Lexicons/glosses and the entity's own glosses). \
            Fixes: writes the entity's correct spelling.

            A translated component alone ("hair", "mature", "Maple") never matches: every variant \
            covers the entity's whole name. Evidence and confidence:
            - anchored: at least one component stands untranslated ("Diosdado Hair"): 0.75, +0.1 with a \
            title or role word before it, +0.05 when the translated words are capitalized like a name, \
            −0.15 when they are lowercase ("Luis maple syrup"). \
            When only an anglicized given name differs ("Rose Weber": glosses write those capitalized) \
            and no title introduces it: 0.6 (suggestion), as it may be another person's real name. \
            Anchored only by a very common English word, or right after a preposition: −0.2;
            - a person's name fully translated ("God given hair", "Margaret Oaks"): 0.45, +0.35 with a \
            title, role or context word in the four words before it, +0.3 when every translated word is \
            capitalized and one of them would be lowercase in ordinary English; −0.2 when lowercase with \
            no title right before it;
            - an organization or place fully translated ("Free Press" for Prensa Libre, in either word \
            order): capitalized like a name, 0.6 (suggestion: "Holy Cross Hospital" is a name of its \
            own), 0.9 with a context word ("newspaper", "party", the entity's own `context`) in the \
            three words before it; a lowercase phrase ("the world") is ordinary English (0.3);
            - a single translated component ("We Can" for Podemos) needs a context word and name \
            capitals, not at the start of a sentence.
            A span that continues a longer capitalized name ("Detroit Free Press", "We Can Do It") \
            is capped at 0.5: it is another name. Ambiguous spans (two entities fit) are capped at 0.5 and only suggested. Calques scored \
            below 0.35 are not reported at all.
            """,
        phase: .names,
        examples: [
            .fix("Deputy ⟦God given hair⟧ chaired the meeting.", "Deputy Diosdado Cabello chaired the meeting."),
            .fix("The deputy, ⟦God-given Hair⟧, spoke.", "The deputy, Diosdado Cabello, spoke."),
            .fix("Lawmaker ⟦Diosdado Hair⟧ answered.", "Lawmaker Diosdado Cabello answered."),
            .fix("General ⟦Vladimir Godfather López⟧ spoke.", "General Vladimir Padrino López spoke."),
            .fix("Bolivia's president ⟦Luis Maple⟧ travelled.", "Bolivia's president Luis Arce travelled."),
            .fix("⟦Nicholas Mature⟧ spoke on television.", "Nicolás Maduro spoke on television."),
            .fix("Former president ⟦Pedro Castle⟧ appealed.", "Former president Pedro Castillo appealed."),
            .fix("The minister, ⟦Margaret Oaks⟧, said so.", "The minister, Margarita Robles, said so."),
            .fix("⟦Maximum Kirchner⟧ voted against.", "Máximo Kirchner voted against."),
            .fix("The first lady, ⟦Lilia Walls⟧, smiled.", "The first lady, Lilia Paredes, smiled."),
            .fix("Deputy ⟦GOD GIVEN HAIR⟧ spoke.", "Deputy DIOSDADO CABELLO spoke."),
            .fix("Minister ⟦Nicholas Mature⟧ spoke.", "Minister Nicolas Maduro spoke.", options: RuleOptions(keepUnaccented: true)),
            .keep("She brushed her hair before the show."),
            .keep("It was a God given talent."),
            .keep("The cheese is mature and the maple syrup is sweet."),
            .keep("A castle and a bridge survived the flood."),
            .keep("The old oaks and the walls of the castle."),
            .keep("Nicolas Sarkozy met President Maduro."),
            .keep("Margaret Myers directs the program."),
            .keep("We can do it, said the union."),
            .keep("The free press is vital."),
            .keep("Peter and Rose walked to the castle."),
            .keep("Diosdado Cabello spoke."),
            .keep("The hair of Diosdado is grey."),
            .suggest("Rose Weber wrote a letter."),
            .fix("He told the newspaper ⟦Free Press⟧ that he would resign.", "He told the newspaper Prensa Libre that he would resign."),
            .keep("Leaders of the countries and parties of the world met."),
            .keep("The free press union met."),
            .keep("The sixth round began."),
            .keep("She was treated at Holy Cross Hospital."),
            .keep("The party We Can Do It held a rally."),
            .keep("Editors of the newspaper Detroit Free Press met."),
            .keep("Luis maple syrup is sold in Vermont."),
            .fix("Members of ⟦United We Can⟧ voted against.", "Members of Unidas Podemos voted against."),
        ])

    /// Calques scored below this are not reported at all.
    static let minimumReported = 0.35

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        var result: [Correction] = []
        for name in NameMatch.all(in: document, context: context) where name.kind == .calque {
            let proposed = correction(for: name, document: document, context: context)
            // Below this the phrase is almost surely ordinary English ("the world", "we can"):
            // not even worth a suggestion.
            if proposed.confidence >= Self.minimumReported { result.append(proposed) }
        }
        return result
    }

    private func correction(for name: NameMatch, document: Document, context: RuleContext) -> Correction {
        let parts = name.componentTokens()
        let translated = parts.filter { $0.0.isTranslated }
        let anchors = parts.filter { !$0.0.isTranslated }
        let cue = name.hasContextCue(in: document)
        let initial = name.isSentenceInitial(in: document)
        let translatedTitleCase = translated.allSatisfy { $0.1.allSatisfy { $0.isTitleCase || $0.isAllUppercase } }
        // A capitalized translated word that English would write in lowercase, not sentence-initial.
        let anomalousCapital = translated.enumerated().contains { offset, part in
            part.1.enumerated().contains { index, token in
                let first = offset == 0 && index == 0 && parts.first?.0.isTranslated == true
                guard token.isTitleCase, !(first && initial) else { return false }
                let word = Folding.fold(document.text(of: token))
                if case .translated(_, let kind) = part.0.realization, kind == .given { return false }
                return context.words.contains(word)
            }
        }
        var confidence: Double
        var evidence: [String] = []
        let glossText = translated.map { part -> String in
            let shown = document.text(in: part.1.first!.range.lowerBound..<part.1.last!.range.upperBound)
            return "\"\(part.0.name)\" as \"\(shown)\""
        }.joined(separator: ", ")
        evidence.append("\(glossText) (literal translation)")
        if !anchors.isEmpty {
            confidence = 0.75
            evidence.append("anchored by untranslated " + anchors.map { "\"\(document.text(in: $0.1.first!.range.lowerBound..<$0.1.last!.range.upperBound))\"" }.joined(separator: ", "))
            if cue { confidence += 0.1; evidence.append("title or role word before it") }
            if translatedTitleCase { confidence += 0.05 } else {
                confidence -= 0.15
                evidence.append("the translated words are lowercase")
            }
            // An anglicized given name ("Rose", "Peter") may be another person's real name; a
            // literal word ("Maximum") cannot. Glosses write anglicized names capitalized.
            let onlyAnglicizedNames = translated.allSatisfy {
                if case .translated(let gloss, let kind) = $0.0.realization {
                    return kind == .given && gloss.first?.isUppercase == true
                }
                return false
            }
            if onlyAnglicizedNames && !cue {
                confidence = min(confidence, 0.6)
                evidence.append("only an anglicized given name differs and no title introduces it")
            }
            let commonAnchor = anchors.allSatisfy { part in
                part.1.allSatisfy { (context.words.rank(of: Folding.fold(document.text(of: $0))) ?? Int.max) <= 3000 }
            }
            if commonAnchor && !cue { confidence -= 0.2; evidence.append("the anchor is a common English word") }
            if followsPreposition(name, document: document) && !cue { confidence -= 0.2; evidence.append("after a preposition") }
        } else if name.entity.kind == .person {
            confidence = 0.45
            let nearCue = name.hasContextCue(in: document, window: 2)
            if cue { confidence += 0.35; evidence.append("title, role or context word before it") }
            if translatedTitleCase && anomalousCapital { confidence += 0.3; evidence.append("capitalized like a name") }
            if !translatedTitleCase && !nearCue { confidence -= 0.2 }
        } else {
            // Organizations and places: machine translation keeps their capitals ("Free Press"),
            // but capitalized English phrases are also names of their own ("Holy Cross Hospital"),
            // so a context word must introduce them too. A lowercase phrase is ordinary English.
            confidence = 0.3
            if translatedTitleCase && anomalousCapital {
                confidence = 0.6
                evidence.append("capitalized like a name")
                if name.hasContextCue(in: document, window: 3) { confidence += 0.3; evidence.append("introduced by a context word") }
            }
        }
        if name.isPartOfLongerName(in: document) {
            confidence = min(confidence, 0.5)
            evidence.append("part of a longer capitalized name")
        }
        if anchors.isEmpty && parts.count < 2 && !(cue && translatedTitleCase && anomalousCapital && !initial) {
            confidence = min(confidence, 0.4)
            evidence.append("a single translated component needs both a context word and name capitals")
        }
        return name.correction(
            rule: Self.description.identifier, replacement: name.replacement(options: context.options),
            confidence: min(max(confidence, 0), 0.98),
            explanation: "calque of \(name.entity.canonical): " + evidence.joined(separator: "; "))
    }

    private func followsPreposition(_ name: NameMatch, document: Document) -> Bool {
        let index = name.match.tokenRange.lowerBound - 1
        guard index >= 0 else { return false }
        let word = Folding.fold(document.text(of: document.tokens[index]))
        return ["in", "to", "from", "of", "at", "for", "with", "by", "on", "into", "the", "a", "an"].contains(word)
    }
}
