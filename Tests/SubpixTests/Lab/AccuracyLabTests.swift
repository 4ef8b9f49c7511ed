import XCTest
@testable import Subpix

/// The accuracy lab against facts derived by hand.
final class AccuracyLabTests: XCTestCase {
    /// On a noiseless sampled Gaussian the row through the peak is
    /// c · exp(−(x − cx)² / 2σ²): its log is a parabola, so the 3-point log-parabola
    /// returns cx exactly (up to OpenPIV's 1e-7 added to each sample).
    func testGaussianEstimatorIsExactOnNoiselessGaussians() throws {
        for sigma in [1.0, 2.0] {
            let summary = try AccuracyLab(sigma: sigma, trials: 200).run([.gaussian]).summaries[0]
            XCTAssertLessThan(summary.maxError, 1e-6, "σ = \(sigma)")
            XCTAssertEqual(summary.failed, 0)
        }
    }

    /// argmax rounds the true centre to the nearest pixel, so its error is uniform
    /// on [−½, ½): RMSE √(1/12) ≈ 0.2887. Over n trials the mean of e² has standard
    /// deviation √((1/80 − 1/144) / n) ≈ 0.0024 for n = 1000, i.e. ±0.004 on the RMSE;
    /// 0.015 is over three of those.
    func testArgmaxRMSEIsOneOverSqrtTwelve() throws {
        let summary = try AccuracyLab(sigma: 1, trials: 1000, seed: 3).run([.argmax]).summaries[0]
        XCTAssertEqual(summary.rmse.x, (1.0 / 12).squareRoot(), accuracy: 0.015)
        XCTAssertEqual(summary.rmse.y, (1.0 / 12).squareRoot(), accuracy: 0.015)
        XCTAssertEqual(summary.maxError, 0.5 * 2.0.squareRoot(), accuracy: 0.05, "a corner of the pixel square")
    }

    /// The quarter step moves the rounded centre 0.25 toward the truth, leaving an
    /// error uniform on [−¼, ¼]: RMSE 0.5/√12 ≈ 0.1443 (Monte-Carlo error half argmax's).
    func testQuarterRMSEIsHalfOfArgmax() throws {
        let summary = try AccuracyLab(sigma: 1, trials: 1000, seed: 3).run([.quarter]).summaries[0]
        XCTAssertEqual(summary.rmse.x, 0.5 / 12.0.squareRoot(), accuracy: 0.008)
        XCTAssertEqual(summary.rmse.y, 0.5 / 12.0.squareRoot(), accuracy: 0.008)
        XCTAssertLessThanOrEqual(summary.maxError, 0.25 * 2.0.squareRoot() + 1e-9)
    }

    /// The same seed gives the same maps (noise included), so the same numbers; another seed does not.
    func testTheSameSeedGivesTheSameResults() throws {
        let lab = AccuracyLab(sigma: 2, noise: 0.05, trials: 50, seed: 7)
        let first = try lab.run([.parabola, .dark])
        let again = try lab.run([.parabola, .dark])
        XCTAssertEqual(first.truths.map(\.x), again.truths.map(\.x))
        for (a, b) in zip(first.estimates, again.estimates) {
            XCTAssertEqual(a.points.map(\.x), b.points.map(\.x))
            XCTAssertEqual(a.points.map(\.y), b.points.map(\.y))
        }
        var other = lab
        other.seed = 8
        XCTAssertNotEqual(try other.run([.parabola]).estimates[0].points.map(\.x), first.estimates[0].points.map(\.x))
    }

    func testBadSetupsAreOneLineErrors() {
        XCTAssertThrowsError(try AccuracyLab(sigma: 0).run([.argmax])) {
            XCTAssertEqual("\($0)", "accuracy: expected sigma > 0, got 0.0")
        }
        XCTAssertThrowsError(try AccuracyLab(trials: 100_000, size: (1024, 1024)).run([.argmax])) {
            XCTAssertEqual("\($0)", "accuracy: expected trials · H · W <= 10000000 (80 MB of float64 maps), got 100000 · 1024 · 1024")
        }
        XCTAssertThrowsError(try AccuracyLab(center: (60, 30)).run([.argmax])) {
            XCTAssertEqual("\($0)", "accuracy: expected center (x, y) inside the map (0...47, 0...63), got (60.0, 30.0)")
        }
    }
}
