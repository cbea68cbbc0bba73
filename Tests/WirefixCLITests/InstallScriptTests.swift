import Foundation
import Testing
import WirefixTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// `Scripts/install.sh` keeps standard output free: the README's quick start pipes the tool's
/// output right after it. Runs the script with a stand-in `swift` first on `PATH` that prints
/// build progress on standard output, as SwiftPM does, and "builds" a stand-in `wirefix`.
@Suite struct InstallScriptTests {
    @Test(arguments: [false, true])
    func buildOutputGoesToStandardError(_ installing: Bool) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fakeBin = directory.path("fake-bin")
        let products = directory.path("products")
        try FileManager.default.createDirectory(atPath: fakeBin, withIntermediateDirectories: true)
        try directory.write("fake-bin/swift", """
            #!/bin/sh
            for argument in "$@"; do
              if [ "$argument" = --show-bin-path ]; then echo "\(products)"; exit 0; fi
            done
            echo "Building for production..."
            echo "[1/1] Compiling wirefix main.swift"
            mkdir -p "\(products)"
            printf '#!/bin/sh\\necho "ok: stand-in lexicon"\\n' > "\(products)/wirefix"
            chmod +x "\(products)/wirefix"

            """)
        #expect(chmod(directory.path("fake-bin/swift"), 0o755) == 0)
        let script = Fixtures.repositoryRoot.appendingPathComponent("Scripts/install.sh").path
        var arguments = ["PATH=\(fakeBin):\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")", "bash", script,
                         "--scratch-path", directory.path("scratch")]
        if installing { arguments += ["--prefix", directory.path("prefix")] }
        let result = try ExternalProcess.run("/usr/bin/env", arguments)
        #expect(result.status == 0, "\(result.errorText)")
        #expect(result.outputText == "")
        #expect(result.errorText.contains("Building for production...\n[1/1] Compiling wirefix main.swift\n"))
        if installing {
            #expect(result.errorText.contains("ok: stand-in lexicon\n"))
            #expect(FileManager.default.isExecutableFile(atPath: directory.path("prefix/bin/wirefix")))
        } else {
            #expect(result.errorText.contains("install: built \(products)/wirefix"))
        }
    }
}
