import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Wall-clock and CPU time of each stage of a build (`explainer build --timings`): where a build's time goes, and
/// which stages keep every core busy (CPU time near cores × wall) and which run on one.
///
/// A stage ends when `end(_:)` names it; its times are those since the previous stage ended (or since `init`). CPU
/// time is the whole process's (every thread, user and system).
public final class StageTimings: Sendable {
    public struct Stage: Sendable, Equatable {
        public var name: String
        public var wall: Duration
        public var cpu: Duration
        /// The process's peak resident memory when the stage ended, in kilobytes (0 where unknown).
        public var peakKB: Int = 0
    }

    private let state: Mutex<(stages: [Stage], wall: ContinuousClock.Instant, cpu: Duration)>

    public init() {
        state = Mutex(([], .now, processCPUTime()))
    }

    /// The stages ended so far, in order.
    public var stages: [Stage] { state.withLock { $0.stages } }

    /// Ends the current stage, naming it.
    public func end(_ name: String) {
        let wall = ContinuousClock.now
        let cpu = processCPUTime()
        state.withLock { state in
            state.stages.append(Stage(name: name, wall: wall - state.wall, cpu: cpu - state.cpu, peakKB: processPeakKB()))
            state.wall = wall
            state.cpu = cpu
        }
    }

    /// One line per stage and a total: name, wall and CPU milliseconds, CPU / wall (the cores it kept busy), and the
    /// process's peak resident memory so far.
    public var report: String {
        let stages = stages
        let total = Stage(name: "total", wall: stages.reduce(.zero) { $0 + $1.wall }, cpu: stages.reduce(.zero) { $0 + $1.cpu },
                          peakKB: stages.last?.peakKB ?? 0)
        let width = (stages + [total]).map(\.name.count).max() ?? 0
        return (stages + [total]).map { stage in
            let wall = milliseconds(stage.wall), cpu = milliseconds(stage.cpu)
            let cores = wall > 0 ? cpu / wall : 0
            return stage.name.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  wall " + format(wall) + " ms  cpu " + format(cpu) + " ms  cores " + String(format: "%.2f", cores)
                + "  peak " + format(Double(stage.peakKB) / 1024) + " MB"
        }.joined(separator: "\n")
    }

    private func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    private func format(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return String(repeating: " ", count: max(0, 8 - text.count)) + text
    }
}

/// User and system time of every thread of this process so far.
func processCPUTime() -> Duration {
    var usage = rusage()
    #if os(Linux)
    guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return .zero }
    #else
    guard getrusage(RUSAGE_SELF, &usage) == 0 else { return .zero }
    #endif
    func duration(_ time: timeval) -> Duration { .seconds(time.tv_sec) + .microseconds(time.tv_usec) }
    return duration(usage.ru_utime) + duration(usage.ru_stime)
}

/// The process's peak resident memory so far (`ru_maxrss`), in kilobytes.
func processPeakKB() -> Int {
    var usage = rusage()
    #if os(Linux)
    guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
    return Int(usage.ru_maxrss)
    #else
    guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
    return Int(usage.ru_maxrss) / 1024  // bytes on Darwin
    #endif
}
