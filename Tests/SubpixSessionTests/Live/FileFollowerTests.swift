import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession
import TestSupport

/// Following a file that is replaced atomically (np.save to a temporary name,
/// then os.replace, as AtomicFile does) or written in place.
final class FileFollowerTests: XCTestCase {
    /// The NumPy-written 3×4 float32 grid of the format tests, and its values.
    private func grid() throws -> (bytes: Data, values: [Double]) {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: TestResources.path("formats/f4_le.npy")))
        struct Expected: Decodable { var values: [Double] }
        let json = try Data(contentsOf: URL(fileURLWithPath: TestResources.path("formats/expected.json")))
        return (bytes, try XCTUnwrap(JSONDecoder().decode([String: Expected].self, from: json)["f4_le"]).values)
    }

    /// The same file with its first value changed to `value` (float32, little endian).
    private func version(_ bytes: Data, first value: Float) -> Data {
        var data = bytes
        withUnsafeBytes(of: value.bitPattern.littleEndian) { data.replaceSubrange((data.count - 48)..<(data.count - 44), with: $0) }
        return data
    }

    /// The next event, taken on another thread so a hang fails the test instead of blocking it.
    private func nextEvent(_ source: LiveSource, timeout: TimeInterval = 20) -> LiveEvent? {
        let box = EventBox()
        let done = expectation(description: "an event")
        Thread {
            box.event = source.next()
            done.fulfill()
        }.start()
        if XCTWaiter.wait(for: [done], timeout: timeout) != .completed {
            source.cancel()
            return nil
        }
        return box.event
    }

    private final class EventBox: @unchecked Sendable { var event: LiveEvent? }

    func testEachAtomicReplaceIsOneFrameWithInotifyAndByPolling() throws {
        let (bytes, values) = try grid()
        for usesInotify in [true, false] {
            let path = try scratchDirectory().appendingPathComponent("heat.npy").path
            try AtomicFile.write(bytes, to: path, overwrite: false)
            let follower = try FileFollower(path: path, maxBytes: 1 << 20, usesInotify: usesInotify)
            XCTAssertEqual(follower.isEventDriven, usesInotify)
            guard case .frame(let first)? = nextEvent(follower) else { return XCTFail("the initial version") }
            XCTAssertEqual(first.shape, [1, 1, 3, 4])
            XCTAssertEqual(first.doubles, values)
            for round in 1...10 {
                try AtomicFile.write(version(bytes, first: Float(round)), to: path, overwrite: true)
                guard case .frame(let tensor)? = nextEvent(follower) else { return XCTFail("replace \(round), inotify \(usesInotify)") }
                XCTAssertEqual(tensor.doubles[0], Double(round), "replace \(round), inotify \(usesInotify)")
                XCTAssertEqual(Array(tensor.doubles.dropFirst()), Array(values.dropFirst()))
            }
            follower.cancel()
        }
    }

    func testAHalfWrittenFileIsNeverShownAndABadOneIsReportedOnceThenTheNextGoodVersionShows() throws {
        let (bytes, values) = try grid()
        let path = try scratchDirectory().appendingPathComponent("heat.npy").path
        // Written in place, in two parts: the header and part of the data alone must never become a frame.
        let split = bytes.count - 20
        try bytes.prefix(split).write(to: URL(fileURLWithPath: path))
        let follower = try FileFollower(path: path, maxBytes: 1 << 20)
        let box = EventBox()
        let shown = expectation(description: "a frame")
        Thread {
            // Under load the first part may be reported as a problem before the rest arrives; it is never a frame.
            while let event = follower.next() {
                if case .frame = event {
                    box.event = event
                    break
                }
            }
            shown.fulfill()
        }.start()
        usleep(200_000)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(bytes.suffix(from: split))
        handle.closeFile()
        wait(for: [shown], timeout: 20)
        guard case .frame(let tensor)? = box.event else { return XCTFail("expected the whole file, got \(String(describing: box.event))") }
        XCTAssertEqual(tensor.doubles, values)

        // A version that stays bad is reported once (after the settle time), then the follower waits.
        try AtomicFile.write(Data("not an array".utf8), to: path, overwrite: true)
        guard case .problem(let error)? = nextEvent(follower) else { return XCTFail("expected a problem") }
        XCTAssertEqual("\(error)", "\(path): expected the .npy magic \\x93NUMPY, got a file of 12 bytes without it")
        try AtomicFile.write(version(bytes, first: 7), to: path, overwrite: true)
        guard case .frame(let fixed)? = nextEvent(follower) else { return XCTFail("expected the next good version") }
        XCTAssertEqual(fixed.doubles[0], 7)
        follower.cancel()
    }

    func testAMissingFileIsReportedAndShownWhenItAppears() throws {
        let (bytes, _) = try grid()
        let path = try scratchDirectory().appendingPathComponent("later.npy").path
        let follower = try FileFollower(path: path, maxBytes: 1 << 20)
        guard case .problem(let error)? = nextEvent(follower) else { return XCTFail("expected a problem") }
        XCTAssertEqual("\(error)", "\(path): no such file; waiting for it to appear")
        try AtomicFile.write(bytes, to: path, overwrite: false)
        guard case .frame? = nextEvent(follower) else { return XCTFail("expected the file once it appears") }
        follower.cancel()
        let fifo = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("heat.npy").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertThrowsError(try FileFollower(path: fifo, maxBytes: 1 << 20)) {
            XCTAssertEqual("\($0)", "\(fifo): expected a file that is rewritten, got a FIFO; read it with --stream")
        }
        XCTAssertThrowsError(try FileFollower(path: "heat.bin", maxBytes: 1 << 20)) {
            XCTAssertEqual("\($0)", "heat.bin: unknown file type '.bin'; expected one of .npy, .npz, .pt, .pth, .csv, .txt, .pgm, .png, .json")
        }
    }
}
