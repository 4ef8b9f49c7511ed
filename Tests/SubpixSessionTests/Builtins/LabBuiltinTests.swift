import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

/// `accuracy(...)` and `bias_plot(...)` as a user calls them.
final class LabBuiltinTests: ScriptTestCase {
    func testAccuracyIsATableThatPrintsAsTextOrCSV() throws {
        try value("t = accuracy(methods=['argmax', 'gaussian'], trials=50)\nprint(t)\nprint(t, format='csv')")
        XCTAssertEqual(printed[0].split(separator: "\n").first?.split(separator: " ").map(String.init),
                       ["method", "rmse_x", "rmse_y", "max_error", "bias_x", "bias_y", "failed"])
        let csv = printed[1].split(separator: "\n").map(String.init)
        XCTAssertEqual(csv[0], "method,rmse_x,rmse_y,max_error,bias_x,bias_y,failed")
        XCTAssertEqual(csv.count, 3)
        let gaussian = csv[2].split(separator: ",").map(String.init)
        XCTAssertEqual(gaussian[0], "gaussian")
        XCTAssertLessThan(try XCTUnwrap(Double(gaussian[3])), 1e-6, "exact on noiseless Gaussians")
    }

    func testTheSameSeedPrintsTheSameTable() throws {
        try value("print(accuracy(methods=['parabola', 'dark'], noise=0.05, trials=40, seed=5))")
        try value("print(accuracy(methods=['parabola', 'dark'], noise=0.05, trials=40, seed=5))")
        try value("print(accuracy(methods=['parabola', 'dark'], noise=0.05, trials=40, seed=6))")
        XCTAssertEqual(printed[0], printed[1])
        XCTAssertNotEqual(printed[0], printed[2])
    }

    /// argmax's error is −phase below phase ½ and 1 − phase above it (a sawtooth from
    /// 0 down to −½, a jump to +½, back up to 0): so its glyph is in the top row (+0.50)
    /// only just right of the middle column (30 of 60) and in the bottom row only just
    /// left of it; the jump itself is the vertical line in the middle column.
    func testBiasPlotShowsArgmaxsSawtooth() throws {
        try value("bias_plot(methods=['argmax', 'quarter'], trials=2000)")
        let top = try XCTUnwrap(printed.first { $0.hasPrefix("+0.50 ┤") })
        let bottom = try XCTUnwrap(printed.first { $0.hasPrefix("-0.50 ┤") })
        let plot = { (line: String) in Array(line.dropFirst("+0.50 ┤".count)) }
        let topColumns = plot(top).indices.filter { plot(top)[$0] == "a" }
        let bottomColumns = plot(bottom).indices.filter { plot(bottom)[$0] == "a" }
        XCTAssertFalse(topColumns.isEmpty)
        XCTAssertFalse(bottomColumns.isEmpty)
        XCTAssertTrue(topColumns.allSatisfy { (29...36).contains($0) }, "\(topColumns)")
        XCTAssertTrue(bottomColumns.allSatisfy { (23...30).contains($0) }, "\(bottomColumns)")
        XCTAssertEqual(printed.first, "mean x error (estimate − truth, px) against the true sub-pixel phase of x")
        XCTAssertEqual(printed.last, "a argmax   q quarter")
    }

    func testBiasPlotInColourUsesBrailleAndOneColourPerMethod() throws {
        session.colorOutput = true
        try value("bias_plot(methods=['argmax', 'quarter'], trials=200)")
        let body = printed.joined(separator: "\n")
        XCTAssertTrue(body.contains("\u{1B}[31m"), "argmax in red")
        XCTAssertTrue(body.contains("\u{1B}[32m"), "quarter in green")
        XCTAssertTrue(body.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, "braille dots")
    }

    func testBadArgumentsAreOneLineErrors() {
        assertErrors([
            ("accuracy(methods=['argmax', 'cubic'])",
             "1:18: accuracy(): expected methods to be a list of method names (\(LabBuiltins.methodNames)), got str 'cubic'"),
            ("accuracy(sigma=-1)", "1:1: accuracy: expected sigma > 0, got -1.0"),
            ("bias_plot(center=(1,))", "1:18: bias_plot(): expected center to be a tuple (x, y) of two numbers, got tuple (1,)"),
        ])
    }
}
