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
    /// The name of the file that marks a directory as holding `clean -o` copies: written in an
    /// `-o` directory that lies inside a directory argument, so that a later run knows the
    /// files there are copies, not stories (hidden, so no walk takes it).
    static let copiesMarker = ".wirefix-copies"

    /// What the check found: the message for the first clash (`nil` when the run may go ahead),
    /// and the `-o` directory to mark with ``copiesMarker`` before anything is written.
    struct Verdict {
        var problem: String?
        var directoryToMark: String?
    }

    /// ``Verdict``: the first clash, or `nil`; and the `-o` directory to mark.
    ///
    /// - Parameters:
    ///   - expansion: the inputs, as the collector found them.
    ///   - arguments: the file and directory arguments as given (to tell whether `-o` lies inside
    ///     one of the directories).
    ///   - destination: where the cleaned texts go.
    ///   - reportFile: `--report-file`, if given.
    ///   - collector: how directories are walked.
    static func verdict(
        expansion: InputCollector.Expansion, arguments: [String], destination: CleanRunner.Destination, reportFile: String?,
        collector: InputCollector
    ) -> Verdict {
        if let problem = problem(expansion: expansion, destination: destination, reportFile: reportFile, collector: collector) {
            return Verdict(problem: problem)
        }
        guard case .directory(let directory) = destination, let target = resolved(directory) else { return Verdict() }
        let inside = arguments.contains { argument in
            var info = stat()
            guard argument != "-", stat(argument, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, let root = resolved(argument + "/.") else {
                return false
            }
            let base = root.hasSuffix("/.") ? String(root.dropLast(2)) : root
            return target == base || target.hasPrefix(base == "/" ? "/" : base + "/")
        }
        guard inside else { return Verdict() }
        var info = stat()
        let exists = stat(directory, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        if exists, access(FileSystem.join(directory, copiesMarker), F_OK) != 0 {
            var walker = collector
            walker.skippedDirectory = nil
            if let story = walker.expand([directory]).inputs.first {
                return Verdict(problem: "the -o directory '\(directory)' lies inside the inputs and holds '\(story.path)', which no earlier "
                    + "'clean -o' wrote there (it has no \(copiesMarker) file): it would be neither cleaned nor kept apart, and a copy of "
                    + "the same name would replace it. Choose an -o directory outside the inputs (or, if it holds only copies of an "
                    + "earlier run, create '\(FileSystem.join(directory, copiesMarker))').")
            }
        }
        return Verdict(directoryToMark: directory)
    }

    /// Creates `directory` if needed and writes ``copiesMarker`` in it.
    ///
    /// - Throws: ``CLIError`` naming the directory or the marker.
    static func mark(_ directory: String) throws(CLIError) {
        try FileSystem.createDirectory(directory)
        let path = FileSystem.join(directory, copiesMarker)
        guard access(path, F_OK) != 0 else { return }
        let text = "This directory holds copies written by 'wirefix clean -o'. While this file is here, wirefix takes the files\n"
            + "in it for copies of an earlier run (it skips them when it walks the tree around them, and may replace them).\n"
        try OutputWriter.writeAtomically(Array(text.utf8), toPath: path)
    }

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
