import Foundation
import Wirefix

/// The lexicon directories a `wirefix lexicon` subcommand works on, and the bundled data it
/// needs: the bundled `Lexicons/` first (unless left out), then the user directories in order.
struct LexiconWorkspace {
    /// The directories in load order.
    let directories: [URL]
    /// The bundled English word list.
    let words: EnglishWordList
    /// The bundled English name list.
    let names: EnglishNameList

    /// Finds the bundled directory and lists.
    ///
    /// - Parameters:
    ///   - userDirectories: paths given on the command line, loaded after the bundled lexicon.
    ///   - includeBundled: whether the bundled lexicon is the first layer.
    /// - Throws: ``CLIError`` when the bundled data cannot be found or read.
    init(userDirectories: [String], includeBundled: Bool) throws(CLIError) {
        do {
            var directories: [URL] = []
            if includeBundled { directories.append(try BundledData.lexiconDirectory()) }
            directories += userDirectories.map { URL(fileURLWithPath: $0) }
            self.directories = directories
            words = try BundledData.englishWordList()
            names = try BundledData.englishNameList()
        } catch let error as ConfigurationError {
            throw CLIError(error.message)
        } catch {
            throw CLIError(String(describing: error))
        }
    }

    /// Loads the layered lexicon.
    ///
    /// - Throws: ``CLIError`` listing every problem as `file:line: message`.
    func load() throws(CLIError) -> Lexicon {
        do { return try LexiconLoader.load(directories: directories) } catch {
            throw CLIError(error.description)
        }
    }

    /// Loads the layers as ``load()`` does, but leaves out the overrides that name an entity no
    /// layer holds instead of refusing them: a user directory exported or counted without the
    /// bundled lexicon (`--no-bundled`) may disable or restyle bundled entities, and those
    /// overrides have nothing to apply to there.
    ///
    /// - Returns: the lexicon and the overrides left out, in load order.
    /// - Throws: ``CLIError`` listing every other problem as `file:line: message`.
    func loadLeavingOutUnknownOverrides() throws(CLIError) -> (lexicon: Lexicon, leftOut: [LexiconOverride]) {
        var lexicon = Lexicon()
        var leftOut: [LexiconOverride] = []
        for directory in directories {
            do { leftOut += lexicon.merge(try LexiconLoader.load(directory: directory)) } catch {
                throw CLIError(error.description)
            }
        }
        return (lexicon, leftOut)
    }

    /// The warning that names overrides ``loadLeavingOutUnknownOverrides()`` left out, or nil.
    static func leftOutWarning(_ leftOut: [LexiconOverride]) -> String? {
        guard !leftOut.isEmpty else { return nil }
        let places = leftOut.map { "\($0.origin.file):\($0.origin.line) '\($0.id)'" }.joined(separator: ", ")
        return "wirefix: left out \(leftOut.count) override\(leftOut.count == 1 ? "" : "s") of entities the exported directories do not hold (bundled entities, kept only with the bundled lexicon): \(places)\n"
    }
}
