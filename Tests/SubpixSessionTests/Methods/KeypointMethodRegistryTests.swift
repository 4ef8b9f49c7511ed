import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

/// The keypoint-method registry against the rest of the script layer: what a
/// method says of itself must name real builtins and view fields, and the script
/// a method writes must select that method again when the viewer follows it.
final class KeypointMethodRegistryTests: ScriptTestCase {
    func testEveryMethodIsSelectedByARealBuiltinCall() throws {
        for method in KeypointMethod.all {
            let builtin = try XCTUnwrap(BuiltinRegistry.standard[method.scriptCall.op], "\(method.name): no builtin \(method.scriptCall.op)")
            if let choice = method.scriptCall.choice {
                XCTAssertTrue(builtin.parameters.contains { $0.name == choice.parameter }, "\(method.name): \(builtin.name) has no \(choice.parameter)")
            }
        }
        XCTAssertEqual(Set(KeypointMethod.all.map(\.name)).count, KeypointMethod.all.count, "two methods share a name")
    }

    func testEverySettingIsAViewField() {
        for setting in KeypointMethod.Setting.allCases {
            for field in setting.fieldNames { XCTAssertTrue(ViewSettingsFields.names.contains(field), "\(setting): no view.\(field)") }
        }
    }

    /// Each method's written script, run on a tensor of its rank and followed as
    /// `subpix view --script` follows it, selects the method again (the inverse rule
    /// of ``ScriptViewSettings`` read off the same registry).
    func testTheScriptAMethodWritesSelectsItAgain() throws {
        let inputs = [
            4: "x = gaussians(size=(24, 32), peaks=[(10.3, 8.7, 2.0), (20.2, 15.6, 1.5)])",
            5: "x = dog(gaussians(size=(24, 32), peaks=[(10.3, 8.7, 2.0)]))",
        ]
        for method in KeypointMethod.all {
            // The other rank's default method first, so that following the script must change it.
            let other = try XCTUnwrap(KeypointMethod.initial(forRank: method.inputRank == 4 ? 5 : 4))
            let lines = method.scriptLines(input: "x", view: ViewSettings(), minValue: nil)
            let session = Session(output: { _ in })
            try session.execute(try XCTUnwrap(inputs[method.inputRank]))
            try session.execute("view.input = 'x'")
            session.view.method = other
            try session.execute(lines.joined(separator: "\n"))
            session.followScriptCalls()
            XCTAssertEqual(session.view.method, method, "\(method.name): \(lines.joined(separator: "; "))")
        }
    }
}
