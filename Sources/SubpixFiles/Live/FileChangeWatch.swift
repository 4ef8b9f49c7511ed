#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits until a file's directory changes, or a timeout passes.
///
/// On Linux it watches the directory with inotify, so a write, a close after
/// writing, or a `rename` over the file (what `os.replace` does) wakes it at
/// once. Elsewhere, or when inotify is unavailable (or `usesInotify` is false),
/// it just sleeps for the timeout: callers compare ``FileSignature``s after
/// every wait either way, so the watch only shortens the delay.
final class FileChangeWatch {
    private var descriptor: Int32 = -1

    /// Whether changes wake the watch early (inotify), rather than each wait sleeping its full timeout.
    var isEventDriven: Bool { descriptor >= 0 }

    init(path: String, usesInotify: Bool = true) {
        #if canImport(Glibc)
        guard usesInotify else { return }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return }
        let events = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_DELETE | IN_ATTRIB
        guard inotify_add_watch(fd, directory, UInt32(events)) >= 0 else {
            close(fd)
            return
        }
        descriptor = fd
        #endif
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Returns after a change in the directory or after `milliseconds`, whichever comes first.
    func wait(milliseconds: Int32) {
        guard descriptor >= 0 else {
            usleep(useconds_t(milliseconds) * 1000)
            return
        }
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, milliseconds) > 0 else { return }
        var events = [UInt8](repeating: 0, count: 4096)
        while read(descriptor, &events, events.count) > 0 {}
    }
}
