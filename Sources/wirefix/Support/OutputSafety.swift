import Foundation

/// Checks, before anything is written, that no file a `clean` run writes is one of its inputs or
/// an original it never read: an `-o` directory that is an input's own directory, an `-o`
/// directory inside a tree that holds stories rather than an earlier run's copies, and a
/// `--report-file` that names an input or a cleaned copy. Each would replace a story without a
/// word (`cat f > f` has the same trap; `sort -o` and GNU `cat` refuse "input file is output
/// file").
///
/// Files are compared by device and inode when they exist (so a symbolic link or `./` in a path
/// changes nothing), and by their resolved directory and name when they do not yet exist.
enum OutputSafety {
    /// The message for the first such clash, or `nil` when the run may go ahead.
    ///
    /// - Parameters:
    ///   - expansion: the inputs, as the collector found them.
    ///   - destination: where the cleaned texts go.
    ///   - reportFile: `--report-file`, if given.
    ///   - collector: how directories are walked (its include and exclude patterns are used to
    ///     read an `-o` directory inside the inputs).
    /// - Complexity: one `stat` per input and per output path, plus a walk of an `-o` directory
    ///   that lies inside an input tree.
    static func problem(
        expansion: InputCollector.Expansion, destination: CleanRunner.Destination, reportFile: String?, collector: InputCollector
    ) -> String? {
        let inputs = expansion.inputs.filter { $0.path != "-" }
        var inputByIdentity: [InputCollector.FileIdentity: String] = [:]
        for input in inputs {
            if let identity = InputCollector.FileIdentity(path: input.path), inputByIdentity[identity] == nil {
                inputByIdentity[identity] = input.path
            }
        }
        var outputs: [String] = []
        switch destination {
        case .directory(let directory):
            for input in inputs {
                let output = FileSystem.join(directory, input.outputName)
                outputs.append(output)
                if let identity = InputCollector.FileIdentity(path: output), let original = inputByIdentity[identity] {
                    return "'\(output)' is the input '\(original)': -o would write over it. Choose an -o directory outside the inputs, "
                        + "or clean in place with --in-place."
                }
            }
            if let skipped = expansion.skippedDirectoryPath, let stray = stray(in: directory, inputs: inputs, collector: collector) {
                return "the -o directory '\(skipped)' lies inside the inputs and holds '\(stray)', which no input is cleaned to: "
                    + "it looks like a story, not a copy from an earlier run, and it would be neither cleaned nor kept apart. "
                    + "Choose an -o directory outside the inputs."
            }
        case .inPlace:
            outputs = inputs.map(\.path)
        case .standardOutput, .discard:
            break
        }
        if let reportFile, reportFile != "-" {
            if let identity = InputCollector.FileIdentity(path: reportFile) {
                if let original = inputByIdentity[identity] {
                    return "--report-file '\(reportFile)' is the input '\(original)': the report would replace it."
                }
                for output in outputs where InputCollector.FileIdentity(path: output) == identity {
                    return "--report-file '\(reportFile)' is the cleaned copy '\(output)': the report would replace it."
                }
            }
            if let report = resolved(reportFile) {
                for output in outputs where resolved(output) == report {
                    return "--report-file '\(reportFile)' is the cleaned copy '\(output)': the report would replace it."
                }
            }
        }
        return nil
    }

    /// A file the collector would take in `directory` whose path below it is no input's output
    /// name, or `nil`.
    private static func stray(in directory: String, inputs: [BatchInput], collector: InputCollector) -> String? {
        var walker = collector
        walker.skippedDirectory = nil
        let names = Set(inputs.map(\.outputName))
        for found in walker.expand([directory]).inputs where !names.contains(found.outputName) {
            return found.path
        }
        return nil
    }

    /// The absolute path with its directory resolved (symbolic links, `.` and `..`); when the
    /// directory does not exist yet, the path made absolute with `.` and `..` removed.
    static func resolved(_ path: String) -> String? {
        let (directory, name) = OutputWriter.split(path)
        guard let real = realpath(directory.isEmpty ? "." : directory, nil) else {
            return URL(fileURLWithPath: path).standardizedFileURL.path
        }
        defer { free(real) }
        return FileSystem.join(String(cString: real), name)
    }
}
