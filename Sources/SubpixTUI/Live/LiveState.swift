import Foundation
import Subpix
import SubpixFiles
import SubpixSession

/// The live side of the viewer (`subpix view --stream`, `--follow`, `-`):
/// the kept frames, which one is shown, and what the source last said.
public struct LiveState: Sendable {
    public enum Kind: Sendable {
        /// Consecutive arrays from a FIFO, pipe, growing file or standard input.
        case stream
        /// A file rewritten by its producer.
        case follow
    }

    /// The last this many frames shown, up to the shown one, make its trails.
    public static let trailLength = 8
    /// The session variable that holds the shown frame: the variable
    /// `subpix run SCRIPT --each-frame` binds, so a script `w` writes runs on every frame.
    public static let variable = "frame"

    /// The source, as the panel names it (a path, or `<stdin>`).
    public let source: String
    public let kind: Kind
    public internal(set) var ring: FrameRing
    /// The number of the frame shown (``FrameRing/Frame/number``); nil before the first.
    public internal(set) var shown: Int?
    /// The shown frame's rank as the stream holds it (the viewer shows a 3D frame as a
    /// volume, `subpix run --each-frame` binds it as it is); nil before the first.
    public internal(set) var shownRank: Int?
    /// Paused: new frames are kept but the shown one stays.
    public internal(set) var paused = false
    /// The stream has ended after this many good frames.
    public internal(set) var ended: Int?
    /// The source's last problem while it is the message shown (a good frame clears both).
    var problem: String?
    /// Frames dropped before the viewer took them (the viewer was slower than the producer).
    public internal(set) var dropped = 0
    /// Bytes between frames that were no part of any, skipped (a producer's stray writes).
    public internal(set) var bytesSkipped = 0
    /// The time of the last delivery or tick, for the age of the newest frame.
    public internal(set) var now = Date()
    /// For each keypoint listed for the shown map, its positions back through the earlier frames, newest first.
    public internal(set) var trails: [[SIMD2<Double>]] = []
    /// The numbers of the frames shown, oldest first (the last few: what trails are made of).
    var shownHistory: [Int] = []
    /// Keypoint positions of the shown map per frame number, for the settings in `trailKey`.
    var trailPoints: [Int: [SIMD2<Double>]] = [:]
    var trailKey: ViewSettings?

    /// How `--max-bytes` is shared between the ring, the frames not yet taken and the reader.
    public let budget: StreamBudget
    /// The largest frame received so far, in bytes as loaded.
    public private(set) var largestFrame = 0

    public init(source: String, kind: Kind, budget: StreamBudget = StreamBudget(maxBytes: FrameRing.defaultMaxBytes)) {
        self.source = source
        self.kind = kind
        self.budget = budget
        ring = FrameRing(maxBytes: budget.ringBytes(largestFrame: 0))
    }

    /// Keeps `tensor` as the newest frame, within the ring's share of the bound for
    /// the largest frame so far (``StreamBudget/ringBytes(largestFrame:)``).
    mutating func admit(_ tensor: AnyTensor, arrival: Date) {
        largestFrame = max(largestFrame, tensor.byteCount)
        ring.maxBytes = budget.ringBytes(largestFrame: largestFrame)
        ring.append(tensor, arrival: arrival)
    }

    /// The most the frames can hold at once, by the accounting of ``budget``: the
    /// kept frames, the frames not yet taken and the reader's working set, for frames
    /// as large as the largest so far; within `budget.maxBytes`.
    public var heldBytes: Int {
        ring.bytes + budget.heldPendingBytes(frame: largestFrame) + budget.readerBytes(frame: largestFrame)
    }

    /// Notes that frame `number` was shown.
    mutating func remember(shown number: Int) {
        shownHistory.removeAll { $0 == number }
        shownHistory.append(number)
        if shownHistory.count > 4 * Self.trailLength { shownHistory.removeFirst(shownHistory.count - 4 * Self.trailLength) }
    }

    /// Seconds since the newest frame arrived.
    public var age: TimeInterval? { ring.latest.map { now.timeIntervalSince($0.arrival) } }

    /// Whether the newest frame is the one shown.
    public var isLive: Bool { !paused && shown == ring.latest?.number }
}

/// What the live source delivered since the viewer last looked: a ``ViewerEvent/live(_:)``.
public struct LiveDelivery: Sendable, Equatable {
    public var events: [LiveEvent]
    /// Frames dropped so far before the viewer took them (``LiveFeed/dropped``).
    public var dropped: Int
    /// Bytes skipped so far between frames (``LiveFeed/bytesSkipped``).
    public var bytesSkipped: Int
    public var time: Date

    public init(events: [LiveEvent], dropped: Int = 0, bytesSkipped: Int = 0, time: Date) {
        self.events = events
        self.dropped = dropped
        self.bytesSkipped = bytesSkipped
        self.time = time
    }
}
