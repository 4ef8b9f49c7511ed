import XCTest
import Subpix
import SubpixSession
@testable import SubpixTUI
import TestSupport

/// The side panel says what the temperature does in the session's kornia release:
/// `T ÷` where it divides, `T ×` where it multiplies (kornia 0.7's whole-map
/// soft-argmax), and a note when the release is not the default.
final class KorniaReleasePanelTests: XCTestCase {
    /// The side panel of a session in `version` showing `spatial_soft_argmax2d`, one line per row.
    private func panel(_ version: KorniaVersion) throws -> String {
        let session = Session(kornia: version, output: { _ in })
        try session.execute("heat = gaussians(size=(24, 24), peaks=[(8.3, 14.6, 2.0)])\nview.method = \"spatial_soft_argmax2d\"")
        let model = ViewerModel(session: session, colorMode: .xterm256, size: (100, 32), outputDirectory: try scratchDirectory("subpix-release"))
        model.showsTimings = false
        return Renderer().render(model).textPlane.split(separator: "\n")
            .map { String($0.dropFirst(model.layout.panelX)).trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
    }

    func testTheTemperatureSignFollowsTheRelease() throws {
        let (old, new) = (try panel(.v0_7), try panel(.v0_9))
        XCTAssertTrue(old.contains("T × 1"), old)
        XCTAssertTrue(new.contains("T ÷ 1"), new)
    }

    func testAnotherReleaseThanTheDefaultSaysWhereItsTemperatureDiffers() throws {
        let other = KorniaVersion.allCases.first { $0 != .default }!
        let note = other == .v0_7 ? "kornia 0.7: T multiplies in\nspatial_soft_argmax2d" : "kornia 0.9: T divides in\nspatial_soft_argmax2d"
        let (otherPanel, defaultPanel) = (try panel(other), try panel(.default))
        XCTAssertTrue(otherPanel.contains(note), otherPanel)
        XCTAssertFalse(defaultPanel.contains("kornia 0."), defaultPanel)
    }
}

/// The view a session computes from carries the session's release.
final class KorniaReleaseViewTests: XCTestCase {
    func testTheViewCarriesTheSessionsRelease() {
        for version in KorniaVersion.allCases {
            let view = Session(kornia: version, output: { _ in }).view
            XCTAssertEqual(view.kornia, version)
            XCTAssertEqual(view.keypointSettings(minValue: nil).version, version, "the keypoint methods run in it")
        }
    }
}
