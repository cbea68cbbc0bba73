import ArgumentParser
import Foundation
import Wirefix

/// `wirefix synthesize`: writes a synthetic corpus (damaged text and its ground truth) for `eval`
/// and the benchmark.
struct SynthesizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthesize",
        abstract: "Write a seeded synthetic corpus of damaged wire copy with the ground truth of every change.",
        discussion: """
            Generates clean wire copy about the entities of the lexicons (or takes the paragraphs \
            of --clean FILE), injects damage at the given rates and writes OUTPUT (a .txt file, \
            documents separated by a blank line) and OUTPUT's ground truth beside it \
            (NAME.truth.tsv: one line per change with its UTF-8 byte span, kind, damaged and clean \
            text). 'wirefix eval OUTPUT' scores Wirefix on it per rule and per kind.

            Damage kinds and their rates (--rate KIND=P, repeatable): calque (per name mention, a \
            calque from the gazetteer's glosses), case (per mention, lowercased), diacritic (per \
            mention with accents, accents stripped), name-glue (per mention, the space after it \
            lost), link-glue (per space before a linking word or after a closing parenthesis), \
            debris (per comma or sentence-ending full stop), mojibake (per word with non-ASCII \
            letters or a curly apostrophe, read as Windows-1252) and zero-width (per word, a \
            zero-width character or soft hyphen inside it).

            The same seed, lexicons and options give the same files byte for byte; memory stays \
            constant, so any size up to 10,000 MB can be written. Files are written atomically: \
            to a temporary file beside OUTPUT, renamed into place at the end; on an error, or \
            when SIGINT, SIGTERM or SIGHUP stops the command (exit status 128 + the signal), the \
            temporary files are removed.
            """)

    @Option(help: ArgumentHelp("Size of the damaged text to write, in megabytes (10^6 bytes); at most 10000.", valueName: "mb"))
    var megabytes: Double = 1

    /// The largest --megabytes accepted: ``SyntheticCorpus/maximumBytes`` in megabytes.
    static let maximumMegabytes = Double(SyntheticCorpus.maximumBytes / 1_000_000)

    @Option(help: "The seed of the random choices.")
    var seed: UInt64 = 42

    @Option(name: .customLong("rate"), help: ArgumentHelp(
        "Set the rate of a damage kind, e.g. calque=0.2; repeat for more (kinds: \(DamageRates.names.joined(separator: ", "))).",
        valueName: "kind=p"))
    var rates: [String] = []

    @Option(help: ArgumentHelp("Damage the paragraphs of this clean text (repeated as needed) instead of generated wire copy.", valueName: "file"),
            completion: .file())
    var clean: String?

    @Option(name: .customLong("lexicon"), help: ArgumentHelp(
        "Load this lexicon directory on top of the bundled lexicons; repeat the option to add more.",
        valueName: "directory"), completion: .directory)
    var lexiconDirectories: [String] = []

    @Argument(help: ArgumentHelp("The damaged text to write (NAME.txt); the ground truth goes to NAME.truth.tsv.", valueName: "output"),
              completion: .file())
    var output: String

    mutating func validate() throws {
        guard megabytes.isFinite, megabytes > 0 else { throw ValidationError("--megabytes must be positive, found \(megabytes).") }
        guard megabytes <= Self.maximumMegabytes else {
            throw ValidationError("--megabytes must be at most \(Int(Self.maximumMegabytes)) (10 GB), found \(megabytes).")
        }
        guard output.hasSuffix(".txt") else { throw ValidationError("The output must be a .txt file, found '\(output)'.") }
        _ = try parsedRates()
    }

    /// The rates the options give.
    func parsedRates() throws -> DamageRates {
        var result = DamageRates()
        for item in rates {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]), result.set(parts[0], to: value) else {
                throw ValidationError("--rate '\(item)': expected KIND=P with KIND one of \(DamageRates.names.joined(separator: ", ")) and P between 0 and 1.")
            }
        }
        return result
    }

    func run() throws {
        SignalCleanup.install()
        var options = SyntheticCorpus.Options()
        options.seed = seed
        options.bytes = Int(megabytes * 1_000_000)
        options.rates = try parsedRates()
        if let clean {
            do throws(EvaluationError) {
                options.cleanText = try EvaluationCorpus.readText(clean)
            } catch {
                FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
                throw ExitCode.runtimeFailure
            }
            options.cleanSource = clean
        }
        let lexicon: Lexicon
        do {
            lexicon = try LexiconLoader.load(directories: [try BundledData.lexiconDirectory()] + lexiconDirectories.map { URL(fileURLWithPath: $0) })
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode.runtimeFailure
        }
        do throws(EvaluationError) {
            let summary = try SyntheticCorpus.write(to: output, options: options, gazetteer: Gazetteer(lexicon: lexicon), lexicon: lexicon)
            let changes = summary.changes.keys.sorted().map { "\($0) \(summary.changes[$0]!)" }.joined(separator: ", ")
            print("wrote \(summary.bytes) bytes, \(summary.documents) documents, \(summary.changes.values.reduce(0, +)) changes (\(changes)) to \(output) and \(SyntheticCorpus.truthPath(forText: output))")
        } catch {
            FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
            throw ExitCode.runtimeFailure
        }
    }
}
