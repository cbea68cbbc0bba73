import Foundation
import Synchronization

/// The temporary files being written at this moment: the library's `.NAME.txt.N.tmp` files beside
/// a synthetic corpus and its ground truth, before ``SyntheticCorpus/write(to:options:gazetteer:lexicon:)``
/// renames them into place, and those a program lists itself (the `wirefix` command's atomic
/// writes and streamed output). A program stopped by a signal can remove them with
/// ``closeAndRemoveAll()`` instead of leaving them behind.
///
/// A file is listed from its creation until it is renamed into place or discarded after an error;
/// ``createTemporary(template:)`` creates and lists in one step, so no file escapes the list. The
/// library installs no signal handler: that is the program's choice. The `wirefix` command calls
/// ``closeAndRemoveAll()`` when SIGINT, SIGTERM or SIGHUP arrives, from a dispatch source, then
/// exits; threads still working create no file after it. It takes a lock and calls `unlink(2)`,
/// so it must not be called from inside a signal handler itself. Nothing can be done about SIGKILL.
public enum PendingFiles {
    /// The listed paths, and whether ``closeAndRemoveAll()`` has run.
    private static let state = Mutex<(paths: Set<String>, closed: Bool)>(([], false))

    /// Lists a temporary file as being written (a program lists its own the same way: the
    /// `wirefix` command lists the temporary files of its atomic writes). After
    /// ``closeAndRemoveAll()`` the file is deleted at once and the calling thread waits for the
    /// process to exit.
    public static func add(_ path: String) {
        let closed = state.withLock { state in
            if !state.closed { state.paths.insert(path) }
            return state.closed
        }
        if closed {
            unlink(path)
            parkUntilExit()
        }
    }

    /// Creates a temporary file from a `mkstemp(3)` template (ending in `XXXXXX`) and lists it,
    /// in one step under the list's lock, so that ``closeAndRemoveAll()`` sees it whenever it
    /// runs. Returns the open descriptor and the path, or `nil` with `errno` set when the file
    /// cannot be created. After ``closeAndRemoveAll()`` creates nothing and waits for the process
    /// to exit.
    public static func createTemporary(template: String) -> (descriptor: Int32, path: String)? {
        var bytes = Array(template.utf8CString)
        let made = state.withLock { state -> Int32? in
            if state.closed { return nil }
            let descriptor = bytes.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            if descriptor >= 0 { state.paths.insert(bytes.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }) }
            return descriptor
        }
        guard let made else { parkUntilExit() }
        guard made >= 0 else { return nil }
        return (made, bytes.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
    }

    /// Takes a file off the list (renamed into place, or removed).
    public static func remove(_ path: String) {
        state.withLock { _ = $0.paths.remove(path) }
    }

    /// The paths of the temporary files being written, sorted.
    public static var current: [String] {
        state.withLock { $0.paths.sorted() }
    }

    /// Deletes every temporary file being written, for a process about to exit; a file that is
    /// already gone is skipped. Returns how many files were deleted. From then on no temporary
    /// file is created or listed (``createTemporary(template:)`` and ``add(_:)`` delete theirs and
    /// wait for the exit), so a thread still working cannot leave one behind after the clean-up.
    ///
    /// Thread-safe; not async-signal-safe (see the type's discussion).
    @discardableResult
    public static func closeAndRemoveAll() -> Int {
        let taken = state.withLock { state in
            let all = state.paths
            state.paths.removeAll()
            state.closed = true
            return all
        }
        return taken.reduce(0) { $0 + (unlink($1) == 0 ? 1 : 0) }
    }

    /// Blocks the calling thread for good: the process is exiting.
    private static func parkUntilExit() -> Never {
        while true { sleep(3600) }
    }
}
