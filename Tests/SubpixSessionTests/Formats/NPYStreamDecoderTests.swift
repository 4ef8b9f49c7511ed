import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

/// Streams of consecutive arrays written by NumPy (scripts/make-stream-resources.py),
/// split by the decoder and compared with what the generator recorded.
final class NPYStreamDecoderTests: XCTestCase {
    struct Frame: Decodable { var shape: [Int]; var itemsize: Int; var values: [Double]; var start: Int; var end: Int; var data_start: Int }
    struct Mixed: Decodable { var frames: [Frame] }

    private func mixed() throws -> (bytes: [UInt8], frames: [Frame]) {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: TestResources.path("streams/mixed.npys"))))
        let json = try Data(contentsOf: URL(fileURLWithPath: TestResources.path("streams/mixed.json")))
        return (bytes, try JSONDecoder().decode(Mixed.self, from: json).frames)
    }

    /// Feeds `bytes` in pieces of `chunk` bytes and collects every item.
    private func decode(_ bytes: [UInt8], chunk: Int, maxBytes: Int = 1 << 20) -> (items: [NPYStreamDecoder.Item], decoder: NPYStreamDecoder) {
        var decoder = NPYStreamDecoder(name: "s", maxBytes: maxBytes)
        var items: [NPYStreamDecoder.Item] = []
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + chunk, bytes.count)
            bytes[offset..<end].withUnsafeBytes { decoder.append($0) }
            while let item = decoder.next() { items.append(item) }
            offset = end
        }
        return (items, decoder)
    }

    private func tensors(_ items: [NPYStreamDecoder.Item]) -> [AnyTensor] {
        items.compactMap { if case .frame(let t) = $0 { t } else { nil } }
    }

    private func problems(_ items: [NPYStreamDecoder.Item]) -> [String] {
        items.compactMap { if case .skipped(let e) = $0 { "\(e)" } else { nil } }
    }

    func testConsecutiveArraysOfSeveralDtypesShapesAndVersionsInAnyChunking() throws {
        let (bytes, frames) = try mixed()
        for chunk in [1, 7, 64, 1000, bytes.count] {
            let (items, decoder) = decode(bytes, chunk: chunk)
            XCTAssertEqual(problems(items), [], "chunk \(chunk)")
            let got = tensors(items)
            XCTAssertEqual(got.map(\.shape), frames.map(\.shape), "chunk \(chunk)")
            XCTAssertEqual(got.map(\.doubles), frames.map(\.values), "chunk \(chunk)")
            XCTAssertEqual(got[1].dtype, .float64, "float64 stays float64")
            XCTAssertEqual(decoder.framesDecoded, frames.count)
            XCTAssertNil(decoder.finish(), "a stream ending between arrays is complete")
            XCTAssertEqual(decoder.bufferedBytes, 0)
        }
    }

    func testAStreamCutInsideAHeaderOrInsideTheDataReportsWhereAndKeepsTheFramesBefore() throws {
        let (bytes, frames) = try mixed()
        let third = frames[2]
        let cuts: [(Int, String)] = [
            (third.start + 4, "s: the stream ended inside frame 3's header, after 4 bytes"),
            (third.data_start - 5, "s: the stream ended inside frame 3's header, after \(third.data_start - 5 - third.start) bytes"),
            (third.data_start + 3, "s: the stream ended inside frame 3's data: expected 10 bytes for shape [5], got 3"),
        ]
        for (cut, message) in cuts {
            let (items, decoder) = decode(Array(bytes[0..<cut]), chunk: 5)
            XCTAssertEqual(tensors(items).map(\.doubles), frames[0..<2].map(\.values), "cut at \(cut)")
            XCTAssertEqual(decoder.finish().map { "\($0)" }, message)
        }
    }

    struct Garbage: Decodable {
        enum Event: Decodable {
            case frame(shape: [Int], values: [Double])
            case problem
            init(from decoder: Decoder) throws {
                if let text = try? decoder.singleValueContainer().decode(String.self), text == "problem" { self = .problem; return }
                let frame = try Frame(from: decoder)
                self = .frame(shape: frame.shape, values: frame.values)
            }
            struct Frame: Decodable { var shape: [Int]; var values: [Double] }
        }
        var events: [Event]
    }

    func testGarbageBytesAndAnUnsupportedDtypeAreReportedOnceAndTheStreamResynchronises() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: TestResources.path("streams/garbage.npys"))))
        let want = try JSONDecoder().decode(Garbage.self, from: Data(contentsOf: URL(fileURLWithPath: TestResources.path("streams/garbage.json")))).events
        for chunk in [1, 3, 4096] {
            let (items, decoder) = decode(bytes, chunk: chunk)
            XCTAssertEqual(items.count, want.count, "chunk \(chunk): \(problems(items))")
            for (item, expected) in zip(items, want) {
                switch (item, expected) {
                case (.frame(let t), .frame(let shape, let values)):
                    XCTAssertEqual(t.shape, shape)
                    XCTAssertEqual(t.doubles, values)
                case (.skipped, .problem): break
                default: XCTFail("chunk \(chunk): got \(item), expected \(expected)")
                }
            }
            XCTAssertNil(decoder.finish())
            // make-stream-resources.py writes "this is not an array\n" (21 bytes), a cut magic
            // "\x93NU" (3) and a whole complex64 array, refused at its header (np.save: 128 + 3 × 8 = 152).
            XCTAssertEqual(decoder.bytesSkipped, 21 + 3 + 152, "chunk \(chunk)")
        }
        let messages = problems(decode(bytes, chunk: 4096).items)
        XCTAssertEqual(messages[0], "s: frame 2: expected the .npy magic \\x93NUMPY, got bytes 74 68 69 73 20 69 without it")
        XCTAssertEqual(messages[2], "s: frame 6: unsupported dtype '<c8'; expected float16/32/64, int8–64, uint8–64 or bool")
    }

    func testFramesOverTheMemoryLimitAreSkippedWithoutBufferingTheirData() throws {
        let (bytes, frames) = try mixed()
        let limit = 40
        // What the limit means (ReadLimits): elements × max(itemsize, 4) loaded bytes.
        let fits = frames.map { $0.shape.reduce(1, *) * max($0.itemsize, 4) <= limit }
        XCTAssertEqual(fits.filter { $0 }.count, 5, "the generator's frames straddle the limit")
        for chunk in [1, 16, bytes.count] {
            var decoder = NPYStreamDecoder(name: "s", maxBytes: limit)
            var items: [NPYStreamDecoder.Item] = []
            var largestBuffer = 0
            for offset in stride(from: 0, to: bytes.count, by: chunk) {
                bytes[offset..<min(offset + chunk, bytes.count)].withUnsafeBytes { decoder.append($0) }
                largestBuffer = max(largestBuffer, decoder.bufferedBytes)
                while let item = decoder.next() { items.append(item) }
            }
            XCTAssertEqual(tensors(items).map(\.doubles), zip(frames, fits).filter(\.1).map(\.0.values), "chunk \(chunk)")
            XCTAssertEqual(problems(items).first, "s: frame 1: shape [3, 4] needs more than the 40-byte limit (raise it with --max-bytes or SUBPIX_MAX_BYTES)")
            XCTAssertEqual(problems(items).count, 3)
            if chunk == 1 {
                // A refused frame's 192 data bytes (frame 2) never sit in the buffer: only headers do.
                XCTAssertLessThan(largestBuffer, 192 + 1, "chunk \(chunk)")
                XCTAssertLessThanOrEqual(largestBuffer, frames.map { $0.data_start - $0.start }.max()! + 40)
            }
            XCTAssertNil(decoder.finish())
        }
    }
}
