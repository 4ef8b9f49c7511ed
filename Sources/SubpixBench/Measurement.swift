import Dispatch

/// Median and minimum wall-clock time of repeated runs of one workload.
public struct Measurement: Sendable, Equatable {
    public var medianMilliseconds: Double
    public var minimumMilliseconds: Double

    /// Times `repetitions` runs of `body` after one untimed warm-up run.
    ///
    /// The median of an even count is the upper middle value, as the kornia
    /// suite takes it (`times[len // 2]`), so both sides summarise alike.
    public static func timing(repetitions: Int, _ body: () throws -> Void) rethrows -> Measurement {
        try body()
        var samples: [Double] = []
        samples.reserveCapacity(repetitions)
        for _ in 0..<max(1, repetitions) {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        samples.sort()
        return Measurement(medianMilliseconds: samples[samples.count / 2], minimumMilliseconds: samples[0])
    }
}
