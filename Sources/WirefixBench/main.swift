// wirefix-bench: generates a seeded wire corpus and a large synthetic lexicon, then measures
// Wirefix against peers on the same input and prints the figures (median of the runs).
//
// Usage: wirefix-bench [--megabytes N] [--entities N] [--seed S] [--runs R] [--cli PATH]
//                      [--work DIR] [--rules-megabytes N] [--write FILE]
//   --megabytes N        corpus size (default 100)
//   --entities N         generated entities added to the bundled lexicon (default 100000; 0: none)
//   --cli PATH           the wirefix executable to time (default: the one beside this program)
//   --work DIR           where the corpus, lexicon and outputs go (default /tmp/wirefix-bench)
//   --rules-megabytes N  how much of the corpus the in-process per-rule breakdown reads (default 10)
//   --write FILE         only write the generated corpus to FILE and exit
// Build in release mode for meaningful figures: Scripts/bench.sh does.
import Foundation
import Wirefix

#if canImport(Glibc)
import Glibc
#endif

var megabytes = 100.0
var entityCount = 100_000
var seed: UInt64 = 42
nonisolated(unsafe) var runs = 3
var cliPath: String?
var workPath = "/tmp/wirefix-bench"
var rulesMegabytes = 10.0
var writePath: String?
var arguments = CommandLine.arguments.dropFirst()
let usage = "usage: wirefix-bench [--megabytes N] [--entities N] [--seed S] [--runs R] [--cli PATH] [--work DIR] [--rules-megabytes N] [--write FILE]\n"
while let argument = arguments.popFirst() {
    switch argument {
    case "--megabytes": megabytes = Double(arguments.popFirst() ?? "") ?? megabytes
    case "--entities": entityCount = Int(arguments.popFirst() ?? "") ?? entityCount
    case "--seed": seed = UInt64(arguments.popFirst() ?? "") ?? seed
    case "--runs": runs = max(1, Int(arguments.popFirst() ?? "") ?? runs)
    case "--cli": cliPath = arguments.popFirst()
    case "--work": workPath = arguments.popFirst() ?? workPath
    case "--rules-megabytes": rulesMegabytes = Double(arguments.popFirst() ?? "") ?? rulesMegabytes
    case "--write": writePath = arguments.popFirst()
    default:
        FileHandle.standardError.write(usage.data(using: .utf8)!)
        exit(64)
    }
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
func say(_ line: String) { FileHandle.standardOutput.write((line + "\n").data(using: .utf8)!) }

/// Runs a command `runs` times; returns the median wall time, median CPU time and the peak RSS.
func measure(_ arguments: [String], input: String = "/dev/null", output: String = "/dev/null",
             acceptedStatuses: Set<Int32> = [0]) throws -> ChildProcess.Measurement {
    var results: [ChildProcess.Measurement] = []
    for _ in 0..<runs { results.append(try ChildProcess.measured(arguments, input: input, output: output, acceptedStatuses: acceptedStatuses)) }
    return ChildProcess.Measurement(wallSeconds: median(results.map(\.wallSeconds)),
                                    cpuSeconds: median(results.map(\.cpuSeconds)),
                                    peakRSSMegabytes: results.map(\.peakRSSMegabytes).max() ?? 0)
}

do {
    let bundledDirectory = try BundledData.lexiconDirectory()
    let bundled = try LexiconLoader.load(directories: [bundledDirectory])
    if let writePath {
        var generator = CorpusGenerator(seed: seed, lexicon: bundled)
        try generator.generate(bytes: Int(megabytes * 1_000_000)).write(toFile: writePath, atomically: true, encoding: .utf8)
        say("wrote \(Int(megabytes * 1_000_000)) bytes to \(writePath)")
        exit(0)
    }
    let work = URL(fileURLWithPath: workPath)
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    let cli = cliPath ?? Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("wirefix").path
    guard FileManager.default.isExecutableFile(atPath: cli) else { throw ConfigurationError("no wirefix executable at \(cli); pass --cli PATH") }

    // 1. The lexicon: bundled plus generated entities.
    let generatedDirectory = work.appendingPathComponent("lexicon-\(seed)-\(entityCount)")
    var lexiconArguments: [String] = []
    if entityCount > 0 {
        _ = try LexiconGenerator.write(count: entityCount, seed: seed, basedOn: bundled, to: generatedDirectory)
        lexiconArguments = ["--lexicon", generatedDirectory.path]
    }
    let lexiconDirectories = [bundledDirectory] + (entityCount > 0 ? [generatedDirectory] : [])
    let lexicon = try LexiconLoader.load(directories: lexiconDirectories)
    // The compiled lexicon: first compile into an empty cache, then the load every later run does.
    let cache = LexiconCache(directory: work.appendingPathComponent("lexicon-cache"))
    try? cache.clear()
    let (_, cold) = try cache.gazetteer(directories: lexiconDirectories)
    let (cachedGazetteer, warm) = try cache.gazetteer(directories: lexiconDirectories)
    // The wirefix processes below open the same cached image.
    setenv(LexiconCache.environmentVariable, cache.directory!.path, 1)
    let corrector = try Corrector(gazetteer: cachedGazetteer, words: try BundledData.englishWordList(), names: try BundledData.englishNameList(),
                                  countries: try BundledData.countryTable(), spanishNames: try BundledData.spanishNameList())
    let gazetteer = corrector.pipeline.context.gazetteer

    // 2. The corpus, written in pieces.
    let corpusPath = work.appendingPathComponent("corpus-\(seed)-\(Int(megabytes))MB.txt").path
    var generator = CorpusGenerator(seed: seed, lexicon: lexicon)
    var sample = ""
    let written = try generator.write(bytes: Int(megabytes * 1_000_000), toFile: corpusPath) { piece in
        if sample.utf8.count < Int(rulesMegabytes * 1_000_000) { sample += piece }
    }
    let size = Double(written) / 1_000_000
    // The same copy with no damage injected: the realistic end (most wire copy is mostly right),
    // where the main corpus, with one injected error every few hundred bytes, is the hard one.
    let undamagedPath = work.appendingPathComponent("undamaged-\(seed)-\(Int(megabytes))MB.txt").path
    var undamagedGenerator = CorpusGenerator(seed: seed, lexicon: lexicon, rates: .none)
    let undamagedWritten = try undamagedGenerator.write(bytes: written, toFile: undamagedPath)
    let undamagedSize = Double(undamagedWritten) / 1_000_000

    // 3. The same variants as fixed strings for grep -F, as the copy would spell them.
    var variantStrings = Set<String>()
    for variant in gazetteer.variants {
        let words = variant.components.map { component -> String in
            switch component.realization {
            case .original: return component.name
            case .deletedNonASCII: return Folding.foldDeletingNonASCII(component.name) ?? component.name
            case .translated(let translation, _): return translation.prefix(1).uppercased() + translation.dropFirst()
            }
        }
        variantStrings.insert(words.joined(separator: " "))
    }
    let variantsPath = work.appendingPathComponent("variants-\(seed)-\(entityCount).txt").path
    try (variantStrings.sorted().joined(separator: "\n") + "\n").write(toFile: variantsPath, atomically: true, encoding: .utf8)

    say("wirefix-bench: \(format(size)) MB corpus (\(generator.injectedEdits) errors injected, one per \(written / max(1, generator.injectedEdits)) bytes), "
        + "seed \(seed), \(lexicon.entities.count) entities (\(entityCount) generated), "
        + "\(gazetteer.variants.count) variants, median of \(runs) runs; load average \(String((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"))")
    say("  lexicon, first compile: parse \(format(cold.parsingSeconds * 1000, 0)) ms, compile \(format(cold.compilingSeconds * 1000, 0)) ms, "
        + "write \(format(cold.writingSeconds * 1000, 0)) ms (\(format(Double(cold.imageBytes) / 1_000_000)) MB image)")
    say("  lexicon, compiled load: \(format(warm.totalSeconds * 1000, 1)) ms (hash the sources \(format(warm.hashingSeconds * 1000, 1)) ms, "
        + "map and check the image \(format(warm.openingSeconds * 1000, 1)) ms)")

    // 4. Startup and load of the CLI: an empty input.
    let emptyPath = work.appendingPathComponent("empty.txt").path
    FileManager.default.createFile(atPath: emptyPath, contents: Data())
    // The CLI keys its cache by its own executable too: let it compile its image once, untimed.
    _ = try? ChildProcess.run([cli, "lexicon", "cache"] + lexiconArguments.filter { $0 != "--lexicon" }, output: "/dev/null")
    let startup = try measure([cli, "clean"] + lexiconArguments + [emptyPath])
    say("  wirefix start + lexicon load (empty input): \(format(startup.wallSeconds * 1000, 0)) ms wall, peak RSS \(format(startup.peakRSSMegabytes, 0)) MB")

    // 5. Throughput, side by side.
    var rows: [(String, ChildProcess.Measurement)] = []
    let clean = try measure([cli, "clean"] + lexiconArguments + [corpusPath], output: work.appendingPathComponent("out.txt").path)
    rows.append(("wirefix clean, 1 job", clean))
    // The same with a report of every correction: the report is made chunk by chunk, so memory
    // stays where it is without one.
    let reported = try measure([cli, "clean", "--report", "json", "--report-file", work.appendingPathComponent("report.json").path]
                                   + lexiconArguments + [corpusPath], output: work.appendingPathComponent("out.txt").path)
    rows.append(("wirefix clean --report json, 1 job", reported))
    let helpPath = work.appendingPathComponent("help.txt").path
    _ = try? ChildProcess.run([cli, "clean", "--help"], output: helpPath)
    if let helpText = try? String(contentsOfFile: helpPath, encoding: .utf8), helpText.contains("--jobs") {
        // Many files: the corpus split into 1 MB pieces at paragraph ends.
        let splitDirectory = work.appendingPathComponent("split-\(seed)-\(Int(megabytes))")
        try? FileManager.default.removeItem(at: splitDirectory)
        try FileManager.default.createDirectory(at: splitDirectory, withIntermediateDirectories: true)
        let data = try Data(contentsOf: URL(fileURLWithPath: corpusPath))
        var start = 0, index = 0
        var files: [String] = []
        while start < data.count {
            var end = min(data.count, start + 1_000_000)
            while end < data.count, !(data[end - 1] == 0x0A && data[end - 2] == 0x0A) { end += 1 }
            let path = splitDirectory.appendingPathComponent(String(format: "part-%05d.txt", index)).path
            FileManager.default.createFile(atPath: path, contents: data[start..<end])
            files.append(path)
            start = end; index += 1
        }
        let outDirectory = work.appendingPathComponent("out-split").path
        for jobs in [1, 2] {
            let batch = try measure([cli, "clean", "--quiet", "--jobs", String(jobs), "-o", outDirectory] + lexiconArguments + files)
            rows.append(("wirefix clean, \(files.count) files, --jobs \(jobs)", batch))
        }
        // One JSON Lines file, a paragraph a record: --jobs splits it into blocks.
        let jsonlPath = work.appendingPathComponent("corpus-\(seed)-\(Int(megabytes))MB.jsonl").path
        var records: [UInt8] = []
        records.reserveCapacity(data.count + data.count / 8)
        var record = 0
        for paragraph in data.split(separator: 0x0A, omittingEmptySubsequences: true) {
            records += Array("{\"id\": \(record), \"text\": \"".utf8)
            for byte in paragraph {
                switch byte {
                case 0x22, 0x5C: records += [0x5C, byte]
                case 0x09: records += [0x5C, 0x74]
                case 0x00..<0x20: records += Array(String(format: "\\u%04x", byte).utf8)
                default: records.append(byte)
                }
            }
            records += Array("\"}\n".utf8)
            record += 1
        }
        FileManager.default.createFile(atPath: jsonlPath, contents: Data(records))
        for jobs in [1, 2] {
            let batch = try measure([cli, "clean", "--quiet", "--jsonl", "--jobs", String(jobs)] + lexiconArguments + [jsonlPath])
            rows.append(("JSON Lines, \(record) records, --jobs \(jobs)", batch))
        }
    }
    rows.append(("grep -F -o -f (\(variantStrings.count) strings)",
                 try measure(["grep", "-F", "-o", "-f", variantsPath, corpusPath], acceptedStatuses: [0, 1])))
    if ChildProcess.exists("uconv") {
        rows.append(("uconv -x any-nfc", try measure(["uconv", "-x", "any-nfc", corpusPath])))
    }
    // Asked without importing it, so that a missing module prints nothing.
    if (try? ChildProcess.run(["python3", "-c", "import importlib.util, sys; sys.exit(importlib.util.find_spec('ftfy') is None)"])) != nil {
        rows.append(("ftfy fix_text, per line", try measure(["python3", "-c", "import sys, ftfy\nfor line in open(sys.argv[1], encoding='utf-8'): sys.stdout.write(ftfy.fix_text(line))", corpusPath])))
    }
    say("  throughput on the \(format(size)) MB corpus (MB/s by wall time; by the command's own CPU time in brackets):")
    func printRows(_ rows: [(String, ChildProcess.Measurement)], size: Double, reference: Double) {
        for (name, result) in rows {
            let rate = size / result.wallSeconds
            say("    \(name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(format(rate).leftPadded(7)) MB/s  [\(format(size / result.cpuSeconds).leftPadded(6)) MB/s CPU]  "
                + "wirefix ÷ this: \(format(reference / rate, 2))×  peak RSS \(format(result.peakRSSMegabytes, 0)) MB")
        }
    }
    printRows(rows, size: size, reference: size / clean.wallSeconds)
    // The undamaged copy, side by side with grep -F on it.
    let undamagedClean = try measure([cli, "clean"] + lexiconArguments + [undamagedPath], output: work.appendingPathComponent("out.txt").path)
    let undamagedGrep = try measure(["grep", "-F", "-o", "-f", variantsPath, undamagedPath], acceptedStatuses: [0, 1])
    say("  throughput on the same copy undamaged, \(format(undamagedSize)) MB:")
    printRows([("wirefix clean, 1 job", undamagedClean), ("grep -F -o -f (\(variantStrings.count) strings)", undamagedGrep)],
              size: undamagedSize, reference: undamagedSize / undamagedClean.wallSeconds)

    // Awkward shapes of input: copy with no line breaks, and one long run of letters (a blob or a
    // hash in the copy), which no rule may take quadratic time over.
    let corpusData = try Data(contentsOf: URL(fileURLWithPath: corpusPath))
    let lineData = Data(corpusData.prefix(2_000_000).map { $0 == 0x0A ? 0x20 : $0 })
    let linePath = work.appendingPathComponent("single-line-2MB.txt").path
    FileManager.default.createFile(atPath: linePath, contents: lineData)
    var generatorState: UInt64 = seed
    let letters = (0..<200_000).map { _ -> UInt8 in
        generatorState = generatorState &* 6364136223846793005 &+ 1442695040888963407
        return 0x61 + UInt8((generatorState >> 33) % 26)
    }
    let blobPath = work.appendingPathComponent("long-token.txt").path
    FileManager.default.createFile(atPath: blobPath, contents: Data(Array("The file held ".utf8) + letters + Array(" and more.\n".utf8)))
    let emptyRun = try measure([cli, "clean"] + lexiconArguments + [emptyPath])
    let lineRun = try measure([cli, "clean"] + lexiconArguments + [linePath])
    let blobRun = try measure([cli, "clean"] + lexiconArguments + [blobPath])
    say("  awkward input (CPU time beyond an empty file's):")
    say("    2.0 MB of the corpus on a single line        \(format(2.0 / max(0.001, lineRun.cpuSeconds - emptyRun.cpuSeconds)).leftPadded(7)) MB/s  peak RSS \(format(lineRun.peakRSSMegabytes, 0)) MB")
    say("    one run of 200,000 letters in a sentence     \(format(max(0, blobRun.cpuSeconds - emptyRun.cpuSeconds) * 1000, 0).leftPadded(7)) ms")

    // 6. Per rule, in process, each alone over the sample's paragraphs (thread CPU time).
    let paragraphs = sample.split(separator: "\n\n", omittingEmptySubsequences: false).map(String.init)
    let sampleSize = Double(sample.utf8.count) / 1_000_000
    var start = threadCPUTime()
    var applied = 0
    for paragraph in paragraphs { applied += corrector.correct(paragraph).corrections.count }
    let whole = threadCPUTime() - start
    say("  in process, per paragraph, \(format(sampleSize)) MB: \(format(sampleSize / whole)) MB/s CPU, \(applied) corrections applied")
    let documents = paragraphs.map { Document($0) }
    start = threadCPUTime()
    for document in documents { _ = corrector.pipeline.context.gazetteerMatches(in: document) }
    say("    \("tokenize + gazetteer".padding(toLength: 26, withPad: " ", startingAt: 0)) \(format(sampleSize / (threadCPUTime() - start)).leftPadded(8)) MB/s")
    for rule in corrector.pipeline.rules {
        start = threadCPUTime()
        for document in documents { _ = rule.corrections(in: document, context: corrector.pipeline.context) }
        say("    \(rule.identifier.padding(toLength: 26, withPad: " ", startingAt: 0)) \(format(sampleSize / (threadCPUTime() - start)).leftPadded(8)) MB/s")
    }
    say("  bench process peak RSS: \(format(Double({ var usage = rusage(); getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage); return usage.ru_maxrss }()) / 1024, 0)) MB")
} catch {
    FileHandle.standardError.write("wirefix-bench: \(error)\n".data(using: .utf8)!)
    exit(2)
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
