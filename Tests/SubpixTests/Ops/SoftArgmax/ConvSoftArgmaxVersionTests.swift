import XCTest
import Subpix

/// Each way kornia 0.9's `conv_soft_argmax2d` / `3d` differs from kornia 0.7.4's,
/// with both answers side by side: 0.9's from its fixtures or worked out by hand
/// next to the test, 0.7.4's from the same hand working or the values issue 23
/// measured on it.
final class ConvSoftArgmaxVersionTests: XCTestCase {
    /// Fixture `weak_peaks_t0.005` (float32): map 0's maximum is 0.474 at row 10,
    /// and a weaker peak 0.175 sits at row 18, column 5. At T = 0.005 that window's
    /// largest term is `exp(−(0.474 − 0.175) / 0.005) = e⁻⁶⁰ ≈ 10⁻²⁶` of the map's, far
    /// under `eps` = 10⁻⁸: kornia 0.7.4's weights there are at most 10⁻¹⁸, so the
    /// window reads its centre (5, 18) with value 0. kornia 0.9 takes the window's
    /// softmax on its own and finds the peak (the fixture's numbers).
    func testAWeakPeakAtASmallTemperatureCollapsesIn07AndIsFoundIn09() throws {
        let golden = try fixtureCase("conv_soft_argmax2d", "weak_peaks_t0.005", dtype: .float32)
        let input: Tensor<Float> = try golden.input()
        let (row, column) = (18, 5)
        let (coords09, values09) = try run(golden, input, .v0_9)
        let (coords07, values07) = try run(golden, input, .v0_7)
        let plane = input.shape[2] * input.shape[3]
        let (x, y) = (row * input.shape[3] + column, plane + row * input.shape[3] + column)
        // 0.9: the fixture's answer (kornia 0.9 itself).
        XCTAssertEqual(Double(coords09.elements[x]), golden.outputs[0].values[x], accuracy: 1e-4)
        XCTAssertEqual(Double(coords09.elements[y]), golden.outputs[0].values[y], accuracy: 1e-4)
        XCTAssertEqual(Double(values09.elements[row * input.shape[3] + column]), golden.outputs[1].values[row * input.shape[3] + column], accuracy: 1e-4)
        XCTAssertGreaterThan(values09.elements[row * input.shape[3] + column], 0.15)
        // 0.7.4: the centre, value 0.
        XCTAssertEqual(coords07.elements[x], Float(column), accuracy: 1e-6)
        XCTAssertEqual(coords07.elements[y], Float(row), accuracy: 1e-6)
        XCTAssertEqual(values07.elements[row * input.shape[3] + column], 0, accuracy: 1e-6)
    }

    /// Issue 23's repro: two Gaussians, the second of amplitude 0.5, T = 0.02. kornia
    /// 0.9 keeps the weak one at (40.47, 30.41) with value 0.486 (the issue's run of
    /// kornia 0.9); 0.7.4 subtracts the map's maximum, the weak peak's windows drop
    /// to `e^(−0.5/0.02) = e⁻²⁵` of it, `eps` pulls them to their centres and below the
    /// NMS's reach, and one keypoint is listed.
    func testTheIssueReproListsTheWeakPeakIn09Only() throws {
        let heat: Tensor<Float> = try gaussians(
            size: (48, 64), peaks: [GaussianPeak(x: 14.3, y: 12.7, sigma: 2.5), GaussianPeak(x: 40.6, y: 30.2, sigma: 3.5, amplitude: 0.5)])
        let map = try Tensor(shape: [1, 1, 48, 64], elements: heat.elements)
        func points(_ version: KorniaVersion) throws -> KeypointList {
            let (coords, values) = try convSoftArgmax2d(
                map, kernelSize: [3, 3], stride: [1, 1], padding: [1, 1], temperature: 0.02, normalizedCoordinates: false,
                eps: 1e-8, outputValue: true, version: version)
            let pooled = try XCTUnwrap(values)
            return try keypoints(coords: coords, values: pooled, mask: nms2dMask(pooled, kernelSize: [5, 5]), minValue: 0.1)
        }
        let (kornia09, kornia07) = (try points(.v0_9), try points(.v0_7))
        XCTAssertEqual(kornia07.count, 1)
        XCTAssertEqual(kornia09.count, 2)
        let weak = try XCTUnwrap(kornia09.first { $0.x > 30 })
        XCTAssertEqual(weak.x, 40.47, accuracy: 0.005)
        XCTAssertEqual(weak.y, 30.41, accuracy: 0.005)
        XCTAssertEqual(weak.value, 0.486, accuracy: 0.0005)
    }

    /// A 5-wide window centred on column 10 whose only hot cell is column 12 (two
    /// pixels right), at a temperature that puts all but `e⁻¹⁰⁰` of the weight there:
    /// kornia 0.9's whole-pixel offset of tap 4 is `4 − (5 − 1) / 2 = 2`, so it reads
    /// 12.0; 0.7.4's `2t / (k − 1) − 1 = 1` reads 11.
    func testAFiveWideWindowReadsTheHotCellWhereItIs() throws {
        var map = Tensor<Float>(shape: [1, 1, 5, 21], repeating: 0)
        map[0, 0, 2, 12] = 10
        for (version, expected) in [(KorniaVersion.v0_9, Float(12)), (.v0_7, 11)] {
            let (coords, _) = try convSoftArgmax2d(
                map, kernelSize: [5, 5], stride: [1, 1], padding: [2, 2], temperature: 0.1, normalizedCoordinates: false,
                eps: 1e-8, outputValue: false, version: version)
            XCTAssertEqual(coords[0, 0, 0, 2, 10], expected, accuracy: 1e-5, "\(version)")
            XCTAssertEqual(coords[0, 0, 1, 2, 10], 2, accuracy: 1e-5, "\(version)")
        }
    }

    /// Issue 23's border case: a Gaussian at x = 15 on a 16-wide map, kernel 4 and
    /// padding 2. Output column 16's window covers columns 14 … 17, of which 14 and 15
    /// are in the map, with weights `p₁₄` and `1 − p₁₄` in either release.
    /// - kornia 0.9: centre `16 − 2 + 1.5 = 15.5`, offsets −1.5 and −0.5: `15 − p₁₄`.
    /// - kornia 0.7.4: centre cells 15 and 16, the padded 16 counting as 0: `7.5`;
    ///   offsets −1 and −⅓: `7.5 − ⅓ − ⅔·p₁₄` — the issue's 7.15.
    /// So `x₀.₉ = 15 − 1.5 · (7.5 − ⅓ − x₀.₇)`, about 15.
    func testAnEvenKernelAtTheBorderReadsThePeakIn09() throws {
        let heat: Tensor<Float> = try gaussians(size: (16, 16), peaks: [GaussianPeak(x: 15, y: 8, sigma: 1)])
        let map = try Tensor(shape: [1, 1, 16, 16], elements: heat.elements)
        func x(_ version: KorniaVersion) throws -> Double {
            let (coords, _) = try convSoftArgmax2d(
                map, kernelSize: [4, 4], stride: [1, 1], padding: [2, 2], temperature: 0.1, normalizedCoordinates: false,
                eps: 1e-8, outputValue: false, version: version)
            return Double(coords[0, 0, 0, 8, 16])
        }
        let (kornia09, kornia07) = (try x(.v0_9), try x(.v0_7))
        XCTAssertEqual(kornia07, 7.15, accuracy: 0.01)
        XCTAssertEqual(kornia09, 15 - 1.5 * (7.5 - 1.0 / 3 - kornia07), accuracy: 1e-5)
        XCTAssertEqual(kornia09, 15, accuracy: 0.05)
    }

    /// Padding above half the kernel: kornia 0.9 refuses it in its own words; 0.7.4's
    /// pooling refused it too (torch's "pad should be at most half of effective kernel size").
    func testPaddingAboveHalfTheKernelIsRefusedByBoth() throws {
        let map = Tensor<Float>(shape: [1, 1, 8, 8], repeating: 0)
        for version in KorniaVersion.allCases {
            XCTAssertThrowsError(try convSoftArgmax2d(map, kernelSize: [3, 3], padding: [2, 1], version: version)) { error in
                let message = "\(error)"
                XCTAssertTrue(message.hasPrefix("conv_soft_argmax2d: "), message)
                XCTAssertTrue(
                    version == .v0_9
                        ? message.contains("padding must be non-negative and at most half of kernel_size, got (2, 1) for kernel_size (3, 3)")
                        : message.contains("at most half the kernel"), message)
            }
        }
        XCTAssertThrowsError(try convSoftArgmax3d(Tensor<Float>(shape: [1, 1, 4, 8, 8], repeating: 0), kernelSize: [3, 4, 4],
                                                  padding: [1, 2, 3], version: .v0_9)) { error in
            XCTAssertTrue("\(error)".contains("got (1, 2, 3) for kernel_size (3, 4, 4)"), "\(error)")
        }
    }

    /// `strict_maxima_bonus` multiplies the value at a strict maximum by `1 + bonus · x`
    /// in kornia 0.7.4; kornia 0.9 deprecated it and ignores it. A lone voxel of 1 at
    /// T = 0.01 pools to 1 in its own window: 0.7.4 with a bonus of 2 gives 3.
    func testTheStrictMaximaBonusIsIgnoredIn09() throws {
        var volume = Tensor<Float>(shape: [1, 1, 3, 5, 5], repeating: 0)
        volume[0, 0, 1, 2, 2] = 1
        func value(_ version: KorniaVersion, bonus: Double) throws -> Float {
            let arguments = Method.Arguments(
                ["input": .tensor(AnyTensor(volume)), "temperature": .real(0.01), "strict_maxima_bonus": .real(bonus)], version: version)
            guard case .tensor(.float32(let pooled)) = try Method.convSoftArgmax3d.run(arguments)[1] else {
                throw SubpixError("test", "expected float32 values")
            }
            return pooled[0, 0, 1, 2, 2]
        }
        XCTAssertEqual(try value(.v0_7, bonus: 2), 3, accuracy: 1e-4)
        XCTAssertEqual(try value(.v0_9, bonus: 2), 1, accuracy: 1e-4)
        XCTAssertEqual(try value(.v0_9, bonus: 2), try value(.v0_9, bonus: 0))
    }

    private func fixtureCase(_ op: String, _ name: String, dtype: DType) throws -> GoldenCase {
        let url = GoldenFixtures.kornia09.directory.appendingPathComponent("\(op).json")
        return try XCTUnwrap(try GoldenFixtures.load(url).first { $0.name == name && $0.dtype == dtype })
    }

    private func run(_ golden: GoldenCase, _ input: Tensor<Float>, _ version: KorniaVersion) throws -> (Tensor<Float>, Tensor<Float>) {
        let (coords, values) = try convSoftArgmax2d(
            input, kernelSize: golden.ints("kernel_size"), stride: golden.ints("stride"), padding: golden.ints("padding"),
            temperature: golden.double("temperature"), normalizedCoordinates: golden.bool("normalized_coordinates"),
            eps: golden.double("eps"), outputValue: true, version: version)
        return (coords, try XCTUnwrap(values))
    }
}
