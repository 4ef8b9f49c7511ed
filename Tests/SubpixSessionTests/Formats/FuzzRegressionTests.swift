import Foundation
import XCTest
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

/// Inputs the fuzzers (scripts/fuzz.sh) found crashing, now each a one-line error.
final class FuzzRegressionTests: XCTestCase {
    /// A zip64 extra field whose 64-bit size wraps negative made the entry slice invalid (a trap).
    func testZip64SizeThatWrapsNegativeIsAnError() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestResources.path("fuzz-regressions/npz-zip64-negative-size.npz")))
        XCTAssertThrowsError(try NPZ.read(data, path: "x.npz")) { error in
            XCTAssertEqual("\(error)", "x.npz: entry 'second.npy' claims -72057594037927776 bytes, the archive has 203 left")
        }
    }

    /// A pickled float whose bit pattern reads as a negative integer (every negative
    /// number) trapped converting it: FuzzTorch's input, a damaged torch.save archive.
    func testATorchPickleOfANegativeFloatReadsAndTheFuzzersInputIsAnError() throws {
        // pickle.dumps((-2.5, 1e300), protocol=2), as Python 3.11 writes it.
        let bytes: [UInt8] = [0x80, 0x02, 0x47, 0xC0, 0x04, 0, 0, 0, 0, 0, 0, 0x47, 0x7E, 0x37, 0xE4, 0x3C, 0x88, 0x00, 0x75, 0x9C, 0x86, 0x71, 0x00, 0x2E]
        var pickle = TorchPickle(bytes, path: "x.pkl")
        guard case .tuple(let items) = try pickle.load(), items.count == 2, case .float(let first) = items[0], case .float(let second) = items[1] else {
            return XCTFail("expected a pair of floats")
        }
        XCTAssertEqual(first, -2.5)
        XCTAssertEqual(second, 1e300)
        let data = try Data(contentsOf: URL(fileURLWithPath: TestResources.path("fuzz-regressions/pt-negative-binfloat.pt")))
        XCTAssertThrowsError(try TorchFile.read(data, path: "x.pt", maxBytes: 1 << 20)) { error in
            XCTAssertTrue("\(error)".hasPrefix("x.pt: "), "\(error)")
        }
    }
}

/// Hostile compressed archives: a claimed inflated size over the limit is refused before allocating.
final class CompressedArchiveLimitTests: XCTestCase {
    func testAnInflatedSizeOverTheLimitIsRefusedAndBadDeflateIsAnError() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: TestResources.path("formats/compressed.npz")))
        var bomb = original
        // numpy writes zip64 members: the inflated size is the 8 bytes at 4 into the extra field.
        let extra = 30 + Int(bomb[26])
        bomb.replaceSubrange((extra + 4)..<(extra + 12), with: [0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0])   // 2 GiB once inflated
        XCTAssertThrowsError(try NPZ.read(bomb, path: "x.npz", maxBytes: 1 << 20)) {
            XCTAssertEqual("\($0)", "x.npz: entry 'only.npy' inflates to 2147483647 bytes, over the 1048576-byte limit (raise it with --max-bytes or SUBPIX_MAX_BYTES)")
        }
        var corrupt = original
        let start = 30 + Int(corrupt[26]) + Int(corrupt[28]) | Int(corrupt[29]) << 8
        corrupt.replaceSubrange(start..<(start + 8), with: Array(repeating: 0xFF, count: 8))
        XCTAssertThrowsError(try NPZ.read(corrupt, path: "x.npz")) {
            XCTAssertTrue("\($0)".hasPrefix("x.npz: entry 'only.npy' is not valid deflate data"), "\($0)")
        }
    }
}
