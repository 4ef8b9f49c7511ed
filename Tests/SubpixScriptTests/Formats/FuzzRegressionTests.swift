import Foundation
import XCTest
@testable import SubpixScript

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
