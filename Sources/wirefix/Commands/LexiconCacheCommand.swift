import ArgumentParser
import Foundation
import Wirefix

/// `wirefix lexicon cache`: shows, warms or clears the compiled-lexicon cache.
struct LexiconCacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show, fill or clear the cache of compiled lexicons.",
        discussion: """
            'clean', 'check' and 'eval' open the lexicons from a compiled image cached under a \
            hash of every lexicon file (in $WIREFIX_CACHE_DIR, else $XDG_CACHE_HOME/wirefix, else \
            ~/.cache/wirefix; WIREFIX_CACHE_DIR=off turns it off). Any change to a lexicon file \
            compiles anew on the next run; the bundled English word and name lists' tables are cached \
            there too, keyed by their files' bytes. This command loads the bundled lexicon and the given \
            directories on top of it as 'clean --lexicon' would, compiling and storing the image \
            when it is missing, and prints where the image is, how it was loaded and how long each \
            step took. --clear removes every cached image instead; deleting them is always safe.
            """)

    @Argument(help: ArgumentHelp("User lexicon directories to load on top of the bundled one.", valueName: "directory"),
              completion: .directory)
    var directories: [String] = []

    @Flag(name: .customLong("no-bundled"), help: "Leave the bundled lexicon out.")
    var noBundled = false

    @Flag(help: "Remove every cached image and exit.")
    var clear = false

    func run() throws {
        try execute(in: .process, cache: .standard())
    }

    /// Prints the report.
    ///
    /// - Throws: `ExitCode` 2 when the cache is off, a lexicon cannot be loaded or the cache
    ///   cannot be cleared.
    func execute(in environment: CommandEnvironment, cache: LexiconCache) throws(ExitCode) {
        guard let directory = cache.directory else {
            environment.reportError("the lexicon cache is off (\(LexiconCache.environmentVariable) is empty, 'off' or 'none')")
            throw ExitCode.runtimeFailure
        }
        do throws(CLIError) {
            if clear {
                let removed: Int
                do { removed = try cache.clear() } catch { throw CLIError("\(directory.path): cannot clear: \(error.localizedDescription)") }
                try environment.writeStandardOutput(Array("removed \(removed) cached image\(removed == 1 ? "" : "s") (compiled lexicons and word lists) from \(directory.path)\n".utf8))
                return
            }
            var lexiconDirectories: [URL] = []
            if !noBundled || directories.isEmpty {
                do { lexiconDirectories.append(try BundledData.lexiconDirectory()) } catch { throw CLIError(error.message) }
            }
            lexiconDirectories += directories.map { URL(fileURLWithPath: $0) }
            let report: LexiconCache.LoadReport
            let gazetteer: Gazetteer
            do { (gazetteer, report) = try cache.gazetteer(directories: lexiconDirectories) } catch { throw CLIError(error.description) }
            func milliseconds(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
            var lines = ["cache: \(directory.path)", "key: \(report.sourceKey)"]
            switch report.outcome {
            case .opened(let path):
                lines.append("opened \(path) (\(report.imageBytes) bytes): hashing the sources \(milliseconds(report.hashingSeconds)), opening \(milliseconds(report.openingSeconds))")
            case .compiledAndStored(let path):
                lines.append("compiled and stored \(path) (\(report.imageBytes) bytes): hashing \(milliseconds(report.hashingSeconds)), parsing \(milliseconds(report.parsingSeconds)), compiling \(milliseconds(report.compilingSeconds)), writing \(milliseconds(report.writingSeconds)), opening \(milliseconds(report.openingSeconds))")
            case .compiled(let reason):
                lines.append("compiled, not stored: \(reason)")
            }
            if let rejected = report.rejectedImage { lines.append("cached image not used: \(rejected)") }
            lines.append("entities: \(gazetteer.entities.count)  variants: \(gazetteer.variants.count)")
            lines.append("compiled lexicon images in the cache: \(cache.images().count) (at most \(LexiconCache.maximumImages) are kept, and as many of each word list)")
            try environment.writeStandardOutput(Array((lines.joined(separator: "\n") + "\n").utf8))
        } catch {
            environment.reportError(error.message)
            throw ExitCode.runtimeFailure
        }
    }
}
