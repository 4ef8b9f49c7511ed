import Foundation
import SubpixFiles

extension LiveFeed {
    /// What the viewer's loop passes to `update` on this pass: everything that
    /// arrived since the last pass as one ``ViewerEvent/live(_:)`` (so only the
    /// newest frame is computed), else a ``ViewerEvent/tick(_:)`` every half
    /// second (the panel's age), else nothing.
    func viewerEvent(lastEvent: inout Date, now: Date = Date()) -> ViewerEvent? {
        let events = drain()
        if !events.isEmpty {
            lastEvent = now
            return .live(LiveDelivery(events: events, dropped: dropped, bytesSkipped: bytesSkipped, time: now))
        }
        guard now.timeIntervalSince(lastEvent) >= 0.5 else { return nil }
        lastEvent = now
        return .tick(now)
    }
}
