import Foundation
import Wirefix

/// Validates lexicon directories for `wirefix lexicon lint`.
enum LexiconLinter {
    /// The result of linting: the merged lexicon's counts, or every problem.
    enum Verdict: Equatable {
        /// Every directory loaded; counts of the merged lexicon (later directories override
        /// entities of earlier ones with the same id).
        case valid(entities: Int, glosses: Int)
        /// What is wrong, in directory, file and line order.
        case invalid([LexiconError.Problem])

        /// `ok: N entities, M glosses`, or one `file:line: message` line per problem.
        var text: String {
            switch self {
            case let .valid(entities, glosses):
                "ok: \(entities) entit\(entities == 1 ? "y" : "ies"), \(glosses) gloss\(glosses == 1 ? "" : "es")\n"
            case .invalid(let problems):
                problems.map { $0.description + "\n" }.joined()
            }
        }
    }

    /// Loads each directory on its own, so that the problems of all of them are reported.
    static func lint(_ directories: [URL]) -> Verdict {
        var lexicon = Lexicon()
        var problems: [LexiconError.Problem] = []
        for directory in directories {
            do throws(LexiconError) {
                lexicon.merge(try LexiconLoader.load(directory: directory))
            } catch {
                problems += error.problems
            }
        }
        if !problems.isEmpty { return .invalid(problems) }
        return .valid(entities: lexicon.entities.count, glosses: lexicon.glosses.count)
    }
}
