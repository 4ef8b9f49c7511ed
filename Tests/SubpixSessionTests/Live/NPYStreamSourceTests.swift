import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession
import TestSupport

/// The stream reader on a FIFO, a regular file and a growing file, fed with
/// the NumPy-written stream of scripts/make-stream-resources.py.
final class NPYStreamSourceTests: XCTestCase {
    private func mixed() throws -> (bytes: Data, frames: [NPYStreamDecoderTests.Frame]) {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: TestResources.path("streams/mixed.npys")))
        let json = try Data(contentsOf: URL(fileURLWithPath: TestResources.path("streams/mixed.json")))
        return (bytes, try JSONDecoder().decode(NPYStreamDecoderTests.Mixed.self, from: json).frames)
    }

    /// The shape `load` gives an array of `shape` (batch and channel axes added below rank 3).
    private func loadShape(_ shape: [Int]) -> [Int] {
        switch shape.count {
        case 1: [1, 1, 1] + shape
        case 2: [1, 1] + shape
        default: shape
        }
    }

    /// Collects events until the source ends (or `limit` events).
    private func events(_ source: LiveSource, limit: Int = 100) -> [LiveEvent] {
        var events: [LiveEvent] = []
        while events.count < limit, let event = source.next() { events.append(event) }
        return events
    }

    func testAFIFOIsReadAsTheWriterWritesAndEndsWhenItCloses() throws {
        let (bytes, frames) = try mixed()
        let directory = try scratchDirectory()
        let fifo = directory.appendingPathComponent("heat.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // Opening does not wait for a writer, and nothing is reported before one comes.
        let source = try NPYStreamSource(path: fifo, maxBytes: 1 << 20)
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            for offset in stride(from: 0, to: bytes.count, by: 100) {
                handle.write(bytes[offset..<min(offset + 100, bytes.count)])
                usleep(2000)
            }
            handle.closeFile()
        }
        writer.start()
        let got = events(source)
        let tensors = got.compactMap { if case .frame(let t) = $0 { t } else { nil } }
        XCTAssertEqual(tensors.map(\.shape), frames.map { loadShape($0.shape) })
        XCTAssertEqual(tensors.map(\.doubles), frames.map(\.values))
        guard case .ended(let count)? = got.last else { return XCTFail("expected the end, got \(String(describing: got.last))") }
        XCTAssertEqual(count, frames.count)
        XCTAssertNil(source.next(), "nothing after the end")
    }

    func testAFIFOWithoutAWriterWaitsAndCanBeCancelled() throws {
        let directory = try scratchDirectory()
        let fifo = directory.appendingPathComponent("idle.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let source = try NPYStreamSource(path: fifo, maxBytes: 1 << 20)
        let done = expectation(description: "next() returns after cancel")
        Thread { if source.next() == nil { done.fulfill() } }.start()
        usleep(300_000)
        source.cancel()
        wait(for: [done], timeout: 10)
    }

    func testARegularFileEndsAtItsEndAndACutFrameIsReportedBeforeTheEnd() throws {
        let (bytes, frames) = try mixed()
        let directory = try scratchDirectory()
        let path = directory.appendingPathComponent("cut.npys").path
        try bytes[0..<(frames[3].data_start + 1)].write(to: URL(fileURLWithPath: path))
        let got = events(try NPYStreamSource(path: path, maxBytes: 1 << 20))
        XCTAssertEqual(got.count, 5)
        guard case .problem(let error) = got[3], case .ended(let count) = got[4] else { return XCTFail("\(got)") }
        XCTAssertEqual("\(error)", "\(path): the stream ended inside frame 4's data: expected 4 bytes for shape [2, 2], got 1")
        XCTAssertEqual(count, 3)
    }

    func testAGrowingFileIsFollowedAsItIsAppendedTo() throws {
        let (bytes, frames) = try mixed()
        let directory = try scratchDirectory()
        let path = directory.appendingPathComponent("growing.npys").path
        try bytes[0..<frames[1].end].write(to: URL(fileURLWithPath: path))
        let source = try NPYStreamSource(path: path, maxBytes: 1 << 20, followsGrowth: true)
        XCTAssertEqual(events(source, limit: 2).count, 2)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(bytes[frames[1].end..<frames[2].end])
        handle.closeFile()
        guard case .frame(let third)? = source.next() else { return XCTFail("expected the appended frame") }
        XCTAssertEqual(third.doubles, frames[2].values)
        source.cancel()
        XCTAssertNil(source.next(), "a followed file does not end; a cancel stops it")
    }

    func testUnopenableStreamsGiveOneLineErrors() throws {
        let directory = try scratchDirectory()
        XCTAssertThrowsError(try NPYStreamSource(path: directory.path, maxBytes: 1 << 20)) {
            XCTAssertEqual("\($0)", "\(directory.path): expected a file, FIFO or pipe of .npy arrays, got a directory")
        }
        let missing = directory.appendingPathComponent("none.fifo").path
        XCTAssertThrowsError(try NPYStreamSource(path: missing, maxBytes: 1 << 20)) {
            XCTAssertEqual("\($0)", "\(missing): cannot open the stream: No such file or directory")
        }
    }
}
