import XCTest
import Subpix
@testable import SubpixLanguage
@testable import SubpixSession

/// The `view.<field>`s of the methods' settings follow the kornia parameters of
/// the methods that read them: their checks, messages and doc lines.
final class MethodSettingFieldsTests: XCTestCase {
    /// Every field follows at least one method's parameter, and the methods that
    /// read a field agree on its kind and bound (so the view's one check is theirs).
    func testEveryFieldFollowsMethodsThatAgree() {
        for row in MethodSettingFields.rows {
            let sources = MethodSettingFields.sources(row)
            XCTAssertFalse(sources.isEmpty, "\(row.field) follows no method's parameter")
            XCTAssertEqual(Set(sources.map { "\($0.parameter.kind)" }).count, 1, row.field)
            XCTAssertEqual(Set(sources.map { "\(String(describing: $0.parameter.bound))" }).count, 1, row.field)
        }
        XCTAssertEqual(MethodSettingFields.sources(MethodSettingFields.rows[0]).map(\.method.name),
                       ["spatial_soft_argmax2d", "conv_soft_argmax2d", "conv_soft_argmax3d"], "temperature")
    }

    /// A value outside the parameter's bound (or of another kind) is the one-line
    /// error of `view.<field>`, and changes nothing.
    func testBadValuesAreOneLineErrors() throws {
        let cases: [(String, String)] = [
            ("view.temperature = 0", "view.temperature: expected a number > 0, got 0"),
            ("view.temperature = 1e308 * 10", "view.temperature: expected a number > 0, got inf"),
            ("view.kernel_size = (0, 3)", "view.kernel_size: expected two integers >= 1, e.g. (3, 3), got (0, 3)"),
            ("view.stride = (1, 0)", "view.stride: expected two integers >= 1, e.g. (3, 3), got (1, 0)"),
            ("view.padding = -1", "view.padding: expected two integers >= 0, e.g. (3, 3), got -1"),
            ("view.depth_kernel = 0", "view.depth_kernel: expected an integer >= 1, got 0"),
            ("view.depth_stride = (1, 1)", "view.depth_stride: expected an integer >= 1, got (1, 1)"),
            ("view.depth_padding = -1", "view.depth_padding: expected an integer >= 0, got -1"),
            ("view.normalized_coordinates = 1", "view.normalized_coordinates: expected True or False, got 1"),
            ("view.strict_maxima_bonus = 'big'", "view.strict_maxima_bonus: expected a number or None, got 'big'"),
            ("view.n_iters = -1", "view.n_iters: expected an integer >= 0, got -1"),
            ("view.n_iters = 2.5", "view.n_iters: expected an integer >= 0, got 2.5"),
        ]
        let session = Session(output: { _ in })
        let before = session.view
        for (statement, message) in cases {
            XCTAssertThrowsError(try session.execute(statement), statement) { error in
                XCTAssertTrue("\(error)".hasSuffix(message), "\(statement): \(error)")
            }
        }
        XCTAssertEqual(session.view, before)
    }

    /// Values inside the bounds are set, and read back as scripts write them.
    func testValuesInsideTheBoundsAreSet() throws {
        let session = Session(output: { _ in })
        try session.execute("view.temperature = 0.25\nview.kernel_size, view.padding = 5, (2, 0)\nview.depth_kernel, view.depth_padding = 1, 0")
        try session.execute("view.normalized_coordinates = True\nview.strict_maxima_bonus = None\nview.n_iters = 0")
        XCTAssertEqual(session.view.temperature, 0.25)
        XCTAssertEqual(session.view.kernelSize, [5, 5], "one integer sets both")
        XCTAssertEqual(session.view.padding, [2, 0])
        XCTAssertEqual([session.view.depthKernel, session.view.depthPadding, session.view.nIters], [1, 0, 0])
        XCTAssertTrue(session.view.normalizedCoordinates)
        XCTAssertNil(session.view.strictMaximaBonus)
        XCTAssertEqual(try session.view.value(of: "kernel_size"), .tuple([.int(5), .int(5)]))
        XCTAssertEqual(try session.view.value(of: "depth_kernel"), .int(1))
    }

    /// The doc line is the parameters' docs (with the methods of each where they
    /// differ), then what the field takes.
    func testDocLinesComeFromTheParameters() {
        let docs = Dictionary(uniqueKeysWithValues: ViewSettingsFields.all.map { ($0.name, $0.doc) })
        XCTAssertEqual(docs["kernel_size"], "window (H, W); two integers >= 1, e.g. (3, 3); one integer sets both")
        XCTAssertEqual(docs["depth_padding"], "along D: zero padding (D, H, W), at most half the kernel; an integer >= 0")
        XCTAssertEqual(docs["n_iters"], "how many times a maximum may move one voxel and be solved again; an integer >= 0")
        XCTAssertEqual(docs["temperature"],
                       "divides the input (kornia 0.9; None is 1) or multiplies it (0.7) (spatial_soft_argmax2d); divides the input before the softmax (conv_soft_argmax2d, conv_soft_argmax3d); a number > 0")
    }
}
