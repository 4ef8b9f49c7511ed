import Foundation

/// A screen in memory, as ratatui's `TestBackend`: the viewer's whole loop — keys,
/// the compute worker, rendering — runs on it in process, and a test reads back
/// the frames it drew.
///
/// The viewer runs on one thread (``ViewerApp/run(on:shouldStop:)``) while the test,
/// on another, feeds it input and waits for what it expects on the screen:
///
/// ```swift
/// let screen = MemoryScreen(width: 100, height: 32, colorMode: .xterm256)
/// Thread { ViewerApp(session: session).run(on: screen) }.start()
/// screen.type("T")
/// let frame = screen.waitForFrame(timeout: 60) { $0.textPlane.contains("T ÷ 1.25") }
/// screen.type("q")
/// ```
///
/// Input waits in a queue until the loop asks for it, as a terminal's does; every
/// member may be called from any thread.
public final class MemoryScreen: Screen, @unchecked Sendable {
    public let colorMode: ColorMode
    /// Guards everything below and signals each input queued and each frame drawn.
    private let condition = NSCondition()
    private var width: Int
    private var height: Int
    private var queued: [ViewerEvent] = []
    private var newest: CellBuffer?
    private var drawn = 0
    private var interrupted = false

    /// A `width` × `height` screen that shows `colorMode`'s colours.
    public init(width: Int, height: Int, colorMode: ColorMode = .trueColor) {
        self.width = width
        self.height = height
        self.colorMode = colorMode
    }

    public var size: (width: Int, height: Int) { locked { (width, height) } }

    public var now: Date { Date() }

    /// Records `buffer` as the screen's content and wakes whoever waits for a frame.
    public func draw(_ buffer: CellBuffer) {
        locked {
            newest = buffer
            drawn += 1
            condition.broadcast()
        }
    }

    public func nextEvent(timeout milliseconds: Int) -> ViewerEvent? {
        let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
        return locked {
            while queued.isEmpty, condition.wait(until: deadline) {}
            return queued.isEmpty ? nil : queued.removeFirst()
        }
    }

    public func takeInterrupt() -> Bool {
        locked {
            defer { interrupted = false }
            return interrupted
        }
    }

    // MARK: The test's side

    /// Presses Ctrl-C, as the terminal's SIGINT does: a `:` statement running stops.
    public func interrupt() { locked { interrupted = true } }

    /// Queues `events` for the viewer, in order.
    public func send(_ events: ViewerEvent...) {
        locked {
            queued += events
            condition.broadcast()
        }
    }

    /// Queues each character of `text` as a key press.
    public func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }

    /// Makes the screen `width` × `height` and tells the viewer, as a terminal does on SIGWINCH.
    public func resize(width: Int, height: Int) {
        locked {
            self.width = width
            self.height = height
        }
        send(.resize(width: width, height: height))
    }

    /// The last frame drawn; nil before the first.
    public var frame: CellBuffer? { locked { newest } }

    /// How many frames have been drawn.
    public var framesDrawn: Int { locked { drawn } }

    /// Waits until the newest frame satisfies `isReady` (tried on the frame there is
    /// and on each one drawn after it) and returns it; nil when `timeout` seconds
    /// pass first. A frame drawn over before the test looks at it is not tried.
    public func waitForFrame(timeout: TimeInterval, where isReady: (CellBuffer) -> Bool) -> CellBuffer? {
        let deadline = Date().addingTimeInterval(timeout)
        var tried = -1
        while true {
            let (count, candidate) = locked {
                while drawn == tried, condition.wait(until: deadline) {}
                return (drawn, newest)
            }
            if count == tried { return nil }
            tried = count
            if let candidate, isReady(candidate) { return candidate }
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }
}
