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
}
