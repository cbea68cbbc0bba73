import Testing
@testable import wirefix

/// The choice of the apply threshold from a calibration sweep.
@Suite struct EvalCalibrationTests {
    @Test func choosesTheLowestThresholdThatStaysAboveTheTarget() {
        let points: [(threshold: Double, precision: Double?)] = [
            (0.5, 0.98), (0.6, 0.996), (0.65, 0.994), (0.7, 0.998), (0.8, 1.0), (0.9, nil), (0.95, 0.9),
        ]
        // 0.65 falls below the target, so 0.6 is not safe although its own precision is; 0.95
        // lies above the calibrated range.
        #expect(EvalCommand.lowestSafeThreshold(points, target: 0.995) == 0.7)
        #expect(EvalCommand.lowestSafeThreshold([(0.9, 0.9)], target: 0.995) == nil)
        #expect(EvalCommand.lowestSafeThreshold(points, target: 0.97) == 0.5)
    }

    @Test func aBucketBelowTheTargetIsNotAdmitted() {
        let points: [(threshold: Double, precision: Double?)] = [(0.6, 0.996), (0.65, 0.998), (0.7, 1.0), (0.8, 1.0)]
        // 0.65 is above the target in total, but the edits it admits (bucket 0.65-0.70) are 3 in 4.
        let buckets: [(lower: Double, precision: Double?)] = [(0.6, 1.0), (0.65, 0.75), (0.7, 1.0), (0.95, 0.5)]
        #expect(EvalCommand.lowestSafeThreshold(points, buckets: buckets, target: 0.995) == 0.7)
        #expect(EvalCommand.lowestSafeThreshold(points, target: 0.995) == 0.6)
    }

    @Test func sweepRunsFrom035To095() {
        #expect(EvalCommand.sweep.first == 0.35)
        #expect(EvalCommand.sweep.last == 0.95)
        #expect(EvalCommand.sweep.count == 13)
    }
}
