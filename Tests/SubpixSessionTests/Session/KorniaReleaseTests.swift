import XCTest
import Subpix
import TestSupport
@testable import SubpixLanguage
@testable import SubpixSession

/// A session follows one kornia release: `kornia_version()` names it, and each op's
/// builtin binds, defaults, documents and refuses arguments as that release declares
/// them. A probe method whose two parameters differ by release stands for the ops.
final class KorniaReleaseTests: XCTestCase {
    /// `probe(a=1, b=2)` in kornia 0.7, `probe(b=3)` in 0.9: `a` is 0.7's alone, `b`'s
    /// default differs. It returns `[a or -1, b, the release's minor number]`.
    private static let probe = Method(
        name: "probe", family: .kornia, inputRank: nil,
        parameters: [
            .defaulted("a", .integer, .int(1), "0.7 only").only(in: .v0_7),
            .defaulted("b", .integer, .int(2), "2 in 0.7, 3 in 0.9").defaulting(to: .int(3), in: .v0_9),
        ],
        summary: "a probe"
    ) { arguments in
        let a = arguments["a"] == nil ? -1 : try arguments.int("a")
        let minor = arguments.version == .v0_7 ? 7 : 9
        return [Method.Output(try Tensor<Float>(shape: [3], elements: [Float(a), Float(try arguments.int("b")), Float(minor)]))]
    }

    private func session(_ version: KorniaVersion) -> (Session, () -> [String]) {
        var registry = BuiltinRegistry.standard
        registry.add(Builtin(method: Self.probe))
        var printed: [String] = []
        let session = Session(registry: registry, kornia: version, output: { printed.append($0) })
        return (session, { printed })
    }

    private func numbers(_ source: String, in session: Session) throws -> [Double] {
        guard case .tensor(let tensor)? = try session.execute(source) else { XCTFail("\(source) gave no tensor"); return [] }
        return tensor.doubles
    }

    func testKorniaVersionNamesTheSessionsRelease() throws {
        for version in KorniaVersion.allCases {
            let (session, _) = session(version)
            XCTAssertEqual(try session.execute("kornia_version()"), .string(version.rawValue))
        }
        XCTAssertEqual(try Session(output: { _ in }).execute("kornia_version()"), .string(KorniaVersion.default.rawValue))
    }

    func testAnOpRunsInTheSessionsReleaseWithThatReleasesDefaults() throws {
        XCTAssertEqual(try numbers("probe()", in: session(.v0_7).0), [1, 2, 7])
        XCTAssertEqual(try numbers("probe()", in: session(.v0_9).0), [-1, 3, 9])
    }

    func testPositionalArgumentsBindInTheReleasesOrder() throws {
        XCTAssertEqual(try numbers("probe(5)", in: session(.v0_7).0), [5, 2, 7], "0.7's first parameter is a")
        XCTAssertEqual(try numbers("probe(5)", in: session(.v0_9).0), [-1, 5, 9], "0.9 has no a: its first is b")
    }

    func testTheOtherReleasesKeywordIsRefusedNamingTheRelease() throws {
        let (session, _) = session(.v0_9)
        XCTAssertThrowsError(try session.execute("p = probe(b=1, a=2)")) {
            XCTAssertEqual("\($0)", "1:16: probe: a is a kornia 0.7 argument; run with --kornia 0.7 or see docs/kornia.md")
        }
        XCTAssertThrowsError(try session.execute("p = probe(c=2)")) {
            XCTAssertTrue("\($0)".contains("unexpected keyword 'c'"), "\($0)")
        }
    }

    func testHelpShowsTheReleasesSignature() throws {
        let (old, printedOld) = session(.v0_7)
        try old.execute("help(probe)")
        XCTAssertEqual(printedOld().first?.split(separator: "\n").first, "probe(a=1, b=2)")
        let (new, printedNew) = session(.v0_9)
        try new.execute("help(probe)")
        XCTAssertEqual(printedNew().first?.split(separator: "\n").first, "probe(b=3)")
    }

    func testTheReferenceShowsTheOtherReleasesSignatureWhereItDiffers() {
        var registry = BuiltinRegistry()
        registry.add(Builtin(method: Self.probe))
        let document = ReferenceMarkdown.document(registry)
        let other = KorniaVersion.allCases.first { $0 != .default }!
        let signatures = ["probe(a=1, b=2)", "probe(b=3)"]
        let (defaultSignature, otherSignature) = KorniaVersion.default == .v0_7 ? (signatures[0], signatures[1]) : (signatures[1], signatures[0])
        XCTAssertTrue(document.contains("```\n\(defaultSignature)\n```\n\nWith `--kornia \(other.rawValue)` (kornia \(other.release)):\n\n```\n\(otherSignature)\n```\n"), document)
    }

    /// kornia 0.9 warns (`DeprecationWarning`) when `strict_maxima_bonus` is given to
    /// `conv_soft_argmax3d` and ignores it; 0.7.4 uses it and says nothing.
    func testAnOpCallReportsKorniasDeprecationWarning() throws {
        for version in KorniaVersion.allCases {
            var warnings: [String] = []
            let session = Session(kornia: version, output: { _ in })
            session.warnings = { warnings.append($0) }
            try session.execute("v = conv_soft_argmax3d(zeros((1, 1, 3, 3, 3)), strict_maxima_bonus=2.0)")
            if version == .v0_9 {
                XCTAssertEqual(warnings.count, 1, "\(warnings)")
                XCTAssertTrue(warnings.first?.hasPrefix("warning: conv_soft_argmax3d: strict_maxima_bonus is deprecated since kornia 0.9.0 and is ignored") == true, "\(warnings)")
            } else {
                XCTAssertEqual(warnings, [])
            }
        }
    }

    func testAWarningGoesToTheWarningsLineByLine() {
        var warnings: [String] = []
        let session = Session(output: { _ in })
        session.warnings = { warnings.append($0) }
        session.warn("probe: b is deprecated")
        XCTAssertEqual(warnings, ["warning: probe: b is deprecated"])
    }
}

/// The first line naming a script's release: written by `w` (``ViewScript``) for a session
/// of another release than the default, read back by the runner.
final class ScriptHeaderTests: XCTestCase {
    private let other = KorniaVersion.allCases.first { $0 != .default }!

    func testTheHeaderNamesTheReleaseInEitherSpelling() throws {
        XCTAssertEqual(try ScriptHeader.kornia(in: "# subpix --kornia 0.7\nx = 1\n"), .v0_7)
        XCTAssertEqual(try ScriptHeader.kornia(in: "#  subpix view --kornia=0.9.0, replay with: subpix run a.subpix"), .v0_9)
        XCTAssertNil(try ScriptHeader.kornia(in: "x = 1\n# subpix --kornia 0.7\n"), "only the first line counts")
        XCTAssertNil(try ScriptHeader.kornia(in: "# subpix view, replay with: subpix run a.subpix"))
        XCTAssertThrowsError(try ScriptHeader.kornia(in: "# subpix --kornia 2")) {
            XCTAssertEqual("\($0)", "kornia: expected version 0.7 or 0.9, got '2'")
        }
    }

    func testTheViewersLineNamesOnlyAnotherReleaseThanTheDefault() throws {
        XCTAssertEqual(ScriptHeader.line(writtenBy: "view", in: .default, remark: "replay with: subpix run a.subpix"),
                       "# subpix view, replay with: subpix run a.subpix")
        let line = ScriptHeader.line(writtenBy: "view", in: other, remark: "replay with: subpix run a.subpix")
        XCTAssertEqual(line, "# subpix view --kornia \(other.rawValue), replay with: subpix run a.subpix")
        XCTAssertEqual(try ScriptHeader.kornia(in: line), other)
    }

    func testTheRunnerFollowsTheHeaderUnlessToldARelease() throws {
        let directory = try scratchDirectory("subpix-header")
        let path = directory.appendingPathComponent("s.subpix").path
        try "# subpix --kornia \(other.rawValue)\nv = kornia_version()\n".write(toFile: path, atomically: true, encoding: .utf8)
        let followed = Session(output: { _ in })
        XCTAssertEqual(ScriptRunner(path: path, arguments: [], keepGoing: false).run(in: followed) { XCTFail($0) }, 0)
        XCTAssertEqual(followed.variables["v"], .string(other.rawValue))
        var notes: [String] = []
        let told = Session(output: { _ in })
        told.status = { notes.append($0) }
        XCTAssertEqual(ScriptRunner(path: path, arguments: [], keepGoing: false, kornia: .default).run(in: told) { XCTFail($0) }, 0)
        XCTAssertEqual(told.variables["v"], .string(KorniaVersion.default.rawValue))
        XCTAssertEqual(notes.count, 1)
    }
}
