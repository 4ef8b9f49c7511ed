import XCTest
import TestSupport

/// Every demo script runs headless with `subpix run` and prints what its docs quote.
final class DemoTests: XCTestCase {
    private let demos = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("demos")

    /// Every `<!-- output: demos/X -->` block of docs/tutorial.md is what the demo prints
    /// (refresh with scripts/update-tutorial-output.py), and every numbered demo runs.
    func testEveryDemoRunsAndTheTutorialQuotesItsOutput() throws {
        let root = demos.deletingLastPathComponent()
        let tutorial = try String(contentsOf: root.appendingPathComponent("docs/tutorial.md"), encoding: .utf8)
        let numbered = try FileManager.default.contentsOfDirectory(atPath: demos.path).filter { $0.first?.isNumber == true }.sorted()
        XCTAssertGreaterThanOrEqual(numbered.count, 8)
        for demo in numbered {
            let result = try CLIRunner.run(["run", "demos/\(demo)"], directory: root)
            XCTAssertEqual(result.status, 0, "\(demo): \(result.stderr)")
            let marker = "<!-- output: demos/\(demo) -->\n```text\n"
            guard let start = tutorial.range(of: marker), let end = tutorial[start.upperBound...].range(of: "```") else {
                XCTFail("docs/tutorial.md does not quote \(demo)")
                continue
            }
            XCTAssertEqual(String(tutorial[start.upperBound..<end.lowerBound]), result.stdout,
                           "docs/tutorial.md's block for \(demo) is stale: run scripts/update-tutorial-output.py")
        }
    }

    /// Chapter 4 computes the output size with `//` instead of printing typed-in numbers.
    func testWindowsDemoComputesTheOutputSize() throws {
        let source = try String(contentsOf: demos.appendingPathComponent("04-windows.subpix"), encoding: .utf8)
        XCTAssertTrue(source.contains("(H + 2 * p - (k - 1) - 1) // s + 1"), "the formula is computed")
        XCTAssertFalse(source.contains("25"), "no hard-coded result")
        let result = try CLIRunner.run(["run", demos.appendingPathComponent("04-windows.subpix").path])
        // (50 + 2·1 − 2 − 1) // 2 + 1 = 49 // 2 + 1 = 25 and (32 + 2 − 2 − 1) // 2 + 1 = 31 // 2 + 1 = 16.
        XCTAssertTrue(result.stdout.contains("// s + 1 = 25   W_out = 16"), result.stdout)
    }

    func testDiagnoseDemoPrintsTheThreeVerdicts() throws {
        let result = try CLIRunner.run(["run", demos.appendingPathComponent("08-diagnose.subpix").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let verdict = try XCTUnwrap(result.stdout.split(separator: "\n").first { $0.contains("! flat:") }, result.stdout)
        // The true peak is (12.3, 50.6): the hard argmax (12, 51) is hypot(0.3, 0.4) = 0.5 px off,
        // and the advice must do better (the error diagnose measured, to the hundredth).
        XCTAssertNotNil(verdict.range(of: #"the hard argmax 0\.50 px; temperature=\S+ puts it 0\.0\d\d px from the peak$"#, options: .regularExpression), "\(verdict)")
        XCTAssertTrue(result.stdout.contains("! already a probability map: apply spatial_expectation2d instead of spatial_soft_argmax2d"))
        XCTAssertTrue(result.stdout.contains("! 2 modes: the expectation lands between them; use conv_soft_argmax2d + NMS"))
        let docs = try String(contentsOf: demos.deletingLastPathComponent().appendingPathComponent("docs/diagnose.md"), encoding: .utf8)
        XCTAssertTrue(docs.contains(verdict.dropFirst(4)), "docs/diagnose.md quotes the demo's verdict")
    }

    func testExtractDemoPrintsCSVForAFile() throws {
        let directory = try scratchDirectory("subpix-demo")
        let map = directory.appendingPathComponent("map.npy").path
        let make = directory.appendingPathComponent("make.subpix")
        try "save(gaussians(size=(20, 30), peaks=[(7, 11, 1.5), (21, 6, 1.5, 0.5)]), args[0])\n".write(to: make, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLIRunner.run(["run", make.path, map]).status, 0)
        let result = try CLIRunner.run(["run", demos.appendingPathComponent("extract.subpix").path, map])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "batch,channel,x,y,value")
        XCTAssertEqual(lines.count, 3, "two blobs above min_value: \(result.stdout)")
        let first = lines[1].split(separator: ",").compactMap { Double($0) }
        XCTAssertEqual(first[2], 7, accuracy: 1e-3, "a blob centred on a pixel stays on it (symmetric window)")
        XCTAssertEqual(first[3], 11, accuracy: 1e-3)
    }
}
