import XCTest
import Subpix

/// The per-release schema: which kornia release has a parameter, its default
/// there, and the positional order each release sees. The method is made up,
/// with the two signatures of `conv_quad_interp3d` as kornia writes them:
/// 0.7.4 `(input, strict_maxima_bonus=10.0, eps=1e-7)` and 0.9
/// `(input, n_iters=5, strict_maxima_bonus=None, ...)`.
final class MethodVersionTests: XCTestCase {
    /// Echoes the arguments it ran with: `[strict_maxima_bonus, eps, n_iters]`, NaN for absent or None.
    private let twoSignatures = Method(
        name: "quad", family: .kornia, inputRank: nil,
        parameters: [
            .required("input", .tensor, "maps"),
            .defaulted("n_iters", .integer, .int(5), "iterations").only(in: .v0_9),
            .defaulted("strict_maxima_bonus", .number, .real(10), "bonus").defaulting(to: .none, in: .v0_9),
            .defaulted("eps", .number, .real(1e-7), "Hessian regulariser").only(in: .v0_7),
        ],
        summary: "two signatures"
    ) { a in
        func number(_ name: String) -> Double {
            switch a[name] {
            case .real(let value): value
            case .int(let value): Double(value)
            default: .nan
            }
        }
        return [Method.Output(try Tensor<Double>(
            shape: [3], elements: [number("strict_maxima_bonus"), number("eps"), number("n_iters")]))]
    }

    private let input = ArgumentValue.tensor(AnyTensor(try! Tensor<Double>(shape: [1], elements: [0])))

    private func run(_ values: [String: ArgumentValue], _ version: KorniaVersion) throws -> [Double] {
        var arguments = Method.Arguments(values, version: version)
        arguments["input"] = input
        guard case .tensor(let echo) = try twoSignatures.run(arguments).first else { throw SubpixError("test", "no tensor") }
        return echo.doubles
    }

    func testEachReleaseSeesItsOwnParametersInItsOwnOrder() {
        XCTAssertEqual(twoSignatures.parameters(in: .v0_7).map(\.name), ["input", "strict_maxima_bonus", "eps"])
        XCTAssertEqual(twoSignatures.parameters(in: .v0_9).map(\.name), ["input", "n_iters", "strict_maxima_bonus"])
    }

    func testDefaultsFollowTheRelease() throws {
        let old = try run([:], .v0_7)
        XCTAssertEqual(old[0], 10)
        XCTAssertEqual(old[1], 1e-7)
        XCTAssertTrue(old[2].isNaN, "0.7.4 has no n_iters")
        let new = try run([:], .v0_9)
        XCTAssertTrue(new[0].isNaN, "0.9's strict_maxima_bonus defaults to None")
        XCTAssertTrue(new[1].isNaN, "0.9 has no eps")
        XCTAssertEqual(new[2], 5)
    }

    func testAnArgumentOfTheOtherReleaseNamesIt() {
        XCTAssertThrowsError(try run(["eps": .real(1e-6)], .v0_9)) {
            XCTAssertEqual("\($0)", "quad: eps is a kornia 0.7 argument; run with --kornia 0.7 or see docs/kornia.md")
        }
        XCTAssertThrowsError(try run(["n_iters": .int(3)], .v0_7)) {
            XCTAssertEqual("\($0)", "quad: n_iters is a kornia 0.9 argument; run with --kornia 0.9 or see docs/kornia.md")
        }
    }

    func testNoneIsAcceptedWhereTheReleaseDefaultsToIt() throws {
        XCTAssertTrue(try run(["strict_maxima_bonus": .none], .v0_9)[0].isNaN)
        XCTAssertThrowsError(try run(["strict_maxima_bonus": .none], .v0_7)) {
            XCTAssertEqual("\($0)", "quad: expected strict_maxima_bonus to be a number, got None")
        }
    }

    func testVersionsParseFromTheirNamesAndReleases() throws {
        XCTAssertEqual(try KorniaVersion(parsing: "0.7"), .v0_7)
        XCTAssertEqual(try KorniaVersion(parsing: "0.7.4"), .v0_7)
        XCTAssertEqual(try KorniaVersion(parsing: "0.9.0"), .v0_9)
        XCTAssertThrowsError(try KorniaVersion(parsing: "0.8")) {
            XCTAssertEqual("\($0)", "kornia: expected version 0.7 or 0.9, got '0.8'")
        }
    }
}
