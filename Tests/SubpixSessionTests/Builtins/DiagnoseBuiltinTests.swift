import XCTest
import Subpix
@testable import SubpixSession

/// `diagnose(...)` reads the temperature as the session's kornia release does.
final class DiagnoseBuiltinTests: XCTestCase {
    /// The blob of docs/diagnose.md at T = 1: both releases flag it, and each suggests
    /// a temperature in its own convention — 0.9 divides, so its T is (to the three
    /// digits printed) the reciprocal of 0.7.4's, which multiplies.
    func testTheSuggestionFollowsTheSessionsRelease() throws {
        var suggested: [KorniaVersion: Double] = [:]
        for version in KorniaVersion.allCases {
            let session = Session(kornia: version, output: { _ in })
            let result = try session.execute("diagnose(gaussians(size=(64, 64), peaks=[(12.3, 50.6, 2.0)]))[0][5]")
            guard case .float(let t)? = result else { return XCTFail("\(version): \(String(describing: result))") }
            suggested[version] = t
        }
        let (t07, t09) = (try XCTUnwrap(suggested[.v0_7]), try XCTUnwrap(suggested[.v0_9]))
        XCTAssertGreaterThan(t07, 1, "0.7.4 sharpens with a larger T")
        XCTAssertLessThan(t09, 1, "0.9 sharpens with a smaller T")
        XCTAssertEqual(t09 * t07, 1, accuracy: 0.01)
    }
}
