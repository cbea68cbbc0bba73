import Foundation
import Testing
@testable import WirefixLexicon

/// The compiled-lexicon cache: a hit opens the stored image, any change to the sources compiles
/// anew, and nothing about the cache can make a load fail or go stale.
@Suite struct LexiconCacheTests {
    static let header = "id\ttype\tcanonical\taliases\tmisspellings\tglosses\tcountry\tcontext\tsource"

    func lexicon(_ tree: LexiconTree) throws {
        try tree.write("lex/entities/people.tsv", """
            \(Self.header)
            ve-rander-pena\tperson\tRander Peña\t\t\t\tVE\t\tsrc
            ve-diosdado-cabello\tperson\tDiosdado Cabello\t\t\tDiosdado=God given\tVE\t\tsrc

            """)
        try tree.write("lex/glosses/surnames.tsv", "component\tkind\ttranslations\tsource\nCabello\tsurname\thair\tsrc\n")
    }

    func isOpened(_ outcome: LexiconCache.LoadReport.Outcome) -> Bool {
        if case .opened = outcome { return true }
        return false
    }

    @Test func theSecondLoadOpensTheStoredImage() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        try lexicon(tree)
        let cache = LexiconCache(directory: tree.url("cache"))
        let (first, cold) = try cache.gazetteer(directories: [tree.url("lex")])
        let stored = try #require(cache.path(for: cold.sourceKey)).path
        #expect(cold.outcome == .compiledAndStored(path: stored))
        let (second, warm) = try cache.gazetteer(directories: [tree.url("lex")])
        #expect(warm.outcome == .opened(path: stored))
        #expect(warm.sourceKey == cold.sourceKey)
        #expect(Array(second.entities) == Array(first.entities))
        #expect(second.variants.map(\.foldedTokens) == first.variants.map(\.foldedTokens))
        #expect(second.variants.contains { $0.foldedTokens == ["god", "given", "hair"] })
        #expect(cache.images().map(\.path) == [stored])
    }

    @Test func anyChangeToTheSourcesCompilesAnew() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        try lexicon(tree)
        let cache = LexiconCache(directory: tree.url("cache"))
        let key = try LexiconCache.sourceKey(directories: [tree.url("lex")])
        #expect(try LexiconCache.sourceKey(directories: [tree.url("lex")]) == key)
        // The running executable is part of the key: size, modification time, inode, device.
        #expect(LexiconCache.executableIdentity.count == 5)
        // One byte of one file: a new key, and the new entity is there.
        _ = try cache.gazetteer(directories: [tree.url("lex")])
        try tree.write("lex/glosses/surnames.tsv", "component\tkind\ttranslations\tsource\nCabello\tsurname\thairs\tsrc\n")
        let changed = try LexiconCache.sourceKey(directories: [tree.url("lex")])
        #expect(changed != key)
        let (gazetteer, report) = try cache.gazetteer(directories: [tree.url("lex")])
        #expect(!isOpened(report.outcome))
        #expect(gazetteer.variants.contains { $0.foldedTokens == ["diosdado", "hairs"] })
        // A file added, even one the loader reports as misnamed, and the order of directories.
        try tree.write("lex/overrides/NOTES.TSV", "x")
        #expect(try LexiconCache.sourceKey(directories: [tree.url("lex")]) != changed)
        try tree.write("desk/overrides/o.tsv", "id\tstyle\nve-rander-pena\tunaccented\n")
        #expect(try LexiconCache.sourceKey(directories: [tree.url("lex"), tree.url("desk")])
                != LexiconCache.sourceKey(directories: [tree.url("desk"), tree.url("lex")]))
    }

    @Test func anOverrideChangesTheCompiledEntity() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        try lexicon(tree)
        let cache = LexiconCache(directory: tree.url("cache"))
        let directories = [tree.url("lex"), tree.url("desk")]
        try tree.write("desk/overrides/o.tsv", "id\tstyle\nve-rander-pena\tunaccented\n")
        _ = try cache.gazetteer(directories: directories)
        let (gazetteer, report) = try cache.gazetteer(directories: directories)
        #expect(isOpened(report.outcome))
        #expect(gazetteer.entities.first { $0.id == "ve-rander-pena" }?.style == .unaccented)
        try tree.write("desk/overrides/o.tsv", "id\tstatus\nve-rander-pena\tdisabled\n")
        let (after, _) = try cache.gazetteer(directories: directories)
        #expect(after.entities.map(\.id) == ["ve-diosdado-cabello"])
    }

    @Test func aDamagedOrForeignImageIsReplaced() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        try lexicon(tree)
        let cache = LexiconCache(directory: tree.url("cache"))
        let key = try LexiconCache.sourceKey(directories: [tree.url("lex")])
        let path = try #require(cache.path(for: key))
        for damage in [Data("not an image".utf8), Data()] {
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            try damage.write(to: path)
            let (gazetteer, report) = try cache.gazetteer(directories: [tree.url("lex")])
            #expect(report.outcome == .compiledAndStored(path: path.path))
            #expect(gazetteer.entities.count == 2)
            #expect(isOpened(try cache.gazetteer(directories: [tree.url("lex")]).1.outcome))
        }
        // One byte of a good image changed (a disk fault, a stray write): refused and replaced,
        // never read ("Cabellp" would have been published).
        var good = [UInt8](try Data(contentsOf: path))
        let cabello = Array("Cabello".utf8)
        let at = try #require((0...(good.count - cabello.count)).first { good[$0..<($0 + cabello.count)].elementsEqual(cabello) })
        good[at + 6] = UInt8(ascii: "p")
        try Data(good).write(to: path)
        let (repaired, repairedReport) = try cache.gazetteer(directories: [tree.url("lex")])
        #expect(repairedReport.outcome == .compiledAndStored(path: path.path))
        // Why it was not opened is kept; it was replaced, so there is nothing to warn about.
        #expect(repairedReport.rejectedImage == "\(path.path): invalid compiled lexicon: its checksum does not match its contents (damaged)")
        #expect(repairedReport.cacheProblem == nil && repairedReport.warning == nil)
        #expect(repaired.entities.map(\.canonical) == ["Rander Peña", "Diosdado Cabello"])
        // An image of other sources stored under this key (a copy by hand) is not used either.
        let otherTree = try LexiconTree()
        defer { otherTree.remove() }
        try otherTree.write("lex/entities/people.tsv", "\(Self.header)\nve-other\tperson\tOther Person\t\t\t\tVE\t\tsrc\n")
        try Data(LexiconCompiler.compile(try LexiconLoader.load(directories: [otherTree.url("lex")]),
                                         sourceKey: LexiconSourceKey(high: 1, low: 2))).write(to: path)
        let (gazetteer, report) = try cache.gazetteer(directories: [tree.url("lex")])
        #expect(!isOpened(report.outcome))
        #expect(gazetteer.entities.map(\.id) == ["ve-rander-pena", "ve-diosdado-cabello"])
        #expect(report.rejectedImage == "\(path.path): compiled from other sources (key \(LexiconSourceKey(high: 1, low: 2)), not \(key))")
        // A hit rejects nothing.
        #expect(try cache.gazetteer(directories: [tree.url("lex")]).1.rejectedImage == nil)
    }

    @Test func aCacheThatCannotBeWrittenIsNoError() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        try lexicon(tree)
        // The cache "directory" is a file.
        try tree.write("cache", "a file")
        let cache = LexiconCache(directory: tree.url("cache"))
        let (gazetteer, report) = try cache.gazetteer(directories: [tree.url("lex")])
        guard case .compiled(let reason) = report.outcome else {
            Issue.record("expected a compile that was not stored, got \(report.outcome)")
            return
        }
        let path = try #require(cache.path(for: report.sourceKey)).path
        // The system's words for what is wrong, not Foundation's "could not be completed".
        #expect(reason == "cannot write \(path): Not a directory")
        #expect(report.cacheProblem == reason)
        #expect(gazetteer.entities.count == 2)
        // The warning a command prints: what, the cost, and the way out.
        let warning = try #require(report.warning)
        #expect(warning.hasPrefix("the compiled lexicon cannot be cached (cannot write \(path): Not a directory), so every run parses and compiles it again ("))
        #expect(warning.hasSuffix(" ms this time); set WIREFIX_CACHE_DIR to a writable directory, or to 'off' to compile without caching"))
        // A directory below the file, and a parent that cannot be written (root may write
        // anywhere, so that case is only checked for other users).
        let below = LexiconCache(directory: tree.url("cache").appendingPathComponent("deeper/still"))
        let (_, belowReport) = try below.gazetteer(directories: [tree.url("lex")])
        #expect(belowReport.cacheProblem == "cannot write \(tree.url("cache").path)/deeper/still/lexicon-\(report.sourceKey).wfx: Not a directory")
        if getuid() != 0 {
            try FileManager.default.createDirectory(at: tree.url("locked"), withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: tree.url("locked").path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tree.url("locked").path) }
            let locked = LexiconCache(directory: tree.url("locked").appendingPathComponent("cache"))
            let (_, lockedReport) = try locked.gazetteer(directories: [tree.url("lex")])
            #expect(lockedReport.cacheProblem?.hasSuffix(": Permission denied") == true)
        }
        // Turned off on purpose: no problem, no warning.
        let (_, off) = try LexiconCache.disabled.gazetteer(directories: [tree.url("lex")])
        #expect(off.outcome == .compiled(notStored: "the lexicon cache is off"))
        #expect(off.cacheProblem == nil && off.warning == nil && off.rejectedImage == nil)
    }

    @Test func missingDirectoriesAreCreatedAsMkdirP() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let deep = tree.url("a/b/c").path
        try LexiconCache.createDirectories(deep)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: deep, isDirectory: &isDirectory) && isDirectory.boolValue)
        // Already there: no error.
        try LexiconCache.createDirectories(deep)
        try LexiconCache.createDirectories(tree.url("a").path + "/")
        try tree.write("a/file", "x")
        #expect(throws: CacheWriteError(code: ENOTDIR)) { try LexiconCache.createDirectories(tree.url("a/file").path) }
        #expect(throws: CacheWriteError(code: ENOTDIR)) { try LexiconCache.createDirectories(tree.url("a/file/d").path) }
    }

    /// A compile killed while it wrote its image left Foundation's temporary file in the cache
    /// for good (37.5 MB for the benchmark's lexicon). Images are now written to
    /// `.partial-<pid>-XXXXXX` and renamed; the next store removes the temporary files of
    /// processes that no longer exist, and leaves those of running ones.
    @Test func aStoreRemovesTheTemporaryFilesOfDeadWriters() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        try lexicon(tree)
        // A process id that is surely gone: a child that has exited and been reaped.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let dead = child.processIdentifier
        try tree.write("cache/.partial-\(dead)-abcdef", "half an image")
        try tree.write("cache/.partial-\(getpid())-ghijkl", "being written by this process")
        try tree.write("cache/.partial-x-mnopqr", "not a process id")
        let cache = LexiconCache(directory: tree.url("cache"))
        let (_, report) = try cache.gazetteer(directories: [tree.url("lex")])
        let stored = try #require(cache.path(for: report.sourceKey))
        #expect(report.outcome == .compiledAndStored(path: stored.path))
        let names = try FileManager.default.contentsOfDirectory(atPath: tree.url("cache").path).sorted()
        #expect(names == [".partial-\(getpid())-ghijkl", ".partial-x-mnopqr", stored.lastPathComponent].sorted())
        // The image is readable by others, as an ordinary file written with umask 022.
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: stored.path)[.posixPermissions] as? Int)
        #expect(mode == 0o644)
    }

    @Test func aMalformedLexiconFailsAsWithoutACacheAndStoresNothing() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        try tree.write("lex/entities/people.tsv", "\(Self.header)\nve-x\tpersn\tX Y\t\t\t\tVE\t\tsrc\n")
        let cache = LexiconCache(directory: tree.url("cache"))
        #expect {
            _ = try cache.gazetteer(directories: [tree.url("lex")])
        } throws: { error in
            guard let error = error as? LexiconError else { return false }
            return error.problems.map(\.line) == [2] && error.problems[0].file.hasSuffix("lex/entities/people.tsv")
        }
        #expect(cache.images().isEmpty)
        #expect {
            _ = try cache.gazetteer(directories: [tree.url("missing")])
        } throws: { error in (error as? LexiconError)?.problems.first?.message.contains("no such directory") == true }
    }

    @Test func theCacheKeepsTheNewestImagesAndClears() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let cache = LexiconCache(directory: tree.url("cache"))
        for index in 0..<(LexiconCache.maximumImages + 2) {
            try tree.write("lex\(index)/entities/people.tsv", "\(Self.header)\nve-p\(index)\tperson\tPerson Number\(index)\t\t\t\tVE\t\tsrc\n")
            _ = try cache.gazetteer(directories: [tree.url("lex\(index)")])
        }
        #expect(cache.images().count == LexiconCache.maximumImages)
        #expect(try cache.clear() == LexiconCache.maximumImages)
        #expect(cache.images().isEmpty)
    }

    @Test func theStandardDirectoryFollowsTheEnvironment() {
        #expect(LexiconCache.standard(environment: ["WIREFIX_CACHE_DIR": "/srv/wf", "HOME": "/home/a"]).directory?.path == "/srv/wf")
        #expect(LexiconCache.standard(environment: ["WIREFIX_CACHE_DIR": "off", "HOME": "/home/a"]).directory == nil)
        #expect(LexiconCache.standard(environment: ["WIREFIX_CACHE_DIR": "", "HOME": "/home/a"]).directory == nil)
        #expect(LexiconCache.standard(environment: ["XDG_CACHE_HOME": "/var/cache/a", "HOME": "/home/a"]).directory?.path == "/var/cache/a/wirefix")
        #expect(LexiconCache.standard(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/a"]).directory?.path == "/home/a/.cache/wirefix")
        #expect(LexiconCache.standard(environment: [:]).directory == nil)
    }
}

extension LexiconCacheTests {
    @Test func anUnreadableFileIsReportedByTheLoaderAsWithoutACache() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        try lexicon(tree)
        // A dangling symbolic link named like a lexicon file: unreadable, even for root.
        let link = tree.url("lex/glosses/more.tsv")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: tree.url("nowhere.tsv").path)
        let cache = LexiconCache(directory: tree.url("cache"))
        #expect(throws: LexiconError(file: link.path, line: 0, message: "cannot read file: no such file")) {
            _ = try cache.gazetteer(directories: [tree.url("lex")])
        }
        #expect(cache.images().isEmpty)
    }
}

extension LexiconCacheTests {
    @Test func hiddenFilesAreNotReadAndSpecialFilesAreRefused() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        try lexicon(tree)
        let cache = LexiconCache(directory: tree.url("cache"))
        let key = try LexiconCache.sourceKey(directories: [tree.url("lex")])
        // An editor's lock link and macOS's resource file: not lexicon files, not in the key.
        try FileManager.default.createSymbolicLink(atPath: tree.url("lex/entities/.#people.tsv").path, withDestinationPath: "root@host.123:456")
        try tree.write("lex/entities/._people.tsv", "\u{0}\u{5}\u{16}\u{7}binary")
        #expect(try LexiconCache.sourceKey(directories: [tree.url("lex")]) == key)
        let (gazetteer, _) = try cache.gazetteer(directories: [tree.url("lex")])
        #expect(gazetteer.entities.count == 2)
        // A named pipe would block a reader forever: refused, by name.
        let fifo = tree.url("lex/glosses/pipe.tsv").path
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(throws: LexiconError(file: fifo, line: 0, message: "is not a regular file (a pipe, socket or device), not a lexicon file")) {
            _ = try cache.gazetteer(directories: [tree.url("lex")])
        }
    }
}
