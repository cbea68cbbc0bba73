// swift-tools-version:6.0
// Wirefix: repairs the damage machine translation does to names and text in news wire copy.
import PackageDescription

let package = Package(
    name: "Wirefix",
    products: [
        .library(name: "Wirefix", targets: ["Wirefix"]),
        .library(name: "WirefixICU", targets: ["WirefixICU"]),
        .executable(name: "wirefix", targets: ["wirefix"]),
        .executable(name: "wirefix-bench", targets: ["WirefixBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // ICU layer: a C shim (the only code that includes <unicode/*.h>) and a Swift API over it.
        .target(
            name: "CICUShim",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        .target(name: "WirefixICU", dependencies: ["CICUShim"]),
        // Lexicon: record format, loader, validation, variant generation, gazetteer matching.
        .target(name: "WirefixLexicon", dependencies: ["WirefixICU"]),
        // Engine: rule protocol, corrections, documents, the pipeline that applies corrections.
        .target(name: "WirefixEngine", dependencies: ["WirefixICU", "WirefixLexicon"]),
        // Rules: one file per rule, registered in BuiltInRules.swift.
        .target(name: "WirefixRules", dependencies: ["WirefixICU", "WirefixLexicon", "WirefixEngine"]),
        // Reports: unified diff, JSON and text.
        .target(name: "WirefixReports", dependencies: ["WirefixEngine"]),
        // The public library: Corrector plus re-exports of the layers.
        .target(
            name: "Wirefix",
            dependencies: ["WirefixICU", "WirefixLexicon", "WirefixEngine", "WirefixRules", "WirefixReports"]
        ),
        // The command-line tool.
        .executableTarget(
            name: "wirefix",
            dependencies: ["Wirefix", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The benchmark: generates a seeded wire-copy corpus and prints MB/s and peak memory.
        .executableTarget(name: "WirefixBench", dependencies: ["Wirefix"]),
        // Shared test helpers: bundled-lexicon context, paths to ../shared, the rule-example runner.
        .target(name: "WirefixTestSupport", dependencies: ["Wirefix"], path: "Tests/WirefixTestSupport"),
        .testTarget(name: "WirefixICUTests", dependencies: ["WirefixICU"]),
        .testTarget(name: "WirefixLexiconTests", dependencies: ["WirefixLexicon"]),
        .testTarget(name: "WirefixEngineTests", dependencies: ["WirefixEngine"]),
        .testTarget(name: "WirefixRulesTests", dependencies: ["Wirefix", "WirefixTestSupport"]),
        .testTarget(name: "WirefixReportsTests", dependencies: ["Wirefix", "WirefixTestSupport"]),
        .testTarget(name: "WirefixTests", dependencies: ["Wirefix", "WirefixTestSupport"]),
        .testTarget(name: "WirefixCLITests", dependencies: ["wirefix", "Wirefix", "WirefixTestSupport"]),
    ]
)
