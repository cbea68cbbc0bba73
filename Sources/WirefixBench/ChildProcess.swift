import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a command with its standard input and output redirected to files and measures it with
/// `wait4`: wall time, the child's own CPU time and peak resident set size.
struct ChildProcess {
    /// What one run cost.
    struct Measurement {
        var wallSeconds: Double
        var cpuSeconds: Double
        var peakRSSMegabytes: Double
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `arguments` (the first is an executable path or a name looked up on `PATH`).
    ///
    /// - Throws: ``Failure`` when the command cannot start or exits with a status other than 0
    ///   (or 1, for `grep` finding nothing).
    static func run(_ arguments: [String], input: String = "/dev/null", output: String = "/dev/null",
                    acceptedStatuses: Set<Int32> = [0]) throws -> Measurement {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = now()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
        guard spawned == 0 else { throw Failure(description: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let wall = now() - start
        let exitStatus = (status >> 8) & 0xFF
        guard status & 0x7F == 0, acceptedStatuses.contains(exitStatus) else {
            throw Failure(description: "\(arguments.joined(separator: " ")) failed (status \(status))")
        }
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return Measurement(wallSeconds: wall, cpuSeconds: cpu, peakRSSMegabytes: Double(usage.ru_maxrss) / 1024)
    }

    /// GNU time (Debian package `time`), for peak RSS.
    static let timeCommand = "/usr/bin/time"

    /// Runs `arguments` under GNU time when it is installed, for a true peak RSS: a child spawned
    /// from this large process starts with this process's high-water mark counted as its own
    /// (Linux carries it across exec), while GNU time's own child starts small. CPU time and peak
    /// RSS come from GNU time, wall time from this process.
    static func measured(_ arguments: [String], input: String = "/dev/null", output: String = "/dev/null",
                         acceptedStatuses: Set<Int32> = [0]) throws -> Measurement {
        guard FileManager.default.isExecutableFile(atPath: timeCommand) else {
            return try run(arguments, input: input, output: output, acceptedStatuses: acceptedStatuses)
        }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("wirefix-bench-time-\(getpid()).txt").path
        defer { unlink(report) }
        var result = try run([timeCommand, "-f", "%U %S %M", "-o", report] + arguments, input: input, output: output,
                             acceptedStatuses: acceptedStatuses)
        let fields = ((try? String(contentsOfFile: report, encoding: .utf8)) ?? "")
            .split(separator: "\n").last?.split(separator: " ").compactMap { Double($0) } ?? []
        if fields.count == 3 {
            result.cpuSeconds = fields[0] + fields[1]
            result.peakRSSMegabytes = fields[2] / 1024
        }
        return result
    }

    /// Whether a command is on `PATH`.
    static func exists(_ name: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }
    }
}

/// Monotonic time in seconds.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// CPU time of the calling thread in seconds.
func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
