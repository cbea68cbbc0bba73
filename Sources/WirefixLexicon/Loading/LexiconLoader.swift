import Foundation
#if canImport(Glibc)
import Glibc
#endif
import WirefixICU

/// Reads and validates lexicon directories (`entities/*.tsv`, `glosses/*.tsv`, `overrides/*.tsv`).
///
/// Every record is checked; a malformed one is a ``LexiconError`` that names the file, the line
/// and what is wrong, and nothing is loaded. Files are read in name order, directories in the
/// order given, and a later entity with the same id as an earlier one replaces it (a user
/// directory overrides the bundled one). Two records with one id in the *same* directory are an
/// error.
///
/// The format is documented in `Lexicons/README.md`.
public enum LexiconLoader {
    /// The columns of an entity file.
    public static let entityColumns = ["id", "type", "canonical", "aliases", "misspellings", "glosses", "country", "context", "source", "guards", "ambiguous", "style"]
    static let entityRequired = ["id", "type", "canonical", "country", "source"]
    /// The columns of a gloss file.
    public static let glossColumns = ["component", "kind", "translations", "source"]
    /// The columns of an override file (`overrides/*.tsv`); only `id` is required.
    public static let overrideColumns = ["id", "status", "style", "note"]

    /// Loads the directories in order, each on top of the previous ones.
    ///
    /// - Parameter directories: lexicon directories, each holding `entities/` and/or `glosses/`.
    /// - Throws: ``LexiconError`` naming every malformed record, unreadable file or missing
    ///   directory.
    public static func load(directories: [URL]) throws(LexiconError) -> Lexicon {
        var lexicon = Lexicon()
        for directory in directories {
            let unknown = lexicon.merge(try load(directory: directory))
            if !unknown.isEmpty {
                throw LexiconError(problems: unknown.map {
                    .init(file: $0.origin.file, line: $0.origin.line,
                          message: "override of unknown id '\($0.id)': no entity of this or an earlier lexicon directory has it")
                })
            }
        }
        return lexicon
    }

    /// Loads one lexicon directory: `entities/*.tsv`, `glosses/*.tsv` and `overrides/*.tsv`.
    ///
    /// The directory's overrides are returned unapplied in ``Lexicon/pendingOverrides``, since
    /// they may name entities of earlier directories; ``load(directories:)`` applies them.
    ///
    /// - Throws: ``LexiconError``.
    public static func load(directory: URL) throws(LexiconError) -> Lexicon {
        var directoryFlag: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &directoryFlag), directoryFlag.boolValue else {
            throw LexiconError(file: directory.path, line: 0, message: FileManager.default.fileExists(atPath: directory.path)
                ? "not a lexicon directory (it is a file)" : "not a lexicon directory (no such directory)")
        }
        var problems: [LexiconError.Problem] = []
        var entities: [Entity] = []
        var glosses: [Gloss] = []
        let hasEntities = isDirectory(directory.appendingPathComponent("entities"))
        let hasGlosses = isDirectory(directory.appendingPathComponent("glosses"))
        let hasOverrides = isDirectory(directory.appendingPathComponent("overrides"))
        if !hasEntities && !hasGlosses && !hasOverrides {
            throw LexiconError(file: directory.path, line: 0, message: "not a lexicon directory: it holds no 'entities', 'glosses' or 'overrides' folder (see Lexicons/README.md)")
        }
        for folder in ["entities", "glosses", "overrides"] {
            let url = directory.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] where !isHidden(name) {
                let path = url.appendingPathComponent(name).path
                if name.lowercased().hasSuffix(".tsv") && !name.hasSuffix(".tsv") {
                    problems.append(.init(file: path, line: 0, message: "lexicon files must end in '.tsv' (lowercase): rename it to load it"))
                } else if name.hasSuffix(".tsv") && isSpecialFile(path) {
                    problems.append(.init(file: path, line: 0, message: "is not a regular file (a pipe, socket or device), not a lexicon file"))
                } else if name.hasSuffix(".tsv") && isDirectory(URL(fileURLWithPath: path)) {
                    problems.append(.init(file: path, line: 0, message: "is a directory, not a lexicon file"))
                }
            }
        }
        for file in tsvFiles(in: directory.appendingPathComponent("entities")) {
            do {
                let (valid, invalid) = try parseEntitiesCollecting(try readText(file), file: file.path)
                entities += valid
                problems += invalid
            } catch { problems += error.problems }
        }
        for file in tsvFiles(in: directory.appendingPathComponent("glosses")) {
            do {
                glosses += try parseGlosses(try readText(file), file: file.path)
            } catch { problems += error.problems }
        }
        var overrides: [LexiconOverride] = []
        for file in tsvFiles(in: directory.appendingPathComponent("overrides")) {
            do {
                overrides += try parseOverrides(try readText(file), file: file.path)
            } catch { problems += error.problems }
        }
        var seen: [String: RecordOrigin] = [:]
        for entity in entities {
            if let first = seen[entity.id] {
                problems.append(.init(file: entity.origin.file, line: entity.origin.line, message: "duplicate id '\(entity.id)' (first defined at \(first))"))
            } else {
                seen[entity.id] = entity.origin
            }
        }
        var seenOverrides: [String: RecordOrigin] = [:]
        for override in overrides {
            if let first = seenOverrides[override.id] {
                problems.append(.init(file: override.origin.file, line: override.origin.line, message: "second override of id '\(override.id)' (first at \(first))"))
            } else {
                seenOverrides[override.id] = override.origin
            }
        }
        if !problems.isEmpty { throw LexiconError(problems: problems) }
        var lexicon = Lexicon(entities: entities, glosses: glosses)
        lexicon.pendingOverrides = overrides
        return lexicon
    }

    /// Parses and validates the text of one entity file.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the path to name in errors.
    /// - Throws: ``LexiconError`` listing every malformed record.
    public static func parseEntities(_ text: String, file: String) throws(LexiconError) -> [Entity] {
        let (entities, problems) = try parseEntitiesCollecting(text, file: file)
        if !problems.isEmpty { throw LexiconError(problems: problems) }
        return entities
    }

    /// Parses an entity file, returning the valid records together with the problems of the
    /// others (so that later checks, such as duplicate ids, still see the valid ones).
    ///
    /// - Throws: ``LexiconError`` only when the file's header is unusable.
    static func parseEntitiesCollecting(_ text: String, file: String) throws(LexiconError) -> ([Entity], [LexiconError.Problem]) {
        let (table, rowProblems) = try TSVTable.parseCollecting(text, file: file, required: entityRequired, optional: entityColumns.filter { !entityRequired.contains($0) })
        var problems: [LexiconError.Problem] = rowProblems
        var result: [Entity] = []
        for row in table.rows {
            switch entity(fromFields: row.fields, file: file, line: row.line) {
            case .success(let entity): result.append(entity)
            case .failure(let error): problems += error.problems
            }
        }
        return (result, problems.sorted { $0.line < $1.line })
    }

    /// Validates one entity record given as column → field text (as a TSV row or an imported
    /// TBX entry reads), and builds the entity.
    ///
    /// - Returns: the entity, or an error with the record's first problem, naming `file` and `line`.
    static func entity(fromFields fields: [String: String], file: String, line: Int) -> Result<Entity, LexiconError> {
        var validator = FieldValidator(file: file, line: line, fields: fields)
        let id = validator.text("id")
        if !id.isEmpty, !id.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            validator.fail("column 'id': '\(id)' may hold only a-z, 0-9 and '-'")
        }
        let typeText = validator.text("type")
        let kind = Entity.Kind(rawValue: typeText)
        if kind == nil, !typeText.isEmpty {
            validator.fail("column 'type': expected person, organization or place, found '\(typeText)'")
        }
        let canonical = validator.text("canonical")
        let aliases = validator.list("aliases")
        let misspellings = validator.list("misspellings")
        let country = validator.text("country")
        if !country.isEmpty, !CountryCode.isValid(country) {
            validator.fail("column 'country': expected an ISO 3166-1 alpha-2 code such as VE (or INT, or a user-assigned code such as XK), found '\(country)'")
        }
        let context = validator.list("context")
        let source = validator.text("source")
        let glosses = validator.glosses("glosses", names: [canonical] + aliases + misspellings)
        let guards = validator.guards("guards")
        let ambiguous = validator.list("ambiguous")
        let style = validator.style("style")
        if let problem = validator.problems.first { return .failure(LexiconError(problems: [problem])) }
        guard let kind else { return .failure(LexiconError(file: file, line: line, message: "column 'type': must not be empty")) }
        return .success(Entity(
            id: id, kind: kind, canonical: canonical, aliases: aliases, misspellings: misspellings,
            glosses: glosses, country: country, context: context, source: source,
            guards: guards, ambiguous: ambiguous, style: style,
            origin: RecordOrigin(file: file, line: line)))
    }

    /// Validates one gloss record given as column → field text, and builds the gloss.
    static func gloss(fromFields fields: [String: String], file: String, line: Int) -> Result<Gloss, LexiconError> {
        var validator = FieldValidator(file: file, line: line, fields: fields)
        let component = validator.text("component")
        if component.contains(" ") { validator.fail("column 'component': '\(component)' must be a single word") }
        let kindText = validator.text("kind")
        let kind = Gloss.Kind(rawValue: kindText)
        if kind == nil, !kindText.isEmpty {
            validator.fail("column 'kind': expected given, surname or word, found '\(kindText)'")
        }
        let translations = validator.list("translations")
        if translations.isEmpty, validator.problems.isEmpty { validator.fail("column 'translations': must not be empty") }
        let source = validator.text("source")
        if let problem = validator.problems.first { return .failure(LexiconError(problems: [problem])) }
        guard let kind else { return .failure(LexiconError(file: file, line: line, message: "column 'kind': must not be empty")) }
        return .success(Gloss(component: component, kind: kind, translations: translations, source: source,
                              origin: RecordOrigin(file: file, line: line)))
    }

    /// Parses and validates the text of one gloss file.
    ///
    /// - Throws: ``LexiconError`` listing every malformed record.
    public static func parseGlosses(_ text: String, file: String) throws(LexiconError) -> [Gloss] {
        // Rows with a wrong field count are problems, and the other rows are still checked, so
        // that one run reports every malformed record.
        let (table, tableProblems) = try TSVTable.parseCollecting(text, file: file, required: glossColumns, optional: [])
        var problems = tableProblems
        var result: [Gloss] = []
        for row in table.rows {
            switch gloss(fromFields: row.fields, file: file, line: row.line) {
            case .success(let gloss): result.append(gloss)
            case .failure(let error): problems += error.problems
            }
        }
        if !problems.isEmpty { throw LexiconError(problems: problems.sorted { $0.line < $1.line }) }
        return result
    }

    /// Parses and validates the text of one override file (`overrides/*.tsv`).
    ///
    /// - Throws: ``LexiconError`` listing every malformed record.
    public static func parseOverrides(_ text: String, file: String) throws(LexiconError) -> [LexiconOverride] {
        let (table, tableProblems) = try TSVTable.parseCollecting(text, file: file, required: ["id"], optional: overrideColumns.filter { $0 != "id" })
        var problems = tableProblems
        var result: [LexiconOverride] = []
        for row in table.rows {
            var validator = FieldValidator(file: file, line: row.line, fields: row.fields)
            let id = validator.text("id")
            let statusText = validator.text("status", required: false)
            let status = LexiconOverride.Status(rawValue: statusText)
            if status == nil, !statusText.isEmpty {
                validator.fail("column 'status': expected active or disabled, found '\(statusText)'")
            }
            let style = validator.style("style")
            let note = validator.text("note", required: false)
            if status == nil && style == nil && validator.problems.isEmpty {
                validator.fail("an override must set 'status' or 'style'")
            }
            if let problem = validator.problems.first {
                problems.append(problem)
                continue
            }
            result.append(LexiconOverride(id: id, status: status, style: style, note: note,
                                          origin: RecordOrigin(file: file, line: row.line)))
        }
        if !problems.isEmpty { throw LexiconError(problems: problems.sorted { $0.line < $1.line }) }
        return result
    }

    /// The `.tsv` files of a directory in name order; none when it does not exist.
    static func tsvFiles(in directory: URL) -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { $0.hasSuffix(".tsv") && !isHidden($0) }.sorted().map { directory.appendingPathComponent($0) }
            .filter { !isDirectory($0) && !isSpecialFile($0.path) }
    }

    /// Whether a directory entry is hidden (its name starts with a dot) and so never read: an
    /// editor's lock file (`.#people.tsv`), macOS's `._people.tsv`, a `.git` folder.
    static func isHidden(_ name: String) -> Bool { name.hasPrefix(".") }

    /// Whether a path is a pipe, socket or device (after following links), which reading would
    /// block on or misread; a missing path is not special (reading it says so).
    static func isSpecialFile(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        let type = status.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    static func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }

    /// Reads a file as strict UTF-8.
    static func readText(_ url: URL) throws(LexiconError) -> String {
        String(decoding: try readUTF8(url), as: UTF8.self)
    }

    /// Reads a file's bytes, checked to be strict UTF-8.
    static func readUTF8(_ url: URL) throws(LexiconError) -> [UInt8] {
        // A pipe or a device would block or never end.
        if isSpecialFile(url.path) { throw LexiconError(file: url.path, line: 0, message: "cannot read file: not a regular file") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            let reason = !FileManager.default.fileExists(atPath: url.path) ? "no such file"
                : isDirectory(url) ? "is a directory, not a file"
                : !FileManager.default.isReadableFile(atPath: url.path) ? "permission denied"
                : error.localizedDescription
            throw LexiconError(file: url.path, line: 0, message: "cannot read file: \(reason)")
        }
        let bytes = [UInt8](data)
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw LexiconError(file: url.path, line: line, message: "invalid UTF-8 at byte offset \(offset)")
        }
        return bytes
    }
}

/// Collects the problems of one record while its fields are read.
struct FieldValidator {
    /// Characters a lexicon field may not hold: they would be written into the copy unseen.
    /// C0 and C1 controls (tab is the field separator), zero-width and bidirectional formatting
    /// characters, the soft hyphen, the byte-order mark and the replacement character.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x00AD, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064,
             0x2066...0x2069, 0xFEFF, 0xFFFD:
            return true
        default:
            return false
        }
    }

    let file: String
    let line: Int
    let fields: [String: String]
    var problems: [LexiconError.Problem] = []

    init(file: String, line: Int, fields: [String: String]) {
        self.file = file
        self.line = line
        self.fields = fields
    }

    mutating func fail(_ message: String) {
        problems.append(.init(file: file, line: line, message: message))
    }

    /// A required or optional single-value field, checked for stray spaces and NFC.
    mutating func text(_ column: String, required: Bool = true) -> String {
        let value = fields[column] ?? ""
        if value.isEmpty {
            if required { fail("column '\(column)': must not be empty") }
            return value
        }
        check(value, column: column)
        return value
    }

    /// The `guards` field (see ``VariantGuard``); empty when absent or empty.
    mutating func guards(_ column: String) -> [VariantGuard] {
        guard let value = fields[column], !value.isEmpty else { return [] }
        check(value, column: column)
        switch VariantGuard.parseField(value) {
        case .success(let guards): return guards
        case .failure(let error):
            fail("column '\(column)': \(error.message)")
            return []
        }
    }

    /// A house-style field: empty, `accented` or `unaccented`.
    mutating func style(_ column: String) -> NameStyle? {
        let value = text(column, required: false)
        guard !value.isEmpty else { return nil }
        guard let style = NameStyle(rawValue: value) else {
            fail("column '\(column)': expected accented or unaccented, found '\(value)'")
            return nil
        }
        return style
    }

    /// A `|`-separated list field; empty when the column is absent or empty.
    mutating func list(_ column: String) -> [String] {
        guard let value = fields[column], !value.isEmpty else { return [] }
        let items = value.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        for item in items {
            if item.isEmpty { fail("column '\(column)': empty item in '|'-separated list"); continue }
            check(item, column: column)
        }
        return items
    }

    /// The `glosses` field: `Component=translation|translation; Other=translation`.
    mutating func glosses(_ column: String, names: [String]) -> [String: [String]] {
        guard let value = fields[column], !value.isEmpty else { return [:] }
        let nameTokens = Set(names.flatMap { Gazetteer.words(of: $0) })
        var result: [String: [String]] = [:]
        for part in value.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces)
            guard let equals = pair.firstIndex(of: "="), !pair[..<equals].isEmpty else {
                fail("column '\(column)': expected 'Component=translation|translation', found '\(pair)'")
                continue
            }
            let component = String(pair[..<equals])
            let translations = pair[pair.index(after: equals)...].split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if translations.isEmpty || translations.contains(where: \.isEmpty) {
                fail("column '\(column)': empty translation for '\(component)'")
                continue
            }
            if !nameTokens.contains(component) {
                fail("column '\(column)': '\(component)' is not a word of the canonical name, an alias or a misspelling")
                continue
            }
            for translation in translations { check(translation, column: column) }
            result[component, default: []] += translations
        }
        return result
    }

    /// Whether two spaces follow each other (a byte scan; `String.contains` goes through
    /// Foundation and dominated lexicon loading).
    static func hasDoubleSpace(_ value: String) -> Bool {
        var previous: UInt8 = 0
        for byte in value.utf8 {
            if byte == 0x20 && previous == 0x20 { return true }
            previous = byte
        }
        return false
    }

    private mutating func check(_ value: String, column: String) {
        if let problem = FieldValidator.problem(in: value) { fail("column '\(column)': \(problem)") }
    }

    /// What is wrong with one field value or list item, or `nil`: an invisible or control
    /// character, leading, trailing or double spaces, or text that is not NFC.
    static func problem(in value: String) -> String? {
        if let bad = value.unicodeScalars.first(where: FieldValidator.isForbidden) {
            let code = String(bad.value, radix: 16, uppercase: true)
            return "'\(value.debugDescription.dropFirst().dropLast())' contains the invisible or control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)"
        } else if value.first == " " || value.last == " " {
            return "'\(value)' has leading or trailing spaces"
        } else if FieldValidator.hasDoubleSpace(value) {
            return "'\(value)' has a double space"
        } else if !value.utf8.allSatisfy({ $0 < 0x80 }),  // ASCII is always NFC: no ICU call
                  let normalized = try? Normalizer.isNormalized(value, form: .nfc), !normalized {
            return "'\(value)' is not in Unicode NFC"
        }
        return nil
    }
}
