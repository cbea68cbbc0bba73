// wirefix-bench: generates a seeded corpus of wire copy and prints how fast Wirefix cleans it.
//
// Usage: wirefix-bench [--megabytes N] [--seed S] [--runs R] [--cli PATH] [--write FILE]
//   --cli PATH    also time `PATH clean FILE > /dev/null` on the corpus written to a file, and
//                 report the child's peak RSS
//   --write FILE  write the generated corpus to FILE and exit
// Build in release mode for meaningful figures: Scripts/bench.sh does.
import Foundation
import Wirefix

#if canImport(Glibc)
import Glibc
#endif

var megabytes = 20.0
var seed: UInt64 = 42
var runs = 3
var cliPath: String?
var writePath: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--megabytes": megabytes = Double(arguments.popFirst() ?? "") ?? megabytes
    case "--seed": seed = UInt64(arguments.popFirst() ?? "") ?? seed
    case "--runs": runs = max(1, Int(arguments.popFirst() ?? "") ?? runs)
    case "--cli": cliPath = arguments.popFirst()
    case "--write": writePath = arguments.popFirst()
    default:
        FileHandle.standardError.write("usage: wirefix-bench [--megabytes N] [--seed S] [--runs R] [--cli PATH] [--write FILE]\n".data(using: .utf8)!)
        exit(64)
    }
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func peakRSSMegabytes(children: Bool = false) -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t((children ? RUSAGE_CHILDREN : RUSAGE_SELF).rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024 // ru_maxrss is in KiB on Linux
}

/// Runs `wirefix clean file > /dev/null` and returns the wall time in seconds.
func timeCLI(_ path: String, file: String) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = ["clean", file]
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    let start = now()
    try process.run()
    process.waitUntilExit()
    let elapsed = now() - start
    guard process.terminationStatus == 0 else {
        throw ConfigurationError("\(path) clean \(file) exited with \(process.terminationStatus)")
    }
    return elapsed
}

do {
    let loadStart = now()
    let corrector = try Corrector()
    let loadSeconds = now() - loadStart
    let lexicon = try LexiconLoader.load(directories: [try BundledData.lexiconDirectory()])
    var generator = CorpusGenerator(seed: seed, lexicon: lexicon)
    let corpus = generator.generate(bytes: Int(megabytes * 1_000_000))
    if let writePath {
        try corpus.write(toFile: writePath, atomically: true, encoding: .utf8)
        print("wrote \(corpus.utf8.count) bytes to \(writePath)")
        exit(0)
    }
    let paragraphs = corpus.split(separator: "\n\n", omittingEmptySubsequences: false).map(String.init)
    let size = Double(corpus.utf8.count) / 1_000_000

    var timings: [Double] = []
    var applied = 0, suggested = 0
    for _ in 0..<runs {
        applied = 0; suggested = 0
        let start = now()
        for paragraph in paragraphs {
            let result = corrector.correct(paragraph)
            applied += result.corrections.count
            suggested += result.suggestions.count
        }
        timings.append(now() - start)
    }
    timings.sort()
    let median = timings[timings.count / 2]

    // Per-rule time: each rule alone over the same paragraphs (tokenizing is counted once, in
    // "tokenize + gazetteer", since the pipeline shares it between rules).
    var ruleTimes: [(String, Double)] = []
    let documents = paragraphs.map { Document($0) }
    let shared = now()
    for document in documents { _ = corrector.pipeline.context.gazetteerMatches(in: document) }
    ruleTimes.append(("tokenize + gazetteer", now() - shared))
    for rule in corrector.pipeline.rules {
        let start = now()
        for document in documents { _ = rule.corrections(in: document, context: corrector.pipeline.context) }
        ruleTimes.append((rule.identifier, now() - start))
    }
    print("wirefix-bench: \(String(format: "%.1f", size)) MB corpus (seed \(seed)), \(paragraphs.count) paragraphs, \(runs) runs")
    print("  lexicon load:   \(String(format: "%.0f", loadSeconds * 1000)) ms (\(lexicon.entities.count) entities)")
    print("  median time:    \(String(format: "%.2f", median)) s")
    print("  throughput:     \(String(format: "%.2f", size / median)) MB/s (single thread)")
    print("  corrections:    \(applied) applied, \(suggested) suggested")
    print("  peak RSS:       \(String(format: "%.0f", peakRSSMegabytes())) MB (this process, corpus in memory)")
    print("  time per rule (each alone over the corpus):")
    for (rule, seconds) in ruleTimes {
        print("    \(rule.padding(toLength: 26, withPad: " ", startingAt: 0)) \(String(format: "%7.3f", seconds)) s  \(String(format: "%8.1f", size / seconds)) MB/s")
    }
    if let cliPath {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wirefix-bench-\(seed).txt").path
        try corpus.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        var cliTimings: [Double] = []
        for _ in 0..<runs { cliTimings.append(try timeCLI(cliPath, file: file)) }
        cliTimings.sort()
        let cliMedian = cliTimings[cliTimings.count / 2]
        print("  CLI clean FILE: \(String(format: "%.2f", cliMedian)) s median, \(String(format: "%.2f", size / cliMedian)) MB/s, peak RSS \(String(format: "%.0f", peakRSSMegabytes(children: true))) MB")
    }
} catch {
    FileHandle.standardError.write("wirefix-bench: \(error)\n".data(using: .utf8)!)
    exit(2)
}
