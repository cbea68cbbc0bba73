import ArgumentParser
import Foundation
import Wirefix

/// `wirefix lexicon import FILE.tbx --to DIR`: a TBX file as a lexicon directory.
struct LexiconImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a TBX (TBX-Basic) file into a lexicon directory.",
        discussion: """
            Writes DIR/entities/NAME.tsv (and DIR/glosses/NAME.tsv when the file holds Wirefix \
            gloss entries), NAME being the TBX file's name without its extension, atomically; \
            existing files are replaced only with --force. From each concept entry's English \
            language section: the first preferred term is the canonical name; other preferred, \
            admitted and superseded terms are aliases; deprecated terms are misspellings (calques \
            that 'wirefix lexicon export' marked are regenerated, not imported). Entries from \
            other tools take --type, --country and --source where they say nothing. Every entry \
            is validated as a lexicon line; problems name the TBX file and line.
            """)

    @Argument(help: "The TBX file to read.", completion: .file(extensions: ["tbx", "xml"]))
    var file: String

    @Option(name: .customLong("to"), help: ArgumentHelp("The lexicon directory to write into (created when missing).", valueName: "directory"),
            completion: .directory)
    var directory: String

    @Option(help: ArgumentHelp("The type of entries that do not say: person, organization or place.", valueName: "type"))
    var type: String = Entity.Kind.organization.rawValue

    @Option(help: ArgumentHelp("The country of entries that do not say (ISO 3166-1 alpha-2, or INT).", valueName: "code"))
    var country: String = "INT"

    @Option(help: ArgumentHelp("The source of entries that name none (default: 'imported from FILE').", valueName: "text"))
    var source: String?

    @Flag(help: "Replace existing files.")
    var force = false

    func validate() throws {
        if Entity.Kind(rawValue: type) == nil { throw ValidationError("--type must be person, organization or place, not '\(type)'") }
        // Checked once here: otherwise every entry that takes the default reports it.
        if !CountryCode.isValid(country) {
            throw ValidationError("--country must be an ISO 3166-1 alpha-2 code such as VE (or INT, or a user-assigned code such as XK), not '\(country)'")
        }
    }

    func run() throws {
        try execute(in: .process)
    }

    /// Imports the file and writes the lexicon files.
    ///
    /// - Throws: `ExitCode` 2 when the file cannot be read or imported, or a file cannot be
    ///   written.
    func execute(in environment: CommandEnvironment) throws(ExitCode) {
        do throws(CLIError) {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw CLIError("\(file): cannot read: \(FileManager.default.fileExists(atPath: file) ? error.localizedDescription : "No such file or directory")")
            }
            let lexicon: Lexicon
            do {
                lexicon = try TBXInterchange.importLexicon(
                    data, file: file, defaults: .init(kind: Entity.Kind(rawValue: type)!, country: country, source: source))
            } catch { throw CLIError(error.description) }
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            var writes: [(String, String)] = []
            let comment = "Imported from \(FileSystem.baseName(file)) by 'wirefix lexicon import'."
            // Disabled entities keep their record, and an override disables them again (also
            // when this directory is layered over a lexicon that defines them).
            let disabled = lexicon.disabled.map(\.entity)
            writes.append((FileSystem.join(directory, "entities/\(name).tsv"), LexiconWriter.entitiesTSV(lexicon.entities + disabled, comment: comment)))
            if !lexicon.glosses.isEmpty {
                writes.append((FileSystem.join(directory, "glosses/\(name).tsv"), LexiconWriter.glossesTSV(lexicon.glosses, comment: comment)))
            }
            if !lexicon.disabled.isEmpty {
                writes.append((FileSystem.join(directory, "overrides/\(name).tsv"), LexiconWriter.overridesTSV(lexicon.disabled.map(\.by), comment: comment)))
            }
            for (path, _) in writes where !force && FileManager.default.fileExists(atPath: path) {
                throw CLIError("\(path): exists; use --force to replace it")
            }
            for (path, text) in writes {
                try FileSystem.createDirectory((path as NSString).deletingLastPathComponent)
                try OutputWriter.writeAtomically(Array(text.utf8), toPath: path)
            }
            let summary = "imported \(lexicon.entities.count) entit\(lexicon.entities.count == 1 ? "y" : "ies")"
                + (disabled.isEmpty ? "" : " (and \(disabled.count) disabled)")
                + " and \(lexicon.glosses.count) gloss\(lexicon.glosses.count == 1 ? "" : "es") into \(directory)\n"
            try environment.writeStandardOutput(Array(summary.utf8))
        } catch {
            environment.reportError(error.message)
            throw ExitCode.runtimeFailure
        }
    }
}
