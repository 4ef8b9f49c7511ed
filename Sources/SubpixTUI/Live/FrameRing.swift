import Foundation
import Subpix

/// The last frames of a live source, oldest first, kept while their bytes fit
/// a budget (`subpix view --max-bytes`, 256 MiB by default): a new frame
/// pushes out the oldest ones it needs room for.
///
/// Frames are numbered from 1 in the order they arrived, so a number still
/// names the same frame after older ones were pushed out.
///
/// ```swift
/// var ring = FrameRing(maxBytes: 256 << 20)
/// ring.append(tensor, arrival: Date())
/// ring.latest?.number      // 1
/// ```
public struct FrameRing: Sendable {
    public struct Frame: Sendable {
        /// 1 for the first frame received, 2 for the next, ...
        public var number: Int
        public var tensor: AnyTensor
        public var arrival: Date
    }

    public static let defaultMaxBytes = 256 << 20

    /// The byte budget of the kept frames (the live viewer lowers it as larger frames
    /// arrive: `LiveState.admit`); the next ``append(_:arrival:)`` keeps to it.
    public internal(set) var maxBytes: Int
    /// The kept frames, oldest first.
    public private(set) var frames: [Frame] = []
    /// The bytes the kept frames take.
    public private(set) var bytes = 0
    /// Frames received since the start (kept or pushed out).
    public private(set) var received = 0

    public init(maxBytes: Int = FrameRing.defaultMaxBytes) {
        self.maxBytes = maxBytes
    }

    public var latest: Frame? { frames.last }

    /// Keeps `tensor` as the newest frame, pushing out the oldest frames that
    /// no longer fit beside it (a frame larger than the whole budget is kept alone).
    public mutating func append(_ tensor: AnyTensor, arrival: Date) {
        let size = tensor.byteCount
        var dropped = 0
        var remaining = bytes
        while dropped < frames.count && remaining + size > maxBytes {
            remaining -= frames[dropped].tensor.byteCount
            dropped += 1
        }
        frames.removeFirst(dropped)
        bytes = remaining + size
        received += 1
        frames.append(Frame(number: received, tensor: tensor, arrival: arrival))
    }

    /// The kept frame with this number, if it is still kept.
    public func frame(number: Int) -> Frame? {
        guard let first = frames.first, number >= first.number, number <= received else { return nil }
        return frames[number - first.number]
    }

    /// The frames up to and including `number`, at most `count` of them, oldest first.
    public func frames(endingAt number: Int, count: Int) -> ArraySlice<Frame> {
        guard let first = frames.first, number >= first.number else { return [] }
        let end = min(number - first.number + 1, frames.count)
        return frames[max(0, end - count)..<end]
    }
}
