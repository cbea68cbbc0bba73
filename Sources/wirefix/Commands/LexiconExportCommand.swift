import ArgumentParser
import Foundation
import Wirefix

/// `wirefix lexicon export`: TBX-Basic, MT-engine glossaries, or the generated variant table.
struct LexiconExportCommand: ParsableCommand {
    /// What to write.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case tbx, csv, tsv, variants
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the lexicon as TBX-Basic, as an MT-engine glossary (CSV or TSV), or as its generated variant table.",
        discussion: """
            tbx: a TBX-Basic document (ISO 30042, DCA style): each entity a concept entry, the \
            canonical name a preferred term, aliases admitted terms, misspellings and generated \
            calques deprecated terms (TBX-Basic's value for terms not to use; --no-calques leaves \
            the calques out), Wirefix fields as 'wirefix:' notes; each shared gloss a concept \
            entry of its own. 'wirefix lexicon import' reads it back unchanged.

            csv, tsv: a two-column glossary without a header, as Google Cloud Translation \
            (unidirectional glossary) and DeepL accept. --pairs es-en (default): names as they \
            stand in source copy to themselves, misspellings to the canonical name, leaving out \
            names made only of ordinary glossed words ("Podemos"); en-en: misspellings and calques \
            to the correct name, leaving out calques that carry a guard or whose every word is \
            a common English word or name ("Paul Married"). The \
            entries left out are counted on standard error.

            variants: every generated variant with its form and guard, as \
            Scripts/generate-variants.sh writes Lexicons/generated/variants.tsv.
            """)

    @Option(help: ArgumentHelp("tbx, csv, tsv or variants.", valueName: "format"))
    var format: Format = .tbx

    @Option(help: ArgumentHelp("For csv and tsv: es-en or en-en.", valueName: "pairs"))
    var pairs: String = GlossaryExport.Pairs.spanishToEnglish.rawValue

    @Flag(name: .customLong("no-calques"), help: "For tbx: leave the generated calques out (misspellings stay).")
    var noCalques = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "path"),
            completion: .file())
    var output: String?

    @Option(name: .customLong("lexicon"), help: ArgumentHelp("A user lexicon directory to load on top of the bundled one (repeatable).", valueName: "directory"),
            completion: .directory)
    var directories: [String] = []

    @Flag(name: .customLong("no-bundled"), help: "Export only the --lexicon directories, without the bundled lexicon.")
    var noBundled = false

    func validate() throws {
        if GlossaryExport.Pairs(rawValue: pairs) == nil {
            throw ValidationError("--pairs must be es-en or en-en, not '\(pairs)'")
        }
        if noBundled && directories.isEmpty {
            throw ValidationError("--no-bundled needs at least one --lexicon directory")
        }
    }

    func run() throws {
        try execute(in: .process)
    }

    /// Writes the export.
    ///
    /// - Throws: `ExitCode` 2 when a lexicon cannot be loaded or the output cannot be written.
    func execute(in environment: CommandEnvironment) throws(ExitCode) {
        do throws(CLIError) {
            let workspace = try LexiconWorkspace(userDirectories: directories, includeBundled: !noBundled)
            let lexicon: Lexicon
            if noBundled {
                let loaded = try workspace.loadLeavingOutUnknownOverrides()
                lexicon = loaded.lexicon
                if let warning = LexiconWorkspace.leftOutWarning(loaded.leftOut) { try environment.writeStandardError(Array(warning.utf8)) }
            } else {
                lexicon = try workspace.load()
            }
            let bytes: [UInt8]
            switch format {
            case .tbx:
                bytes = [UInt8](TBXInterchange.export(lexicon, includeCalques: !noCalques))
            case .csv, .tsv:
                let glossary = GlossaryExport.export(
                    lexicon, pairs: GlossaryExport.Pairs(rawValue: pairs)!, format: format == .csv ? .csv : .tsv,
                    words: workspace.words, names: workspace.names)
                bytes = Array(glossary.text.utf8)
                try environment.writeStandardError(Array("wirefix: \(glossary.pairs.count) pairs written, \(glossary.skipped.count) terms left out\n".utf8))
            case .variants:
                bytes = Array(VariantTable.text(of: lexicon, words: workspace.words, names: workspace.names).utf8)
            }
            if let output {
                try OutputWriter.writeAtomically(bytes, toPath: output)
            } else {
                try environment.writeStandardOutput(bytes)
            }
        } catch {
            environment.reportError(error.message)
            throw ExitCode.runtimeFailure
        }
    }
}
