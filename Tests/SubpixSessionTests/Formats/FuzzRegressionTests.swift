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
