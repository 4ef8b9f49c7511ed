import XCTest
import Subpix
import SubpixFiles
import SubpixSession
@testable import SubpixTUI

/// Issue 25, item 8: a flood of 4 MB frames reached 301 MiB under the 256 MiB bound,
/// because the bound counted the kept frames and the frames not yet taken, but not the
/// reader's buffer (grown by doubling, up to twice a frame) nor the frame it decodes.
final class StreamBudgetTests: XCTestCase {
    /// A (1, 1, 250, 300) float32 frame: 300 000 bytes loaded.
    private static let frameBytes = 250 * 300 * 4

    /// The `.npy` bytes of a (1, 1, height, width) float32 array of zeros, written by hand:
    /// magic, version 1.0, the header's length, the header padded with spaces to a
    /// multiple of 64 bytes ending in a newline, then the data.
    private static func npyFrame(height: Int, width: Int) -> [UInt8] {
        var header = Array("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, \(height), \(width)), }".utf8)
        while (10 + header.count + 1) % 64 != 0 { header.append(UInt8(ascii: " ")) }
        header.append(UInt8(ascii: "\n"))
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count & 0xFF), UInt8(header.count >> 8)]
            + header + [UInt8](repeating: 0, count: height * width * 4)
    }

    /// The decoder reserves the array's size and one read once it has the header,
    /// instead of doubling its buffer past the frame: for a 1 100 000-byte frame read
    /// 262 144 bytes at a time, doubling went 262 144 → 524 288 → 1 048 576 → 2 097 152
    /// on the fifth read (1 310 720 bytes), 0.7 MB more than the frame and a read.
    func testTheDecoderHoldsOneFrameAndOneRead() {
        let frame = Self.npyFrame(height: 500, width: 550)
        let stream = Array([[UInt8]](repeating: frame, count: 6).joined())
        let read = NPYStreamSource.readBytes
        var decoder = NPYStreamDecoder(name: "s", maxBytes: 1 << 22, readAhead: read)
        var (offset, frames, largest) = (0, 0, 0)
        while offset < stream.count {
            let end = min(offset + read, stream.count)
            stream[offset..<end].withUnsafeBytes { decoder.append($0) }
            while let item = decoder.next() { if case .frame = item { frames += 1 } }
            largest = max(largest, decoder.reservedBytes)
            offset = end
        }
        XCTAssertEqual(frames, 6)
        // One frame with its header (128 + 1 100 000 bytes) and one read of 262 144, with
        // a page for the allocator's rounding.
        XCTAssertLessThanOrEqual(largest, frame.count + read + 4096)
    }

    /// `--max-bytes 4 MiB`, frames of 300 000 bytes, by hand: the frames not yet taken
    /// hold max(4 194 304 / 16, 300 000) = 300 000; the reader 2 · 300 000 + 2 · 262 144 =
    /// 1 124 288; the ring the rest, 4 194 304 − 300 000 − 1 124 288 = 2 770 016: 9
    /// frames (the old split gave the ring 4 194 304 − 262 144 = 3 932 160, 13 frames,
    /// and the total reached 5.3 MB). A frame may take (4 194 304 − 524 288) / 4 = 917 504.
    func testKeptFramesPlusBuffersStayWithinTheBound() throws {
        let budget = StreamBudget(maxBytes: 4 << 20)
        XCTAssertEqual(budget.frameLimit, 917_504)
        let model = ViewerModel(session: Session(output: { _ in }), colorMode: .xterm256,
                                live: LiveState(source: "heat.fifo", kind: .stream, budget: budget))
        let frame = AnyTensor.float32(Tensor(shape: [1, 1, 250, 300], repeating: 0))
        XCTAssertEqual(frame.byteCount, Self.frameBytes)
        for index in 0..<20 {
            model.update(.live(LiveDelivery(events: [.frame(frame)], time: Date(timeIntervalSince1970: Double(index)))))
            let live = try XCTUnwrap(model.live)
            XCTAssertLessThanOrEqual(live.heldBytes, 4 << 20, "frame \(index + 1)")
        }
        let live = try XCTUnwrap(model.live)
        XCTAssertEqual(budget.readerBytes(frame: Self.frameBytes), 1_124_288)
        XCTAssertEqual(live.ring.maxBytes, 2_770_016)
        XCTAssertEqual(live.ring.frames.count, 9)
        XCTAssertEqual(live.heldBytes, 9 * 300_000 + 300_000 + 1_124_288)
    }
}
