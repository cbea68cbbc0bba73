import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Exchanges lexicons with terminology tools as TBX-Basic (ISO 30042:2019, TBX-Basic dialect,
/// DCA style: `<tbx type="TBX-Basic" style="dca">`, namespace `urn:iso:std:iso:30042:ed:3.0`).
///
/// ## Mapping
///
/// Each entity is a `<conceptEntry id="...">` (the entity id; an id that cannot start an XML ID
/// is written `id-<id>` and kept in a note). Its `source` is an `<admin type="source">`. Its
/// Wirefix-only fields (type, country, context words, own glosses, guards, declared
/// ambiguities, house style) are `<note>wirefix:field=value</note>` notes, which TBX-Basic
/// allows at the concept level and other tools carry along. Terms:
///
/// - a `<langSec xml:lang="es">` (`pt` for Brazil and Portugal) holds the canonical name as the
///   source-language term;
/// - the `<langSec xml:lang="en">` holds the canonical name with administrative status
///   `preferredTerm-admn-sts`, every alias with `admittedTerm-admn-sts`, and every known wrong
///   form with `deprecatedTerm-admn-sts`: the misspellings, and, unless left out, every
///   generated calque (marked with a `<note>wirefix:calque</note>`, since the lexicon
///   regenerates them from glosses).
///
/// TBX-Basic's picklist for `administrativeStatus` has four values (preferred, admitted,
/// deprecated, superseded); it has no "forbidden": `deprecatedTerm-admn-sts` is the TBX-Basic
/// value for a term not to be used, and what this export writes for known mistranslations.
///
/// Each shared gloss is a `conceptEntry` too (`id="gloss-N"`, note `wirefix:record=gloss`): the
/// name component as the source-language term and each literal translation as a deprecated
/// English term ("Maduro" must never become "mature").
///
/// ## Import
///
/// Import reads TBX v3 (`conceptEntry`/`langSec`/`termSec`) and the older TBX v2 / MARTIF layout
/// (`termEntry`/`langSet`/`tig` or `ntig`). From the English language section (or the first one
/// when there is none): the first preferred term is the canonical name; other preferred,
/// admitted and superseded terms are aliases (an obsolete name is still a real name, and a
/// wrong fix is worse than a missed one); deprecated terms are misspellings, except those noted
/// `wirefix:calque`, which are regenerated. Besides the TBX-Basic values, the TBX-Min values
/// (`preferred`, `admitted`, `notRecommended`, `obsolete`) and `forbidden`/`deprecated` are
/// understood. Missing Wirefix fields take the given defaults. Every record is validated as a
/// lexicon line is; problems name the TBX file and the line of the concept entry.
public enum TBXInterchange {
    /// The TBX v3 namespace.
    public static let namespace = "urn:iso:std:iso:30042:ed:3.0"
    /// TBX-Basic administrative statuses.
    public enum Status: String, Sendable, CaseIterable {
        /// The canonical name.
        case preferred = "preferredTerm-admn-sts"
        /// A correct alternative (alias).
        case admitted = "admittedTerm-admn-sts"
        /// A term not to be used: a misspelling or a calque.
        case deprecated = "deprecatedTerm-admn-sts"
        /// An obsolete term (imported as an alias).
        case superseded = "supersededTerm-admn-sts"

        /// Reads a status value, accepting TBX-Min and common informal spellings.
        public init?(reading value: String) {
            switch value.trimmingCharacters(in: .whitespacesAndNewlines) {
            case "preferredTerm-admn-sts", "preferredTerm", "preferred": self = .preferred
            case "admittedTerm-admn-sts", "admittedTerm", "admitted", "standardizedTerm", "legalTerm", "regulatedTerm": self = .admitted
            case "deprecatedTerm-admn-sts", "deprecatedTerm", "deprecated", "notRecommended", "forbidden": self = .deprecated
            case "supersededTerm-admn-sts", "supersededTerm", "superseded", "obsolete": self = .superseded
            default: return nil
            }
        }
    }

    // MARK: - Export

    /// Writes a lexicon as a TBX-Basic document (UTF-8, pretty-printed).
    ///
    /// - Parameters:
    ///   - lexicon: the entities and shared glosses to write.
    ///   - includeCalques: whether to write every generated calque as a deprecated term.
    /// - Complexity: O(*v*) in generated variants when calques are included.
    public static func export(_ lexicon: Lexicon, includeCalques: Bool = true) -> Data {
        let root = XMLElement(name: "tbx")
        root.addNamespace(XMLNode.namespace(withName: "", stringValue: namespace) as! XMLNode)
        // One attribute at a time: a dictionary's order differs from run to run, and an export of
        // the same lexicon must be the same bytes.
        for (name, value) in [("type", "TBX-Basic"), ("style", "dca"), ("xml:lang", "en")] {
            root.addAttribute(XMLNode.attribute(withName: name, stringValue: value) as! XMLNode)
        }
        let header = element("tbxHeader", children: [
            element("fileDesc", children: [
                element("sourceDesc", children: [element("p", text: "Wirefix lexicon: names of public life with their known mistranslations (deprecated terms)")]),
            ]),
        ])
        root.addChild(header)
        let body = XMLElement(name: "body")
        var calquesByEntity: [Int: [String]] = [:]
        if includeCalques {
            let gazetteer = Gazetteer(lexicon: lexicon)
            for variant in gazetteer.variants where variant.translatedCount > 0 && !variant.hasDeletedLetters {
                calquesByEntity[variant.entityIndex, default: []].append(variant.text)
            }
        }
        for (index, entity) in lexicon.entities.enumerated() {
            body.addChild(conceptEntry(for: entity, calques: calquesByEntity[index] ?? []))
        }
        // Entities an override disabled travel too, marked, so that an import layered over the
        // same bundled lexicon disables them again instead of bringing them back.
        for (entity, _) in lexicon.disabled {
            let entry = conceptEntry(for: entity, calques: [])
            entry.addChild(element("note", text: "wirefix:status=disabled"))
            body.addChild(entry)
        }
        for (index, gloss) in lexicon.glosses.enumerated() {
            body.addChild(conceptEntry(for: gloss, number: index + 1))
        }
        root.addChild(element("text", children: [body]))
        let document = XMLDocument(rootElement: root)
        document.version = "1.0"
        document.characterEncoding = "UTF-8"
        for (position, model) in [
            "href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"",
            "href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch\" type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/schematron\"",
        ].enumerated() {
            document.insertChild(XMLNode.processingInstruction(withName: "xml-model", stringValue: model) as! XMLNode, at: position)
        }
        return document.xmlData(options: [.nodePrettyPrint])
    }

    /// The source language of an entity's canonical name: Portuguese for Brazil and Portugal,
    /// Spanish otherwise.
    static func sourceLanguage(of country: String) -> String {
        ["BR", "PT", "AO", "MZ"].contains(country) ? "pt" : "es"
    }

    private static func conceptEntry(for entity: Entity, calques: [String]) -> XMLElement {
        let entry = XMLElement(name: "conceptEntry")
        let validID = entity.id.first.map { $0.isLetter } ?? false
        entry.setAttributesWith(["id": validID ? entity.id : "id-\(entity.id)"])
        entry.addChild(element("admin", attributes: ["type": "source"], text: entity.source))
        var notes: [(String, String)] = [("type", entity.kind.rawValue), ("country", entity.country)]
        if !validID { notes.insert(("id", entity.id), at: 0) }
        if !entity.context.isEmpty { notes.append(("context", entity.context.joined(separator: "|"))) }
        if !entity.glosses.isEmpty { notes.append(("glosses", LexiconWriter.glossesField(of: entity))) }
        if !entity.guards.isEmpty { notes.append(("guards", VariantGuard.formatField(entity.guards))) }
        if !entity.ambiguous.isEmpty { notes.append(("ambiguous", entity.ambiguous.joined(separator: "|"))) }
        if let style = entity.style { notes.append(("style", style.rawValue)) }
        for (key, value) in notes { entry.addChild(element("note", text: "wirefix:\(key)=\(value)")) }
        entry.addChild(element("langSec", attributes: ["xml:lang": sourceLanguage(of: entity.country)], children: [
            termSec(entity.canonical, status: .preferred),
        ]))
        var english = [termSec(entity.canonical, status: .preferred)]
        english += entity.aliases.map { termSec($0, status: .admitted) }
        english += entity.misspellings.map { termSec($0, status: .deprecated) }
        var written = Set(([entity.canonical] + entity.aliases + entity.misspellings).map { Gazetteer.words(of: $0).map { Folding.fold($0) } })
        for calque in calques where written.insert(Gazetteer.words(of: calque).map { Folding.fold($0) }).inserted {
            english.append(termSec(calque, status: .deprecated, note: "wirefix:calque"))
        }
        entry.addChild(element("langSec", attributes: ["xml:lang": "en"], children: english))
        return entry
    }

    private static func conceptEntry(for gloss: Gloss, number: Int) -> XMLElement {
        let entry = XMLElement(name: "conceptEntry")
        entry.setAttributesWith(["id": "gloss-\(number)"])
        entry.addChild(element("admin", attributes: ["type": "source"], text: gloss.source))
        entry.addChild(element("note", text: "wirefix:record=gloss"))
        entry.addChild(element("note", text: "wirefix:kind=\(gloss.kind.rawValue)"))
        entry.addChild(element("langSec", attributes: ["xml:lang": "es"], children: [termSec(gloss.component, status: .preferred)]))
        entry.addChild(element("langSec", attributes: ["xml:lang": "en"], children: gloss.translations.map { termSec($0, status: .deprecated) }))
        return entry
    }

    private static func termSec(_ term: String, status: Status, note: String? = nil) -> XMLElement {
        var children = [element("term", text: term), element("termNote", attributes: ["type": "administrativeStatus"], text: status.rawValue)]
        if let note { children.append(element("note", text: note)) }
        return element("termSec", children: children)
    }

    private static func element(_ name: String, attributes: [String: String] = [:], text: String? = nil, children: [XMLElement] = []) -> XMLElement {
        let node = text.map { XMLElement(name: name, stringValue: $0) } ?? XMLElement(name: name)
        for name in attributes.keys.sorted() {
            node.addAttribute(XMLNode.attribute(withName: name, stringValue: attributes[name]!) as! XMLNode)
        }
        for child in children { node.addChild(child) }
        return node
    }

    // MARK: - Import

    /// Defaults for what a TBX file from another tool does not say.
    public struct ImportDefaults: Sendable {
        /// The entity type when no `wirefix:type` note or matching subject field says it.
        public var kind: Entity.Kind
        /// The country when no `wirefix:country` note says it.
        public var country: String
        /// The source when the entry has no `admin type="source"` or external cross-reference.
        public var source: String?

        /// Creates defaults; `source` `nil` means "imported from <file>".
        public init(kind: Entity.Kind = .organization, country: String = "INT", source: String? = nil) {
            self.kind = kind
            self.country = country
            self.source = source
        }
    }

    /// Reads a TBX document into a lexicon (entities and glosses, origins pointing at the TBX
    /// file and the line of each concept entry).
    ///
    /// - Parameters:
    ///   - data: the TBX document.
    ///   - file: the path to name in errors and origins.
    ///   - defaults: values for fields the file does not give.
    /// - Throws: ``LexiconError`` for XML that does not parse (with its line) and for every
    ///   entry that does not make a valid lexicon record (with its line).
    /// - Complexity: O(*n*) in the size of the document.
    public static func importLexicon(_ data: Data, file: String, defaults: ImportDefaults = ImportDefaults()) throws(LexiconError) -> Lexicon {
        let root = try XMLTree.parse(data, file: file)
        var entities: [Entity] = []
        var glosses: [Gloss] = []
        var problems: [LexiconError.Problem] = []
        var overrides: [LexiconOverride] = []
        var seenIDs: [String: Int] = [:]
        for (number, entry) in root.descendants(named: ["conceptEntry", "termEntry"]).enumerated() {
            do throws(LexiconError) {
                switch try record(from: entry, number: number + 1, file: file, defaults: defaults) {
                case .entity(let entity, let disabled):
                    if let first = seenIDs[entity.id] {
                        throw LexiconError(file: file, line: entry.line, message: "duplicate id '\(entity.id)' (first at \(file):\(first))")
                    }
                    seenIDs[entity.id] = entry.line
                    entities.append(entity)
                    if disabled {
                        overrides.append(LexiconOverride(id: entity.id, status: .disabled, note: "disabled in the exported lexicon",
                                                         origin: RecordOrigin(file: file, line: entry.line)))
                    }
                case .gloss(let gloss):
                    glosses.append(gloss)
                }
            } catch {
                problems += error.problems
            }
        }
        if !problems.isEmpty { throw LexiconError(problems: problems) }
        var lexicon = Lexicon(entities: entities, glosses: glosses)
        lexicon.apply(overrides)
        return lexicon
    }

    private enum Record {
        /// An entity, and whether the export marked it disabled (`wirefix:status=disabled`).
        case entity(Entity, disabled: Bool)
        case gloss(Gloss)
    }

    private struct Term {
        var text: String
        var status: Status?
        var notes: [String]
        var line: Int
    }

    private static func record(from entry: XMLTree, number: Int, file: String, defaults: ImportDefaults) throws(LexiconError) -> Record {
        var notes: [String: String] = [:]
        for note in entry.children(named: ["note"]) {
            let text = note.text
            guard text.hasPrefix("wirefix:") else { continue }
            let body = text.dropFirst("wirefix:".count)
            if let equals = body.firstIndex(of: "=") {
                notes[String(body[..<equals])] = String(body[body.index(after: equals)...])
            } else {
                notes[String(body)] = ""
            }
        }
        let source = entry.children(named: ["admin"]).first { $0.attributes["type"] == "source" }?.text
            ?? entry.children(named: ["xref"]).first { $0.attributes["type"] == "externalCrossReference" }?.attributes["target"]
            ?? defaults.source ?? "imported from \(URL(fileURLWithPath: file).lastPathComponent)"
        let sections = entry.children(named: ["langSec", "langSet"])
        func terms(of section: XMLTree) throws(LexiconError) -> [Term] {
            var result: [Term] = []
            for holder in section.children(named: ["termSec", "tig", "ntig"]) {
                let group = holder.children(named: ["termGrp"]).first ?? holder
                guard let term = group.children(named: ["term"]).first else { continue }
                var status: Status?
                // DCA style: <termNote type="administrativeStatus">; DCT style (TBX v3): an
                // element named by the data category, <basic:administrativeStatus>.
                let statusNotes = (group.children(named: ["termNote"]) + holder.children(named: ["termNote"]))
                    .filter { ["administrativeStatus", "normativeAuthorization"].contains($0.attributes["type"] ?? "") }
                    + group.children(named: ["administrativeStatus", "normativeAuthorization"])
                    + (group === holder ? [] : holder.children(named: ["administrativeStatus", "normativeAuthorization"]))
                for note in statusNotes {
                    guard let read = Status(reading: note.text) else {
                        throw LexiconError(file: file, line: note.line, message: "unknown administrative status '\(note.text)' (expected \(Status.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    status = read
                }
                let termNotes = (holder.children(named: ["note"]) + (group === holder ? [] : group.children(named: ["note"]))).map(\.text)
                // Inline markup (<hi>, <ph>) would be read as its own text only, and the term
                // imported with a hole in it ("Villavi<hi>c</hi>encio" as "Villaviencio").
                if let markup = term.children.first {
                    throw LexiconError(file: file, line: markup.line, message: "term holds the inline element <\(markup.name)>; write the term as plain text")
                }
                let text = term.text.trimmingCharacters(in: .whitespacesAndNewlines)
                // '|' separates list items in the lexicon and a tab separates columns: a term
                // holding one would silently become two names.
                if let bad = text.unicodeScalars.first(where: { $0 == "|" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
                    let shown = bad == "|" ? "'|'" : "U+\(String(bad.value, radix: 16, uppercase: true).leftPadded(4))"
                    throw LexiconError(file: file, line: term.line, message: "term '\(text.debugDescription.dropFirst().dropLast())' contains \(shown), which a lexicon name cannot hold")
                }
                // The checks a lexicon field gets, here, so that the message names the term's
                // own line rather than its entry's.
                if let problem = FieldValidator.problem(in: text) {
                    throw LexiconError(file: file, line: term.line, message: "term \(problem)")
                }
                result.append(Term(text: text, status: status, notes: termNotes, line: term.line))
            }
            return result
        }
        func language(_ section: XMLTree) -> String { (section.attributes["xml:lang"] ?? section.attributes["lang"] ?? "").lowercased() }
        // The English section; a section without a language when none says it is English; never
        // a German or Spanish one, whose term would become the English canonical name.
        let english = sections.first { language($0).hasPrefix("en") } ?? sections.first { language($0).isEmpty }
        if english == nil, notes["record"] != "gloss", let first = sections.first {
            throw LexiconError(file: file, line: first.line, message: "entry has no English language section (xml:lang=\"en\"), only '\(language(first))'")
        }
        let others = sections.filter { $0 !== english }

        if notes["record"] == "gloss" {
            var component = ""
            if let section = others.first { component = try terms(of: section).first?.text ?? "" }
            var translations: [String] = []
            if let english { translations = try terms(of: english).map(\.text) }
            let fields = ["component": component, "kind": notes["kind"] ?? "", "translations": translations.joined(separator: "|"), "source": source]
            return try LexiconLoader.gloss(fromFields: fields, file: file, line: entry.line).map(Record.gloss).get()
        }

        guard let english else { throw LexiconError(file: file, line: entry.line, message: "entry has no language section with terms") }
        let all = try terms(of: english)
        guard let canonical = all.first(where: { $0.status == .preferred }) ?? all.first(where: { $0.status != .deprecated }) else {
            throw LexiconError(file: file, line: entry.line, message: "entry has no preferred or admitted term to take as the canonical name")
        }
        var aliases: [String] = []
        var misspellings: [String] = []
        for term in all where !(term.text == canonical.text && term.line == canonical.line) {
            switch term.status {
            case .deprecated:
                if !term.notes.contains("wirefix:calque") { misspellings.append(term.text) }
            default:
                aliases.append(term.text)
            }
        }
        let subject = entry.children(named: ["descrip"]).first { $0.attributes["type"] == "subjectField" }?.text
        let kind = notes["type"] ?? subject.flatMap { Entity.Kind(rawValue: $0.lowercased())?.rawValue } ?? defaults.kind.rawValue
        let rawID = notes["id"] ?? entry.attributes["id"] ?? ""
        let id = sanitizedID(rawID).isEmpty ? "tbx-\(number)" : sanitizedID(rawID)
        let fields: [String: String] = [
            "id": id, "type": kind, "canonical": canonical.text,
            "aliases": aliases.joined(separator: "|"), "misspellings": misspellings.joined(separator: "|"),
            "glosses": notes["glosses"] ?? "", "country": notes["country"] ?? defaults.country,
            "context": notes["context"] ?? "", "source": source, "guards": notes["guards"] ?? "",
            "ambiguous": notes["ambiguous"] ?? "", "style": notes["style"] ?? "",
        ]
        if let status = notes["status"], status != "disabled" {
            throw LexiconError(file: file, line: entry.line, message: "unknown wirefix:status '\(status)' (expected disabled)")
        }
        return try LexiconLoader.entity(fromFields: fields, file: file, line: entry.line)
            .map { Record.entity($0, disabled: notes["status"] == "disabled") }.get()
    }

    /// An id made of `[a-z0-9-]`: lowercased, accents folded, other characters as hyphens.
    static func sanitizedID(_ raw: String) -> String {
        var result = ""
        for character in Folding.fold(raw) {
            if character.isASCII && (character.isLetter || character.isNumber) { result.append(character) } else if result.last != "-" { result.append("-") }
        }
        while result.hasPrefix("-") { result.removeFirst() }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }
}

/// A small element tree read with `XMLParser`, keeping each element's line.
final class XMLTree {
    let name: String
    let attributes: [String: String]
    let line: Int
    private(set) var children: [XMLTree] = []
    private var textParts: [String] = []

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    /// The element's own text (not its children's), without surrounding white space.
    var text: String { textParts.joined().trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Children with one of these local names (any namespace prefix dropped).
    func children(named names: [String]) -> [XMLTree] {
        children.filter { names.contains($0.name) }
    }

    /// Descendants with one of these local names, in document order, not looking inside a match.
    func descendants(named names: [String]) -> [XMLTree] {
        var result: [XMLTree] = []
        for child in children {
            if names.contains(child.name) { result.append(child) } else { result += child.descendants(named: names) }
        }
        return result
    }

    /// Parses a document.
    ///
    /// - Throws: ``LexiconError`` with the parser's message and line.
    static func parse(_ data: Data, file: String) throws(LexiconError) -> XMLTree {
        let builder = Builder()
        // Fed as a stream: given the whole document at once, Foundation's XMLParser on Linux
        // (libxml2) fails after the last element of any document above about 10 MB with "error 1"
        // (a 13 MB termbase of 40,000 entries could not be imported); as a stream libxml2 reads
        // it in chunks and has no such limit.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        builder.parser = parser
        // XMLParser (libxml2 here) garbles the text around references to entities the document
        // declares ("Rander &pe;" came out as "Rander ña"), so a term written with one would be
        // imported wrong without a word: refuse declarations, naming their line.
        if let declaration = entityDeclaration(in: data) {
            throw LexiconError(file: file, line: declaration.line, message: "the document declares the XML entity '\(declaration.name)'; entity declarations are not supported in a TBX import (write the text out)")
        }
        // The same for references to entities declared elsewhere (an external DTD such as
        // TBXcdv04.dtd declares &ntilde;): "Bola&ntilde;os" came in as "Bolaos".
        if let reference = entityReference(in: data) {
            throw LexiconError(file: file, line: reference.line, message: "the entity reference '&\(reference.name);' cannot be resolved in a TBX import; write the character itself (or a character reference such as &#241;)")
        }
        if !parser.parse() || builder.stack.count != 1 {
            let code = (parser.parserError as NSError?)?.code
            let message = code.map { "XML parser error \($0) at column \(parser.columnNumber)" } ?? "malformed XML"
            throw LexiconError(file: file, line: max(1, parser.lineNumber), message: "not a well-formed TBX (XML) document: \(message)")
        }
        guard let root = builder.stack[0].children.first else {
            throw LexiconError(file: file, line: 1, message: "not a TBX document: no root element")
        }
        // An HTML page or another XML vocabulary is no termbase: refuse it rather than import
        // nothing.
        guard ["tbx", "martif"].contains(root.name.lowercased()) else {
            throw LexiconError(file: file, line: root.line, message: "not a TBX document: the root element is <\(root.name)>, expected <tbx> (TBX v3) or <martif> (TBX v2)")
        }
        return root
    }

    /// The first `<!ENTITY name` declaration of a document, with its 1-based line.
    static func entityDeclaration(in data: Data) -> (name: String, line: Int)? {
        let bytes = [UInt8](data)
        let marker = Array("<!ENTITY".utf8)
        guard bytes.count >= marker.count else { return nil }
        var line = 1
        for index in 0...(bytes.count - marker.count) {
            if bytes[index] == 0x0A { line += 1 }
            guard bytes[index] == 0x3C, bytes[index..<(index + marker.count)].elementsEqual(marker) else { continue }
            var start = index + marker.count
            while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x25].contains(bytes[start]) { start += 1 }
            var end = start
            while end < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, 0x3E, 0x22, 0x27].contains(bytes[end]) { end += 1 }
            return (String(decoding: bytes[start..<end], as: UTF8.self), line)
        }
        return nil
    }

    /// The first reference to a named entity other than XML's five (`&amp;` `&lt;` `&gt;`
    /// `&quot;` `&apos;`) outside comments and CDATA sections, with its 1-based line.
    static func entityReference(in data: Data) -> (name: String, line: Int)? {
        let bytes = [UInt8](data)
        let predefined: Set<String> = ["amp", "lt", "gt", "quot", "apos"]
        var line = 1
        var index = 0
        func starts(_ text: String, at position: Int) -> Bool {
            let marker = Array(text.utf8)
            return position + marker.count <= bytes.count && bytes[position..<(position + marker.count)].elementsEqual(marker)
        }
        func skip(to end: String) {
            while index < bytes.count && !starts(end, at: index) {
                if bytes[index] == 0x0A { line += 1 }
                index += 1
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            if byte == 0x3C && starts("<!--", at: index) { skip(to: "-->"); continue }
            if byte == 0x3C && starts("<![CDATA[", at: index) { skip(to: "]]>"); continue }
            if byte == 0x26, index + 1 < bytes.count, bytes[index + 1] != 0x23 {
                var end = index + 1
                while end < bytes.count, end - index < 64, bytes[end] != 0x3B, bytes[end] > 0x20, bytes[end] != 0x3C { end += 1 }
                if end < bytes.count, bytes[end] == 0x3B {
                    let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                    if !predefined.contains(name) { return (name, line) }
                }
            }
            index += 1
        }
        return nil
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack = [XMLTree(name: "#document", attributes: [:], line: 0)]
        weak var parser: XMLParser?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            let node = XMLTree(name: local, attributes: attributes, line: parser.lineNumber)
            stack.last!.children.append(node)
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            if stack.count > 1 { stack.removeLast() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last!.textParts.append(string)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last!.textParts.append(String(decoding: CDATABlock, as: UTF8.self))
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
