import Foundation
import Synchronization

/// The temporary files the library is writing at this moment: the `.NAME.txt.N.tmp` files beside
/// a synthetic corpus and its ground truth, before ``SyntheticCorpus/write(to:options:gazetteer:lexicon:)``
/// renames them into place. A program stopped by a signal can remove them with ``removeAll()``
/// instead of leaving them behind.
///
/// The library records the paths (a file is listed from its creation until it is renamed into
/// place or discarded after an error) but installs no signal handler: that is the program's
/// choice. The `wirefix` command calls ``removeAll()`` when SIGINT, SIGTERM or SIGHUP arrives,
/// from a dispatch source. ``removeAll()`` takes a lock and calls `unlink(2)`, so it must not be
/// called from inside a signal handler itself. Nothing can be done about SIGKILL.
public enum PendingFiles {
    private static let paths = Mutex<Set<String>>([])

    /// Lists a temporary file as being written (a program lists its own the same way: the
    /// `wirefix` command lists the temporary files of its atomic writes).
    public static func add(_ path: String) {
        paths.withLock { _ = $0.insert(path) }
    }

    /// Takes a file off the list (renamed into place, or removed).
    public static func remove(_ path: String) {
        paths.withLock { _ = $0.remove(path) }
    }

    /// The paths of the temporary files being written, sorted.
    public static var current: [String] {
        paths.withLock { $0.sorted() }
    }

    /// Deletes every temporary file being written and empties the list; a file that is already
    /// gone is skipped. Returns how many files were deleted.
    ///
    /// Thread-safe; not async-signal-safe (see the type's discussion).
    @discardableResult
    public static func removeAll() -> Int {
        let taken = paths.withLock { list in
            let all = list
            list.removeAll()
            return all
        }
        return taken.reduce(0) { $0 + (unlink($1) == 0 ? 1 : 0) }
    }
}
